"""The journal API: a client's own entries (create, list, read, update and share), and the
entries a client shares, for their care team. The same access and services as the pages."""

from __future__ import annotations

import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Router, Status

from heard.accounts.models import User
from heard.api.auth import current_user
from heard.api.schemas import ErrorOut, FieldProblemsOut
from heard.journal import access, services
from heard.journal.models import JournalEntry
from heard.journal.schemas import (
    EntryIn,
    EntryOut,
    EntryPatch,
    EntryWriteOut,
    OfferOut,
    ReflectionOut,
    SharedEntryOut,
)
from heard.safety import respond
from heard.safety.services import TextCheck

router = Router(tags=["journal"])

WRITE_ERRORS: dict[int, Any] = {401: ErrorOut, 404: ErrorOut, 422: FieldProblemsOut}


def _entry(entry: JournalEntry) -> EntryOut:
    title, body = services.text_of(entry)
    return EntryOut(
        id=entry.public_id,
        title=title,
        body=body,
        prompt=entry.prompt,
        status=entry.status,
        shared=entry.is_shared,
        has_draft=entry.has_draft,
        revision=entry.revision,
        created=entry.created_at,
        saved=entry.saved_at,
    )


def _written(
    request: HttpRequest,
    entry: JournalEntry,
    check: TextCheck | None,
    reflection: ReflectionOut | None = None,
    message: str = "",
) -> EntryWriteOut:
    url = respond.crisis_screen_url(check) if check is not None else None
    return EntryWriteOut(
        entry=_entry(entry),
        crisis=url is not None,
        support_url=request.build_absolute_uri(url) if url else None,
        helping_someone=check is not None and check.show_helping_someone,
        reflection=reflection,
        message=message,
    )


def _reflection(saved: services.Saved) -> ReflectionOut | None:
    reflection = services.reflection_for(saved.entry, saved.revision)
    if reflection is None:
        return None
    offer = reflection.offer
    return ReflectionOut(
        label=_("Automated reflection: written by the app, not a person. It doesn't diagnose."),
        heard=reflection.heard,
        validation=reflection.validation,
        feelings=[f.key for f in reflection.feelings],
        offer=OfferOut(kind=offer.kind, key=offer.key, title=offer.title, text=offer.text),
    )


def _share(user: User, entry: JournalEntry, shared: bool | None) -> tuple[JournalEntry, str]:
    if shared is None:
        return entry, ""
    if not shared:
        return services.unshare_entry(user, entry=entry), ""
    result = services.share_entry(user, entry=entry)
    message = (
        _("Journal sharing was off, so it was turned on.") if result.category_turned_on else ""
    )
    return result.entry, message


def _lang() -> str:
    return (get_language() or "en").split("-")[0]


@router.get(
    "/journal/entries",
    response={200: list[EntryOut], 401: ErrorOut, 404: ErrorOut},
    summary="My journal entries, newest first (drafts included)",
)
def list_entries(request: HttpRequest) -> list[EntryOut]:
    return [_entry(e) for e in access.own_journal(current_user(request))]


@router.post(
    "/journal/entries",
    response={201: EntryWriteOut, **WRITE_ERRORS},
    summary="Write a journal entry",
    description="201 with the entry. The text is screened for safety after it is stored: when "
    "crisis is true, show crisis resources now (support_url). Otherwise a short automated "
    "reflection may follow. 404: only clients keep a journal. 422: text too long or missing; "
    "nothing is stored.",
)
def create_entry(request: HttpRequest, payload: EntryIn) -> Status[Any]:
    user = current_user(request)
    if not access.can_keep_journal(user):
        raise Http404
    if payload.shared and payload.draft:
        problem = ValidationError({"shared": _("A draft can't be shared. Save it first.")})
        return Status(422, FieldProblemsOut.of(problem))
    try:
        result = services.create_entry(
            user,
            title=payload.title,
            body=payload.body,
            prompt=payload.prompt,
            draft=payload.draft,
            lang=_lang(),
        )
    except ValidationError as exc:
        return Status(422, FieldProblemsOut.of(exc))
    reflection = _reflection(result) if isinstance(result, services.Saved) else None
    entry, message = _share(user, result.entry, payload.shared or None)
    return Status(201, _written(request, entry, result.check, reflection, message))


@router.get(
    "/journal/entries/{entry_id}",
    response={200: EntryOut, 401: ErrorOut, 404: ErrorOut},
    summary="One of my journal entries",
    url_name="journal_entry",
)
def get_entry(request: HttpRequest, entry_id: uuid.UUID) -> EntryOut:
    return _entry(access.access_own_entry(current_user(request), entry_id))


@router.patch(
    "/journal/entries/{entry_id}",
    response={200: EntryWriteOut, **WRITE_ERRORS},
    summary="Change one of my journal entries, or share it or take the share back",
    description="Fields left out stay as they are. Changed text is saved as a new version and "
    "screened (see POST). 422: text too long or empty, or sharing an entry never saved; "
    "nothing is stored.",
)
def update_entry(request: HttpRequest, entry_id: uuid.UUID, payload: EntryPatch) -> Status[Any]:
    user = current_user(request)
    entry = access.access_own_entry(user, entry_id, for_write=True)
    saved = None
    try:
        if payload.title is not None or payload.body is not None:
            title, body = services.text_of(entry)
            saved = services.save_entry(
                user,
                entry=entry,
                title=title if payload.title is None else payload.title,
                body=body if payload.body is None else payload.body,
                lang=_lang(),
            )
            entry = saved.entry
        entry, message = _share(user, entry, payload.shared)
    except ValidationError as exc:
        return Status(422, FieldProblemsOut.of(exc))
    check = saved.check if saved else None
    reflection = _reflection(saved) if saved else None
    return Status(200, _written(request, entry, check, reflection, message))


@router.get(
    "/clients/{client_id}/journal/entries",
    response={200: list[SharedEntryOut], 401: ErrorOut, 404: ErrorOut},
    summary="The journal entries a client shares with their care team, newest first",
)
def list_client_entries(request: HttpRequest, client_id: uuid.UUID) -> list[SharedEntryOut]:
    _client, entries = access.visible_shared_entries(current_user(request), client_id)
    return [
        SharedEntryOut(
            id=e.public_id,
            title=e.title,
            body=e.body,
            prompt=e.prompt,
            saved=e.saved_at,
            shared=e.shared_at,
        )
        for e in entries
    ]
