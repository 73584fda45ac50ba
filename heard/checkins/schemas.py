"""Shapes of the check-ins API. Ranges are checked by the service (the same messages as the
pages); the schema only checks types."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from ninja import Schema
from pydantic import Field

from heard.checkins.models import CheckIn


class CheckInIn(Schema):
    at: datetime | None = Field(None, description="When it was about; default now. Not future.")
    mood: int | None = Field(None, description="0 (very low) to 10 (very good).")
    feelings: list[str] = Field([], description="Keys from the feelings list, e.g. anxious.")
    sleep_hours: Decimal | None = Field(None, description="0 to 24, in whole or half hours.")
    sleep_quality: int | None = Field(None, description="1 (very poor) to 5 (very good).")
    movement_minutes: int | None = Field(None, description="0 to 1440.")
    connection: int | None = Field(None, description="0 (not at all) to 4 (very).")
    stress: int | None = Field(None, description="0 to 10.")
    alcohol_drinks: int | None = Field(None, description="Only when substance tracking is on.")
    substances: list[str] = Field([], description="cannabis, nicotine, other (tracking on).")
    what_helped: str = Field("", description="Up to 500 characters. Screened for safety.")
    note: str = Field("", description="Up to 2,000 characters. Screened for safety.")


class CheckInPatch(Schema):
    """Only the fields sent are changed; send null to clear one."""

    mood: int | None = None
    feelings: list[str] | None = None
    sleep_hours: Decimal | None = None
    sleep_quality: int | None = None
    movement_minutes: int | None = None
    connection: int | None = None
    stress: int | None = None
    alcohol_drinks: int | None = None
    substances: list[str] | None = None
    what_helped: str | None = None
    note: str | None = None


class CheckInOut(Schema):
    id: str
    at: datetime
    mood: int | None
    feelings: list[str]
    sleep_hours: float | None
    sleep_quality: int | None
    movement_minutes: int | None
    connection: int | None
    stress: int | None
    alcohol_drinks: int | None
    substances: list[str]
    what_helped: str
    note: str
    revision: int

    @classmethod
    def of(cls, checkin: CheckIn, *, with_text: bool = True) -> CheckInOut:
        return cls(
            id=str(checkin.public_id),
            at=checkin.at,
            mood=checkin.mood,
            feelings=list(checkin.feelings or ()),
            sleep_hours=None if checkin.sleep_hours is None else float(checkin.sleep_hours),
            sleep_quality=checkin.sleep_quality,
            movement_minutes=checkin.movement_minutes,
            connection=checkin.connection,
            stress=checkin.stress,
            alcohol_drinks=checkin.alcohol_drinks,
            substances=list(checkin.substances or ()),
            what_helped=(checkin.what_helped or "") if with_text else "",
            note=(checkin.note or "") if with_text else "",
            revision=checkin.revision,
        )


class OfferOut(Schema):
    kind: str
    key: str
    title: str
    text: str


class ReflectionOut(Schema):
    automated: bool = True
    heard: str
    validation: str
    offer: OfferOut


class CheckInSavedOut(Schema):
    checkin: CheckInOut
    crisis: bool = Field(description="Show crisis resources now (support_url) before anything.")
    support_url: str | None
    reflection: ReflectionOut | None = Field(
        description="An automated reflection on the note; never given with a crisis."
    )
    milestone: str | None = Field(description="A milestone reached with this check-in.")
