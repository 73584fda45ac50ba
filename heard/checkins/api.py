"""Check-ins over JSON: the same access functions and services as the pages."""

from __future__ import annotations

import dataclasses
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import get_language
from ninja import P, Router, Status
from ninja.params import HeaderEx

from heard.api.auth import current_user
from heard.api.schemas import ErrorOut, FieldProblemsOut
from heard.checkins import access, rules, services
from heard.checkins.schemas import (
    CheckInIn,
    CheckInOut,
    CheckInPatch,
    CheckInSavedOut,
    OfferOut,
    ReflectionOut,
)
from heard.listening.reflect import reflect
from heard.safety import respond

router = Router(tags=["check-ins"])

SAVED = {200: CheckInSavedOut, 201: CheckInSavedOut, 401: ErrorOut, 404: ErrorOut}
SAVED_422 = {**SAVED, 422: FieldProblemsOut}


def _lang() -> str:
    return "es" if (get_language() or "en").startswith("es") else "en"


def _saved(recorded: services.Recorded) -> CheckInSavedOut:
    check = recorded.check
    url = respond.crisis_screen_url(check) if check is not None else None
    reflection = None
    note = recorded.checkin.note or ""
    if url is None and note and (check is None or check.alert is None):
        r = reflect(
            note,
            _lang(),
            seed=str(recorded.checkin.public_id),
            source="checkin",
            chosen=tuple(recorded.checkin.feelings or ()),
        )
        reflection = ReflectionOut(
            heard=r.heard,
            validation=r.validation,
            offer=OfferOut(
                kind=r.offer.kind, key=r.offer.key, title=r.offer.title, text=r.offer.text
            ),
        )
    return CheckInSavedOut(
        checkin=CheckInOut.of(recorded.checkin),
        crisis=url is not None,
        support_url=url,
        reflection=reflection,
        milestone=recorded.milestone.kind if recorded.milestone else None,
    )


@router.get(
    "/checkins",
    response={200: list[CheckInOut], 401: ErrorOut},
    summary="My check-ins",
    description="The signed-in person's own check-ins, newest first (at most `limit`).",
    url_name="checkins",
)
def list_checkins(request: HttpRequest, limit: int = 100, offset: int = 0) -> list[CheckInOut]:
    user = current_user(request)
    limit = max(1, min(limit, 500))
    rows = access.own_checkins(user)[max(offset, 0) : max(offset, 0) + limit]
    return [CheckInOut.of(c) for c in rows]


@router.post(
    "/checkins",
    response=SAVED_422,
    summary="Check in",
    description="Store a check-in (every field optional, at least one given). 201 with the "
    "check-in and what to show next: when `crisis` is true, show crisis resources "
    "(`support_url`) before anything else. A repeated Idempotency-Key returns the first "
    "check-in with 200. 422 (nothing stored) for values out of range or text too long.",
)
def create_checkin(
    request: HttpRequest,
    payload: CheckInIn,
    idempotency_key: HeaderEx[
        str,
        P(alias="Idempotency-Key", max_length=64, description="Your id for this check-in."),
    ] = "",
) -> Status[Any]:
    user = current_user(request)
    data = payload.dict()
    at = data.pop("at")
    try:
        values = rules.Values(
            **{**data, "feelings": tuple(data["feelings"]), "substances": tuple(data["substances"])}
        )
        recorded = services.record_checkin(
            user,
            client=user,
            values=values,
            at=at,
            idempotency_key=idempotency_key,
            lang=_lang(),
        )
    except ValidationError as exc:
        return Status(422, FieldProblemsOut.of(exc))
    fresh = (
        recorded.checkin.idempotency_key == ""
        or recorded.check is not None
        or recorded.milestone is not None
    )
    return Status(201 if fresh else 200, _saved(recorded))


@router.get(
    "/checkins/{checkin_id}",
    response={200: CheckInOut, 401: ErrorOut, 404: ErrorOut},
    summary="One of my check-ins",
    url_name="checkin",
)
def get_checkin(request: HttpRequest, checkin_id: uuid.UUID) -> CheckInOut:
    return CheckInOut.of(access.access_own_checkin(current_user(request), checkin_id))


@router.patch(
    "/checkins/{checkin_id}",
    response={200: CheckInSavedOut, 401: ErrorOut, 404: ErrorOut, 422: FieldProblemsOut},
    summary="Change one of my check-ins",
    description="Change the fields sent (null clears one). What it said before is kept as a "
    "revision; changed text is screened, and `crisis` says to show crisis resources now.",
)
def update_checkin(
    request: HttpRequest, checkin_id: uuid.UUID, payload: CheckInPatch
) -> Status[Any]:
    user = current_user(request)
    checkin = access.access_own_checkin(user, checkin_id)
    changes = payload.dict(exclude_unset=True)
    for name in ("feelings", "substances"):
        if name in changes:
            changes[name] = tuple(changes[name] or ())
    for name in ("what_helped", "note"):
        if name in changes and changes[name] is None:
            changes[name] = ""
    values = dataclasses.replace(services.values_of(checkin), **changes)
    try:
        recorded = services.update_checkin(user, checkin=checkin, values=values, lang=_lang())
    except ValidationError as exc:
        return Status(422, FieldProblemsOut.of(exc))
    return Status(200, _saved(recorded))


@router.get(
    "/clients/{client_id}/checkins",
    response={200: list[CheckInOut], 401: ErrorOut, 404: ErrorOut},
    summary="A client's shared check-ins",
    description="For the client's care team, when the client shares check-ins: values and "
    "feelings, newest first. Notes stay private (empty here). 404 otherwise.",
    url_name="client_checkins",
)
def list_client_checkins(
    request: HttpRequest, client_id: uuid.UUID, limit: int = 100, offset: int = 0
) -> list[CheckInOut]:
    user = current_user(request)
    client, rows = access.visible_checkins(user, client_id)
    limit = max(1, min(limit, 500))
    own = user.pk == client.pk
    page = rows[max(offset, 0) : max(offset, 0) + limit]
    return [CheckInOut.of(c, with_text=own) for c in page]
