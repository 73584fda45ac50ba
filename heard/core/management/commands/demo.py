"""`heard demo`: a working Heard on this computer in one command, with a demo clinic."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import subprocess
import sys
import time
from types import FrameType
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from heard.core import crypto
from heard.core.demo import CLIENTS, DEMO_EMAIL_DOMAIN, DemoSummary, load_demo_data
from heard.core.management.commands.serve import granian_argv, port_number

HOST = "127.0.0.1"
# How long the web server and worker get to finish on their own before being told again.
GRACE_SECONDS = 5.0
KILL_AFTER_SECONDS = 10.0


class _Stop(Exception):
    """Raised in the main loop when this process receives SIGTERM."""


def _raise_stop(signum: int, frame: FrameType | None) -> None:
    raise _Stop


class Command(BaseCommand):
    help = (
        "Run a local demo of Heard: apply migrations, create an encryption key file "
        "(var/encryption.keys) if no key is configured, collect static files (when not in "
        "debug mode), load the demo clinic 'Riverside Counselling' (6 staff, 30 clients; "
        "loading again changes nothing), print the demo logins, then serve on "
        "http://127.0.0.1:PORT with a background worker until Ctrl-C. Demo data only: never "
        "run this against a database with real people in it."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--port",
            type=port_number,
            default=8000,
            help="Port to serve on (default: %(default)s).",
        )
        parser.add_argument(
            "--no-serve",
            action="store_true",
            help="Set up the database and demo data, print the logins, then exit.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        port: int = options["port"]
        serve = not options["no_serve"]
        if serve:
            self.check_port_free(port)
        self.ensure_encryption_key()
        self.stderr.write("Applying database migrations...")
        call_command("migrate", interactive=False, verbosity=0)
        if not settings.DEBUG:
            self.stderr.write("Collecting static files...")
            call_command("collectstatic", interactive=False, verbosity=0)
        self.stderr.write("Loading demo data...")
        # One audit log line per demo record would bury the logins table.
        audit_log = logging.getLogger("heard.audit")
        level = audit_log.level
        audit_log.setLevel(logging.WARNING)
        try:
            summary = load_demo_data(self.stderr)
        finally:
            audit_log.setLevel(level)
        if summary.already_loaded:
            self.stdout.write("Demo data already loaded: nothing changed.")
        else:
            self.stdout.write(f"Demo data loaded ({summary.changes} records created or updated).")
        self.print_logins(summary)
        if serve:
            self.serve(port)
        else:
            self.stdout.write(f"Demo ready; start it with `heard demo --port {port}`.")

    def ensure_encryption_key(self) -> None:
        """Write a new key file when no key is configured (HEARD_ENCRYPTION_KEYS, or its _FILE
        variant, is empty and there is no key file); never replace one."""
        if settings.HEARD_ENCRYPTION_KEYS:
            return
        path = crypto.default_key_file()
        if path.is_file():
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            os.fchmod(handle.fileno(), 0o600)
            handle.write(
                "# Heard encryption keys: the first key encrypts and every key decrypts.\n"
                "# Keep this file secret and back it up apart from the database.\n"
                f"{crypto.new_key_line()}\n"
            )
        crypto.reset_keyring()
        self.stdout.write(f"Created a new encryption key file: {path} (mode 0600).")

    def print_logins(self, summary: DemoSummary) -> None:
        rows = [("Role", "Name", "Email")] + [(x.role, x.name, x.email) for x in summary.logins]
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        self.stdout.write("")
        for row in rows:
            self.stdout.write(
                "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip()
            )
        more = len(CLIENTS) - sum(1 for login in summary.logins if login.role == "Client")
        self.stdout.write(
            f"... and {more} more clients, each <firstname>{DEMO_EMAIL_DOMAIN} "
            "(see heard/core/demo.py)."
        )
        self.stdout.write(f"Password for every demo account: {summary.password}")
        self.stdout.write(
            "Staff accounts also ask for an authenticator code: "
            "run `heard democode EMAIL` to print the current one."
        )
        self.stdout.write("")

    def check_port_free(self, port: int) -> None:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind((HOST, port))
            except OSError:
                raise CommandError(
                    f"Port {port} on {HOST} is already in use; choose another with --port."
                ) from None

    def serve(self, port: int) -> None:
        """Run the worker and the web server as child processes until Ctrl-C or SIGTERM,
        then stop both; if either one exits by itself, stop the other and fail."""
        worker_argv = [sys.executable, "-m", "heard", "worker", "--no-reload"]
        web_argv = granian_argv(host=HOST, port=port, workers=1, threads=2)
        # Set both handlers explicitly: a shell may start us with SIGINT ignored.
        previous_int = signal.signal(signal.SIGINT, signal.default_int_handler)
        previous_term = signal.signal(signal.SIGTERM, _raise_stop)
        children: list[tuple[str, subprocess.Popen[bytes]]] = []
        interrupted = False
        exited: tuple[str, int] | None = None
        try:
            children.append(("worker", subprocess.Popen(worker_argv)))  # noqa: S603 - fixed argv
            children.append(("web server", subprocess.Popen(web_argv)))  # noqa: S603 - fixed argv
            self.stdout.write(f"Heard demo on http://{HOST}:{port}/ (press Ctrl-C to stop)")
            self.stdout.flush()
            exited = self.wait_for_first_exit(children)
        except KeyboardInterrupt:
            # Ctrl-C in a terminal reaches the whole process group: the children got it too.
            interrupted = True
        except _Stop:
            pass
        finally:
            # A second Ctrl-C or SIGTERM must not cut the clean stop short.
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            self.stop(children, already_signalled=interrupted)
            signal.signal(signal.SIGINT, previous_int)
            signal.signal(signal.SIGTERM, previous_term)
        if exited is not None:
            name, code = exited
            if code != 0:
                raise CommandError(
                    f"The {name} stopped unexpectedly (exit code {code}); see its output above."
                )
            self.stdout.write(f"The {name} stopped, so the demo stopped too.")
            return
        self.stdout.write("Stopped the web server and the worker.")

    def wait_for_first_exit(
        self, children: list[tuple[str, subprocess.Popen[bytes]]]
    ) -> tuple[str, int]:
        while True:
            for name, child in children:
                code = child.poll()
                if code is not None:
                    return name, code
            time.sleep(0.5)

    def stop(
        self, children: list[tuple[str, subprocess.Popen[bytes]]], *, already_signalled: bool
    ) -> None:
        if already_signalled:
            _wait_all(children, GRACE_SECONDS)
        for _, child in children:
            if child.poll() is None:
                child.terminate()
        _wait_all(children, KILL_AFTER_SECONDS)
        for name, child in children:
            if child.poll() is None:
                self.stderr.write(f"The {name} did not stop in time; killing it.")
                child.kill()
                child.wait()


def _wait_all(children: list[tuple[str, subprocess.Popen[bytes]]], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    for _, child in children:
        with contextlib.suppress(subprocess.TimeoutExpired):
            child.wait(timeout=max(0.0, deadline - time.monotonic()))
