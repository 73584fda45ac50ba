"""Every write to skills practice: logging a practice, favourites, and the care team's
recommendations (and the client putting one aside).

A practice note is client free text: it is saved first and then screened through the one
safety path (`safety.services.screen_client_text`), so what someone wrote is never lost and
every signal reaches the care team. Log lines carry ids only.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from heard.accounts.models import User
from heard.audit import services as audit
from heard.milestones import services as milestones
from heard.milestones.models import Milestone, MilestoneKind
from heard.people import policy
from heard.people.models import Category
from heard.safety import services as safety
from heard.safety.models import SignalSource
from heard.skills import library
from heard.skills.models import Favourite, Helped, Practice, Recommendation

log = logging.getLogger(__name__)

NOTE_MAX = 2000
RECOMMENDATION_NOTE_MAX = 1000


@dataclass(frozen=True)
class Logged:
    """A stored practice, what screening its note found (None: there was no note), and the
    milestone reached with it (None: none this time)."""

    practice: Practice
    check: safety.TextCheck | None
    milestone: Milestone | None
    # False when an idempotent repeat returned the practice stored the first time.
    created: bool = True


def _skill_error(skill_key: Any) -> str | None:
    if isinstance(skill_key, str) and library.get_skill(skill_key) is not None:
        return None
    return _("We don't have that skill. Choose one from the skills library.")


def _known_skill(skill_key: str) -> None:
    if message := _skill_error(skill_key):
        raise ValidationError({"skill_key": message})


def _distress_error(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        return _("Choose a number from 0 (none) to 10 (the most).")
    return None


def _validate_practice(
    skill_key: str, distress_before: Any, distress_after: Any, helped: Any, note: Any
) -> None:
    errors: dict[str, str] = {}
    if message := _skill_error(skill_key):
        errors["skill_key"] = message
    for name, value in (("distress_before", distress_before), ("distress_after", distress_after)):
        if message := _distress_error(value):
            errors[name] = message
    if helped not in ("", *Helped.values):
        errors["helped"] = _('Choose "Yes", "A little" or "Not this time", or leave it out.')
    if not isinstance(note, str) or len(note) > NOTE_MAX:
        errors["note"] = _("Please keep the note under %(max)s characters.") % {"max": "2,000"}
    if errors:
        raise ValidationError(errors)


def log_practice(
    actor: User,
    *,
    client: User,
    skill_key: str,
    distress_before: int | None = None,
    distress_after: int | None = None,
    helped: str = "",
    note: str = "",
    practised_at: datetime | None = None,
    idempotency_key: str = "",
    lang: str | None = None,
) -> Logged:
    """Record that `client` practised `skill_key` (only the client logs their own practice).

    Every rating is optional. Raises ValidationError (nothing stored) for an unknown skill,
    distress outside 0..10, an unknown "did this help?" answer, a note that is too long or a
    time in the future. With an idempotency key, a repeat returns the practice stored the
    first time, unscreened again. The first practice of each skill reaches the "skill
    practised" milestone. After saving, the note is screened.
    """
    if actor.pk != client.pk:
        raise PermissionDenied
    note = note.strip() if isinstance(note, str) else note
    _validate_practice(skill_key, distress_before, distress_after, helped, note)
    when = practised_at or timezone.now()
    if when > timezone.now() + timedelta(minutes=5):
        raise ValidationError({"practised_at": _("That time is in the future.")})
    if idempotency_key:
        earlier = Practice.objects.filter(client=client, idempotency_key=idempotency_key).first()
        if earlier is not None:
            return Logged(earlier, None, None, created=False)
    try:
        with transaction.atomic():
            practice = Practice.objects.create(
                client=client,
                skill_key=skill_key,
                practised_at=when,
                distress_before=distress_before,
                distress_after=distress_after,
                helped=helped,
                note=note,
                idempotency_key=idempotency_key,
            )
            audit.record(
                actor,
                "skill:practice:record",
                client=client,
                obj=practice,
                extra={"skill": skill_key},
            )
            milestone = milestones.award(
                client, MilestoneKind.SKILL_PRACTISED, key=skill_key, at=when
            )
    except IntegrityError:
        # The same request, sent twice at once: the other one stored it.
        earlier = Practice.objects.filter(client=client, idempotency_key=idempotency_key).first()
        if earlier is None:  # pragma: no cover - not an idempotency race
            raise
        return Logged(earlier, None, None, created=False)
    log.info("skill.practice.recorded practice=%s client=%s", practice.pk, client.pk)
    check = None
    if note:
        check = safety.screen_client_text(
            client=client,
            text=note,
            source_id=practice.public_id,
            lang=lang,
            source=SignalSource.PRACTICE,
        )
    return Logged(practice, check, milestone)


def set_favourite(client: User, *, skill_key: str) -> Favourite:
    """Add a skill to `client`'s favourites (a repeat changes nothing)."""
    _known_skill(skill_key)
    with transaction.atomic():
        favourite, created = Favourite.objects.get_or_create(client=client, skill_key=skill_key)
        if created:
            audit.record(client, "skill:favourite:set", client=client, extra={"skill": skill_key})
    return favourite


def unset_favourite(client: User, *, skill_key: str) -> bool:
    """Take a skill off `client`'s favourites; False when it was not one."""
    with transaction.atomic():
        deleted, _rows = Favourite.objects.filter(client=client, skill_key=skill_key).delete()
        if deleted:
            audit.record(client, "skill:favourite:unset", client=client, extra={"skill": skill_key})
    return bool(deleted)


def recommend_skill(staff: User, *, client: User, skill_key: str, note: str = "") -> Recommendation:
    """Suggest a skill to `client`, with an optional note to them. The caller has loaded the
    client through access.access_client_to_recommend (care team, CARE_PLAN shared, for
    write); this checks the same policy again and refuses anyone else (PermissionDenied).

    The client sees it under "Suggested for you" ("Your clinician suggested it"). Suggesting
    a skill that is already suggested and not put aside replaces its note.
    """
    if staff.pk == client.pk or not policy.can_write(staff, client, Category.CARE_PLAN):
        raise PermissionDenied
    note = note.strip() if isinstance(note, str) else note
    errors: dict[str, str] = {}
    if message := _skill_error(skill_key):
        errors["skill_key"] = message
    if not isinstance(note, str) or len(note) > RECOMMENDATION_NOTE_MAX:
        errors["note"] = _("Please keep the note under %(max)s characters.") % {"max": "1,000"}
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        found = (
            Recommendation.objects.select_for_update()
            .filter(client=client, skill_key=skill_key, dismissed_at__isnull=True)
            .first()
        )
        if found is None:
            found = Recommendation.objects.create(
                client=client, skill_key=skill_key, recommended_by=staff, note=note
            )
        else:
            found.note = note
            found.recommended_by = staff
            found.save(update_fields=["note", "recommended_by", "updated_at"])
        audit.record(staff, "skill:recommend", client=client, obj=found, extra={"skill": skill_key})
    log.info("skill.recommended recommendation=%s client=%s", found.pk, client.pk)
    return found


def dismiss_recommendation(client: User, *, recommendation: Recommendation) -> Recommendation:
    """The client puts a suggestion from their care team aside (loaded through
    access.access_own_recommendation). The skill stays in the library."""
    if recommendation.client_id != client.pk:
        raise PermissionDenied
    if recommendation.dismissed_at is None:
        with transaction.atomic():
            recommendation.dismissed_at = timezone.now()
            recommendation.save(update_fields=["dismissed_at", "updated_at"])
            audit.record(client, "skill:recommendation:dismiss", client=client, obj=recommendation)
    return recommendation
