"""The skills library: exercises the team wrote, stored as data (data/skills_<lang>.json).

Every skill has the same key in every language; `KINDS`, `TAGS` and `HELPS_WITH` are the
fixed vocabularies the data, the profile and the recommender share.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

DATA = Path(__file__).resolve().parent / "data"
LANGUAGES = ("en", "es")

# What kind of skill it is (the library groups by kind; a profile can name kinds that suit).
KINDS = {
    "breathing": _("Breathing"),
    "grounding": _("Grounding"),
    "mindfulness": _("Mindfulness"),
    "relaxation": _("Relaxation"),
    "activation": _("Doing things that matter"),
    "thinking": _("Working with thoughts"),
    "self_compassion": _("Self-compassion"),
    "sleep": _("Sleep"),
    "movement": _("Gentle movement and yoga"),
    "values": _("Values"),
    "problem_solving": _("Problem solving"),
    "connection": _("Reaching out"),
}

# What an exercise asks of a person. A profile can ask the app to go gently with these, and
# skills that ask for them are then not suggested (they stay in the library).
TAGS = {
    "breath_focus": _("Paying close attention to my breathing"),
    "body_focus": _("Paying close attention to my body"),
    "eyes_closed": _("Closing my eyes"),
    "memories": _("Thinking about the past"),
    "physical_effort": _("Physical effort or getting down on the floor"),
    "talking_to_others": _("Talking to other people"),
}

# States a skill can help with. The recommender maps a check-in to these.
HELPS_WITH = {
    "stress": _("Stress"),
    "anxiety": _("Worry and anxiety"),
    "panic": _("Panic"),
    "overwhelm": _("Feeling overwhelmed"),
    "anger": _("Anger"),
    "low_mood": _("Low mood"),
    "low_energy": _("Low energy"),
    "loneliness": _("Feeling alone"),
    "sleep": _("Sleep"),
    "self_criticism": _("Being hard on myself"),
    "stuck": _("Feeling stuck"),
}

# Guided players a skill can use ("" = read the steps).
PLAYERS = ("", "breathing", "steps")


@dataclass(frozen=True)
class Skill:
    key: str  # stable across languages, e.g. "paced_breathing"
    kind: str  # a KINDS key
    title: str
    summary: str  # one plain sentence for the list
    purpose: str  # why someone might try it
    minutes: int  # about how long it takes
    steps: tuple[str, ...]
    content_note: str  # "" when there is nothing to note
    evidence: str  # a short, honest note on the evidence behind it
    player: str  # a PLAYERS value
    # Breathing player only: seconds of (in, hold, out, hold), e.g. (4, 4, 4, 4) for box.
    pattern: tuple[int, ...]
    tags: frozenset[str]  # TAGS keys
    helps_with: frozenset[str]  # HELPS_WITH keys


def _language(lang: str | None) -> str:
    code = (lang or get_language() or "en").split("-")[0]
    return code if code in LANGUAGES else "en"


@cache
def _load(lang: str) -> dict[str, Skill]:
    raw = json.loads((DATA / f"skills_{lang}.json").read_text(encoding="utf-8"))
    skills: dict[str, Skill] = {}
    for item in raw["skills"]:
        skills[item["key"]] = Skill(
            key=item["key"],
            kind=item["kind"],
            title=item["title"],
            summary=item["summary"],
            purpose=item["purpose"],
            minutes=int(item["minutes"]),
            steps=tuple(item["steps"]),
            content_note=item.get("content_note", ""),
            evidence=item["evidence"],
            player=item.get("player", ""),
            pattern=tuple(item.get("pattern", ())),
            tags=frozenset(item.get("tags", ())),
            helps_with=frozenset(item.get("helps_with", ())),
        )
    return skills


def all_skills(lang: str | None = None) -> list[Skill]:
    """Every skill in `lang` (default: the active language), in the data's order."""
    return list(_load(_language(lang)).values())


def get_skill(key: str, lang: str | None = None) -> Skill | None:
    return _load(_language(lang)).get(key)
