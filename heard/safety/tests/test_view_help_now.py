"""The help page at /help-now/: open to everyone, emergency number first, real links."""

from __future__ import annotations

import pytest
from django.urls import reverse

from heard.testing.base import Personas

URL = "/help-now/"


def test_it_lives_at_help_now() -> None:
    assert reverse("safety:help_now") == URL


@pytest.mark.django_db
def test_anonymous_visitors_can_see_it(client) -> None:
    response = client.get(URL, HTTP_ACCEPT_LANGUAGE="en-US")
    assert response.status_code == 200
    body = response.content.decode()
    assert "You don't have to go through this alone" in body
    assert 'href="tel:988"' in body
    assert 'href="sms:741741?&amp;body=HOME"' in body
    assert 'href="sms:988?&amp;body=AYUDA"' in body
    assert 'href="https://988lifeline.org"' in body


@pytest.mark.django_db
def test_the_emergency_number_comes_first(client) -> None:
    body = client.get(URL, HTTP_ACCEPT_LANGUAGE="en-US").content.decode()
    assert 'href="tel:911"' in body
    assert body.index('href="tel:911"') < body.index('href="tel:988"')


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("region", "emergency", "line"),
    [
        ("GB", "tel:999", "sms:85258?&amp;body=SHOUT"),
        ("AU", "tel:000", "sms:0477131114"),
        ("IE", "tel:112", "sms:51444?&amp;body=HELP"),
        ("CA", "tel:911", "sms:988"),
        ("NZ", "tel:111", "sms:1737"),
        ("IN", "tel:112", "tel:14416"),
    ],
)
def test_each_region_shows_its_emergency_number_and_lines(client, region, emergency, line):
    body = client.get(URL, {"region": region}).content.decode()
    assert body.index(f'href="{emergency}"') < body.index(f'href="{line}"')


@pytest.mark.django_db
def test_an_unknown_region_says_call_your_local_emergency_number(personas: Personas, client_for):
    personas.casey.region = "JP"
    personas.casey.save(update_fields=["region"])
    personas.org.region = ""
    personas.org.save(update_fields=["region"])
    body = client_for("casey").get(URL).content.decode()
    assert "Call your local emergency number now." in body
    assert 'href="tel:112"' in body  # the EU hint
    assert 'href="?region=GB"' in body  # the list of regions to choose from


@pytest.mark.django_db
def test_the_region_form_works_without_javascript(client) -> None:
    body = client.get(URL, {"region": "GB"}).content.decode()
    assert '<form class="heard-region-form" method="get"' in body
    assert '<option value="GB" selected>' in body


@pytest.mark.django_db
def test_the_organizations_own_lines_are_shown_first(personas: Personas, client_for) -> None:
    personas.org.extra_crisis_lines = [
        {"service": "Harbor After Hours", "channels": [{"kind": "call", "value": "555 0100"}]}
    ]
    personas.org.save(update_fields=["extra_crisis_lines"])
    body = client_for("casey").get(URL).content.decode()
    assert "From Harbor Counselling" in body
    assert body.index('href="tel:5550100"') < body.index('href="tel:988"')


@pytest.mark.django_db
def test_clients_see_the_place_for_their_safety_plan(client_for) -> None:
    body = client_for("casey").get(URL).content.decode()
    assert "Start my safety plan" in body  # Casey has no plan yet (test_plan_views has more)


@pytest.mark.django_db
def test_staff_and_visitors_do_not_see_a_safety_plan_slot(client, client_for) -> None:
    assert "Your safety plan" not in client.get(URL).content.decode()
    assert "Your safety plan" not in client_for("dana").get(URL).content.decode()


@pytest.mark.django_db
def test_spanish_readers_see_the_spanish_options_first(client) -> None:
    client.cookies["django_language"] = "es"
    response = client.get(URL, {"region": "US"})
    body = response.content.decode()
    assert '<html lang="es"' in body
    assert body.index('href="sms:988?&amp;body=AYUDA"') < body.index('href="sms:988"')


@pytest.mark.django_db
def test_it_only_answers_reads(client) -> None:
    assert client.post(URL).status_code == 405
    assert client.head(URL).status_code == 200


@pytest.mark.django_db
def test_a_signed_in_client_costs_few_queries(client_for, django_assert_max_num_queries):
    casey = client_for("casey")
    casey.get(URL)  # the first request caches the staff flag in the session
    # Session, user, memberships for the page, roles for the navigation, her safety plan.
    with django_assert_max_num_queries(5):
        assert casey.get(URL).status_code == 200
