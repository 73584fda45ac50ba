"""The care team's pages: the entries a client shares, and nothing else, audited."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from heard.audit.models import AuditEvent
from heard.journal import services
from heard.journal.tests.conftest import NOTHING
from heard.people import services as people
from heard.people.models import Category

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries(personas, screen_returns, write):
    screen_returns(NOTHING)
    private = write(personas.casey, "My private words.", title="Private").entry
    older = write(personas.casey, "Shared first.", title="Older share").entry
    newer = write(personas.casey, "Shared second.", title="Newer share").entry
    services.share_entry(personas.casey, entry=older)
    services.share_entry(personas.casey, entry=newer)
    return private, older, newer


def list_url(personas) -> str:
    return reverse("journal:client_entries", args=[personas.casey.public_id])


def entry_url(personas, entry) -> str:
    return reverse("journal:client_entry", args=[personas.casey.public_id, entry.public_id])


def test_the_addresses(personas):
    assert list_url(personas) == f"/care/clients/{personas.casey.public_id}/journal/"


@pytest.mark.parametrize("who", ["dana", "sam"])
def test_the_care_team_sees_only_shared_entries_newest_first(personas, client_for, entries, who):
    private, older, _newer = entries
    body = client_for(who).get(list_url(personas)).content.decode()
    assert "chose to share these entries" in body
    assert body.index("Newer share") < body.index("Older share")
    assert "Private" not in body
    assert "My private words." not in body
    assert AuditEvent.objects.filter(action="journal:list", outcome="success").count() == 1
    one = client_for(who).get(entry_url(personas, older)).content.decode()
    assert "Shared first." in one
    assert "Shared by Casey" in one
    assert client_for(who).get(entry_url(personas, private)).status_code == 404


def test_the_list_runs_a_fixed_number_of_queries(
    personas, client_for, entries, django_assert_max_num_queries
):
    c = client_for("dana")
    with django_assert_max_num_queries(25):
        assert c.get(list_url(personas)).status_code == 200


@pytest.mark.parametrize("who", ["eli", "cam", "fay", "olive"])
def test_anyone_else_gets_404(personas, client_for, entries, who):
    _private, older, _newer = entries
    assert client_for(who).get(list_url(personas)).status_code == 404
    assert client_for(who).get(entry_url(personas, older)).status_code == 404


def test_casey_can_see_exactly_what_her_team_sees(personas, client_for, entries):
    private, _older, _newer = entries
    body = client_for("casey").get(list_url(personas)).content.decode()
    assert "Newer share" in body
    assert "Private" not in body
    assert client_for("casey").get(entry_url(personas, private)).status_code == 404


def test_visitors_are_asked_to_sign_in(personas, entries):
    assert Client().get(list_url(personas)).status_code == 302


def test_turning_journal_sharing_off_hides_every_shared_entry(personas, client_for, entries):
    _private, older, _newer = entries
    people.set_sharing(personas.casey, category=Category.JOURNAL, shared=False)
    dana = client_for("dana")
    assert dana.get(list_url(personas)).status_code == 404
    assert dana.get(entry_url(personas, older)).status_code == 404


def test_an_edit_of_a_shared_entry_shows_the_new_saved_text_never_a_draft(
    personas, client_for, entries
):
    _private, older, _newer = entries
    services.autosave_draft(personas.casey, entry=older, title="", body="half-typed draft")
    body = client_for("dana").get(entry_url(personas, older)).content.decode()
    assert "Shared first." in body
    assert "half-typed" not in body
    services.save_entry(personas.casey, entry=older, title="Older share", body="Changed.")
    assert "Changed." in client_for("dana").get(entry_url(personas, older)).content.decode()
