"""Pure rules: region codes, Accept-Language parsing, tap-to-call links, entry validation."""

from __future__ import annotations

import pytest

from heard.safety import rules


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("us", "US"),
        (" GB ", "GB"),
        ("uk", "GB"),
        ("eu", "EU"),
        ("DE", "EU"),  # EU member state without lines of its own
        ("IE", "IE"),  # EU member state with its own lines
        ("JP", "JP"),  # unknown regions pass through; callers decide
        ("USA", ""),
        ("", ""),
        ("1A", ""),
    ],
)
def test_it_normalizes_region_codes(raw: str, expected: str) -> None:
    assert rules.normalize_region(raw, own_lines={"US", "GB", "IE"}) == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("en-GB,en;q=0.9,fr-CA;q=0.8", ["GB", "CA"]),
        ("fr-CA;q=0.5, en-AU", ["AU", "CA"]),
        ("zh-Hant-TW", ["TW"]),
        ("es_mx", ["MX"]),
        ("en", []),
        ("", []),
        ("en-NZ;q=0", []),
        ("en-IE;q=oops,en-US;q=0.1", ["US"]),
    ],
)
def test_it_reads_countries_from_accept_language(header: str, expected: list[str]) -> None:
    assert rules.regions_from_accept_language(header) == expected


@pytest.mark.parametrize(
    ("kind", "value", "keyword", "href"),
    [
        ("call", "988", "", "tel:988"),
        ("call", "9-8-8", "", "tel:988"),
        ("call", "13 11 14", "", "tel:131114"),
        ("call", "1-800-891-4416", "", "tel:18008914416"),
        ("call", "(555) 010-2000", "", "tel:5550102000"),
        ("call", "+44 116 123", "", "tel:+44116123"),
        ("text", "741741", "HOME", "sms:741741?&body=HOME"),
        ("text", "0477 13 11 14", "", "sms:0477131114"),
        ("email", "jo@samaritans.org", "", "mailto:jo@samaritans.org"),
        ("chat", "https://988lifeline.org", "", "https://988lifeline.org"),
        ("web", "https://example.edu/help", "", "https://example.edu/help"),
    ],
)
def test_it_builds_tap_to_reach_links(kind: str, value: str, keyword: str, href: str) -> None:
    assert rules.channel_href(kind, value, keyword) == href


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("web", "javascript:alert(1)"),
        ("chat", "http://example.org"),  # only https
        ("web", "https://example.org/a b"),
        ("call", "call me"),
        ("call", "1"),
        ("call", "1234567890123456"),
        ("text", "tel:988"),
        ("email", "not-an-email"),
        ("fax", "123456"),
    ],
)
def test_it_refuses_unsafe_or_malformed_values(kind: str, value: str) -> None:
    assert rules.channel_href(kind, value) is None


GOOD_ORG_LINE = {"service": "Campus line", "channels": [{"kind": "call", "value": "555 0100"}]}


def test_an_organization_line_needs_only_a_service_and_a_channel() -> None:
    assert rules.line_errors(GOOD_ORG_LINE, directory=False) == []


@pytest.mark.parametrize(
    ("entry", "error"),
    [
        ("a string", "entry must be an object"),
        ({"channels": GOOD_ORG_LINE["channels"]}, "service is required"),
        ({"service": "x" * 301, "channels": GOOD_ORG_LINE["channels"]}, "service must be text"),
        ({"service": "Line"}, "channels must be a non-empty list"),
        ({"service": "Line", "channels": []}, "channels must be a non-empty list"),
        ({"service": "Line", "channels": ["call"]}, "channel must be an object"),
        ({"service": "Line", "channels": [{"kind": "pigeon", "value": "1"}]}, "kind must be"),
        ({"service": "Line", "channels": [{"kind": "call"}]}, "value is required"),
        (
            {"service": "Line", "channels": [{"kind": "call", "value": "988", "keyword": "HI"}]},
            "keyword is only for text",
        ),
        (
            {"service": "Line", "channels": [{"kind": "text", "value": "988", "keyword": "A B"}]},
            "keyword is only for text",
        ),
        (
            {"service": "Line", "channels": [{"kind": "web", "value": "javascript:x()"}]},
            "is not a valid web value",
        ),
        (
            {"service": "Line", "channels": [{"kind": "call", "value": "988", "label": 5}]},
            "label must be text",
        ),
        (
            {"service": "Line", "channels": [{"kind": "call", "value": "988", "language": "ES"}]},
            "language must be a language code",
        ),
        (
            {"service": "Line", "channels": [{"kind": "call", "value": "988", "more": "yes"}]},
            "'more' must be true or false",
        ),
        (
            {"service": "Line", "channels": [{"kind": "call", "value": "988", "status": "?"}]},
            "channel status must be one of",
        ),
        ({**GOOD_ORG_LINE, "languages": "en"}, "languages must be a list"),
        ({**GOOD_ORG_LINE, "languages": ["English"]}, "languages must be a list"),
        ({**GOOD_ORG_LINE, "emergency": "yes"}, "emergency must be true or false"),
    ],
)
def test_it_explains_what_is_wrong_with_a_line(entry: object, error: str) -> None:
    errors = rules.line_errors(entry, directory=False)
    assert any(error in e for e in errors), errors


def test_the_directory_needs_provenance_on_every_line() -> None:
    errors = rules.line_errors(GOOD_ORG_LINE, directory=True)
    assert errors == [
        "channel 1: label is required",
        "country must be an ISO code such as 'US', or 'EU'",
        "id is required",
        "status must be one of ['secondary', 'unverified', 'verified']",
        "reviewed must be a month such as '2026-11'",
        "sources must be a list of source ids",
        "emergency must be set to true or false",
    ]
