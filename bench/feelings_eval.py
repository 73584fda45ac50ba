"""Evaluate the active-listening feeling detector on labelled lines and time it.

    .venv/bin/python bench/feelings_eval.py [--file PATH ...] [--failures]

Reads bench/data/feelings_dev.jsonl (the development set: the lexicon was tuned against it)
and bench/data/feelings_holdout.jsonl (never tuned on; its misses are never printed), or only
the files given with --file. Lines are {"id", "lang", "text", "feelings": [keys]}.

For each file it prints micro precision / recall / F1 over (line, feeling) pairs, the same by
language, precision and recall per feeling with counts, exact-set accuracy (the detector found
exactly the gold feelings), the share of lines with no false positive, and the time per message
(mean, p99, messages per second; one process, warm, several passes), plus the time for
1,000-character entries. --failures lists the misses and false alarms (never for the holdout).

It is a report: it exits 0 whatever the figures, and 2 when a file is missing.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from heard.listening.detect import detect_feelings  # noqa: E402
from heard.listening.feelings import GROUPS  # noqa: E402

DATA = ROOT / "bench" / "data"
DEV = DATA / "feelings_dev.jsonl"
HOLDOUT = DATA / "feelings_holdout.jsonl"
TIMING_PASSES = 5
ORDER = [f.key for g in GROUPS for f in g.feelings]


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@dataclass
class Score:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    lines: int = 0
    exact: int = 0
    clean: int = 0  # lines with no false positive

    def add(self, gold: set[str], found: set[str]) -> None:
        self.lines += 1
        self.exact += gold == found
        self.clean += not (found - gold)
        for key in gold & found:
            self.tp[key] += 1
        for key in found - gold:
            self.fp[key] += 1
        for key in gold - found:
            self.fn[key] += 1

    def micro(self) -> tuple[float, float, float]:
        tp, fp, fn = sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def score(rows: list[dict[str, Any]]) -> tuple[Score, dict[str, Score], list[str]]:
    overall, by_lang, failures = Score(), {"en": Score(), "es": Score()}, []
    for row in rows:
        gold = set(row["feelings"])
        found = {f.key for f in detect_feelings(row["text"], row["lang"])}
        overall.add(gold, found)
        by_lang[row["lang"]].add(gold, found)
        if gold != found:
            missed = ",".join(sorted(gold - found)) or "-"
            extra = ",".join(sorted(found - gold)) or "-"
            failures.append(f"  {row['id']}  missed {missed:<22} extra {extra:<16} {row['text']}")
    return overall, by_lang, failures


def timing(texts: list[str]) -> tuple[float, float, float]:
    """Mean and p99 in microseconds, and messages per second."""
    for text in texts:  # warm up
        detect_feelings(text)
    samples = []
    for _ in range(TIMING_PASSES):
        for text in texts:
            t0 = time.perf_counter()
            detect_feelings(text)
            samples.append(time.perf_counter() - t0)
    samples.sort()
    mean = statistics.fmean(samples)
    p99 = samples[min(len(samples) - 1, int(len(samples) * 0.99))]
    return mean * 1e6, p99 * 1e6, 1 / mean


def long_entries(rows: list[dict[str, Any]], size: int = 1000) -> list[str]:
    """Journal-sized entries: consecutive lines of one language joined to about ``size`` chars."""
    entries, current = [], ""
    for row in sorted(rows, key=lambda r: r["lang"]):
        current = f"{current} {row['text']}".strip()
        if len(current) >= size:
            entries.append(current[:size])
            current = ""
    return entries


def report(path: Path, *, show_failures: bool) -> None:
    rows = load(path)
    overall, by_lang, failures = score(rows)
    langs = Counter(row["lang"] for row in rows)
    gold_pairs = sum(len(row["feelings"]) for row in rows)
    empty = sum(not row["feelings"] for row in rows)
    print(f"\n== {path.relative_to(ROOT)}: {len(rows)} lines ", end="")
    print(f"({langs['en']} en, {langs['es']} es), {gold_pairs} gold feelings, {empty} with none")
    p, r, f = overall.micro()
    print(f"micro   precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
    for lang, sub in by_lang.items():
        if sub.lines:
            p, r, f = sub.micro()
            print(f"  {lang}    precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}  ({sub.lines} lines)")
    print(
        f"exact-set accuracy        {overall.exact / overall.lines:.3f} "
        f"({overall.exact}/{overall.lines})"
    )
    print(
        f"lines with no false alarm {overall.clean / overall.lines:.3f} "
        f"({overall.clean}/{overall.lines})"
    )
    print("per feeling    recall             precision          (gold, found, correct)")
    for key in ORDER:
        tp, fp, fn = overall.tp[key], overall.fp[key], overall.fn[key]
        if not (tp or fp or fn):
            continue
        recall = f"{tp / (tp + fn):.2f} ({tp}/{tp + fn})" if tp + fn else "n/a"
        precision = f"{tp / (tp + fp):.2f} ({tp}/{tp + fp})" if tp + fp else "n/a"
        print(f"  {key:<12} {recall:<18} {precision:<18} ({tp + fn}, {tp + fp}, {tp})")
    mean, p99, rate = timing([row["text"] for row in rows])
    print(f"time per message  mean {mean:.1f} µs  p99 {p99:.1f} µs  {rate:,.0f} messages/s")
    entries = long_entries(rows)
    if entries:
        mean, p99, rate = timing(entries)
        print(
            f"1,000-char entries ({len(entries)})  mean {mean:.1f} µs  p99 {p99:.1f} µs  "
            f"{rate:,.0f} entries/s"
        )
    if show_failures:
        if path == HOLDOUT:
            print("(failures are not printed for the held-out set)")
        else:
            print(f"failures ({len(failures)}):")
            print("\n".join(failures))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--file", action="append", type=Path, help="a labelled JSONL file")
    parser.add_argument("--failures", action="store_true", help="list misses (not holdout)")
    args = parser.parse_args()
    paths = [p.resolve() for p in args.file] if args.file else [DEV, HOLDOUT]
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"missing: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    print(f"Python {sys.version.split()[0]}; {TIMING_PASSES} timing passes")
    for path in paths:
        report(path, show_failures=args.failures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
