"""Browser test: the safety plan opens with the network off (issue 4's "done when").

Debian's chromium driven by Playwright against a live server, at 390 px wide. Casey signs
in and opens her plan once; the service worker saves it and the help page. Then the
network goes away: the plan and /help-now/ still open, from the saved copies, and say so.
Screenshots go to var/screenshots/plan-offline-*.png for a human to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

from heard.safety import plan_rules, plan_services
from heard.testing.base import PASSWORD, make_personas

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(settings.VAR_DIR) / "screenshots"


SAVED = """async () => {
  const cache = await caches.open("heard-offline-v1");
  return Boolean(await cache.match("/me/safety-plan/")) && Boolean(await cache.match("/help-now/"));
}"""


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"plan-offline-{name}.png"), full_page=True)


def test_the_safety_plan_and_help_page_open_with_the_network_off(live_server, browser) -> None:
    personas = make_personas()
    content = plan_rules.empty_plan()
    content["coping"] = ["Cold water on my face"]
    content["people_to_ask"] = [{"name": "Alex", "phone": "555 123 4567"}]
    plan_services.save_plan(
        personas.casey, client=personas.casey, content=content, based_on_version=0
    )
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-US")
    page = context.new_page()
    csp_errors: list[str] = []
    page.on(
        "console",
        lambda m: csp_errors.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.goto(f"{live_server.url}/account/login/")
    page.get_by_label("Email").fill(personas.casey.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/me/")

    # One tap from any page (on a phone, in the navigation under "Need help now?").
    page.get_by_role("navigation", name="Main").get_by_role("link", name="My safety plan").click()
    page.wait_for_url("**/me/safety-plan/")
    assert page.get_by_text("Cold water on my face").is_visible()
    # The service worker takes over this page and saves the plan and the help page.
    # Polled from here: wait_for_function compiles its predicate in the page, which our CSP
    # (no unsafe-eval) sometimes refuses under load.
    for _ in range(100):
        if page.evaluate("navigator.serviceWorker.controller !== null") and page.evaluate(SAVED):
            break
        page.wait_for_timeout(100)
    assert page.evaluate(SAVED)
    assert page.locator("[data-offline-copy]").is_hidden()
    _shot(page, "1-online")

    context.set_offline(True)
    page.reload()
    assert page.get_by_role("heading", name="Your safety plan").is_visible()
    assert page.get_by_text("Cold water on my face").is_visible()
    assert page.locator('a[href="tel:5551234567"]').is_visible()
    assert page.get_by_text("You're offline, so this is the copy saved on this device").is_visible()
    # The styles came from the saved copies too (the step has its border).
    border = page.locator(".heard-plan__step").first.evaluate(
        "e => getComputedStyle(e).borderLeftWidth"
    )
    assert border != "0px"
    _shot(page, "2-offline-plan")

    page.goto(f"{live_server.url}/help-now/")
    assert page.get_by_role("heading", name="You don't have to go through this alone").is_visible()
    assert page.locator('a[href="tel:988"]').first.is_visible()
    assert page.get_by_text("You're offline, so this is the copy saved on this device").is_visible()
    _shot(page, "3-offline-help")
    assert csp_errors == []
    context.close()
