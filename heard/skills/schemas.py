"""Shapes of the skills API. Ranges and skill keys are checked by the services (the same
messages as the pages); the schemas only check types."""

from __future__ import annotations

from datetime import datetime

from ninja import Schema
from pydantic import Field

from heard.skills import library
from heard.skills.library import Skill
from heard.skills.models import Practice, Recommendation
from heard.skills.suggest import SkillSummary, Suggested


class SkillOut(Schema):
    key: str
    kind: str
    kind_label: str
    title: str
    summary: str
    purpose: str
    minutes: int
    steps: list[str]
    content_note: str = Field(description="Read before the steps; empty when there is none.")
    evidence: str
    player: str = Field(description='"breathing", "steps" or "" (read the steps).')
    pattern: list[int] = Field(description="Breathing only: seconds in, hold, out, hold.")
    tags: list[str]
    helps_with: list[str]

    @classmethod
    def of(cls, skill: Skill) -> SkillOut:
        return cls(
            key=skill.key,
            kind=skill.kind,
            kind_label=str(library.KINDS.get(skill.kind, skill.kind)),
            title=skill.title,
            summary=skill.summary,
            purpose=skill.purpose,
            minutes=skill.minutes,
            steps=list(skill.steps),
            content_note=skill.content_note,
            evidence=skill.evidence,
            player=skill.player,
            pattern=list(skill.pattern),
            tags=sorted(skill.tags),
            helps_with=sorted(skill.helps_with),
        )


class SuggestionOut(Schema):
    skill_key: str
    title: str
    minutes: int
    reasons: list[str] = Field(description="Why it is suggested, in plain words.")
    recommendation_id: str | None = Field(description="The care team's suggestion behind it.")
    clinician_note: str

    @classmethod
    def of(cls, s: Suggested) -> SuggestionOut:
        r = s.recommendation
        return cls(
            skill_key=s.skill.key,
            title=s.skill.title,
            minutes=s.skill.minutes,
            reasons=s.reasons,
            recommendation_id=str(r.public_id) if r else None,
            clinician_note=(r.note or "") if r else "",
        )


class PracticeIn(Schema):
    skill_key: str = Field(description="A skill's key, e.g. paced_breathing.")
    distress_before: int | None = Field(None, description="0 (none) to 10 (the most).")
    distress_after: int | None = Field(None, description="0 (none) to 10 (the most).")
    helped: str = Field("", description='"yes", "some" (a little), "no" (not this time) or "".')
    note: str = Field("", description="Up to 2,000 characters. Private; screened for safety.")
    practised_at: datetime | None = Field(None, description="Default now. Not in the future.")


class PracticeOut(Schema):
    id: str
    skill_key: str
    practised_at: datetime
    distress_before: int | None
    distress_after: int | None
    helped: str
    note: str

    @classmethod
    def of(cls, p: Practice, *, with_note: bool = True) -> PracticeOut:
        return cls(
            id=str(p.public_id),
            skill_key=p.skill_key,
            practised_at=p.practised_at,
            distress_before=p.distress_before,
            distress_after=p.distress_after,
            helped=p.helped,
            note=(p.note or "") if with_note else "",
        )


class PracticeSavedOut(Schema):
    practice: PracticeOut
    crisis: bool = Field(description="Show crisis resources now (support_url) before anything.")
    support_url: str | None
    milestone: str | None = Field(description="A milestone reached with this practice.")


class FavouriteOut(Schema):
    skill_key: str
    favourite: bool


class SkillSummaryOut(Schema):
    skill_key: str
    title: str
    times: int
    average_change: float | None = Field(
        description="Average of distress after minus before (negative: it went down)."
    )
    helped_yes: int
    helped_some: int
    helped_no: int

    @classmethod
    def of(cls, s: SkillSummary) -> SkillSummaryOut:
        return cls(
            skill_key=s.skill_key,
            title=s.title,
            times=s.times,
            average_change=s.average_change,
            helped_yes=s.helped_yes,
            helped_some=s.helped_some,
            helped_no=s.helped_no,
        )


class RecommendationIn(Schema):
    skill_key: str
    note: str = Field("", description="Up to 1,000 characters; the client sees it.")


class RecommendationOut(Schema):
    id: str
    skill_key: str
    note: str
    recommended_by: str
    created_at: datetime
    dismissed: bool

    @classmethod
    def of(cls, r: Recommendation) -> RecommendationOut:
        return cls(
            id=str(r.public_id),
            skill_key=r.skill_key,
            note=r.note or "",
            recommended_by=r.recommended_by.display_name if r.recommended_by else "",
            created_at=r.created_at,
            dismissed=r.dismissed_at is not None,
        )


class ClientPracticeOut(Schema):
    summary: list[SkillSummaryOut]
    practices: list[PracticeOut] = Field(description="Newest first; notes stay private (empty).")
    favourites: list[str]
    recommendations: list[RecommendationOut]
