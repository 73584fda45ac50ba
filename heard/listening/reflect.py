"""Active listening: a short reflection after a journal entry or a check-in note.

    reflect(text, "en", seed=str(entry.public_id)) -> Reflection(
        heard='It sounds like you've been feeling tired and anxious. You put it as “so worn
               out” and “on edge”.',
        validation="That makes sense. Feelings like these can take up a lot of room.",
        offer=Offer("skill", "paced_breathing", "Paced breathing", "Breathe in slowly ..."),
        ...)

The caller screens the text for safety first and calls this only when there is no crisis; the
page labels the reflection as automated. Nothing here stores or logs the text.

**How it is built.** ``detect_feelings`` finds up to three feelings in the person's own words;
feelings picked in a check-in (``chosen``) are added after them (at most three in all, keeping
the chosen ones). Then three sentences come from the team's templates in
``data/reflections_<lang>.json``:

* ``heard``: names the feelings and quotes the person's words ("heard", by number of
  feelings); "named" when every feeling was chosen and none was found in the text; "nothing"
  (per source, journal or check-in) when there are none.
* ``validation``: by feeling group (high/low energy, pleasant/unpleasant, "mixed" when
  pleasant and unpleasant feelings come together, "nothing").
* ``offer``: one skill or journal prompt that fits the first unpleasant feeling (else the first
  feeling; ``OFFER_CHOICES``), or a prompt when nothing was named.

**How variants are chosen.** Each slot (heard, validation, offer) picks among its variants with
SHA-256 of the slot name and ``seed`` (the entry's id), never ``random`` or ``hash()``: the
same entry always shows the same reflection, across processes and restarts, and different
entries get different wording.

**Hard rules for every template**, in both languages, enforced by
``tests/test_reflect.py`` over the JSON files: no diagnosis or clinical labels (depression,
disorder, symptom, "you have ..."), no medication words, no "you should" or "you must", no
promises ("this will fix"), no suicide or self-harm wording at all (the crisis path owns that),
short plain sentences (about reading grade 8), nothing that shames, and never a claim to be a
person ("I feel", "I understand how you feel"): use "It sounds like ...", "Thank you for
putting this into words."
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from heard.listening.detect import MAX_FEELINGS, HeardFeeling, detect_feelings
from heard.listening.feelings import FEELING_KEYS, FEELINGS, PLEASANT, UNPLEASANT

DATA = Path(__file__).resolve().parent / "data"
LANGUAGES = ("en", "es")
SOURCES = ("journal", "checkin")

SKILL_KEYS: tuple[str, ...] = (
    "paced_breathing",
    "box_breathing",
    "grounding_54321",
    "self_compassion_break",
    "reach_out",
    "sleep_winddown",
    "gentle_movement",
    "values_check",
    "problem_solving",
)
# Defined by the journal app.
PROMPT_KEYS: tuple[str, ...] = ("gratitude", "need", "worry", "values", "kinder_voice")
OFFER_KEYS: tuple[str, ...] = SKILL_KEYS + PROMPT_KEYS
VALIDATION_GROUPS = ("high_unpleasant", "low_unpleasant", "high_pleasant", "low_pleasant")

# What may be offered for each feeling, best fit first. The seed picks one of them.
OFFER_CHOICES: dict[str, tuple[str, ...]] = {
    "anxious": ("paced_breathing", "grounding_54321", "worry"),
    "scared": ("grounding_54321", "paced_breathing"),
    "restless": ("grounding_54321", "gentle_movement", "paced_breathing"),
    "stressed": ("box_breathing", "problem_solving", "paced_breathing"),
    "overwhelmed": ("box_breathing", "problem_solving", "grounding_54321"),
    "angry": ("box_breathing", "paced_breathing", "worry"),
    "frustrated": ("paced_breathing", "problem_solving", "worry"),
    "sad": ("reach_out", "kinder_voice", "gentle_movement"),
    "lonely": ("reach_out", "need"),
    "hopeless": ("reach_out", "kinder_voice"),
    "tired": ("sleep_winddown", "gentle_movement", "need"),
    "numb": ("gentle_movement", "grounding_54321", "need"),
    "ashamed": ("self_compassion_break", "kinder_voice"),
    "guilty": ("self_compassion_break", "kinder_voice"),
    "hurt": ("self_compassion_break", "need", "reach_out"),
    "happy": ("gratitude", "values"),
    "excited": ("gratitude", "values"),
    "hopeful": ("values_check", "gratitude"),
    "proud": ("values", "gratitude"),
    "motivated": ("values_check", "values"),
    "calm": ("gratitude", "values"),
    "content": ("gratitude", "values"),
    "grateful": ("gratitude", "values"),
    "relieved": ("gratitude", "need"),
    "connected": ("gratitude", "reach_out"),
}
NOTHING_OFFERS: tuple[str, ...] = ("need", "gratitude", "values")


@dataclass(frozen=True)
class Offer:
    """One skill (linked by key to the skills library) or journal prompt."""

    kind: Literal["skill", "prompt"]
    key: str
    title: str
    text: str


@dataclass(frozen=True)
class Reflection:
    feelings: tuple[HeardFeeling, ...]
    heard: str
    validation: str
    offer: Offer
    lang: str


@cache
def templates(lang: str) -> dict[str, Any]:
    """The team's templates for ``lang`` (checked when loaded)."""
    data: dict[str, Any] = json.loads((DATA / f"reflections_{lang}.json").read_text("utf-8"))
    _check(lang, data)
    return data


def _check(lang: str, data: dict[str, Any]) -> None:
    problems = []
    if set(data["names"]) != FEELING_KEYS:
        problems.append("names must cover every feeling key")
    if set(data["offers"]) != set(SKILL_KEYS) | set(PROMPT_KEYS):
        problems.append("offers must cover every skill and prompt key")
    for slot in ("heard", "named"):
        for count in ("1", "2", "3"):
            if not data[slot].get(count):
                problems.append(f"{slot}.{count} has no variants")
    for count in ("1", "2", "3"):
        if any("{quotes}" not in t for t in data["heard"][count]):
            problems.append(f"every heard.{count} variant must quote the person ({{quotes}})")
    for source in SOURCES:
        if not data["nothing"].get(source):
            problems.append(f"nothing.{source} has no variants")
    for group in (*VALIDATION_GROUPS, "mixed", "nothing"):
        if not data["validation"].get(group):
            problems.append(f"validation.{group} has no variants")
    if problems:
        raise ValueError(f"reflections_{lang}.json: " + "; ".join(problems))


def _offer(key: str, lang: str) -> Offer:
    entry = templates(lang)["offers"][key]
    kind: Literal["skill", "prompt"] = "skill" if key in SKILL_KEYS else "prompt"
    return Offer(kind=kind, key=key, title=entry["title"], text=entry["text"])


def offers() -> dict[str, dict[str, Offer]]:
    """Every skill and prompt, by key then language, so a page can list them."""
    return {key: {lang: _offer(key, lang) for lang in LANGUAGES} for key in OFFER_KEYS}


def _pick(options: Sequence[str], seed: str, slot: str) -> str:
    """A stable choice: the same seed and slot always give the same option."""
    digest = hashlib.sha256(f"{slot}\x00{seed}".encode()).digest()
    return options[int.from_bytes(digest[:8], "big") % len(options)]


def _join(items: list[str], conjunction: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def _merge(found: tuple[HeardFeeling, ...], chosen: Sequence[str]) -> tuple[HeardFeeling, ...]:
    """Found feelings first, then chosen ones not found; at most MAX_FEELINGS, keeping chosen."""
    picked = [k for k in dict.fromkeys(chosen) if k in FEELING_KEYS]
    items = list(found) + [
        HeardFeeling(key=k, words="", start=-1, end=-1)
        for k in picked
        if k not in {f.key for f in found}
    ]
    while len(items) > MAX_FEELINGS:
        droppable = [i for i, f in enumerate(items) if f.key not in picked]
        items.pop(droppable[-1] if droppable else -1)
    return tuple(items)


def _validation_group(feelings: tuple[HeardFeeling, ...]) -> str:
    if not feelings:
        return "nothing"
    kinds = {FEELINGS[f.key].pleasantness for f in feelings}
    if kinds == {PLEASANT, UNPLEASANT}:
        return "mixed"
    first = FEELINGS[feelings[0].key]
    return f"{first.energy}_{first.pleasantness}"


def _primary(feelings: tuple[HeardFeeling, ...]) -> str:
    for feeling in feelings:
        if FEELINGS[feeling.key].pleasantness == UNPLEASANT:
            return feeling.key
    return feelings[0].key


def reflect(
    text: str,
    lang: str,
    *,
    seed: str,
    chosen: Sequence[str] = (),
    source: str = "journal",
) -> Reflection:
    """A reflection on ``text`` (see the module docstring). ``chosen`` are feeling keys the
    person picked in a check-in; ``source`` is "journal" or "checkin"; ``seed`` is a stable id
    of the entry. Unknown languages fall back to English; unknown keys in ``chosen`` are
    ignored."""
    lang = (lang or "en")[:2].lower()
    if lang not in LANGUAGES:
        lang = "en"
    data = templates(lang)
    feelings = _merge(detect_feelings(text, lang), chosen)
    open_quote, close_quote = data["quote"]
    names = _join([data["names"][f.key] for f in feelings], data["and"])
    quotes = _join(
        [f"{open_quote}{' '.join(f.words.split())}{close_quote}" for f in feelings if f.words],
        data["and"],
    )
    if not feelings:
        heard = _pick(data["nothing"][source if source in SOURCES else "journal"], seed, "heard")
        offer_key = _pick(NOTHING_OFFERS, seed, "offer")
    else:
        slot = "heard" if quotes else "named"
        heard = _pick(data[slot][str(len(feelings))], seed, "heard")
        heard = heard.format(names=names, quotes=quotes)
        offer_key = _pick(OFFER_CHOICES[_primary(feelings)], seed, "offer")
    validation = _pick(data["validation"][_validation_group(feelings)], seed, "validation")
    return Reflection(
        feelings=feelings,
        heard=heard,
        validation=validation,
        offer=_offer(offer_key, lang),
        lang=lang,
    )


OFFERS: dict[str, dict[str, Offer]] = offers()
