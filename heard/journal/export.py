"""Exports a person opens in a spreadsheet or a program: CSV with formula injection
neutralised, and JSON. Pure: no ORM, no audit (services.export_entries does that).

CSV cells are neutralised by `heard.core.csvsafe` (shared with the check-ins export).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from heard.core.csvsafe import write_csv
from heard.journal.models import JournalEntry

HEADER = ("id", "created", "saved", "title", "body", "prompt", "shared", "status")


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

    return write_csv(HEADER, ([cell(r[key]) for key in HEADER] for r in records))


def as_json(records: Sequence[dict[str, Any]]) -> str:
    return json.dumps({"entries": list(records)}, ensure_ascii=False, indent=2)
