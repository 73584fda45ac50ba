"""Browser test: journal autosave at phone width. Casey types; a few seconds after she stops,
the draft is on the server (not in the browser) and a polite status says when. No inline
script, no horizontal scrolling at 390 px.
Screenshots go to var/screenshots/journal-*.png.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

from heard.journal import services
from heard.journal.models import JournalEntry, JournalRevision
from heard.journal.tests.conftest import NOTHING
from heard.safety import services as safety
from heard.testing.browser import new_page
from tests.browser.test_crisis_flow import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(settings.VAR_DIR) / "screenshots"


def test_a_draft_is_kept_on_the_server_as_casey_types(live_server, personas, browser, monkeypatch):
    # This test is about keeping words, not screening them (the journal's own tests and the
    # crisis-flow browser test cover screening): the screener finds nothing.
    monkeypatch.setattr(safety, "_screener", lambda: lambda text, lang: NOTHING)
    base = live_server.url
    entry = services.start_entry(personas.casey, prompt="kinder_voice")
    page = new_page(browser)
    sign_in(page, base, personas.casey)
    page.wait_for_url(f"{base}/me/")
    page.goto(f"{base}/me/journal/{entry.public_id}/edit/")
    page.get_by_label("A kinder voice").fill(
        "I would tell a friend that one bad day is not all of them."
    )
    status = page.locator("[data-autosave-status]")
    status.get_by_text("Draft saved at", exact=False).wait_for(timeout=15_000)
    entry.refresh_from_db()
    assert entry.draft_body.startswith("I would tell a friend")
    assert JournalRevision.objects.count() == 0
    # Nothing of what she wrote is kept in the browser (other scripts may keep their own keys).
    stored = page.evaluate(
        "() => JSON.stringify([Object.entries(sessionStorage), Object.entries(localStorage)])"
    )
    assert "friend" not in stored
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "journal-autosave-phone.png"), full_page=True)

    # More words: kept again a few seconds after typing stops.
    page.get_by_label("A kinder voice").fill("Be gentle.")
    status.get_by_text("Draft saved at", exact=False).wait_for(timeout=15_000)
    for _ in range(50):
        entry.refresh_from_db()
        if entry.draft_body == "Be gentle.":
            break
        page.wait_for_timeout(100)
    assert entry.draft_body == "Be gentle."

    # Saving keeps one version and clears the draft.
    page.goto(f"{base}/me/journal/{entry.public_id}/edit/")
    page.get_by_role("button", name="Save entry").click()
    page.wait_for_url(lambda url: url.endswith(f"/me/journal/{entry.public_id}/?saved=1"))
    saved = JournalEntry.objects.get(pk=entry.pk)
    assert saved.body == "Be gentle."
    assert not saved.has_draft
    assert page.csp_errors == []
