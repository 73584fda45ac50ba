"""Every article is written plainly (issue 6): a reading grade of about 8 or lower.

English is measured with the Flesch-Kincaid grade, Spanish with the Fernández-Huerta ease
score (60 or more reads at about grade 8 or lower; higher is easier). Both are measured over
the reading text: title, summary, paragraphs and list items.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import textstat  # type: ignore[import-untyped]

from heard.learn.articles import Article, all_articles

MAX_GRADE_EN = 8.0
MIN_EASE_ES = 60.0


def reading_text(article: Article) -> str:
    # Each list item is read as its own line, so it counts as its own sentence; without a full
    # stop the formulas would read a whole list as one long sentence.
    parts = [
        p if p.rstrip().endswith((".", "?", "!", "…", '"', "»")) else p + "."
        for p in article.text()
    ]
    return " ".join(parts)


@pytest.fixture
def spanish_textstat() -> Iterator[None]:
    """textstat keeps its language in a global: switch it for one test, always put it back."""
    textstat.set_lang("es")
    try:
        yield
    finally:
        textstat.set_lang("en_US")  # textstat's own default


@pytest.mark.parametrize("article", all_articles("en"), ids=lambda a: a.slug)
def test_each_english_article_reads_at_grade_8_or_lower(article):
    grade = textstat.flesch_kincaid_grade(reading_text(article))
    assert grade <= MAX_GRADE_EN, f"{article.slug}: Flesch-Kincaid grade {grade}"


@pytest.mark.parametrize("article", all_articles("es"), ids=lambda a: a.slug)
def test_each_spanish_article_is_easy_to_read(article, spanish_textstat):
    assert article.lang == "es"
    ease = textstat.fernandez_huerta(reading_text(article))
    assert ease >= MIN_EASE_ES, f"{article.slug}: Fernández-Huerta {ease}"


def test_the_check_flags_dense_text():
    dense = (
        "Pharmacological interventions for generalized anxiety disorder, administered "
        "concomitantly with psychotherapeutic modalities, demonstrate considerable "
        "heterogeneity in documented effectiveness across investigational populations."
    )
    assert textstat.flesch_kincaid_grade(dense) > MAX_GRADE_EN


def test_the_spanish_check_flags_dense_text(spanish_textstat):
    dense = (
        "La administración concomitante de intervenciones farmacológicas y modalidades "
        "psicoterapéuticas evidencia considerable heterogeneidad en la efectividad documentada "
        "en poblaciones investigacionales caracterizadas por comorbilidades psiquiátricas."
    )
    assert textstat.fernandez_huerta(dense) < MIN_EASE_ES
