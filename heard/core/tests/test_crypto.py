"""Encryption at rest: the key ring, the field, what reaches the disk, and key rotation."""

from __future__ import annotations

import base64
from collections.abc import Callable
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection

from heard.core import crypto
from heard.core.tests.encfield_app.testing import enc_note_model

KEY_A = "a:" + base64.b64encode(b"A" * 32).decode()
KEY_B = "b:" + base64.b64encode(b"B" * 32).decode()


def raw_column(model: Any, column: str, pk: int) -> str:
    """The column exactly as stored, read past the field."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {model._meta.db_table} WHERE id = %s", [pk])  # noqa: S608
        return str(cursor.fetchone()[0])


# --- The key ring ------------------------------------------------------------------------------


def test_it_round_trips_text_through_encryption() -> None:
    ring = crypto.parse_key_spec(KEY_A)
    stored = ring.encrypt("I slept badly again — ça va 🌧", "app.model.field")
    assert stored.startswith("enc:v1:a:")
    assert "slept" not in stored
    assert ring.decrypt(stored, "app.model.field") == "I slept badly again — ça va 🌧"


def test_it_uses_a_fresh_nonce_each_time() -> None:
    ring = crypto.parse_key_spec(KEY_A)
    assert ring.encrypt("same", "x.y.z") != ring.encrypt("same", "x.y.z")


def test_it_encrypts_with_the_first_key_and_decrypts_with_any() -> None:
    old = crypto.parse_key_spec(KEY_B)
    both = crypto.parse_key_spec(f"{KEY_A},{KEY_B}")
    assert both.primary_id == "a"
    assert both.decrypt(old.encrypt("hello", "x.y.z"), "x.y.z") == "hello"


def test_it_refuses_a_value_under_an_unknown_key_id() -> None:
    stored = crypto.parse_key_spec(KEY_B).encrypt("hello", "x.y.z")
    with pytest.raises(crypto.DecryptionError, match="no key with id 'b'"):
        crypto.parse_key_spec(KEY_A).decrypt(stored, "x.y.z")


def test_it_refuses_a_value_under_the_wrong_key_with_the_same_id() -> None:
    impostor = "b:" + base64.b64encode(b"C" * 32).decode()
    stored = crypto.parse_key_spec(KEY_B).encrypt("hello", "x.y.z")
    with pytest.raises(crypto.DecryptionError, match="failed authentication"):
        crypto.parse_key_spec(impostor).decrypt(stored, "x.y.z")


def test_it_detects_tampered_ciphertext() -> None:
    ring = crypto.parse_key_spec(KEY_A)
    stored = ring.encrypt("hello", "x.y.z")
    prefix, blob = stored.rsplit(":", 1)
    raw = bytearray(base64.b64decode(blob))
    raw[-1] ^= 0x01
    with pytest.raises(crypto.DecryptionError):
        ring.decrypt(f"{prefix}:{base64.b64encode(bytes(raw)).decode()}", "x.y.z")
    with pytest.raises(crypto.DecryptionError):
        ring.decrypt(stored[:-4], "x.y.z")
    with pytest.raises(crypto.DecryptionError, match="not in the encrypted format"):
        ring.decrypt("hello", "x.y.z")


def test_it_binds_a_value_to_its_column() -> None:
    ring = crypto.parse_key_spec(KEY_A)
    stored = ring.encrypt("hello", "people.note.body")
    with pytest.raises(crypto.DecryptionError):
        ring.decrypt(stored, "people.note.summary")


def test_it_reads_the_key_id_of_a_stored_value() -> None:
    assert crypto.key_id_of(crypto.parse_key_spec(KEY_A).encrypt("x", "a.b.c")) == "a"
    assert crypto.key_id_of("plain text") is None


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("", "No encryption key is configured"),
        ("# only a comment\n", "No encryption key is configured"),
        ("nocolon", "must look like 'keyid:base64key'"),
        (":" + base64.b64encode(b"A" * 32).decode(), "must look like 'keyid:base64key'"),
        ("a:not base64!", "is not valid base64"),
        ("a:" + base64.b64encode(b"short").decode(), "must be 32 bytes"),
        (f"{KEY_A},{KEY_A}", "appears twice"),
    ],
)
def test_it_rejects_bad_key_specs(spec: str, message: str) -> None:
    with pytest.raises(ImproperlyConfigured, match=message):
        crypto.parse_key_spec(spec)


def test_it_accepts_keys_on_separate_lines_with_comments() -> None:
    ring = crypto.parse_key_spec(f"# rotated 2026-01\n{KEY_A}\n\n{KEY_B}\n")
    assert ring.primary_id == "a"
    assert set(ring.keys) == {"a", "b"}


def test_generated_key_lines_parse() -> None:
    line = crypto.new_key_line("fresh")
    assert crypto.parse_key_spec(line).primary_id == "fresh"


# --- The field ---------------------------------------------------------------------------------


def test_the_field_stores_ciphertext_and_returns_plaintext(EncNote: Any) -> None:
    note = EncNote.objects.create(label="n", body="Felt hopeful today", summary="")
    stored = raw_column(EncNote, "body", note.pk)
    assert stored.startswith(f"enc:v1:{crypto.keyring().primary_id}:")
    assert "hopeful" not in stored
    assert raw_column(EncNote, "summary", note.pk) == ""
    assert EncNote.objects.get(pk=note.pk).body == "Felt hopeful today"


def test_a_value_copied_to_another_column_does_not_decrypt(EncNote: Any) -> None:
    note = EncNote.objects.create(label="n", body="private words")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE encfield_encnote SET summary = body WHERE id = %s", [note.pk])
    with pytest.raises(crypto.DecryptionError):
        EncNote.objects.get(pk=note.pk)


@pytest.mark.django_db(transaction=True)
def test_plaintext_never_reaches_the_database_file() -> None:
    EncNote: Any = enc_note_model()
    secret = "zebra-orchid-7741 keeps having panic attacks at night"
    note = EncNote.objects.create(label="disk", body=secret)
    stored = raw_column(EncNote, "body", note.pk)
    assert EncNote.objects.get(pk=note.pk).body == secret
    if connection.vendor == "sqlite":
        # Committed rows live in the database file or its write-ahead log: read both raw.
        path = Path(connection.settings_dict["NAME"])
        wal = Path(f"{path}-wal")
        on_disk = path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
        assert stored.encode() in on_disk  # we are reading the file that holds the row
        assert secret.encode() not in on_disk
        assert b"zebra-orchid" not in on_disk
    else:
        assert stored.startswith("enc:v1:")
        assert "zebra-orchid" not in stored


# --- Rotation ----------------------------------------------------------------------------------


def test_rotate_re_encrypts_every_value_under_the_new_key(
    EncNote: Any, use_keys: Callable[..., None]
) -> None:
    use_keys(KEY_B)
    notes = [
        EncNote.objects.create(label=str(i), body=f"note {i}", summary=f"sum {i}" if i % 2 else "")
        for i in range(7)
    ]
    use_keys(KEY_A, KEY_B)

    out = StringIO()
    call_command("keys", "rotate", "--dry-run", stdout=out, stderr=StringIO())
    assert "Dry run: would re-encrypt 10 values in 2 columns; 0 already current" in out.getvalue()
    assert {crypto.key_id_of(raw_column(EncNote, "body", n.pk)) for n in notes} == {"b"}

    out = StringIO()
    call_command("keys", "rotate", "--batch-size", "3", stdout=out, stderr=StringIO())
    assert "Re-encrypted 10 values in 2 columns; 0 already current" in out.getvalue()
    for note in notes:
        assert crypto.key_id_of(raw_column(EncNote, "body", note.pk)) == "a"
        fresh = EncNote.objects.get(pk=note.pk)
        assert fresh.body == note.body
        assert fresh.summary == note.summary
    assert raw_column(EncNote, "summary", notes[0].pk) == ""

    # The old key can now be retired.
    use_keys(KEY_A)
    assert [n.body for n in EncNote.objects.order_by("pk")] == [n.body for n in notes]
    out = StringIO()
    call_command("keys", "rotate", stdout=out, stderr=StringIO())
    assert "Re-encrypted 0 values in 0 columns; 10 already current" in out.getvalue()
