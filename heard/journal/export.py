"""Exports a person opens in a spreadsheet or a program: CSV with formula injection
neutralised, and JSON. Pure: no ORM, no audit (services.export_entries does that).

`csv_safe` and `write_csv` are generic, so other exports (check-ins) can reuse them. A cell
that starts with = + - @, a tab or a carriage return can run as a formula in Excel,
LibreOffice or Sheets; such cells get a leading single quote, which spreadsheets show as text.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from heard.journal.models import JournalEntry

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

HEADER = ("id", "created", "saved", "title", "body", "prompt", "shared", "status")


def csv_safe(value: object) -> str:
    """One cell as text that no spreadsheet will run as a formula (None is empty)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_csv(rows: Iterable[Sequence[object]], header: Sequence[str]) -> str:
    """A whole CSV file, header row first, every cell (header included) neutralised."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([csv_safe(h) for h in header])
    for row in rows:
        writer.writerow([csv_safe(cell) for cell in row])
    return out.getvalue()


def _when(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def record(entry: JournalEntry, title: str, body: str) -> dict[str, Any]:
    """One entry as exported: the text the person reads (services.text_of), when it was
    started and last saved, its prompt, and whether it is shared now."""
    return {
        "id": str(entry.public_id),
        "created": _when(entry.created_at),
        "saved": _when(entry.saved_at),
        "title": title,
        "body": body,
        "prompt": entry.prompt,
        "shared": entry.is_shared,
        "status": entry.status,
    }


def as_csv(records: Sequence[dict[str, Any]]) -> str:
    def cell(value: Any) -> object:
        if isinstance(value, bool):
            return "yes" if value else "no"
        return value

    return write_csv(([cell(r[key]) for key in HEADER] for r in records), HEADER)


def as_json(records: Sequence[dict[str, Any]]) -> str:
    return json.dumps({"entries": list(records)}, ensure_ascii=False, indent=2)
