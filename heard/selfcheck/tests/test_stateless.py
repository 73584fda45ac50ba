"""Nothing is stored: the whole anonymous check leaves no session, no rows, no audit trail.

The check carries its answers in the page (a signed token), so a visitor who closes the tab
leaves nothing behind on the server. Only "Keep these results" writes, and only when asked.
"""

from __future__ import annotations

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from heard.audit.models import AuditEvent
from heard.instruments.models import Assessment
from heard.selfcheck import flow
from heard.selfcheck.tests.walk import NEGATIVE, POSITIVE, form_data, post_page, step_of

pytestmark = pytest.mark.django_db

CRITICAL = {**POSITIVE, "mood-last": {9: 1, 10: 2}}


def _walk_recording_cookies(client: Client, pages) -> tuple[list[str], list[str]]:
    """Every page of the check, GET and POST; returns (steps seen, cookie names set)."""
    steps, cookies = [], []
    response = client.get(reverse("selfcheck:start"))
    cookies += list(response.cookies)
    response = client.get(reverse("selfcheck:questions"))
    while True:
        cookies += list(response.cookies)
        assert response.status_code == 200
        step = step_of(response)
        steps.append(step)
        if step == flow.RESULTS:
            return steps, cookies
        if step == flow.SUPPORT:
            response = client.post(
                reverse("selfcheck:questions"), form_data(response, action="next")
            )
        else:
            response = post_page(client, response, pages[step])


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        pytest.param(
            POSITIVE,
            ["mood", "worry", "mood-more", "mood-last", "worry-more", "wellbeing", "results"],
            id="positive-screens-ask-the-full-phq9-and-gad7",
        ),
        pytest.param(
            CRITICAL,
            [
                "mood",
                "worry",
                "mood-more",
                "mood-last",
                "support",
                "worry-more",
                "wellbeing",
                "results",
            ],
            id="a-critical-answer-shows-the-support-page",
        ),
        pytest.param(NEGATIVE, ["mood", "worry", "wellbeing", "results"], id="negative-screens"),
    ],
)
def test_the_whole_anonymous_check_stores_nothing(pages, expected) -> None:
    client = Client(enforce_csrf_checks=True)
    # With CSRF enforced, as in a browser: the token comes from the cookie the pages set.
    client.get(reverse("selfcheck:start"))

    steps, cookies = _walk_recording_cookies(client, pages)

    assert steps == expected
    assert Session.objects.count() == 0
    assert Assessment.objects.count() == 0
    assert AuditEvent.objects.count() == 0
    assert "sessionid" not in cookies
    assert set(cookies) <= {"csrftoken"}
    assert "sessionid" not in client.cookies


def test_the_pages_are_never_cached() -> None:
    client = Client()
    for response in (
        client.get(reverse("selfcheck:start")),
        client.get(reverse("selfcheck:questions")),
    ):
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]
