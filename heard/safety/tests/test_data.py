"""The crisis line data file: complete, well formed and translatable (safety.md section b)."""

from __future__ import annotations

import re
from collections import Counter

from heard.safety import crisis_strings, rules, services

DIRECTORY = services.load_directory()
LINES = DIRECTORY["lines"]


def test_every_line_is_valid() -> None:
    problems = {
        line.get("id"): errors
        for line in LINES
        if (errors := rules.line_errors(line, directory=True))
    }
    assert problems == {}
    # Nothing was dropped when loading.
    assert len(services.directory_lines()) == len(LINES)


def test_every_line_has_the_required_fields_and_known_channel_kinds() -> None:
    for line in LINES:
        for field in ("id", "country", "service", "channels", "status", "reviewed", "sources"):
            assert line.get(field) not in (None, ""), (line.get("id"), field)
        assert isinstance(line["emergency"], bool)
        assert {c["kind"] for c in line["channels"]} <= rules.CHANNEL_KINDS


def test_ids_are_unique() -> None:
    assert [i for i, n in Counter(line["id"] for line in LINES).items() if n > 1] == []


def test_every_region_has_an_emergency_number() -> None:
    regions = {line["country"] for line in LINES}
    with_emergency = {line["country"] for line in LINES if line["emergency"]}
    assert regions == with_emergency


def test_every_region_has_a_name() -> None:
    assert {line["country"] for line in LINES} == set(services.REGION_NAMES)


def test_every_source_id_is_listed() -> None:
    cited = {source for line in LINES for source in line["sources"]}
    assert cited <= set(DIRECTORY["sources"])
    for source in DIRECTORY["sources"].values():
        assert source["url"].startswith(("https://", "http://"))


def test_verified_lines_cite_a_source() -> None:
    assert [
        line["id"] for line in LINES if line["status"] != "unverified" and not line["sources"]
    ] == []


def test_the_review_dates_are_recorded() -> None:
    assert re.fullmatch(r"\d{4}-\d{2}", DIRECTORY["reviewed"])
    assert {line["reviewed"] for line in LINES} == {"2026-11"}


def test_the_spanish_options_of_988_are_there() -> None:
    (lifeline,) = [line for line in LINES if line["id"] == "us-988"]
    spanish = [c for c in lifeline["channels"] if c.get("language") == "es"]
    assert {(c["kind"], c["value"], c.get("keyword", "")) for c in spanish} == {
        ("call", "988", ""),
        ("text", "988", "AYUDA"),
    }


def test_every_shown_string_can_be_translated() -> None:
    shown = set()
    for line in LINES:
        shown |= {line["service"], line.get("hours", ""), line.get("notes", "")}
        shown |= {c.get("label", "") for c in line["channels"]}
    shown.discard("")
    missing = sorted(shown - set(crisis_strings.STRINGS))
    assert missing == [], f"Add these to heard/safety/crisis_strings.py: {missing}"
