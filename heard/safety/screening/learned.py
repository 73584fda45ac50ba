"""The learned lexicon: a weighted word and letter-group model, read after the patterns.

Hand-written patterns are precise but miss the many ways people say the same thing. This
layer is a linear model (multinomial logistic regression over tf-idf weighted words, word
pairs and letter groups of 3-5 characters) trained by `tools/train_crisis_model.py` on the
labelled development sets in bench/data/, and stored as plain numbers in
data/learned_model.json. Reading it is pure Python: no numpy, no scikit-learn, well under a
millisecond for a short message. It is explainable like a lexicon: every score is a sum of
weights of the words in the message, and the explanation names the words that weighed most.

The engine asks it only when the patterns found no strong signal and nothing that cancels one
(negation, idiom, media, history, someone else), and it never overrides the patterns.
Decision 0018 records how it was chosen and measured.
"""

from __future__ import annotations

import itertools
import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

MODEL_FILE = Path(__file__).resolve().parent / "data" / "learned_model.json"
# Long text is read in windows of about this many characters; the most worrying one counts.
WINDOW = 1200
MAX_WINDOWS = 40

_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
_REPEAT = re.compile(r"(.)\1{2,}")


def fold(text: str) -> str:
    """Lower case, accents and apostrophes removed, letters repeated 3+ times cut to two."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("'", "").replace("\u2019", "")
    return _REPEAT.sub(r"\1\1", plain)


def word_grams(folded: str) -> list[str]:
    """Words and pairs of neighbouring words."""
    words = _WORD.findall(folded)
    return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]


def char_grams(folded: str) -> list[str]:
    """Letter groups of 3 to 5 characters inside each word padded with a space (as
    scikit-learn's "char_wb" analyser makes them)."""
    grams: list[str] = []
    for word in _SPACE.sub(" ", folded).split():
        padded = f" {word} "
        size = len(padded)
        for n in range(3, 6):
            grams.extend(padded[i : i + n] for i in range(max(1, size - n + 1)))
            if size <= n:
                break
    return grams


@dataclass(frozen=True)
class LearnedMatch:
    label: str  # acute | ideation | self_harm | harm_to_others | abuse
    probability: float  # 1 - P(none)
    words: tuple[str, ...]  # the words that weighed most towards `label`


@dataclass(frozen=True)
class Model:
    classes: tuple[str, ...]
    intercept: tuple[float, ...]
    threshold: float
    # gram -> (idf, weight for each class); words and letter groups kept apart.
    words: Mapping[str, tuple[float, ...]]
    chars: Mapping[str, tuple[float, ...]]

    def probabilities(self, folded: str) -> tuple[list[float], dict[str, float]]:
        """P(class) for every class, and each word feature's tf-idf value (for evidence)."""
        scores = list(self.intercept)
        word_values = _add(scores, word_grams(folded), self.words)
        _add(scores, char_grams(folded), self.chars)
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps], word_values

    def match(self, text: str) -> LearnedMatch | None:
        """The most worrying window of `text`, if its crisis probability reaches the
        threshold; None otherwise."""
        best: LearnedMatch | None = None
        none_index = self.classes.index("none")
        for window in _windows(fold(text)):
            if not window.strip():
                continue
            probs, words = self.probabilities(window)
            crisis = 1.0 - probs[none_index]
            if crisis < self.threshold or (best is not None and crisis <= best.probability):
                continue
            k = max(
                (i for i in range(len(self.classes)) if i != none_index),
                key=lambda i: probs[i],
            )
            best = LearnedMatch(self.classes[k], crisis, _top_words(self, words, k))
        return best


def _add(
    scores: list[float], grams: Iterable[str], table: Mapping[str, tuple[float, ...]]
) -> dict[str, float]:
    """Add one vectoriser's l2-normalised, sublinear tf-idf features times their weights to
    `scores`; return each present gram's normalised value."""
    values: dict[str, float] = {}
    for gram, count in Counter(grams).items():
        row = table.get(gram)
        if row is not None:
            values[gram] = (1.0 + math.log(count)) * row[0] if count > 1 else row[0]
    norm = math.sqrt(sum(v * v for v in values.values()))
    if not norm:
        return {}
    classes = range(len(scores))
    for gram, value in values.items():
        row = table[gram]
        scaled = value / norm
        values[gram] = scaled
        for k in classes:
            scores[k] += scaled * row[k + 1]
    return values


def _top_words(model: Model, words: Mapping[str, float], k: int) -> tuple[str, ...]:
    weighed = []
    for gram, value in words.items():
        weight = model.words[gram][k + 1]
        if value * weight > 0:
            weighed.append((value * weight, gram))
    return tuple(gram for _, gram in sorted(weighed, reverse=True)[:3])


def _windows(folded: str) -> list[str]:
    if len(folded) <= WINDOW:
        return [folded]
    # Overlapping windows, so a sentence cut at one edge is whole in the next.
    step = WINDOW // 2
    starts = range(0, len(folded) - step, step)
    return [folded[s : s + WINDOW] for s in starts][:MAX_WINDOWS]


def from_dict(data: Mapping[str, Any]) -> Model:
    coef = data["coef"]
    return Model(
        classes=tuple(data["classes"]),
        intercept=tuple(float(x) for x in data["intercept"]),
        threshold=float(data["threshold"]),
        words={g: (idf, *coef["w:" + g]) for g, idf in data["word_idf"].items()},
        chars={g: (idf, *coef["c:" + g]) for g, idf in data["char_idf"].items()},
    )


@lru_cache(maxsize=1)
def get_model() -> Model | None:
    """The shipped model, loaded once; None if the file is missing or unreadable (the
    patterns still run; the engine notes that the learned layer was unavailable)."""
    try:
        return from_dict(json.loads(MODEL_FILE.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        return None
