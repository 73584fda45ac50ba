"""Check-in values: what is accepted, and the plain messages for what is not."""

from decimal import Decimal

import pytest

from heard.checkins import rules
from heard.checkins.rules import Values


@pytest.mark.parametrize(
    ("values", "field"),
    [
        (Values(mood=11), "mood"),
        (Values(mood=-1), "mood"),
        (Values(sleep_hours=Decimal("-2")), "sleep_hours"),
        (Values(sleep_hours=Decimal("24.5")), "sleep_hours"),
        (Values(sleep_hours=Decimal("7.25")), "sleep_hours"),
        (Values(sleep_quality=0), "sleep_quality"),
        (Values(movement_minutes=1441), "movement_minutes"),
        (Values(connection=5), "connection"),
        (Values(stress=11), "stress"),
        (Values(feelings=("grumpy-ish",)), "feelings"),
        (Values(note="x" * (rules.NOTE_MAX + 1)), "note"),
        (Values(what_helped="x" * (rules.HELPED_MAX + 1)), "what_helped"),
    ],
)
def test_it_refuses_values_out_of_range_with_a_message(values, field):
    errors = rules.check(values, track_substances=True)
    assert field in errors
    assert errors[field]


@pytest.mark.parametrize(
    "values",
    [
        Values(mood=0),
        Values(mood=10, stress=0, connection=4, sleep_quality=5, movement_minutes=1440),
        Values(sleep_hours=Decimal("6.5")),
        Values(sleep_hours=Decimal("0")),
        Values(feelings=("anxious", "hopeful")),
        Values(note="x" * rules.NOTE_MAX),
    ],
)
def test_it_accepts_values_in_range(values):
    assert rules.check(values, track_substances=False) == {}


def test_substances_are_asked_only_of_people_who_opted_in():
    values = Values(alcohol_drinks=2, substances=("cannabis",))
    assert "substances" in rules.check(values, track_substances=False)
    assert rules.check(values, track_substances=True) == {}
    assert "substances" in rules.check(Values(substances=("glue",)), track_substances=True)


def test_a_zero_counts_as_an_answer_but_nothing_at_all_is_empty():
    assert Values().is_empty()
    assert Values(note="").is_empty()
    assert not Values(mood=0).is_empty()
    assert not Values(sleep_hours=Decimal(0)).is_empty()


def test_the_text_to_screen_joins_the_note_and_what_helped():
    assert Values(note=" rough day ", what_helped="a walk").text == "rough day\na walk"
    assert Values(mood=3).text == ""


def test_values_survive_a_round_trip_through_json():
    values = Values(mood=4, feelings=("sad",), sleep_hours=Decimal("6.5"), note="hm")
    assert Values.from_json(values.as_json()) == values


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("", None), (None, None), ("7", Decimal(7)), ("6,5", Decimal("6.5")), (8, Decimal(8))],
)
def test_hours_are_parsed_from_forms_and_json(raw, expected):
    assert rules.parse_hours(raw) == expected


@pytest.mark.parametrize("raw", ["seven", "nan", "inf"])
def test_hours_that_are_not_a_number_are_refused(raw):
    with pytest.raises(ValueError):  # noqa: PT011 - the message is the raw value
        rules.parse_hours(raw)
