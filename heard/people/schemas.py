from __future__ import annotations

import datetime
import uuid

from ninja import Schema


class ClientOut(Schema):
    id: uuid.UUID
    name: str
    preferred_name: str


class ClientDetailOut(ClientOut):
    shared_categories: list[str]


class AccessEventOut(Schema):
    at: datetime.datetime
    actor: str
    action: str
    outcome: str
