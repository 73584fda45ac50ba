"""Psychoeducation articles the team wrote, stored as data (data/articles_<lang>.json).

Every article has the same slug, in the same order, in every language. An article missing
from a translation falls back to English, and says so (`Article.lang`), so the page can mark
its text with the right `lang` attribute.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import get_language

DATA = Path(__file__).resolve().parent / "data"
LANGUAGES = ("en", "es")
FALLBACK = "en"


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...]
    bullets: tuple[str, ...]


@dataclass(frozen=True)
class Article:
    slug: str  # stable across languages, e.g. "urgent-help"
    lang: str  # the language the text is in (English when a translation is missing)
    title: str
    summary: str  # one plain sentence for the list
    minutes: int  # about how long it takes to read
    content_note: str  # "" when there is nothing to note
    sections: tuple[Section, ...]
    related_skills: tuple[str, ...]  # skills library keys (heard/skills/library.py)
    show_crisis_lines: bool  # show the visitor's crisis lines with the article

    def text(self) -> list[str]:
        """Every piece of reading text: title, summary, paragraphs and list items."""
        parts = [self.title, self.summary]
        for section in self.sections:
            parts += [*section.paragraphs, *section.bullets]
        return parts


def _language(lang: str | None) -> str:
    code = (lang or get_language() or FALLBACK).split("-")[0]
    return code if code in LANGUAGES else FALLBACK


@cache
def _load(lang: str) -> dict[str, Article]:
    raw = json.loads((DATA / f"articles_{lang}.json").read_text(encoding="utf-8"))
    articles: dict[str, Article] = {}
    for item in raw["articles"]:
        articles[item["slug"]] = Article(
            slug=item["slug"],
            lang=lang,
            title=item["title"],
            summary=item["summary"],
            minutes=int(item["minutes"]),
            content_note=item.get("content_note", ""),
            sections=tuple(
                Section(
                    heading=s["heading"],
                    paragraphs=tuple(s.get("paragraphs", ())),
                    bullets=tuple(s.get("bullets", ())),
                )
                for s in item["sections"]
            ),
            related_skills=tuple(item.get("related_skills", ())),
            show_crisis_lines=bool(item.get("show_crisis_lines", False)),
        )
    return articles


def all_articles(lang: str | None = None) -> list[Article]:
    """Every article in `lang` (default: the active language), in English order; an article
    not yet translated is given in English."""
    translated = _load(_language(lang))
    return [translated.get(slug, article) for slug, article in _load(FALLBACK).items()]


def get_article(slug: str, lang: str | None = None) -> Article | None:
    """The article `slug` in `lang` (English if not translated), or None if there is none."""
    return _load(_language(lang)).get(slug) or _load(FALLBACK).get(slug)
