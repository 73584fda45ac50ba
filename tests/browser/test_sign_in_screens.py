"""Browser tests: Debian's chromium driven by Playwright against a live server.

They sign in as a client and as a clinician (through real MFA set-up), check what a person
sees, and save screenshots to var/screenshots/ for a human to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from heard.testing.base import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(settings.VAR_DIR) / "screenshots"


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 390, "height": 844})  # a phone
    pg = context.new_page()
    pg.csp_errors = []  # type: ignore[attr-defined]
    pg.on(
        "console",
        lambda m: pg.csp_errors.append(m.text) if "Content Security Policy" in m.text else None,
    )
    yield pg
    context.close()


def _shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _sign_in(page, base: str, email: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base}/account/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_a_client_signs_in_and_sees_their_space_with_quick_exit(live_server, personas, page):
    # The neutral site is faked inside the browser: tests never touch the network.
    page.route(
        "https://neutral.example/**",
        lambda route: route.fulfill(body="<h1>Weather</h1>", content_type="text/html"),
    )
    with override_settings(HEARD_QUICK_EXIT_URL="https://neutral.example/weather"):
        page.goto(f"{live_server.url}/")
        _shot(page, "welcome-phone")
        _sign_in(page, live_server.url, "casey@example.org")
        page.wait_for_url(f"{live_server.url}/me/")
        assert page.get_by_role("heading", level=1).inner_text().startswith("Hi Casey")
        assert page.get_by_role("link", name="Need help now?").first.is_visible()
        quick_exit = page.locator("[data-quick-exit-url]").first
        assert quick_exit.is_visible()
        _shot(page, "client-home-phone")

        page.goto(f"{live_server.url}/me/sharing/")
        _shot(page, "client-sharing-phone")

        # Esc leaves at once for the neutral site, replacing this page in history.
        page.goto(f"{live_server.url}/me/")
        page.keyboard.press("Escape")
        page.wait_for_url("https://neutral.example/weather")
        # Back skips the page they left: it was replaced, not kept.
        page.go_back()
        assert page.url.endswith("/me/sharing/")
    assert page.csp_errors == []


def test_a_clinician_sets_up_mfa_and_opens_a_client_record(live_server, personas, page):
    _sign_in(page, live_server.url, "dana@example.org")
    page.wait_for_url("**/account/mfa/setup/**")
    _shot(page, "clinician-mfa-setup-phone")
    device = TOTPDevice.objects.get(user=personas.dana, confirmed=False)
    page.get_by_label("Code").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Turn on two-step sign-in").click()
    assert page.get_by_role("heading", name="Save your recovery codes").is_visible()
    page.get_by_role("link", name="I've saved them, continue").click()
    page.wait_for_url(f"{live_server.url}/care/")
    _shot(page, "clinician-caseload-phone")
    page.get_by_role("link", name="Casey Morgan").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Casey Morgan"
    page.set_viewport_size({"width": 1280, "height": 800})
    _shot(page, "clinician-client-record-desktop")
    # A clinician page has no quick exit button (it is for clients).
    assert page.locator("[data-quick-exit-url]").count() == 0
    assert page.csp_errors == []
