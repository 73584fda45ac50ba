"""The session note API, for the care team: write a draft, read a note, change a draft, sign
it, add an addendum. The same access and services as the pages; a client gets 404.

There is no list endpoint per client yet: the pages list notes (notes:client_notes)."""

from __future__ import annotations

import uuid
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status

from heard.api.auth import current_user
from heard.api.schemas import ErrorOut, FieldProblemOut, FieldProblemsOut
from heard.notes import access, services
from heard.notes.models import SessionNote
from heard.notes.schemas import AddendumIn, AddendumOut, NoteIn, NoteOut, NotePatch

router = Router(tags=["notes"])

WRITE_ERRORS: dict[int, Any] = {
    401: ErrorOut,
    404: ErrorOut,
    409: ErrorOut,
    422: FieldProblemsOut,
}


def _note(note: SessionNote) -> NoteOut:
    return NoteOut(
        id=note.public_id,
        client_id=note.client.public_id,
        author=note.author.display_name,
        kind=note.kind,
        template=note.template,
        fields=services.fields_of(note),
        status=note.status,
        session_date=note.session_date,
        signed_at=note.signed_at,
        signed_by=note.signed_by.display_name if note.signed_by else None,
        revision=note.revision,
        addenda=[
            AddendumOut(
                id=a.public_id, author=a.author.display_name, text=a.text, created=a.created_at
            )
            for a in access.note_addenda(note)
        ],
    )


def _problems(problem: services.NoteProblem) -> FieldProblemsOut:
    return FieldProblemsOut(
        detail=[FieldProblemOut(loc=["body", k], msg=m) for k, m in problem.problems.items()]
    )


@router.post(
    "/clients/{client_id}/notes",
    response={201: NoteOut, **WRITE_ERRORS},
    summary="Start a draft session note about a client",
    description="201 with the draft. 404 unless you treat the client now. 422: unknown "
    "template or kind, or text too long; nothing is stored.",
)
def create_note(request: HttpRequest, client_id: uuid.UUID, payload: NoteIn) -> Status[Any]:
    user = current_user(request)
    client = access.access_client_for_notes(user, client_id)
    try:
        note = services.create_note(
            user,
            client=client,
            template=payload.template,
            kind=payload.kind,
            session_date=payload.session_date,
            fields=payload.fields,
        )
    except services.NoteLocked:
        return Status(404, ErrorOut(detail=_("Not found.")))
    except services.NoteProblem as problem:
        return Status(422, _problems(problem))
    return Status(201, _note(note))


@router.get(
    "/notes/{note_id}",
    response={200: NoteOut, 401: ErrorOut, 404: ErrorOut},
    summary="One session note, with its addenda",
    url_name="note",
)
def get_note(request: HttpRequest, note_id: uuid.UUID) -> NoteOut:
    return _note(access.access_note(current_user(request), note_id))


@router.patch(
    "/notes/{note_id}",
    response={200: NoteOut, **WRITE_ERRORS},
    summary="Change a draft session note (its author only)",
    description="409: the note is signed (signed notes never change), you are not its author, "
    "or it changed since base_revision; nothing is stored. 422: text too long.",
)
def update_note(request: HttpRequest, note_id: uuid.UUID, payload: NotePatch) -> Status[Any]:
    user = current_user(request)
    note = access.access_note(user, note_id, action="notes:edit")
    try:
        services.update_note(
            user,
            note=note,
            fields=payload.fields,
            base_revision=payload.base_revision,
            session_date=payload.session_date,
        )
    except services.NoteLocked:
        return Status(409, ErrorOut(detail=_("This note can't be changed.")))
    except services.NoteConflict:
        return Status(409, ErrorOut(detail=_("This note changed since you loaded it.")))
    except services.NoteProblem as problem:
        return Status(422, _problems(problem))
    return Status(200, _note(note))


@router.post(
    "/notes/{note_id}/sign",
    response={200: NoteOut, **WRITE_ERRORS},
    summary="Sign a draft session note (its author only); it can't be changed after",
    description="409: already signed, or you are not its author. 422: the note is empty.",
)
def sign_note(request: HttpRequest, note_id: uuid.UUID) -> Status[Any]:
    user = current_user(request)
    note = access.access_note(user, note_id, action="notes:edit")
    try:
        services.sign_note(user, note=note)
    except services.NoteLocked:
        return Status(409, ErrorOut(detail=_("This note can't be signed.")))
    except services.NoteProblem as problem:
        return Status(422, _problems(problem))
    return Status(200, _note(note))


@router.post(
    "/notes/{note_id}/addenda",
    response={201: NoteOut, **WRITE_ERRORS},
    summary="Add an addendum to a signed session note",
    description="By its author or another clinician treating the client. 409: the note is "
    "a draft, or you may not add to it. 422: empty or too long.",
)
def add_addendum(request: HttpRequest, note_id: uuid.UUID, payload: AddendumIn) -> Status[Any]:
    user = current_user(request)
    note = access.access_note(user, note_id, action="notes:edit")
    try:
        services.add_addendum(user, note=note, text=payload.text)
    except services.NoteLocked:
        return Status(409, ErrorOut(detail=_("An addendum can't be added to this note.")))
    except services.NoteProblem as problem:
        return Status(422, _problems(problem))
    return Status(201, _note(note))
