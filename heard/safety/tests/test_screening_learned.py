"""The learned lexicon: pure-Python reading of the shipped word model, and how the engine
uses it (only where the patterns found nothing strong and nothing that cancels)."""

from __future__ import annotations

import json

import pytest

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
    assert 0.5 <= model.threshold < 1


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
