"""Note templates and the checks on what is written (pure)."""

from __future__ import annotations

import pytest

from heard.notes import rules


@pytest.mark.parametrize(
    ("template", "keys"),
    [
        ("soap", ("subjective", "objective", "assessment", "plan")),
        ("dap", ("data", "assessment", "plan")),
        ("birp", ("behaviour", "intervention", "response", "plan")),
        ("free", ("text",)),
    ],
)
def test_each_template_has_its_fields_in_order(template, keys):
    chosen = rules.template_for(template)
    assert chosen is not None
    assert chosen.keys == keys
    assert all(str(f.label) and str(f.help) for f in chosen.fields)


def test_cleaning_keeps_only_the_templates_fields_and_trims_them():
    cleaned = rules.clean_fields("dap", {"data": "  a\r\nb ", "subjective": "dropped"})
    assert cleaned == {"data": "a\nb", "assessment": "", "plan": ""}


def test_an_unknown_template_is_refused():
    with pytest.raises(rules.NoteProblem) as caught:
        rules.clean_fields("nope", {})
    assert set(caught.value.problems) == {"template"}


def test_over_long_text_is_refused_not_cut():
    with pytest.raises(rules.NoteProblem) as caught:
        rules.clean_fields("free", {"text": "x" * (rules.FIELD_MAX_CHARS + 1)})
    assert "10,000" in caught.value.problems["text"]
    assert rules.clean_fields("free", {"text": "x" * rules.FIELD_MAX_CHARS})["text"]


def test_an_empty_note_cannot_be_signed():
    with pytest.raises(rules.NoteProblem):
        rules.require_something({"text": ""})
    rules.require_something({"text": "", "plan": "Meet again."})


def test_addendum_text_is_checked():
    assert rules.clean_addendum("  Corrected the date.  ") == "Corrected the date."
    with pytest.raises(rules.NoteProblem):
        rules.clean_addendum("   ")
    with pytest.raises(rules.NoteProblem):
        rules.clean_addendum("x" * (rules.ADDENDUM_MAX_CHARS + 1))


def test_content_round_trips_and_bad_json_reads_as_empty():
    assert rules.decode("free", rules.encode({"text": "Hello"})) == {"text": "Hello"}
    assert rules.decode("free", "") == {"text": ""}
    assert rules.decode("free", "not json") == {"text": ""}
    assert rules.decode("free", "[1]") == {"text": ""}
    assert rules.decode("gone", '{"a": "b"}') == {"a": "b"}


@pytest.mark.parametrize(
    ("signed", "is_author", "edit"),
    [(False, True, True), (True, True, False), (False, False, False), (True, False, False)],
)
def test_only_the_author_changes_signs_or_deletes_and_only_a_draft(signed, is_author, edit):
    assert rules.may_edit(signed=signed, is_author=is_author) is edit
    assert rules.may_sign(signed=signed, is_author=is_author) is edit
    assert rules.may_delete(signed=signed, is_author=is_author) is edit


@pytest.mark.parametrize(
    ("signed", "is_author", "treats", "allowed"),
    [
        (True, True, False, True),
        (True, False, True, True),
        (True, False, False, False),
        (False, True, True, False),
    ],
)
def test_addenda_go_on_signed_notes_by_a_treating_clinician(signed, is_author, treats, allowed):
    assert (
        rules.may_add_addendum(signed=signed, is_author=is_author, treats_client=treats) is allowed
    )
