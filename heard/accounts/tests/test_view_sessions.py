from __future__ import annotations

import time

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from heard.accounts.middleware import SESSION_LAST_SEEN
from heard.testing.base import PASSWORD

pytestmark = pytest.mark.django_db


def _age_session(client: Client, seconds: float) -> None:
    session = client.session
    session[SESSION_LAST_SEEN] = time.time() - seconds
    session.save()


def test_staff_are_signed_out_after_15_idle_minutes(personas, client_for):
    c = client_for("dana")
    assert c.get(reverse("people:caseload")).status_code == 200
    _age_session(c, 14 * 60)
    assert c.get(reverse("people:caseload")).status_code == 200
    _age_session(c, 16 * 60)
    response = c.get(reverse("people:caseload"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert c.get(reverse("people:caseload")).status_code == 302  # really signed out


def test_clients_have_a_longer_idle_limit(personas, client_for):
    c = client_for("casey")
    c.get(reverse("people:client_home"))
    _age_session(c, 16 * 60)
    assert c.get(reverse("people:client_home")).status_code == 200


@override_settings(HEARD_STAFF_IDLE_MINUTES=2)
def test_the_staff_idle_limit_is_configurable(personas, client_for):
    c = client_for("eli")
    c.get(reverse("people:caseload"))
    _age_session(c, 3 * 60)
    assert c.get(reverse("people:caseload")).status_code == 302


def test_sign_out_everywhere_ends_every_session(personas):
    phone, laptop = Client(), Client()
    for c in (phone, laptop):
        c.post(reverse("accounts:login"), {"username": "casey@example.org", "password": PASSWORD})
        assert c.get(reverse("people:client_home")).status_code == 200
    phone.post(reverse("accounts:sign_out_everywhere"))
    assert laptop.get(reverse("people:client_home")).status_code == 302
    assert phone.get(reverse("people:client_home")).status_code == 302


def test_a_password_change_ends_other_sessions_but_keeps_this_one(personas):
    phone, laptop = Client(), Client()
    for c in (phone, laptop):
        c.post(reverse("accounts:login"), {"username": "casey@example.org", "password": PASSWORD})
    response = phone.post(
        reverse("accounts:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "a brand new passphrase",
            "new_password2": "a brand new passphrase",
        },
    )
    assert response.status_code == 302
    assert phone.get(reverse("people:client_home")).status_code == 200
    assert laptop.get(reverse("people:client_home")).status_code == 302
