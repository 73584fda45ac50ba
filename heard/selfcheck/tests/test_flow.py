"""The self-check's path, progress and results as pure functions (no database)."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from heard.selfcheck import flow
from heard.selfcheck.flow import INCOMPLETE, POSITIVE, SUPPORT, InvalidState, State

S = None  # a skipped answer ("Prefer not to answer")


def run(pages: Mapping[str, Mapping[int, int | None]]) -> tuple[State, list[str]]:
    """Answer pages in path order until the results (or a page not in `pages`)."""
    state, seen = State(nonce="n"), []
    while (step := flow.current_step(state)) != flow.RESULTS:
        seen.append(step)
        if step == SUPPORT:
            state = flow.leave_support(state)
        elif step in pages:
            state = flow.record(state, step, pages[step])
        else:
            break
    return state, seen


WELL = dict.fromkeys(range(1, 6), 3)
FIRST = ["mood", "worry"]
MORE_MOOD = ["mood-more", "mood-last"]
MOOD_MORE = {3: 1, 4: 1, 5: 1, 6: 1, 7: 1, 8: 1}
WORRY_MORE = {3: 1, 4: 1, 5: 1, 6: 1, 7: 1}


@pytest.mark.parametrize(
    ("mood", "worry", "item9", "path"),
    [
        # PHQ-2 and GAD-2 below 3: no longer questions.
        ({1: 1, 2: 1}, {1: 0, 2: 2}, 0, [*FIRST, "wellbeing"]),
        # PHQ-2 of 3 is positive: the rest of the PHQ-9.
        ({1: 1, 2: 2}, {1: 0, 2: 0}, 0, [*FIRST, *MORE_MOOD, "wellbeing"]),
        # GAD-2 of 3 is positive: the rest of the GAD-7.
        ({1: 0, 2: 0}, {1: 3, 2: 0}, 0, [*FIRST, "worry-more", "wellbeing"]),
        # A skipped screen question: to be careful, the longer questions are offered.
        ({1: 0, 2: S}, {1: S, 2: S}, 0, [*FIRST, *MORE_MOOD, "worry-more", "wellbeing"]),
        # PHQ-9 item 9 above 0: the support page comes straight after it.
        ({1: 3, 2: 3}, {1: 0, 2: 0}, 1, [*FIRST, *MORE_MOOD, SUPPORT, "wellbeing"]),
        ({1: 3, 2: 3}, {1: 3, 2: 3}, 3, [*FIRST, *MORE_MOOD, SUPPORT, "worry-more", "wellbeing"]),
        # Item 9 skipped is not a critical answer.
        ({1: 3, 2: 3}, {1: 0, 2: 0}, S, [*FIRST, *MORE_MOOD, "wellbeing"]),
    ],
)
def test_the_path_follows_the_screens(mood, worry, item9, path) -> None:
    state, seen = run(
        {
            "mood": mood,
            "worry": worry,
            "mood-more": MOOD_MORE,
            "mood-last": {9: item9, 10: 1},
            "worry-more": WORRY_MORE,
            "wellbeing": WELL,
        }
    )
    assert seen == path
    assert flow.finished(state)
    assert flow.is_critical(state) == (item9 not in (0, S))


def test_the_page_count_only_shrinks_as_answers_come_in() -> None:
    state = State(nonce="n")
    counts = []
    for step, answers in [
        ("mood", {1: 2, 2: 2}),
        ("worry", {1: 0, 2: 0}),
        ("mood-more", MOOD_MORE),
        ("mood-last", {9: 0, 10: 0}),
        ("wellbeing", WELL),
    ]:
        progress = flow.progress(state)
        counts.append((progress.number, progress.total))
        state = flow.record(state, step, answers)
    # Six pages at most; the worry follow-up drops out once the GAD-2 is negative.
    assert counts == [(1, 6), (2, 6), (3, 5), (4, 5), (5, 5)]


def test_back_returns_to_the_last_page_with_its_answers() -> None:
    state, _ = run({"mood": {1: 2, 2: S}, "worry": {1: 0, 2: 0}})
    assert flow.current_step(state) == "mood-more"
    earlier = flow.back(state)
    assert flow.current_step(earlier) == "worry"
    assert flow.initial(earlier, "worry") == {1: 0, 2: 0}
    # Going back twice and changing the mood answers changes the path.
    first = flow.back(earlier)
    assert flow.initial(first, "mood") == {1: 2, 2: None}
    changed = flow.record(first, "mood", {1: 0, 2: 0})
    changed = flow.record(changed, "worry", {1: 0, 2: 0})
    assert flow.current_step(changed) == "wellbeing"


def test_answers_left_behind_by_back_do_not_count() -> None:
    state, _ = run({"mood": {1: 3, 2: 3}, "worry": {1: 0, 2: 0}, "mood-more": MOOD_MORE})
    state = flow.record(state, "mood-last", {9: 2, 10: 0})
    assert flow.is_critical(state)
    # Back to the item 9 page: the answer there no longer counts until it is given again.
    assert not flow.is_critical(flow.back(state))
    assert flow.initial(flow.back(state), "mood-last") == {9: 2, 10: 0}


def test_only_an_incomplete_screen_offers_to_skip_the_longer_questions() -> None:
    positive, _ = run({"mood": {1: 3, 2: 3}, "worry": {1: S, 2: 1}})
    assert flow.followup_reason(positive, "phq") == POSITIVE
    assert flow.followup_reason(positive, "gad") == INCOMPLETE
    assert not flow.may_skip_page(positive, "mood-more")
    assert flow.may_skip_page(positive, "worry-more")
    assert not flow.may_skip_page(positive, "wellbeing")


def test_recording_a_page_that_is_not_next_is_refused() -> None:
    with pytest.raises(InvalidState):
        flow.record(State(nonce="n"), "worry", {1: 0, 2: 0})
    with pytest.raises(InvalidState):
        flow.leave_support(State(nonce="n"))


def test_missing_answers_on_a_page_count_as_skipped() -> None:
    state = flow.record(State(nonce="n"), "mood", {})
    assert flow.asked(state, "phq")[:2] == [None, None]
    assert flow.followup_reason(state, "phq") == INCOMPLETE


# --- Outcomes ------------------------------------------------------------------------------


def test_a_positive_screen_is_reported_on_the_full_phq9_reusing_items_1_and_2() -> None:
    state, _ = run(
        {
            "mood": {1: 2, 2: 2},
            "worry": {1: 0, 2: 1},
            "mood-more": {3: 2, 4: 2, 5: 1, 6: 1, 7: 1, 8: 0},
            "mood-last": {9: 0, 10: 1},
            "wellbeing": {1: 2, 2: 2, 3: 2, 4: 2, 5: 2},
        }
    )
    by_group = {o.group: o for o in flow.outcomes(state)}
    assert by_group["phq"].instrument.id == "phq-9"
    assert by_group["phq"].answers == (2, 2, 2, 2, 1, 1, 1, 0, 0, 1)
    assert by_group["phq"].score.total == 11
    assert by_group["phq"].score.severity == "moderate"
    assert by_group["gad"].instrument.id == "gad-2"
    assert by_group["gad"].score.total == 1
    assert by_group["who5"].score.index == 40
    assert [o.group for o in flow.outcomes(state)] == ["phq", "gad", "who5"]


def test_skipped_longer_questions_fall_back_to_the_screen_and_empty_families_drop_out() -> None:
    state, _ = run(
        {
            "mood": {1: 1, 2: S},
            "worry": {1: S, 2: S},
            "mood-more": {},
            "mood-last": {},
            "worry-more": {},
            "wellbeing": WELL,
        }
    )
    outcomes = flow.outcomes(state)
    assert [(o.group, o.instrument.id) for o in outcomes] == [("phq", "phq-2"), ("who5", "who-5")]
    assert outcomes[0].score.total is None
    assert outcomes[0].followup == INCOMPLETE


# --- The state as data ---------------------------------------------------------------------


def test_a_state_survives_the_round_trip_through_data() -> None:
    state, _ = run({"mood": {1: 3, 2: 3}, "worry": {1: 0, 2: S}, "mood-more": MOOD_MORE})
    assert State.from_data(state.to_data()) == state


def _data(**changes: object) -> dict[str, object]:
    state, _ = run({"mood": {1: 1, 2: 1}, "worry": {1: 0, 2: 0}})
    return {**state.to_data(), **changes}


@pytest.mark.parametrize(
    "data",
    [
        pytest.param("not a dict", id="not-a-map"),
        pytest.param({"a": {}, "h": []}, id="missing-nonce"),
        pytest.param(_data(extra=1), id="unknown-key"),
        pytest.param(_data(n=""), id="empty-nonce"),
        pytest.param(_data(n="x" * 33), id="long-nonce"),
        pytest.param(_data(h="mood"), id="history-not-a-list"),
        pytest.param(_data(a=[]), id="answers-not-a-map"),
        pytest.param(_data(a={"pcl": {}}), id="unknown-group"),
        pytest.param(_data(a={"phq": []}), id="group-not-a-map"),
        pytest.param(_data(a={"phq": {"11": 0}}), id="unknown-item"),
        pytest.param(_data(a={"phq": {"one": 0}}), id="item-not-a-number"),
        pytest.param(_data(a={"phq": {"1": 4}}), id="out-of-range"),
        pytest.param(_data(a={"phq": {"1": -1}}), id="negative"),
        pytest.param(_data(a={"who5": {"1": 6}}), id="out-of-range-who5"),
        pytest.param(_data(a={"phq": {"1": True}}), id="boolean"),
        pytest.param(_data(a={"phq": {"1": "2"}}), id="text"),
        pytest.param(_data(a={"phq": {"1": 1.0}}), id="float"),
        pytest.param(_data(h=["worry"]), id="history-skips-a-page"),
        pytest.param(_data(h=["mood", "worry", "mood-more"]), id="history-off-the-path"),
        pytest.param(_data(h=["mood", "mood"]), id="history-repeats"),
        pytest.param(_data(h=[1]), id="history-not-text"),
    ],
)
def test_a_state_that_the_check_could_not_have_produced_is_refused(data) -> None:
    with pytest.raises(InvalidState):
        State.from_data(data)
