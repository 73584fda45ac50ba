"""The feelings list: one vocabulary for check-ins (chosen) and active listening (heard in text).

Feelings are grouped the way many feelings wheels and mood meters do: by energy (high or low)
and pleasantness (pleasant or unpleasant). The groups help someone find a word quickly on a
phone; they are not a clinical scale and never a diagnosis.

Keys are stable (they are stored in check-ins and in the labelled set under bench/data/);
labels are translatable.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

HIGH = "high"
LOW = "low"
PLEASANT = "pleasant"
UNPLEASANT = "unpleasant"


@dataclass(frozen=True)
class Feeling:
    key: str
    label: str | Promise
    energy: str  # HIGH or LOW
    pleasantness: str  # PLEASANT or UNPLEASANT


@dataclass(frozen=True)
class FeelingGroup:
    key: str
    label: str | Promise
    energy: str
    pleasantness: str
    feelings: tuple[Feeling, ...]


def _group(
    key: str, label: str | Promise, energy: str, pleasantness: str, items: list[tuple[str, Promise]]
) -> FeelingGroup:
    return FeelingGroup(
        key=key,
        label=label,
        energy=energy,
        pleasantness=pleasantness,
        feelings=tuple(Feeling(k, lbl, energy, pleasantness) for k, lbl in items),
    )


GROUPS: tuple[FeelingGroup, ...] = (
    _group(
        "high_unpleasant",
        _("High energy, unpleasant"),
        HIGH,
        UNPLEASANT,
        [
            ("anxious", _("anxious")),
            ("stressed", _("stressed")),
            ("angry", _("angry")),
            ("frustrated", _("frustrated")),
            ("scared", _("scared")),
            ("overwhelmed", _("overwhelmed")),
            ("restless", _("restless")),
        ],
    ),
    _group(
        "low_unpleasant",
        _("Low energy, unpleasant"),
        LOW,
        UNPLEASANT,
        [
            ("sad", _("sad")),
            ("lonely", _("lonely")),
            ("tired", _("tired")),
            ("numb", _("numb")),
            ("hopeless", _("hopeless")),
            ("ashamed", _("ashamed")),
            ("guilty", _("guilty")),
            ("hurt", _("hurt")),
        ],
    ),
    _group(
        "high_pleasant",
        _("High energy, pleasant"),
        HIGH,
        PLEASANT,
        [
            ("happy", _("happy")),
            ("excited", _("excited")),
            ("hopeful", _("hopeful")),
            ("proud", _("proud")),
            ("motivated", _("motivated")),
        ],
    ),
    _group(
        "low_pleasant",
        _("Low energy, pleasant"),
        LOW,
        PLEASANT,
        [
            ("calm", _("calm")),
            ("content", _("content")),
            ("grateful", _("grateful")),
            ("relieved", _("relieved")),
            ("connected", _("connected")),
        ],
    ),
)

FEELINGS: dict[str, Feeling] = {f.key: f for g in GROUPS for f in g.feelings}
FEELING_KEYS: frozenset[str] = frozenset(FEELINGS)


def label_for(key: str) -> str:
    """The translated label of a feeling key (the key itself if it is unknown)."""
    feeling = FEELINGS.get(key)
    return str(feeling.label) if feeling else key
