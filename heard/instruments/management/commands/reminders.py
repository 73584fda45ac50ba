"""`heard reminders`: send any "You have a check-in waiting" reminders that are due."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from heard.instruments import services


class Command(BaseCommand):
    help = (
        "Check every active measure schedule and email each client whose questionnaire is due "
        "and who has not been reminded for it yet. The worker does this on its own when "
        "measures fall due; run this after restoring a backup or to catch up. Safe to run any "
        "time: it never sends the same reminder twice. Emails say only 'You have a check-in "
        "waiting'."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        sent = services.send_due_reminders()
        self.stdout.write(f"Sent {sent} reminder{'s' if sent != 1 else ''}.")
