"""Browser test of issue 4's "done when": a client writes → sees the crisis screen → the
clinician sees the alert first, with a badge → nobody acknowledges, and it escalates to the
supervisor. Debian's chromium through Playwright, at phone width, real screening engine.
Screenshots go to var/screenshots/crisis-*.png.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from heard.safety import services
from heard.safety.models import ContactRequest, RiskAlert
from heard.testing.base import PASSWORD
from heard.testing.browser import new_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(settings.VAR_DIR) / "screenshots"


def shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"crisis-{name}.png"), full_page=True)


def sign_in(page, base: str, user) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base}/account/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def sign_in_staff(page, base: str, user) -> None:  # type: ignore[no-untyped-def]
    """Sign in and set up two-step sign-in, as every staff member must."""
    sign_in(page, base, user)
    page.wait_for_url("**/account/mfa/setup/**")
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    page.get_by_label("Code").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Turn on two-step sign-in").click()
    page.get_by_role("link", name="I've saved them, continue").click()
    page.wait_for_url(f"{base}/care/")


def test_a_client_writes_sees_help_and_the_alert_reaches_and_escalates(
    live_server, personas, browser
):
    base = live_server.url
    casey = new_page(browser)
    sign_in(casey, base, personas.casey)
    casey.wait_for_url(f"{base}/me/")
    casey.get_by_role("link", name="Ask my care team to get in touch").click()
    casey.get_by_text("A phone call", exact=True).click()
    casey.get_by_label("Anything you'd like them to know first? (optional)").fill(
        "I can't do this anymore. I just want to die."
    )
    casey.get_by_role("button", name="Ask my care team to get in touch").click()

    # The crisis screen, at once: calm words, tap-to-call lines, the plan, the team asked.
    casey.wait_for_url("**/me/support/**")
    assert casey.get_by_role("heading", level=1).inner_text() == "Thank you for telling us"
    assert casey.get_by_text("What you wrote is saved.").is_visible()
    assert casey.locator('a[href="tel:988"]').first.is_visible()
    assert casey.get_by_role("heading", name="Your safety plan").is_visible()
    assert casey.get_by_text("You've asked your care team to get in touch.").is_visible()
    shot(casey, "screen-phone")
    # Saved, never lost; the alert is raised from what she wrote.
    request = ContactRequest.objects.get(client=personas.casey)
    assert request.note == "I can't do this anymore. I just want to die."
    alert = RiskAlert.objects.get(client=personas.casey)
    assert alert.source_id == request.public_id
    assert alert.level in ("urgent", "acute")
    # Her space keeps support in view.
    casey.goto(f"{base}/me/")
    assert casey.get_by_role("heading", name="Support is here whenever you need it").is_visible()
    assert casey.csp_errors == []

    # Dr. Dana: the alert first on her caseload, and a badge on every page.
    dana = new_page(browser, width=1280)
    sign_in_staff(dana, base, personas.dana)
    badge = dana.locator(".heard-nav__badge")
    assert badge.inner_text().startswith("1")
    first_section = dana.locator("main h2").first.inner_text()
    assert first_section.startswith("Safety alerts")
    assert dana.get_by_text("Asked to be contacted").is_visible()
    shot(dana, "caseload-wide")

    # Nobody acknowledges; when its time comes, the supervisor is told.
    escalated = services.escalate_overdue_alerts(
        now=timezone.now() + timedelta(minutes=settings.HEARD_ALERT_ESCALATE_MINUTES + 1)
    )
    assert escalated == 1
    sam = new_page(browser, width=1280)
    sign_in_staff(sam, base, personas.sam)
    assert sam.get_by_text("Sent to supervisors: nobody has picked it up yet").is_visible()
    shot(sam, "supervisor-wide")
    assert dana.csp_errors == []
    assert sam.csp_errors == []
