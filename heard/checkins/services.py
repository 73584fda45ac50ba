"""Every write to check-ins: recording, editing (history kept), and the client's settings.

Free text (the note and "what helped") is saved first and then screened through the one
safety path (`safety.services.screen_client_text`), so what someone wrote is never lost and
every signal reaches the care team.
"""

from __future__ import annotations

import json
import logging
import uuid
import zoneinfo
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from heard.accounts.models import User
from heard.audit import services as audit
from heard.checkins import rules
from heard.checkins.models import CheckIn, CheckInRevision, CheckInSettings
from heard.milestones import services as milestones
from heard.milestones.models import Milestone
from heard.safety import services as safety
from heard.safety.models import SignalSource

log = logging.getLogger(__name__)

VALUE_FIELDS = (
    "mood",
    "feelings",
    "sleep_hours",
    "sleep_quality",
    "movement_minutes",
    "connection",
    "stress",
    "alcohol_drinks",
    "substances",
    "what_helped",
    "note",
)


@dataclass(frozen=True)
class Recorded:
    """A stored check-in, what screening its text found (None: there was no text), and a
    milestone reached with it (None: none this time)."""

    checkin: CheckIn
    check: safety.TextCheck | None
    milestone: Milestone | None
    # False when an idempotent repeat returned the check-in stored the first time.
    created: bool = True


def tracks_substances(client: User) -> bool:
    settings_row = CheckInSettings.objects.filter(client=client).first()
    return bool(settings_row and settings_row.track_substances)


def values_of(checkin: CheckIn) -> rules.Values:
    return rules.Values(
        mood=checkin.mood,
        feelings=tuple(checkin.feelings or ()),
        sleep_hours=checkin.sleep_hours,
        sleep_quality=checkin.sleep_quality,
        movement_minutes=checkin.movement_minutes,
        connection=checkin.connection,
        stress=checkin.stress,
        alcohol_drinks=checkin.alcohol_drinks,
        substances=tuple(checkin.substances or ()),
        what_helped=checkin.what_helped or "",
        note=checkin.note or "",
    )


def _validate(client: User, values: rules.Values) -> None:
    if values.is_empty():
        raise ValidationError(_("Add at least one thing, even just your mood."))
    errors = rules.check(values, track_substances=tracks_substances(client))
    if errors:
        raise ValidationError(errors)


def _apply(checkin: CheckIn, values: rules.Values) -> None:
    for name in VALUE_FIELDS:
        value = getattr(values, name)
        setattr(checkin, name, list(value) if isinstance(value, tuple) else value)


def record_checkin(
    actor: User,
    *,
    client: User,
    values: rules.Values,
    at: datetime | None = None,
    idempotency_key: str = "",
    lang: str | None = None,
) -> Recorded:
    """Store one check-in for `client` (the client themself is the only writer today).

    Raises ValidationError (nothing stored) for out-of-range values, an empty check-in or a
    time in the future. With an idempotency key, a repeat returns the check-in stored the
    first time, unscreened again. After saving, the text is screened.
    """
    _validate(client, values)
    when = at or timezone.now()
    if when > timezone.now() + timedelta(minutes=5):
        raise ValidationError({"at": _("That time is in the future.")})
    if idempotency_key:
        earlier = CheckIn.objects.filter(client=client, idempotency_key=idempotency_key).first()
        if earlier is not None:
            return Recorded(earlier, None, None, created=False)
    try:
        with transaction.atomic():
            checkin = CheckIn(client=client, at=when, idempotency_key=idempotency_key)
            _apply(checkin, values)
            checkin.save()
            audit.record(actor, "checkin:record", client=client, obj=checkin)
            total = CheckIn.objects.filter(client=client).count()
            milestone = milestones.note_checkin_count(client, total)
    except IntegrityError:
        # The same request, sent twice at once: the other one stored it.
        earlier = CheckIn.objects.filter(client=client, idempotency_key=idempotency_key).first()
        if earlier is None:  # pragma: no cover - not an idempotency race
            raise
        return Recorded(earlier, None, None, created=False)
    log.info("checkin.recorded checkin=%s client=%s", checkin.pk, client.pk)
    check = _screen(checkin, values.text, checkin.public_id, lang)
    return Recorded(checkin, check, milestone)


def update_checkin(
    actor: User, *, checkin: CheckIn, values: rules.Values, lang: str | None = None
) -> Recorded:
    """Change a check-in. What it said before is kept as a revision; new text is screened."""
    _validate(checkin.client, values)
    before = values_of(checkin)
    if before == values:
        return Recorded(checkin, None, None)
    with transaction.atomic():
        revision = CheckInRevision.objects.create(
            checkin=checkin,
            number=checkin.revision,
            snapshot=json.dumps(before.as_json()),
            edited_by=actor,
        )
        _apply(checkin, values)
        checkin.revision += 1
        checkin.save(update_fields=[*VALUE_FIELDS, "revision", "updated_at"])
        audit.record(actor, "checkin:update", client=checkin.client, obj=checkin)
    log.info("checkin.updated checkin=%s revision=%s", checkin.pk, checkin.revision)
    # Screen only when the text changed; the revision's id keeps each edit's alert apart.
    text_changed = values.text != before.text
    check = _screen(checkin, values.text, revision.public_id, lang) if text_changed else None
    return Recorded(checkin, check, None)


def _screen(
    checkin: CheckIn, text: str, source_id: uuid.UUID, lang: str | None
) -> safety.TextCheck | None:
    if not text:
        return None
    checkin.screened_as = source_id
    checkin.save(update_fields=["screened_as"])
    return safety.screen_client_text(
        client=checkin.client,
        text=text,
        source_id=source_id,
        lang=lang,
        source=SignalSource.CHECKIN,
    )


def revisions(checkin: CheckIn) -> list[tuple[CheckInRevision, rules.Values]]:
    """Earlier versions of a check-in, newest first, with their values decoded."""
    rows = checkin.revisions.order_by("-number")
    return [(r, rules.Values.from_json(json.loads(r.snapshot))) for r in rows]


def set_checkin_settings(
    client: User, *, track_substances: bool, time_zone: str | None = None
) -> CheckInSettings:
    """Save the client's own check-in choices (and their time zone, when given)."""
    if time_zone is not None:
        _set_time_zone(client, time_zone)
    with transaction.atomic():
        row, _created = CheckInSettings.objects.get_or_create(client=client)
        row.track_substances = track_substances
        row.save(update_fields=["track_substances", "updated_at"])
        audit.record(
            client, "checkin:settings", client=client, extra={"substances": track_substances}
        )
    return row


def valid_time_zone(name: str) -> bool:
    if not name or len(name) > 64:
        return False
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _set_time_zone(client: User, name: str) -> None:
    if name and not valid_time_zone(name):
        raise ValidationError({"time_zone": _("Choose a time zone from the list.")})
    if client.time_zone != name:
        client.time_zone = name
        client.save(update_fields=["time_zone"])


def learn_time_zone(client: User, name: str) -> None:
    """Take the browser's time zone when the person has not chosen one (silently ignores an
    unknown name: the browser's guess is only a default)."""
    if not client.time_zone and valid_time_zone(name):
        _set_time_zone(client, name)
