"""CSV files people open in a spreadsheet, with formula injection neutralised.

A cell that starts with = + - @, a tab or a carriage return can run as a formula in Excel,
LibreOffice or Sheets. Such cells get a leading single quote, which spreadsheets show as text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

DANGEROUS_FIRST = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: object) -> str:
    """One cell as text that no spreadsheet will run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(DANGEROUS_FIRST) else text


def write_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A whole CSV file (header row first), every cell neutralised."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([csv_safe(h) for h in header])
    for row in rows:
        writer.writerow([csv_safe(cell) for cell in row])
    return out.getvalue()
