"""`heard serve`: the web app alone, for production behind a reverse proxy."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor

WSGI_TARGET = "heard.wsgi:application"


def port_number(value: str) -> int:
    """argparse type: a TCP port, 1-65535."""
    try:
        port = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port number") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not between 1 and 65535")
    return port


def positive(value: str) -> int:
    """argparse type: a whole number of at least 1."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{number} must be at least 1")
    return number


def granian_argv(*, host: str, port: int, workers: int, threads: int) -> list[str]:
    """The granian command line that serves Heard over WSGI."""
    return [
        sys.executable,
        "-m",
        "granian",
        "--interface",
        "wsgi",
        "--host",
        host,
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--blocking-threads",
        str(threads),
        WSGI_TARGET,
    ]


def unapplied_migrations() -> int:
    connection = connections[DEFAULT_DB_ALIAS]
    executor = MigrationExecutor(connection)
    return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))


class Command(BaseCommand):
    help = (
        "Serve the Heard web app with granian (WSGI) for production behind a reverse proxy: "
        "replaces this process with `granian --interface wsgi heard.wsgi:application`. "
        "Static files are served by WhiteNoise inside Django. Does not run migrations or the "
        "background worker (run `heard migrate` and `heard worker` separately)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--host", default="127.0.0.1", help="Address to bind (default: %(default)s)."
        )
        parser.add_argument(
            "--port", type=port_number, default=8000, help="Port to bind (default: %(default)s)."
        )
        parser.add_argument(
            "--workers", type=positive, default=2, help="Worker processes (default: %(default)s)."
        )
        parser.add_argument(
            "--threads",
            type=positive,
            default=2,
            help="Request threads per worker process (default: %(default)s).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            pending = unapplied_migrations()
        except DatabaseError as exc:
            raise CommandError(f"Cannot reach the database: {exc}".strip()) from exc
        if pending:
            self.stderr.write(
                f"Warning: {pending} database migrations are not applied; run `heard migrate`."
            )
        if settings.DEBUG:
            self.stderr.write("Warning: HEARD_DEBUG is on; never serve real people in debug mode.")
        argv = granian_argv(
            host=options["host"],
            port=options["port"],
            workers=options["workers"],
            threads=options["threads"],
        )
        self.stderr.write(
            f"Serving Heard on http://{options['host']}:{options['port']} "
            f"({options['workers']} workers x {options['threads']} threads, granian WSGI)"
        )
        self.stderr.flush()
        self.stdout.flush()
        try:
            os.execv(argv[0], argv)  # noqa: S606 - fixed argv, no shell; replaces this process
        except OSError as exc:
            raise CommandError(f"Could not start granian: {exc}") from exc
