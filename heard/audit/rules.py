"""Pure hash-chain logic (no Django imports)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64

HASHED_FIELDS = (
    "seq",
    "at",
    "actor_id",
    "actor_label",
    "action",
    "client_id",
    "object_type",
    "object_id",
    "outcome",
    "ip",
    "request_id",
    "extra",
)


def canonical(row: Mapping[str, Any]) -> str:
    return json.dumps(
        {name: row[name] for name in HASHED_FIELDS},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        default=str,
    )


def chain_hash(prev_hash: str, row: Mapping[str, Any]) -> str:
    return hashlib.sha256((prev_hash + canonical(row)).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Problem:
    seq: int
    what: str


def verify(
    rows: Iterable[Mapping[str, Any]], *, head_seq: int, head_hash: str
) -> tuple[int, list[Problem]]:
    """Walk rows in sequence order; return (rows checked, problems found)."""
    problems: list[Problem] = []
    expected_seq = 1
    prev = GENESIS
    count = 0
    for row in rows:
        count += 1
        seq = int(row["seq"])
        if seq != expected_seq:
            problems.append(
                Problem(expected_seq, f"rows {expected_seq}..{seq - 1} are missing (deleted)")
            )
        if row["prev_hash"] != prev:
            problems.append(Problem(seq, "does not link to the row before it"))
        if chain_hash(row["prev_hash"], row) != row["hash"]:
            problems.append(Problem(seq, "content does not match its hash (edited)"))
        prev = row["hash"]
        expected_seq = seq + 1
    if expected_seq - 1 < head_seq:
        problems.append(
            Problem(
                expected_seq, f"rows {expected_seq}..{head_seq} at the end are missing (deleted)"
            )
        )
    elif count and prev != head_hash:
        problems.append(Problem(expected_seq - 1, "last row does not match the chain head"))
    return count, problems
