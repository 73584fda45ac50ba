"""The session note API over HTTP: write, read, change a draft, sign, addenda; who may."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from heard.api.api import api
from heard.notes.models import NoteAddendum, NoteKind, NoteStatus, SessionNote

pytestmark = pytest.mark.django_db


def send(c: Client, method: str, url: str, data: dict[str, object] | None = None):
    return c.generic(method, url, data=json.dumps(data or {}), content_type="application/json")


def notes_url(personas) -> str:
    return f"/api/v1/clients/{personas.casey.public_id}/notes"


def note_url(note, tail: str = "") -> str:
    return f"/api/v1/notes/{note.public_id}{tail}"


def test_every_route_is_documented_with_its_errors():
    paths = api.get_openapi_schema()["paths"]
    assert set(paths["/api/v1/clients/{client_id}/notes"]) == {"post"}
    assert set(paths["/api/v1/notes/{note_id}"]) == {"get", "patch"}
    post = paths["/api/v1/notes/{note_id}/sign"]["post"]
    assert {200, 401, 404, 409, 422} <= set(post["responses"])


def test_dana_writes_changes_signs_and_adds_to_a_note(personas, client_for):
    c = client_for("dana")
    made = send(c, "POST", notes_url(personas), {"template": "dap", "fields": {"data": "Calm."}})
    assert made.status_code == 201
    note = SessionNote.objects.get()
    assert made.json()["fields"] == {"data": "Calm.", "assessment": "", "plan": ""}
    changed = send(c, "PATCH", note_url(note), {"base_revision": 1, "fields": {"plan": "Walk."}})
    assert changed.json()["revision"] == 2
    stale = send(c, "PATCH", note_url(note), {"base_revision": 1, "fields": {"plan": "Old."}})
    assert stale.status_code == 409
    signed = send(c, "POST", note_url(note, "/sign"))
    assert signed.json()["status"] == NoteStatus.SIGNED
    locked = send(c, "PATCH", note_url(note), {"base_revision": 2, "fields": {"plan": "New."}})
    assert locked.status_code == 409
    assert send(c, "POST", note_url(note, "/sign")).status_code == 409
    added = send(c, "POST", note_url(note, "/addenda"), {"text": "Later thought."})
    assert added.status_code == 201
    assert [a["text"] for a in added.json()["addenda"]] == ["Later thought."]
    assert send(c, "GET", note_url(note)).json()["fields"]["plan"] == "Walk."


def test_bad_input_is_refused_with_nothing_stored(personas, client_for, note_by):
    c = client_for("dana")
    bad = send(c, "POST", notes_url(personas), {"template": "nope"})
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"] == ["body", "template"]
    assert not SessionNote.objects.exists()
    note = note_by()
    too_long = {"base_revision": 1, "fields": {"subjective": "x" * 10_001}}
    assert send(c, "PATCH", note_url(note), too_long).status_code == 422
    empty = note_by(template="free", text="")
    assert send(c, "POST", note_url(empty, "/sign")).status_code == 422
    assert send(c, "POST", note_url(note, "/addenda"), {"text": "Draft."}).status_code == 409
    assert (
        send(c, "POST", note_url(note_by(signed=True), "/addenda"), {"text": " "}).status_code
        == 422
    )
    assert not NoteAddendum.objects.exists()


def test_sam_reads_progress_notes_but_writes_none_and_never_sees_psychotherapy_notes(
    personas, client_for, note_by
):
    signed = note_by(signed=True)
    private = note_by(kind=NoteKind.PSYCHOTHERAPY, signed=True)
    sam = client_for("sam")
    assert send(sam, "GET", note_url(signed)).status_code == 200
    assert send(sam, "GET", note_url(private)).status_code == 404
    assert send(sam, "POST", notes_url(personas), {"template": "free"}).status_code == 404
    assert send(sam, "POST", note_url(signed, "/addenda"), {"text": "x"}).status_code == 409


@pytest.mark.parametrize("who", ["eli", "casey", "olive"])
def test_anyone_off_the_care_team_gets_404(personas, client_for, note_by, who):
    note = note_by(signed=True)
    c = client_for(who)
    assert send(c, "GET", note_url(note)).status_code == 404
    assert send(c, "POST", notes_url(personas), {"template": "free"}).status_code == 404
    assert send(c, "POST", note_url(note, "/addenda"), {"text": "x"}).status_code == 404


def test_visitors_get_401(personas, note_by):
    note = note_by()
    assert send(Client(), "GET", note_url(note)).status_code == 401
    assert send(Client(), "POST", notes_url(personas), {"template": "free"}).status_code == 401
