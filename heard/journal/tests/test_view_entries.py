"""The journal list (with search), the "New entry" page and the exports, as pages."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from heard.journal import services
from heard.journal.models import JournalEntry
from heard.journal.tests.conftest import NOTHING

pytestmark = pytest.mark.django_db

LIST = "/me/journal/"
NEW = "/me/journal/new/"


def test_the_addresses():
    assert reverse("journal:entries") == LIST
    assert reverse("journal:new") == NEW
    assert reverse("journal:export_csv") == "/me/journal/export.csv"
    assert reverse("journal:export_json") == "/me/journal/export.json"


@pytest.mark.parametrize("url", [LIST, NEW, "/me/journal/export.csv", "/me/journal/export.json"])
def test_visitors_are_asked_to_sign_in(url):
    response = Client().get(url)
    assert response.status_code == 302
    assert "/login" in response["Location"] or "/accounts/" in response["Location"]


@pytest.mark.parametrize("who", ["dana", "eli", "olive", "fay"])
@pytest.mark.parametrize("url", [LIST, NEW, "/me/journal/export.csv"])
def test_staff_have_no_journal(client_for, who, url):
    assert client_for(who).get(url).status_code == 404


def test_an_empty_journal_invites_a_first_entry(client_for):
    page = client_for("casey").get(LIST).content.decode()
    assert "Your journal" in page
    assert "You haven't written anything yet." in page
    assert f'href="{NEW}"' in page
    assert 'type="search"' in page


def test_the_list_shows_entries_newest_first_with_drafts_and_shares(
    personas, client_for, screen_returns, write
):
    screen_returns(NOTHING)
    older = write(personas.casey, "The older entry.", title="Older")
    services.share_entry(personas.casey, entry=older.entry)
    draft = services.start_entry(personas.casey)
    services.autosave_draft(personas.casey, entry=draft, title="", body="Half a thought")
    page = client_for("casey").get(LIST).content.decode()
    assert page.index("Half a thought") < page.index("Older")
    assert "Untitled entry" in page
    assert "Draft" in page
    assert "Shared with your care team" in page
    assert reverse("journal:entry_edit", args=[draft.public_id]) in page
    assert reverse("journal:entry_detail", args=[older.entry.public_id]) in page


def test_the_list_runs_a_fixed_number_of_queries(
    personas, client_for, screen_returns, write, django_assert_max_num_queries
):
    screen_returns(NOTHING)
    for i in range(6):
        write(personas.casey, f"Entry {i}")
    c = client_for("casey")
    with django_assert_max_num_queries(12):
        assert c.get(LIST).status_code == 200
    with django_assert_max_num_queries(12):
        assert c.get(LIST, {"q": "entry"}).status_code == 200


def test_search_finds_accented_words_and_says_how_many(personas, client_for, screen_returns, write):
    screen_returns(NOTHING)
    write(personas.casey, "Hoy sentí el CORAZÓN tranquilo.", title="Hoy")
    write(personas.casey, "Nothing to see.")
    page = client_for("casey").get(LIST, {"q": "corazon"}).content.decode()
    assert "1 entry found" in page
    assert "Hoy sentí el CORAZÓN tranquilo." in page
    assert "Nothing to see." not in page
    none = client_for("casey").get(LIST, {"q": "zebra"}).content.decode()
    assert "0 entries found" in none
    assert "Nothing matched." in none


def test_a_new_entry_starts_from_a_prompt_or_a_blank_page(personas, client_for):
    c = client_for("casey")
    page = c.get(NEW, {"prompt": "kinder_voice"}).content.decode()
    for words in ("Gratitude", "What I need", "A worry put into words", "A kinder voice"):
        assert words in page
    assert "A blank page" in page
    assert 'value="kinder_voice" checked' in page
    response = c.post(NEW, {"prompt": "worry"})
    entry = JournalEntry.objects.get()
    assert entry.prompt == "worry"
    assert response["Location"] == reverse("journal:entry_edit", args=[entry.public_id])
    c.post(NEW, {"prompt": ""})
    assert JournalEntry.objects.filter(prompt="").count() == 1


def test_an_unknown_prompt_is_not_started(client_for):
    response = client_for("casey").post(NEW, {"prompt": "nonsense"})
    assert response.status_code == 200
    assert JournalEntry.objects.count() == 0
