"""Public ids in URLs and API paths."""

from __future__ import annotations

import uuid


def parse_uuid(value: str | uuid.UUID) -> uuid.UUID | None:
    """`value` as a UUID, or None when it is not one (callers answer 404, never 500)."""
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None
