"""The ONLY way to load safety alerts. Missing and forbidden both raise 404."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django.db.models import Q, QuerySet
from django.http import Http404

from heard.accounts.models import User
from heard.audit import services as audit
from heard.audit.models import Outcome
from heard.core.ids import parse_uuid
from heard.people import policy
from heard.people.access import access_client
from heard.people.models import CareAssignment, Category
from heard.safety.models import (
    AlertStatus,
    ContactRequest,
    ContactRequestStatus,
    RiskAlert,
    SafetyPlan,
    SafetyPlanVersion,
)


def _on_team(user: User, team: Iterable[CareAssignment] | None = None) -> Q:
    """The clients on `user`'s care team now, as clinician or as a clinician's supervisor: a
    condition on `client_id`, read by the database in the same query (no round trips).

    `team`: the assignments the caller has just read for `user` through `people.access`
    (visible_assignments and visible_supervised_assignments, as the caseload does). Their
    client ids replace the subqueries, sparing the database planning the care-team joins
    again (about 5 ms a query on PostgreSQL). Never build it from request input."""
    if team is not None:
        return Q(client_id__in={a.client_id for a in team})
    return Q(client_id__in=policy.clinician_assignments(user).values("client_id")) | Q(
        client_id__in=policy.supervised_assignments(user).values("client_id")
    )


def visible_alerts(
    user: User,
    *,
    include_resolved: bool = False,
    team: Iterable[CareAssignment] | None = None,
) -> QuerySet[RiskAlert]:
    """Alerts about the clients on `user`'s care team (as clinician or supervisor), newest
    first, with the client loaded. Safety is always shared, so no sharing check applies.
    `team`: see `_on_team`."""
    alerts = RiskAlert.objects.filter(_on_team(user, team)).select_related("client")
    # Resolved alerts are history: shown only when asked for.
    if not include_resolved:
        alerts = alerts.exclude(status=AlertStatus.RESOLVED)
    return alerts.order_by("-created_at")


def access_alert(user: User, alert_id: str | uuid.UUID, *, action: str) -> RiskAlert:
    """The alert `alert_id` if `user` is on its client's care team now; audits the access
    (and every denied attempt) as `action`; raises Http404 otherwise."""
    parsed = parse_uuid(alert_id)
    alert = (
        RiskAlert.objects.select_related("client").filter(public_id=parsed).first()
        if parsed
        else None
    )
    # The alert must exist.
    if alert is None:
        audit.record(user, action, outcome=Outcome.DENIED, extra={"reason": "not_found"})
        raise Http404
    # Only the client's care team (clinician or their supervisor) may act on it.
    if not policy.is_on_care_team(user, alert.client):
        audit.record(user, action, client=alert.client, outcome=Outcome.DENIED)
        raise Http404
    audit.record(user, action, client=alert.client, obj=alert)
    return alert


def own_open_alerts(client: User) -> QuerySet[RiskAlert]:
    """The client's own alerts that no one has resolved yet: while one is open, the client's
    pages keep support in view (a single "I'm fine" never closes a crisis state)."""
    return RiskAlert.objects.filter(client=client).exclude(status=AlertStatus.RESOLVED)


def access_own_alert(client: User, alert_id: str | uuid.UUID | None) -> RiskAlert | None:
    """The client's own alert `alert_id`, or None (someone else's, or no such alert). Used
    only to link a request for contact to the alert it follows; never shown as a record."""
    parsed = parse_uuid(alert_id) if alert_id else None
    if parsed is None:
        return None
    return RiskAlert.objects.filter(public_id=parsed, client=client).first()


def own_alert_for(
    client: User, *, source: str | tuple[str, ...], source_id: uuid.UUID
) -> RiskAlert | None:
    """The client's own alert raised by one source object (e.g. their questionnaire), if any.
    Several sources may be given (e.g. a plan version screened, or unscreened on a fault)."""
    sources = (source,) if isinstance(source, str) else source
    return RiskAlert.objects.filter(client=client, source__in=sources, source_id=source_id).first()


def contact_requested(alert: RiskAlert | None) -> bool:
    """Whether the client already asked their care team to get in touch after `alert` (an
    alert the caller has already loaded through this module)."""
    return alert is not None and ContactRequest.objects.filter(alert=alert).exists()


def visible_contact_requests(
    user: User, *, team: Iterable[CareAssignment] | None = None
) -> QuerySet[ContactRequest]:
    """Open requests for contact from the clients on `user`'s care team, oldest first (the
    longest wait at the top). `team`: see `_on_team`."""
    return (
        ContactRequest.objects.filter(_on_team(user, team), status=ContactRequestStatus.OPEN)
        .select_related("client")
        .order_by("created_at")
    )


def access_contact_request(
    user: User, request_id: str | uuid.UUID, *, action: str
) -> ContactRequest:
    """The request `request_id` if `user` is on its client's care team now; audited (and
    every denied attempt); Http404 otherwise."""
    parsed = parse_uuid(request_id)
    request = (
        ContactRequest.objects.select_related("client").filter(public_id=parsed).first()
        if parsed
        else None
    )
    # The request must exist.
    if request is None:
        audit.record(user, action, outcome=Outcome.DENIED, extra={"reason": "not_found"})
        raise Http404
    # Only the client's care team may act on it.
    if not policy.is_on_care_team(user, request.client):
        audit.record(user, action, client=request.client, outcome=Outcome.DENIED)
        raise Http404
    audit.record(user, action, client=request.client, obj=request)
    return request


# --- Safety plans ------------------------------------------------------------------------------


def access_own_plan(user: User) -> SafetyPlan | None:
    """The signed-in person's own safety plan, or None (no plan yet, or not a client). A
    client reading their own plan is not audited. Loads who last changed it."""
    # Only a real, signed-in person has a plan (pages for visitors call this too).
    if not isinstance(user, User) or not user.is_authenticated:
        return None
    return SafetyPlan.objects.select_related("updated_by").filter(client=user).first()


def access_client_plan(
    user: User, client_id: str | uuid.UUID, *, action: str, for_write: bool = False
) -> tuple[User, SafetyPlan | None]:
    """The client `client_id` and their safety plan (None until one is started), for
    someone on the client's care team now: their clinician, or that clinician's supervisor
    (people.policy; safety is always shared). The client themself uses access_own_plan.
    Audits the access as `action` (and every denied attempt); Http404 otherwise, so missing
    and forbidden look the same. Facilitators and org admins are never on a care team."""
    client = access_client(
        user,
        client_id,
        category=Category.SAFETY,
        action=action,
        for_write=for_write,
        care_team_only=True,
    )
    plan = SafetyPlan.objects.select_related("updated_by").filter(client=client).first()
    return client, plan


def plan_versions(plan: SafetyPlan | None) -> QuerySet[SafetyPlanVersion]:
    """Every kept version of a plan the caller has already accessed, newest first, with
    each author loaded (none for no plan)."""
    if plan is None:
        return SafetyPlanVersion.objects.none()
    return plan.versions.select_related("author").order_by("-number")
