from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from heard.testing.base import PASSWORD

pytestmark = pytest.mark.django_db


def _login(client: Client, email: str, password: str, ip: str = "10.0.0.1"):
    return client.post(
        reverse("accounts:login"), {"username": email, "password": password}, REMOTE_ADDR=ip
    )


def test_a_client_signs_in_with_email_and_lands_on_their_space(personas):
    c = Client()
    response = _login(c, "Casey@Example.org", PASSWORD)
    assert response.status_code == 302
    assert c.get("/", follow=True).request["PATH_INFO"] == reverse("people:client_home")


def test_a_wrong_password_gets_a_kind_error_not_a_crash(personas):
    response = _login(Client(), "casey@example.org", "wrong password")
    assert response.status_code == 200
    assert b"didn&#x27;t match" in response.content


def test_it_locks_an_account_after_repeated_failures_even_across_addresses(personas):
    c = Client()
    for i in range(5):
        _login(c, "casey@example.org", "nope", ip=f"10.0.1.{i}")
    # Now even the right password from a new address is refused, kindly.
    response = _login(c, "casey@example.org", PASSWORD, ip="10.0.2.1")
    assert response.status_code == 429
    assert b"wait a little while" in response.content.lower() or b"Please wait" in response.content


def test_it_throttles_an_address_that_tries_many_accounts(personas):
    c = Client()
    for i in range(5):
        _login(c, f"nobody{i}@example.org", "nope", ip="10.9.9.9")
    response = _login(c, "cam@example.org", PASSWORD, ip="10.9.9.9")
    assert response.status_code == 429
    # Another address is not affected.
    assert _login(Client(), "cam@example.org", PASSWORD, ip="10.9.9.10").status_code == 302


def test_staff_must_set_up_mfa_before_seeing_anything(personas):
    c = Client()
    _login(c, "dana@example.org", PASSWORD)
    response = c.get(reverse("people:caseload"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:mfa_setup"))
    # The API says 401 rather than redirecting.
    assert c.get("/api/v1/me").status_code == 401


def test_staff_sign_in_with_a_totp_code_and_recovery_codes_work_once(personas):
    from django_otp.oath import totp

    from heard.accounts.models import User

    c = Client()
    _login(c, "dana@example.org", PASSWORD)
    page = c.get(reverse("accounts:mfa_setup"))
    assert b"<svg" in page.content  # the QR code is inline SVG, no third-party request
    dana = User.objects.get(email="dana@example.org")
    device = dana.totpdevice_set.get()
    code = f"{totp(device.bin_key):06d}"
    response = c.post(reverse("accounts:mfa_setup"), {"code": code})
    assert response.status_code == 200
    codes = response.context["codes"]
    assert len(codes) == 10
    assert c.get(reverse("people:caseload")).status_code == 200

    # A new session needs the second step; a recovery code works once.
    c2 = Client()
    _login(c2, "dana@example.org", PASSWORD)
    assert c2.get(reverse("people:caseload"))["Location"].startswith(reverse("accounts:mfa_verify"))
    bad = c2.post(reverse("accounts:mfa_verify"), {"code": "000000"})
    assert bad.status_code == 200
    assert bad.context["form"].errors
    # django-otp throttles a device after a failure (1 s, doubling); let that pass.
    for d in (dana.staticdevice_set.get(), device):
        d.refresh_from_db()
        d.throttle_reset()
    assert c2.post(reverse("accounts:mfa_verify"), {"code": codes[0]}).status_code == 302
    assert c2.get(reverse("people:caseload")).status_code == 200
    c3 = Client()
    _login(c3, "dana@example.org", PASSWORD)
    assert c3.post(reverse("accounts:mfa_verify"), {"code": codes[0]}).status_code == 200


def test_clients_do_not_need_mfa(personas):
    c = Client()
    _login(c, "casey@example.org", PASSWORD)
    assert c.get(reverse("people:client_home")).status_code == 200


def test_password_reset_answers_the_same_whether_or_not_the_email_exists(personas):
    known = Client().post(reverse("accounts:password_reset"), {"email": "casey@example.org"})
    unknown = Client().post(reverse("accounts:password_reset"), {"email": "ghost@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["casey@example.org"]
    assert "Reset your Heard password" in message.subject
    assert "Casey" not in message.body  # no names or anything clinical in email


def test_logout_needs_post(personas, client_for):
    c = client_for("casey")
    assert c.get(reverse("accounts:logout")).status_code == 405
    assert c.post(reverse("accounts:logout")).status_code == 302
    assert c.get(reverse("people:client_home")).status_code == 302
