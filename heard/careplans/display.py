"""The care plan as the pages show it: plain dicts for the templates, built from a plan's
content, its goal ratings and its versions. No database access here: callers load rows
through careplans.access and pass them in.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from heard.careplans import rules, words
from heard.careplans.models import CarePlanVersion, GoalRating

BLANK_ROWS = {
    rules.GOALS: 1,
    rules.STRENGTHS: 2,
    rules.SUPPORTS: 2,
    rules.INTERVENTIONS: 1,
    rules.DECISIONS: 1,
}
ADD_ROWS = 1
FORM_KIND = {
    rules.GOALS: "goal",
    rules.STRENGTHS: "strength",
    rules.SUPPORTS: "support",
    rules.INTERVENTIONS: "intervention",
    rules.DECISIONS: "decision",
}


def _date(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def trend_text(trend: rules.Trend) -> str:
    """A goal's progress in one plain sentence (never a judgement)."""
    if trend.latest is None:
        return _("No ratings yet.")
    if trend.change is None:
        return _("Rated %(latest)s out of 10 so far.") % {"latest": trend.latest}
    if trend.change > 0:
        return _("From %(first)s to %(latest)s out of 10: %(change)s higher than at the start.") % {
            "first": trend.first,
            "latest": trend.latest,
            "change": trend.change,
        }
    if trend.change == 0:
        return _("%(latest)s out of 10, the same as at the start.") % {"latest": trend.latest}
    return _(
        "%(latest)s out of 10, from %(first)s at the start. Ups and downs are a normal part "
        "of change."
    ) % {"first": trend.first, "latest": trend.latest}


def goals(content: Mapping[str, Any], ratings: Iterable[GoalRating] = ()) -> list[dict[str, Any]]:
    """The goals with their SMART detail and the client's ratings (oldest first)."""
    by_goal: dict[str, list[GoalRating]] = {}
    for rating in ratings:
        by_goal.setdefault(rating.goal_key, []).append(rating)
    out = []
    for number, goal in enumerate(content.get(rules.GOALS, []), start=1):
        rated = by_goal.get(goal["key"], [])
        trend = rules.trend([r.value for r in rated])
        reached = next((r for r in reversed(rated) if r.reached), None)
        out.append(
            {
                **goal,
                "number": number,
                "smart": [
                    (words.SMART_LABELS[name], goal[name])
                    for name in rules.SMART_FIELDS
                    if goal[name]
                ],
                "target": _date(goal["target_date"]),
                "ratings": rated,
                "latest": rated[-1] if rated else None,
                "trend": trend,
                "trend_text": trend_text(trend),
                "reached": reached,
            }
        )
    return out


def interventions(content: Mapping[str, Any], *, own: bool) -> list[dict[str, Any]]:
    return [
        {**item, "who_text": words.who_text(item["who"], item["who_other"], own=own)}
        for item in content.get(rules.INTERVENTIONS, [])
    ]


def decisions(content: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Decisions with their options numbered, and the choice (option, reason, who, when)."""
    out = []
    for number, decision in enumerate(content.get(rules.DECISIONS, []), start=1):
        choice = decision.get("choice")
        chosen = None
        if choice:
            label = next(o["label"] for o in decision["options"] if o["key"] == choice["option"])
            chosen = {**choice, "label": label, "when": parse_datetime(choice["at"] or "")}
        options = [
            {**option, "number": n, "chosen": bool(choice) and choice["option"] == option["key"]}
            for n, option in enumerate(decision["options"], start=1)
        ]
        out.append({**decision, "number": number, "options": options, "chosen": chosen})
    return out


def plan(
    content: Mapping[str, Any], *, own: bool, ratings: Iterable[GoalRating] = ()
) -> dict[str, Any]:
    """Everything the plan page and the print page show of the content."""
    return {
        "goals": goals(content, ratings),
        "strengths": list(content.get(rules.STRENGTHS, [])),
        "supports": list(content.get(rules.SUPPORTS, [])),
        "interventions": interventions(content, own=own),
        "decisions": decisions(content),
        "empty": rules.is_empty(content),
    }


def section_view(content: Mapping[str, Any], section: str, *, own: bool) -> dict[str, Any]:
    """One section, read-only (the conflict page shows what is saved now)."""
    return {"section": section, "title": words.SECTION_TITLES[section], **plan(content, own=own)}


# --- The edit form ------------------------------------------------------------------------------


def _row_errors(errors: Mapping[str, Sequence[str]], prefix: str) -> dict[str, list[str]]:
    """The errors of one row, keyed by field ("row" for the row itself)."""
    out: dict[str, list[str]] = {}
    for name, messages in errors.items():
        if name == prefix:
            out["row"] = list(messages)
        elif name.startswith(prefix + "-") and "-option-" not in name[len(prefix) :]:
            out[name[len(prefix) + 1 :]] = list(messages)
    return out


def _option_rows(
    decision: Mapping[str, Any], errors: Mapping[str, Sequence[str]], prefix: str
) -> list[dict[str, Any]]:
    options = list(decision.get("options", []))
    wanted = min(max(rules.MIN_OPTIONS, len(options) + 1), rules.MAX_OPTIONS)
    blank = {"key": "", "label": "", "pros": "", "cons": ""}
    rows = options + [blank] * max(wanted - len(options), 0)
    return [
        {
            **row,
            "index": j,
            "number": j + 1,
            "errors": _row_errors(errors, f"{prefix}-option-{j + 1}"),
        }
        for j, row in enumerate(rows)
    ]


def form_sections(
    content: Mapping[str, Any],
    *,
    own: bool,
    add: str = "",
    errors: Mapping[str, Sequence[str]] | None = None,
    clashes: Sequence[str] = (),
    theirs: Mapping[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """The edit form, section by section: the rows (the content, then a few blank rows, one
    more where "Add another" was pressed, never beyond the limit), each row's errors, and on
    the conflict page, what is saved now in each clashing section."""
    errors = errors or {}
    out = []
    for section in rules.SECTIONS:
        kind = FORM_KIND[section]
        items = list(content.get(section, []))
        room = max(rules.MAX_ITEMS[section] - len(items), 0)
        blanks = min(BLANK_ROWS[section] + (ADD_ROWS if add == kind else 0), room)
        rows: list[dict[str, Any]] = []
        for i, item in enumerate(items + [None] * blanks):
            prefix = f"{kind}-{i}"
            row: dict[str, Any] = {
                "index": i,
                "number": i + 1,
                "prefix": prefix,
                "blank": item is None,
            }
            if section in rules.LINE_SECTIONS:
                row["text"] = item or ""
            elif section == rules.GOALS:
                row.update(item or dict.fromkeys(("key", *rules.GOAL_FIELDS), ""))
                row["smart"] = [
                    {
                        "name": name,
                        "label": words.SMART_LABELS[name],
                        "hint": words.SMART_HINTS[name],
                        "value": row[name],
                        "errors": errors.get(f"{prefix}-{name}", []),
                    }
                    for name in rules.SMART_FIELDS
                ]
                row["has_detail"] = any(
                    row[name] for name in (*rules.SMART_FIELDS, "target_date")
                ) or any(
                    f"{prefix}-{name}" in errors for name in (*rules.SMART_FIELDS, "target_date")
                )
            elif section == rules.INTERVENTIONS:
                row.update(item or {"key": "", "text": "", "who": rules.BOTH, "who_other": ""})
            else:
                row.update(item or {"key": "", "question": "", "options": []})
                row["option_rows"] = _option_rows(row, errors, prefix)
            row["errors"] = _row_errors(errors, prefix)
            rows.append(row)
        out.append(
            {
                "section": section,
                "kind": kind,
                "title": words.SECTION_TITLES[section],
                "rows": rows,
                "full": len(items) + blanks >= rules.MAX_ITEMS[section],
                "errors": list(errors.get(section, [])),
                "clash": (
                    section_view(theirs, section, own=own)
                    if theirs is not None and section in clashes
                    else None
                ),
            }
        )
    return out


ROW_NAMES: dict[str, Any] = {
    "goal": gettext_lazy("Goal %(n)s"),
    "strength": gettext_lazy("Strength %(n)s"),
    "support": gettext_lazy("Support %(n)s"),
    "intervention": gettext_lazy("What we'll do, item %(n)s"),
    "decision": gettext_lazy("Decision %(n)s"),
}


def _where(name: str) -> str:
    """Which part of the form a field id names, in words ("Goal 2", "Goals", "Note")."""
    if name in words.SECTION_TITLES:
        return str(words.SECTION_TITLES[name])
    kind, _sep, rest = name.partition("-")
    index = rest.split("-", 1)[0]
    if kind in ROW_NAMES and index.isdigit():
        return str(ROW_NAMES[kind]) % {"n": int(index) + 1}
    return _("What changed")


def error_summary(errors: Mapping[str, Sequence[str]]) -> list[tuple[str, str]]:
    """(field id, "where: message") for the summary at the top of the form."""
    return [
        (name, _("%(where)s: %(message)s") % {"where": _where(name), "message": message})
        for name, messages in errors.items()
        for message in messages
    ]


# --- Versions and comparing ---------------------------------------------------------------------


def changes(a: Mapping[str, Any], b: Mapping[str, Any], *, own: bool) -> list[dict[str, Any]]:
    """What changed from `a` to `b`, per section with changes, for the compare page."""
    out = []
    for section in rules.compare(a, b, who=lambda v, o: words.who_text(v, o, own=own)):
        if not section.items:
            continue
        items = [
            {
                "kind": item.kind,
                "title": item.title,
                "fields": [
                    {
                        "label": words.field_label(f.code, f.n),
                        "segments": f.segments,
                        "plain": section.section in rules.LINE_SECTIONS,
                    }
                    for f in item.fields
                ],
            }
            for item in section.items
        ]
        out.append(
            {
                "section": section.section,
                "title": words.SECTION_TITLES[section.section],
                "items": items,
            }
        )
    return out


def summary(a: Mapping[str, Any] | None, b: Mapping[str, Any]) -> str:
    """What a version changed from the one before, in one line ("Goals: 1 added, 1 changed")."""
    if a is None:
        return _("The first version.")
    parts = []
    for section in rules.compare(a, b):
        counts = [
            (section.count(rules.ADDED), _("%(n)s added")),
            (section.count(rules.CHANGED), _("%(n)s changed")),
            (section.count(rules.REMOVED), _("%(n)s removed")),
        ]
        said = [text % {"n": n} for n, text in counts if n]
        if said:
            parts.append(
                _("%(section)s: %(changes)s")
                % {"section": words.SECTION_TITLES[section.section], "changes": ", ".join(said)}
            )
    return "; ".join(parts) if parts else _("No changes to the words.")


def version_rows(versions: Sequence[CarePlanVersion]) -> list[dict[str, Any]]:
    """Versions newest first, each with a one-line summary of what it changed."""
    ordered = sorted(versions, key=lambda v: v.number)
    contents = [rules.loads(v.content) for v in ordered]
    rows = []
    for i, version in enumerate(ordered):
        before = contents[i - 1] if i > 0 else None
        rows.append({"version": version, "summary": summary(before, contents[i])})
    return list(reversed(rows))
