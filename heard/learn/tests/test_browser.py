"""Browser test: an article read on a phone and printed.

Debian's chromium driven by Playwright against a live server, at 390 px wide, signed out.
Screenshots go to var/screenshots/learn-*.png for a human to look at.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from heard.testing import browser as chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(settings.VAR_DIR) / "screenshots"
WIDER_THAN_THE_SCREEN = "() => document.documentElement.scrollWidth > window.innerWidth"


def _shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"learn-{name}.png"), full_page=True)


def test_an_article_reads_on_a_phone_and_prints_without_the_page_chrome(
    live_server, browser
) -> None:
    page = chromium.new_page(browser)
    page.goto(f"{live_server.url}/learn/")
    _shot(page, "list")
    assert not page.evaluate(WIDER_THAN_THE_SCREEN)

    page.get_by_role("link", name="When and how to get urgent help").first.click()
    page.wait_for_url("**/learn/urgent-help/")
    assert page.get_by_role("heading", level=1).inner_text() == "When and how to get urgent help"
    # print.js shows the Print button (it stays hidden without JavaScript).
    assert page.get_by_role("button", name="Print").is_visible()
    assert page.locator("a[href^='tel:']").count() >= 2
    assert not page.evaluate(WIDER_THAN_THE_SCREEN)
    _shot(page, "urgent-help")

    page.emulate_media(media="print")
    assert not page.locator(".heard-header").is_visible()
    assert not page.get_by_role("button", name="Print").is_visible()
    assert page.locator(".heard-learn__lines").is_visible()  # the help lines stay on paper
    _shot(page, "urgent-help-print")
    assert page.csp_errors == []
