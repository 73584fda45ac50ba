"""The ONLY way to load milestones. Missing and forbidden both raise 404."""

from __future__ import annotations

import uuid

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet

from heard.accounts.models import User
from heard.milestones import rules
from heard.milestones.models import Milestone
from heard.people import access as people_access
from heard.people import policy


def own_milestones(client: User) -> QuerySet[Milestone]:
    """The signed-in person's own milestones, newest first."""
    return Milestone.objects.filter(client=client).order_by("-achieved_at")


def visible_milestones(
    user: User | AnonymousUser, client_id: str | uuid.UUID
) -> tuple[User, list[Milestone]]:
    """The client and the milestones `user` may see: the client sees all of theirs; the care
    team sees those whose category the client shares (a journal milestone only when journal
    sharing is on). Audited by access_client; 404 when the care relationship is missing."""
    client = people_access.access_client(user, client_id, category=None, action="milestones:list")
    rows = list(own_milestones(client))
    # The client sees everything they reached.
    if isinstance(user, User) and user.pk == client.pk:
        return client, rows
    # The care team sees a milestone only when its category is shared.
    shared = {kind: policy.shares(client, w.category) for kind, w in rules.WORDS.items()}
    return client, [m for m in rows if shared.get(m.kind, False)]
