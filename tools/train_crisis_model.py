"""Train the crisis screener's learned lexicon (heard/safety/screening/learned.py).

Development only; needs scikit-learn (it comes with the ml extra: pip install -e '.[ml]'):

    .venv/bin/python tools/train_crisis_model.py            # train, check, write the model
    .venv/bin/python tools/train_crisis_model.py --cross    # only print cross-set figures

It trains a multinomial logistic regression over tf-idf weighted words, word pairs and
letter groups (the features learned.py computes) on bench/data/crisis_dev.jsonl and
crisis_dev2.jsonl, two sets written independently by different people. The held-out set
(crisis_holdout.jsonl) is never read here. The threshold on P(crisis) is chosen from the
cross-set runs (train on one set, test on the other), not from the held-out set.
The model is written to heard/safety/screening/data/learned_model.json, then read back by
the pure-Python code and compared with scikit-learn's probabilities on every training text.
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
TRAIN = ("crisis_dev.jsonl", "crisis_dev2.jsonl")
C = 30.0
# Chosen from the cross-set runs: the lowest threshold at which both directions keep
# hard-negative specificity at 0.90 or more (see decision 0018).
THRESHOLD = 0.7


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
    model.fit(x, [r["label"] for r in rows])
    return word_vec, char_vec, model


def export(word_vec: Any, char_vec: Any, model: Any) -> dict[str, Any]:
    names = [f"w:{g}" for g in word_vec.get_feature_names_out()]
    names += [f"c:{g}" for g in char_vec.get_feature_names_out()]
    coef = model.coef_.T
    return {
        "about": "The Heard crisis screener's learned lexicon (tools/train_crisis_model.py)",
        "classes": list(model.classes_),
        "intercept": [round(float(x), 6) for x in model.intercept_],
        "threshold": THRESHOLD,
        "word_idf": {
            g: round(float(v), 6)
            for g, v in zip(word_vec.get_feature_names_out(), word_vec.idf_, strict=False)
        },
        "char_idf": {
            g: round(float(v), 6)
            for g, v in zip(char_vec.get_feature_names_out(), char_vec.idf_, strict=False)
        },
        "coef": {n: [round(float(w), 5) for w in row] for n, row in zip(names, coef, strict=False)},
    }


def crisis_figures(rows: list[dict[str, Any]], model: learned.Model) -> str:
    from heard.safety.screening import screen

    hit = [screen(r["text"], r.get("lang")).crisis for r in rows]
    pos = [r["label"] != "none" for r in rows]
    hard = [r["label"] == "none" and r["kind"] not in ("everyday", "positive") for r in rows]
    ai = [r["label"] in ("acute", "ideation") for r in rows]
    recall = sum(h and p for h, p in zip(hit, pos, strict=False)) / sum(pos)
    recall_ai = sum(h and p for h, p in zip(hit, ai, strict=False)) / sum(ai)
    spec = sum((not h) and n for h, n in zip(hit, hard, strict=False)) / sum(hard)
    return (
        f"crisis recall {recall:.3f}, acute+ideation {recall_ai:.3f}, "
        f"hard-negative specificity {spec:.3f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cross", action="store_true", help="only print cross-set figures")
    args = parser.parse_args()
    sets = {name: load(name) for name in TRAIN}
    for train_name, test_name in (TRAIN, TRAIN[::-1]):
        model = learned.from_dict(export(*fit(sets[train_name])))
        learned.get_model.cache_clear()
        original = learned.get_model
        learned.get_model = lambda m=model: m  # type: ignore[assignment]
        try:
            print(
                f"train {train_name} -> test {test_name}: {crisis_figures(sets[test_name], model)}"
            )
        finally:
            learned.get_model = original  # type: ignore[assignment]
    if args.cross:
        return 0
    rows = [row for name in TRAIN for row in sets[name]]
    word_vec, char_vec, fitted = fit(rows)
    data = export(word_vec, char_vec, fitted)
    model = learned.from_dict(data)
    # The pure-Python reading must agree with scikit-learn's.
    from scipy.sparse import hstack

    texts = [r["text"] for r in rows]
    expected = fitted.predict_proba(hstack([word_vec.transform(texts), char_vec.transform(texts)]))
    worst = max(
        abs(a - b)
        for text, row in zip(texts, expected, strict=False)
        for a, b in zip(model.probabilities(learned.fold(text))[0], row, strict=False)
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
