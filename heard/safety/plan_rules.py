"""Pure rules for safety plans: the steps, what a plan may hold, and merging two edits.

No Django imports: plain functions over plain data. A plan's content is a dict with one key
per step, in SECTIONS order. Most steps are lists of short texts; the two "who to contact"
steps are lists of {"name": ..., "phone": ...}.

The structure follows the Safety Planning Intervention by Stanley and Brown, described in our
own words (see docs and safety.md (a)); the wording people see lives in the templates.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from heard.safety import rules

# The steps, in the order a person works through them.
WARNING_SIGNS = "warning_signs"
COPING = "coping"
DISTRACTIONS = "distractions"
PEOPLE_TO_ASK = "people_to_ask"
PROFESSIONALS = "professionals"
SAFER_ENVIRONMENT = "safer_environment"
REASONS_FOR_LIVING = "reasons_for_living"

SECTIONS: tuple[str, ...] = (
    WARNING_SIGNS,
    COPING,
    DISTRACTIONS,
    PEOPLE_TO_ASK,
    PROFESSIONALS,
    SAFER_ENVIRONMENT,
    REASONS_FOR_LIVING,
)
# Steps whose entries are a person (or service) and a phone number.
CONTACT_SECTIONS = frozenset({PEOPLE_TO_ASK, PROFESSIONALS})

MAX_ENTRIES = 20
MAX_CHARS = 500
MAX_NAME_CHARS = 200
MAX_PHONE_CHARS = 40

# Problem codes; the service turns them into words for people.
TOO_MANY = "too_many"
TOO_LONG = "too_long"
BAD_PHONE = "bad_phone"

_SPACES = re.compile(r"\s+")
_FORM_KEY = re.compile(r"^(?P<section>[a-z_]+)-(?P<index>\d{1,3})(?:-(?P<part>name|phone))?$")

Entry = Any  # str for text steps, dict[str, str] ({"name", "phone"}) for contact steps
Content = dict[str, list[Entry]]


@dataclass(frozen=True)
class Problem:
    """Something in a submitted plan that cannot be saved as it is (1-based `entry`, or 0
    for the whole step)."""

    section: str
    entry: int
    code: str


def empty_plan() -> Content:
    """A plan with every step present and empty."""
    return {section: [] for section in SECTIONS}


def is_empty(content: Mapping[str, Sequence[Entry]]) -> bool:
    return not any(content.get(section) for section in SECTIONS)


def text_lines(content: Mapping[str, Sequence[Entry]]) -> list[str]:
    """Every free-text line of a plan, in step order (contact steps have none)."""
    return [
        str(entry)
        for section in SECTIONS
        if section not in CONTACT_SECTIONS
        for entry in content.get(section, [])
    ]


def _text(value: Any) -> str:
    """One line of text: surrounding space trimmed, inner runs of space made one space."""
    return _SPACES.sub(" ", str(value if value is not None else "")).strip()


def _entry(section: str, raw: Any) -> Entry | None:
    """One cleaned entry, or None when it is blank (blank rows are simply left out)."""
    if section in CONTACT_SECTIONS:
        raw = raw if isinstance(raw, Mapping) else {"name": raw}
        contact = {"name": _text(raw.get("name")), "phone": _text(raw.get("phone"))}
        return contact if contact["name"] or contact["phone"] else None
    text = _text(raw)
    return text or None


def _problems(section: str, position: int, entry: Entry) -> list[Problem]:
    if section not in CONTACT_SECTIONS:
        return [Problem(section, position, TOO_LONG)] if len(entry) > MAX_CHARS else []
    found = []
    if len(entry["name"]) > MAX_NAME_CHARS:
        found.append(Problem(section, position, TOO_LONG))
    if entry["phone"] and (
        len(entry["phone"]) > MAX_PHONE_CHARS or not rules.is_phone_number(entry["phone"])
    ):
        found.append(Problem(section, position, BAD_PHONE))
    return found


def clean(raw: Mapping[str, Any]) -> tuple[Content, list[Problem]]:
    """The plan as it would be saved, and what stops it being saved.

    Blank entries are dropped and spacing tidied; unknown keys are ignored. Nothing is cut
    short: an entry that is too long, a phone number that is not one, or a step with more
    than MAX_ENTRIES entries is a Problem, so the person can fix it without losing words.
    """
    content = empty_plan()
    problems: list[Problem] = []
    for section in SECTIONS:
        given = raw.get(section) or []
        if isinstance(given, str | Mapping):
            given = [given]
        entries = [e for e in (_entry(section, item) for item in given) if e is not None]
        if len(entries) > MAX_ENTRIES:
            problems.append(Problem(section, 0, TOO_MANY))
        for position, entry in enumerate(entries, start=1):
            problems.extend(_problems(section, position, entry))
        content[section] = entries
    return content, problems


def loads(stored: str) -> Content:
    """A stored plan (JSON text) as content. Anything unreadable reads as an empty plan, and
    stored entries are tidied the same way as submitted ones."""
    try:
        data = json.loads(stored) if stored else {}
    except ValueError:
        data = {}
    content, _problems_found = clean(data if isinstance(data, Mapping) else {})
    return content


def dumps(content: Mapping[str, Any]) -> str:
    """Content as stored: JSON with the steps in order, accents kept as they are."""
    return json.dumps(
        {section: list(content.get(section, [])) for section in SECTIONS}, ensure_ascii=False
    )


def phone_href(phone: str) -> str | None:
    """A tap-to-call link for a phone number someone typed, or None if it is not one."""
    return rules.channel_href("call", phone) if phone else None


def from_form(data: Mapping[str, str]) -> Content:
    """Raw content from form fields named `<section>-<n>` (text steps) and
    `<section>-<n>-name` / `<section>-<n>-phone` (contact steps), in row order. Not cleaned:
    pass the result to clean()."""
    rows: dict[str, dict[int, Any]] = {section: {} for section in SECTIONS}
    for key, value in data.items():
        match = _FORM_KEY.match(key)
        if match is None or match["section"] not in rows:
            continue
        section, index, part = match["section"], int(match["index"]), match["part"]
        if section in CONTACT_SECTIONS:
            # A contact row is read only from its -name and -phone fields.
            if part is not None:
                rows[section].setdefault(index, {})[part] = value
        elif part is None:
            rows[section][index] = value
    return {section: [rows[section][i] for i in sorted(rows[section])] for section in SECTIONS}


# --- Two people editing at once ----------------------------------------------------------------


@dataclass(frozen=True)
class Merge:
    """The result of comparing an edit with what was saved meanwhile (a three-way merge).

    `content` keeps both sides' edits: each step from whichever side changed it (the
    submitted side where both did). `clashes` are the steps both sides changed differently:
    saving `content` would overwrite the other edit there, so the person must choose.
    `kept_theirs` are the steps only the other side changed (merged in automatically).
    """

    content: Content
    clashes: tuple[str, ...] = ()
    kept_theirs: tuple[str, ...] = field(default=())


def three_way(base: Mapping[str, Any], theirs: Mapping[str, Any], mine: Mapping[str, Any]) -> Merge:
    """Compare `mine` (submitted, based on `base`) with `theirs` (saved since), step by step."""
    content = empty_plan()
    clashes: list[str] = []
    kept: list[str] = []
    for section in SECTIONS:
        was, saved, submitted = (
            list(base.get(section, [])),
            list(theirs.get(section, [])),
            list(mine.get(section, [])),
        )
        they_changed = saved != was
        i_changed = submitted != was
        if they_changed and i_changed and saved != submitted:
            clashes.append(section)
        if they_changed and not i_changed:
            kept.append(section)
            content[section] = saved
        else:
            content[section] = submitted
    return Merge(content=content, clashes=tuple(clashes), kept_theirs=tuple(kept))


KEEP_MINE = "mine"
KEEP_THEIRS = "theirs"
KEEP_BOTH = "both"
CHOICES = (KEEP_MINE, KEEP_THEIRS, KEEP_BOTH)


def resolve(
    mine: Mapping[str, Any], theirs: Mapping[str, Any], choices: Mapping[str, str]
) -> Content:
    """Apply a person's choice per clashing step: keep their own text (the default), keep
    what is saved now, or keep both (theirs first, then any of mine not already there)."""
    content = empty_plan()
    for section in SECTIONS:
        own = list(mine.get(section, []))
        saved = list(theirs.get(section, []))
        choice = choices.get(section, KEEP_MINE)
        if choice == KEEP_THEIRS:
            content[section] = saved
        elif choice == KEEP_BOTH:
            content[section] = saved + [entry for entry in own if entry not in saved]
        else:
            content[section] = own
    return content
