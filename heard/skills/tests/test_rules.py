"""The recommender (rules.suggest), table-driven: state, history, preferences, favourites and
the care team's suggestions change what is suggested, and each suggestion says why."""

import pytest

from heard.skills.rules import (
    History,
    Inputs,
    Preferences,
    Reason,
    SkillFacts,
    State,
    kinds_in_text,
    suggest,
)


def _skill(key: str, kind: str, tags: str, helps_with: str) -> SkillFacts:
    return SkillFacts(key, kind, frozenset(tags.split()), frozenset(helps_with.split()))


# The first nine skills of the library, as the data describes them.
SKILLS = (
    _skill("paced_breathing", "breathing", "breath_focus", "stress anxiety panic anger"),
    _skill("box_breathing", "breathing", "breath_focus", "stress overwhelm anger anxiety"),
    _skill("grounding_54321", "grounding", "", "anxiety panic overwhelm stress"),
    _skill("self_compassion_break", "self_compassion", "", "self_criticism low_mood stress"),
    _skill("reach_out", "connection", "talking_to_others", "loneliness low_mood overwhelm"),
    _skill("sleep_winddown", "sleep", "", "sleep stress"),
    _skill("gentle_movement", "movement", "physical_effort", "low_energy low_mood stress stuck"),
    _skill("values_check", "values", "", "stuck low_mood"),
    _skill("problem_solving", "problem_solving", "", "overwhelm stress stuck anxiety"),
)


def keys(data: Inputs) -> list[str]:
    return [s.key for s in suggest(data)]


def codes(data: Inputs, key: str) -> list[str]:
    found = next(s for s in suggest(data) if s.key == key)
    return [r.code for r in found.reasons]


@pytest.mark.parametrize(
    ("state", "top", "reason"),
    [
        (State(stress=8), {"paced_breathing", "box_breathing", "grounding_54321"}, "stress_high"),
        (State(mood=2), {"self_compassion_break", "reach_out", "gentle_movement"}, "mood_low"),
        (State(sleep_hours=4.5), {"sleep_winddown"}, "sleep_short"),
        (State(connection=0), {"reach_out"}, "connection_low"),
        (State(feelings=("scared",)), {"paced_breathing", "box_breathing"}, "feelings"),
        (State(feelings=("ashamed",)), {"self_compassion_break"}, "feelings"),
        (State(feelings=("lonely",)), {"reach_out"}, "feelings"),
    ],
    ids=["stress", "mood", "sleep", "connection", "scared", "ashamed", "lonely"],
)
def test_todays_check_in_decides_what_comes_first(state, top, reason):
    result = suggest(Inputs(SKILLS, state=state))
    first = result[: len(top)]
    assert {s.key for s in first} == top
    assert all(reason in [r.code for r in s.reasons] for s in first)


@pytest.mark.parametrize(
    ("state", "gone"),
    [
        (State(stress=6), "stress_high"),  # 7 and above counts as high
        (State(mood=4), "mood_low"),  # 3 and below counts as low
        (State(sleep_hours=6.0), "sleep_short"),  # under 6 hours
        (State(connection=2), "connection_low"),  # 0..1 of 4
        (State(feelings=("calm", "happy")), "feelings"),  # pleasant feelings ask for nothing
    ],
    ids=["stress-6", "mood-4", "sleep-6", "connection-2", "pleasant"],
)
def test_values_inside_the_ordinary_range_are_not_signals(state, gone):
    for s in suggest(Inputs(SKILLS, state=state)):
        assert gone not in [r.code for r in s.reasons]


def test_a_change_of_state_changes_the_suggestions():
    stressed = keys(Inputs(SKILLS, state=State(stress=9)))
    low = keys(Inputs(SKILLS, state=State(mood=1)))
    tired = keys(Inputs(SKILLS, state=State(sleep_hours=3)))
    assert stressed[0] != low[0]
    assert tired[0] == "sleep_winddown"
    assert "sleep_winddown" not in low[:1]


def test_with_nothing_to_go_on_a_gentle_starter_set_is_offered():
    result = suggest(Inputs(SKILLS))
    assert [s.key for s in result] == [
        "paced_breathing",
        "grounding_54321",
        "self_compassion_break",
    ]
    assert all(s.reasons == (Reason("starter"),) for s in result)


def test_the_order_is_deterministic_and_ties_keep_the_library_order():
    data = Inputs(SKILLS, state=State(stress=8))
    assert keys(data) == keys(data)
    assert keys(data)[:2] == ["paced_breathing", "box_breathing"]


def test_a_skill_that_lowered_distress_rises_with_the_average_drop_as_its_reason():
    history = {"values_check": History(times=3, drops=(3, 2, 4))}
    result = suggest(Inputs(SKILLS, state=State(stress=8), history=history))
    values = next(s for s in result if s.key == "values_check")
    assert Reason("helped_drop", 3.0) in values.reasons
    # Without that history, values_check (no stress match) is not suggested at all.
    assert "values_check" not in keys(Inputs(SKILLS, state=State(stress=8)))


@pytest.mark.parametrize(
    ("history", "code"),
    [
        (History(times=2, drops=(2, 1)), "helped_drop"),
        (History(times=1, helped_yes=1), "helped_said"),
        (History(times=2, helped_some=2), "helped_said"),
        (History(times=1, drops=(0,), helped_yes=1), "helped_said"),
    ],
    ids=["drop", "said-yes", "said-a-little", "no-drop-but-yes"],
)
def test_history_that_helped_is_a_reason(history, code):
    assert code in codes(Inputs(SKILLS, history={"problem_solving": history}), "problem_solving")


@pytest.mark.parametrize(
    "history",
    [
        History(times=2, helped_no=2),
        History(times=3, helped_no=2, helped_yes=1),
        History(times=2, drops=(-2, -1)),
    ],
    ids=["not-this-time", "mostly-not", "distress-rose"],
)
def test_a_skill_that_did_not_help_steps_back_quietly(history):
    data = Inputs(SKILLS, state=State(stress=8))
    before = keys(data)
    after = keys(Inputs(SKILLS, state=State(stress=8), history={"paced_breathing": history}))
    assert before[0] == "paced_breathing"
    assert after[0] != "paced_breathing"
    # ...and it is not offered as a starter either.
    assert "paced_breathing" not in keys(Inputs(SKILLS, history={"paced_breathing": history}))


def test_history_changes_the_suggestions_for_the_same_state():
    state = State(stress=8)
    plain = keys(Inputs(SKILLS, state=state))
    practised = keys(
        Inputs(SKILLS, state=state, history={"problem_solving": History(times=4, drops=(4, 4))})
    )
    assert plain[0] != "problem_solving"
    assert practised[0] == "problem_solving"


@pytest.mark.parametrize(
    ("careful", "gone"),
    [
        ({"breath_focus"}, {"paced_breathing", "box_breathing"}),
        ({"talking_to_others"}, {"reach_out"}),
        ({"physical_effort", "breath_focus"}, {"gentle_movement", "paced_breathing"}),
    ],
)
def test_skills_with_a_careful_tag_are_never_suggested(careful, gone):
    prefs = Preferences(careful_tags=frozenset(careful))
    for state in (State(), State(stress=9), State(mood=1, connection=0)):
        recommended = frozenset(gone)  # not even when the care team suggested them
        data = Inputs(SKILLS, state=state, preferences=prefs, recommended=recommended)
        assert not set(keys(data)) & gone
        assert len(keys(data)) >= 3


def test_the_care_teams_suggestion_comes_first_and_says_so():
    data = Inputs(SKILLS, state=State(stress=8), recommended=frozenset({"values_check"}))
    result = suggest(data)
    assert result[0].key == "values_check"
    assert result[0].reasons[0] == Reason("clinician")


def test_profile_preferences_and_own_words_are_reasons():
    prefs = Preferences(
        helpful_kinds=frozenset({"breathing"}),
        helped_before="Going for a walk with my dog",
        when_overwhelmed="I call my sister",
    )
    data = Inputs(SKILLS, preferences=prefs)
    assert codes(data, "paced_breathing") == ["kind_preferred"]
    assert codes(data, "gentle_movement") == ["helped_before_words"]
    assert codes(data, "reach_out") == ["overwhelmed_words"]
    kind = next(s for s in suggest(data) if s.key == "box_breathing").reasons[0]
    assert kind == Reason("kind_preferred", "breathing")


def test_what_helps_when_overwhelmed_counts_more_on_a_stressful_day():
    prefs = Preferences(when_overwhelmed="I go for a walk")
    calm = suggest(Inputs(SKILLS, preferences=prefs, state=State(mood=7)))
    stressed = suggest(Inputs(SKILLS, preferences=prefs, state=State(feelings=("overwhelmed",))))
    walk_calm = next(s for s in calm if s.key == "gentle_movement")
    walk_stressed = next(s for s in stressed if s.key == "gentle_movement")
    assert walk_stressed.score > walk_calm.score


def test_favourites_are_a_reason_and_the_list_stays_short():
    everything = frozenset(s.key for s in SKILLS)
    data = Inputs(SKILLS, favourites=everything, state=State(stress=9, mood=1))
    result = suggest(data)
    assert len(result) == 5
    assert all("favourite" in [r.code for r in s.reasons] for s in result)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Going for a walk", {"movement"}),
        ("calling my friend, then a hot bath", {"connection", "relaxation"}),
        ("Respiración lenta y caminar", {"breathing", "movement"}),
        ("Being kind to myself; self-compassion", {"self_compassion"}),
        ("I feel restless", set()),  # "rest" only as a whole word
        ("rest and a nap", {"sleep"}),
        ("", set()),
    ],
)
def test_own_words_point_to_kinds_of_skill(text, kinds):
    assert kinds_in_text(text) == frozenset(kinds)
