from __future__ import annotations

import uuid

from ninja import Schema


class MembershipOut(Schema):
    organization_id: uuid.UUID
    organization: str
    role: str


class MeOut(Schema):
    id: uuid.UUID
    email: str
    name: str
    preferred_name: str
    language: str
    region: str
    memberships: list[MembershipOut]
