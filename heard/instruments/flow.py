"""Which question comes next when answering one item at a time. Pure, no Django.

Most instruments ask every item in order. Two have published skip rules:

* PC-PTSD-5: when the person has not experienced a traumatic event (item 1 = "No", 0), the
  five symptom questions are not asked.
* K10: item 3 is not asked when item 2 was "None of the time" (1), and item 6 is not asked
  when item 5 was "None of the time" (scoring counts them as 1).

`answers` maps item numbers as strings ("1", "2", ...) to the score or None (skipped).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# instrument -> {item number: (gate item number, gate value that closes it)}
_GATES: dict[str, dict[int, tuple[int, int]]] = {
    "pc-ptsd-5": dict.fromkeys(range(2, 7), (1, 0)),
    "k10": {3: (2, 1), 6: (5, 1)},
}


def is_asked(instrument_id: str, number: int, answers: Mapping[str, Any]) -> bool:
    """Whether item `number` is asked, given the answers so far."""
    gate = _GATES.get(instrument_id, {}).get(number)
    if gate is None:
        return True
    gate_item, closing_value = gate
    return answers.get(str(gate_item)) != closing_value


def next_item(instrument_id: str, count: int, answers: Mapping[str, Any]) -> int | None:
    """The first asked item not yet reached, or None when all have been."""
    for number in range(1, count + 1):
        if str(number) not in answers and is_asked(instrument_id, number, answers):
            return number
    return None


def asked_items(instrument_id: str, count: int, answers: Mapping[str, Any]) -> list[int]:
    """The item numbers asked given the answers so far (for progress: "3 of 9")."""
    return [n for n in range(1, count + 1) if is_asked(instrument_id, n, answers)]


def prune(instrument_id: str, answers: Mapping[str, Any]) -> dict[str, Any]:
    """Drop answers to items that a changed gate answer no longer asks."""
    return {
        key: value for key, value in answers.items() if is_asked(instrument_id, int(key), answers)
    }
