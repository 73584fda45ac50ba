"""The facts a caseload is ranked on, gathered for every client at once.

A fixed number of queries whatever the caseload size (one each for sharing choices, alerts,
open episodes, questionnaires, schedules, appointments and check-ins): no query per client.
Callers pass assignments they may see (people.access.visible_assignments and friends); the
client ids come only from those, so nothing here widens access. Measures and check-ins count
only when the client shares them with their care team; safety alerts are always shared.

Definitions (also on the caseload page):

* last contact: the most recent of an attended appointment in the service (up to now), a
  completed questionnaire (when measures are shared) and a check-in (when check-ins are
  shared). With none of these, the day the client joined this caseload counts, so a new
  client is flagged only once they have gone that long without any contact.
* reliable deterioration and improvement: `instruments.change.reliable_change` from the first
  to the latest scored total of each measure, within the open episode of care when there is
  one (opened_at to now), otherwise over all scores.
* episode sessions: attended treatment sessions in the open episode's service since it opened.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db.models import CharField, Count, Max
from django.db.models.functions import Cast

from heard.appointments.models import (
    Appointment,
    AppointmentKind,
    AppointmentStatus,
    Episode,
)
from heard.checkins.models import CheckIn
from heard.instruments.change import DETERIORATION, IMPROVEMENT, reliable_change
from heard.instruments.models import Assessment, AssessmentStatus, MeasureSchedule
from heard.instruments.schedule import DueStatus, due_state
from heard.people.models import DEFAULT_SHARING, CareAssignment, Category, SharingPreference
from heard.people.ranking import ALERT_LEVELS, Facts, Ranked, rank
from heard.safety.models import AlertStatus, RiskAlert


@dataclass
class _Client:
    name: str
    since: datetime  # when the earliest visible assignment began
    organizations: set[int] = field(default_factory=set)
    alerts: int = 0
    highest: str | None = None
    episode: tuple[int, datetime] | None = None  # (organization id, opened_at)
    contact: list[datetime] = field(default_factory=list)
    # instrument -> totals in time order, all of them and within the open episode
    totals: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    episode_totals: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    last_completed: dict[str, datetime] = field(default_factory=dict)
    appointments: list[datetime] = field(default_factory=list)
    sessions: int = 0


def _sharing(ids: set[int], category: str) -> set[int]:
    """The clients among `ids` who share `category` with their care team."""
    choices = dict(
        SharingPreference.objects.filter(client_id__in=ids, category=category).values_list(
            "client_id", "shared"
        )
    )
    default = DEFAULT_SHARING.get(category, False)
    return {i for i in ids if choices.get(i, default)}


def _higher(a: str | None, b: str) -> str:
    if a is None:
        return b
    rank = {level: n for n, level in enumerate(ALERT_LEVELS)}
    # An unknown level counts as the most pressing.
    return max(a, b, key=lambda level: rank.get(level, len(ALERT_LEVELS)))


def _changes(series: dict[str, list[int]]) -> set[str]:
    found = set()
    for instrument, totals in series.items():
        if len(totals) >= 2:  # a change needs two totals
            label = reliable_change(instrument, totals[0], totals[-1])
            if label is not None:
                found.add(label)
    return found


def gather(assignments: Iterable[CareAssignment], *, now: datetime) -> dict[int, Facts]:
    """Ranking facts for every client of `assignments` (client loaded), by client id."""
    clients: dict[int, _Client] = {}
    for a in assignments:
        c = clients.get(a.client_id)
        if c is None:
            c = clients[a.client_id] = _Client(a.client.display_name, a.active_from)
        c.since = min(c.since, a.active_from)
        c.organizations.add(a.organization_id)
    if not clients:
        return {}
    ids = set(clients)
    measures = _sharing(ids, Category.MEASURES)
    checkins = _sharing(ids, Category.CHECKINS)
    _alerts(clients, ids)
    _episodes(clients, ids)
    _assessments(clients, measures)
    _appointments(clients, ids, now)
    for client_id, last in (
        CheckIn.objects.filter(client_id__in=checkins, at__lte=now)
        .values("client_id")
        .annotate(last=Max("at"))
        .values_list("client_id", "last")
    ):
        clients[client_id].contact.append(last)
    overdue = _overdue(clients, measures, now)
    return {
        client_id: _facts(c, overdue.get(client_id, 0), now) for client_id, c in clients.items()
    }


def _alerts(clients: dict[int, _Client], ids: set[int]) -> None:
    rows = (
        RiskAlert.objects.filter(client_id__in=ids)
        .exclude(status=AlertStatus.RESOLVED)
        .values("client_id", "level")
        .annotate(n=Count("pk"))
        .values_list("client_id", "level", "n")
    )
    for client_id, level, n in rows:
        c = clients[client_id]
        c.alerts += n
        c.highest = _higher(c.highest, level)


def _episodes(clients: dict[int, _Client], ids: set[int]) -> None:
    rows = (
        Episode.objects.filter(client_id__in=ids, closed_at__isnull=True)
        .order_by("opened_at")
        .values_list("client_id", "organization_id", "opened_at")
    )
    for client_id, organization_id, opened_at in rows:
        c = clients[client_id]
        # The open episode in a service this caseload belongs to (the newest, if several).
        if organization_id in c.organizations:
            c.episode = (organization_id, opened_at)


def _assessments(clients: dict[int, _Client], measures: set[int]) -> None:
    rows = (
        Assessment.objects.filter(client_id__in=measures, status=AssessmentStatus.COMPLETED)
        .order_by("client_id", "instrument", "completed_at", "pk")
        .values_list("client_id", "instrument", "total", _as_text("completed_at"))
    )
    for client_id, instrument, total, completed_text in rows:
        c = clients[client_id]
        if completed_text is None:  # pragma: no cover - completed rows carry their time
            continue
        completed_at = _read_time(completed_text)
        c.last_completed[instrument] = completed_at
        c.contact.append(completed_at)
        if total is None:
            continue
        c.totals[instrument].append(total)
        if c.episode is not None and completed_at >= c.episode[1]:
            c.episode_totals[instrument].append(total)


def _as_text(field: str) -> Cast:
    # Times are read as the database's text and parsed by `_read_time`: Django's per-value
    # datetime conversion was a tenth of the caseload page (a few thousand values).
    return Cast(field, CharField())


def _read_time(stored: str) -> datetime:
    """A time read as the database's text: ISO 8601, with an offset on PostgreSQL (DateStyle
    ISO, which psycopg requires anyway), in UTC without one on SQLite (Django stores UTC)."""
    moment = datetime.fromisoformat(stored)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _appointments(clients: dict[int, _Client], ids: set[int], now: datetime) -> None:
    rows = (
        Appointment.objects.filter(client_id__in=ids)
        .exclude(status=AppointmentStatus.CANCELLED)
        .values_list("client_id", "organization_id", _as_text("starts_at"), "status", "kind")
    )
    for client_id, organization_id, starts_text, status, kind in rows:
        c = clients[client_id]
        starts_at = _read_time(starts_text)
        c.appointments.append(starts_at)
        if status != AppointmentStatus.ATTENDED or starts_at > now:
            continue
        c.contact.append(starts_at)
        if (
            c.episode is not None
            and organization_id == c.episode[0]
            and kind == AppointmentKind.TREATMENT
            and starts_at >= c.episode[1]
        ):
            c.sessions += 1


def _overdue(clients: dict[int, _Client], measures: set[int], now: datetime) -> dict[int, int]:
    overdue: dict[int, int] = defaultdict(int)
    grace = timedelta(days=settings.HEARD_MEASURE_GRACE_DAYS)
    lead = timedelta(days=settings.HEARD_MEASURE_LEAD_DAYS)
    for schedule in MeasureSchedule.objects.filter(client_id__in=measures, active=True):
        c = clients[schedule.client_id]
        state = due_state(
            every_days=schedule.every_days,
            before_appointments=schedule.before_appointments,
            starts_at=schedule.starts_at,
            last_completed_at=c.last_completed.get(schedule.instrument),
            now=now,
            appointments=c.appointments,
            grace=grace,
            lead=lead,
        )
        if state.status is DueStatus.OVERDUE:
            overdue[schedule.client_id] += 1
    return overdue


def _facts(c: _Client, overdue: int, now: datetime) -> Facts:
    last = max(c.contact, default=c.since)
    window = c.episode_totals if c.episode is not None else c.totals
    changes = _changes(window)
    return Facts(
        name=c.name,
        open_alerts=c.alerts,
        highest_alert=c.highest,
        deteriorated=DETERIORATION in changes,
        overdue_measures=overdue,
        days_since_contact=max(0, (now - last).days),
        episode_sessions=c.sessions if c.episode is not None else None,
        improved_in_episode=IMPROVEMENT in _changes(c.episode_totals),
    )


def rank_assignments(
    assignments: Iterable[CareAssignment], *, now: datetime
) -> list[Ranked[CareAssignment]]:
    """`assignments` (client loaded) ordered by their client's need, with tier and reasons."""
    rows = list(assignments)
    facts = gather(rows, now=now)
    return rank(
        [(a, facts[a.client_id]) for a in rows],
        no_contact_days=settings.HEARD_CASELOAD_NO_CONTACT_DAYS,
        not_on_track_sessions=settings.HEARD_CASELOAD_NOT_ON_TRACK_SESSIONS,
    )
