"""The ONLY way to load care plans, their versions, comments and goal ratings. Missing and
forbidden both raise 404.

A care plan belongs to the client: they always read and write it. Their care team (their
clinician, or that clinician's supervisor: people.policy) reads and writes it while the
client shares the care plan category (on by default); every such access is audited by
people.access.access_client, and so is every denied attempt. When someone on the care team
asks while the client keeps their plan private, PlanNotShared (a 404) says so, so the page
can tell them kindly instead of pretending the client does not exist.
"""

from __future__ import annotations

import uuid

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.http import Http404

from heard.accounts.models import Role, User
from heard.careplans.models import CarePlan, CarePlanVersion, GoalRating, PlanComment
from heard.people import policy
from heard.people.access import access_client
from heard.people.models import Category


class PlanNotShared(Http404):
    """`client` keeps their care plan private from their care team right now."""

    def __init__(self, client: User) -> None:
        super().__init__("care plan not shared")
        self.client = client


def can_have_plan(user: User | AnonymousUser) -> bool:
    """Only a signed-in person who is a client now has a care plan of their own."""
    # Visitors and staff have no plan of their own.
    if not isinstance(user, User) or not user.is_active:
        return False
    # An active client membership somewhere.
    return user.memberships.filter(role=Role.CLIENT, is_active=True).exists()


def _plan_of(client: User) -> CarePlan | None:
    return CarePlan.objects.select_related("updated_by", "started_by").filter(client=client).first()


def access_own_plan(
    user: User | AnonymousUser, *, for_write: bool = False
) -> tuple[User, CarePlan | None]:
    """The signed-in client and their own plan (None until one is started). Not audited: a
    person reading their own plan leaves no trace. Someone whose care has ended still reads
    the plan they have; writing needs an active client membership. Http404 for anyone else
    (staff, facilitators, org admins, visitors)."""
    # Visitors have no plan.
    if not isinstance(user, User):
        raise Http404
    plan = _plan_of(user)
    # A client now; or, only to read it, someone who still has a plan from before.
    if not can_have_plan(user) and (for_write or plan is None):
        raise Http404
    return user, plan


def access_client_plan(
    user: User | AnonymousUser, client_id: str | uuid.UUID, *, action: str, for_write: bool = False
) -> tuple[User, CarePlan | None]:
    """The client `client_id` and their care plan (None until one is started), for the
    client themself or someone on their care team while the client shares their care plan.
    Audits the access as `action` (and every denied attempt). Raises PlanNotShared when
    `user` is on the care team but the client does not share the plan now, and Http404
    otherwise, so a stranger cannot tell a missing client from a forbidden one."""
    try:
        client = access_client(
            user, client_id, category=Category.CARE_PLAN, action=action, for_write=for_write
        )
    except Http404:
        # Someone on the care team (they know the client) hears that the plan is private;
        # anyone else gets the same 404 again (people.access decides, and audits).
        client = access_client(user, client_id, category=None, action=f"{action}:not_shared")
        raise PlanNotShared(client) from None
    return client, _plan_of(client)


def can_agree_as_clinician(user: User, client: User) -> bool:
    """Only a clinician treating the client now agrees to the plan for the care team (a
    supervisor reads, comments and edits, but does not agree on the clinician's behalf)."""
    return policy.clinician_assignments(user).filter(client=client).exists()


def plan_versions(plan: CarePlan | None) -> QuerySet[CarePlanVersion]:
    """Every version of a plan the caller has already accessed, newest first, with the
    author and both agreements' people loaded (none for no plan)."""
    if plan is None:
        return CarePlanVersion.objects.none()
    return plan.versions.select_related(
        "author", "client_agreed_by", "clinician_agreed_by"
    ).order_by("-number")


def plan_version(plan: CarePlan | None, number: int) -> CarePlanVersion | None:
    """Version `number` of a plan the caller has already accessed, or None."""
    return plan_versions(plan).filter(number=number).first()


def plan_comments(plan: CarePlan | None) -> QuerySet[PlanComment]:
    """The comments on a plan the caller has already accessed, oldest first."""
    if plan is None:
        return PlanComment.objects.none()
    return plan.comments.select_related("author").order_by("created_at", "pk")


def goal_ratings(plan: CarePlan | None) -> QuerySet[GoalRating]:
    """Every goal rating on a plan the caller has already accessed, oldest first."""
    if plan is None:
        return GoalRating.objects.none()
    return plan.ratings.order_by("at", "pk")
