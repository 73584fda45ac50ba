"""The ONLY way to load profiles. Missing and forbidden both raise 404.

A profile is the client's own: only they write it. Their care team (the client's clinician, or
that clinician's supervisor: people.policy) reads it while the client shares the "profile"
category, which is on by default. Every staff read is audited; a person reading their own
profile leaves no trace.

Before a person's first save there is no row: pages show a blank, unsaved profile seeded from
their account (the name they gave and their language), so every page reads the same way.
"""

from __future__ import annotations

import uuid

from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from heard.accounts.models import Role, User
from heard.audit import services as audit
from heard.people import policy
from heard.people.access import access_client
from heard.people.models import Category
from heard.profiles.models import Language, Profile


def can_keep_profile(user: User | AnonymousUser) -> bool:
    """Only a signed-in person who is a client now writes a profile."""
    # Visitors and staff have no profile of their own.
    if not isinstance(user, User) or not user.is_active:
        return False
    # An active client membership somewhere.
    return user.memberships.filter(role=Role.CLIENT, is_active=True).exists()


def blank_profile(client: User) -> Profile:
    """An unsaved profile seeded from the account: what a person sees before they save."""
    language = client.language if client.language in Language.values else ""
    return Profile(client=client, chosen_name=client.preferred_name, language=language)


def profile_of(client: User) -> Profile:
    """`client`'s profile, or a blank one when they have not saved any. Internal: the caller
    has already passed access for this client (services, and the functions below)."""
    return Profile.objects.filter(client=client).first() or blank_profile(client)


def own_profile(user: User | AnonymousUser, *, for_write: bool = False) -> Profile:
    """The signed-in person's own profile. Someone whose care ended can still read what they
    wrote; writing needs them to be a client now. Http404 for anyone else (visitors, staff,
    facilitators, org admins)."""
    # Visitors have no profile.
    if not isinstance(user, User):
        raise Http404
    profile = profile_of(user)
    # A client now, or someone who still has a saved profile from before (read only).
    if not can_keep_profile(user) and (for_write or not profile.is_saved):
        raise Http404
    return profile


def access_client_profile(
    user: User | AnonymousUser, client_id: str | uuid.UUID
) -> tuple[User, Profile]:
    """The client `client_id` and their profile, for their care team (or the client, who sees
    what the team sees). Audited as "profile:read"; Http404 when the client does not exist,
    `user` is not on their care team, or the client does not share their profile
    (people.access.access_client)."""
    client = access_client(user, client_id, category=Category.PROFILE, action="profile:read")
    return client, profile_of(client)


def visible_profile(user: User, client: User) -> Profile | None:
    """`client`'s profile for the top of their record, or None when `user` may not read it
    (the client does not share it). The caller has already loaded `client` through
    people.access.access_client. A staff read of a saved profile is audited as
    "profile:summary:read"."""
    # The shared policy decides: self, or care team and the client shares their profile.
    if not policy.can_read(user, client, Category.PROFILE):
        return None
    profile = profile_of(client)
    # Staff reading something the client wrote leave a trace; the client and blanks do not.
    if user.pk != client.pk and profile.is_saved:
        audit.record(user, "profile:summary:read", client=client, obj=profile)
    return profile
