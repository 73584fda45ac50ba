"""Browser test of issue 5's "done when", at phone width with the real screening engine: a
client checks in, journals, reads a reflection, sees insights and milestones, and shares one
entry that her clinician then sees (and an unrelated clinician does not).
Screenshots go to var/screenshots/daily-*.png.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from heard.checkins import services as checkins
from heard.checkins.rules import Values
from heard.journal.models import JournalEntry
from heard.testing.browser import new_page
from tests.browser.test_crisis_flow import sign_in, sign_in_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(settings.VAR_DIR) / "screenshots"


def shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"daily-{name}.png"), full_page=True)


def three_weeks_of_check_ins(client) -> None:  # type: ignore[no-untyped-def]
    """Enough days for personal patterns (14+ days with sleep and mood)."""
    for day in range(1, 22):
        sleep = 8 if day % 2 else 6
        checkins.record_checkin(
            client,
            client=client,
            values=Values(mood=7 if sleep == 8 else 4, sleep_hours=Decimal(sleep), stress=day % 8),
            at=timezone.now() - timedelta(days=day),
        )


def test_a_client_lives_a_day_with_heard_and_shares_one_entry(live_server, personas, browser):
    base = live_server.url
    three_weeks_of_check_ins(personas.casey)
    page = new_page(browser)
    sign_in(page, base, personas.casey)
    page.wait_for_url(f"{base}/me/")

    # Check in: a mood, a feeling, sleep, a note; then the automated reflection.
    page.get_by_role("link", name="Check in now").click()
    page.locator('label[for="id_mood_6"]').click()
    page.locator('label[for="feeling-anxious"]').click()
    page.get_by_text("Sleep, movement, people and stress").click()
    page.get_by_label("Hours of sleep last night").fill("6.5")
    page.get_by_label("Anything else you want to note?").fill(
        "Nervous about my exam tomorrow, but a walk with my dog helped."
    )
    shot(page, "checkin-phone")
    page.get_by_role("button", name="Save check-in").click()
    page.wait_for_url("**/me/checkins/**")
    assert page.get_by_role("heading", name="Thanks for checking in").is_visible()
    assert page.get_by_role("heading", name="Automated reflection").is_visible()
    assert page.get_by_text("not a person", exact=False).is_visible()
    shot(page, "reflection-phone")

    # Insights: charts with a table, and a personal pattern with its days behind it.
    page.goto(f"{base}/me/insights/?period=month")
    assert page.locator('svg[role="img"]:visible').first.is_visible()
    assert page.get_by_text("7 hours or more", exact=False).first.is_visible()
    shot(page, "insights-phone")

    # Journal: a prompt, an entry, a reflection; then share it.
    page.goto(f"{base}/me/journal/new/")
    page.locator('label[for="prompt-worry"]').click()
    page.get_by_role("button", name="Start writing").click()
    page.get_by_label("A worry put into words").fill(
        "I keep worrying that I will freeze in the exam. I feel so overwhelmed and tired."
    )
    page.get_by_role("button", name="Save entry").click()
    page.wait_for_url("**/me/journal/*/**")
    assert page.get_by_role("heading", name="Automated reflection").is_visible()
    shot(page, "journal-phone")
    page.get_by_role("button", name="Share this entry with my care team").click()
    assert page.get_by_text("Shared with your care team").first.is_visible()
    entry = JournalEntry.objects.get(client=personas.casey)
    assert entry.shared_at is not None

    # Milestones: first check-in (earlier), first journal entry and first shared entry.
    page.goto(f"{base}/me/milestones/")
    for title in ("Your first check-in", "Your first journal entry", "You shared an entry"):
        assert page.get_by_role("heading", name=title).is_visible()
    shot(page, "milestones-phone")
    assert page.csp_errors == []

    # Her clinician sees the shared entry; an unrelated clinician gets "not found".
    dana = new_page(browser)
    sign_in_staff(dana, base, personas.dana)
    dana.goto(f"{base}/care/clients/{personas.casey.public_id}/journal/")
    assert dana.get_by_text("I keep worrying", exact=False).first.is_visible()
    shot(dana, "clinician-shared-entry")
    eli = new_page(browser)
    sign_in_staff(eli, base, personas.eli)
    response = eli.goto(f"{base}/care/clients/{personas.casey.public_id}/journal/")
    assert response is not None
    assert response.status == 404
    assert "I keep worrying" not in eli.content()
