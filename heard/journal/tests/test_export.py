"""Exports of one's own journal: CSV with formulas neutralised, JSON, audited."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.test import Client

from heard.audit.models import AuditEvent
from heard.core.csvsafe import csv_safe, write_csv
from heard.journal import services
from heard.journal.tests.conftest import NOTHING

pytestmark = pytest.mark.django_db

CSV = "/me/journal/export.csv"
JSON = "/me/journal/export.json"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("plain", "plain"),
        ("", ""),
        (None, ""),
        (3, "3"),
    ],
)
def test_csv_safe_neutralises_formulas(value, expected):
    assert csv_safe(value) == expected


def test_write_csv_neutralises_every_cell_and_the_header():
    text = write_csv(["-h", "b"], [["=1+1", "ok"]])
    assert list(csv.reader(io.StringIO(text))) == [["'-h", "b"], ["'=1+1", "ok"]]


def test_the_csv_export_is_an_audited_attachment_with_formulas_neutralised(
    personas, client_for, screen_returns, write
):
    screen_returns(NOTHING)
    saved = write(personas.casey, "=cmd|' /C calc'!A0", title="@title", prompt="values")
    services.share_entry(personas.casey, entry=saved.entry)
    draft = services.start_entry(personas.casey)
    services.autosave_draft(personas.casey, entry=draft, title="", body="Unsaved words")
    response = client_for("casey").get(CSV)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="my-journal.csv"'
    assert response["Cache-Control"] == "no-store"
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [r["body"] for r in rows] == ["Unsaved words", "'=cmd|' /C calc'!A0"]
    assert rows[1]["title"] == "'@title"
    assert rows[1]["prompt"] == "values"
    assert rows[1]["shared"] == "yes"
    assert rows[1]["id"] == str(saved.entry.public_id)
    assert rows[0]["status"] == "draft"
    assert rows[0]["saved"] == ""
    assert AuditEvent.objects.get(action="journal:export").extra == {"format": "csv", "count": 2}


def test_the_json_export_holds_every_entry(personas, client_for, screen_returns, write):
    screen_returns(NOTHING)
    saved = write(personas.casey, "Mañana", title="Hoy")
    response = client_for("casey").get(JSON)
    assert response["Content-Disposition"] == 'attachment; filename="my-journal.json"'
    data = json.loads(response.content)
    (entry,) = data["entries"]
    assert entry["id"] == str(saved.entry.public_id)
    assert (entry["title"], entry["body"], entry["shared"]) == ("Hoy", "Mañana", False)
    assert entry["saved"] is not None


def test_nobody_exports_someone_elses_journal(personas, client_for, screen_returns, write):
    screen_returns(NOTHING)
    write(personas.casey, "Casey's words")
    assert "Casey's words" not in client_for("cam").get(CSV).content.decode()
    assert client_for("dana").get(CSV).status_code == 404
    assert Client().get(JSON).status_code == 302
