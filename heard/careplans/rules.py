"""Pure rules for care plans: what a plan holds, cleaning what people submit, merging two
edits, and comparing two versions. No Django imports: plain functions over plain data.

A plan's content is a dict with one key per section, in SECTIONS order:

- "goals": [{"key", "text", "specific", "measurable", "achievable", "relevant",
  "target_date"}] — the goal in the client's own words, with optional SMART detail
  (target_date is "YYYY-MM-DD" or "").
- "strengths", "supports": [str] — what the person brings, and who or what helps them.
- "interventions": [{"key", "text", "who", "who_other"}] — what we'll do, and who does it
  (WHO: the client, the clinician, both, or someone else named in who_other).
- "decisions": [{"key", "question", "options": [{"key", "label", "pros", "cons"}],
  "choice": None | {"option", "reason", "by", "by_name", "at"}}] — shared decision making:
  a question, two to four options in plain words, and the client's choice.

Keys are short random ids that stay the same across versions, so goal ratings and choices
follow a goal or decision through every edit, and versions can be compared item by item.
"""

from __future__ import annotations

import datetime
import difflib
import json
import re
import secrets
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

GOALS = "goals"
STRENGTHS = "strengths"
SUPPORTS = "supports"
INTERVENTIONS = "interventions"
DECISIONS = "decisions"
SECTIONS: tuple[str, ...] = (GOALS, STRENGTHS, SUPPORTS, INTERVENTIONS, DECISIONS)
LINE_SECTIONS = frozenset({STRENGTHS, SUPPORTS})

SMART_FIELDS: tuple[str, ...] = ("specific", "measurable", "achievable", "relevant")
GOAL_FIELDS: tuple[str, ...] = ("text", *SMART_FIELDS, "target_date")
INTERVENTION_FIELDS: tuple[str, ...] = ("text", "who", "who_other")
OPTION_FIELDS: tuple[str, ...] = ("label", "pros", "cons")

CLIENT = "client"
CLINICIAN = "clinician"
BOTH = "both"
OTHER = "other"
WHO: tuple[str, ...] = (CLIENT, CLINICIAN, BOTH, OTHER)

MAX_ITEMS: dict[str, int] = {
    GOALS: 10,
    STRENGTHS: 20,
    SUPPORTS: 20,
    INTERVENTIONS: 20,
    DECISIONS: 10,
}
MIN_OPTIONS = 2
MAX_OPTIONS = 4
MAX_TEXT = 500  # a goal, a line, what we'll do, a question, an option
MAX_DETAIL = 1000  # SMART detail, pros, cons, the reason for a choice
MAX_NAME = 200  # "someone else": who
MAX_NOTE = 500  # a note on a version or a rating
MAX_COMMENT = 4000
RATING_MIN = 0
RATING_MAX = 10

# Problem codes; the services turn them into words for people.
TOO_MANY = "too_many"
TOO_FEW = "too_few"
TOO_LONG = "too_long"
MISSING = "missing"
BAD_DATE = "bad_date"
BAD_CHOICE = "bad_choice"

_KEY = re.compile(r"^[a-z0-9]{6,16}$")
_SPACES = re.compile(r"[ \t\f\v]+")
_FORM_KEY = re.compile(
    r"^(?P<kind>goal|strength|support|intervention|decision)-(?P<i>\d{1,3})"
    r"(?:-(?P<field>[a-z_]+))?(?:-(?P<j>\d{1,2})-(?P<sub>[a-z_]+))?$"
)
_FORM_SECTION = {
    "goal": GOALS,
    "strength": STRENGTHS,
    "support": SUPPORTS,
    "intervention": INTERVENTIONS,
    "decision": DECISIONS,
}

Content = dict[str, list[Any]]


@dataclass(frozen=True)
class Problem:
    """Something in a submitted plan that cannot be saved as it is: in `section`, item
    `item` (1-based; 0 for the whole section), `field` ("" for the whole item; for an
    option, "option-<n>-<field>"), and what is wrong (`code`)."""

    section: str
    item: int
    field: str
    code: str
    limit: int = 0


def new_key() -> str:
    """A fresh item key (random, 8 hex digits)."""
    return secrets.token_hex(4)


def is_key(value: object) -> bool:
    return isinstance(value, str) and bool(_KEY.match(value))


def empty_plan() -> Content:
    return {section: [] for section in SECTIONS}


def is_empty(content: Mapping[str, Sequence[Any]]) -> bool:
    return not any(content.get(section) for section in SECTIONS)


def _line(value: Any) -> str:
    """One line: surrounding space trimmed, inner runs of space made one space."""
    text = str(value if value is not None else "")
    return " ".join(text.split())


def _text(value: Any) -> str:
    """Text that may have paragraphs: one newline convention, spaces tidied, no blank
    space around it."""
    text = str(value if value is not None else "").replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines).strip()


def _date(value: Any) -> str | None:
    """An ISO date, "" for none, or None when it is not a date."""
    text = _line(value)
    if not text:
        return ""
    try:
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def _mapping(raw: Any) -> Mapping[str, Any]:
    return raw if isinstance(raw, Mapping) else {}


def _items(raw: Any) -> list[Any]:
    if raw is None:
        return []
    if isinstance(raw, str | Mapping):
        return [raw]
    return list(raw) if isinstance(raw, Sequence) else []


class _Keys:
    """Hands out item keys: a submitted key is kept when it is well-formed and not used yet
    in this plan; otherwise a new one is made (keys stay unique within a plan)."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, wanted: Any) -> str:
        key = wanted if is_key(wanted) and wanted not in self.used else new_key()
        while key in self.used:  # pragma: no cover - a 32-bit random clash
            key = new_key()
        self.used.add(key)
        return key


def _length(
    found: list[Problem], section: str, item: int, name: str, value: str, limit: int
) -> None:
    if len(value) > limit:
        found.append(Problem(section, item, name, TOO_LONG, limit))


def _goal(raw: Any, keys: _Keys, n: int, found: list[Problem]) -> dict[str, str] | None:
    raw = _mapping(raw) if not isinstance(raw, str) else {"text": raw}
    goal = {"text": _text(raw.get("text"))}
    for name in SMART_FIELDS:
        goal[name] = _text(raw.get(name))
    target = _date(raw.get("target_date"))
    goal["target_date"] = target if target is not None else _line(raw.get("target_date"))
    if not any(goal.values()):
        return None
    goal = {"key": keys.take(raw.get("key")), **goal}
    if not goal["text"]:
        found.append(Problem(GOALS, n, "text", MISSING))
    _length(found, GOALS, n, "text", goal["text"], MAX_TEXT)
    for name in SMART_FIELDS:
        _length(found, GOALS, n, name, goal[name], MAX_DETAIL)
    if target is None:
        found.append(Problem(GOALS, n, "target_date", BAD_DATE))
    return goal


def _intervention(raw: Any, keys: _Keys, n: int, found: list[Problem]) -> dict[str, str] | None:
    raw = _mapping(raw) if not isinstance(raw, str) else {"text": raw}
    text, who_other = _text(raw.get("text")), _line(raw.get("who_other"))
    if not text and not who_other:
        return None
    who = raw.get("who") if raw.get("who") in WHO else BOTH
    item = {
        "key": keys.take(raw.get("key")),
        "text": text,
        "who": who,
        "who_other": who_other if who == OTHER else "",
    }
    if not text:
        found.append(Problem(INTERVENTIONS, n, "text", MISSING))
    _length(found, INTERVENTIONS, n, "text", text, MAX_TEXT)
    _length(found, INTERVENTIONS, n, "who_other", item["who_other"], MAX_NAME)
    return item


def _option(raw: Any, keys: _Keys, n: int, m: int, found: list[Problem]) -> dict[str, str] | None:
    raw = _mapping(raw) if not isinstance(raw, str) else {"label": raw}
    option = {"label": _text(raw.get("label")), "pros": _text(raw.get("pros"))}
    option["cons"] = _text(raw.get("cons"))
    if not any(option.values()):
        return None
    option = {"key": keys.take(raw.get("key")), **option}
    if not option["label"]:
        found.append(Problem(DECISIONS, n, f"option-{m}-label", MISSING))
    _length(found, DECISIONS, n, f"option-{m}-label", option["label"], MAX_TEXT)
    for name in ("pros", "cons"):
        _length(found, DECISIONS, n, f"option-{m}-{name}", option[name], MAX_DETAIL)
    return option


def _choice(raw: Any, options: list[dict[str, str]]) -> dict[str, str] | None:
    """A stored choice, kept only while the option it names is still there."""
    raw = _mapping(raw)
    if not raw or raw.get("option") not in {o["key"] for o in options}:
        return None
    return {
        "option": str(raw["option"]),
        "reason": _text(raw.get("reason")),
        "by": _line(raw.get("by")),
        "by_name": _line(raw.get("by_name")),
        "at": _line(raw.get("at")),
    }


def _decision(
    raw: Any, keys: _Keys, n: int, found: list[Problem], *, keep_choice: bool
) -> dict[str, Any] | None:
    raw = _mapping(raw) if not isinstance(raw, str) else {"question": raw}
    question = _text(raw.get("question"))
    options: list[dict[str, str]] = []
    for given in _items(raw.get("options")):
        option = _option(given, keys, n, len(options) + 1, found)
        if option is not None:
            options.append(option)
    if not question and not options:
        return None
    decision: dict[str, Any] = {"key": keys.take(raw.get("key")), "question": question}
    decision["options"] = options
    decision["choice"] = _choice(raw.get("choice"), options) if keep_choice else None
    if not question:
        found.append(Problem(DECISIONS, n, "question", MISSING))
    _length(found, DECISIONS, n, "question", question, MAX_TEXT)
    if len(options) < MIN_OPTIONS:
        found.append(Problem(DECISIONS, n, "options", TOO_FEW, MIN_OPTIONS))
    if len(options) > MAX_OPTIONS:
        found.append(Problem(DECISIONS, n, "options", TOO_MANY, MAX_OPTIONS))
    return decision


def clean(raw: Mapping[str, Any], *, keep_choices: bool = False) -> tuple[Content, list[Problem]]:
    """The plan as it would be saved, and what stops it being saved.

    Blank items are dropped and spacing tidied; unknown keys are ignored. Nothing is cut
    short: text that is too long, a date that is not one, or too many items is a Problem,
    so the person can fix it without losing words. Choices are dropped unless
    `keep_choices` (stored content): people never submit a choice by editing the plan.
    """
    content = empty_plan()
    found: list[Problem] = []
    keys = _Keys()
    raw = _mapping(raw)
    for section in SECTIONS:
        items: list[Any] = []
        for given in _items(raw.get(section)):
            n = len(items) + 1
            item: Any
            if section in LINE_SECTIONS:
                item = _text(given) or None
                if item is not None:
                    _length(found, section, n, "", item, MAX_TEXT)
            elif section == GOALS:
                item = _goal(given, keys, n, found)
            elif section == INTERVENTIONS:
                item = _intervention(given, keys, n, found)
            else:
                item = _decision(given, keys, n, found, keep_choice=keep_choices)
            if item is not None:
                items.append(item)
        if len(items) > MAX_ITEMS[section]:
            found.append(Problem(section, 0, "", TOO_MANY, MAX_ITEMS[section]))
        content[section] = items
    return content, found


def loads(stored: str) -> Content:
    """Stored content (JSON text) as content, choices included. Anything unreadable reads
    as an empty plan."""
    try:
        data = json.loads(stored) if stored else {}
    except ValueError:
        data = {}
    content, _problems = clean(data if isinstance(data, Mapping) else {}, keep_choices=True)
    return content


def dumps(content: Mapping[str, Any]) -> str:
    return json.dumps(
        {section: list(content.get(section, [])) for section in SECTIONS}, ensure_ascii=False
    )


def with_choices(content: Content, source: Mapping[str, Any]) -> Content:
    """`content` with each decision's choice taken from the same decision in `source` (a
    choice stays while its option is still offered)."""
    chosen = {d["key"]: d.get("choice") for d in source.get(DECISIONS, [])}
    out = {section: list(items) for section, items in content.items()}
    out[DECISIONS] = [
        {**d, "choice": _choice(chosen.get(d["key"]), d["options"])} for d in content[DECISIONS]
    ]
    return out


def find(content: Mapping[str, Any], section: str, key: str) -> dict[str, Any] | None:
    """The item with `key` in a keyed section, or None."""
    for item in content.get(section, []):
        if isinstance(item, Mapping) and item.get("key") == key:
            return dict(item)
    return None


def text_lines(content: Mapping[str, Any], *, choices: bool = True) -> list[str]:
    """Every piece of free text in a plan, in section order (for screening)."""
    lines: list[str] = []
    for goal in content.get(GOALS, []):
        lines += [goal[name] for name in ("text", *SMART_FIELDS) if goal[name]]
    for section in (STRENGTHS, SUPPORTS):
        lines += list(content.get(section, []))
    for item in content.get(INTERVENTIONS, []):
        lines += [v for v in (item["text"], item["who_other"]) if v]
    for decision in content.get(DECISIONS, []):
        lines += [decision["question"]] if decision["question"] else []
        for option in decision["options"]:
            lines += [option[name] for name in OPTION_FIELDS if option[name]]
        if choices and decision.get("choice") and decision["choice"]["reason"]:
            lines.append(decision["choice"]["reason"])
    return lines


def added_lines(before: Mapping[str, Any] | None, after: Mapping[str, Any]) -> list[str]:
    """The pieces of text in `after` that were not in `before`."""
    old = set(text_lines(before)) if before is not None else set()
    return [line for line in text_lines(after) if line not in old]


# --- Reading a form ------------------------------------------------------------------------------


def from_form(data: Mapping[str, str]) -> tuple[Content, str]:
    """Raw content from the edit form's fields, in row order, and the row an "add another"
    button asked for ("goal", "strength", …, or "" when none). Not cleaned: pass the
    content to clean().

    Field names: `goal-<i>-<field>`, `strength-<i>`, `support-<i>`,
    `intervention-<i>-<field>`, `decision-<i>-question|key` and
    `decision-<i>-option-<j>-<field>`. A row with `<kind>-<i>-remove` set is left out.
    """
    rows: dict[str, dict[int, Any]] = {section: {} for section in SECTIONS}
    removed: set[tuple[str, int]] = set()
    for name, value in data.items():
        match = _FORM_KEY.match(name)
        if match is None:
            continue
        section, i = _FORM_SECTION[match["kind"]], int(match["i"])
        part, j, sub = match["field"], match["j"], match["sub"]
        if part == "remove":
            removed.add((section, i))
        elif section in LINE_SECTIONS:
            if part is None:
                rows[section][i] = value
        elif part is None:
            continue
        elif section == DECISIONS and part == "option" and j is not None:
            if sub in (*OPTION_FIELDS, "key"):
                options = rows[section].setdefault(i, {}).setdefault("_options", {})
                options.setdefault(int(j), {})[sub] = value
        elif j is None:
            rows[section].setdefault(i, {})[part] = value
    content = empty_plan()
    for section in SECTIONS:
        for i in sorted(rows[section]):
            if (section, i) in removed:
                continue
            item = rows[section][i]
            if isinstance(item, dict) and "_options" in item:
                options = item.pop("_options")
                item["options"] = [options[j] for j in sorted(options)]
            content[section].append(item)
    add = data.get("add", "")
    return content, add if add in _FORM_SECTION else ""


# --- Two people editing at once ------------------------------------------------------------------


def _comparable(section: str, items: Sequence[Any]) -> list[Any]:
    """A section as compared for edits: a decision's choice is not an edit of the plan's
    text (choices are recorded on their own and always kept)."""
    if section != DECISIONS:
        return list(items)
    return [{k: v for k, v in d.items() if k != "choice"} for d in items]


@dataclass(frozen=True)
class Merge:
    """An edit compared with what was saved since it started (a three-way merge).

    `content`: each section from whichever side changed it (the submitted side where both
    did). `clashes`: sections both sides changed differently (saving would overwrite the
    other edit there, so the person must look first). `kept_theirs`: sections only the
    other side changed (merged in)."""

    content: Content
    clashes: tuple[str, ...] = ()
    kept_theirs: tuple[str, ...] = field(default=())


def three_way(base: Mapping[str, Any], theirs: Mapping[str, Any], mine: Mapping[str, Any]) -> Merge:
    content = empty_plan()
    clashes: list[str] = []
    kept: list[str] = []
    for section in SECTIONS:
        was = _comparable(section, base.get(section, []))
        saved = _comparable(section, theirs.get(section, []))
        submitted = _comparable(section, mine.get(section, []))
        they_changed, i_changed = saved != was, submitted != was
        if they_changed and i_changed and saved != submitted:
            clashes.append(section)
        if they_changed and not i_changed:
            kept.append(section)
            content[section] = list(theirs.get(section, []))
        else:
            content[section] = list(mine.get(section, []))
    return Merge(content=content, clashes=tuple(clashes), kept_theirs=tuple(kept))


def differing_sections(a: Mapping[str, Any], b: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(
        s for s in SECTIONS if _comparable(s, a.get(s, [])) != _comparable(s, b.get(s, []))
    )


# --- Comparing two versions ----------------------------------------------------------------------

EQUAL = "equal"
INSERT = "insert"
DELETE = "delete"
ADDED = "added"
REMOVED = "removed"
CHANGED = "changed"

_TOKENS = re.compile(r"\S+\s*|\s+")  # words with the space after them


@dataclass(frozen=True)
class Segment:
    op: str  # EQUAL, INSERT or DELETE
    text: str


@dataclass(frozen=True)
class FieldChange:
    """One field of an item: its code ("text", "specific", "option_label", "choice"…),
    the option number for option fields (else 0), and the words before and after as
    segments (all INSERT for an added item, all DELETE for a removed one)."""

    code: str
    n: int
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class ItemChange:
    kind: str  # ADDED, REMOVED or CHANGED
    title: str  # the item's text as it reads now (or last read, when removed)
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class SectionChanges:
    section: str
    items: tuple[ItemChange, ...]

    def count(self, kind: str) -> int:
        return sum(1 for item in self.items if item.kind == kind)


def word_diff(before: str, after: str) -> tuple[Segment, ...]:
    """The words of `before` and `after` as equal, deleted and inserted runs."""
    a, b = _TOKENS.findall(before), _TOKENS.findall(after)
    out: list[Segment] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(Segment(EQUAL, "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(Segment(DELETE, "".join(a[i1:i2])))
        if j2 > j1:
            out.append(Segment(INSERT, "".join(b[j1:j2])))
    return tuple(out)


Flat = dict[tuple[str, int], str]


def _flat(section: str, item: Mapping[str, Any], who: Callable[[str, str], str]) -> Flat:
    """An item as labelled text fields, for comparing."""
    if section == GOALS:
        return {(name, 0): str(item.get(name, "")) for name in GOAL_FIELDS}
    if section == INTERVENTIONS:
        return {
            ("text", 0): str(item.get("text", "")),
            ("who", 0): who(str(item.get("who", "")), str(item.get("who_other", ""))),
        }
    flat: Flat = {("question", 0): str(item.get("question", ""))}
    options = list(item.get("options", []))
    for n, option in enumerate(options, start=1):
        for name in OPTION_FIELDS:
            flat[(f"option_{name}", n)] = str(option.get(name, ""))
    choice = item.get("choice") or {}
    labels = {o.get("key"): o.get("label", "") for o in options}
    flat[("choice", 0)] = str(labels.get(choice.get("option"), "")) if choice else ""
    flat[("choice_reason", 0)] = str(choice.get("reason", "")) if choice else ""
    return flat


def _title(section: str, item: Any) -> str:
    if section in LINE_SECTIONS:
        return str(item)
    if section == DECISIONS:
        return str(item.get("question", ""))
    return str(item.get("text", ""))


def _whole(kind: str, flat: Flat) -> tuple[FieldChange, ...]:
    op = INSERT if kind == ADDED else DELETE
    return tuple(
        FieldChange(code, n, (Segment(op, text),)) for (code, n), text in flat.items() if text
    )


def _changed(before: Flat, after: Flat) -> tuple[FieldChange, ...]:
    out = []
    names = list(before) + [name for name in after if name not in before]
    for code, n in names:
        old, new = before.get((code, n), ""), after.get((code, n), "")
        if old != new:
            out.append(FieldChange(code, n, word_diff(old, new)))
    return tuple(out)


def _keyed(
    section: str, a: Sequence[Any], b: Sequence[Any], who: Callable[[str, str], str]
) -> list[ItemChange]:
    before = {item["key"]: item for item in a}
    after_keys = {item["key"] for item in b}
    out: list[ItemChange] = []
    for item in b:
        old = before.get(item["key"])
        if old is None:
            out.append(
                ItemChange(ADDED, _title(section, item), _whole(ADDED, _flat(section, item, who)))
            )
            continue
        fields = _changed(_flat(section, old, who), _flat(section, item, who))
        if fields:
            out.append(ItemChange(CHANGED, _title(section, item), fields))
    for item in a:
        if item["key"] not in after_keys:
            flat = _flat(section, item, who)
            out.append(ItemChange(REMOVED, _title(section, item), _whole(REMOVED, flat)))
    return out


def _lines(a: Sequence[str], b: Sequence[str]) -> list[ItemChange]:
    out: list[ItemChange] = []
    matcher = difflib.SequenceMatcher(a=list(a), b=list(b), autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        old, new = list(a[i1:i2]), list(b[j1:j2])
        paired = min(len(old), len(new)) if op == "replace" else 0
        for x, y in zip(old[:paired], new[:paired], strict=True):
            out.append(ItemChange(CHANGED, y, (FieldChange("text", 0, word_diff(x, y)),)))
        for y in new[paired:]:
            out.append(ItemChange(ADDED, y, (FieldChange("text", 0, (Segment(INSERT, y),)),)))
        for x in old[paired:]:
            out.append(ItemChange(REMOVED, x, (FieldChange("text", 0, (Segment(DELETE, x),)),)))
    return out


def _plain_who(who: str, other: str) -> str:
    return other if who == OTHER and other else who


def compare(
    a: Mapping[str, Any],
    b: Mapping[str, Any],
    *,
    who: Callable[[str, str], str] = _plain_who,
) -> list[SectionChanges]:
    """What changed from content `a` to content `b`, section by section (every section,
    possibly with no items). `who(value, who_other)` words the "who does it" of an
    intervention for people."""
    out = []
    for section in SECTIONS:
        before, after = list(a.get(section, [])), list(b.get(section, []))
        items = (
            _lines(before, after)
            if section in LINE_SECTIONS
            else _keyed(section, before, after, who)
        )
        out.append(SectionChanges(section, tuple(items)))
    return out


# --- Goal progress -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Trend:
    """A goal's ratings over time, in words' terms: how many, the first and the latest, and
    the change between them (None with fewer than two ratings)."""

    count: int
    first: int | None
    latest: int | None
    change: int | None
    highest: int | None


def trend(values: Sequence[int]) -> Trend:
    """`values` oldest first."""
    if not values:
        return Trend(0, None, None, None, None)
    change = values[-1] - values[0] if len(values) > 1 else None
    return Trend(len(values), values[0], values[-1], change, max(values))


def valid_rating(value: object) -> bool:
    return (
        isinstance(value, int) and not isinstance(value, bool) and RATING_MIN <= value <= RATING_MAX
    )
