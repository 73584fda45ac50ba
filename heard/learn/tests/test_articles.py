"""The articles as data: the topics issue 6 asks for, in English and Spanish, with the same
slugs in the same order, links only to skills that exist, and safe, stigma-free words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from heard.learn import articles
from heard.learn.articles import all_articles, get_article
from heard.safety import language
from heard.skills.library import all_skills

# The twelve topics issue 6 names, in the order the list shows them.
NAMED = [
    "anxiety",
    "low-mood",
    "sleep",
    "stress",
    "grief",
    "trauma-responses",
    "panic",
    "self-compassion",
    "what-therapy-is-like",
    "supporting-a-friend",
    "medication-questions",
    "urgent-help",
]
LANGS = ["en", "es"]


def slugs(lang: str) -> list[str]:
    return [a.slug for a in all_articles(lang)]


def test_there_are_at_least_twelve_articles():
    assert len(all_articles("en")) >= 12


@pytest.mark.parametrize("lang", LANGS)
def test_the_named_topics_are_there_in_order(lang):
    present = [slug for slug in slugs(lang) if slug in NAMED]
    assert present == NAMED


def test_every_article_is_translated_with_the_same_slugs_in_the_same_order():
    # Read the files themselves: the loader would fill a gap with English.
    raw = {
        lang: [a["slug"] for a in json.loads(path.read_text(encoding="utf-8"))["articles"]]
        for lang in LANGS
        for path in [articles.DATA / f"articles_{lang}.json"]
    }
    assert raw["es"] == raw["en"]
    assert len(set(raw["en"])) == len(raw["en"])
    assert all(a.lang == "es" for a in all_articles("es"))


@pytest.mark.parametrize("lang", LANGS)
def test_every_article_has_the_parts_a_page_needs(lang):
    for article in all_articles(lang):
        assert article.title, article.slug
        assert article.summary, article.slug
        assert 1 <= article.minutes <= 15, article.slug
        assert article.sections, article.slug
        for section in article.sections:
            assert section.heading, article.slug
            assert section.paragraphs or section.bullets, (article.slug, section.heading)


@pytest.mark.parametrize("lang", LANGS)
def test_hard_topics_carry_a_content_note(lang):
    for slug in ("grief", "trauma-responses", "urgent-help", "supporting-a-friend"):
        article = get_article(slug, lang)
        assert article is not None, slug
        assert article.content_note, slug


@pytest.mark.parametrize("lang", LANGS)
def test_crisis_lines_go_with_urgent_help_and_supporting_a_friend(lang):
    with_lines = {a.slug for a in all_articles(lang) if a.show_crisis_lines}
    assert with_lines == {"urgent-help", "supporting-a-friend"}


@pytest.mark.parametrize("lang", LANGS)
def test_every_related_skill_is_in_the_skills_library(lang):
    keys = {skill.key for skill in all_skills(lang)}
    for article in all_articles(lang):
        unknown = set(article.related_skills) - keys
        assert not unknown, f"{article.slug}: {sorted(unknown)}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_words_are_safe_and_stigma_free(lang):
    # The same phrase list as heard/safety/tests/test_language.py, article by article.
    for article in all_articles(lang):
        text = "\n".join(
            [article.content_note, *article.text(), *(s.heading for s in article.sections)]
        )
        found = language.problems(text, lang="en") + language.problems(text, lang="es")
        assert not found, (article.slug, [f"{p.phrase!r}: say {p.instead!r}" for p in found])


def test_the_medication_article_only_suggests_questions_and_never_to_stop_alone():
    article = get_article("medication-questions", "en")
    assert article is not None
    text = " ".join(article.text())
    assert "Don't stop or change a medicine suddenly without talking to your prescriber" in text
    assert " mg" not in text
    assert "dose of" not in text


def test_get_article_answers_none_for_an_unknown_slug():
    assert get_article("not-an-article", "en") is None


def test_an_unknown_language_gets_english():
    article = get_article("anxiety", "fr")
    assert article is not None
    assert article.lang == "en"
    assert slugs("fr") == slugs("en")


def test_an_article_missing_from_a_translation_falls_back_to_english(tmp_path: Path, monkeypatch):
    def write(lang: str, *slugs: str) -> None:
        items = [
            {
                "slug": slug,
                "title": f"{slug} ({lang})",
                "summary": "s",
                "minutes": 1,
                "sections": [{"heading": "h", "paragraphs": ["p"]}],
            }
            for slug in slugs
        ]
        (tmp_path / f"articles_{lang}.json").write_text(json.dumps({"articles": items}))

    write("en", "one", "two")
    write("es", "two")
    monkeypatch.setattr(articles, "DATA", tmp_path)
    articles._load.cache_clear()
    try:
        assert [(a.slug, a.lang) for a in all_articles("es")] == [("one", "en"), ("two", "es")]
        one = get_article("one", "es")
        assert one is not None
        assert one.title == "one (en)"
        assert one.content_note == ""
        assert one.related_skills == ()
        assert not one.show_crisis_lines
        assert one.sections[0].bullets == ()
    finally:
        articles._load.cache_clear()
