"""Session note API shapes."""

from __future__ import annotations

import datetime
import uuid

from ninja import Field, Schema


class AddendumOut(Schema):
    id: uuid.UUID
    author: str
    text: str
    created: datetime.datetime


class NoteOut(Schema):
    id: uuid.UUID
    client_id: uuid.UUID
    author: str
    kind: str = Field(description="progress, or psychotherapy (only ever shown to its author)")
    template: str = Field(description="soap, dap, birp or free")
    fields: dict[str, str] = Field(description="The template's fields, in order")
    status: str = Field(description="draft or signed (signed notes never change)")
    session_date: datetime.date
    signed_at: datetime.datetime | None
    signed_by: str | None
    revision: int = Field(description="Send it back as base_revision when changing a draft")
    addenda: list[AddendumOut]


class NoteIn(Schema):
    template: str = Field(description="soap, dap, birp or free")
    kind: str = "progress"
    session_date: datetime.date | None = None
    fields: dict[str, str] = Field(default_factory=dict)


class NotePatch(Schema):
    base_revision: int = Field(description="The revision the change was made from")
    fields: dict[str, str]
    session_date: datetime.date | None = None


class AddendumIn(Schema):
    text: str
