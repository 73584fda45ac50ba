"""The ONLY way to load skills practice, favourites and recommendations. Missing and forbidden
both raise 404.

A client reads and writes their own. Their care team reads practice and helpfulness (part
of care: the CARE_PLAN sharing category, audited by access_client) and recommends skills.
Practice notes stay private to the client.
"""

from __future__ import annotations

import uuid

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.http import Http404

from heard.accounts.models import User
from heard.core.ids import parse_uuid
from heard.people import access as people_access
from heard.people.models import Category
from heard.skills.models import Favourite, Practice, Recommendation


def own_practices(client: User) -> QuerySet[Practice]:
    """`client`'s practice log, newest first."""
    return Practice.objects.filter(client=client).order_by("-practised_at", "-pk")


def own_favourites(client: User) -> QuerySet[Favourite]:
    """`client`'s favourite skills, in the order they chose them."""
    return Favourite.objects.filter(client=client).order_by("created_at", "pk")


def open_recommendations(client: User) -> QuerySet[Recommendation]:
    """Skills `client`'s care team suggested that the client has not put aside, newest first."""
    return (
        Recommendation.objects.filter(client=client, dismissed_at__isnull=True)
        .select_related("recommended_by")
        .order_by("-created_at", "-pk")
    )


def access_own_recommendation(
    user: User | AnonymousUser, recommendation_id: str | uuid.UUID
) -> Recommendation:
    """One of the signed-in client's open recommendations (to put it aside)."""
    # Visitors have no recommendations.
    if not isinstance(user, User):
        raise Http404
    parsed = parse_uuid(recommendation_id)
    # Only the person's own open recommendations are found; anyone else's is "not found".
    found = open_recommendations(user).filter(public_id=parsed).first() if parsed else None
    if found is None:
        raise Http404
    return found


def visible_practice(
    user: User | AnonymousUser, client_id: str | uuid.UUID
) -> tuple[User, QuerySet[Practice]]:
    """The client and their practice log, for the client or their care team while the client
    shares their care plan (practice and helpfulness are part of care). Audited by
    access_client; 404 otherwise."""
    client = people_access.access_client(
        user, client_id, category=Category.CARE_PLAN, action="skill:practice:list"
    )
    return client, own_practices(client)


def access_client_to_recommend(user: User | AnonymousUser, client_id: str | uuid.UUID) -> User:
    """The client, when `user` is on their care team and may write to their care plan (the
    client themself cannot recommend to themself). Audited; 404 otherwise."""
    return people_access.access_client(
        user,
        client_id,
        category=Category.CARE_PLAN,
        action="skill:recommend",
        for_write=True,
        care_team_only=True,
    )
