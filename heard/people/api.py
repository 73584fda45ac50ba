from __future__ import annotations

import uuid

from django.http import HttpRequest
from ninja import Router

from heard.api.auth import current_user
from heard.api.schemas import ErrorOut
from heard.people import access, policy
from heard.people.models import Category
from heard.people.schemas import AccessEventOut, ClientDetailOut, ClientOut

router = Router(tags=["clients"])


@router.get("/clients", response={200: list[ClientOut], 401: ErrorOut}, summary="My caseload")
def list_clients(request: HttpRequest) -> list[ClientOut]:
    return [
        ClientOut(id=c.public_id, name=c.full_name, preferred_name=c.preferred_name)
        for c in access.visible_clients(current_user(request))
    ]


@router.get(
    "/clients/{client_id}",
    response={200: ClientDetailOut, 401: ErrorOut, 404: ErrorOut},
    summary="One client on my care team",
)
def get_client(request: HttpRequest, client_id: uuid.UUID) -> ClientDetailOut:
    client = access.access_client(
        current_user(request), client_id, category=None, action="client:record:read"
    )
    return ClientDetailOut(
        id=client.public_id,
        name=client.full_name,
        preferred_name=client.preferred_name,
        shared_categories=[c for c in Category.values if policy.shares(client, c)],
    )


@router.get(
    "/me/access-report",
    response={200: list[AccessEventOut], 401: ErrorOut},
    summary="Who opened my record",
)
def my_access_report(request: HttpRequest) -> list[AccessEventOut]:
    return [
        AccessEventOut(at=e.at, actor=e.actor_label, action=e.action, outcome=e.outcome)
        for e in access.visible_access_events(current_user(request))[:500]
    ]
