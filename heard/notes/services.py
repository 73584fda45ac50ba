"""Every write to session notes: start a draft, change it, sign it (which locks it), add an
addendum to a signed note, delete a draft.

Signed notes and addenda are immutable: nothing here changes or deletes them, and every
write checks the note's state under a row lock. Audit events carry ids, the template and
the revision, never the text; log lines carry ids only.
"""

from __future__ import annotations

import datetime
import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from heard.accounts.models import Organization, User
from heard.appointments.models import Appointment, Episode
from heard.audit import services as audit
from heard.notes import access, rules
from heard.notes.models import NoteAddendum, NoteKind, NoteStatus, SessionNote
from heard.notes.rules import NoteProblem

log = logging.getLogger("heard.notes")

__all__ = [
    "NoteConflict",
    "NoteLocked",
    "NoteProblem",
    "add_addendum",
    "can_write_notes",
    "create_note",
    "delete_draft",
    "sign_note",
    "update_note",
]


class NoteLocked(Exception):
    """The change is not allowed: the note is signed, or `actor` may not make it."""


class NoteConflict(Exception):
    """The note changed since the page it was edited on was loaded (someone saved it in
    another tab). Nothing was stored."""

    def __init__(self, current_revision: int) -> None:
        super().__init__(f"note is at revision {current_revision}")
        self.current_revision = current_revision


def can_write_notes(actor: User, client: User) -> bool:
    """Whether `actor` treats `client` now, and so may write session notes about them."""
    return access.treating_organization(actor, client) is not None


def treats_client(actor: User, client: User) -> bool:
    return can_write_notes(actor, client)


def fields_of(note: SessionNote) -> dict[str, str]:
    """The note's content, per field of its template."""
    return rules.decode(note.template, note.content)


def create_note(
    actor: User,
    *,
    client: User,
    template: str,
    kind: str = NoteKind.PROGRESS,
    session_date: datetime.date | None = None,
    fields: dict[str, str] | None = None,
    appointment: Appointment | None = None,
    episode: Episode | None = None,
) -> SessionNote:
    """Start a draft note about `client` by `actor`, who must treat the client now (the
    caller has accessed the client; NoteLocked otherwise). NoteProblem for an unknown
    template or kind, or over-long text. Audited as "notes:note:create"."""
    cleaned = rules.clean_fields(template, fields or {})
    if kind not in NoteKind.values:
        raise NoteProblem({"kind": _("Please choose the kind of note.")})
    organization = access.treating_organization(actor, client)
    if organization is None:
        raise NoteLocked("only a clinician treating the client writes notes")
    with transaction.atomic():
        note = SessionNote.objects.create(
            client=client,
            author=actor,
            organization=organization,
            appointment=appointment if appointment and appointment.client_id == client.pk else None,
            episode=_episode_for(client, organization, episode),
            kind=kind,
            template=template,
            content=rules.encode(cleaned),
            session_date=session_date or timezone.localdate(),
        )
        audit.record(
            actor,
            "notes:note:create",
            client=client,
            obj=note,
            extra={"template": template},
        )
    log.info("notes.note.created note=%s", note.pk)
    return note


def _episode_for(
    client: User, organization: Organization, episode: Episode | None
) -> Episode | None:
    """The episode a new note belongs to: the one given (if it is the client's), else the
    client's open episode of care in the service, if any."""
    if episode is not None:
        return episode if episode.client_id == client.pk else None
    return Episode.objects.filter(
        client=client, organization=organization, closed_at__isnull=True
    ).first()


def _lock(note: SessionNote) -> None:
    """Lock the row and bring the caller's object up to date."""
    SessionNote.objects.select_for_update().only("pk").get(pk=note.pk)
    note.refresh_from_db()


def update_note(
    actor: User,
    *,
    note: SessionNote,
    fields: dict[str, str],
    base_revision: int,
    session_date: datetime.date | None = None,
) -> SessionNote:
    """Change a draft's content (and session date). Only the author changes a note, and only
    while it is a draft (NoteLocked otherwise, also once signed: a signed note is never
    changed). NoteConflict when the note moved past `base_revision` (saved elsewhere since);
    NoteProblem for over-long text. Saving the same content again writes nothing."""
    cleaned = rules.clean_fields(note.template, fields)
    with transaction.atomic():
        _lock(note)
        if not rules.may_edit(signed=note.is_signed, is_author=note.author_id == actor.pk):
            raise NoteLocked("only the author changes a draft")
        if note.revision != base_revision:
            raise NoteConflict(note.revision)
        date = session_date or note.session_date
        if cleaned == fields_of(note) and date == note.session_date:
            return note
        note.content = rules.encode(cleaned)
        note.session_date = date
        note.revision += 1
        note.save(update_fields=["content", "session_date", "revision", "updated_at"])
        audit.record(
            actor,
            "notes:note:update",
            client=note.client,
            obj=note,
            extra={"revision": note.revision},
        )
    log.info("notes.note.updated note=%s revision=%s", note.pk, note.revision)
    return note


def sign_note(actor: User, *, note: SessionNote, base_revision: int | None = None) -> SessionNote:
    """Sign a draft: it is locked for good (later changes are addenda). Only the author
    signs (NoteLocked otherwise, also when already signed); NoteConflict when a
    `base_revision` is given and the note moved past it; NoteProblem when the note is empty.
    Audited as "notes:note:sign"."""
    with transaction.atomic():
        _lock(note)
        if not rules.may_sign(signed=note.is_signed, is_author=note.author_id == actor.pk):
            raise NoteLocked("only the author signs a draft, once")
        if base_revision is not None and note.revision != base_revision:
            raise NoteConflict(note.revision)
        rules.require_something(fields_of(note))
        note.status = NoteStatus.SIGNED
        note.signed_at = timezone.now()
        note.signed_by = actor
        note.save(update_fields=["status", "signed_at", "signed_by", "updated_at"])
        audit.record(
            actor,
            "notes:note:sign",
            client=note.client,
            obj=note,
            extra={"revision": note.revision},
        )
    log.info("notes.note.signed note=%s", note.pk)
    return note


def add_addendum(actor: User, *, note: SessionNote, text: str) -> NoteAddendum:
    """Add an addendum to a signed note, by its author or another clinician treating the
    client now (NoteLocked otherwise, and on a draft). NoteProblem when the text is empty or
    too long. Addenda are never changed. Audited as "notes:addendum:add"."""
    cleaned = rules.clean_addendum(text)
    with transaction.atomic():
        _lock(note)
        allowed = rules.may_add_addendum(
            signed=note.is_signed,
            is_author=note.author_id == actor.pk,
            treats_client=treats_client(actor, note.client),
        )
        if not allowed:
            raise NoteLocked("addenda go on signed notes, by a treating clinician")
        addendum = NoteAddendum.objects.create(note=note, author=actor, text=cleaned)
        audit.record(actor, "notes:addendum:add", client=note.client, obj=note)
    log.info("notes.addendum.added note=%s addendum=%s", note.pk, addendum.pk)
    return addendum


def delete_draft(actor: User, *, note: SessionNote) -> None:
    """Delete a draft, by its author (NoteLocked otherwise: a signed note is kept for good).
    Audited as "notes:note:delete"."""
    with transaction.atomic():
        _lock(note)
        if not rules.may_delete(signed=note.is_signed, is_author=note.author_id == actor.pk):
            raise NoteLocked("only the author deletes a draft")
        audit.record(actor, "notes:note:delete", client=note.client, obj=note)
        note_pk = note.pk
        note.delete()
    log.info("notes.note.deleted note=%s", note_pk)
