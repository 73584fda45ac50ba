"""The article pages at /learn/: open to everyone, in English and Spanish, with a content note
before the text, the visitor's crisis lines where an article needs them, and links to skills."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from heard.learn import articles, views
from heard.learn.articles import all_articles, get_article
from heard.skills.library import get_skill

pytestmark = pytest.mark.django_db

LIST = "/learn/"
WITH_SKILLS = "heard.learn.tests.urls_with_skill_page"
WITHOUT_SKILLS = "heard.learn.tests.urls_without_skill_pages"


def article_url(slug: str) -> str:
    return f"/learn/{slug}/"


def text(response: Any) -> str:
    assert response.status_code == 200
    return str(response.content, "utf-8")


def spanish(client: Client) -> Client:
    client.cookies["django_language"] = "es"
    return client


def test_the_pages_live_at_learn():
    assert reverse("learn:articles") == LIST
    assert reverse("learn:article", args=["anxiety"]) == article_url("anxiety")


@pytest.mark.parametrize("who", [None, "casey", "dana"])
def test_everyone_can_read_the_list_and_every_article(client, client_for, who):
    c = client_for(who) if who else client
    body = text(c.get(LIST))
    for article in all_articles("en"):
        assert f'href="{article_url(article.slug)}"' in body
        assert article.title in body
        page = text(c.get(article_url(article.slug)))
        assert "<h1 " in page
        assert article.title in page


@pytest.mark.parametrize("who", [None, "casey", "dana"])
def test_in_spanish_the_pages_and_the_articles_are_spanish(client, client_for, who):
    c = spanish(client_for(who) if who else client)
    body = text(c.get(LIST))
    assert '<html lang="es"' in body
    assert "Ansiedad y preocupación" in body
    assert "Anxiety and worry" not in body
    page = text(c.get(article_url("panic")))
    assert '<html lang="es"' in page
    assert "Ataques de pánico" in page
    assert ' lang="en"' not in page.split("<main", 1)[1]  # nothing here fell back to English


def test_the_list_shows_title_summary_and_reading_time(client):
    body = text(client.get(LIST))
    sleep = get_article("sleep", "en")
    assert sleep is not None
    assert sleep.summary in body
    assert f"About {sleep.minutes} minutes to read" in body


def test_an_unknown_article_is_not_found(client):
    assert client.get(article_url("not-an-article")).status_code == 404


def test_the_pages_only_answer_reads(client):
    assert client.post(LIST).status_code == 405
    assert client.post(article_url("anxiety")).status_code == 405
    assert client.head(article_url("anxiety")).status_code == 200


def test_an_article_has_one_h1_and_an_h2_for_each_section(client):
    article = get_article("trauma-responses", "en")
    assert article is not None
    body = text(client.get(article_url(article.slug)))
    assert body.count("<h1") == 1
    headings = re.findall(r'<h2 id="section-\d+">([^<]*)</h2>', body)
    assert headings == [s.heading.replace("'", "&#x27;") for s in article.sections]


def test_the_content_note_comes_before_the_text(client):
    article = get_article("grief", "en")
    assert article is not None
    body = text(client.get(article_url("grief")))
    note = body.index("heard-content-note")
    assert article.content_note in body
    assert note < body.index(article.sections[0].heading)


def test_an_article_without_a_content_note_shows_none(client):
    assert "heard-content-note" not in text(client.get(article_url("sleep")))


@pytest.mark.parametrize(
    ("region", "emergency", "line"),
    [
        ("US", "tel:911", "tel:988"),
        ("GB", "tel:999", "tel:116123"),
        ("AU", "tel:000", "tel:131114"),
    ],
)
def test_urgent_help_shows_the_lines_for_the_visitors_region(client, region, emergency, line):
    body = text(client.get(article_url("urgent-help"), {"region": region}))
    assert f'href="{emergency}"' in body
    assert f'href="{line}"' in body
    # The lines come before the article's text, just below the content note.
    article = get_article("urgent-help", "en")
    assert article is not None
    assert body.index(f'href="{line}"') < body.index(article.sections[0].heading)


def test_urgent_help_uses_the_region_from_the_browser(client):
    body = text(client.get(article_url("urgent-help"), HTTP_ACCEPT_LANGUAGE="en-GB"))
    assert 'href="tel:999"' in body


def test_a_client_sees_the_lines_for_their_organizations_region(client_for):
    body = text(client_for("casey").get(article_url("urgent-help")))
    assert 'href="tel:988"' in body  # Harbor Counselling is in the US


def test_supporting_a_friend_shows_crisis_lines(client):
    body = text(client.get(article_url("supporting-a-friend"), {"region": "US"}))
    assert 'href="tel:988"' in body


def test_other_articles_show_no_crisis_lines_but_always_point_to_help(client):
    body = text(client.get(article_url("anxiety"), {"region": "US"}))
    assert 'href="tel:988"' not in body
    assert 'href="/help-now/"' in body
    assert f'href="{article_url("urgent-help")}"' in body


def test_spanish_readers_see_spanish_lines_first(client):
    body = text(spanish(client).get(article_url("urgent-help"), {"region": "US"}))
    assert body.index('href="sms:988?&amp;body=AYUDA"') < body.index('href="sms:988"')


def test_visitors_get_the_quick_exit_and_a_print_button(client):
    body = text(client.get(article_url("anxiety")))
    assert "heard-quick-exit" in body
    assert "data-heard-print" in body
    assert "learn/print.js" in body


def test_related_skills_link_to_their_pages(client_for, settings):
    settings.ROOT_URLCONF = WITH_SKILLS
    body = text(client_for("casey").get(article_url("anxiety")))
    assert "Skills to try" in body
    assert 'href="/skills/paced_breathing/"' in body
    assert 'href="/skills/worry_time/"' in body


def test_related_skills_are_in_the_readers_language(client_for, settings):
    settings.ROOT_URLCONF = WITH_SKILLS
    body = text(spanish(client_for("casey")).get(article_url("anxiety")))
    worry_time = get_skill("worry_time", "es")
    assert worry_time is not None
    assert f'href="/skills/worry_time/">{worry_time.title}</a>' in body


def test_visitors_are_not_sent_to_skill_pages_that_need_an_account(client, settings):
    settings.ROOT_URLCONF = WITH_SKILLS
    body = text(client.get(article_url("anxiety")))
    assert "Skills to try" not in body
    assert "/skills/" not in body


def test_without_skill_pages_there_is_no_skills_section(client_for, settings):
    settings.ROOT_URLCONF = WITHOUT_SKILLS
    body = text(client_for("casey").get(article_url("anxiety")))
    assert "Skills to try" not in body
    assert "/skills/" not in body


def test_unknown_skill_keys_are_skipped(settings):
    settings.ROOT_URLCONF = WITH_SKILLS
    article = get_article("anxiety", "en")
    assert article is not None
    odd = replace(article, related_skills=("no_such_skill", "box_breathing"))
    assert [s.key for s in views.related_skills(odd)] == ["box_breathing"]


def test_a_signed_in_client_costs_few_queries(client_for, django_assert_max_num_queries):
    casey = client_for("casey")
    casey.get(LIST)  # the first request caches the staff flag in the session
    # Session, user, and the navigation's roles; the article pages read no one's data.
    with django_assert_max_num_queries(3):
        assert casey.get(LIST).status_code == 200


def test_a_visitor_costs_no_queries(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert client.get(article_url("urgent-help")).status_code == 200


def test_an_untranslated_article_is_marked_as_english(client, tmp_path: Path, monkeypatch):
    original = json.loads((articles.DATA / "articles_en.json").read_text(encoding="utf-8"))
    (tmp_path / "articles_en.json").write_text(json.dumps(original))
    (tmp_path / "articles_es.json").write_text(json.dumps({"articles": []}))
    monkeypatch.setattr(articles, "DATA", tmp_path)
    articles._load.cache_clear()
    try:
        page = text(spanish(client).get(article_url("sleep")))
        listing = text(client.get(LIST))
    finally:
        articles._load.cache_clear()
    assert '<html lang="es"' in page
    assert '<h1 id="article-title" lang="en">Sleep</h1>' in page
    assert 'aria-labelledby="section-1" lang="en">' in page
    assert 'class="heard-card heard-learn__item" lang="en"' in listing


def test_on_the_real_site_a_client_gets_links_to_the_skill_pages(client_for):
    body = text(client_for("casey").get(article_url("panic")))
    assert f'href="{reverse("skills:skill", args=["box_breathing"])}"' in body
