"""`heard restore PATH --yes`: put a backup made by `heard backup` back in place."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections

from heard.audit import services as audit
from heard.core.management.commands.backup import (
    PG_DUMP_MAGIC,
    check_sqlite_file,
    database,
    human_size,
    pg_connection_args,
    pg_tool,
    run_pg_tool,
    sqlite_path,
)
from heard.core.management.commands.serve import unapplied_migrations


def restore_sqlite(backup: Path, target: Path) -> None:
    # The backup API writes into the live file page by page under SQLite's own locks, so
    # processes that still have it open see the restored data instead of a swapped inode.
    uri = f"{backup.resolve().as_uri()}?mode=ro"
    with (
        closing(sqlite3.connect(uri, uri=True)) as src,
        closing(sqlite3.connect(target, timeout=30)) as dst,
    ):
        src.backup(dst)


class Command(BaseCommand):
    help = (
        "Replace the whole database with a backup made by `heard backup`: SQLite through its "
        "backup API into the live database file, PostgreSQL with `pg_restore --clean "
        "--if-exists --no-owner` in one transaction. Every current row is lost. Refuses to run "
        "without --yes. Stop `heard serve` and `heard worker` first if you can."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="A .sqlite3 or .dump file from `heard backup`.")
        parser.add_argument(
            "--yes",
            action="store_true",
            help="Really overwrite the current database with the backup.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        backup: Path = options["path"]
        if not backup.is_file():
            raise CommandError(f"{backup} does not exist.")
        vendor, settings_dict = database()
        if vendor == "sqlite":
            target = sqlite_path(settings_dict)
            check_sqlite_file(backup)
            where = f"the SQLite database {target}"
        else:
            pg_restore = pg_tool("pg_restore")
            with backup.open("rb") as handle:
                if handle.read(len(PG_DUMP_MAGIC)) != PG_DUMP_MAGIC:
                    raise CommandError(f"{backup} is not a pg_dump custom-format file.")
            where = f"the PostgreSQL database {settings_dict['NAME']!r}"
        if not options["yes"]:
            raise CommandError(
                f"This replaces everything in {where} with {backup}; run again with --yes."
            )
        self.stderr.write(
            f"Restoring {backup} ({human_size(backup.stat().st_size)}) into {where}..."
        )
        # Our own connections must not hold locks or cached pages across the swap.
        connections.close_all()
        if vendor == "sqlite":
            try:
                restore_sqlite(backup, target)
            except sqlite3.Error as exc:
                raise CommandError(f"Restore failed: {exc}") from exc
        else:
            argv = [
                pg_restore,
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "--exit-on-error",
            ]
            run_pg_tool([*argv, *pg_connection_args(settings_dict), str(backup)], settings_dict)
        connections.close_all()
        pending = unapplied_migrations()
        if pending:
            self.stderr.write(
                f"The backup is from an older version: run `heard migrate` ({pending} to apply)."
            )
        else:
            audit.record(None, "system:restore", extra={"backup": backup.name})
        self.stdout.write(f"Restored {where} from {backup}.")
