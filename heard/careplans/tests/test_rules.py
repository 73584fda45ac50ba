"""The pure care plan rules: cleaning what people submit, reading the form, merging two edits,
comparing versions word by word, and a goal's trend."""

from __future__ import annotations

import pytest

from heard.careplans import rules


def test_cleaning_drops_blank_rows_and_tidies_spacing():
    content, problems = rules.clean(
        {
            "goals": [{"text": "  Feel   calmer  "}, {"text": "", "specific": ""}],
            "strengths": ["  kind ", "", None],
            "interventions": [{"text": "", "who_other": ""}],
            "decisions": [{"question": "", "options": [{"label": ""}]}],
        }
    )
    assert problems == []
    assert [g["text"] for g in content["goals"]] == ["Feel calmer"]
    assert content["strengths"] == ["kind"]
    assert content["interventions"] == []
    assert content["decisions"] == []
    assert rules.is_key(content["goals"][0]["key"])


def test_keys_are_kept_when_well_formed_and_unique_and_made_otherwise():
    content, _ = rules.clean(
        {
            "goals": [
                {"key": "abcdef12", "text": "One"},
                {"key": "abcdef12", "text": "Two"},
                {"key": "BAD KEY!", "text": "Three"},
            ]
        }
    )
    keys = [g["key"] for g in content["goals"]]
    assert keys[0] == "abcdef12"
    assert len(set(keys)) == 3
    assert all(rules.is_key(k) for k in keys)


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ({"goals": [{"text": "x" * 501}]}, ("goals", 1, "text", rules.TOO_LONG)),
        ({"goals": [{"specific": "only detail"}]}, ("goals", 1, "text", rules.MISSING)),
        (
            {"goals": [{"text": "a", "target_date": "soon"}]},
            ("goals", 1, "target_date", rules.BAD_DATE),
        ),
        ({"goals": [{"text": f"g{i}"} for i in range(11)]}, ("goals", 0, "", rules.TOO_MANY)),
        ({"strengths": ["x" * 501]}, ("strengths", 1, "", rules.TOO_LONG)),
        (
            {"interventions": [{"who_other": "Sam", "who": "other"}]},
            ("interventions", 1, "text", rules.MISSING),
        ),
        (
            {"decisions": [{"question": "Q", "options": [{"label": "A"}]}]},
            ("decisions", 1, "options", rules.TOO_FEW),
        ),
        (
            {"decisions": [{"question": "Q", "options": [{"label": str(i)} for i in range(5)]}]},
            ("decisions", 1, "options", rules.TOO_MANY),
        ),
        (
            {"decisions": [{"options": [{"label": "A"}, {"label": "B"}]}]},
            ("decisions", 1, "question", rules.MISSING),
        ),
        (
            {"decisions": [{"question": "Q", "options": [{"label": "A"}, {"pros": "only pros"}]}]},
            ("decisions", 1, "option-2-label", rules.MISSING),
        ),
    ],
    ids=[
        "long-goal",
        "goal-without-words",
        "bad-date",
        "too-many-goals",
        "long-line",
        "intervention-without-words",
        "one-option",
        "five-options",
        "no-question",
        "unnamed-option",
    ],
)
def test_what_cannot_be_saved_is_a_problem_not_a_cut(raw, problem):
    content, problems = rules.clean(raw)
    assert (problems[0].section, problems[0].item, problems[0].field, problems[0].code) == problem
    # Nothing is cut short: the words are all still there to fix.
    assert len(str(content)) >= len(str(raw)) - 200


def test_who_is_one_of_four_and_someone_else_keeps_a_name():
    content, _ = rules.clean(
        {
            "interventions": [
                {"text": "Walk", "who": "nonsense"},
                {"text": "Call", "who": "other", "who_other": "My sister"},
                {"text": "Plan", "who": "client", "who_other": "ignored"},
            ]
        }
    )
    assert [(i["who"], i["who_other"]) for i in content["interventions"]] == [
        ("both", ""),
        ("other", "My sister"),
        ("client", ""),
    ]


def test_submitted_choices_are_dropped_and_stored_ones_kept_while_their_option_exists():
    decision = {
        "key": "dddddddd",
        "question": "Q",
        "options": [{"key": "aaaaaaaa", "label": "A"}, {"key": "bbbbbbbb", "label": "B"}],
        "choice": {"option": "aaaaaaaa", "reason": "r", "by": "x", "by_name": "C", "at": ""},
    }
    submitted, _ = rules.clean({"decisions": [decision]})
    assert submitted["decisions"][0]["choice"] is None
    stored = rules.loads(rules.dumps({"decisions": [decision]}))
    assert stored["decisions"][0]["choice"]["option"] == "aaaaaaaa"
    gone = {**decision, "choice": {**decision["choice"], "option": "zzzzzzzz"}}
    assert rules.loads(rules.dumps({"decisions": [gone]}))["decisions"][0]["choice"] is None


def test_unreadable_stored_content_reads_as_an_empty_plan():
    assert rules.loads("not json") == rules.empty_plan()
    assert rules.loads("[1, 2]") == rules.empty_plan()
    assert rules.loads("") == rules.empty_plan()


def test_the_form_is_read_row_by_row_with_options_and_removals():
    data = {
        "goal-1-text": "Second",
        "goal-0-text": "First",
        "goal-0-key": "aaaaaaaa",
        "goal-2-text": "Removed",
        "goal-2-remove": "1",
        "strength-0": "Kind",
        "intervention-0-text": "Walk",
        "intervention-0-who": "client",
        "decision-0-question": "Q",
        "decision-0-option-1-label": "B",
        "decision-0-option-0-label": "A",
        "decision-0-option-0-pros": "good",
        "decision-0-option-0-bogus": "ignored",
        "decision-0-bogus-1-x": "ignored",
        "strength-0-extra": "ignored",
        "goal-0": "ignored",
        "unrelated": "x",
        "add": "goal",
    }
    raw, add = rules.from_form(data)
    assert add == "goal"
    assert [g["text"] for g in raw["goals"]] == ["First", "Second"]
    assert raw["goals"][0]["key"] == "aaaaaaaa"
    assert raw["strengths"] == ["Kind"]
    assert raw["decisions"][0]["options"] == [{"label": "A", "pros": "good"}, {"label": "B"}]
    assert rules.from_form({"add": "evil"})[1] == ""


def test_a_three_way_merge_keeps_both_sides_and_names_clashes():
    base = rules.clean({"goals": [{"key": "aaaaaaaa", "text": "A"}], "strengths": ["S"]})[0]
    theirs = {**base, "strengths": ["S", "T"]}
    mine = {**base, "supports": ["Friend"]}
    merge = rules.three_way(base, theirs, mine)
    assert merge.clashes == ()
    assert merge.kept_theirs == ("strengths",)
    assert merge.content["strengths"] == ["S", "T"]
    assert merge.content["supports"] == ["Friend"]
    both = rules.three_way(base, {**base, "strengths": ["X"]}, {**base, "strengths": ["Y"]})
    assert both.clashes == ("strengths",)
    same = rules.three_way(base, {**base, "strengths": ["X"]}, {**base, "strengths": ["X"]})
    assert same.clashes == ()


def test_a_choice_recorded_meanwhile_is_not_an_edit_clash():
    decision = {
        "key": "dddddddd",
        "question": "Q",
        "options": [{"key": "aaaaaaaa", "label": "A", "pros": "", "cons": ""}],
        "choice": None,
    }
    chosen = {**decision, "choice": {"option": "aaaaaaaa"}}
    base = {**rules.empty_plan(), "decisions": [decision]}
    theirs = {**rules.empty_plan(), "decisions": [chosen]}
    mine = {**rules.empty_plan(), "decisions": [decision], "strengths": ["New"]}
    assert rules.three_way(base, theirs, mine).clashes == ()
    assert rules.differing_sections(theirs, mine) == ("strengths",)


def test_word_diff_marks_what_was_added_and_removed():
    segments = rules.word_diff("Walk every day", "Walk most days")
    ops = [(s.op, s.text) for s in segments]
    assert ("equal", "Walk ") in ops
    assert ("delete", "every day") in ops
    assert ("insert", "most days") in ops


def test_comparing_versions_lists_added_removed_and_changed_items_per_section():
    a = rules.clean(
        {
            "goals": [
                {"key": "aaaaaaaa", "text": "Sleep better"},
                {"key": "bbbbbbbb", "text": "Old"},
            ],
            "strengths": ["Kind", "Patient"],
            "interventions": [{"key": "cccccccc", "text": "Diary", "who": "client"}],
        }
    )[0]
    b = rules.clean(
        {
            "goals": [
                {"key": "aaaaaaaa", "text": "Sleep much better"},
                {"key": "eeeeeeee", "text": "New"},
            ],
            "strengths": ["Kind", "Very patient", "Brave"],
            "interventions": [{"key": "cccccccc", "text": "Diary", "who": "both"}],
        }
    )[0]
    changes = {s.section: s for s in rules.compare(a, b)}
    goals = changes["goals"]
    assert [(i.kind, i.title) for i in goals.items] == [
        ("changed", "Sleep much better"),
        ("added", "New"),
        ("removed", "Old"),
    ]
    assert goals.items[0].fields[0].code == "text"
    strengths = changes["strengths"]
    assert [(i.kind, i.title) for i in strengths.items] == [
        ("changed", "Very patient"),
        ("added", "Brave"),
    ]
    assert strengths.count("changed") == 1
    assert changes["interventions"].items[0].fields[0].code == "who"
    assert changes["decisions"].items == ()
    removed = rules.compare(b, rules.empty_plan())
    assert {i.kind for s in removed for i in s.items} == {"removed"}


def test_decisions_compare_options_and_the_choice():
    a = rules.loads(
        rules.dumps(
            {
                "decisions": [
                    {
                        "key": "dddddddd",
                        "question": "Q",
                        "options": [
                            {"key": "aaaaaaaa", "label": "A", "pros": "", "cons": ""},
                            {"key": "bbbbbbbb", "label": "B", "pros": "", "cons": ""},
                        ],
                        "choice": None,
                    }
                ]
            }
        )
    )
    b = {
        **a,
        "decisions": [{**a["decisions"][0], "choice": {"option": "bbbbbbbb", "reason": "Easier"}}],
    }
    b["decisions"][0]["options"] = [
        a["decisions"][0]["options"][0],
        {**a["decisions"][0]["options"][1], "pros": "Quick"},
    ]
    fields = {(f.code, f.n) for f in rules.compare(a, b)[4].items[0].fields}
    assert fields == {("option_pros", 2), ("choice", 0), ("choice_reason", 0)}


def test_text_lines_and_added_lines_cover_every_free_text():
    content = rules.loads(
        rules.dumps(
            {
                "goals": [
                    {
                        "key": "aaaaaaaa",
                        "text": "G",
                        "specific": "S",
                        "measurable": "",
                        "achievable": "",
                        "relevant": "",
                        "target_date": "",
                    }
                ],
                "strengths": ["St"],
                "supports": ["Su"],
                "interventions": [
                    {"key": "bbbbbbbb", "text": "I", "who": "other", "who_other": "W"}
                ],
                "decisions": [
                    {
                        "key": "cccccccc",
                        "question": "Q",
                        "options": [{"key": "dddddddd", "label": "L", "pros": "P", "cons": ""}],
                        "choice": {"option": "dddddddd", "reason": "R"},
                    }
                ],
            }
        )
    )
    assert rules.text_lines(content) == ["G", "S", "St", "Su", "I", "W", "Q", "L", "P", "R"]
    before = {**content, "strengths": []}
    assert rules.added_lines(before, content) == ["St"]
    assert rules.find(content, "goals", "nope") is None


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([], rules.Trend(0, None, None, None, None)),
        ([4], rules.Trend(1, 4, 4, None, 4)),
        ([2, 6, 5], rules.Trend(3, 2, 5, 3, 6)),
        ([7, 3], rules.Trend(2, 7, 3, -4, 7)),
    ],
    ids=["none", "one", "up", "down"],
)
def test_a_goals_trend(values, expected):
    assert rules.trend(values) == expected


@pytest.mark.parametrize(
    ("value", "ok"), [(0, True), (10, True), (11, False), (-1, False), (True, False), ("5", False)]
)
def test_ratings_are_whole_numbers_from_0_to_10(value, ok):
    assert rules.valid_rating(value) is ok
