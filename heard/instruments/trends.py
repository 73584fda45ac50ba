"""From stored assessments to what pages show: history rows, trend charts, change since
last time, and per-episode outcomes. Reads only rows its callers already had access to."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from heard.accounts.models import User
from heard.appointments.models import (
    Appointment,
    AppointmentKind,
    AppointmentStatus,
    Episode,
)
from heard.instruments import change as change_rules
from heard.instruments.charts import TrendChart, TrendPoint, trend_chart
from heard.instruments.models import Assessment, AssessmentStatus
from heard.instruments.registry import Instrument, all_instruments, get_instrument

# Instruments that ask about trauma or about hurting oneself get a content note first.
_CONTENT_NOTES = {
    "phq-9": "self_harm",
    "pcl-5": "trauma",
    "pc-ptsd-5": "trauma",
}


def content_note(instrument_id: str) -> str:
    kind = _CONTENT_NOTES.get(instrument_id)
    if kind == "self_harm":
        return _(
            "One question asks about thoughts of death or of hurting yourself. You can skip it, "
            "or any question. If you are having those thoughts, support is there for you."
        )
    if kind == "trauma":
        return _(
            "These questions ask about a very stressful experience. Go at your own pace; you "
            "can skip any question, pause, and come back later."
        )
    return ""


def critical_items(instrument_id: str) -> frozenset[int]:
    """Item positions whose answer can be safety-critical (PHQ-9 item 9)."""
    instrument = get_instrument(instrument_id)
    return frozenset(rule.item for rule in instrument.critical_items)


def previous_of(assessment: Assessment) -> Assessment | None:
    """The same client's previous completed, scored answer to the same instrument."""
    if assessment.completed_at is None:
        return None
    return (
        Assessment.objects.filter(
            client_id=assessment.client_id,
            instrument=assessment.instrument,
            status=AssessmentStatus.COMPLETED,
            total__isnull=False,
            completed_at__lt=assessment.completed_at,
        )
        .order_by("-completed_at")
        .first()
    )


def change_between(before: Assessment | None, after: Assessment) -> str | None:
    if before is None or before.total is None or after.total is None:
        return None
    result: str | None = change_rules.reliable_change(after.instrument, before.total, after.total)
    return result


def better_by(before: Assessment | None, after: Assessment, instrument: Instrument) -> int:
    """Points moved in the better direction since `before` (negative when worse)."""
    if before is None or before.total is None or after.total is None:
        return 0
    delta = after.total - before.total
    return delta if instrument.higher_is_better else -delta


@dataclass(frozen=True)
class HistoryRow:
    assessment: Assessment
    instrument: Instrument
    change: str | None  # vs the previous scored answer to the same instrument


def history_rows(completed: Sequence[Assessment], *, newest_first: bool) -> list[HistoryRow]:
    """Rows for a history table; `completed` is oldest first."""
    last_total: dict[str, int] = {}
    rows = []
    for a in completed:
        change = None
        if a.total is not None and a.instrument in last_total:
            change = change_rules.reliable_change(a.instrument, last_total[a.instrument], a.total)
        if a.total is not None:
            last_total[a.instrument] = a.total
        rows.append(HistoryRow(a, get_instrument(a.instrument), change))
    return rows[::-1] if newest_first else rows


def charts_for(completed: Iterable[Assessment]) -> list[TrendChart]:
    """One trend chart per instrument answered, in the registry's order. Change markers
    compare each score with the first scored one."""
    by_instrument: dict[str, list[Assessment]] = defaultdict(list)
    for a in completed:
        by_instrument[a.instrument].append(a)
    charts = []
    tz = timezone.get_current_timezone()
    for instrument in all_instruments():
        rows = by_instrument.get(instrument.id)
        if not rows:
            continue
        first = next((r.total for r in rows if r.total is not None), None)
        points = [
            TrendPoint(
                when=r.completed_at or r.started_at,
                total=r.total,
                severity=r.severity or None,
                change=(
                    change_rules.reliable_change(instrument.id, first, r.total)
                    if first is not None and r.total is not None and r is not rows[0]
                    else None
                ),
            )
            for r in rows
        ]
        charts.append(trend_chart(instrument, points, tz=tz))
    return charts


@dataclass(frozen=True)
class AnsweredItem:
    position: int
    text: str
    answer: str
    value: int | None
    reached: bool
    critical: bool


def answered_items(assessment: Assessment, instrument: Instrument) -> list[AnsweredItem]:
    """Every item with the answer given, for the care team's full detail."""
    answers = assessment.answers or {}
    rows = []
    for position, item in enumerate(instrument.items, start=1):
        reached = str(position) in answers
        value = answers.get(str(position))
        option = item.option_for(value) if value is not None else None
        if not reached:
            text = _("Not asked")
        elif value is None:
            text = _("Preferred not to answer")
        else:
            text = option.display if option else str(value)
        rows.append(
            AnsweredItem(
                position, item.text, text, value, reached, position in (assessment.critical or [])
            )
        )
    return rows


# --- Episodes of care -------------------------------------------------------------------------


@dataclass(frozen=True)
class EpisodeSummary:
    episode: Episode
    attended_sessions: int
    phq9: tuple[int, int] | None
    gad7: tuple[int, int] | None
    outcome: change_rules.EpisodeOutcome


def _pair(rows: Sequence[Assessment]) -> tuple[int, int] | None:
    """First and last scored totals of `rows` (oldest first); None with fewer than two."""
    scored = [r.total for r in rows if r.total is not None]
    if len(scored) < 2:
        return None
    return scored[0], scored[-1]


def episode_summary(episode: Episode, *, now: datetime | None = None) -> EpisodeSummary:
    """First and last PHQ-9 / GAD-7 within the episode, attended treatment sessions in the
    episode's service, and the NHS Talking Therapies outcome (computed only once the episode
    has closed). The window runs from opened_at to closed_at (or `now` while open), both ends
    included; ties in time are broken by primary key."""
    end = episode.closed_at or now or timezone.now()
    attended = Appointment.objects.filter(
        client_id=episode.client_id,
        # An episode is a course of care in one service: another service's sessions don't count.
        organization_id=episode.organization_id,
        status=AppointmentStatus.ATTENDED,
        # NHS Talking Therapies counts attended treatment contacts only.
        kind=AppointmentKind.TREATMENT,
        starts_at__gte=episode.opened_at,
        starts_at__lte=end,
    ).count()
    rows = list(
        Assessment.objects.filter(
            client_id=episode.client_id,
            status=AssessmentStatus.COMPLETED,
            instrument__in=["phq-9", "gad-7"],
            total__isnull=False,
            completed_at__gte=episode.opened_at,
            completed_at__lte=end,
        ).order_by("completed_at", "pk")
    )
    phq9 = _pair([r for r in rows if r.instrument == "phq-9"])
    gad7 = _pair([r for r in rows if r.instrument == "gad-7"])
    outcome = change_rules.episode_outcome(
        phq9=phq9, gad7=gad7, attended_sessions=attended if not episode.is_open else 0
    )
    return EpisodeSummary(episode, attended, phq9, gad7, outcome)


def episode_summaries(client: User, *, now: datetime | None = None) -> list[EpisodeSummary]:
    """Summaries of a client's episodes (client already checked), newest first."""
    episodes = Episode.objects.filter(client=client).order_by("-opened_at", "-pk")
    return [episode_summary(e, now=now) for e in episodes]
