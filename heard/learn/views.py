"""Psychoeducation articles at /learn/: open to everyone, signed in or not.

Nothing here reads or writes anyone's data, and nothing is audited: reading about anxiety or
getting urgent help must leave no trace. Articles are data (articles.py); the page words are
translated as usual.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from heard.learn.articles import Article, all_articles, get_article
from heard.safety.services import crisis_lines_for_request
from heard.skills.library import Skill, get_skill

URGENT_HELP = "urgent-help"


def _page_language() -> str:
    return (get_language() or "en").split("-")[0]


@require_safe
def article_list(request: HttpRequest) -> HttpResponse:
    context = {
        "articles": all_articles(),
        "page_lang": _page_language(),
        "urgent_help": get_article(URGENT_HELP),
    }
    return render(request, "learn/article_list.html", context)


@require_safe
def article_detail(request: HttpRequest, slug: str) -> HttpResponse:
    article = get_article(slug)
    if article is None:
        raise Http404
    context = {
        "article": article,
        # Set when the article is not translated yet: its text is marked with its own language.
        "text_lang": "" if article.lang == _page_language() else article.lang,
        # Skill pages need an account: a visitor is not sent to a sign-in wall.
        "skills": related_skills(article) if request.user.is_authenticated else [],
        "lines": crisis_lines_for_request(request) if article.show_crisis_lines else None,
        "urgent_help": get_article(URGENT_HELP) if slug != URGENT_HELP else None,
    }
    return render(request, "learn/article_detail.html", context)


def related_skills(article: Article) -> list[Skill]:
    """The article's related skills that exist in the library and have a page. Unknown keys
    are skipped, so an article never breaks when a skill is renamed or not written yet."""
    skills: list[Skill] = []
    for key in article.related_skills:
        skill = get_skill(key)
        if skill is None:
            continue
        try:
            reverse("skills:skill", args=[key])
        except NoReverseMatch:  # no skill pages (yet)
            continue
        skills.append(skill)
    return skills
