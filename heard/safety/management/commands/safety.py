"""`heard safety screen --jsonl FILE`: screen messages for crisis signals, one JSON line each."""

from __future__ import annotations

import argparse
import json
import sys
from typing import IO, Any

from django.conf import settings
from django.core.management.base import (
    BaseCommand,
    CommandError,
    CommandParser,
    DjangoHelpFormatter,
)

from heard.safety.screening import screen
from heard.safety.services import escalate_overdue_alerts

STDIN = "-"
# Exit status when some input lines could not be read, as argparse uses for usage errors.
BAD_INPUT = 2


class _HelpFormatter(DjangoHelpFormatter, argparse.RawDescriptionHelpFormatter):
    """Django's option order, with the examples in the epilog kept as written."""


EPILOG = """\
input, one JSON object per line (blank lines are skipped):
  {"id": "m1", "text": "...", "lang": "en"}      lang is optional: en, es, or left out

output, one line per input line, in order:
  {"id": "m1", "crisis": true, "level": "urgent", "categories": ["suicide"]}

  level: none, concern, urgent or acute. crisis is true when the writer may be at risk now
  (suicidal thoughts or plans, self-harm, being abused or unsafe) or may harm someone else;
  history told as history and worry about someone else are not a crisis of the writer.

escalate is a catch-up for the background task; each alert escalates once.

examples:
  heard safety escalate
  heard safety screen --jsonl messages.jsonl
  cat messages.jsonl | heard safety screen --jsonl - --no-semantic
"""


class Command(BaseCommand):
    help = (
        "Safety tools.\n"
        "  screen --jsonl FILE  read messages as JSON lines from FILE (- for standard input)\n"
        '                       and print one JSON line per message: {"id", "crisis", "level",\n'
        '                       "categories"}. Reads and writes no data. A line that is not a\n'
        '                       JSON object with a "text" string is reported on standard\n'
        "                       error with its line number; every other line is still\n"
        "                       screened, and the command then exits with status 2.\n"
        "  escalate             escalate every open safety alert past its escalation time and\n"
        "                       print how many were escalated."
    )
    requires_system_checks: list[str] = []

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        kwargs.setdefault("epilog", EPILOG)
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "action", choices=["screen", "escalate"], help="What to do: screen or escalate."
        )
        parser.add_argument(
            "--jsonl",
            metavar="FILE",
            help='screen: JSON lines to screen, each {"id", "text", "lang"?}; - reads standard '
            "input.",
        )
        semantic = parser.add_mutually_exclusive_group()
        semantic.add_argument(
            "--semantic",
            dest="semantic",
            action="store_true",
            default=None,
            help="Also use the semantic layer (needs the ml extra: pip install -e '.[ml]').",
        )
        semantic.add_argument(
            "--no-semantic",
            dest="semantic",
            action="store_false",
            help="Without the semantic layer (patterns and learned lexicon only). Default: "
            "the semantic layer only when the HEARD_SCREENING_SEMANTIC setting is true.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "escalate":
            count = escalate_overdue_alerts()
            self.stdout.write(f"Escalated {count} overdue safety alert{'' if count == 1 else 's'}.")
            return
        if options["jsonl"] is None:
            raise CommandError("screen needs --jsonl FILE (- for standard input).", returncode=2)
        use_semantic = options["semantic"]
        if use_semantic is None:
            use_semantic = bool(getattr(settings, "HEARD_SCREENING_SEMANTIC", False))
        path: str = options["jsonl"]
        try:
            source: IO[str] = (
                sys.stdin if path == STDIN else open(path, encoding="utf-8")  # noqa: SIM115
            )
        except OSError as exc:
            raise CommandError(
                f"Cannot read {path}: {exc.strerror}.", returncode=BAD_INPUT
            ) from None
        with source:
            bad = self._screen_lines(source, semantic=use_semantic)
        if bad:
            raise CommandError(
                f"{bad} line{'s' if bad != 1 else ''} could not be screened.",
                returncode=BAD_INPUT,
            )

    def _screen_lines(self, source: IO[str], *, semantic: bool) -> int:
        bad = 0
        for number, line in enumerate(source, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except ValueError:
                item = None
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                bad += 1
                self.stderr.write(
                    f'line {number}: expected a JSON object with a "text" string; skipped.'
                )
                continue
            lang = item.get("lang")
            result = screen(
                item["text"], lang if isinstance(lang, str) else None, semantic=semantic
            )
            out = {
                "id": item.get("id"),
                "crisis": result.crisis,
                "level": result.level,
                "categories": list(result.categories),
            }
            self.stdout.write(json.dumps(out, ensure_ascii=False))
        return bad
