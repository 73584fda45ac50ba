"""Browser test of issue 6's skills "done when", at 390 px: suggestions follow today's check-in,
the client practises with the guided players (breathing pacer, step by step, reduced motion)
and logs how it went; then what helped shows up as a reason. No CSP errors.
Screenshots go to var/screenshots/skills-*.png.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from heard.accounts.models import User
from heard.checkins import services as checkins
from heard.checkins.rules import Values
from heard.skills.models import Practice
from heard.testing.base import PASSWORD, make_personas
from heard.testing.browser import new_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(settings.VAR_DIR) / "screenshots"
NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth"


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"skills-{name}.png"), full_page=True)


def sign_in(page: Any, base: str, user: User) -> None:
    page.goto(f"{base}/account/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/me/")


def wait_for_text(page: Any, selector: str, wanted: str, tries: int = 80) -> str:
    """Poll from Python (our CSP refuses the eval wait_for_function needs under load)."""
    found = ""
    for _ in range(tries):
        found = str(page.locator(selector).inner_text())
        if wanted in found:
            return found
        page.wait_for_timeout(100)
    raise AssertionError(f"{wanted!r} never appeared in {selector}: last {found!r}")


def test_a_client_practises_with_the_guided_players_and_logs_it(live_server, browser):
    personas = make_personas()
    casey = personas.casey
    checkins.record_checkin(casey, client=casey, values=Values(stress=8))
    base = live_server.url
    page = new_page(browser)
    sign_in(page, base, casey)

    # Suggestions follow today's check-in, with the reason in words.
    page.goto(f"{base}/skills/")
    suggested = page.locator(".heard-skill-list--suggested")
    assert "Your stress was high in today's check-in (8 of 10)" in suggested.inner_text()
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    shot(page, "1-library")

    # The breathing pacer: one line per phase in the live region, Pause holds it.
    page.goto(f"{base}/skills/paced_breathing/")
    pacer = page.locator('[data-skill-player="breathing"]')
    assert pacer.is_visible()
    page.locator('label[for="pacer-1"]').click()
    page.get_by_role("button", name="Start", exact=True).click()
    wait_for_text(page, "[data-pacer-phase]", "Breathe in\u2026 4")
    wait_for_text(page, "[data-pacer-phase]", "Breathe out\u2026 6", tries=80)
    assert page.locator("[data-pacer-phase]").get_attribute("aria-live") == "polite"
    assert page.locator("[data-pacer-circle]").is_visible()
    shot(page, "2-pacer")
    page.get_by_role("button", name="Pause").click()
    wait_for_text(page, "[data-pacer-phase]", "Paused")
    assert page.get_by_role("button", name="Carry on").is_visible()
    assert page.evaluate(NO_SIDEWAYS_SCROLL)

    # The step-by-step player: one step at a time, focus on the step heading, End stops it
    # (Escape is left alone: it is always the Quick exit key).
    page.goto(f"{base}/skills/grounding_54321/")
    page.get_by_role("button", name="Start step by step").click()
    heading = page.locator("[data-stepper-heading]")
    assert heading.inner_text() == "Step 1 of 7"
    assert page.evaluate("document.activeElement.hasAttribute('data-stepper-heading')")
    page.get_by_role("button", name="Next").click()
    assert heading.inner_text() == "Step 2 of 7"
    assert "5 things you can see" in page.locator("[data-stepper-text]").inner_text()
    page.get_by_role("button", name="Back").click()
    assert heading.inner_text() == "Step 1 of 7"
    page.keyboard.press("End")
    assert page.url == f"{base}/skills/grounding_54321/"
    assert page.locator("[data-stepper-stage]").is_hidden()
    page.get_by_role("button", name="Start step by step").click()
    for _ in range(6):
        page.get_by_role("button", name="Next").click()
    shot(page, "3-steps")
    page.get_by_role("button", name="Finish").click()
    assert page.get_by_text("You went through every step").is_visible()

    # Log how it went: distress before and after, and "Did this help?".
    page.locator('label[for="id_distress_before_7"]').click()
    page.locator('label[for="id_distress_after_3"]').click()
    page.get_by_text("Yes", exact=True).click()
    page.get_by_role("button", name="Save how it went").click()
    assert page.get_by_text("Thank you for taking this time for yourself").is_visible()
    assert page.get_by_text("A skill practised").is_visible()
    practice = Practice.objects.get()
    assert (practice.distress_before, practice.distress_after, practice.helped) == (7, 3, "yes")
    shot(page, "4-logged")

    # What helped now shows as a reason among the suggestions.
    page.goto(f"{base}/skills/")
    assert "your distress went down by 4 on average" in suggested.inner_text()
    assert page.csp_errors == []


def test_with_reduced_motion_the_pacer_shows_words_and_a_progress_bar(live_server, browser):
    personas = make_personas()
    base = live_server.url
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="en-US", reduced_motion="reduce"
    )
    page = context.new_page()
    sign_in(page, base, personas.casey)
    page.goto(f"{base}/skills/box_breathing/")
    page.get_by_role("button", name="Start", exact=True).click()
    wait_for_text(page, "[data-pacer-phase]", "Breathe in\u2026 4")
    assert page.locator(".heard-pacer__stage").is_hidden()
    assert page.locator("[data-pacer-progress]").is_visible()
    classes = page.locator("[data-pacer-circle]").get_attribute("class") or ""
    assert "is-full" not in classes  # never animated
    shot(page, "5-reduced-motion")
    context.close()
