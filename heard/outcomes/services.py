"""The service report: load the episodes that ended in a period (set-based, a few queries in
all, whatever the size of the service) and hand them to `rules`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
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
    # One query: the outcome's values (instruments.bulk) and the report's own.
    values = (
        bulk.with_outcome_values(ended)
        .annotate(
            clinician=clinician,
            first_session=Subquery(first_session),
            organization_name=F("organization__name"),
        )
        .order_by()
        .values(
            "pk",
            "organization_id",
            "organization_name",
            "clinician",
            "opened_at",
            "referred_on",
            "closed_at",
            "first_session",
            *bulk.OUTCOME_VALUES,
        )
    )
    loaded = list(values)
    clinician_ids = {row["clinician"] for row in loaded if row["clinician"] is not None}
    names = {
        user.pk: user.display_name
        for user in User.objects.filter(pk__in=clinician_ids).only(
            "pk", "full_name", "preferred_name", "email"
        )
    }
    # The service's local days (as timezone.localdate, without its per-call cost).
    zone = timezone.get_current_timezone()
    return [
        rules.EpisodeRow(
            episode_id=row["pk"],
            organization_id=row["organization_id"],
            organization=row["organization_name"],
            clinician_id=row["clinician"],
            clinician=names.get(row["clinician"], ""),
            opened_on=row["opened_at"].astimezone(zone).date(),
            closed_on=row["closed_at"].astimezone(zone).date(),
            first_session_on=(
                row["first_session"].astimezone(zone).date() if row["first_session"] else None
            ),
            outcome=bulk.outcome_from_values(row),
            referred_on=row["referred_on"],
        )
        for row in loaded
    ]


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
