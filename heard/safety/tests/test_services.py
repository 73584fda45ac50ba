"""Which crisis lines a person sees, for which region, in which order."""

from __future__ import annotations

import logging

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.test import RequestFactory

from heard.accounts import services as accounts
from heard.accounts.models import Organization, Role, User
from heard.safety import services
from heard.testing.base import Personas

CAMPUS_LINE = {
    "service": "Campus Counseling After Hours",
    "channels": [{"kind": "call", "value": "(555) 010-2000"}],
    "hours": "Evenings and weekends",
}


def request_for(
    user: User | None = None, *, query: str = "", accept_language: str = ""
) -> HttpRequest:
    request = RequestFactory().get(f"/help-now/{query}", HTTP_ACCEPT_LANGUAGE=accept_language)
    request.user = user or AnonymousUser()
    return request


def hrefs(lines: tuple[services.CrisisLine, ...]) -> list[str]:
    return [c.href for line in lines for c in line.channels]


# --- Region resolution order --------------------------------------------------------------


@pytest.mark.django_db
class TestResolveRegion:
    def test_a_known_region_in_the_query_wins(self, personas: Personas) -> None:
        request = request_for(personas.casey, query="?region=gb", accept_language="en-AU")
        assert services.resolve_region(request) == "GB"

    def test_an_unknown_query_region_is_ignored(self, personas: Personas) -> None:
        assert services.resolve_region(request_for(personas.casey, query="?region=ZZ")) == "US"
        assert services.resolve_region(request_for(query="?region=<b>")) == "US"

    def test_the_organization_region_comes_next(self, personas: Personas) -> None:
        personas.org.region = "CA"
        personas.org.save(update_fields=["region"])
        personas.casey.region = "NZ"
        request = request_for(personas.casey, accept_language="en-AU")
        assert services.resolve_region(request) == "CA"

    def test_then_the_persons_own_region(self) -> None:
        user = accounts.create_account(email="nz@example.org", password=None, full_name="Ngaio")
        user.region = "NZ"
        assert services.resolve_region(request_for(user, accept_language="en-AU")) == "NZ"

    def test_then_the_browser_language_country(self) -> None:
        user = accounts.create_account(email="au@example.org", password=None, full_name="Ash")
        request = request_for(user, accept_language="es-MX,en-AU;q=0.8")
        # MX has no lines, so the next country the browser names is used.
        assert services.resolve_region(request) == "AU"

    def test_an_eu_browser_country_gets_the_eu_lines(self) -> None:
        assert services.resolve_region(request_for(accept_language="de-DE,de")) == "EU"

    def test_then_the_default_region(self, settings) -> None:
        settings.HEARD_DEFAULT_REGION = "IE"
        assert services.resolve_region(request_for(accept_language="en")) == "IE"

    def test_an_unknown_organization_region_is_kept_so_the_page_can_say_so(self) -> None:
        org = accounts.create_organization(None, name="Tokyo", region="JP")
        user = accounts.create_account(email="jp@example.org", password=None, full_name="Jun")
        accounts.add_membership(None, user=user, organization=org, role=Role.CLIENT)
        assert services.resolve_region(request_for(user, accept_language="en-US")) == "JP"


# --- The lines ----------------------------------------------------------------------------


@pytest.mark.parametrize("region", sorted(services.REGION_NAMES))
def test_every_known_region_always_has_its_emergency_number(region: str) -> None:
    lines = services.crisis_lines_for(region=region, language="en")
    assert lines.region_known
    assert lines.emergency
    assert all(line.emergency for line in lines.emergency)
    # ...and it is part of the full list, after everything else.
    assert lines.all[-len(lines.emergency) :] == lines.emergency


def test_the_us_lines_come_with_911_988_and_the_crisis_text_line() -> None:
    lines = services.crisis_lines_for(region="US", language="en")
    assert hrefs(lines.emergency) == ["tel:911"]
    assert [line.service for line in lines.region_lines] == [
        "988 Suicide & Crisis Lifeline",
        "Crisis Text Line",
    ]
    assert "sms:741741?&body=HOME" in hrefs(lines.region_lines)
    assert "sms:988?&body=AYUDA" in hrefs(lines.region_lines)


def test_an_eu_member_state_without_lines_gets_112() -> None:
    lines = services.crisis_lines_for(region="FR", language="fr")
    assert lines.region == "EU"
    assert hrefs(lines.emergency) == ["tel:112"]
    assert lines.region_lines == ()


def test_an_unknown_region_has_no_numbers_so_the_page_falls_back() -> None:
    lines = services.crisis_lines_for(region="JP", language="en")
    assert not lines.region_known
    assert lines.emergency == ()
    assert lines.region_lines == ()
    assert lines.region_name == ""


def test_spanish_speakers_see_the_spanish_options_first() -> None:
    lines = services.crisis_lines_for(region="US", language="es")
    lifeline = lines.region_lines[0]
    assert [c.href for c in lifeline.main_channels[:2]] == ["tel:988", "sms:988?&body=AYUDA"]
    assert all(c.language == "es" for c in lifeline.main_channels[:2])
    assert "Spanish" in lifeline.languages


def test_english_speakers_see_the_spanish_options_under_more() -> None:
    lifeline = services.crisis_lines_for(region="US", language="en-us").region_lines[0]
    assert [c.href for c in lifeline.main_channels] == [
        "tel:988",
        "sms:988",
        "https://988lifeline.org",
    ]
    assert any(c.language == "es" for c in lifeline.more_channels)


def test_lines_that_speak_the_persons_language_come_first() -> None:
    lines = services.crisis_lines_for(region="CA", language="fr")
    assert lines.region_lines[0].service == "9-8-8: Suicide Crisis Helpline"
    assert "French" in lines.region_lines[0].languages


@pytest.mark.django_db
def test_the_organizations_own_lines_come_first() -> None:
    org = accounts.create_organization(None, name="Campus", region="US")
    org.extra_crisis_lines = [CAMPUS_LINE]
    lines = services.crisis_lines_for(region="US", language="en", organization=org)
    assert lines.all[0].service == "Campus Counseling After Hours"
    assert lines.all[0].from_organization
    assert lines.all[0].channels[0].label == "Call (555) 010-2000"
    assert hrefs(lines.organization_lines) == ["tel:5550102000"]
    assert lines.all[-1].emergency


@pytest.mark.django_db
def test_broken_organization_lines_are_skipped_and_logged(caplog) -> None:
    org = accounts.create_organization(None, name="Campus", region="US")
    org.extra_crisis_lines = [
        {"service": "Bad", "channels": [{"kind": "web", "value": "javascript:alert(1)"}]},
        CAMPUS_LINE,
    ]
    with caplog.at_level(logging.WARNING, logger="heard.safety"):
        lines = services.crisis_lines_for(region="US", language="en", organization=org)
    assert [line.service for line in lines.organization_lines] == [CAMPUS_LINE["service"]]
    assert "safety.org_crisis_line.invalid" in caplog.text
    assert "javascript" not in caplog.text


def test_organization_lines_that_are_not_a_list_are_ignored(caplog) -> None:
    org = Organization(name="Odd", region="US", extra_crisis_lines={"service": "x"})
    with caplog.at_level(logging.WARNING, logger="heard.safety"):
        assert services.organization_lines(org, language="en") == ()
    assert "safety.org_crisis_lines.not_a_list" in caplog.text


@pytest.mark.parametrize(
    ("channel", "label"),
    [
        ({"kind": "call", "value": "555 0100"}, "Call 555 0100"),
        ({"kind": "text", "value": "555", "keyword": "HI"}, "Text HI to 555"),
        ({"kind": "text", "value": "555"}, "Text 555"),
        ({"kind": "email", "value": "help@example.org"}, "Email help@example.org"),
        ({"kind": "chat", "value": "https://example.org/chat"}, "Chat online"),
        ({"kind": "web", "value": "https://example.org"}, "Visit their website"),
    ],
)
def test_organization_channels_without_a_label_get_a_plain_one(channel, label) -> None:
    line = services.build_line(
        {"service": "Line", "channels": [channel]}, language="en", from_organization=True
    )
    assert line.channels[0].label == label


def test_an_unknown_language_code_is_shown_as_is() -> None:
    assert services.language_name("xx") == "xx"
    assert services.language_name("es") == "Spanish"


def test_a_broken_directory_entry_is_left_out_and_logged(monkeypatch, caplog) -> None:
    broken = {"lines": [{"id": "broken", "service": "Broken"}]}
    monkeypatch.setattr(services, "load_directory", lambda: broken)
    services.directory_lines.cache_clear()
    try:
        with caplog.at_level(logging.ERROR, logger="heard.safety"):
            assert services.directory_lines() == ()
        assert "safety.crisis_line.invalid id=broken" in caplog.text
    finally:
        services.directory_lines.cache_clear()


def test_region_choices_are_sorted_by_name_with_the_eu_last() -> None:
    choices = services.region_choices()
    assert choices[0] == ("AU", "Australia")
    assert choices[-1][0] == "EU"
    assert {code for code, _ in choices} == set(services.REGION_NAMES)


# --- Who is asking ------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_viewer_is_a_client_with_their_organization(personas: Personas) -> None:
    viewer = services.viewer_for(personas.casey)
    assert viewer.is_client
    assert viewer.organization == personas.org


@pytest.mark.django_db
def test_staff_are_not_clients(personas: Personas) -> None:
    viewer = services.viewer_for(personas.dana)
    assert not viewer.is_client
    assert viewer.organization == personas.org


@pytest.mark.django_db
def test_a_person_without_memberships_has_no_organization() -> None:
    user = accounts.create_account(email="solo@example.org", password=None, full_name="Solo")
    assert services.viewer_for(user) == services.Viewer()
    assert services.viewer_for(AnonymousUser()) == services.Viewer()
