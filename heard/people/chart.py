"""The client chart: one timeline of everything the care team may see about a client.

Each kind of entry is read through its own app's access function, so the sharing policy,
the object-level checks and the audit trail are the ones that app already has: opening the
chart records one audit event per kind of data read (e.g. "measure:list", "checkin:list",
"journal:list", "notes:list"). A kind the client keeps private is not read at all; the page
says so instead. Free text the client keeps private (check-in notes) is never shown; a
shared journal entry shows its title only, with a link to read it.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from heard.accounts.middleware import zone_of
from heard.accounts.models import User
from heard.appointments import access as appointments_access
from heard.appointments.models import Appointment, AppointmentStatus, Episode
from heard.careplans import access as careplan_access
from heard.checkins import access as checkin_access
from heard.checkins.charts import DailyChart, trend_charts
from heard.checkins.export import points
from heard.checkins.insights import days, trend
from heard.instruments import access as measure_access
from heard.instruments import trends
from heard.instruments.change import DETERIORATION, IMPROVEMENT, NO_RELIABLE_CHANGE
from heard.instruments.charts import TrendChart
from heard.journal import access as journal_access
from heard.notes import access as notes_access
from heard.notes.models import NoteKind, NoteStatus, SessionNote
from heard.people import access, policy
from heard.people.models import Category
from heard.safety import access as safety_access
from heard.safety.models import RiskAlert


class Kind(enum.StrEnum):
    """Kinds of timeline entry, in the order the filter lists them."""

    ALERT = "alert"
    MEASURE = "measure"
    CHECKIN = "checkin"
    JOURNAL = "journal"
    CARE_PLAN = "care_plan"
    SAFETY_PLAN = "safety_plan"
    APPOINTMENT = "appointment"
    NOTE = "note"


KIND_LABELS = {
    Kind.ALERT: gettext_lazy("Safety alerts"),
    Kind.MEASURE: gettext_lazy("Questionnaires"),
    Kind.CHECKIN: gettext_lazy("Check-ins"),
    Kind.JOURNAL: gettext_lazy("Shared journal entries"),
    Kind.CARE_PLAN: gettext_lazy("Care plan"),
    Kind.SAFETY_PLAN: gettext_lazy("Safety plan"),
    Kind.APPOINTMENT: gettext_lazy("Appointments and episodes"),
    Kind.NOTE: gettext_lazy("Session notes"),
}
# The one-word tag on each entry.
KIND_TAGS = {
    Kind.ALERT: pgettext_lazy("timeline tag", "Alert"),
    Kind.MEASURE: pgettext_lazy("timeline tag", "Questionnaire"),
    Kind.CHECKIN: pgettext_lazy("timeline tag", "Check-in"),
    Kind.JOURNAL: pgettext_lazy("timeline tag", "Journal"),
    Kind.CARE_PLAN: pgettext_lazy("timeline tag", "Care plan"),
    Kind.SAFETY_PLAN: pgettext_lazy("timeline tag", "Safety plan"),
    Kind.APPOINTMENT: pgettext_lazy("timeline tag", "Appointment"),
    Kind.NOTE: pgettext_lazy("timeline tag", "Note"),
}
# Kinds that follow a sharing choice of the client (the others are the care team's own
# records, or safety, which is always shared).
SHARING = {
    Kind.MEASURE: Category.MEASURES,
    Kind.CHECKIN: Category.CHECKINS,
    Kind.JOURNAL: Category.JOURNAL,
    Kind.CARE_PLAN: Category.CARE_PLAN,
}
# Kinds only the care team reads here (the client has their own pages for these).
CARE_TEAM_ONLY = {Kind.SAFETY_PLAN, Kind.NOTE}

PERIODS = {
    "30": gettext_lazy("Last 30 days"),
    "90": gettext_lazy("Last 90 days"),
    "365": gettext_lazy("Last 12 months"),
    "all": gettext_lazy("Everything"),
}
DEFAULT_PERIOD = "90"
# The newest entries shown at most; the page says when there were more.
LIMIT = 300


@dataclass(frozen=True)
class Event:
    at: datetime
    kind: Kind
    title: str
    detail: str = ""
    url: str = ""
    # "alert", "worse", "better": shown as a coloured marker next to the entry.
    tone: str = ""

    @property
    def tag(self) -> str:
        return str(KIND_TAGS[self.kind])

    @property
    def day(self) -> date:
        """The day of the entry in the reader's time zone (the timeline groups by it)."""
        return timezone.localdate(self.at)


@dataclass(frozen=True)
class Chart:
    client: User
    events: list[Event]
    kinds: list[Kind]  # the kinds asked for
    private: list[Kind]  # kinds asked for that the client keeps private
    period: str
    truncated: bool  # more than LIMIT entries matched
    measure_charts: list[TrendChart] = field(default_factory=list)
    checkin_charts: list[DailyChart] = field(default_factory=list)


def parse_kinds(values: Iterable[str]) -> list[Kind]:
    """The kinds named in a query string, in the filter's order; all of them when none."""
    wanted = {value for value in values if value in Kind.__members__.values()}
    return [kind for kind in Kind if kind.value in wanted] or list(Kind)


def parse_period(value: str | None) -> str:
    return value if value in PERIODS else DEFAULT_PERIOD


def chart_for(
    user: User,
    client: User,
    *,
    kinds: Sequence[Kind] = tuple(Kind),
    period: str = DEFAULT_PERIOD,
    now: datetime | None = None,
    shares: set[str] | None = None,
) -> Chart:
    """The timeline of `client` for `user`, who already opened the client's record
    (people.access.access_client). Newest first, at most LIMIT entries. `shares`: the
    client's shared categories when the caller already has them (policy.shared_categories)."""
    now = now or timezone.now()
    since = None if period == "all" else now - timedelta(days=int(period))
    is_client = user.pk == client.pk
    shares = policy.shared_categories(client) if shares is None else shares
    events: list[Event] = []
    private: list[Kind] = []
    measure_charts: list[TrendChart] = []
    checkin_charts: list[DailyChart] = []
    for kind in kinds:
        category = SHARING.get(kind)
        if category is not None and category not in shares:
            private.append(kind)
            continue
        if is_client and kind in CARE_TEAM_ONLY:
            continue
        if kind is Kind.ALERT:
            events += _alerts(user, client, is_client=is_client)
        elif kind is Kind.MEASURE:
            found, measure_charts = _measures(user, client, since=since)
            events += found
        elif kind is Kind.CHECKIN:
            found, checkin_charts = _checkins(user, client, now=now)
            events += found
        elif kind is Kind.JOURNAL:
            events += _journal(user, client)
        elif kind is Kind.CARE_PLAN:
            events += _care_plan(user, client)
        elif kind is Kind.SAFETY_PLAN:
            events += _safety_plan(user, client)
        elif kind is Kind.APPOINTMENT:
            events += _appointments(user, client, now=now)
        else:
            events += _notes(user, client)
    if since is not None:
        events = [e for e in events if e.at >= since]
    events.sort(key=lambda e: e.at, reverse=True)
    return Chart(
        client=client,
        events=events[:LIMIT],
        kinds=list(kinds),
        private=private,
        period=period,
        truncated=len(events) > LIMIT,
        measure_charts=measure_charts,
        checkin_charts=checkin_charts,
    )


# --- One reader per kind ---------------------------------------------------------------------


def _alerts(user: User, client: User, *, is_client: bool) -> list[Event]:
    if is_client:
        # A client sees their own alerts as the support that was offered, not as records.
        return []
    # Safety is always shared; the access function limits it to the care team.
    access.access_client(
        user,
        client.public_id,
        category=Category.SAFETY,
        action="safety:alert:list",
        care_team_only=True,
    )
    alerts = safety_access.visible_alerts(user, include_resolved=True).filter(client=client)
    events = []
    for alert in alerts.select_related("acknowledged_by", "resolved_by"):
        events.append(
            Event(
                alert.created_at,
                Kind.ALERT,
                _("%(level)s safety alert raised") % {"level": alert.get_level_display()},
                " · ".join(
                    [_("From: %(source)s") % {"source": alert.get_source_display()}]
                    + ([_("Still open")] if alert.resolved_at is None else [])
                ),
                tone="alert" if alert.resolved_at is None else "",
            )
        )
        events += _alert_steps(alert)
    return events


def _alert_steps(alert: RiskAlert) -> list[Event]:
    steps = []
    if alert.acknowledged_at is not None:
        who = alert.acknowledged_by.display_name if alert.acknowledged_by else ""
        steps.append(Event(alert.acknowledged_at, Kind.ALERT, _("Safety alert acknowledged"), who))
    if alert.resolved_at is not None:
        who = alert.resolved_by.display_name if alert.resolved_by else ""
        steps.append(Event(alert.resolved_at, Kind.ALERT, _("Safety alert resolved"), who))
    return steps


_CHANGE_WORDS = {
    IMPROVEMENT: (gettext_lazy("Reliably better than last time"), "better"),
    DETERIORATION: (gettext_lazy("Reliably worse than last time"), "worse"),
    NO_RELIABLE_CHANGE: (gettext_lazy("No reliable change since last time"), ""),
}


def _measures(
    user: User, client: User, *, since: datetime | None
) -> tuple[list[Event], list[TrendChart]]:
    access.access_client(user, client.public_id, category=Category.MEASURES, action="measure:list")
    completed = list(measure_access.client_assessments(client))
    events = []
    for row in trends.history_rows(completed, newest_first=False):
        a = row.assessment
        if a.total is None:
            title = _("%(measure)s: not finished") % {"measure": row.instrument.name}
        else:
            title = _("%(measure)s: %(total)d of %(max)d") % {
                "measure": row.instrument.name,
                "total": a.total,
                "max": row.instrument.max_total,
            }
        words, tone = _CHANGE_WORDS.get(row.change or "", ("", ""))
        detail = " · ".join(str(part) for part in (a.severity, words) if part)
        if a.critical:
            detail = " · ".join(
                part for part in (detail, _("A safety question was answered")) if part
            )
            tone = "alert"
        events.append(
            Event(
                a.completed_at or a.started_at,
                Kind.MEASURE,
                title,
                detail,
                reverse("instruments:assessment_detail", args=[client.public_id, a.public_id]),
                tone,
            )
        )
    # The trajectories over the same period as the timeline (the change markers still
    # compare with the first answer in that period).
    shown = [a for a in completed if since is None or (a.completed_at or a.started_at) >= since]
    return events, trends.charts_for(shown)


def _checkins(user: User, client: User, *, now: datetime) -> tuple[list[Event], list[DailyChart]]:
    _client, checkins = checkin_access.visible_checkins(user, client.public_id)
    rows = list(
        checkins.only(
            "public_id", "at", "mood", "stress", "sleep_hours", "connection", "movement_minutes"
        )
    )
    url = reverse("checkins:client_daily", args=[client.public_id])
    events = [Event(c.at, Kind.CHECKIN, _("Check-in"), _checkin_words(c), url) for c in rows]
    # Mood and stress over the last 30 days, in the client's own days.
    zone = zone_of(client)
    month = trend(days(points(checkins), zone), "month", now.astimezone(zone).date())
    charts = [c for c in trend_charts(month) if c.metric in ("mood", "stress")]
    return events, charts


def _checkin_words(checkin: object) -> str:
    parts = []
    mood = getattr(checkin, "mood", None)
    stress = getattr(checkin, "stress", None)
    sleep = getattr(checkin, "sleep_hours", None)
    if mood is not None:
        parts.append(_("mood %(n)d of 10") % {"n": mood})
    if stress is not None:
        parts.append(_("stress %(n)d of 10") % {"n": stress})
    if sleep is not None:
        parts.append(_("slept %(hours)s hours") % {"hours": f"{sleep:g}"})
    return ", ".join(parts) or _("No scores given")


def _journal(user: User, client: User) -> list[Event]:
    _client, entries = journal_access.visible_shared_entries(user, client.public_id)
    return [
        Event(
            entry.shared_at or entry.saved_at or entry.created_at,
            Kind.JOURNAL,
            _("Shared a journal entry"),
            entry.title,
            reverse("journal:client_entry", args=[client.public_id, entry.public_id]),
        )
        for entry in entries
    ]


def _care_plan(user: User, client: User) -> list[Event]:
    _client, plan = careplan_access.access_client_plan(
        user, client.public_id, action="careplan:plan:versions"
    )
    url = reverse("careplans:client_plan", args=[client.public_id])
    events = []
    for version in careplan_access.plan_versions(plan):
        who = version.author.display_name if version.author else ""
        events.append(
            Event(
                version.created_at,
                Kind.CARE_PLAN,
                _("Care plan version %(n)d") % {"n": version.number},
                " · ".join(part for part in (version.get_change_display(), who) if part),
                url,
            )
        )
        if version.client_agreed_at:
            events.append(
                Event(
                    version.client_agreed_at,
                    Kind.CARE_PLAN,
                    _("%(name)s agreed to version %(n)d")
                    % {"name": client.display_name, "n": version.number},
                    url=url,
                    tone="better",
                )
            )
        if version.clinician_agreed_at:
            by = version.clinician_agreed_by
            events.append(
                Event(
                    version.clinician_agreed_at,
                    Kind.CARE_PLAN,
                    _("The care team agreed to version %(n)d") % {"n": version.number},
                    by.display_name if by else "",
                    url,
                )
            )
    return events


def _safety_plan(user: User, client: User) -> list[Event]:
    _client, plan = safety_access.access_client_plan(
        user, client.public_id, action="safety:plan:versions"
    )
    url = reverse("safety:client_plan", args=[client.public_id])
    return [
        Event(
            version.created_at,
            Kind.SAFETY_PLAN,
            _("Safety plan version %(n)d saved") % {"n": version.number},
            version.author.display_name if version.author else "",
            url,
        )
        for version in safety_access.plan_versions(plan)
    ]


def _appointments(user: User, client: User, *, now: datetime) -> list[Event]:
    access.access_client(user, client.public_id, category=None, action="appointment:list")
    url = reverse("appointments:client_appointments", args=[client.public_id])
    events = [
        _appointment_event(a, now=now, url=url)
        for a in appointments_access.client_appointments(client)
        # Booked ahead: on the appointments page, not the timeline of what happened.
        if a.starts_at <= now
    ]
    for episode in appointments_access.client_episodes(client):
        events += _episode_events(episode, url=url)
    return events


def _appointment_event(a: Appointment, *, now: datetime, url: str) -> Event:
    status = (
        _("not yet marked")
        if a.status == AppointmentStatus.SCHEDULED
        else str(a.get_status_display()).lower()
    )
    who = a.clinician.display_name if a.clinician else ""
    return Event(
        a.starts_at,
        Kind.APPOINTMENT,
        _("%(kind)s: %(status)s") % {"kind": a.get_kind_display(), "status": status},
        who,
        url,
        "worse" if a.status == AppointmentStatus.DID_NOT_ATTEND else "",
    )


def _episode_events(episode: Episode, *, url: str) -> list[Event]:
    referral = episode.referral_date
    opened = _("Episode of care opened")
    detail = _("Referred %(date)s") % {"date": _short_date(referral)}
    events = [Event(episode.opened_at, Kind.APPOINTMENT, opened, detail, url)]
    if episode.closed_at is not None:
        events.append(
            Event(
                episode.closed_at,
                Kind.APPOINTMENT,
                _("Episode of care closed"),
                str(episode.get_close_reason_display()),
                url,
            )
        )
    return events


def _notes(user: User, client: User) -> list[Event]:
    try:
        _client, progress, psychotherapy = notes_access.visible_notes(user, client.public_id)
    except Http404:
        # An organization admin or facilitator opening the record is not on the care team.
        return []
    return [_note_event(note, user) for note in [*progress, *psychotherapy]]


def _note_event(note: SessionNote, user: User) -> Event:
    if note.kind == NoteKind.PSYCHOTHERAPY:
        title = _("Your psychotherapy note (only you can see it)")
    elif note.status == NoteStatus.DRAFT:
        title = _("Your draft session note (%(template)s)") % {
            "template": note.get_template_display()
        }
    else:
        title = _("Session note (%(template)s), signed") % {"template": note.get_template_display()}
    signer = note.signed_by or note.author
    detail = _("Session on %(date)s") % {"date": _short_date(note.session_date)}
    if note.status == NoteStatus.SIGNED:
        detail += " · " + signer.display_name
    # When it was signed; a draft, when it was last saved.
    when = note.signed_at or note.updated_at
    return Event(when, Kind.NOTE, title, detail, reverse("notes:note", args=[note.public_id]))


def _short_date(day: date) -> str:
    return date_format(day, "j M Y")


def counts(events: Sequence[Event]) -> list[tuple[Kind, int]]:
    """How many entries of each kind, for the summary line above the timeline."""
    return [(kind, n) for kind in Kind if (n := sum(1 for e in events if e.kind is kind))]
