"""`heard audit verify`: check that the audit trail has not been edited or cut."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from heard.audit import services
from heard.audit.models import AuditEvent


class Command(BaseCommand):
    help = (
        "Audit trail tools. `audit verify` re-computes the hash chain over every audit event "
        "and reports each edited, unlinked or missing (deleted) event; it changes nothing and "
        "exits with status 1 when it finds a problem."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="{verify}")
        actions.add_parser(
            "verify",
            help="Check the hash chain of the whole audit trail (read-only).",
            description="Re-compute the hash chain over every audit event. Prints "
            "'Audit trail OK: N events checked' and exits 0, or prints one line per problem "
            "and exits 1.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        # Only one action today; the subcommand keeps room for export and prune.
        self.verify()

    def verify(self) -> None:
        total = AuditEvent.objects.count()
        self.stderr.write(f"Checking {total} audit events...")
        checked, problems = services.verify_chain()
        if not problems:
            self.stdout.write(f"Audit trail OK: {checked} events checked")
            return
        for problem in problems:
            self.stdout.write(f"event {problem.seq}: {problem.what}")
        raise CommandError(
            f"Audit trail BROKEN: {len(problems)} problems in {checked} events checked",
            returncode=1,
        )
