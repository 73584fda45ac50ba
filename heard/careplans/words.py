"""What the parts of a care plan are called, in plain words, for the pages and the print.

The client reads "you" and "your clinician"; the care team reads "the client" and "the
clinician". Every string is translatable.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from heard.careplans import rules

SECTION_TITLES: dict[str, Any] = {
    rules.GOALS: gettext_lazy("Goals"),
    rules.STRENGTHS: gettext_lazy("Strengths"),
    rules.SUPPORTS: gettext_lazy("Supports"),
    rules.INTERVENTIONS: gettext_lazy("What we'll do"),
    rules.DECISIONS: gettext_lazy("Decisions we're making together"),
}

SMART_LABELS: dict[str, Any] = {
    "specific": gettext_lazy("What exactly"),
    "measurable": gettext_lazy("How we'll know it's happening"),
    "achievable": gettext_lazy("Why it's doable"),
    "relevant": gettext_lazy("Why it matters"),
    "target_date": gettext_lazy("By when"),
}

SMART_HINTS: dict[str, Any] = {
    "specific": gettext_lazy("For example: walk to the park and back."),
    "measurable": gettext_lazy("For example: three times a week."),
    "achievable": gettext_lazy("For example: the park is ten minutes away."),
    "relevant": gettext_lazy("For example: moving helps my mood."),
    "target_date": gettext_lazy("Optional."),
}

WHO_OWN: dict[str, Any] = {
    rules.CLIENT: gettext_lazy("You"),
    rules.CLINICIAN: gettext_lazy("Your clinician"),
    rules.BOTH: gettext_lazy("Both of you"),
    rules.OTHER: gettext_lazy("Someone else"),
}

WHO_TEAM: dict[str, Any] = {
    rules.CLIENT: gettext_lazy("The client"),
    rules.CLINICIAN: gettext_lazy("The clinician"),
    rules.BOTH: gettext_lazy("Both together"),
    rules.OTHER: gettext_lazy("Someone else"),
}

FIELD_LABELS: dict[str, Any] = {
    "text": gettext_lazy("In words"),
    "who": gettext_lazy("Who does it"),
    "question": gettext_lazy("The question"),
    "choice": gettext_lazy("The choice"),
    "choice_reason": gettext_lazy("Why"),
    **SMART_LABELS,
}


def who_words(own: bool) -> dict[str, Any]:
    return WHO_OWN if own else WHO_TEAM


def who_text(value: str, other: str, *, own: bool) -> str:
    """Who does one thing we'll do, in words ("Someone else: my sister")."""
    label = str(who_words(own).get(value, value))
    if value == rules.OTHER and other:
        return _("%(label)s: %(who)s") % {"label": label, "who": other}
    return label


def field_label(code: str, n: int) -> str:
    """The name of one compared field (option fields are numbered)."""
    if code == "option_label":
        return _("Option %(n)s") % {"n": n}
    if code == "option_pros":
        return _("Option %(n)s, what could help") % {"n": n}
    if code == "option_cons":
        return _("Option %(n)s, what to weigh up") % {"n": n}
    return str(FIELD_LABELS.get(code, code))
