"""Shapes of the care plan API."""

from __future__ import annotations

import datetime
import uuid

from ninja import Schema
from pydantic import Field


class GoalIn(Schema):
    key: str = Field("", description="The goal's key (keep it when editing; empty for new).")
    text: str = Field("", description="The goal in the client's own words (up to 500).")
    specific: str = Field("", description="SMART detail: what exactly (up to 1,000).")
    measurable: str = Field("", description="SMART detail: how we'll know.")
    achievable: str = Field("", description="SMART detail: why it's doable.")
    relevant: str = Field("", description="SMART detail: why it matters.")
    target_date: str = Field("", description="SMART detail: by when, YYYY-MM-DD, or empty.")


class InterventionIn(Schema):
    key: str = ""
    text: str = Field("", description="What we'll do (up to 500).")
    who: str = Field("both", description='"client", "clinician", "both" or "other".')
    who_other: str = Field("", description='Who, when who is "other".')


class OptionIn(Schema):
    key: str = ""
    label: str = Field("", description="The option in a few words.")
    pros: str = Field("", description="What could help, in plain words.")
    cons: str = Field("", description="What to weigh up, in plain words.")


class DecisionIn(Schema):
    key: str = ""
    question: str = ""
    options: list[OptionIn] = Field(default_factory=list, description="Two to four options.")


class ContentIn(Schema):
    goals: list[GoalIn] = Field(default_factory=list, description="Up to 10.")
    strengths: list[str] = Field(default_factory=list, description="Up to 20 lines.")
    supports: list[str] = Field(default_factory=list, description="Up to 20 lines.")
    interventions: list[InterventionIn] = Field(default_factory=list, description="Up to 20.")
    decisions: list[DecisionIn] = Field(
        default_factory=list,
        description="Up to 10. Choices are recorded by the client on their own "
        "(POST /care-plan/decisions/{decision_key}/choice) and kept when the plan is edited.",
    )


class PlanIn(Schema):
    base_revision: int = Field(
        description="The revision the edit started from (the plan's `revision`; 0 for a new "
        "plan). When the plan changed since, in the same sections, the answer is 409."
    )
    content: ContentIn
    note: str = Field("", description="What changed, in a few words (optional).")
    propose: bool = Field(False, description="Ask the other side to look and agree.")


class GoalOut(Schema):
    key: str
    text: str
    specific: str
    measurable: str
    achievable: str
    relevant: str
    target_date: str


class InterventionOut(Schema):
    key: str
    text: str
    who: str
    who_other: str


class OptionOut(Schema):
    key: str
    label: str
    pros: str
    cons: str


class ChoiceOut(Schema):
    option: str = Field(description="The chosen option's key.")
    reason: str
    by_name: str
    at: datetime.datetime | None


class DecisionOut(Schema):
    key: str
    question: str
    options: list[OptionOut]
    choice: ChoiceOut | None


class ContentOut(Schema):
    goals: list[GoalOut]
    strengths: list[str]
    supports: list[str]
    interventions: list[InterventionOut]
    decisions: list[DecisionOut]


class AgreementOut(Schema):
    version: int
    client_agreed_at: datetime.datetime | None
    clinician_agreed_at: datetime.datetime | None
    clinician_agreed_by: str | None
    agreed: bool = Field(description="Both the client and a clinician agreed to this version.")


class CommentOut(Schema):
    id: uuid.UUID
    author: str | None
    text: str
    version: int = Field(description="The version the comment was written about.")
    created: datetime.datetime


class PlanOut(Schema):
    exists: bool = Field(description="false until someone saves a first version.")
    status: str = Field(description='"draft", "discussion" or "agreed".')
    revision: int = Field(description="The current version number; send it as base_revision.")
    updated: datetime.datetime | None
    updated_by: str | None
    content: ContentOut
    agreement: AgreementOut | None = Field(description="Who agreed to the current version.")
    comments: list[CommentOut]


class PlanWriteOut(Schema):
    plan: PlanOut
    crisis: bool = Field(
        description="What the client wrote may show risk, or could not be checked: show "
        "crisis resources now (support_url)."
    )
    support_url: str | None
    helping_someone: bool
    merged_sections: list[str] = Field(
        description="Sections someone else changed meanwhile, kept alongside this edit."
    )


class ConflictOut(Schema):
    """409: the plan changed since base_revision; nothing was stored."""

    detail: str
    revision: int = Field(description="The plan's revision now.")
    saved_by: str | None
    saved_at: datetime.datetime | None
    sections: list[str] = Field(description="Sections both edits changed.")
    current: ContentOut | None = Field(description="The plan as saved now.")


class CommentIn(Schema):
    text: str = Field(description="Up to 4,000 characters.")


class CommentWriteOut(Schema):
    comment: CommentOut
    crisis: bool
    support_url: str | None
    helping_someone: bool


class AgreementIn(Schema):
    version: int = Field(description="The version being agreed to: the current one.")


class VersionOut(Schema):
    number: int
    author: str | None
    created: datetime.datetime
    change: str = Field(description='"edit" or "choice".')
    note: str
    summary: str = Field(description="What changed from the version before, in words.")
    client_agreed_at: datetime.datetime | None
    clinician_agreed_at: datetime.datetime | None


class RatingIn(Schema):
    value: int = Field(description="0 (not started) to 10 (reached).")
    note: str = Field("", description="Optional, up to 500 characters.")
    reached: bool = Field(False, description="The client says the goal is reached (a 10).")


class RatingOut(Schema):
    id: uuid.UUID
    value: int
    note: str
    reached: bool
    at: datetime.datetime


class GoalProgressOut(Schema):
    key: str
    text: str
    target_date: str
    ratings: list[RatingOut] = Field(description="Oldest first.")
    latest: int | None
    reached: bool


class RatingWriteOut(Schema):
    rating: RatingOut
    crisis: bool
    support_url: str | None
    helping_someone: bool
    milestone: str | None = Field(description="A milestone reached with this rating.")


class ChoiceIn(Schema):
    option: str = Field(description="The chosen option's key.")
    reason: str = Field("", description="Why, in the client's words (optional).")
    base_revision: int | None = Field(
        None, description="The revision the client read; 409 when the plan moved on."
    )
