"""The service report: load the episodes that ended in a period (set-based, a few queries in
all, whatever the size of the service) and hand them to `rules`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from django.db import connections, transaction
from django.db.models import CharField, F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone

from heard.accounts.models import User
from heard.appointments.models import Appointment, AppointmentStatus, Episode
from heard.audit import services as audit
from heard.instruments import bulk
from heard.outcomes import rules
from heard.outcomes.access import ReportScope, scoped_episodes
from heard.people.models import CareAssignment


@dataclass(frozen=True)
class Report:
    start: date
    end: date  # inclusive
    group_by: str
    groups: list[rules.Figures]
    total: rules.Figures
    aggregate_only: bool


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def episode_rows(episodes: QuerySet[Episode], *, start: date, end: date) -> list[rules.EpisodeRow]:
    """One row per episode in `episodes` that closed from `start` to `end` (both included)."""
    ended = episodes.filter(
        closed_at__gte=_day_start(start), closed_at__lt=_day_start(end + timedelta(days=1))
    )
    # The clinician of record: the latest care assignment in the service that began before
    # the episode ended; failing that (an episode recorded after the fact), the first one after.
    assignments = CareAssignment.objects.filter(
        client_id=OuterRef("client_id"), organization_id=OuterRef("organization_id")
    )
    before = assignments.filter(active_from__lte=OuterRef("closed_at")).order_by(
        "-active_from", "-pk"
    )
    after = assignments.order_by("active_from", "pk")
    clinician = Coalesce(
        Subquery(before.values("clinician_id")[:1]), Subquery(after.values("clinician_id")[:1])
    )
    first_session = (
        Appointment.objects.filter(
            client_id=OuterRef("client_id"),
            organization_id=OuterRef("organization_id"),
            status=AppointmentStatus.ATTENDED,
            starts_at__gte=OuterRef("opened_at"),
            starts_at__lte=OuterRef("closed_at"),
        )
        # The first row of an index range read: cheaper than MIN over a group on SQLite.
        .order_by("starts_at")
        .values("starts_at")[:1]
    )
    # One query: the outcome's values (instruments.bulk) and the report's own. Times come as
    # the database's text (`_local_day` reads it): Django's per-value datetime conversion
    # cost about 1 s over a whole service, on SQLite and PostgreSQL alike (three per episode).
    # Tuples, not dicts, for the same reason.
    rows = (
        bulk.with_outcome_values(ended)
        .annotate(
            clinician=clinician,
            organization_name=F("organization__name"),
            opened_time=Cast("opened_at", CharField()),
            closed_time=Cast("closed_at", CharField()),
            first_session_time=Cast(Subquery(first_session), CharField()),
        )
        .order_by()
        .values_list(
            "pk",
            "organization_id",
            "organization_name",
            "clinician",
            "opened_time",
            "referred_on",
            "closed_time",
            "first_session_time",
            *bulk.OUTCOME_VALUES,
        )
    )
    with _without_jit(ended.db):
        loaded = list(rows)
    clinician_ids = {row[3] for row in loaded if row[3] is not None}  # row[3]: "clinician"
    names = {
        user.pk: user.display_name
        for user in User.objects.filter(pk__in=clinician_ids).only(
            "pk", "full_name", "preferred_name", "email"
        )
    }
    zone = timezone.get_current_timezone()
    outcome_of = bulk.outcome_from_values
    return [
        rules.EpisodeRow(
            episode_id=pk,
            organization_id=organization_id,
            organization=organization,
            clinician_id=clinician_id,
            clinician=names.get(clinician_id, ""),
            opened_on=_local_day(opened, zone),
            closed_on=_local_day(closed, zone),
            first_session_on=_local_day(first_session, zone) if first_session else None,
            outcome=outcome_of(outcome),
            referred_on=referred_on,
        )
        for (
            pk,
            organization_id,
            organization,
            clinician_id,
            opened,
            referred_on,
            closed,
            first_session,
            *outcome,
        ) in loaded
    ]


@contextmanager
def _without_jit(alias: str) -> Iterator[None]:
    """On PostgreSQL, no JIT compilation in the block: for the report's query it took over a
    second at full size, more than it saved (the query is many small index reads, not one
    long scan). Elsewhere, nothing (SQLite needs no transaction for a read)."""
    if connections[alias].vendor != "postgresql":
        yield
        return
    with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
        cursor.execute("SET LOCAL jit = off")
        yield


def _local_day(stored: str, zone: tzinfo) -> date:
    """The service's local day of a time read as the database's text, as
    `timezone.localdate` gives it: ISO 8601, with an offset on PostgreSQL (DateStyle ISO,
    which psycopg requires anyway) and in UTC without one on SQLite (Django stores UTC)."""
    moment = datetime.fromisoformat(stored)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone).date()


def service_report(
    user: User | None, scope: ReportScope, *, start: date, end: date, group_by: str
) -> Report:
    """The report over `scope` for episodes that ended from `start` to `end`, grouped.

    Grouped by clinician, only the supervisor's team is shown (and counted in the total).
    Audited when `user` is given (the benchmark passes None).
    """
    if group_by not in scope.group_choices:
        raise ValueError(f"This report cannot be grouped by {group_by!r}.")
    episodes = scoped_episodes(scope)
    if group_by == "clinician":
        # Only clients the team has cared for can have a team clinician of record: leave the
        # rest of the service out before the per-episode work.
        episodes = episodes.filter(
            client_id__in=CareAssignment.objects.filter(
                organization_id__in=scope.organization_ids, clinician_id__in=scope.team_ids
            ).values("client_id")
        )
    rows = episode_rows(episodes, start=start, end=end)
    if group_by == "clinician":
        rows = [row for row in rows if row.clinician_id in scope.team_ids]
    if user is not None:
        audit.record(
            user,
            "outcomes:report:read",
            extra={"group_by": group_by, "start": start.isoformat(), "end": end.isoformat()},
        )
    return Report(
        start=start,
        end=end,
        group_by=group_by,
        groups=rules.grouped(rows, group_by),
        total=rules.figures("all", "", rows),
        aggregate_only=scope.aggregate_only,
    )
