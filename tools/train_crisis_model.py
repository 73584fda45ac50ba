"""Train the crisis screener's learned lexicon (heard/safety/screening/learned.py).

Development only. It needs scikit-learn (and the scipy it brings), which is in no extra of
the project and never needed by the app: install it into the venv by hand first,

    .venv/bin/pip install scikit-learn
    .venv/bin/python tools/train_crisis_model.py            # train, check, write the model
    .venv/bin/python tools/train_crisis_model.py --cross    # only print cross-set figures

It trains a multinomial logistic regression over tf-idf weighted words, word pairs and
letter groups (the features learned.py computes) on every development set,
bench/data/crisis_dev*.jsonl, each written independently by a different person, and on the
everyday development sets, bench/data/everyday_dev*.jsonl: ordinary daily check-in notes and
journal lines (gym, yoga, sleep, work, low days without risk), all labelled "none", and
bench/data/everyday_care_dev*.jsonl: what clients write in their profile, care plan and
skill practice notes (what matters to them, care preferences, goals, comments, reasons for a
choice, progress notes), also all "none". The crisis sets' negatives are mostly hard
negatives (idioms, negation, history, media), so without them plain daily life is out of
distribution and read as crises. Harmless lines are taught as "none" split by the kind of
hard negative they are (none.third_party, none.history, none.negation, none.idiom, none.media,
none.clinical; everything else plain "none"); the engine adds these up as P(harmless). On
three sets written after the model (dev7-9, before they were trained on) this kept the same
recall with three points more hard-negative specificity (decision 0018, update of
2026-11-24b); `--one-none` trains the single "none" of before. The held-out sets
(crisis_holdout.jsonl, everyday_holdout.jsonl, everyday_care_holdout.jsonl) are never read
here. feelings_dev.jsonl is not used either: some of its lines voice hopelessness ("I don't
see things ever getting better") or fear at home ("I get scared when my dad drinks"), which
must not be taught as "none".

Two bars on P(crisis) are chosen by leaving one crisis set out at a time, together with one
of as many equal parts of the everyday lines and of the care lines (train on the rest, test
on what was left out): the threshold, for messages where the patterns found nothing strong
and nothing that cancels one, and the guarded threshold, for messages where a pattern read a
crisis word as a figure of speech or media (never past a negation, the past, someone else's
words or an accident; None leaves those messages to the patterns). The threshold follows
decision 0018's rule: the lowest at which the whole engine, without the guarded reading,
keeps on average over the left-out runs hard-negative specificity at 0.90 or more
(TARGET_SPECIFICITY). The guarded threshold is the one with the highest acute + ideation
recall (then crisis recall, then everyday specificity) among those that cost at most 0.01 of
that specificity (GUARD_SPECIFICITY_COST; decision 0018, update of 2026-11-24). Everyday and
everyday-care specificity (on the left-out parts) are printed beside it but are not a
condition: safety first (requiring 0.98 everyday specificity moved the threshold to 0.75 and
cost about 0.09 of acute+ideation recall on the held-out set). The model is written to
heard/safety/screening/data/learned_model.json, then read back by the pure-Python code and
compared with scikit-learn's probabilities on every training text.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from heard.safety.screening import learned  # noqa: E402

DATA = ROOT / "bench" / "data"
TRAIN = tuple(sorted(p.name for p in DATA.glob("crisis_dev*.jsonl")))
EVERYDAY = tuple(sorted(p.name for p in DATA.glob("everyday_dev*.jsonl")))
CARE = tuple(sorted(p.name for p in DATA.glob("everyday_care_dev*.jsonl")))
C = 30.0
# From 0.40 since update f of decision 0018: the rule (the lowest bar that keeps hard-negative
# specificity) had reached the old floor of 0.50.
THRESHOLDS = (0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)
# The guarded threshold: the bar for a message where a pattern took a crisis word for a
# figure of speech or media (never a negation, the past, someone else or an accident;
# decision 0018, update of 2026-11-24). None: the learned lexicon never reads those messages.
GUARDED = (None, 0.8, 0.85, 0.9, 0.95)
TARGET_SPECIFICITY = 0.90
# The kinds of hard negative taught as classes of their own (`target`).
HARMLESS_KINDS = ("third_party", "history", "negation", "idiom", "media", "clinical")
# --one-none: teach every harmless line as plain "none" (the model before 2026-11-24b).
ONE_NONE = False
# What the guarded reading may cost of the left-out hard-negative specificity.
GUARD_SPECIFICITY_COST = 0.01


def load(name: str) -> list[dict[str, Any]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def words(doc: str) -> list[str]:
    return learned.word_grams(learned.fold(doc))


def chars(doc: str) -> list[str]:
    return learned.char_grams(learned.fold(doc))


def fit(rows: list[dict[str, Any]]) -> tuple[Any, Any, Any]:
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    word_vec = TfidfVectorizer(analyzer=words, sublinear_tf=True)
    char_vec = TfidfVectorizer(analyzer=chars, sublinear_tf=True, min_df=2)
    texts = [r["text"] for r in rows]
    x = hstack([word_vec.fit_transform(texts), char_vec.fit_transform(texts)]).tocsr()
    model = LogisticRegression(C=C, max_iter=5000, class_weight="balanced")
    model.fit(x, [target(r) for r in rows])
    return word_vec, char_vec, model


def target(row: dict[str, Any]) -> str:
    """The class a line is taught as: its crisis label, or, for harmless text, "none" split
    by the kind of hard negative it is ("none.third_party", "none.history"...). One "none"
    must cover text as unlike as worry about a friend, a past told as past and a film: one
    set of weights per kind separates them from crises better (decision 0018, update of
    2026-11-24b). The engine counts every "none..." class as harmless (learned._harmless)."""
    if row["label"] != "none":
        return str(row["label"])
    if ONE_NONE or row.get("kind") not in HARMLESS_KINDS:
        return "none"
    return f"none.{row['kind']}"


def export(
    word_vec: Any, char_vec: Any, model: Any, threshold: float, guarded: float | None = None
) -> dict[str, Any]:
    word_names = word_vec.get_feature_names_out()
    char_names = char_vec.get_feature_names_out()
    names = [f"w:{g}" for g in word_names] + [f"c:{g}" for g in char_names]
    return {
        "about": "The Heard crisis screener's learned lexicon (tools/train_crisis_model.py)",
        "classes": list(model.classes_),
        "intercept": [round(float(x), 6) for x in model.intercept_],
        "threshold": threshold,
        "guarded_threshold": guarded,
        "word_idf": {g: round(float(v), 6) for g, v in zip(word_names, word_vec.idf_, strict=True)},
        "char_idf": {g: round(float(v), 6) for g, v in zip(char_names, char_vec.idf_, strict=True)},
        "coef": {
            n: [round(float(w), 5) for w in row]
            for n, row in zip(names, model.coef_.T, strict=True)
        },
    }


Figures = tuple[float, float, float, float, float]


def figures(rows: list[dict[str, Any]], model: learned.Model) -> tuple[float, float, float]:
    """(crisis recall, acute+ideation recall, hard-negative specificity) of the whole engine
    with `model` as its learned lexicon."""
    from heard.safety.screening import screen

    original = learned.get_model
    learned.get_model = lambda: model  # type: ignore[assignment]
    try:
        hit = [screen(r["text"], r.get("lang")).crisis for r in rows]
    finally:
        learned.get_model = original  # type: ignore[assignment]
    pos = [r["label"] != "none" for r in rows]
    hard = [r["label"] == "none" and r["kind"] not in ("everyday", "positive") for r in rows]
    ai = [r["label"] in ("acute", "ideation") for r in rows]
    both = zip(hit, pos, strict=True)
    recall = sum(h and p for h, p in both) / sum(pos)
    recall_ai = sum(h and p for h, p in zip(hit, ai, strict=True)) / sum(ai)
    spec = sum((not h) and n for h, n in zip(hit, hard, strict=True)) / sum(hard)
    return recall, recall_ai, spec


def everyday_specificity(rows: list[dict[str, Any]], model: learned.Model) -> float:
    """The share of `rows` (all "none") the whole engine with `model` leaves alone."""
    from heard.safety.screening import screen

    original = learned.get_model
    learned.get_model = lambda: model  # type: ignore[assignment]
    try:
        return sum(not screen(r["text"], r.get("lang")).crisis for r in rows) / len(rows)
    finally:
        learned.get_model = original  # type: ignore[assignment]


def everyday_parts(rows: list[dict[str, Any]], count: int) -> list[list[dict[str, Any]]]:
    """The everyday lines dealt into `count` parts, every count-th line to the same part (the
    files mix languages and topics line by line, so each part gets a share of all)."""
    return [rows[i::count] for i in range(count)]


def merit(figures: tuple[float, ...]) -> tuple[float, float, float]:
    """How a configuration ranks: acute + ideation recall, then crisis recall, then everyday
    specificity, rounded as printed (a tie on paper is a tie here)."""
    recall, recall_ai, _, spec_everyday, _ = figures
    return (round(recall_ai, 3), round(recall, 3), round(spec_everyday, 3))


def choose_thresholds(
    sets: dict[str, list[dict[str, Any]]],
    everyday: list[dict[str, Any]],
    care: list[dict[str, Any]],
) -> tuple[float, float | None]:
    """Leave one crisis set out at a time, with one part of the everyday lines and one of the
    care lines. The threshold is decision 0018's: the lowest whose unguarded mean
    hard-negative specificity (on the left-out crisis sets) reaches TARGET_SPECIFICITY (the
    highest tried if none does). The guarded threshold is the one with the best mean acute +
    ideation recall (then crisis recall, then everyday specificity) among those costing at
    most GUARD_SPECIFICITY_COST of that specificity; None if none does or none finds more.
    Everyday and everyday-care specificity on the left-out parts are printed, and break
    ties, but are not required."""
    parts = dict(zip(sets, everyday_parts(everyday, len(sets)), strict=True))
    care_parts = dict(zip(sets, everyday_parts(care, len(sets)), strict=True))
    # One fit per left-out set, kept: the guards are tried only at the chosen threshold.
    fitted = {}
    for left_out in sets:
        rows = [
            row
            for name in sets
            if name != left_out
            for row in sets[name] + parts[name] + care_parts[name]
        ]
        fitted[left_out] = fit(rows)
        print(f"  fitted without {left_out}", flush=True)

    def mean_figures(threshold: float, guarded: float | None) -> tuple[float, ...]:
        runs: list[Figures] = []
        for left_out, fit_ in fitted.items():
            model = learned.from_dict(export(*fit_, threshold, guarded))
            runs.append(
                (
                    *figures(sets[left_out], model),
                    everyday_specificity(parts[left_out], model),
                    everyday_specificity(care_parts[left_out], model) if care else 1.0,
                )
            )
        recall, recall_ai, spec, spec_everyday, spec_care = (
            sum(r[i] for r in runs) / len(runs) for i in range(5)
        )
        print(
            f"threshold {threshold:.2f}, guarded {guarded if guarded else '-'}: left-out mean "
            f"crisis recall {recall:.3f}, acute+ideation {recall_ai:.3f}, hard-negative "
            f"specificity {spec:.5f}, everyday specificity {spec_everyday:.3f}, "
            f"everyday-care specificity {spec_care:.3f}"
        )
        return recall, recall_ai, spec, spec_everyday, spec_care

    # The threshold: decision 0018's rule, unguarded (the lowest that keeps the specificity).
    unguarded = {t: mean_figures(t, None) for t in THRESHOLDS}
    base = next((t for t in THRESHOLDS if unguarded[t][2] >= TARGET_SPECIFICITY), THRESHOLDS[-1])
    # The guarded threshold: the best `merit` among the guards that cost at most
    # GUARD_SPECIFICITY_COST of the unguarded engine's hard-negative specificity; none if
    # none finds more than the unguarded engine (not worth its false alarms).
    means = {None: unguarded[base]} | {
        g: mean_figures(base, g) for g in GUARDED if g is not None and g > base
    }
    floor = unguarded[base][2] - GUARD_SPECIFICITY_COST
    guards = [g for g, m in means.items() if m[2] >= floor]  # None always qualifies, first
    guarded = max(guards, key=lambda g: merit(means[g]))
    chosen = (base, guarded)
    print(f"chosen threshold: {chosen[0]}, guarded threshold: {chosen[1]}")
    return chosen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cross", action="store_true", help="only print the left-out figures")
    parser.add_argument(
        "--without-care",
        action="store_true",
        help="leave out the everyday care sets (the shipped models before decision 0018's "
        "update g; with 36 sets, adding them kept left-out acute+ideation recall and raised "
        "held-out care specificity from 0.800 to 0.893)",
    )
    parser.add_argument(
        "--one-none",
        action="store_true",
        help="teach all harmless text as one class, as before the update of 2026-11-24b",
    )
    args = parser.parse_args()
    global ONE_NONE
    ONE_NONE = args.one_none
    sets = {name: load(name) for name in TRAIN}
    everyday = [row for name in EVERYDAY for row in load(name)]
    # Without options this reproduces the shipped model.
    care = [] if args.without_care else [row for name in CARE for row in load(name)]
    if any(row["label"] != "none" for row in everyday + care):
        print("an everyday or care line is not labelled none", file=sys.stderr)
        return 1
    print("development sets:", ", ".join(f"{n} ({len(r)})" for n, r in sets.items()))
    print("everyday sets:", ", ".join(EVERYDAY), f"({len(everyday)} lines, all none)")
    print("everyday care sets:", ", ".join(CARE), f"({len(care)} lines, all none)")
    threshold, guarded = choose_thresholds(sets, everyday, care)
    if args.cross:
        return 0
    rows = [row for part in sets.values() for row in part] + everyday + care
    word_vec, char_vec, fitted = fit(rows)
    data = export(word_vec, char_vec, fitted, threshold, guarded)
    model = learned.from_dict(data)
    # The pure-Python reading must agree with scikit-learn's.
    from scipy.sparse import hstack

    texts = [r["text"] for r in rows]
    expected = fitted.predict_proba(hstack([word_vec.transform(texts), char_vec.transform(texts)]))
    worst = max(
        abs(a - b)
        for text, row in zip(texts, expected, strict=True)
        for a, b in zip(model.probabilities(learned.fold(text))[0], row, strict=True)
    )
    print(f"largest difference from scikit-learn: {worst:.2e} (rounded weights)")
    if worst > 1e-3:
        print("the pure-Python model disagrees with scikit-learn", file=sys.stderr)
        return 1
    learned.MODEL_FILE.parent.mkdir(parents=True, exist_ok=True)
    learned.MODEL_FILE.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    size = learned.MODEL_FILE.stat().st_size / 1e6
    print(
        f"wrote {learned.MODEL_FILE.relative_to(ROOT)} "
        f"({len(data['coef'])} features, {size:.1f} MB)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
