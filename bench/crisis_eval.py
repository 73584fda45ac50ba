"""Evaluate the crisis screener on labelled messages and time it.

    .venv/bin/python bench/crisis_eval.py [--file FILE ...] [--failures] [--no-semantic]

Reads every development set, bench/data/crisis_dev*.jsonl (the patterns were written
against the first two, and the learned lexicon is trained on all of them) and
bench/data/everyday_dev*.jsonl (ordinary daily check-in notes and journal lines, all `none`,
also trained on) and bench/data/everyday_care_dev*.jsonl (what clients write in their profile,
care plan and skill practice notes, all `none`, also trained on), then
bench/data/crisis_holdout.jsonl, bench/data/everyday_holdout.jsonl and
bench/data/everyday_care_holdout.jsonl when they are there (reported separately, aggregate
figures only: their misses are never printed). `--file` adds any other file in the same format
({"id", "text", "lang", "label", "kind", "about"}).

For each file it prints, for the hand-written patterns alone, for the default engine
(patterns + the learned lexicon) and then with the semantic layer (when the ml extra is
installed): recall per label, crisis precision / recall / F1,
specificity on every `none` line and on the hard negatives (`none` lines whose kind is not
`everyday` or `positive`), everyday specificity (the share of `none` lines of kind
`everyday` left alone: ordinary daily life must not raise a crisis), specificity per `none`
kind, a short list of misses (development sets and --file only) and latency (p50/p95/p99 per
message, messages per second on one core; see `timing`). A summary table of the headline
figures of every file and configuration comes last, then the held-out headline: crisis
figures from crisis_holdout, everyday specificity from everyday_holdout and everyday-care
specificity (the everyday specificity of everyday_care_holdout) per configuration.

It is a report: it exits 0 whatever the figures, and 2 only when a file is missing.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from heard.safety.screening import learned as learned_lexicon  # noqa: E402
from heard.safety.screening import screen  # noqa: E402

DATA = ROOT / "bench" / "data"
DEV = DATA / "crisis_dev.jsonl"
DEVS = (
    sorted(DATA.glob("crisis_dev*.jsonl"))
    + sorted(DATA.glob("everyday_dev*.jsonl"))
    + sorted(DATA.glob("everyday_care_dev*.jsonl"))
)
HOLDOUT = DATA / "crisis_holdout.jsonl"
EVERYDAY_HOLDOUT = DATA / "everyday_holdout.jsonl"
EVERYDAY_CARE_HOLDOUT = DATA / "everyday_care_holdout.jsonl"
CRISIS_LABELS = ("acute", "ideation", "self_harm", "harm_to_others", "abuse")
EASY_KINDS = {"everyday", "positive"}
TIMING_PASSES = 3


def load(path: Path) -> list[dict[str, Any]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rows.append(json.loads(line))
    return rows


def ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f} ({part}/{whole})" if whole else "n/a"


def evaluate(
    rows: list[dict[str, Any]],
    layer: Any,
    *,
    show_misses: bool,
    all_misses: bool,
    learned: bool = True,
) -> dict[str, float | None]:
    """Print the figures of one file and configuration; return the headline ones (None where
    the file has no line to measure them on)."""
    results = [
        screen(row["text"], row.get("lang"), semantic=layer, learned_layer=learned) for row in rows
    ]
    by_label: dict[str, list[bool]] = defaultdict(list)
    exact: Counter[str] = Counter()
    none_by_kind: dict[str, list[bool]] = defaultdict(list)
    misses: list[tuple[dict[str, Any], Any]] = []
    by_lang: dict[str, list[bool]] = defaultdict(list)
    by_kind: dict[str, list[bool]] = defaultdict(list)
    for row, result in zip(rows, results, strict=True):
        label = row["label"]
        if label == "none":
            none_by_kind[row.get("kind", "")].append(not result.crisis)
            if result.crisis:
                misses.append((row, result))
        else:
            by_label[label].append(result.crisis)
            by_lang[row.get("lang", "")].append(result.crisis)
            by_kind[row.get("kind", "")].append(result.crisis)
            exact[label] += result.label == label
            if not result.crisis:
                misses.append((row, result))

    positives = [f for label in CRISIS_LABELS for f in by_label.get(label, [])]
    acute_ideation = by_label.get("acute", []) + by_label.get("ideation", [])
    others = [f for label in CRISIS_LABELS[2:] for f in by_label.get(label, [])]
    if positives:
        print("  recall per label (crisis flagged; exact label in brackets):")
        for label in CRISIS_LABELS:
            flags = by_label.get(label, [])
            print(f"    {label:<15} n={len(flags):<4} recall {ratio(sum(flags), len(flags))}"
                  f"  [exact {ratio(exact[label], len(flags))}]")  # fmt: skip
        print(f"    acute+ideation      recall {ratio(sum(acute_ideation), len(acute_ideation))}")
        for name, groups in (("language", by_lang), ("kind", by_kind)):
            parts = ", ".join(f"{key} {sum(v)}/{len(v)}" for key, v in sorted(groups.items()))
            print(f"  crisis recall by {name}: {parts}")

    true_pos = sum(positives)
    negatives = [ok for oks in none_by_kind.values() for ok in oks]
    false_pos = len(negatives) - sum(negatives)
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 0.0
    recall = true_pos / len(positives) if positives else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    hard = [ok for kind, oks in none_by_kind.items() if kind not in EASY_KINDS for ok in oks]
    everyday = none_by_kind.get("everyday", [])
    if positives:
        print(f"  crisis: precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    print(f"  specificity: all none {ratio(sum(negatives), len(negatives))}; "
          f"hard negatives {ratio(sum(hard), len(hard))}; "
          f"everyday {ratio(sum(everyday), len(everyday))}")  # fmt: skip
    kinds = ", ".join(f"{kind} {sum(oks)}/{len(oks)}" for kind, oks in sorted(none_by_kind.items()))
    print(f"  specificity by none kind: {kinds}")
    if show_misses:
        shown = misses if all_misses else misses[:40]
        print(f"  misses ({len(misses)}{'' if all_misses else ', first 40'}):")
        for row, result in shown:
            wanted = row["label"]
            got = result.label if result.crisis else f"none/{result.level}"
            print(f"    {row['id']} {wanted}->{got} [{row.get('kind', '')}] {row['text'][:60]!r}")

    def share(flags: list[bool]) -> float | None:
        return sum(flags) / len(flags) if flags else None

    return {
        "acute+ideation": share(acute_ideation),
        "other labels": share(others),
        "F1": f1 if positives else None,
        "hard negatives": share(hard),
        "everyday": share(everyday),
    }


def summary(table: list[tuple[str, str, dict[str, float | None]]]) -> None:
    """One line per file and configuration: recall of acute + ideation and of the other crisis
    labels, crisis F1, hard-negative and everyday specificity ("-" where not measurable)."""
    print("\n== summary (recall: acute+ideation, other labels; crisis F1; specificity: hard "
          "negatives, everyday)")  # fmt: skip
    names = ("acute+ideation", "other labels", "F1", "hard negatives", "everyday")
    print(f"  {'file':<28} {'configuration':<14} " + " ".join(f"{n:>14}" for n in names))
    for file_name, run_name, figures in table:
        cells = " ".join(
            f"{'-' if figures[n] is None else format(figures[n], '.3f'):>14}" for n in names
        )
        print(f"  {file_name:<28} {run_name:<14} {cells}")


def headline(table: list[tuple[str, str, dict[str, float | None]]]) -> None:
    """The held-out figures per configuration in one line each: crisis figures from
    crisis_holdout, everyday specificity from everyday_holdout and everyday-care specificity
    from everyday_care_holdout ("-" where a file is missing)."""
    found = {(file_name, run): figures for file_name, run, figures in table}
    names = ("acute+ideation", "other labels", "F1", "hard negatives", "everyday", "everyday care")
    print("\n== held-out headline")
    print(f"  {'configuration':<14} " + " ".join(f"{n:>14}" for n in names))
    for run in dict.fromkeys(run for _, run, _ in table):
        crisis = found.get((HOLDOUT.name, run), {})
        cells = [crisis.get(n) for n in names[:4]]
        cells.append(found.get((EVERYDAY_HOLDOUT.name, run), {}).get("everyday"))
        cells.append(found.get((EVERYDAY_CARE_HOLDOUT.name, run), {}).get("everyday"))
        text = " ".join(f"{'-' if c is None else format(c, '.3f'):>14}" for c in cells)
        print(f"  {run:<14} {text}")


def timing(rows: list[dict[str, Any]], layer: Any, *, learned: bool = True) -> None:
    """Time every message of the file, TIMING_PASSES times, in this one process (one core).

    The first pass only warms up (imports, compiled patterns, the model read from disk). Before
    each timed pass the learned model is read afresh, so its per-word cache starts empty: a
    pass never profits from having seen the same messages before, only from words repeated
    within the file, as in real traffic.

    Messages/s is given for the best pass, as `timeit` advises (on a shared machine a slower
    pass measures the neighbours, not the code), and for all passes together; the latency
    quantiles are over every message of every pass.
    """
    texts = [(row["text"], row.get("lang")) for row in rows]
    for text, lang in texts:  # warm up
        screen(text, lang, semantic=layer, learned_layer=learned)
    samples: list[float] = []
    passes: list[float] = []
    for _ in range(TIMING_PASSES):
        if learned:
            learned_lexicon.get_model.cache_clear()
            learned_lexicon.get_model()  # read outside the timed pass
            gc.collect()  # and the old model's garbage, as a server does once after start-up
        started = time.perf_counter()
        for text, lang in texts:
            begin = time.perf_counter()
            screen(text, lang, semantic=layer, learned_layer=learned)
            samples.append(time.perf_counter() - begin)
        passes.append(time.perf_counter() - started)
    quantiles = statistics.quantiles(samples, n=100)
    print(f"  latency per message: p50 {quantiles[49] * 1000:.2f} ms, "
          f"p95 {quantiles[94] * 1000:.2f} ms, p99 {quantiles[98] * 1000:.2f} ms; "
          f"{len(texts) / min(passes):,.0f} messages/s on one core (best of {len(passes)} "
          f"passes; {len(samples) / sum(passes):,.0f} over all)")  # fmt: skip


def semantic_layer() -> Any:
    try:
        from heard.safety.screening import semantic
    except ImportError:  # pragma: no cover - the module ships with the app
        return None
    return semantic.get_layer()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--file", action="append", type=Path, default=[],
                        help="another JSONL file to evaluate (repeatable)")  # fmt: skip
    parser.add_argument("--failures", action="store_true",
                        help="list every miss (dev set and --file only)")  # fmt: skip
    parser.add_argument("--no-semantic", action="store_true",
                        help="skip the run with the semantic layer")  # fmt: skip
    args = parser.parse_args(argv)

    files: list[tuple[Path, bool]] = [(path, True) for path in DEVS]
    held_out = (HOLDOUT, EVERYDAY_HOLDOUT, EVERYDAY_CARE_HOLDOUT)
    files += [(path, False) for path in held_out if path.exists()]
    files += [(path, True) for path in args.file]
    for path, _ in files:
        if not path.exists():
            print(f"crisis_eval: no such file: {path}", file=sys.stderr)
            return 2

    layer = None if args.no_semantic else semantic_layer()
    if not args.no_semantic and layer is None:
        print("semantic layer: not installed (pip install -e '.[ml]')")
    runs: list[tuple[str, str, Any, bool]] = [
        ("hand-written patterns only", "patterns", None, False),
        ("patterns + learned lexicon (the default: what `heard safety screen` runs)", "default",
         None, True),
    ]  # fmt: skip
    if layer is not None:
        runs.append(("patterns + learned lexicon + semantic layer", "+semantic", layer, True))

    load_average = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"load average {load_average} on {os.cpu_count()} cores (timings vary with it)")
    table: list[tuple[str, str, dict[str, float | None]]] = []
    for path, show in files:
        rows = load(path)
        print(f"\n== {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path} "
              f"({len(rows)} lines)")  # fmt: skip
        for name, short, run_layer, learned in runs:
            print(f"-- {name}")
            figures = evaluate(
                rows, run_layer, show_misses=show, all_misses=args.failures, learned=learned
            )
            table.append((path.name, short, figures))
            timing(rows, run_layer, learned=learned)
    summary(table)
    headline(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
