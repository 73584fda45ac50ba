"""`heard score INSTRUMENT ANSWER...`: score answers to a validated instrument, print JSON."""

from __future__ import annotations

import argparse
import json
from typing import Any

from django.core.management.base import (
    BaseCommand,
    CommandError,
    CommandParser,
    DjangoHelpFormatter,
)

from heard.instruments.registry import UnknownInstrument, all_instruments, get_instrument
from heard.instruments.scoring import AnswerError, score

SKIP = "-"
# Exit status for every usage problem, as argparse uses for its own errors.
USAGE_ERROR = 2


class _HelpFormatter(DjangoHelpFormatter, argparse.RawDescriptionHelpFormatter):
    """Django's option order, with the instrument table in the epilog kept as written."""


def _instrument_table() -> str:
    lines = ["instruments (answers in form order; - skips one):"]
    for instrument in all_instruments():
        low = min(item.min_value for item in instrument.scored_items)
        high = max(item.max_value for item in instrument.scored_items)
        counted = instrument.answer_count or f"{len(instrument.items)} answers"
        lines.append(f"  {instrument.id:<10} {counted}, each {low}-{high}")
    lines += [
        "",
        "examples:",
        "  heard score phq-9 1 2 0 3 1 0 2 1 0",
        "  heard score gad-7 1 - 2 0 1 1 0",
        "  heard score audit-c 2 1 0 --sex female",
        "  heard score pc-ptsd-5 1 1 0 1 1 0 --cut-point 4",
    ]
    return "\n".join(lines)


class Command(BaseCommand):
    help = (
        "Score one set of answers to a validated instrument and print the result as one JSON\n"
        'object on one line: {"instrument", "total", "severity", "caseness", "critical",\n'
        '"complete", "answered", "skipped", "subscales", "index", "flags", "threshold"}.\n'
        "Give one answer per question in form order, as the score of the chosen option;\n"
        "- marks a skipped question. Reads and writes no data. Exits with status 2 and a\n"
        "one-line message for an unknown instrument, a wrong number of answers, a\n"
        "non-number or an out-of-range answer."
    )
    requires_system_checks: list[str] = []

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        kwargs.setdefault("epilog", _instrument_table())
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("instrument", help="Instrument id, e.g. phq-9 (listed below).")
        parser.add_argument(
            "answers",
            nargs="*",
            metavar="ANSWER",
            help="The score of each answer in form order, or - for a skipped question.",
        )
        parser.add_argument(
            "--sex",
            choices=["female", "male"],
            help="audit-c only: the positive-screen cut-off is 3 for female and 4 for male "
            "(3 when not given).",
        )
        parser.add_argument(
            "--cut-point",
            type=int,
            choices=[3, 4],
            help="pc-ptsd-5 only: the positive-screen cut-point (default 3, sensitivity-first; "
            "4 balances false positives and negatives).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        instrument_id: str = options["instrument"]
        try:
            get_instrument(instrument_id)
        except UnknownInstrument as exc:
            raise CommandError(str(exc), returncode=USAGE_ERROR) from None

        scoring_options: dict[str, Any] = {}
        for name, applies_to in (("sex", "audit-c"), ("cut_point", "pc-ptsd-5")):
            if options[name] is None:
                continue
            if instrument_id != applies_to:
                flag = "--" + name.replace("_", "-")
                raise CommandError(
                    f"{flag} applies only to {applies_to}, not {instrument_id}.",
                    returncode=USAGE_ERROR,
                )
            scoring_options[name] = options[name]

        answers = [_answer(instrument_id, n, raw) for n, raw in enumerate(options["answers"], 1)]
        try:
            result = score(instrument_id, answers, options=scoring_options)
        except AnswerError as exc:
            raise CommandError(str(exc), returncode=USAGE_ERROR) from None
        self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False))


def _answer(instrument_id: str, position: int, raw: str) -> int | None:
    if raw == SKIP:
        return None
    try:
        return int(raw)
    except ValueError:
        raise CommandError(
            f"Answer {position} of {instrument_id} must be a whole number, or - to skip it; "
            f"got {raw!r}.",
            returncode=USAGE_ERROR,
        ) from None
