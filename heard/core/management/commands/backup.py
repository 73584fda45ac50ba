"""`heard backup`: a consistent copy of the database, taken while Heard keeps running."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"
# Connection OPTIONS that libpq also reads from the environment.
PG_OPTION_ENV = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "passfile": "PGPASSFILE",
    "service": "PGSERVICE",
}


def database() -> tuple[str, dict[str, Any]]:
    """The default database's vendor ("sqlite" or "postgresql") and connection settings.
    During tests these name the test database."""
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor not in {"sqlite", "postgresql"}:
        raise CommandError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")
    return connection.vendor, connection.settings_dict


def sqlite_path(settings_dict: dict[str, Any]) -> Path:
    name = str(settings_dict["NAME"])
    if name == ":memory:" or name.startswith("file:"):
        raise CommandError(f"The SQLite database {name!r} is not a plain file; cannot back it up.")
    path = Path(name)
    if not path.is_file():
        raise CommandError(f"The database file {path} does not exist.")
    return path


def pg_tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise CommandError(f"{name} is not installed; install the PostgreSQL client tools.")
    return found


def pg_connection_args(settings_dict: dict[str, Any]) -> list[str]:
    """Where to connect; never the password (that goes in PGPASSWORD)."""
    args = ["--no-password"]
    if settings_dict.get("HOST"):
        args += ["--host", str(settings_dict["HOST"])]
    if settings_dict.get("PORT"):
        args += ["--port", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        args += ["--username", str(settings_dict["USER"])]
    return [*args, "--dbname", str(settings_dict["NAME"])]


def pg_env(settings_dict: dict[str, Any]) -> dict[str, str]:
    env = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    for option, variable in PG_OPTION_ENV.items():
        value = (settings_dict.get("OPTIONS") or {}).get(option)
        if value:
            env[variable] = str(value)
    return env


def run_pg_tool(argv: list[str], settings_dict: dict[str, Any]) -> None:
    completed = subprocess.run(  # noqa: S603 - fixed argv, no shell
        argv, env=pg_env(settings_dict), capture_output=True, text=True, check=False
    )
    if completed.returncode != 0:
        lines = [line for line in completed.stderr.strip().splitlines() if line.strip()]
        detail = lines[-1] if lines else "no error message"
        tool = Path(argv[0]).name
        raise CommandError(f"{tool} failed (exit code {completed.returncode}): {detail}")


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


def check_sqlite_file(path: Path) -> None:
    """Fail unless `path` is an intact SQLite database."""
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise CommandError(f"{path} is not a SQLite database.")
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True)) as db:
            result = db.execute("PRAGMA quick_check").fetchone()[0]
            has_migrations = db.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='django_migrations'"
            ).fetchone()
    except sqlite3.Error as exc:
        raise CommandError(f"{path} cannot be read as a SQLite database: {exc}") from exc
    if result != "ok":
        raise CommandError(f"{path} is damaged: {result}")
    if not has_migrations:
        raise CommandError(f"{path} is not a Heard database (it has no django_migrations table).")


def _create_private_file(path: Path) -> None:
    """Create an empty file only this user can read; refuse to overwrite anything."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise CommandError(f"{path} already exists; choose another --output.") from None
    os.close(fd)


def backup_sqlite(source: Path, output: Path) -> None:
    # One backup step copies every page inside one read transaction: a consistent snapshot,
    # and in WAL mode the running app keeps writing meanwhile.
    with (
        closing(sqlite3.connect(source, timeout=30)) as src,
        closing(sqlite3.connect(output)) as dst,
    ):
        src.backup(dst)
        # A backup is one self-contained file: no -wal/-shm next to it.
        dst.execute("PRAGMA journal_mode=DELETE")
    check_sqlite_file(output)


class Command(BaseCommand):
    help = (
        "Make a consistent backup of the database while Heard keeps running: SQLite through "
        "its online backup API to var/backups/heard-YYYYmmdd-HHMMSS.sqlite3, PostgreSQL with "
        "`pg_dump --format=custom` to var/backups/heard-YYYYmmdd-HHMMSS.dump. Never "
        "overwrites a file. Encryption keys are not in the backup: keep them separately."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output",
            type=Path,
            help="Where to write the backup (default: var/backups/heard-<UTC time>.<ext>).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        vendor, settings_dict = database()
        output: Path | None = options["output"]
        if output is None:
            stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
            suffix = "sqlite3" if vendor == "sqlite" else "dump"
            output = Path(settings.VAR_DIR) / "backups" / f"heard-{stamp}.{suffix}"
        if vendor == "sqlite":
            source = sqlite_path(settings_dict)
            self.stderr.write(f"Backing up {source} ({human_size(source.stat().st_size)})...")
        else:
            pg_dump = pg_tool("pg_dump")
            self.stderr.write(f"Backing up PostgreSQL database {settings_dict['NAME']!r}...")
        _create_private_file(output)
        try:
            if vendor == "sqlite":
                backup_sqlite(source, output)
            else:
                argv = [pg_dump, "--format=custom", "--file", str(output)]
                run_pg_tool([*argv, *pg_connection_args(settings_dict)], settings_dict)
        except (CommandError, sqlite3.Error, OSError) as exc:
            output.unlink(missing_ok=True)
            if isinstance(exc, CommandError):
                raise
            raise CommandError(f"Backup failed: {exc}") from exc
        self.stdout.write(
            f"Backed up to {output} ({human_size(output.stat().st_size)}). "
            "Keep the encryption keys separately: without them the encrypted text is unreadable."
        )
