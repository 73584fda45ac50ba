"""The semantic layer of the crisis screener, with a fake encoder (and the real one if installed).

CI does not install the `ml` extra, so all the logic is tested with a bag-of-words encoder:
cosine similarity between word counts is easy to work out by hand. One test at the end loads
all-MiniLM-L6-v2 and runs wherever the extra is installed.
"""

from __future__ import annotations

import logging
import math
import re
import threading
from collections.abc import Sequence

import pytest

from heard.safety.screening import semantic
from heard.safety.screening.semantic import (
    LABELS,
    Prototype,
    SemanticLayer,
    SemanticMatch,
    split_sentences,
)

VOCABULARY = (
    "want", "die", "burden", "everyone", "cut", "myself", "kill", "him", "partner", "hits",
    "me", "exam", "killing", "not", "quiero", "morir", "carga", "todos",
)  # fmt: skip


class BagOfWords:
    """A deterministic encoder: one dimension per vocabulary word, counting it."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def __call__(self, texts: Sequence[str]) -> list[list[float]]:
        self.calls.append(list(texts))
        vectors = []
        for text in texts:
            words = re.findall(r"\w+", text.lower())
            vectors.append([float(words.count(word)) for word in VOCABULARY])
        return vectors


PROTOTYPES = (
    Prototype("ideation.en.wish.1", "ideation", "en", "want die"),
    Prototype("ideation.en.burden.1", "ideation", "en", "burden everyone"),
    Prototype("self_harm.en.cutting.1", "self_harm", "en", "cut myself"),
    Prototype("harm_to_others.en.threat.1", "harm_to_others", "en", "kill him"),
    Prototype("abuse.en.partner.1", "abuse", "en", "partner hits me"),
    Prototype("acute.en.plan.1", "acute", "en", "kill myself"),
    Prototype("ideation.es.wish.1", "ideation", "es", "quiero morir"),
    Prototype("none.en.idiom.1", "none", "en", "exam killing me"),
    Prototype("none.en.negation.1", "none", "en", "not want die"),
)


def make_layer(
    threshold: float | dict[str, float] = 0.5, margin: float = 0.0
) -> tuple[SemanticLayer, BagOfWords]:
    encoder = BagOfWords()
    return SemanticLayer(encoder, PROTOTYPES, threshold=threshold, margin=margin), encoder


def rounded(match: SemanticMatch | None) -> SemanticMatch | None:
    """The match with its similarity rounded, to compare with a worked-out value."""
    if match is None:
        return None
    return SemanticMatch(match.label, round(match.similarity, 9), match.prototype)


# cos("want die exam", "want die") = 2 / (sqrt(3) * sqrt(2))
TWO_OF_THREE = 2 / math.sqrt(6)


# --- the prototype file ---------------------------------------------------------------------


def test_the_prototype_file_covers_every_label_in_both_languages() -> None:
    prototypes = semantic.load_prototypes()
    assert 150 <= len(prototypes) <= 300
    assert len({p.id for p in prototypes}) == len(prototypes)
    assert len({p.text.casefold() for p in prototypes}) == len(prototypes)
    for label in (*LABELS, semantic.NEGATIVE):
        for lang in ("en", "es"):
            assert any(p.label == label and p.lang == lang for p in prototypes), (label, lang)


def test_prototype_ids_say_label_language_theme_and_number() -> None:
    prototypes = semantic.load_prototypes()
    for prototype in prototypes:
        label, lang, theme, number = prototype.id.split(".")
        assert (label, lang) == (prototype.label, prototype.lang)
        assert theme
        assert int(number) >= 1
    assert "ideation.en.burden.3" in {p.id for p in prototypes}


def test_negative_prototypes_cover_idioms_negations_third_parties_history_and_media() -> None:
    themes = {p.id.split(".")[2] for p in semantic.load_prototypes() if p.label == "none"}
    assert {"idiom", "negation", "third_party", "history", "media", "everyday"} <= themes


# --- sentences ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("   \n\n ", []),
        (" . !! ", []),
        ("One sentence", ["One sentence"]),
        ("First one. Second one! Third?", ["First one.", "Second one!", "Third?"]),
        ("¿Estás bien? Sí…  creo", ["¿Estás bien?", "Sí…", "creo"]),
        ("line one\nline two\n\n  line three ", ["line one", "line two", "line three"]),
        ("3.5 hours, e.g.it", ["3.5 hours, e.g.it"]),
        ("spaced    out\twords", ["spaced out words"]),
    ],
)
def test_it_splits_text_into_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_a_run_on_sentence_is_read_in_overlapping_windows() -> None:
    words = [f"w{n}" for n in range(70)]
    windows = [piece.split() for piece in split_sentences(" ".join(words))]
    assert all(len(window) == semantic.MAX_WORDS for window in windows)
    assert [(w[0], w[-1]) for w in windows] == [
        ("w0", "w31"),
        ("w16", "w47"),
        ("w32", "w63"),
        ("w38", "w69"),  # the last window ends on the last word
    ]


def test_a_sentence_of_exactly_max_words_is_one_window() -> None:
    text = " ".join(["word"] * semantic.MAX_WORDS)
    assert split_sentences(text) == [text]


def test_it_reads_at_most_the_sentence_limit() -> None:
    text = " ".join(f"Sentence {n}." for n in range(50))
    pieces = split_sentences(text)
    assert len(pieces) == semantic.MAX_SENTENCES
    assert pieces[-1] == f"Sentence {semantic.MAX_SENTENCES - 1}."
    assert split_sentences(text, limit=3) == ["Sentence 0.", "Sentence 1.", "Sentence 2."]


def test_the_limit_applies_within_a_long_sentence_too() -> None:
    text = " ".join(f"w{n}" for n in range(400))
    assert len(split_sentences(text)) == semantic.MAX_SENTENCES


@pytest.mark.parametrize(
    ("tag", "expected"), [("es", "es"), ("es-MX", "es"), (" EN_gb ", "en"), ("", "")]
)
def test_it_keys_thresholds_by_the_primary_language(tag: str, expected: str) -> None:
    assert semantic.primary_language(tag) == expected


# --- matching -------------------------------------------------------------------------------


def test_a_sentence_nearest_a_crisis_prototype_matches_it() -> None:
    layer, _ = make_layer()
    assert rounded(layer.match("I want to die", "en")) == SemanticMatch(
        "ideation", 1.0, "ideation.en.wish.1"
    )
    assert rounded(layer.match("My partner hits me.", "en")) == SemanticMatch(
        "abuse", 1.0, "abuse.en.partner.1"
    )


def test_the_similarity_is_the_cosine_of_the_two_sentences() -> None:
    layer, _ = make_layer()
    match = layer.match("want die exam", "en")
    assert match is not None
    assert match.similarity == pytest.approx(TWO_OF_THREE)
    assert 0.0 <= match.similarity <= 1.0


def test_a_sentence_below_the_threshold_does_not_match() -> None:
    assert make_layer(0.81)[0].match("want die exam", "en") is not None
    assert make_layer(0.82)[0].match("want die exam", "en") is None


def test_a_sentence_nearest_a_negative_prototype_raises_nothing() -> None:
    layer, _ = make_layer(0.1)
    # "I do not want to die" is close to "want die" (0.82) but closer to "not want die" (1.0).
    assert layer.match("I do not want to die", "en") is None
    # "This exam is killing me" shares "me" with the abuse prototype, but is an idiom.
    assert layer.match("This exam is killing me", "en") is None


def test_a_crisis_prototype_must_beat_the_nearest_negative_by_the_margin() -> None:
    # "want die exam": 0.82 to "want die", 0.67 to the negative "not want die".
    margin = TWO_OF_THREE - 2 / 3
    assert make_layer(margin=margin - 0.01)[0].match("want die exam", "en") is not None
    assert make_layer(margin=margin + 0.01)[0].match("want die exam", "en") is None


@pytest.mark.parametrize("margin", [-0.1, 1.0])
def test_it_refuses_a_margin_that_does_not_fit(margin: float) -> None:
    with pytest.raises(ValueError, match="margin"):
        SemanticLayer(BagOfWords(), PROTOTYPES, margin=margin)


def test_a_layer_with_only_negative_prototypes_matches_nothing() -> None:
    negatives = [p for p in PROTOTYPES if p.label == "none"]
    layer = SemanticLayer(BagOfWords(), negatives, threshold=0.1)
    assert layer.match("I want to die", "en") is None


def test_without_negative_prototypes_the_nearest_crisis_one_decides() -> None:
    crisis = [p for p in PROTOTYPES if p.label != "none"]
    layer = SemanticLayer(BagOfWords(), crisis, threshold=0.5)
    match = layer.match("I do not want to die", "en")
    assert match is not None
    assert match.prototype == "ideation.en.wish.1"


def test_each_label_has_its_own_threshold() -> None:
    strict_self_harm = dict.fromkeys(LABELS, 0.5) | {"self_harm": 0.9}
    layer, _ = make_layer(strict_self_harm)
    assert layer.match("want die exam", "en") is not None  # ideation at 0.82 passes 0.5
    assert layer.match("cut myself exam", "en") is None  # self_harm at 0.82 misses 0.9


def test_a_language_threshold_wins_for_text_in_that_language() -> None:
    layer, _ = make_layer(dict.fromkeys(LABELS, 0.5) | {"ideation.es": 0.9})
    assert layer.threshold_for("ideation", "es") == 0.9
    assert layer.threshold_for("ideation", "en") == 0.5
    assert layer.threshold_for("abuse", "es") == 0.5
    assert layer.match("quiero morir, carga", "es-MX") is None
    assert layer.match("quiero morir, carga", "en") is not None


def test_the_best_sentence_of_a_long_message_wins() -> None:
    layer, encoder = make_layer()
    text = "Exam today. Cut myself, exam. I want to die. Partner hits me and exam."
    match = layer.match(text, "en")
    assert rounded(match) == SemanticMatch("ideation", 1.0, "ideation.en.wish.1")
    # All the sentences go to the encoder in one batch.
    assert encoder.calls[-1] == [
        "Exam today.",
        "Cut myself, exam.",
        "I want to die.",
        "Partner hits me and exam.",
    ]


def test_a_crisis_sentence_among_harmless_ones_is_found() -> None:
    layer, _ = make_layer()
    text = "The exam was killing me. Anyway. Everyone, I'm a burden. See you."
    match = layer.match(text, "en")
    assert match is not None
    assert match.prototype == "ideation.en.burden.1"


def test_sentences_past_the_limit_are_not_read() -> None:
    layer, encoder = make_layer()
    harmless = "Nothing here. " * semantic.MAX_SENTENCES
    assert layer.match(harmless + "I want to die.", "en") is None
    assert len(encoder.calls[-1]) == semantic.MAX_SENTENCES


def test_empty_text_matches_nothing_without_calling_the_encoder() -> None:
    layer, encoder = make_layer()
    calls = len(encoder.calls)
    assert layer.match("", "en") is None
    assert layer.match("  \n ", "en") is None
    assert len(encoder.calls) == calls


def test_text_the_encoder_cannot_place_matches_nothing() -> None:
    # Every word is outside the vocabulary: a zero vector is near nothing.
    assert make_layer(0.01)[0].match("Hello there, lovely weather.", "en") is None


def test_prototypes_are_embedded_once() -> None:
    layer, encoder = make_layer()
    assert encoder.calls == [[p.text for p in PROTOTYPES]]
    layer.match("I want to die", "en")
    layer.match("kill him", "en")
    assert len(encoder.calls) == 3


def test_a_layer_without_prototypes_matches_nothing() -> None:
    encoder = BagOfWords()
    layer = SemanticLayer(encoder, [], threshold=0.1)
    assert layer.match("I want to die", "en") is None
    assert encoder.calls == []


def test_it_loads_the_shipped_prototypes_by_default() -> None:
    layer = SemanticLayer(BagOfWords())
    assert layer.prototypes == semantic.load_prototypes()
    assert layer.thresholds == dict(semantic.DEFAULT_THRESHOLD)
    assert layer.margin == semantic.DEFAULT_MARGIN


@pytest.mark.parametrize(
    "threshold",
    [
        {"ideation": 0.5},  # labels missing
        dict.fromkeys(LABELS, 0.5) | {"sadness": 0.5},  # unknown label
        dict.fromkeys(LABELS, 0.5) | {"sadness.es": 0.5},  # unknown label, with language
        dict.fromkeys(LABELS, 0.5) | {"abuse": 0.0},  # would match everything
        1.5,
    ],
)
def test_it_refuses_thresholds_that_do_not_fit(threshold: float | dict[str, float]) -> None:
    with pytest.raises(ValueError, match="threshold"):
        SemanticLayer(BagOfWords(), PROTOTYPES, threshold=threshold)


def test_it_refuses_a_prototype_with_an_unknown_label() -> None:
    odd = Prototype("sadness.en.x.1", "sadness", "en", "want die")
    with pytest.raises(ValueError, match=r"sadness\.en\.x\.1"):
        SemanticLayer(BagOfWords(), [odd])


def test_the_default_thresholds_name_every_label() -> None:
    assert set(LABELS) <= set(semantic.DEFAULT_THRESHOLD)


# --- loading --------------------------------------------------------------------------------


@pytest.fixture
def fresh(monkeypatch):
    """get_layer() as if nothing had been loaded in this process yet."""
    monkeypatch.setattr(semantic, "_loaded", False)
    monkeypatch.setattr(semantic, "_layer", None)
    return monkeypatch


def test_available_looks_for_the_modules_without_importing_them(monkeypatch) -> None:
    monkeypatch.setattr(semantic, "_ML_MODULES", ("json", "logging"))
    assert semantic.available() is True
    monkeypatch.setattr(semantic, "_ML_MODULES", ("json", "heard_no_such_module"))
    assert semantic.available() is False


def test_without_the_extra_there_is_no_layer_and_it_is_not_looked_for_again(fresh, caplog) -> None:
    fresh.setattr(semantic, "_ML_MODULES", ("heard_no_such_module",))
    with caplog.at_level(logging.INFO, logger="heard.safety.screening"):
        assert semantic.get_layer() is None
    assert "screening.semantic.unavailable" in caplog.text
    fresh.setattr(semantic, "available", pytest.fail)  # never asked again
    assert semantic.get_layer() is None


def test_a_broken_model_gives_no_layer_and_logs_only_the_error_type(fresh, caplog) -> None:
    fresh.setattr(semantic, "available", lambda: True)
    attempts = []

    def broken() -> semantic.Encode:
        attempts.append(1)
        raise RuntimeError("details that do not belong in logs")

    fresh.setattr(semantic, "_model_encoder", broken)
    with caplog.at_level(logging.INFO, logger="heard.safety.screening"):
        assert semantic.get_layer() is None
        assert semantic.get_layer() is None
    assert attempts == [1]  # not retried on every message
    assert "screening.semantic.load_failed error=RuntimeError" in caplog.text
    assert "details" not in caplog.text


def test_the_layer_is_loaded_once_and_shared(fresh, caplog) -> None:
    fresh.setattr(semantic, "available", lambda: True)
    encoders: list[BagOfWords] = []

    def model_encoder() -> semantic.Encode:
        encoders.append(BagOfWords())
        return encoders[-1]

    fresh.setattr(semantic, "_model_encoder", model_encoder)
    with caplog.at_level(logging.INFO, logger="heard.safety.screening"):
        layer = semantic.get_layer()
    assert isinstance(layer, SemanticLayer)
    assert semantic.get_layer() is layer
    assert len(encoders) == 1
    assert f"screening.semantic.loaded prototypes={len(layer.prototypes)}" in caplog.text


def test_threads_asking_at_once_load_the_model_once(fresh) -> None:
    fresh.setattr(semantic, "available", lambda: True)
    started = threading.Event()
    release = threading.Event()
    encoders = []

    def slow_model_encoder() -> semantic.Encode:
        encoders.append(1)
        started.set()
        assert release.wait(5)
        return BagOfWords()

    fresh.setattr(semantic, "_model_encoder", slow_model_encoder)
    results: list[SemanticLayer | None] = []
    threads = [
        threading.Thread(target=lambda: results.append(semantic.get_layer())) for _ in "1234"
    ]
    for thread in threads:
        thread.start()
    assert started.wait(5)
    release.set()
    for thread in threads:
        thread.join(5)
    assert len(encoders) == 1
    assert len(results) == 4
    assert results[0] is not None
    assert all(result is results[0] for result in results)


class SignallingLock:
    """A lock that says when someone starts waiting for it."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.waiting = threading.Event()

    def __enter__(self) -> SignallingLock:
        self.waiting.set()
        self.lock.acquire()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.lock.release()


def test_a_thread_that_waited_for_the_lock_takes_the_layer_another_loaded(fresh) -> None:
    lock = SignallingLock()
    fresh.setattr(semantic, "_lock", lock)
    fresh.setattr(semantic, "_load", pytest.fail)  # the waiting thread must not load again
    loaded_elsewhere = SemanticLayer(BagOfWords(), PROTOTYPES)
    results: list[SemanticLayer | None] = []

    lock.lock.acquire()  # another thread is loading
    waiter = threading.Thread(target=lambda: results.append(semantic.get_layer()))
    waiter.start()
    assert lock.waiting.wait(5)
    fresh.setattr(semantic, "_layer", loaded_elsewhere)  # ... and finishes
    fresh.setattr(semantic, "_loaded", True)
    lock.lock.release()
    waiter.join(5)
    assert results == [loaded_elsewhere]


# --- the real model -------------------------------------------------------------------------


@pytest.mark.skipif(not semantic.available(), reason="the ml extra is not installed")
def test_the_real_model_catches_paraphrases_and_lets_idioms_pass() -> None:
    layer = semantic.get_layer()
    assert layer is not None
    caught = {
        "I keep thinking everyone would be relieved if I wasn't around": "ideation",
        "I've been writing letters to say goodbye to everyone": "ideation",
        "nothing is going to get better and I'm so tired of existing": "ideation",
    }
    for text, label in caught.items():
        match = layer.match(text, "en")
        assert match is not None, text
        assert match.label == label, (text, match)
    for text in (
        "this exam is killing me",
        "I'm not suicidal, just exhausted after a long week",
        "Work was stressful today and I feel a bit low",
        "I could murder a pizza right now",
    ):
        assert layer.match(text, "en") is None, text
