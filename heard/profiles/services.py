"""Every write to the person-centred profile, and what other apps read from it.

Only the client edits their profile; the care team reads it (see access.py). Profile text is
client free text: it is saved first and then screened through the one safety path
(`safety.services.screen_client_text`). Nothing here logs the text: log lines carry ids only.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from heard.accounts.models import User
from heard.profiles.models import Profile

log = logging.getLogger("heard.profiles")


@dataclass(frozen=True)
class Preferences:
    """What the recommender needs from a profile: kinds of skills that suit the person, what
    exercises should go gently with (skills.library TAGS keys), and their own words on what
    helped before and what helps when overwhelmed. Empty when there is no profile."""

    helpful_kinds: frozenset[str]
    careful_tags: frozenset[str]
    helped_before: str
    when_overwhelmed: str


NO_PREFERENCES = Preferences(
    helpful_kinds=frozenset(), careful_tags=frozenset(), helped_before="", when_overwhelmed=""
)


def preferences_for(client: User) -> Preferences:
    """The client's preferences from their profile (empty values when they have none).
    Internal: no audit, the caller has already passed access for this client."""
    profile = Profile.objects.filter(client=client).first()
    if profile is None:
        return NO_PREFERENCES
    return Preferences(
        helpful_kinds=frozenset(profile.helpful_kinds),
        careful_tags=frozenset(profile.careful_tags),
        helped_before=profile.helped_before,
        when_overwhelmed=profile.when_overwhelmed,
    )
