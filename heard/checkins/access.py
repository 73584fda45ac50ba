"""The ONLY way to load check-ins. Missing and forbidden both raise 404."""

from __future__ import annotations

import uuid

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.http import Http404

from heard.accounts.models import User
from heard.checkins.models import CheckIn
from heard.core.ids import parse_uuid
from heard.people import access as people_access
from heard.people.models import Category


def own_checkins(client: User) -> QuerySet[CheckIn]:
    """The signed-in person's own check-ins, newest first."""
    return CheckIn.objects.filter(client=client).order_by("-at")


def access_own_checkin(user: User | AnonymousUser, checkin_id: str | uuid.UUID) -> CheckIn:
    """One of the signed-in person's own check-ins (to read or edit). Only the client writes
    their check-ins; the care team reads trends through `visible_checkins`."""
    # Anonymous callers have no check-ins.
    if not isinstance(user, User):
        raise Http404
    parsed = parse_uuid(checkin_id)
    # Only the person's own check-ins are found; anyone else's is "not found".
    checkin = CheckIn.objects.filter(public_id=parsed, client=user).first() if parsed else None
    if checkin is None:
        raise Http404
    return checkin


def visible_checkins(
    user: User | AnonymousUser, client_id: str | uuid.UUID
) -> tuple[User, QuerySet[CheckIn]]:
    """The client and their check-ins, for the client or for their care team when the client
    shares check-ins (audited by access_client); 404 otherwise."""
    client = people_access.access_client(
        user, client_id, category=Category.CHECKINS, action="checkin:list"
    )
    return client, own_checkins(client)
