"""`heard keys generate` and `heard keys rotate`."""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from pytest_django.fixtures import Settings

from heard.audit.models import AuditEvent
from heard.core import crypto

KEY_OLD = "old:" + base64.b64encode(b"O" * 32).decode()
KEY_NEW = "new:" + base64.b64encode(b"N" * 32).decode()
KEY_GONE = "gone:" + base64.b64encode(b"G" * 32).decode()


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("keys", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def raw_body(pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM encfield_encnote WHERE id = %s", [pk])
        return str(cursor.fetchone()[0])


def test_generate_prints_one_new_key_line() -> None:
    out, err = run("generate")
    line = out.strip()
    assert re.fullmatch(r"k[0-9a-f]{8}:[A-Za-z0-9+/]{43}=", line)
    assert crypto.parse_key_spec(line).keys[line.split(":")[0]] != b"\0" * 32
    assert "keys rotate" in err
    assert run("generate")[0].strip() != line


def test_generate_takes_a_key_id() -> None:
    out, _ = run("generate", "--key-id", "2026-11")
    assert crypto.parse_key_spec(out.strip()).primary_id == "2026-11"


def test_generate_rejects_a_key_id_that_breaks_the_format() -> None:
    with pytest.raises(CommandError, match="key id"):
        run("generate", "--key-id", "a:b")


def test_keys_needs_an_action() -> None:
    with pytest.raises(CommandError):
        call_command("keys")


def test_rotate_with_nothing_encrypted_reports_zero(db: None) -> None:
    out, _ = run("rotate")
    assert out.startswith("Re-encrypted 0 values in 0 columns; 0 already current")


def test_rotate_explains_a_missing_key_in_one_line(
    db: None, settings: Settings, tmp_path: Path
) -> None:
    settings.HEARD_ENCRYPTION_KEYS = ""
    settings.VAR_DIR = tmp_path
    crypto.reset_keyring()
    try:
        with pytest.raises(CommandError, match="No encryption key is configured"):
            run("rotate")
    finally:
        crypto.reset_keyring()


def test_rotate_dry_run_changes_nothing(EncNote: Any, use_keys: Callable[..., None]) -> None:
    use_keys(KEY_OLD)
    note = EncNote.objects.create(body="first session notes")
    before = raw_body(note.pk)
    use_keys(KEY_NEW, KEY_OLD)
    out, _ = run("rotate", "--dry-run")
    assert out.startswith("Dry run: would re-encrypt 1 values in 1 columns; 0 already current")
    assert raw_body(note.pk) == before
    assert not AuditEvent.objects.filter(action="keys:rotate").exists()


def test_rotate_records_an_audit_event_and_shows_progress(
    EncNote: Any, use_keys: Callable[..., None]
) -> None:
    use_keys(KEY_OLD)
    for i in range(5):
        EncNote.objects.create(body=f"note {i}")
    use_keys(KEY_NEW, KEY_OLD)
    out, err = run("rotate", "--batch-size", "2")
    assert "Re-encrypted 5 values in 1 columns; 0 already current" in out
    assert "encfield.encnote.body: 2/5 re-encrypted" in err
    assert "encfield.encnote.body: 5/5 re-encrypted" in err
    event = AuditEvent.objects.get(action="keys:rotate")
    assert event.extra == {
        "primary_key_id": "new",
        "values": 5,
        "columns": ["encfield.encnote.body"],
    }


def test_rotate_encrypts_values_that_were_stored_unencrypted(
    EncNote: Any, use_keys: Callable[..., None]
) -> None:
    use_keys(KEY_NEW)
    note = EncNote.objects.create(body="x")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE encfield_encnote SET body = %s WHERE id = %s", ["legacy", note.pk])
    out, _ = run("rotate")
    assert "Re-encrypted 1 values in 1 columns; 0 already current (1 had been stored" in out
    assert crypto.key_id_of(raw_body(note.pk)) == "new"
    assert EncNote.objects.get(pk=note.pk).body == "legacy"


def test_rotate_reports_values_it_cannot_decrypt_and_leaves_them(
    EncNote: Any, use_keys: Callable[..., None]
) -> None:
    use_keys(KEY_GONE)
    lost = EncNote.objects.create(body="under a key nobody has any more")
    use_keys(KEY_OLD)
    kept = EncNote.objects.create(body="fine")
    use_keys(KEY_NEW, KEY_OLD)
    lost_raw = raw_body(lost.pk)
    err = StringIO()
    with pytest.raises(CommandError, match="1 values could not be decrypted"):
        call_command("keys", "rotate", stdout=StringIO(), stderr=err)
    assert (
        f"encfield.encnote.body pk={lost.pk}: key 'gone' is not in the key ring" in err.getvalue()
    )
    assert raw_body(lost.pk) == lost_raw
    assert crypto.key_id_of(raw_body(kept.pk)) == "new"
