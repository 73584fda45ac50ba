"""Check-in values and their checks. Pure: no ORM.

Every field is optional. Out-of-range values are refused with a plain message rather than
clipped, so nothing is stored that the person did not mean.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from heard.listening.feelings import FEELING_KEYS

NOTE_MAX = 2000
HELPED_MAX = 500
SUBSTANCE_KEYS = ("cannabis", "nicotine", "other")
# Days without a check-in after which the form says "Welcome back" (never a count of days).
WELCOME_BACK_DAYS = 7

# (low, high) for each whole-number field.
RANGES: dict[str, tuple[int, int]] = {
    "mood": (0, 10),
    "sleep_quality": (1, 5),
    "movement_minutes": (0, 1440),
    "connection": (0, 4),
    "stress": (0, 10),
    "alcohol_drinks": (0, 50),
}


@dataclass(frozen=True)
class Values:
    """What one check-in says. None (or empty) means the person left it out."""

    mood: int | None = None
    feelings: tuple[str, ...] = ()
    sleep_hours: Decimal | None = None
    sleep_quality: int | None = None
    movement_minutes: int | None = None
    connection: int | None = None
    stress: int | None = None
    alcohol_drinks: int | None = None
    substances: tuple[str, ...] = field(default=())
    what_helped: str = ""
    note: str = ""

    def is_empty(self) -> bool:
        return all(not getattr(self, f.name) and getattr(self, f.name) != 0 for f in fields(self))

    @property
    def text(self) -> str:
        """The free text to screen and reflect on."""
        return "\n".join(t for t in (self.note.strip(), self.what_helped.strip()) if t)

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["feelings"] = list(self.feelings)
        data["substances"] = list(self.substances)
        data["sleep_hours"] = None if self.sleep_hours is None else str(self.sleep_hours)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Values:
        hours = data.get("sleep_hours")
        return cls(
            **{
                **data,
                "feelings": tuple(data.get("feelings") or ()),
                "substances": tuple(data.get("substances") or ()),
                "sleep_hours": None if hours is None else Decimal(str(hours)),
            }
        )


def check(values: Values, *, track_substances: bool) -> dict[str, str]:
    """Field name -> a plain message, for every value that can't be stored. Empty when fine."""
    errors: dict[str, str] = {}
    for name, (lo, hi) in RANGES.items():
        value = getattr(values, name)
        if value is not None and not lo <= value <= hi:
            errors[name] = _("Choose a number from %(lo)s to %(hi)s.") % {"lo": lo, "hi": hi}
    if values.sleep_hours is not None:
        hours = values.sleep_hours
        if not Decimal(0) <= hours <= Decimal(24):
            errors["sleep_hours"] = _("Hours of sleep can be from 0 to 24.")
        elif hours * 2 != int(hours * 2):
            errors["sleep_hours"] = _("Use whole or half hours, like 7 or 6.5.")
    unknown = [f for f in values.feelings if f not in FEELING_KEYS]
    if unknown:
        errors["feelings"] = _("Choose feelings from the list.")
    if any(s not in SUBSTANCE_KEYS for s in values.substances):
        errors["substances"] = _("Choose from the list.")
    if not track_substances and (values.alcohol_drinks is not None or values.substances):
        errors["substances"] = _("Turn on substance tracking in your check-in settings first.")
    if len(values.note) > NOTE_MAX:
        errors["note"] = _("Notes can be up to %(n)s characters. Yours has %(m)s.") % {
            "n": NOTE_MAX,
            "m": len(values.note),
        }
    if len(values.what_helped) > HELPED_MAX:
        errors["what_helped"] = _("This can be up to %(n)s characters. Yours has %(m)s.") % {
            "n": HELPED_MAX,
            "m": len(values.what_helped),
        }
    return errors


def parse_hours(raw: object) -> Decimal | None:
    """Sleep hours from a form or JSON value; None when blank. Raises ValueError when not a
    number."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    try:
        value = Decimal(str(raw).strip().replace(",", "."))
    except InvalidOperation as exc:
        raise ValueError(str(raw)) from exc
    if not value.is_finite():
        raise ValueError(str(raw))
    return value
