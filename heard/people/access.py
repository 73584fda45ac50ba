"""The ONLY way to load client-scoped rows in people/. Missing and forbidden both raise 404."""

from __future__ import annotations

import uuid

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.http import Http404

from heard.accounts.models import User
from heard.audit import services as audit
from heard.audit.models import AuditEvent, Outcome
from heard.core.ids import parse_uuid
from heard.people import policy
from heard.people.models import CareAssignment


def access_client(
    user: User | AnonymousUser,
    client_id: str | uuid.UUID,
    *,
    category: str | None,
    action: str,
    for_write: bool = False,
    care_team_only: bool = False,
) -> User:
    """Return the client `client_id` if `user` may read (or write) `category` of their data
    (category=None: only the care relationship is needed, e.g. for the record header).

    With care_team_only, the client themself is refused too (actions only staff take).
    Audits every staff success as `action` and every denied attempt; raises Http404 when the
    client does not exist or the user may not see them, so the two cannot be told apart.
    """
    # Anonymous callers never see client data (views also require login).
    if not isinstance(user, User):
        raise Http404
    parsed = parse_uuid(client_id)
    client = User.objects.filter(public_id=parsed).first() if parsed else None
    # care_team_only: actions only the care team takes (e.g. scheduling), not the client.
    if care_team_only and client is not None and client.pk == user.pk:
        client = None
    # The client must exist and be a client somewhere.
    if client is None or not client.memberships.filter(role="client").exists():
        audit.record(user, action, outcome=Outcome.DENIED, extra={"reason": "not_found"})
        raise Http404
    check = policy.can_write if for_write else policy.can_read
    # The shared policy decides: self, or care team and the client shares this category.
    if not check(user, client, category):
        audit.record(
            user, action, client=client, outcome=Outcome.DENIED, extra={"category": category}
        )
        raise Http404
    # Staff reads and writes are audited; a client looking at their own data is not.
    if user.pk != client.pk:
        audit.record(user, action, client=client, extra={"category": category})
    return client


def visible_clients(user: User) -> QuerySet[User]:
    """Clients on `user`'s care team right now (as clinician, or through supervision)."""
    ids = set(policy.clinician_assignments(user).values_list("client_id", flat=True))
    ids |= set(policy.supervised_assignments(user).values_list("client_id", flat=True))
    return User.objects.filter(pk__in=ids).order_by("full_name")


def visible_assignments(user: User) -> QuerySet[CareAssignment]:
    """`user`'s own active assignments, with client and organization loaded."""
    return (
        policy.clinician_assignments(user)
        .select_related("client", "organization")
        .order_by("client__full_name")
    )


def visible_supervised_assignments(user: User) -> QuerySet[CareAssignment]:
    """Active assignments of the clinicians `user` supervises."""
    return (
        policy.supervised_assignments(user)
        .select_related("client", "clinician", "organization")
        .order_by("clinician__full_name", "client__full_name")
    )


def visible_access_events(user: User) -> QuerySet[AuditEvent]:
    """Who opened or tried to open `user`'s own record: staff events about them, newest first."""
    # A person sees only the events about themselves, and not their own actions.
    return (
        AuditEvent.objects.filter(client_id=user.public_id)
        .exclude(actor_id=user.public_id)
        .order_by("-seq")
    )


def care_team(client: User) -> QuerySet[User]:
    """The clinicians on `client`'s care team now (for the client's own pages)."""
    ids = policy.live_assignments().filter(client=client).values_list("clinician_id", flat=True)
    return User.objects.filter(pk__in=list(ids)).order_by("full_name")
