"""A clinician-recorded C-SSRS Screener result: branching checks and triage."""

from __future__ import annotations

from dataclasses import replace

import pytest

from heard.instruments.cssrs import (
    HIGH,
    NEGATIVE,
    POSITIVE,
    QUESTIONS,
    CssrsAnswers,
    CssrsError,
    CssrsTriage,
    triage,
)

NONE = CssrsAnswers(
    wish_to_be_dead=False,
    suicidal_thoughts=False,
    method=None,
    intent=None,
    plan=None,
    behaviour=False,
    behaviour_recent=None,
)
THOUGHTS = replace(NONE, suicidal_thoughts=True, method=False, intent=False, plan=False)


def test_all_no_is_negative_and_not_critical() -> None:
    assert triage(NONE) == CssrsTriage(NEGATIVE, critical=False, reasons=())


@pytest.mark.parametrize(
    "answers",
    [
        replace(NONE, wish_to_be_dead=True),
        THOUGHTS,
        replace(THOUGHTS, method=True),
        replace(NONE, behaviour=True, behaviour_recent=False),
    ],
)
def test_other_yes_answers_are_positive_and_critical(answers: CssrsAnswers) -> None:
    assert triage(answers) == CssrsTriage(POSITIVE, critical=True, reasons=())


@pytest.mark.parametrize(
    ("answers", "reasons"),
    [
        (replace(THOUGHTS, intent=True), ("intent",)),
        (replace(THOUGHTS, plan=True), ("plan",)),
        (replace(NONE, behaviour=True, behaviour_recent=True), ("behaviour_recent",)),
        (
            replace(THOUGHTS, intent=True, plan=True, behaviour=True, behaviour_recent=True),
            ("intent", "plan", "behaviour_recent"),
        ),
    ],
)
def test_intent_plan_or_recent_behaviour_is_high(
    answers: CssrsAnswers, reasons: tuple[str, ...]
) -> None:
    assert triage(answers) == CssrsTriage(HIGH, critical=True, reasons=reasons)


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        (
            replace(NONE, suicidal_thoughts=True),
            "After a yes to question 2, record the answers to questions 3, 4 and 5.",
        ),
        (
            replace(NONE, plan=False),
            "Questions 3, 4 and 5 are asked only after a yes to question 2.",
        ),
        (
            replace(NONE, behaviour=True),
            "After a yes to question 6, record whether it was in the past 3 months.",
        ),
        (
            replace(NONE, behaviour_recent=False),
            "The past-3-months question is asked only after a yes to question 6.",
        ),
    ],
)
def test_branching_errors(answers: CssrsAnswers, message: str) -> None:
    with pytest.raises(CssrsError) as info:
        triage(answers)
    assert str(info.value) == message


def test_questions_describe_every_answer_field() -> None:
    assert [q.key for q in QUESTIONS] == list(CssrsAnswers.__dataclass_fields__)
    assert [q.number for q in QUESTIONS] == [1, 2, 3, 4, 5, 6, 6]
