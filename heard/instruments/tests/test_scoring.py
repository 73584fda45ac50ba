"""Instrument scoring against the published cut-offs, table-driven, plus property tests."""

# Error messages show ranges with an en dash, as people read them.
# ruff: noqa: RUF001

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from heard.instruments.registry import (
    Instrument,
    UnknownInstrument,
    all_instruments,
    get_instrument,
)
from heard.instruments.scoring import AnswerError, Score, caseness_for, score, severity_for

# No example database on disk: the suite must not leave a .hypothesis folder behind.
quick = settings(database=None, deadline=None, max_examples=150)


def answers_for(instrument_id: str, total: int) -> list[int | None]:
    """Answers to the scored items that add up to `total`, filling items from the first."""
    instrument = get_instrument(instrument_id)
    scored = instrument.scored_items
    values = [item.min_value for item in scored]
    remaining = total - sum(values)
    assert remaining >= 0
    for index, item in enumerate(scored):
        step = min(remaining, item.max_value - item.min_value)
        values[index] += step
        remaining -= step
    assert remaining == 0, f"{instrument_id} cannot reach {total}"
    if instrument_id == "pc-ptsd-5":
        return [1, *values]  # exposure Yes, then the five symptom answers
    return list(values)


def total_of(instrument_id: str, total: int, **options: Any) -> Score:
    result = score(instrument_id, answers_for(instrument_id, total), options=options)
    assert result.total == total
    return result


# --- Severity bands: every boundary of every instrument that has bands ---------------------------

BANDS = [
    ("phq-9", 0, "none/minimal"), ("phq-9", 4, "none/minimal"),
    ("phq-9", 5, "mild"), ("phq-9", 9, "mild"),
    ("phq-9", 10, "moderate"), ("phq-9", 14, "moderate"),
    ("phq-9", 15, "moderately severe"), ("phq-9", 19, "moderately severe"),
    ("phq-9", 20, "severe"), ("phq-9", 27, "severe"),
    ("gad-7", 0, "minimal"), ("gad-7", 4, "minimal"),
    ("gad-7", 5, "mild"), ("gad-7", 9, "mild"),
    ("gad-7", 10, "moderate"), ("gad-7", 14, "moderate"),
    ("gad-7", 15, "severe"), ("gad-7", 21, "severe"),
    ("k10", 10, "likely well"), ("k10", 19, "likely well"),
    ("k10", 20, "mild"), ("k10", 24, "mild"),
    ("k10", 25, "moderate"), ("k10", 29, "moderate"),
    ("k10", 30, "severe"), ("k10", 50, "severe"),
]  # fmt: skip


@pytest.mark.parametrize(("instrument_id", "total", "label"), BANDS)
def test_band_boundaries(instrument_id: str, total: int, label: str) -> None:
    assert total_of(instrument_id, total).severity == label
    assert severity_for(instrument_id, total) == label


@pytest.mark.parametrize(
    "instrument_id", ["phq-2", "gad-2", "who-5", "pcl-5", "pc-ptsd-5", "audit-c"]
)
def test_instruments_without_bands_have_no_severity(instrument_id: str) -> None:
    instrument = get_instrument(instrument_id)
    assert total_of(instrument_id, instrument.max_total).severity is None
    assert severity_for(instrument_id, instrument.max_total) is None


# --- Caseness: both sides of every threshold -----------------------------------------------------

CASENESS = [
    ("phq-9", 9, False, {}, ">= 10"), ("phq-9", 10, True, {}, ">= 10"),
    ("phq-2", 2, False, {}, ">= 3"), ("phq-2", 3, True, {}, ">= 3"),
    ("gad-7", 9, False, {}, ">= 10 (screening)"), ("gad-7", 10, True, {}, ">= 10 (screening)"),
    ("gad-2", 2, False, {}, ">= 3"), ("gad-2", 3, True, {}, ">= 3"),
    # WHO-5: poor well-being is a raw score below 13.
    ("who-5", 12, True, {}, "raw < 13 (index < 52)"),
    ("who-5", 13, False, {}, "raw < 13 (index < 52)"),
    ("pcl-5", 32, False, {}, ">= 33"), ("pcl-5", 33, True, {}, ">= 33"),
    ("pc-ptsd-5", 2, False, {}, "cut-point 3"), ("pc-ptsd-5", 3, True, {}, "cut-point 3"),
    ("pc-ptsd-5", 3, True, {"cut_point": 3}, "cut-point 3"),
    ("pc-ptsd-5", 3, False, {"cut_point": 4}, "cut-point 4"),
    ("pc-ptsd-5", 4, True, {"cut_point": 4}, "cut-point 4"),
    ("audit-c", 2, False, {}, ">= 3 (sex not given; sensitivity-first)"),
    ("audit-c", 3, True, {}, ">= 3 (sex not given; sensitivity-first)"),
    ("audit-c", 2, False, {"sex": "female"}, ">= 3 (female)"),
    ("audit-c", 3, True, {"sex": "female"}, ">= 3 (female)"),
    ("audit-c", 3, False, {"sex": "male"}, ">= 4 (male)"),
    ("audit-c", 4, True, {"sex": "male"}, ">= 4 (male)"),
    ("audit-c", 4, True, {"sex": None}, ">= 3 (sex not given; sensitivity-first)"),
    ("k10", 19, False, {}, ">= 20"), ("k10", 20, True, {}, ">= 20"),
]  # fmt: skip


@pytest.mark.parametrize(("instrument_id", "total", "case", "options", "threshold"), CASENESS)
def test_caseness_boundaries(
    instrument_id: str, total: int, case: bool, options: dict[str, Any], threshold: str
) -> None:
    result = total_of(instrument_id, total, **options)
    assert result.caseness is case
    assert result.threshold == threshold
    assert caseness_for(instrument_id, total, options=options) is case


def test_who5_index_is_raw_times_four() -> None:
    assert total_of("who-5", 13).index == 52
    assert total_of("who-5", 25).index == 100
    assert total_of("phq-9", 10).index is None


# --- Critical items and clinician flags ----------------------------------------------------------


def test_phq9_item_9_above_zero_is_critical() -> None:
    assert score("phq-9", [0] * 9).critical == ()
    assert score("phq-9", [0] * 8 + [1]).critical == (9,)
    assert score("phq-9", [0] * 8 + [3, 0]).critical == (9,)


def test_a_critical_answer_counts_even_when_other_items_are_skipped() -> None:
    result = score("phq-9", [None, 1, None, 0, 0, 0, 0, 0, 2])
    assert result.critical == (9,)
    assert (result.complete, result.total, result.severity, result.caseness) == (
        False,
        None,
        None,
        None,
    )


def test_a_skipped_item_9_is_not_critical() -> None:
    assert score("phq-9", [3] * 8 + [None]).critical == ()


@pytest.mark.parametrize("instrument_id", ["gad-7", "who-5", "pcl-5", "k10", "audit-c", "phq-2"])
def test_other_instruments_have_no_critical_items(instrument_id: str) -> None:
    instrument = get_instrument(instrument_id)
    assert total_of(instrument_id, instrument.max_total).critical == ()


def test_pcl5_item_16_is_a_clinician_flag_not_a_critical_item() -> None:
    answers: list[int | None] = [0] * 20
    assert "pcl-5 item 16 risk-taking" not in score("pcl-5", answers).flags
    answers[15] = 1
    result = score("pcl-5", answers)
    assert result.flags == ("pcl-5 item 16 risk-taking",)
    assert result.critical == ()
    # Flagged on the answers given, even when the checklist is incomplete.
    answers[0] = None
    assert score("pcl-5", answers).flags == ("pcl-5 item 16 risk-taking",)


# --- Provisional algorithms ----------------------------------------------------------------------

MAJOR = "phq-9 provisional major depressive syndrome"
OTHER = "phq-9 provisional other depressive syndrome"


@pytest.mark.parametrize(
    ("answers", "flags"),
    [
        ([2, 0, 2, 2, 2, 2, 0, 0, 0], (MAJOR,)),  # item 1 + 4 more at >= 2
        ([0, 3, 0, 0, 0, 2, 0, 0, 1], (OTHER,)),  # item 2, item 6, item 9 counts at 1
        ([0, 2, 0, 0, 0, 0, 0, 0, 1], (OTHER,)),  # 2 counted: the lower edge of "other"
        ([2, 2, 2, 2, 0, 0, 0, 0, 0], (OTHER,)),  # 4 counted: the upper edge of "other"
        ([2, 0, 0, 0, 0, 0, 0, 0, 0], ()),  # only 1 counted
        ([0, 1, 2, 2, 2, 2, 2, 0, 0], ()),  # 5 counted but neither core item
        ([3, 3, 3, 3, 3, 3, 3, 3, 3, 3], (MAJOR,)),  # the difficulty item is never a symptom
        ([0, 2, 0, 0, 0, 0, 0, 0, 0, 3], ()),
    ],
)
def test_phq9_diagnostic_algorithm_flags(answers: list[int | None], flags: tuple[str, ...]) -> None:
    assert score("phq-9", answers).flags == flags


def test_algorithm_flags_need_complete_answers() -> None:
    assert score("phq-9", [3, 3, 3, 3, 3, 3, 3, 3, None]).flags == ()


PTSD = "pcl-5 provisional PTSD diagnosis (DSM-5 symptom rule)"


@pytest.mark.parametrize(
    ("symptoms", "diagnosis"),
    [
        ({1, 6, 8, 9, 15, 17}, True),  # 1 B, 1 C, 2 D, 2 E: the minimum
        ({6, 8, 9, 15, 17}, False),  # no B
        ({1, 8, 9, 15, 17}, False),  # no C
        ({1, 6, 8, 15, 17}, False),  # one D
        ({1, 6, 8, 9, 15}, False),  # one E
    ],
)
def test_pcl5_provisional_diagnosis(symptoms: set[int], diagnosis: bool) -> None:
    # Symptoms rated 2 ("Moderately"); the rest 1, which never counts.
    answers: list[int | None] = [2 if n in symptoms else 1 for n in range(1, 21)]
    answers[15] = 2 if 16 in symptoms else 0  # keep the item-16 flag out of the way
    assert (PTSD in score("pcl-5", answers).flags) is diagnosis


def test_pcl5_cluster_subscales() -> None:
    answers: list[int | None] = [*[1] * 5, *[2] * 2, *[3] * 7, *[4] * 6]
    result = score("pcl-5", answers)
    assert dict(result.subscales) == {"B": 5, "C": 4, "D": 21, "E": 24}
    assert result.total == 54
    answers[6] = None
    result = score("pcl-5", answers)
    assert dict(result.subscales) == {"B": 5, "C": None, "D": 21, "E": 24}
    assert result.total is None
    assert result.skipped == (7,)


# --- Skipped items -------------------------------------------------------------------------------


@pytest.mark.parametrize("instrument", all_instruments(), ids=lambda i: i.id)
def test_a_skipped_scored_item_leaves_the_score_incomplete(instrument: Instrument) -> None:
    answers = answers_for(instrument.id, instrument.min_total + 1)
    position = len(answers) - 1  # the last scored item (never a K10 implied one)
    answers[position] = None
    result = score(instrument.id, answers)
    assert result.complete is False
    assert (result.total, result.severity, result.caseness, result.index) == (
        None,
        None,
        None,
        None,
    )
    assert result.skipped == (position + 1,)
    assert result.answered == len(answers) - 1


def test_phq9_difficulty_item_may_be_skipped_or_left_out() -> None:
    nine = score("phq-9", [1] * 9)
    skipped = score("phq-9", [1] * 9 + [None])
    answered = score("phq-9", [1] * 9 + [3])
    assert nine.total == skipped.total == answered.total == 9
    assert nine.complete
    assert skipped.complete
    assert answered.complete
    assert nine.skipped == ()
    assert skipped.skipped == (10,)
    assert (nine.answered, skipped.answered, answered.answered) == (9, 9, 10)


def test_all_skipped_is_incomplete() -> None:
    result = score("gad-7", [None] * 7)
    assert result.complete is False
    assert result.answered == 0
    assert result.skipped == (1, 2, 3, 4, 5, 6, 7)


# --- K10 skip rule (Andrews & Slade) -------------------------------------------------------------


def test_k10_item_3_scores_1_when_item_2_was_none_of_the_time() -> None:
    result = score("k10", [3, 1, None, 3, 3, 3, 3, 3, 3, 3])
    assert result.complete is True
    assert result.total == 3 + 1 + 1 + 3 * 7
    assert result.skipped == ()
    assert result.answered == 9


def test_k10_item_6_scores_1_when_item_5_was_none_of_the_time() -> None:
    result = score("k10", [2, 2, 2, 2, 1, None, 2, 2, 2, 2])
    assert (result.complete, result.total, result.skipped) == (True, 2 * 8 + 1 + 1, ())


def test_k10_both_skip_rules_together() -> None:
    result = score("k10", [1, 1, None, 1, 1, None, 1, 1, 1, 1])
    assert (result.total, result.severity, result.caseness) == (10, "likely well", False)


def test_k10_items_3_and_6_skipped_otherwise_are_missing() -> None:
    result = score("k10", [3, 2, None, 3, 3, 3, 3, 3, 3, 3])
    assert (result.complete, result.total, result.skipped) == (False, None, (3,))


def test_k10_skip_rule_needs_the_previous_answer() -> None:
    result = score("k10", [3, None, None, 3, 3, 3, 3, 3, 3, 3])
    assert (result.complete, result.skipped) == (False, (2, 3))


def test_k10_an_answered_item_3_is_used_as_given() -> None:
    assert score("k10", [1, 1, 4, 1, 1, 1, 1, 1, 1, 1]).total == 13


def test_k10_other_skipped_items_are_not_prorated() -> None:
    result = score("k10", [5, 5, 5, 5, 5, 5, 5, 5, 5, None])
    assert (result.complete, result.total, result.skipped) == (False, None, (10,))


# --- PC-PTSD-5 exposure gate ---------------------------------------------------------------------


def test_no_exposure_scores_zero_with_or_without_the_other_answers() -> None:
    for answers in ([0], [0, None, None, None, None, None]):
        result = score("pc-ptsd-5", answers)
        assert (result.total, result.caseness, result.complete) == (0, False, True)
        assert result.skipped == ()
        assert result.answered == 1


def test_no_exposure_with_symptom_answers_is_an_error() -> None:
    with pytest.raises(AnswerError, match="the first answer is No"):
        score("pc-ptsd-5", [0, 1, None, None, None, None])
    with pytest.raises(AnswerError, match="the first answer is No"):
        score("pc-ptsd-5", [0, 0, 0, 0, 0, 0])


def test_exposure_yes_needs_the_symptom_answers() -> None:
    with pytest.raises(AnswerError) as info:
        score("pc-ptsd-5", [1])
    assert str(info.value) == "pc-ptsd-5: the first answer is Yes, so it takes 6 answers; got 1."


def test_exposure_yes_counts_yes_answers() -> None:
    result = score("pc-ptsd-5", [1, 1, 0, 1, 1, 0])
    assert (result.total, result.caseness, result.complete, result.answered) == (3, True, True, 6)


def test_exposure_yes_with_no_symptoms_scores_zero() -> None:
    assert score("pc-ptsd-5", [1, 0, 0, 0, 0, 0]).total == 0


def test_a_skipped_exposure_question_is_incomplete() -> None:
    for answers in ([None], [None] * 6):
        result = score("pc-ptsd-5", answers)
        assert (result.total, result.complete, result.caseness) == (None, False, None)
        assert result.skipped[0] == 1


def test_a_skipped_symptom_question_after_yes_is_incomplete() -> None:
    result = score("pc-ptsd-5", [1, 1, None, 1, 1, 1])
    assert (result.total, result.complete, result.skipped) == (None, False, (3,))


# --- Errors --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("instrument_id", "answers", "message"),
    [
        ("phq-9", [1] * 8, "phq-9 takes 9 answers (or 10 with the difficulty question); got 8."),
        ("phq-9", [1] * 11, "phq-9 takes 9 answers (or 10 with the difficulty question); got 11."),
        ("gad-7", [1] * 9, "gad-7 takes 7 answers; got 9."),
        ("k10", [], "k10 takes 10 answers; got 0."),
        (
            "pc-ptsd-5",
            [1, 1, 1],
            "pc-ptsd-5 takes 6 answers (the exposure question, then 5 symptom questions), "
            "or 1 when the exposure answer is No (0); got 3.",
        ),
        ("gad-7", [1, 1, 7, 1, 1, 1, 1], "Answer 3 of gad-7 must be 0–3; got 7."),
        ("gad-7", [-1, 1, 1, 1, 1, 1, 1], "Answer 1 of gad-7 must be 0–3; got -1."),
        ("k10", [0] * 10, "Answer 1 of k10 must be 1–5; got 0."),
        ("phq-9", [0] * 9 + [4], "Answer 10 of phq-9 must be 0–3; got 4."),
        ("pc-ptsd-5", [2], "Answer 1 of pc-ptsd-5 must be 0–1; got 2."),
        (
            "phq-2",
            [1, "2"],
            "Answer 2 of phq-2 must be a whole number 0–3 (or left blank when skipped); got '2'.",
        ),
        (
            "phq-2",
            [1.0, 2],
            "Answer 1 of phq-2 must be a whole number 0–3 (or left blank when skipped); got 1.0.",
        ),
        (
            "phq-2",
            [True, 2],
            "Answer 1 of phq-2 must be a whole number 0–3 (or left blank when skipped); got True.",
        ),
    ],
)
def test_answer_errors_are_clear_sentences(
    instrument_id: str, answers: list[Any], message: str
) -> None:
    with pytest.raises(AnswerError) as info:
        score(instrument_id, answers)
    assert str(info.value) == message
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("instrument_id", "options", "message"),
    [
        ("audit-c", {"gender": "female"},
         "Unknown scoring option 'gender'; the options are cut_point and sex."),
        ("phq-9", {"cutpoint": 3},
         "Unknown scoring option 'cutpoint'; the options are cut_point and sex."),
        ("audit-c", {"sex": "Male"}, "sex must be 'female' or 'male' (or left out); got 'Male'."),
        ("audit-c", {"sex": "other"}, "sex must be 'female' or 'male' (or left out); got 'other'."),
        ("pc-ptsd-5", {"cut_point": 5}, "cut_point for pc-ptsd-5 must be 3 or 4; got 5."),
        ("pc-ptsd-5", {"cut_point": "3"}, "cut_point for pc-ptsd-5 must be 3 or 4; got '3'."),
        ("pc-ptsd-5", {"cut_point": None}, "cut_point for pc-ptsd-5 must be 3 or 4; got None."),
    ],
)  # fmt: skip
def test_option_errors(instrument_id: str, options: dict[str, Any], message: str) -> None:
    answers = answers_for(instrument_id, 1)
    with pytest.raises(AnswerError) as info:
        score(instrument_id, answers, options=options)
    assert str(info.value) == message


def test_options_for_other_instruments_are_ignored() -> None:
    result = score("phq-9", [1] * 9, options={"sex": "female", "cut_point": 4})
    assert result.threshold == ">= 10"
    assert score("phq-9", [1] * 9, options={}) == score("phq-9", [1] * 9)


def test_caseness_for_an_instrument_without_caseness_is_none(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Every shipped instrument has a threshold; an instrument added without one must still score.
    import dataclasses

    from heard.instruments import scoring

    phq2 = get_instrument("phq-2")
    bare = dataclasses.replace(phq2, caseness=None)
    monkeypatch.setattr(scoring, "get_instrument", lambda _id: bare)
    assert caseness_for("phq-2", 4) is None
    result = score("phq-2", [2, 2])
    assert (result.total, result.caseness, result.threshold) == (4, None, None)


def test_unknown_instrument() -> None:
    with pytest.raises(UnknownInstrument):
        score("phq-8", [0] * 8)


# --- The result ----------------------------------------------------------------------------------


def test_as_dict_starts_with_the_agreed_keys() -> None:
    data = score("phq-9", [1, 2, 0, 3, 1, 0, 2, 1, 1]).as_dict()
    assert list(data)[:6] == ["instrument", "total", "severity", "caseness", "critical", "complete"]
    assert data == {
        "instrument": "phq-9",
        "total": 11,
        "severity": "moderate",
        "caseness": True,
        "critical": [9],
        "complete": True,
        "answered": 9,
        "skipped": [],
        "subscales": {},
        "index": None,
        "flags": ["phq-9 provisional other depressive syndrome"],
        "threshold": ">= 10",
    }


def test_as_dict_extras_for_who5_and_pcl5() -> None:
    who5 = score("who-5", [5, 4, 3, 2, 1]).as_dict()
    assert (who5["total"], who5["index"], who5["caseness"]) == (15, 60, False)
    pcl5 = score("pcl-5", [0] * 20).as_dict()
    assert pcl5["subscales"] == {"B": 0, "C": 0, "D": 0, "E": 0}


# --- Properties ----------------------------------------------------------------------------------


@st.composite
def complete_answers(draw: st.DrawFn, instrument: Instrument) -> list[int | None]:
    if instrument.gate is not None:
        exposure = draw(st.sampled_from([0, 1]))
        if exposure == 0:
            return [0]
        return [1, *(draw(st.integers(i.min_value, i.max_value)) for i in instrument.items[1:])]
    return [draw(st.integers(i.min_value, i.max_value)) for i in instrument.scored_items]


@st.composite
def instrument_and_answers(draw: st.DrawFn) -> tuple[Instrument, list[int | None]]:
    instrument = draw(st.sampled_from(all_instruments()))
    return instrument, draw(complete_answers(instrument))


@quick
@given(instrument_and_answers())
def test_complete_answers_always_give_a_total_within_range(
    case: tuple[Instrument, list[int | None]],
) -> None:
    instrument, answers = case
    result = score(instrument.id, answers)
    assert result.complete is True
    assert result.total is not None
    assert instrument.min_total <= result.total <= instrument.max_total
    assert result.caseness is not None
    assert (result.severity is None) is (not instrument.bands)
    assert result.skipped == ()


@quick
@given(instrument_and_answers(), st.data())
def test_raising_one_answer_never_lowers_total_or_severity(
    case: tuple[Instrument, list[int | None]], data: st.DataObject
) -> None:
    instrument, answers = case
    if instrument.gate is not None and answers == [0]:
        answers = [1, 0, 0, 0, 0, 0]
    first_scored = 1 if instrument.gate is not None else 0
    position = data.draw(st.integers(first_scored, len(answers) - 1))
    item = instrument.items[position]
    value = answers[position]
    assert value is not None
    if value == item.max_value:
        return
    raised = [*answers]
    raised[position] = value + 1
    before, after = score(instrument.id, answers), score(instrument.id, raised)
    assert before.total is not None
    assert after.total is not None
    assert after.total == before.total + 1
    if instrument.bands:
        assert (instrument.band_rank(after.total) or 0) >= (instrument.band_rank(before.total) or 0)
    if instrument.higher_is_better:
        assert not (before.caseness is False and after.caseness is True)
    else:
        assert not (before.caseness is True and after.caseness is False)


@quick
@given(instrument_and_answers(), st.data())
def test_skipping_never_invents_a_score(
    case: tuple[Instrument, list[int | None]], data: st.DataObject
) -> None:
    instrument, answers = case
    mask = data.draw(st.lists(st.booleans(), min_size=len(answers), max_size=len(answers)))
    holed = [None if skip else value for value, skip in zip(answers, mask, strict=True)]
    result = score(instrument.id, holed)
    if result.complete:
        assert result.total is not None
    else:
        assert (result.total, result.severity, result.caseness) == (None, None, None)
    if not result.complete or result.total is None:
        assert any(value is None for value in holed)
    assert result.answered == sum(value is not None for value in holed)
