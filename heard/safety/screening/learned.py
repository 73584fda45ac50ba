"""The learned lexicon: a weighted word and letter-group model, read after the patterns.

Hand-written patterns are precise but miss the many ways people say the same thing. This
layer is a linear model (multinomial logistic regression over tf-idf weighted words, word
pairs and letter groups of 3-5 characters) trained by `tools/train_crisis_model.py` on the
labelled development sets in bench/data/, and stored as plain numbers in
data/learned_model.json. Reading it needs numpy only (one table of numbers, summed per
message; no scikit-learn): 0.15-0.25 ms for a short message. It is
explainable like a lexicon: every score is a sum of weights of the words in the message, and
the explanation names the words that weighed most.
Its classes are the five crisis labels and several kinds of harmless text ("none", and
"none.third_party", "none.history", "none.negation"...): P(crisis) is one minus all of those.

The engine asks it when the patterns found no strong signal and nothing that cancels one
(negation, idiom, media, history, someone else). Where a pattern read a crisis word as a
figure of speech or media, it asks again at a higher bar
(`guarded_threshold`): "lowkey wanna unalive myself, not even joking" is not an idiom. It
never reads past a negation, a past told as past, someone else's words or an accident.
Decision 0018 records how both bars were chosen and measured.
"""

from __future__ import annotations

import itertools
import json
import math
import operator
import re
import unicodedata
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

MODEL_FILE = Path(__file__).resolve().parent / "data" / "learned_model.json"
# Long text is read in windows of about this many characters; the most worrying one counts.
WINDOW = 1200
MAX_WINDOWS = 40
# Words whose letter groups are remembered (per model): people reuse words, so most words of
# a message were seen before. Bounded, so odd input cannot grow it without end.
WORD_CACHE = 50_000

_WORD = re.compile(r"\w+")
_REPEAT = re.compile(r"(.)\1{2,}")


def fold(text: str) -> str:
    """Lower case, accents and apostrophes removed, letters repeated 3+ times cut to two."""
    plain = text.lower()
    if not plain.isascii():  # ASCII has nothing to decompose and no accents: skip the walk
        decomposed = unicodedata.normalize("NFKD", plain)
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
    for word in folded.split():
        grams.extend(_word_char_grams(word))
    return grams


def _word_char_grams(word: str) -> list[str]:
    padded = f" {word} "
    size = len(padded)
    grams: list[str] = []
    for n in range(3, 6):
        grams.extend(padded[i : i + n] for i in range(max(1, size - n + 1)))
        if size <= n:
            break
    return grams


class Rows(Mapping[str, tuple[float, ...]]):
    """gram -> (idf, weight for each class), kept as two numpy arrays (`idf`, one number per
    gram, and `weights`, one row per gram) and a dict of row numbers: a fifth of the memory of
    a tuple of Python floats per gram (the shipped model has about 110,000 grams). The
    numbers are the same doubles."""

    def __init__(self, width: int, items: Iterable[tuple[str, Iterable[float]]] = ()) -> None:
        self.index: dict[str, int] = {}
        flat = array("d")
        for gram, row in items:
            start = len(flat)
            flat.extend(row)
            if len(flat) - start != width:
                raise ValueError(f"{gram!r}: {len(flat) - start} numbers, not {width}")
            self.index[gram] = len(self.index)
        table = np.frombuffer(flat, dtype=np.float64).reshape(-1, width)
        self.idf: npt.NDArray[np.float64] = np.ascontiguousarray(table[:, 0])
        self.weights: npt.NDArray[np.float64] = np.ascontiguousarray(table[:, 1:])

    def row(self, number: int) -> tuple[float, ...]:
        return (float(self.idf[number]), *self.weights[number].tolist())

    def __getitem__(self, gram: str) -> tuple[float, ...]:
        return self.row(self.index[gram])

    def __contains__(self, gram: object) -> bool:
        return gram in self.index

    def __iter__(self) -> Iterator[str]:
        return iter(self.index)

    def __len__(self) -> int:
        return len(self.index)


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
    # The higher bar for a message where a pattern read a crisis word as a figure of speech
    # or media (engine.screen); None: such messages are not read.
    guarded_threshold: float | None = None
    # Derived, never stored: the word grams and then the letter groups as rows of one table
    # (their idf; their weight for each class), the word grams' row numbers, and a bounded
    # cache of each word's known letter groups as row numbers (`_word_chars`).
    _idf: npt.NDArray[np.float64] = field(init=False, repr=False, compare=False)
    _weights: npt.NDArray[np.float64] = field(init=False, repr=False, compare=False)
    _word_index: Mapping[str, int] = field(init=False, repr=False, compare=False)
    _word_chars: Callable[[str], tuple[int, ...]] = field(init=False, repr=False, compare=False)
    # Which classes are harmless text and which are crises, by number (`_harmless`).
    _harmless: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _crises: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        harmless = tuple(i for i, name in enumerate(self.classes) if _harmless(name))
        object.__setattr__(self, "_harmless", harmless)
        crises = tuple(i for i in range(len(self.classes)) if i not in harmless)
        object.__setattr__(self, "_crises", crises)
        width = len(self.classes) + 1
        words = self.words if isinstance(self.words, Rows) else Rows(width, self.words.items())
        chars = self.chars if isinstance(self.chars, Rows) else Rows(width, self.chars.items())
        idf = np.concatenate((words.idf, chars.idf))
        weights = np.concatenate((words.weights, chars.weights)).reshape(-1, width - 1)
        object.__setattr__(self, "_idf", idf)
        object.__setattr__(self, "_weights", weights)
        # Both mappings now read their rows from the table, so the numbers are kept once.
        first = len(words)
        words.idf, chars.idf = idf[:first], idf[first:]
        words.weights, chars.weights = weights[:first], weights[first:]
        object.__setattr__(self, "_word_index", words.index)
        # Letter group i is row first + i of the table: numbered so once, at load.
        rows = {gram: first + i for gram, i in chars.index.items()}

        def word_chars(word: str) -> tuple[int, ...]:
            return tuple([i for i in map(rows.get, _word_char_grams(word)) if i is not None])

        cached = lru_cache(maxsize=WORD_CACHE)(word_chars)
        object.__setattr__(self, "_word_chars", cached)
        # The model's own words (about 12,000) are numbered at load, in about 0.2 s: most
        # words of a message are among them, so even a fresh process rarely works one out.
        for gram in words.index:
            if " " not in gram:
                cached(gram)

    def probabilities(self, folded: str) -> tuple[list[float], dict[str, float]]:
        """P(class) for every class, and each word feature's tf-idf value (for evidence).

        The same sums as scikit-learn's: each vectoriser's features (words and word pairs;
        letter groups) as sublinear tf-idf (1 + log(count), times idf), l2-normalised on their
        own, times the weights; equal to the plain sums up to float rounding. The rows of all
        the message's features are read from the table at once and summed by numpy."""
        index = self._word_index
        word_counts = Counter(word_grams(folded))
        grams = [gram for gram in word_counts if gram in index]
        char_counts = Counter(itertools.chain.from_iterable(map(self._word_chars, folded.split())))
        scores = list(self.intercept)
        values: dict[str, float] = {}
        size = len(grams) + len(char_counts)
        if size:
            ids = np.fromiter(
                itertools.chain(map(index.__getitem__, grams), char_counts), np.intp, size
            )
            counts = np.fromiter(
                itertools.chain(map(word_counts.__getitem__, grams), char_counts.values()),
                np.float64,
                size,
            )
            tfidf = self._idf.take(ids)
            tfidf *= np.log(counts) + 1.0
            words, letters = tfidf[: len(grams)], tfidf[len(grams) :]  # views: scaled in place
            for part in (words, letters):
                norm = math.sqrt(part @ part)
                if norm:
                    part /= norm
            if words.any():
                values = dict(zip(grams, words.tolist(), strict=True))
            sums = tfidf @ self._weights.take(ids, axis=0)
            scores = list(map(operator.add, scores, sums.tolist()))
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps], values

    def match(self, text: str, *, threshold: float | None = None) -> LearnedMatch | None:
        """The most worrying window of `text`, if its crisis probability reaches `threshold`
        (the model's own when None); None otherwise."""
        bar = self.threshold if threshold is None else threshold
        best: LearnedMatch | None = None
        harmless, crises = self._harmless, self._crises
        for window in _windows(fold(text)):
            if not window.strip():
                continue
            probs, words = self.probabilities(window)
            crisis = 1.0 - sum(probs[i] for i in harmless)
            if crisis < bar or (best is not None and crisis <= best.probability):
                continue
            k = max(crises, key=lambda i: probs[i])
            best = LearnedMatch(self.classes[k], crisis, _top_words(self, words, k))
        return best


def _harmless(name: str) -> bool:
    """Whether a class is harmless text: "none", or one of the kinds of it the model tells
    apart ("none.third_party": worry about someone else, "none.history", "none.negation"...;
    decision 0018, update of 2026-11-24b)."""
    return name == "none" or name.startswith("none.")


def _top_words(model: Model, words: Mapping[str, float], k: int) -> tuple[str, ...]:
    weights = model._weights[:, k]
    weighed = []
    for gram, value in words.items():
        weight = float(weights[model._word_index[gram]])
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
    width = len(data["classes"]) + 1
    return Model(
        classes=tuple(data["classes"]),
        intercept=tuple(float(x) for x in data["intercept"]),
        threshold=float(data["threshold"]),
        guarded_threshold=(
            None if data.get("guarded_threshold") is None else float(data["guarded_threshold"])
        ),
        words=Rows(width, ((g, (idf, *coef["w:" + g])) for g, idf in data["word_idf"].items())),
        chars=Rows(width, ((g, (idf, *coef["c:" + g])) for g, idf in data["char_idf"].items())),
    )


@lru_cache(maxsize=1)
def get_model() -> Model | None:
    """The shipped model, loaded once; None if the file is missing or unreadable (the
    patterns still run; the engine notes that the learned layer was unavailable)."""
    try:
        return from_dict(json.loads(MODEL_FILE.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        return None
