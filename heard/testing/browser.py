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
