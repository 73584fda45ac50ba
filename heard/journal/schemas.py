"""Shapes of the journal API."""

from __future__ import annotations

import datetime
import uuid

from ninja import Schema
from pydantic import Field


class EntryIn(Schema):
    title: str = Field("", description="Optional, one line, up to 200 characters.")
    body: str = Field(description="The entry, up to 20,000 characters.")
    prompt: str = Field(
        "",
        description="The prompt it starts from: gratitude, need, worry, values, kinder_voice, "
        "or empty for a blank page.",
    )
    draft: bool = Field(False, description="Keep it as a draft (not saved, never shared).")
    shared: bool = Field(False, description="Share it with my care team once saved.")


class EntryPatch(Schema):
    title: str | None = Field(None, description="A new title (leave out to keep it).")
    body: str | None = Field(None, description="New text (leave out to keep it).")
    shared: bool | None = Field(
        None, description="true: share with my care team; false: take the share back."
    )


class EntryOut(Schema):
    id: uuid.UUID
    title: str
    body: str = Field(description="The saved text; for an entry never saved, its draft.")
    prompt: str
    status: str = Field(description='"draft" or "saved".')
    shared: bool
    has_draft: bool = Field(description="Autosaved changes not saved as a version yet.")
    revision: int = Field(description="How many times it was saved.")
    created: datetime.datetime
    saved: datetime.datetime | None


class SharedEntryOut(Schema):
    id: uuid.UUID
    title: str
    body: str
    prompt: str
    saved: datetime.datetime | None
    shared: datetime.datetime | None


class OfferOut(Schema):
    kind: str = Field(description='"skill" or "prompt" (a prompt key for a new entry).')
    key: str
    title: str
    text: str


class ReflectionOut(Schema):
    """An automated reflection: show it labelled as written by the app, not a person."""

    automated: bool = True
    label: str
    heard: str
    validation: str
    feelings: list[str]
    offer: OfferOut


class EntryWriteOut(Schema):
    """The entry as stored, and what the client needs to act on now."""

    entry: EntryOut
    crisis: bool = Field(
        description="What was written may show risk, or could not be checked: show crisis "
        "resources now (support_url). No reflection is given then."
    )
    support_url: str | None = Field(description="The crisis screen, when crisis is true.")
    helping_someone: bool = Field(
        description="Worry about someone else: show resources for helping them."
    )
    reflection: ReflectionOut | None
    message: str = Field("", description="Anything else to tell the person, e.g. sharing.")
