"""A clinician-recorded C-SSRS Screener result, in our own words. Pure: no Django.

Heard does not ship the C-SSRS questions (docs/decisions/0013-cssrs-not-shipped.md). A clinician
who gave the screener on paper or through a licensed product records what each answer was, and
this module checks the branching and derives the triage category (instruments.md §10):

* "high": ideation with some intent (question 4) or with a plan and intent (question 5) in the
  past month, or any suicidal behaviour in the past 3 months. Columbia's triage guideline asks
  for safety precautions until a mental health professional has evaluated the person [V].
* "positive": any other yes. Referral and crisis lines; clinical judgement may escalate [V].
* "negative": every answer no.

Any yes is critical: it routes to the safety workflow (instruments.md §0.1). The colour-coded
low/moderate mapping is unverified, so it is not used.

`QUESTIONS` describes what each question covers, for clinicians; the descriptions are ours, not
the C-SSRS wording. They are marked with `_()` so `makemessages` finds them; pages translate them
with `gettext` when they show them.
"""

from __future__ import annotations

from dataclasses import dataclass


def _(text: str) -> str:
    """Mark a string for translation without importing Django (like gettext_noop)."""
    return text


HIGH = "high"
POSITIVE = "positive"
NEGATIVE = "negative"


@dataclass(frozen=True)
class Question:
    key: str
    number: int  # the screener's question number (the past-3-months follow-up shares 6)
    covers: str  # what the question is about, in our words
    period: str


PAST_MONTH = _("past month")
QUESTIONS = (
    Question(
        "wish_to_be_dead", 1, _("Wish to be dead or not wake up (passive ideation)"), PAST_MONTH
    ),
    Question("suicidal_thoughts", 2, _("Non-specific active thoughts of suicide"), PAST_MONTH),
    Question("method", 3, _("Thoughts of a method, without a plan or intent"), PAST_MONTH),
    Question("intent", 4, _("Some intent to act, without a specific plan"), PAST_MONTH),
    Question("plan", 5, _("A specific plan with intent to act"), PAST_MONTH),
    Question(
        "behaviour",
        6,
        _("Any suicidal behaviour: preparing, an aborted or interrupted attempt, or an attempt"),
        _("lifetime"),
    ),
    # The follow-up to question 6, asked after a yes.
    Question(
        "behaviour_recent", 6, _("That behaviour was in the past 3 months"), _("past 3 months")
    ),
)


class CssrsError(ValueError):
    """The recorded answers do not follow the screener's branching. A sentence for a person."""


@dataclass(frozen=True)
class CssrsAnswers:
    """The answers as given. Questions 3-5 are asked only after a yes to question 2, and the
    past-3-months question only after a yes to question 6: leave them None otherwise."""

    wish_to_be_dead: bool
    suicidal_thoughts: bool
    method: bool | None
    intent: bool | None
    plan: bool | None
    behaviour: bool
    behaviour_recent: bool | None


@dataclass(frozen=True)
class CssrsTriage:
    category: str  # "high", "positive" or "negative"
    critical: bool  # any yes: route to the safety workflow
    reasons: tuple[str, ...]  # keys of the answers that made it high


def triage(answers: CssrsAnswers) -> CssrsTriage:
    """Check the branching, then derive the triage category. Raises `CssrsError`."""
    follow_ups = (answers.method, answers.intent, answers.plan)
    if answers.suicidal_thoughts and None in follow_ups:
        raise CssrsError("After a yes to question 2, record the answers to questions 3, 4 and 5.")
    if not answers.suicidal_thoughts and follow_ups != (None, None, None):
        raise CssrsError("Questions 3, 4 and 5 are asked only after a yes to question 2.")
    if answers.behaviour and answers.behaviour_recent is None:
        raise CssrsError("After a yes to question 6, record whether it was in the past 3 months.")
    if not answers.behaviour and answers.behaviour_recent is not None:
        raise CssrsError("The past-3-months question is asked only after a yes to question 6.")

    reasons = tuple(key for key in ("intent", "plan", "behaviour_recent") if getattr(answers, key))
    any_yes = any(getattr(answers, question.key) for question in QUESTIONS)
    if reasons:
        category = HIGH
    elif any_yes:
        category = POSITIVE
    else:
        category = NEGATIVE
    return CssrsTriage(category=category, critical=any_yes, reasons=reasons)
