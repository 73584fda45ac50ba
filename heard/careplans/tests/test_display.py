"""How the pages word a plan: a goal's progress in a sentence, what a version changed, who
does what, and where a problem in the form is."""

from __future__ import annotations

import pytest

from heard.careplans import display, rules, words


@pytest.mark.parametrize(
    ("values", "text"),
    [
        ([], "No ratings yet."),
        ([5], "Rated 5 out of 10 so far."),
        ([3, 7], "From 3 to 7 out of 10: 4 higher than at the start."),
        ([6, 6], "6 out of 10, the same as at the start."),
        ([6, 4], "4 out of 10, from 6 at the start. Ups and downs are a normal part of change."),
    ],
    ids=["none", "one", "up", "same", "down"],
)
def test_progress_is_one_plain_sentence_and_never_a_judgement(values, text):
    assert display.trend_text(rules.trend(values)) == text


def test_a_version_summary_counts_changes_per_section():
    a = rules.clean({"goals": [{"key": "aaaaaaaa", "text": "A"}], "supports": ["Ana"]})[0]
    b = rules.clean({"goals": [{"key": "aaaaaaaa", "text": "A2"}, {"text": "B"}]})[0]
    assert display.summary(None, a) == "The first version."
    assert display.summary(a, b) == "Goals: 1 added, 1 changed; Supports: 1 removed"
    assert display.summary(a, a) == "No changes to the words."


def test_who_does_it_reads_for_the_client_and_for_the_care_team():
    assert words.who_text("client", "", own=True) == "You"
    assert words.who_text("client", "", own=False) == "The client"
    assert words.who_text("other", "My sister", own=True) == "Someone else: My sister"
    assert words.who_text("other", "", own=False) == "Someone else"
    assert words.field_label("option_label", 2) == "Option 2"
    assert words.field_label("option_pros", 1) == "Option 1, what could help"
    assert words.field_label("option_cons", 3) == "Option 3, what to weigh up"
    assert words.field_label("measurable", 0) == "How we'll know it's happening"


def test_the_error_summary_says_where_each_problem_is():
    summary = display.error_summary(
        {
            "goal-1-text": ["Too long."],
            "decisions": ["Too many."],
            "decision-0-option-2-label": ["Name it."],
            "note": ["Too long."],
        }
    )
    assert summary == [
        ("goal-1-text", "Goal 2: Too long."),
        ("decisions", "Decisions we're making together: Too many."),
        ("decision-0-option-2-label", "Decision 1: Name it."),
        ("note", "What changed: Too long."),
    ]


def test_the_form_never_offers_more_rows_than_the_limit():
    content = rules.clean({"goals": [{"text": f"G{i}"} for i in range(10)]})[0]
    goals = display.form_sections(content, own=True, add="goal")[0]
    assert len(goals["rows"]) == 10
    assert goals["full"] is True
    decisions = display.form_sections(rules.empty_plan(), own=False, add="decision")[4]
    assert len(decisions["rows"]) == 2
    assert [len(r["option_rows"]) for r in decisions["rows"]] == [2, 2]


def test_changes_name_each_field_in_words():
    a = rules.clean({"interventions": [{"key": "aaaaaaaa", "text": "Walk", "who": "client"}]})[0]
    b = rules.clean(
        {"interventions": [{"key": "aaaaaaaa", "text": "Walk", "who": "other", "who_other": "Ana"}]}
    )[0]
    (section,) = display.changes(a, b, own=True)
    field = section["items"][0]["fields"][0]
    assert field["label"] == "Who does it"
    assert "".join(s.text for s in field["segments"] if s.op != "delete") == "Someone else: Ana"
