"""Pure safety plan rules: the steps, cleaning and limits, form fields, merging two edits."""

from __future__ import annotations

from typing import Any

import pytest

from heard.safety import plan_rules as r


def plan(**steps: list[Any]) -> dict[str, Any]:
    content = r.empty_plan()
    content.update(steps)
    return content


def test_the_steps_are_in_the_order_a_person_works_through_them() -> None:
    assert r.SECTIONS == (
        "warning_signs",
        "coping",
        "distractions",
        "people_to_ask",
        "professionals",
        "safer_environment",
        "reasons_for_living",
    )
    assert {"people_to_ask", "professionals"} == r.CONTACT_SECTIONS


def test_an_empty_plan_has_every_step_and_nothing_in_it() -> None:
    empty = r.empty_plan()
    assert list(empty) == list(r.SECTIONS)
    assert r.is_empty(empty)
    assert not r.is_empty(plan(coping=["Music"]))


def test_cleaning_tidies_spacing_and_drops_blank_rows() -> None:
    content, problems = r.clean(
        {
            "warning_signs": ["  I stop   answering\nmessages ", "", "   "],
            "people_to_ask": [{"name": " Alex ", "phone": " 555 123 4567 "}, {"name": ""}],
            "unknown": ["ignored"],
        }
    )
    assert problems == []
    assert content["warning_signs"] == ["I stop answering messages"]
    assert content["people_to_ask"] == [{"name": "Alex", "phone": "555 123 4567"}]
    assert "unknown" not in content


def test_a_single_value_counts_as_one_entry() -> None:
    content, _ = r.clean({"coping": "A walk", "professionals": {"name": "Dr. Rivera"}})
    assert content["coping"] == ["A walk"]
    assert content["professionals"] == [{"name": "Dr. Rivera", "phone": ""}]


def test_a_plain_text_in_a_contact_step_is_a_name() -> None:
    content, _ = r.clean({"people_to_ask": ["Alex", None]})
    assert content["people_to_ask"] == [{"name": "Alex", "phone": ""}]


def test_nothing_is_cut_short_long_entries_are_problems_to_fix() -> None:
    long_text = "x" * (r.MAX_CHARS + 1)
    content, problems = r.clean(
        {
            "coping": ["fine", long_text],
            "people_to_ask": [{"name": "n" * (r.MAX_NAME_CHARS + 1), "phone": ""}],
        }
    )
    assert content["coping"][1] == long_text
    assert problems == [
        r.Problem("coping", 2, r.TOO_LONG),
        r.Problem("people_to_ask", 1, r.TOO_LONG),
    ]


def test_an_entry_at_the_limit_is_fine() -> None:
    assert r.clean({"coping": ["x" * r.MAX_CHARS]})[1] == []


def test_too_many_entries_in_a_step_is_a_problem() -> None:
    _, problems = r.clean({"coping": [f"idea {i}" for i in range(r.MAX_ENTRIES + 1)]})
    assert problems == [r.Problem("coping", 0, r.TOO_MANY)]
    assert r.clean({"coping": [f"idea {i}" for i in range(r.MAX_ENTRIES)]})[1] == []


@pytest.mark.parametrize(
    ("phone", "ok"),
    [
        ("555 123 4567", True),
        ("+44 116 123", True),
        ("(555) 010-2000", True),
        ("", True),  # a name without a number is fine
        ("call me", False),
        ("1", False),
        ("+1 " + "5" * 40, False),
    ],
)
def test_phone_numbers_are_checked_loosely(phone: str, ok: bool) -> None:
    _, problems = r.clean({"professionals": [{"name": "Clinic", "phone": phone}]})
    assert (problems == []) is ok
    if not ok:
        assert problems == [r.Problem("professionals", 1, r.BAD_PHONE)]


@pytest.mark.parametrize(
    ("phone", "href"),
    [
        ("555 123 4567", "tel:5551234567"),
        ("+44 116 123", "tel:+44116123"),
        ("not a number", None),
        ("", None),
    ],
)
def test_phone_numbers_become_tap_to_call_links(phone: str, href: str | None) -> None:
    assert r.phone_href(phone) == href


def test_stored_plans_round_trip_with_accents_kept() -> None:
    content = plan(reasons_for_living=["Mi hija, ¡y el mar!"], coping=["Música"])
    stored = r.dumps(content)
    assert "Música" in stored
    assert r.loads(stored) == content


@pytest.mark.parametrize("stored", ["", "not json", "[1, 2]", "null"])
def test_anything_unreadable_reads_as_an_empty_plan(stored: str) -> None:
    assert r.loads(stored) == r.empty_plan()


def test_form_fields_are_read_in_row_order() -> None:
    data = {
        "coping-10": "Third",
        "coping-2": "Second",
        "coping-0": "First",
        "people_to_ask-1-phone": "555 010 2000",
        "people_to_ask-1-name": "Sam",
        "people_to_ask-0-name": "Alex",
        "people_to_ask-3": "not a contact field",
        "coping-1-name": "not a text field",
        "other-0": "not a step",
        "csrfmiddlewaretoken": "x",
        "based_on": "3",
    }
    raw = r.from_form(data)
    assert raw["coping"] == ["First", "Second", "Third"]
    assert raw["people_to_ask"] == [{"name": "Alex"}, {"name": "Sam", "phone": "555 010 2000"}]
    assert raw["warning_signs"] == []


# --- Merging two edits ----------------------------------------------------------------------


def test_when_only_the_other_side_changed_a_step_their_change_is_kept() -> None:
    base = plan(coping=["Walk"], warning_signs=["Can't sleep"])
    theirs = plan(coping=["Walk", "Music"], warning_signs=["Can't sleep"])
    mine = plan(coping=["Walk"], warning_signs=["Can't sleep", "Stop eating"])
    merge = r.three_way(base, theirs, mine)
    assert merge.clashes == ()
    assert merge.kept_theirs == ("coping",)
    assert merge.content["coping"] == ["Walk", "Music"]
    assert merge.content["warning_signs"] == ["Can't sleep", "Stop eating"]


def test_when_both_changed_the_same_step_differently_it_clashes() -> None:
    base = plan(coping=["Walk"])
    theirs = plan(coping=["Walk", "Music"])
    mine = plan(coping=["Run"])
    merge = r.three_way(base, theirs, mine)
    assert merge.clashes == ("coping",)
    assert merge.content["coping"] == ["Run"]  # the submitted words are never dropped


def test_the_same_change_on_both_sides_is_not_a_clash() -> None:
    base = plan()
    same = plan(coping=["Music"])
    assert r.three_way(base, same, same).clashes == ()


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        (r.KEEP_MINE, ["Run", "Walk"]),
        (r.KEEP_THEIRS, ["Walk", "Music"]),
        (r.KEEP_BOTH, ["Walk", "Music", "Run"]),
    ],
)
def test_a_persons_choice_per_step_decides_what_it_says(choice: str, expected: list[str]) -> None:
    mine = plan(coping=["Run", "Walk"], warning_signs=["Mine"])
    theirs = plan(coping=["Walk", "Music"], warning_signs=["Theirs"])
    content = r.resolve(mine, theirs, {"coping": choice})
    assert content["coping"] == expected
    assert content["warning_signs"] == ["Mine"]  # no choice made: the person's own text
