"""`heard backup` and `heard restore`: a round trip on whichever database the suite uses."""

from __future__ import annotations

import re
import shutil
import stat
from contextlib import closing
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from pytest_django.fixtures import Settings

from heard.accounts import services as accounts
from heard.accounts.models import Organization
from heard.audit import services as audit
from heard.audit.models import AuditEvent


@pytest.fixture
def dump_tools() -> None:
    """PostgreSQL needs pg_dump and pg_restore; SQLite needs nothing."""
    if connection.vendor == "postgresql" and not (
        shutil.which("pg_dump") and shutil.which("pg_restore")
    ):
        pytest.skip("pg_dump/pg_restore are not on PATH")


def backup(*args: str) -> str:
    out = StringIO()
    call_command("backup", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def restore(*args: str) -> str:
    out = StringIO()
    call_command("restore", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def org_names() -> set[str]:
    return set(Organization.objects.values_list("name", flat=True))


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_the_data_as_it_was(dump_tools: None, tmp_path: Path) -> None:
    accounts.create_organization(None, name="Kept Clinic")
    path = tmp_path / "heard.bak"

    out = backup("--output", str(path))
    assert f"Backed up to {path}" in out
    assert stat.S_IMODE(path.stat().st_mode) == 0o600

    accounts.create_organization(None, name="Made After The Backup")
    Organization.objects.filter(name="Kept Clinic").update(name="Renamed After The Backup")
    assert org_names() == {"Renamed After The Backup", "Made After The Backup"}

    out = restore(str(path), "--yes")
    assert "Restored" in out
    assert org_names() == {"Kept Clinic"}
    # The trail is whole again, and says that a restore happened.
    last = AuditEvent.objects.order_by("seq").last()
    assert last is not None
    assert last.action == "system:restore"
    assert audit.verify_chain()[1] == []


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_without_yes_and_says_what_it_would_overwrite(
    dump_tools: None, tmp_path: Path
) -> None:
    accounts.create_organization(None, name="Kept Clinic")
    path = tmp_path / "heard.bak"
    backup("--output", str(path))
    accounts.create_organization(None, name="Still Here")

    with pytest.raises(CommandError, match=r"This replaces everything in the .* database") as info:
        restore(str(path))
    assert str(connection.settings_dict["NAME"]) in str(info.value)
    assert "--yes" in str(info.value)
    assert org_names() == {"Kept Clinic", "Still Here"}


@pytest.mark.django_db(transaction=True)
def test_backup_writes_to_var_backups_by_default(
    dump_tools: None, settings: Settings, tmp_path: Path
) -> None:
    settings.VAR_DIR = tmp_path
    out = backup()
    [made] = (tmp_path / "backups").iterdir()
    suffix = "sqlite3" if connection.vendor == "sqlite" else "dump"
    assert re.fullmatch(rf"heard-\d{{8}}-\d{{6}}\.{suffix}", made.name)
    assert str(made) in out


@pytest.mark.django_db(transaction=True)
def test_backup_never_overwrites_a_file(dump_tools: None, tmp_path: Path) -> None:
    path = tmp_path / "exists.bak"
    path.write_text("precious")
    with pytest.raises(CommandError, match="already exists"):
        backup("--output", str(path))
    assert path.read_text() == "precious"


@pytest.mark.django_db(transaction=True)
def test_restore_rejects_a_file_that_is_not_a_backup(dump_tools: None, tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a database")
    with pytest.raises(CommandError, match="is not a"):
        restore(str(path), "--yes")


@pytest.mark.django_db(transaction=True)
def test_restore_rejects_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="does not exist"):
        restore(str(tmp_path / "nope.sqlite3"), "--yes")


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite backups only")
@pytest.mark.django_db(transaction=True)
def test_a_sqlite_backup_is_one_self_contained_file(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "heard.sqlite3"
    backup("--output", str(path))
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert db.execute("SELECT count(*) FROM django_migrations").fetchone()[0] > 0
    assert not Path(f"{path}-wal").exists()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite backups only")
@pytest.mark.django_db(transaction=True)
def test_restore_rejects_a_sqlite_file_that_is_not_heard(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "other.sqlite3"
    with closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE t (x)")
    with pytest.raises(CommandError, match="not a Heard database"):
        restore(str(path), "--yes")
