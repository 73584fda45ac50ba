"""Every write to the person-centred profile, and what other apps read from it.

Only the client edits their profile; the care team reads it (see access.py). A profile is
saved one section at a time (models.SECTIONS): a save names the revision it started from, and
when that section changed since then the save is refused with ProfileConflict, never a silent
overwrite.

Profile text is client free text: it is saved first and then screened through the one safety
path (`safety.services.screen_client_text`), so what someone wrote is never lost and every
signal reaches the care team. Nothing here logs the text: log lines carry ids only.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from heard.accounts.models import User
from heard.audit import services as audit
from heard.profiles import access
from heard.profiles.models import (
    NAME_MAX_CHARS,
    PRONOUNS_MAX_CHARS,
    SECTIONS,
    TEXT_MAX_CHARS,
    ContactMethod,
    Language,
    Modality,
    Profile,
)
from heard.safety import services as safety
from heard.safety.models import SignalSource
from heard.skills.library import KINDS, TAGS

log = logging.getLogger("heard.profiles")

# Lists hold keys of a fixed vocabulary, kept in the vocabulary's order.
VOCABULARIES: dict[str, tuple[str, ...]] = {
    "helpful_kinds": tuple(KINDS),
    "careful_tags": tuple(TAGS),
    "modalities": tuple(Modality.values),
    "contact_methods": tuple(ContactMethod.values),
}
# Short, one-line text, with its limit.
LINES: dict[str, int] = {"chosen_name": NAME_MAX_CHARS, "pronouns": PRONOUNS_MAX_CHARS}
# Everything else the client types (screened after saving, like the lines above).
TEXTS = frozenset(
    name
    for fields in SECTIONS.values()
    for name in fields
    if name not in VOCABULARIES and name != "language"
)


def conflict_message() -> str:
    return _(
        "This part of your profile was changed somewhere else (maybe in another tab) after "
        "you opened it, so we didn't save over it. Your words are still here: look at what "
        "is saved now, then save again to keep yours."
    )


class ProfileConflict(Exception):
    """The section was changed elsewhere (another tab or device) after the person opened it.
    Nothing was stored; `profile` is what is saved now."""

    def __init__(self, profile: Profile, section: str) -> None:
        super().__init__(section)
        self.profile = profile
        self.section = section

    @property
    def message(self) -> str:
        return conflict_message()


@dataclass(frozen=True)
class Updated:
    """A saved section. `changed` is False when nothing was different (nothing stored, not
    screened). `check` is what screening found in new text (None: no new text)."""

    profile: Profile
    changed: bool
    check: safety.TextCheck | None
    language_changed: bool


# --- Checking what was sent ---------------------------------------------------------------------


def _clean_text(text: str) -> str:
    """One newline convention (browsers send CRLF), no blank space around the text."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _too_long(limit: int, count: int) -> str:
    return _(
        "Please keep this to %(limit)s characters or fewer (it has %(count)s). A shorter note "
        "is fine: you can tell your care team more in person."
    ) % {"limit": f"{limit:,}", "count": f"{count:,}"}


def _clean_list(name: str, value: object) -> tuple[list[str] | None, str]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        return None, _("Please send a list of choices.")
    allowed = VOCABULARIES[name]
    unknown = sorted(set(value) - set(allowed))
    if unknown:
        return None, _("These are not among the choices: %(values)s.") % {
            "values": ", ".join(unknown)
        }
    return [key for key in allowed if key in value], ""


def _clean_field(name: str, value: object) -> tuple[object, str]:
    """The value as it would be stored, and a problem to tell the person ("" when none)."""
    if name in VOCABULARIES:
        return _clean_list(name, value)
    if not isinstance(value, str):
        return None, _("Please send text.")
    text = _clean_text(value)
    if name == "language":
        if text and text not in Language.values:
            return None, _("Please choose English or Spanish.")
        return text, ""
    limit = LINES.get(name, TEXT_MAX_CHARS)
    if name in LINES and "\n" in text:
        return None, _("Please keep this on one line.")
    if len(text) > limit:
        return None, _too_long(limit, len(text))
    return text, ""


def clean_section(section: str, data: Mapping[str, object]) -> dict[str, object]:
    """The fields of `section` in `data` as they would be stored (fields left out are not
    in the result, so they keep their value). ValidationError (per field, with words a
    person can act on) otherwise; nothing is stored on an error."""
    if section not in SECTIONS:
        raise ValidationError({"section": _("Please choose one of the parts of the profile.")})
    fields = SECTIONS[section]
    errors: dict[str, str] = {}
    values: dict[str, object] = {}
    for name, value in data.items():
        if name not in fields:
            errors[name] = _("This part of the profile has no such field.")
            continue
        cleaned, problem = _clean_field(name, value)
        if problem:
            errors[name] = problem
        else:
            values[name] = cleaned
    if errors:
        raise ValidationError(errors)
    return values


# --- Writing ------------------------------------------------------------------------------------


def screening_id(profile: Profile, revision: int) -> uuid.UUID:
    """The id screening names for one saved revision of a profile: each save that adds text
    is screened on its own (a later worry alerts again), and the same save never twice."""
    return uuid.uuid5(profile.public_id, f"revision:{revision}")


def update_profile(
    actor: User,
    *,
    client: User,
    section: str,
    data: Mapping[str, object],
    base_revision: int,
) -> Updated:
    """Save one section of `client`'s profile from `data` (fields left out keep their value).

    Only the client edits their profile (PermissionDenied for anyone else); the caller has
    checked access.own_profile(for_write=True). `base_revision` is the profile revision the
    person started from: when this section changed after it, ProfileConflict (nothing
    stored). The chosen name and language are copied to the account (User.preferred_name,
    User.language), which the rest of the app shows and speaks. Audited as "profile:update".

    Then new text is screened (source: the profile), so the caller can show the crisis
    response. ValidationError (per field) before anything is stored.
    """
    if actor.pk != client.pk:
        raise PermissionDenied
    values = clean_section(section, data)
    try:
        with transaction.atomic():
            profile = _locked(client)
            changed = [name for name, value in values.items() if getattr(profile, name) != value]
            if not changed:
                return Updated(profile=profile, changed=False, check=None, language_changed=False)
            last_change = int(profile.section_revisions.get(section, 0))
            if last_change > base_revision or base_revision > profile.revision:
                raise ProfileConflict(profile, section)
            for name in changed:
                setattr(profile, name, values[name])
            profile.revision += 1
            profile.section_revisions = {**profile.section_revisions, section: profile.revision}
            profile.save()
            language_changed = _sync_account(client, profile, changed)
            audit.record(
                actor,
                "profile:update",
                client=client,
                obj=profile,
                extra={"section": section, "revision": profile.revision, "fields": changed},
            )
    except IntegrityError:  # pragma: no cover - two first saves at the same moment
        raise ProfileConflict(access.profile_of(client), section) from None
    log.info("profile.updated profile=%s section=%s", profile.pk, section)
    text = "\n\n".join(str(values[name]) for name in changed if name in TEXTS and values[name])
    check = None
    if text:
        check = safety.screen_client_text(
            client=client,
            text=text,
            source_id=screening_id(profile, profile.revision),
            lang=client.language,
            source=SignalSource.PROFILE,
        )
    return Updated(profile=profile, changed=True, check=check, language_changed=language_changed)


def _locked(client: User) -> Profile:
    """The client's profile, locked for this transaction; a blank, unsaved one (seeded from
    the account) before the first save."""
    profile = Profile.objects.select_for_update().filter(client=client).first()
    return profile or access.blank_profile(client)


def _sync_account(client: User, profile: Profile, changed: list[str]) -> bool:
    """Copy the chosen name and language to the account; True when the language changed."""
    fields = []
    if "chosen_name" in changed:
        client.preferred_name = profile.chosen_name
        fields.append("preferred_name")
    language_changed = "language" in changed and bool(profile.language)
    if language_changed:
        client.language = profile.language
        fields.append("language")
    if fields:
        client.save(update_fields=fields)
    return language_changed


# --- Reading, for other apps --------------------------------------------------------------------


@dataclass(frozen=True)
class Preferences:
    """What the recommender needs from a profile: kinds of skills that suit the person, what
    exercises should go gently with (skills.library TAGS keys), and their own words on what
    helped before and what helps when overwhelmed. Empty when there is no profile."""

    helpful_kinds: frozenset[str]
    careful_tags: frozenset[str]
    helped_before: str
    when_overwhelmed: str


def preferences_for(client: User) -> Preferences:
    """The client's preferences from their profile (empty values when they have none).
    Internal: no audit, the caller has already passed access for this client."""
    profile = access.profile_of(client)
    return Preferences(
        helpful_kinds=frozenset(profile.helpful_kinds),
        careful_tags=frozenset(profile.careful_tags),
        helped_before=profile.helped_before,
        when_overwhelmed=profile.when_overwhelmed,
    )
