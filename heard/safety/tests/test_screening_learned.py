"""The learned lexicon: pure-Python reading of the shipped word model, and how the engine
uses it (only where the patterns found nothing strong and nothing that cancels)."""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

import pytest

from heard.safety.screening import engine as screening_engine
from heard.safety.screening import learned, screen


def tiny_model(threshold: float = 0.5) -> learned.Model:
    """Two classes, one word that pushes towards ideation."""
    return learned.from_dict(
        {
            "classes": ["ideation", "none"],
            "intercept": [0.0, 0.0],
            "threshold": threshold,
            "word_idf": {"gone": 1.0, "sunny": 1.0},
            "char_idf": {" go": 1.0},
            "coef": {"w:gone": [4.0, -4.0], "w:sunny": [-4.0, 4.0], "c: go": [0.5, -0.5]},
        }
    )


def test_folding_lowers_strips_accents_apostrophes_and_long_repeats():
    assert learned.fold("Ya NO aguanto máááás, I'm doneeee") == "ya no aguanto maas, im donee"


def test_words_and_pairs():
    assert learned.word_grams("i want out") == ["i", "want", "out", "i want", "want out"]


def test_letter_groups_follow_the_char_wb_rule():
    # A word shorter than the group size gives the whole padded word once.
    assert learned.char_grams("a") == [" a "]
    assert learned.char_grams("ok") == [" ok", "ok ", " ok "]


def test_a_message_over_the_threshold_matches_with_its_words():
    found = tiny_model().match("I want to be gone")
    assert found is not None
    assert found.label == "ideation"
    assert found.probability > 0.9
    assert found.words == ("gone",)


def test_a_message_under_the_threshold_does_not_match():
    assert tiny_model().match("a sunny day") is None
    assert tiny_model().match("") is None


def test_long_text_is_read_in_windows_and_the_worst_one_counts():
    text = "a quiet walk. " * 300 + " I want to be gone " + " a quiet walk." * 300
    found = tiny_model().match(text)
    assert found is not None
    assert found.label == "ideation"


def test_the_shipped_model_loads_and_agrees_with_its_file():
    model = learned.get_model()
    assert model is not None
    data = json.loads(learned.MODEL_FILE.read_text(encoding="utf-8"))
    assert model.classes == tuple(data["classes"])
    assert "none" in model.classes
    assert model.threshold == data["threshold"]
    assert 0.4 <= model.threshold < 1  # the training tool's grid (decision 0018, update f)
    assert model.guarded_threshold is None or model.guarded_threshold >= model.threshold


def test_a_missing_or_broken_model_means_patterns_only(tmp_path, monkeypatch):
    learned.get_model.cache_clear()
    monkeypatch.setattr(learned, "MODEL_FILE", tmp_path / "missing.json")
    try:
        assert learned.get_model() is None
        assert screen("I want to die").crisis  # the patterns still run
    finally:
        learned.get_model.cache_clear()
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    monkeypatch.setattr(learned, "MODEL_FILE", broken)
    try:
        assert learned.get_model() is None
    finally:
        learned.get_model.cache_clear()


def reference_probabilities(
    model: learned.Model, folded: str
) -> tuple[list[float], dict[str, float]]:
    """The model read the plain way, one feature and one class at a time (how learned.py
    first did it): the fast reading must give the same numbers, up to float rounding."""

    def add(
        scores: list[float], grams: list[str], table: Mapping[str, tuple[float, ...]]
    ) -> dict[str, float]:
        values: dict[str, float] = {}
        for gram, count in Counter(grams).items():
            row = table.get(gram)
            if row is not None:
                values[gram] = (1.0 + math.log(count)) * row[0] if count > 1 else row[0]
        norm = math.sqrt(sum(v * v for v in values.values()))
        if not norm:
            return {}
        for gram, value in values.items():
            values[gram] = value / norm
            for k in range(len(scores)):
                scores[k] += values[gram] * table[gram][k + 1]
        return values

    scores = list(model.intercept)
    words = add(scores, learned.word_grams(folded), model.words)
    add(scores, learned.char_grams(folded), model.chars)
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    return [e / sum(exps) for e in exps], words


def test_the_shipped_model_reads_as_the_plain_way():
    model = learned.get_model()
    assert model is not None
    path = Path(__file__).resolve().parents[3] / "bench" / "data" / "crisis_dev.jsonl"
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
    texts += ["", "   ", "ÑOÑO  sí\u2009sí sí", "a" * 3000, "lol " * 50, "\U0001faa6 x"]
    for text in texts:
        folded = learned.fold(text)
        probs, words = model.probabilities(folded)
        expected_probs, expected_words = reference_probabilities(model, folded)
        assert probs == pytest.approx(expected_probs, rel=1e-9, abs=1e-12), text
        assert words == pytest.approx(expected_words, rel=1e-12), text


def test_features_without_weight_add_nothing():
    # idf 0 (never in a trained model): no feature has any weight, nothing to normalise.
    model = learned.from_dict(
        {
            "classes": ["ideation", "none"],
            "intercept": [0.0, 1.0],
            "threshold": 0.5,
            "word_idf": {"gone": 0.0},
            "char_idf": {" go": 0.0},
            "coef": {"w:gone": [4.0, -4.0], "c: go": [0.5, -0.5]},
        }
    )
    probs, words = model.probabilities("gone")
    assert words == {}
    assert probs == pytest.approx(reference_probabilities(model, "gone")[0], rel=1e-12)
    assert model.match("gone") is None


def test_rows_keep_each_gram_s_numbers_in_one_array():
    rows = learned.Rows(3, [("gone", (1.5, 2.0, -2.0)), ("die", (2.5, 4.0, -4.0))])
    assert rows["die"] == (2.5, 4.0, -4.0)
    assert rows.row(0) == (1.5, 2.0, -2.0)
    assert "gone" in rows
    assert "stay" not in rows
    assert list(rows) == ["gone", "die"]
    assert len(rows) == 2
    assert list(rows.values()) == [(1.5, 2.0, -2.0), (2.5, 4.0, -4.0)]
    assert rows.get("stay") is None
    with pytest.raises(ValueError, match="2 numbers, not 3"):
        learned.Rows(3, [("short", (1.0, 2.0))])


def test_every_kind_of_harmless_class_counts_as_harmless():
    # "none" is split into kinds of harmless text (worry about someone else, a past told as
    # past...): together they are P(harmless); the finding names the likeliest crisis class.
    model = learned.from_dict(
        {
            "classes": ["abuse", "ideation", "none", "none.third_party"],
            "intercept": [0.0, 0.0, 0.0, 0.0],
            "threshold": 0.5,
            "word_idf": {"friend": 1.0, "gone": 1.0},
            "char_idf": {},
            "coef": {"w:friend": [0.0, 0.0, 0.0, 6.0], "w:gone": [1.0, 3.0, 0.0, 0.0]},
        }
    )
    found = model.match("gone")
    assert found is not None
    assert found.label == "ideation"
    probs, _ = model.probabilities("gone")
    assert found.probability == pytest.approx(probs[0] + probs[1])
    # The third-party class takes almost all of it: harmless, though "none" itself is small.
    assert model.match("friend") is None
    assert model.probabilities("friend")[0][2] < 0.01


# --- In the engine -------------------------------------------------------------------------


def test_the_learned_lexicon_speaks_when_the_patterns_found_nothing(monkeypatch):
    # A made-up word no pattern knows, weighted towards ideation in a tiny model: the engine
    # reports what the learned lexicon found, and explains it by its words.
    model = learned.from_dict(
        {
            "classes": ["ideation", "none"],
            "intercept": [0.0, 0.0],
            "threshold": 0.5,
            "word_idf": {"zorblat": 1.0},
            "char_idf": {},
            "coef": {"w:zorblat": [4.0, -4.0]},
        }
    )
    monkeypatch.setattr(learned, "get_model", lambda: model)
    text = "feeling very zorblat today"
    assert not screen(text, learned_layer=False).crisis
    result = screen(text)
    assert result.crisis
    assert (result.level, result.label, result.about) == ("urgent", "ideation", "self")
    assert result.categories == ("suicide",)
    assert result.evidence[-1].effect == "learned"
    assert result.evidence[-1].rule == "learned.ideation"
    assert '"zorblat"' in result.explanation
    assert "learned word model" in result.explanation


@pytest.mark.parametrize(
    "text",
    ["this exam is killing me lol", "my friend says she wants to be gone"],
)
def test_the_learned_lexicon_never_overrides_a_counter_signal(monkeypatch, text):
    model = tiny_model(threshold=0.0)  # would flag anything
    monkeypatch.setattr(learned, "get_model", lambda: model)
    assert not screen(text).crisis


def test_it_can_be_turned_off(monkeypatch):
    model = tiny_model(threshold=0.0)
    monkeypatch.setattr(learned, "get_model", lambda: model)
    assert screen("a quiet sunny day", learned_layer=False).level == "none"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("I keep thinking everyone would be relieved if I slipped away quietly", "en"),
        ("no le veo sentido a seguir, ojalá no despertara mañana", "es"),
    ],
)
def test_the_shipped_engine_flags_indirect_wording(text, lang):
    assert screen(text, lang).crisis


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("I'm not suicidal, I'm just exhausted", "en"),
        ("Had a long day at work and I'm tired, going to bed early", "en"),
        ("The pasta was to die for", "en"),
        ("Hoy fui al mercado con mi hermana y comimos helado", "es"),
    ],
)
def test_the_shipped_engine_leaves_everyday_text_alone(text, lang):
    assert not screen(text, lang).crisis


# Ordinary daily check-in notes from bench/data/everyday_dev.jsonl (never the held-out
# everyday set). The model shipped before the everyday sets read every one of these as a
# crisis (the gym and the walk as acute, the yoga as ideation, the lasagna as self-harm).
@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Leg day at the gym, stairs are going to be fun tomorrow", "en"),  # ed-0001
        ("Morning yoga before the kids woke up", "en"),  # ed-0003
        ("Woke up with a stiff neck", "en"),  # ed-0007
        ("Made lasagna from scratch, took all afternoon but so worth it", "en"),  # ed-0011
        ("Lazy Saturday, pyjamas all day", "en"),  # ed-0045
        ("Nice walk to the shops this morning", "en"),  # ed-0111
        ("Homework until 10pm again", "en"),  # ed-0137
        ("Reuniones y más reuniones", "es"),  # ed-0114
        ("Le sigo dando vueltas a lo que me dijo ayer mi jefa", "es"),  # ed-0136
    ],
)
def test_the_shipped_engine_leaves_everyday_dev_lines_alone(text, lang):
    assert not screen(text, lang).crisis


# The ordinary notes reported as absurd crises (urgent self-harm, acute, self-harm).
@pytest.mark.parametrize(
    "text", ["Went to the gym after work", "Did yoga this morning", "Slept badly again"]
)
def test_the_reported_everyday_notes_are_not_crises(text):
    assert not screen(text, "en").crisis


@pytest.mark.parametrize("text", ["after", "nothing", "better", "home", "after work", "idk"])
def test_the_learned_lexicon_does_not_read_one_or_two_words(monkeypatch, text):
    # On so few words its letter groups decide alone; short crises are the patterns' job.
    model = tiny_model(threshold=0.0)  # would flag anything it is asked about
    monkeypatch.setattr(learned, "get_model", lambda: model)
    assert not screen(text).crisis
    assert screen("a quiet sunny day").crisis  # three words: it is asked


# --- The guarded reading: where a pattern took a crisis word for an idiom, media or someone
# else's words, the learned lexicon may still read the whole message, at a higher bar.


def guarded_model(
    weight: float, *, guarded: float | None = 0.9, threshold: float = 0.5
) -> learned.Model:
    """ "zorblat" pushes towards ideation with `weight`: P(crisis) = 1 / (1 + e^(-2 w))."""
    return learned.from_dict(
        {
            "classes": ["ideation", "none"],
            "intercept": [0.0, 0.0],
            "threshold": threshold,
            "guarded_threshold": guarded,
            "word_idf": {"zorblat": 1.0},
            "char_idf": {},
            "coef": {"w:zorblat": [weight, -weight]},
        }
    )


@pytest.mark.parametrize("text", ["this exam is killing me zorblat"])  # an idiom
def test_a_guarded_reading_overrules_an_idiom_over_the_higher_bar(monkeypatch, text):
    assert not screen(text, learned_layer=False).crisis
    monkeypatch.setattr(learned, "get_model", lambda: guarded_model(4.0))  # P(crisis) 0.9997
    result = screen(text)
    assert result.crisis
    assert (result.level, result.label, result.about) == ("urgent", "ideation", "self")
    assert result.evidence[-1].rule == "learned.ideation"
    assert "figure of speech or media" in result.explanation
    # Over the usual bar (0.5) but under the guarded one (0.9): the patterns' reading stands.
    monkeypatch.setattr(learned, "get_model", lambda: guarded_model(0.5))  # P(crisis) 0.73
    assert not screen(text).crisis
    # A model without a guarded bar never reads these messages.
    monkeypatch.setattr(learned, "get_model", lambda: guarded_model(4.0, guarded=None))
    assert not screen(text).crisis
    # Nor does the engine with its learned layer turned off.
    monkeypatch.setattr(learned, "get_model", lambda: guarded_model(4.0))
    assert not screen(text, learned_layer=False).crisis


@pytest.mark.parametrize(
    "text",
    [
        "I don't want to kill myself, zorblat",  # a negation
        "Two years ago I tried to kill myself. Now I'm doing well, zorblat",  # the past
        "my friend says she wants to be gone zorblat",  # someone else's words: a concern
        "I cut myself shaving this morning, zorblat",  # an accident
    ],
)
def test_a_guarded_reading_never_overrules_a_negation_the_past_a_third_party_or_an_accident(
    monkeypatch, text
):
    # Any guarded reading would flag it (bar 0), and the usual reading cannot (bar over 1).
    model = guarded_model(8.0, guarded=0.0, threshold=1.01)
    monkeypatch.setattr(learned, "get_model", lambda: model)
    assert not screen(text).crisis
    assert screen("this exam is killing me zorblat").crisis  # an idiom is read


def test_the_guarded_reading_needs_three_words_too(monkeypatch):
    monkeypatch.setattr(learned, "get_model", lambda: guarded_model(8.0, guarded=0.0))
    monkeypatch.setattr(screening_engine, "_enough_words", lambda folded: False)
    assert not screen("this exam is killing me zorblat").crisis


def test_the_guarded_threshold_is_optional_in_the_model_file():
    assert tiny_model().guarded_threshold is None
    assert guarded_model(1.0).guarded_threshold == 0.9
