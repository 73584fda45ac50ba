"""The labelled sets the crisis screener is trained and measured on (bench/data/) are well
formed: a bad line would silently drop out of training or skew a figure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[3] / "bench" / "data"
LABELS = {"acute", "ideation", "self_harm", "harm_to_others", "abuse", "none"}
CRISIS_KINDS = {"direct", "indirect", "slang", "misspelling", "emoji", "mixed_language", "long"}


@pytest.mark.parametrize("path", sorted(DATA.glob("crisis_*.jsonl")), ids=lambda p: p.name)
def test_every_line_of_a_crisis_set_is_labelled(path: Path) -> None:
    ids = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        row = json.loads(line)
        where = f"{path.name}:{number}"
        assert row["id"] not in ids, where
        ids.add(row["id"])
        assert row["text"].strip(), where
        assert row["lang"] in {"en", "es"}, where
        assert row["label"] in LABELS, where
        if row["label"] != "none":
            assert row["kind"] in CRISIS_KINDS, where
        else:
            assert row["kind"], where
            assert row["kind"] not in {"direct", "indirect", "long"}, where
