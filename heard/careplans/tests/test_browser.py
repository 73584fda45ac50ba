"""Browser test of issue 6's "done when" for care plans: a client and a clinician write a
plan together in the browser (draft → comments → both agree → a new version), at phone
width (390 px), without horizontal scrolling and without Content Security Policy errors.
Debian's chromium through Playwright. Screenshots go to var/screenshots/careplan-*.png.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from heard.careplans.models import CarePlan, CarePlanVersion
from heard.testing.base import PASSWORD
from heard.testing.browser import new_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(settings.VAR_DIR) / "screenshots"
FITS = "document.documentElement.scrollWidth <= window.innerWidth"


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"careplan-{name}.png"), full_page=True)


def sign_in(page: Any, base: str, user: Any) -> None:
    page.goto(f"{base}/account/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def sign_in_staff(page: Any, base: str, user: Any) -> None:
    sign_in(page, base, user)
    page.wait_for_url("**/account/mfa/setup/**")
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    page.get_by_label("Code").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Turn on two-step sign-in").click()
    page.get_by_role("link", name="I've saved them, continue").click()
    page.wait_for_url(f"{base}/care/")


def test_a_client_and_a_clinician_write_a_plan_together(live_server, personas, browser) -> None:
    base = live_server.url
    team_plan = f"{base}/care/clients/{personas.casey.public_id}/care-plan/"

    # Dana drafts the plan from Casey's record, adding a second goal row without JavaScript.
    dana = new_page(browser)
    sign_in_staff(dana, base, personas.dana)
    dana.goto(team_plan)
    dana.get_by_role("link", name="Draft a care plan").click()
    dana.get_by_label("The goal, in the client's own words").first.fill("Sleep through the night")
    dana.get_by_role("button", name="Add another to “Goals”").click()
    assert dana.locator("#goal-0-text").input_value() == "Sleep through the night"
    dana.locator("#goal-1-text").fill("See friends once a week")
    dana.get_by_label("Strength 1").fill("I keep going")
    dana.locator("#intervention-0-text").fill("Keep a sleep diary")
    assert dana.evaluate(FITS)
    shot(dana, "1-draft-form")
    dana.get_by_role("button", name="Save and ask the client to agree").click()
    dana.wait_for_url(team_plan)
    assert dana.get_by_text("The care plan is saved as version 1.").is_visible()

    # Casey reads it from the navigation, comments and agrees.
    casey = new_page(browser)
    sign_in(casey, base, personas.casey)
    casey.wait_for_url(f"{base}/me/")
    casey.goto(f"{base}/me/care-plan/")
    assert casey.get_by_role("heading", name="See friends once a week").is_visible()
    casey.get_by_label("Add a comment").fill("Could we add walks?")
    casey.get_by_role("button", name="Add comment").click()
    casey.get_by_role("button", name="I agree to this version (version 1)").click()
    assert casey.get_by_text("Your agreement is recorded.").is_visible()
    assert casey.evaluate(FITS)
    shot(casey, "2-client-plan")

    # Dana sees the comment and agrees: the plan is agreed by both.
    dana.goto(team_plan)
    assert dana.get_by_text("Could we add walks?").is_visible()
    dana.get_by_role("button", name="I agree to this version (version 1)").click()
    assert dana.get_by_text("You have both agreed to this version.").first.is_visible()
    assert CarePlan.objects.get().status == "agreed"

    # Casey adds a strength: a new version that needs both agreements again.
    casey.goto(f"{base}/me/care-plan/edit/")
    casey.get_by_label("Strength 2").fill("I like walking")
    casey.get_by_role("button", name="Save and ask my clinician to agree").click()
    casey.wait_for_url(f"{base}/me/care-plan/")
    assert casey.get_by_text("this one needs both agreements again", exact=False).is_visible()
    assert CarePlanVersion.objects.count() == 2
    casey.get_by_role("link", name="What changed last time").click()
    assert casey.get_by_text("I like walking").is_visible()
    assert casey.locator(".heard-careplan__change-h", has_text="Added").first.is_visible()
    assert casey.evaluate(FITS)
    shot(casey, "3-compare")

    casey.goto(f"{base}/me/care-plan/print/")
    casey.get_by_role("button", name="Print").wait_for()
    shot(casey, "4-print")
    assert dana.csp_errors == []
    assert casey.csp_errors == []
