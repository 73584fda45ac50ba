"""`heard worker`: run background tasks (emails, reminders, exports) from the database queue."""

from __future__ import annotations

import argparse
import math
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser


def seconds(value: str) -> float:
    """argparse type: a finite, non-negative number of seconds."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds") from None
    if not math.isfinite(number) or number < 0:
        raise argparse.ArgumentTypeError(f"{value} must be zero or more seconds")
    return number


class Command(BaseCommand):
    help = (
        "Run the durable background-task worker: takes tasks queued in the database "
        "(django-tasks-db) and runs them one at a time until stopped with Ctrl-C or SIGTERM "
        "(a running task finishes first). Start one or more next to `heard serve`."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--queue-name",
            default="default",
            help="Queues to take tasks from, comma-separated; '*' for all (default: %(default)s).",
        )
        parser.add_argument(
            "--interval",
            type=seconds,
            default=1.0,
            help="Seconds between looks when nothing is queued (default: %(default)s).",
        )
        parser.add_argument(
            "--batch",
            action="store_true",
            help="Run every task that is ready now, then exit (for cron jobs and tests).",
        )
        parser.add_argument(
            "--reload",
            action=argparse.BooleanOptionalAction,
            default=False,
            help="Restart when the code changes (development only; default: off).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        mode = "until there is nothing left to do" if options["batch"] else "until stopped"
        self.stderr.write(f"Worker: running tasks from queue {options['queue_name']!r} {mode}.")
        worker_options: dict[str, Any] = {
            "queue_name": options["queue_name"],
            "interval": options["interval"],
            "batch": options["batch"],
            "reload": options["reload"],
            "verbosity": options["verbosity"],
            "stdout": self.stdout,
            "stderr": self.stderr,
        }
        if options["batch"]:
            worker_options["startup_delay"] = False
        call_command("db_worker", **worker_options)
        self.stdout.write(
            "Worker stopped: no tasks left." if options["batch"] else "Worker stopped."
        )
