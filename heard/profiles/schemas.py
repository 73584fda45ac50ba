"""Shapes of the profile API."""

from __future__ import annotations

import datetime
import uuid

from ninja import Schema
from pydantic import Field


class ProfileOut(Schema):
    """A client's profile. Every field may be empty; lists hold fixed keys."""

    id: uuid.UUID | None = Field(description="None until the first save.")
    revision: int = Field(description="Counts saves; send it back as base_revision.")
    chosen_name: str
    pronouns: str
    language: str = Field(description='"en", "es", or empty.')
    what_matters: str
    strengths: str
    helped_before: str
    helpful_kinds: list[str] = Field(description="Kinds of skills that suit them (skill kinds).")
    modalities: list[str] = Field(description="in_person, video, phone, text.")
    clinician_preferences: str
    cultural_faith: str
    accessibility_needs: str
    approach_with_care: str
    careful_tags: list[str] = Field(
        description="What exercises should go gently with (skill tags): breath_focus, "
        "body_focus, eyes_closed, memories, physical_effort, talking_to_others."
    )
    when_overwhelmed: str
    contact_methods: list[str] = Field(description="app, email, phone_call, text_message.")
    contact_notes: str
    updated: datetime.datetime | None


class ProfilePatch(Schema):
    section: str = Field(
        description="The part to save: about (chosen_name, pronouns, language), what_matters "
        "(what_matters, strengths, helped_before, helpful_kinds), care (modalities, "
        "clinician_preferences, cultural_faith, accessibility_needs) or gentle "
        "(approach_with_care, careful_tags, when_overwhelmed, contact_methods, contact_notes)."
    )
    fields: dict[str, str | list[str]] = Field(
        description="Fields of that part to change; fields left out keep their value. Text "
        "up to 2,000 characters (name 100, pronouns 40)."
    )
    base_revision: int = Field(
        description="The revision the change starts from (from GET). When this part changed "
        "since then, 409 and nothing is stored."
    )


class ProfileWriteOut(Schema):
    """The profile as stored, and what the client needs to act on now."""

    profile: ProfileOut
    changed: bool = Field(description="False when nothing was different (nothing stored).")
    crisis: bool = Field(
        description="What was written may show risk, or could not be checked: show crisis "
        "resources now (support_url)."
    )
    support_url: str | None = Field(description="The crisis screen, when crisis is true.")
    helping_someone: bool = Field(
        description="Worry about someone else: show resources for helping them."
    )


class ConflictOut(Schema):
    """409: this part changed since base_revision. Nothing was stored."""

    detail: str
    section: str
    profile: ProfileOut = Field(description="What is saved now.")
