"""Debian's chromium through Playwright, for the browser tests (the `browser` fixture in the
root conftest.py uses this)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Without the background-networking flags chromium keeps trying to reach Google's hosts.
ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def available() -> bool:
    return Path(CHROMIUM).exists()


@contextmanager
def launch() -> Iterator[Any]:
    # Playwright runs an event loop in this thread; Django's ORM is used only by the test.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=list(ARGS))
        try:
            yield browser
        finally:
            browser.close()


def new_page(browser: Any, *, width: int = 390, height: int = 844) -> Any:
    """A page in a fresh context (phone-sized by default) that collects Content Security
    Policy errors from the console in `page.csp_errors`."""
    context = browser.new_context(viewport={"width": width, "height": height}, locale="en-US")
    page = context.new_page()
    page.csp_errors = []
    page.on(
        "console",
        lambda m: page.csp_errors.append(m.text) if "Content Security Policy" in m.text else None,
    )
    return page


def sign_in_staff(page: Any, base: str, user: Any) -> None:
    """Sign `user` in on `page` and set up two-step sign-in, as every staff member must on
    their first sign-in; ends on the caseload."""
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from heard.testing.base import PASSWORD

    page.goto(f"{base}/account/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/account/mfa/setup/**")
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    page.get_by_label("Code").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Turn on two-step sign-in").click()
    page.get_by_role("link", name="I've saved them, continue").click()
    page.wait_for_url(f"{base}/care/")
