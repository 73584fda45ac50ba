"""A client's own check-ins as CSV and JSON, and as plain values for insights."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from heard.accounts.models import User
from heard.audit import services as audit
from heard.checkins import access
from heard.checkins.insights import CheckInValues
from heard.checkins.models import CheckIn
from heard.core.csvsafe import write_csv

HEADER = (
    "id",
    "at",
    "mood",
    "feelings",
    "sleep_hours",
    "sleep_quality",
    "movement_minutes",
    "connection",
    "stress",
    "alcohol_drinks",
    "substances",
    "what_helped",
    "note",
    "revision",
)


POINT_FIELDS = (
    "at",
    "mood",
    "feelings",
    "sleep_hours",
    "sleep_quality",
    "movement_minutes",
    "connection",
    "stress",
    "alcohol_drinks",
)


def points(checkins: QuerySet[CheckIn]) -> list[CheckInValues]:
    """The numbers of many check-ins, oldest first, without loading (or decrypting) any text."""
    out = []
    for (
        at,
        mood,
        feelings,
        hours,
        quality,
        movement,
        connection,
        stress,
        drinks,
    ) in checkins.order_by("at").values_list(*POINT_FIELDS):
        out.append(
            CheckInValues(
                at=at,
                mood=mood,
                feelings=tuple(feelings or ()),
                sleep_hours=None if hours is None else float(hours),
                sleep_quality=quality,
                movement_minutes=movement,
                connection=connection,
                stress=stress,
                alcohol_drinks=drinks,
            )
        )
    return out


def as_dict(checkin: CheckIn) -> dict[str, Any]:
    return {
        "id": str(checkin.public_id),
        "at": checkin.at.isoformat(),
        "mood": checkin.mood,
        "feelings": list(checkin.feelings or ()),
        "sleep_hours": None if checkin.sleep_hours is None else float(checkin.sleep_hours),
        "sleep_quality": checkin.sleep_quality,
        "movement_minutes": checkin.movement_minutes,
        "connection": checkin.connection,
        "stress": checkin.stress,
        "alcohol_drinks": checkin.alcohol_drinks,
        "substances": list(checkin.substances or ()),
        "what_helped": checkin.what_helped or "",
        "note": checkin.note or "",
        "revision": checkin.revision,
    }


def _rows(client: User) -> list[dict[str, Any]]:
    rows = [as_dict(c) for c in access.own_checkins(client).order_by("at")]
    audit.record(client, "checkin:export", client=client, extra={"count": len(rows)})
    return rows


def checkins_json(client: User) -> dict[str, Any]:
    """Everything the client has checked in, oldest first, for download."""
    return {"format": "heard.checkins.v1", "checkins": _rows(client)}


def checkins_csv(client: User) -> str:
    """The same as CSV; list cells are joined with "; "."""
    rows = _rows(client)
    return write_csv(
        HEADER,
        (
            [
                "; ".join(r[h]) if isinstance(r[h], list) else ("" if r[h] is None else r[h])
                for h in HEADER
            ]
            for r in rows
        ),
    )
