"""The next page after client text was screened: crisis screen, or carry on."""

import uuid

from django.urls import reverse

from heard.safety import respond, services
from heard.safety.models import AlertLevel

SUPPORT = reverse("safety:support")


def check(*, crisis=False, failed=False, alert=None, about_other=False):
    return services.TextCheck(
        level=AlertLevel.URGENT if crisis else "none",
        categories=("suicide",) if crisis else (),
        crisis=crisis,
        about_someone_else=about_other,
        failed=failed,
        explanation="",
        alert=alert,
    )


def test_it_carries_on_when_there_is_no_crisis():
    assert respond.crisis_screen_url(check()) is None
    assert respond.crisis_screen_url(check(about_other=True)) is None


def test_it_names_the_alert_and_says_the_text_is_saved(personas):
    casey = personas.casey
    alert = services.raise_safety_signal(
        client=casey,
        source="text",
        source_id=uuid.uuid4(),
        level="urgent",
        categories=["suicide"],
        reason="test",
    )
    url = respond.crisis_screen_url(check(crisis=True, alert=alert))
    assert url == f"{SUPPORT}?saved=1&alert={alert.public_id}"
    failed = respond.crisis_screen_url(check(failed=True, alert=alert))
    assert failed == f"{SUPPORT}?saved=1&alert={alert.public_id}&unscreened=1"


def test_a_crisis_without_an_alert_still_shows_the_crisis_screen():
    assert respond.crisis_screen_url(check(crisis=True)) == f"{SUPPORT}?saved=1"


def test_a_failed_screening_without_an_alert_still_shows_help():
    assert respond.crisis_screen_url(check(failed=True)) == f"{SUPPORT}?saved=1"
