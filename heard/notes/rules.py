"""Session note templates and their checks. Pure: no ORM.

Each template is a list of fields a clinician fills in; a note's content is the JSON of those
fields. Text is cleaned (one newline convention, no blank space around it) and refused with a
plain message when it is too long, never cut short.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

FIELD_MAX_CHARS = 10_000
ADDENDUM_MAX_CHARS = 5_000


@dataclass(frozen=True)
class NoteField:
    key: str
    label: Promise
    help: Promise


@dataclass(frozen=True)
class Template:
    key: str
    label: Promise
    description: Promise
    fields: tuple[NoteField, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)


_PLAN = NoteField("plan", _lazy("Plan"), _lazy("Next steps, tasks between sessions, next session."))
_ASSESSMENT = NoteField(
    "assessment",
    _lazy("Assessment"),
    _lazy("Your clinical view: progress, risk, what is changing."),
)

TEMPLATES: dict[str, Template] = {
    "soap": Template(
        "soap",
        _lazy("SOAP"),
        _lazy("Subjective, objective, assessment, plan."),
        (
            NoteField(
                "subjective",
                _lazy("Subjective"),
                _lazy("What the person told you, in their words where it helps."),
            ),
            NoteField(
                "objective",
                _lazy("Objective"),
                _lazy("What you observed, and any measure scores."),
            ),
            _ASSESSMENT,
            _PLAN,
        ),
    ),
    "dap": Template(
        "dap",
        _lazy("DAP"),
        _lazy("Data, assessment, plan."),
        (
            NoteField(
                "data",
                _lazy("Data"),
                _lazy("What was said and observed in the session."),
            ),
            _ASSESSMENT,
            _PLAN,
        ),
    ),
    "birp": Template(
        "birp",
        _lazy("BIRP"),
        _lazy("Behaviour, intervention, response, plan."),
        (
            NoteField(
                "behaviour",
                _lazy("Behaviour"),
                _lazy("How the person presented and what they brought."),
            ),
            NoteField(
                "intervention",
                _lazy("Intervention"),
                _lazy("What you did in the session."),
            ),
            NoteField(
                "response",
                _lazy("Response"),
                _lazy("How the person responded to it."),
            ),
            _PLAN,
        ),
    ),
    "free": Template(
        "free",
        _lazy("Free text"),
        _lazy("One box, in your own structure."),
        (NoteField("text", _lazy("Note"), _lazy("Write the note in your own words.")),),
    ),
}


class NoteProblem(ValueError):
    """Why some text can't be stored, per field key, in words a person can act on."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__(", ".join(sorted(problems)))
        self.problems = problems


def template_for(key: str) -> Template | None:
    return TEMPLATES.get(key)


def clean_text(text: str) -> str:
    """One newline convention (browsers send CRLF), no blank space around the text."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def clean_fields(template_key: str, values: dict[str, str]) -> dict[str, str]:
    """The template's fields as they would be stored (unknown keys dropped, missing ones
    empty). NoteProblem when a field is too long or the template is unknown."""
    template = template_for(template_key)
    if template is None:
        raise NoteProblem({"template": _("Please choose one of the note templates.")})
    cleaned = {key: clean_text(values.get(key) or "") for key in template.keys}
    problems = {
        key: _("Please keep this to %(limit)s characters or fewer (it has %(count)s).")
        % {"limit": f"{FIELD_MAX_CHARS:,}", "count": f"{len(text):,}"}
        for key, text in cleaned.items()
        if len(text) > FIELD_MAX_CHARS
    }
    if problems:
        raise NoteProblem(problems)
    return cleaned


def require_something(fields: dict[str, str]) -> None:
    """A note is signed only with something written in it."""
    if not any(fields.values()):
        raise NoteProblem({"content": _("Please write something in the note before signing.")})


def clean_addendum(text: str) -> str:
    """An addendum as it would be stored; NoteProblem when it is empty or too long."""
    text = clean_text(text)
    if not text:
        raise NoteProblem({"text": _("Please write the addendum before adding it.")})
    if len(text) > ADDENDUM_MAX_CHARS:
        raise NoteProblem(
            {
                "text": _("Please keep this to %(limit)s characters or fewer (it has %(count)s).")
                % {"limit": f"{ADDENDUM_MAX_CHARS:,}", "count": f"{len(text):,}"}
            }
        )
    return text


def encode(fields: dict[str, str]) -> str:
    return json.dumps(fields, ensure_ascii=False, sort_keys=True)


def decode(template_key: str, content: str) -> dict[str, str]:
    """The stored fields, in the template's keys (an empty draft has every field empty)."""
    try:
        stored = json.loads(content) if content else {}
    except ValueError:
        stored = {}
    if not isinstance(stored, dict):
        stored = {}
    template = template_for(template_key)
    keys = template.keys if template else tuple(stored)
    return {key: str(stored.get(key) or "") for key in keys}


# --- What may change ---------------------------------------------------------------------------


def may_edit(*, signed: bool, is_author: bool) -> bool:
    """Only the author changes a note, and only while it is a draft."""
    return is_author and not signed


def may_sign(*, signed: bool, is_author: bool) -> bool:
    """Only the author signs, once."""
    return is_author and not signed


def may_delete(*, signed: bool, is_author: bool) -> bool:
    """Only a draft can be deleted, by its author; a signed note is kept for good."""
    return is_author and not signed


def may_add_addendum(*, signed: bool, is_author: bool, treats_client: bool) -> bool:
    """Addenda go on signed notes only, by the author or another clinician treating the
    client."""
    return signed and (is_author or treats_client)
