"""Who may run a service report, and over which episodes.

* A supervisor sees their organization's figures, and the figures of each clinician they
  supervise by name.
* An organization admin sees the organization's aggregate only: no grouping by clinician,
  and small cells (fewer than `rules.MIN_CELL` episodes) suppressed.
* Everyone else (clinicians, clients, facilitators) gets a 404, like every page that is not
  theirs. Reports never name a client.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404

from heard.accounts.models import Membership, Role, User
from heard.appointments.models import Episode


@dataclass(frozen=True)
class ReportScope:
    organization_ids: frozenset[int]
    # Clinicians whose figures may be shown by name (a supervisor's team).
    team_ids: frozenset[int]
    # True for organization admins: aggregates only, small cells suppressed.
    aggregate_only: bool

    @property
    def group_choices(self) -> tuple[str, ...]:
        if self.aggregate_only:
            return ("program", "month", "quarter")
        return ("clinician", "program", "month", "quarter")


def report_scope(user: User) -> ReportScope:
    """The report `user` may run; Http404 when they may run none."""
    if not user.is_active:
        raise Http404
    memberships = list(
        Membership.objects.filter(
            user=user, is_active=True, role__in=(Role.SUPERVISOR, Role.ORG_ADMIN)
        ).values_list("pk", "organization_id", "role")
    )
    if not memberships:
        raise Http404
    supervising = {pk for pk, _org, role in memberships if role == Role.SUPERVISOR}
    supervised_orgs = {org for _pk, org, role in memberships if role == Role.SUPERVISOR}
    admin_only = {org for _pk, org, role in memberships if role == Role.ORG_ADMIN} - supervised_orgs
    team = Membership.objects.filter(
        supervisor_id__in=supervising, role=Role.CLINICIAN, is_active=True, user__is_active=True
    ).values_list("user_id", flat=True)
    return ReportScope(
        organization_ids=frozenset(org for _pk, org, _role in memberships),
        team_ids=frozenset(team),
        # One organization seen as an admin only makes the whole report aggregate-only.
        aggregate_only=bool(admin_only),
    )


def scoped_episodes(scope: ReportScope) -> QuerySet[Episode]:
    """Every episode of care in the scope's organizations."""
    return Episode.objects.filter(organization_id__in=scope.organization_ids)
