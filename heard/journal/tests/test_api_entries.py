"""The journal API over HTTP: own entries (create, list, read, update, share), the care team's
shared entries, screening outcomes, and bad input refused with nothing stored."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from heard.api.api import api
from heard.journal import services
from heard.journal.models import JournalEntry, JournalRevision
from heard.journal.tests.conftest import NOTHING, finding
from heard.people import services as people
from heard.people.models import Category
from heard.safety.models import RiskAlert

pytestmark = pytest.mark.django_db

ENTRIES = "/api/v1/journal/entries"


def post(c: Client, data: dict[str, object]):
    return c.post(ENTRIES, data=json.dumps(data), content_type="application/json")


def patch(c: Client, entry_id: object, data: dict[str, object]):
    return c.patch(f"{ENTRIES}/{entry_id}", data=json.dumps(data), content_type="application/json")


def client_url(personas) -> str:
    return f"/api/v1/clients/{personas.casey.public_id}/journal/entries"


def test_every_route_is_documented_with_its_errors():
    paths = api.get_openapi_schema()["paths"]
    assert set(paths[ENTRIES]) == {"get", "post"}
    assert set(paths[ENTRIES + "/{entry_id}"]) == {"get", "patch"}
    assert "get" in paths["/api/v1/clients/{client_id}/journal/entries"]
    assert {201, 401, 404, 422} <= set(paths[ENTRIES]["post"]["responses"])
    assert {200, 401, 404, 422} <= set(paths[ENTRIES + "/{entry_id}"]["patch"]["responses"])


def test_visitors_get_401(personas):
    c = Client()
    assert c.get(ENTRIES).status_code == 401
    assert post(c, {"body": "x"}).status_code == 401
    assert c.get(client_url(personas)).status_code == 401


def test_writing_an_entry_returns_it_with_a_reflection(client_for):
    response = post(
        client_for("casey"),
        {"title": "Exam", "body": "I felt so anxious and on edge.", "prompt": "worry"},
    )
    assert response.status_code == 201
    data = response.json()
    assert data["entry"]["title"] == "Exam"
    assert data["entry"]["status"] == "saved"
    assert data["entry"]["prompt"] == "worry"
    assert data["crisis"] is False
    assert data["support_url"] is None
    assert data["reflection"]["automated"] is True
    assert "not a person" in data["reflection"]["label"]
    assert "anxious" in data["reflection"]["feelings"]
    assert data["reflection"]["offer"]["kind"] in ("skill", "prompt")


def test_a_crisis_entry_says_so_and_gives_no_reflection(client_for, screen_returns):
    screen_returns(finding())
    data = post(client_for("casey"), {"body": "I want to die"}).json()
    alert = RiskAlert.objects.get()
    assert data["crisis"] is True
    assert data["support_url"].endswith(f"/me/support/?saved=1&alert={alert.public_id}")
    assert data["reflection"] is None
    assert JournalEntry.objects.get().body == "I want to die"


def test_worry_about_someone_else_asks_for_the_helping_panel(client_for, screen_returns):
    screen_returns(finding("concern", crisis=False, about="someone_else"))
    data = post(client_for("casey"), {"body": "My friend wants to die"}).json()
    assert data["helping_someone"] is True
    assert data["crisis"] is False
    assert data["reflection"] is None


def test_a_one_megabyte_entry_is_refused_with_a_clear_message_and_nothing_stored(client_for):
    response = post(client_for("casey"), {"body": "x" * 1_000_000})
    assert response.status_code == 422
    (problem,) = response.json()["detail"]
    assert problem["loc"] == ["body", "body"]
    assert "too long" in problem["msg"]
    assert JournalEntry.objects.count() == 0
    assert JournalRevision.objects.count() == 0


def test_missing_text_and_unknown_prompts_are_refused(client_for):
    c = client_for("casey")
    assert post(c, {"body": "  "}).status_code == 422
    assert post(c, {"body": "x", "prompt": "nope"}).status_code == 422
    assert post(c, {}).status_code == 422
    assert post(c, {"body": "x", "draft": True, "shared": True}).status_code == 422
    assert JournalEntry.objects.count() == 0


def test_staff_have_no_journal(client_for):
    assert post(client_for("dana"), {"body": "x"}).status_code == 404
    assert client_for("dana").get(ENTRIES).status_code == 404
    assert JournalEntry.objects.count() == 0


def test_a_draft_and_a_shared_entry_in_one_go(personas, client_for, screen_returns):
    screen_returns(NOTHING)
    c = client_for("casey")
    draft = post(c, {"body": "half", "draft": True}).json()
    assert draft["entry"]["status"] == "draft"
    assert draft["entry"]["body"] == "half"
    assert draft["entry"]["has_draft"] is True
    shared = post(c, {"body": "for Dana", "shared": True}).json()
    assert shared["entry"]["shared"] is True
    assert "turned on" in shared["message"]
    listed = c.get(ENTRIES).json()
    assert [e["body"] for e in listed] == ["for Dana", "half"]


def test_reading_and_updating_own_entries(personas, client_for, screen_returns, write):
    screen_returns(NOTHING)
    saved = write(personas.casey, "First", title="Title")
    c = client_for("casey")
    assert c.get(f"{ENTRIES}/{saved.entry.public_id}").json()["body"] == "First"
    data = patch(c, saved.entry.public_id, {"body": "Second"}).json()
    assert data["entry"]["title"] == "Title"  # left out: kept
    assert data["entry"]["body"] == "Second"
    assert data["entry"]["revision"] == 2
    assert data["reflection"] is not None
    shared = patch(c, saved.entry.public_id, {"shared": True}).json()
    assert shared["entry"]["shared"] is True
    assert shared["reflection"] is None
    assert patch(c, saved.entry.public_id, {"shared": False}).json()["entry"]["shared"] is False
    assert JournalRevision.objects.count() == 2


def test_bad_updates_are_refused_and_nothing_stored(personas, client_for, screen_returns, write):
    screen_returns(NOTHING)
    saved = write(personas.casey, "Kept")
    c = client_for("casey")
    response = patch(c, saved.entry.public_id, {"body": "y" * 1_000_000})
    assert response.status_code == 422
    assert "too long" in response.json()["detail"][0]["msg"]
    draft = services.start_entry(personas.casey)
    assert patch(c, draft.public_id, {"shared": True}).status_code == 422
    assert JournalEntry.objects.get(pk=saved.entry.pk).body == "Kept"
    assert JournalRevision.objects.count() == 1


@pytest.mark.parametrize("who", ["cam", "dana", "eli"])
def test_nobody_else_reads_or_changes_an_entry(personas, client_for, screen_returns, write, who):
    screen_returns(NOTHING)
    saved = write(personas.casey, "Mine")
    c = client_for(who)
    assert c.get(f"{ENTRIES}/{saved.entry.public_id}").status_code == 404
    assert patch(c, saved.entry.public_id, {"body": "theirs"}).status_code == 404
    assert JournalEntry.objects.get().body == "Mine"


def test_the_care_team_lists_shared_entries_only(personas, client_for, screen_returns, write):
    screen_returns(NOTHING)
    write(personas.casey, "Private")
    shared = write(personas.casey, "Shared").entry
    services.share_entry(personas.casey, entry=shared)
    for who in ("dana", "sam", "casey"):
        data = client_for(who).get(client_url(personas)).json()
        assert [e["body"] for e in data] == ["Shared"], who
    assert client_for("eli").get(client_url(personas)).status_code == 404
    people.set_sharing(personas.casey, category=Category.JOURNAL, shared=False)
    assert client_for("dana").get(client_url(personas)).status_code == 404
