"""`heard democode EMAIL`: authenticator codes for demo staff, and nobody else."""

from __future__ import annotations

import re
import time
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from heard.accounts import services as accounts
from heard.accounts.models import Role
from heard.core.demo import load_demo_data


@pytest.fixture
def demo(db: None) -> None:
    load_demo_data(StringIO())
    # Loading confirmed each authenticator with the current code; forget that use so the
    # tests below need not wait for the next 30-second step.
    TOTPDevice.objects.update(last_t=-1)


def democode(email: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("democode", email, stdout=out, stderr=err)
    return out.getvalue().strip(), err.getvalue()


def test_it_prints_a_code_the_staff_member_can_sign_in_with(demo: None) -> None:
    code, err = democode("maya@demo.heard.test")
    assert len(code) == 6
    assert code.isdigit()
    assert "valid for about" in err
    device = TOTPDevice.objects.get(user__email="maya@demo.heard.test")
    assert device.verify_token(code)


def test_it_ignores_case_and_spaces_in_the_email(demo: None) -> None:
    code, _ = democode("  Olivia@Demo.Heard.Test ")
    assert len(code) == 6


@pytest.mark.parametrize(
    "email",
    ["olive@example.org", "maya@demo.heard.test.evil.org", "maya@heard.test", "demo.heard.test"],
)
def test_it_refuses_accounts_outside_the_demo_domain(db: None, email: str) -> None:
    org = accounts.create_organization(None, name="Real Clinic")
    user = accounts.create_account(email="olive@example.org", password="x" * 12, full_name="Olive")
    accounts.add_membership(None, user=user, organization=org, role=Role.ORG_ADMIN)
    with pytest.raises(CommandError, match="only works for demo accounts"):
        democode(email)


def test_it_refuses_an_unknown_demo_account(demo: None) -> None:
    with pytest.raises(CommandError, match=re.escape("No demo account nobody@demo.heard.test")):
        democode("nobody@demo.heard.test")


def test_it_explains_that_clients_have_no_code(demo: None) -> None:
    with pytest.raises(CommandError, match="demo clients sign in with the password only"):
        democode("aaliyah@demo.heard.test")


def test_it_waits_for_a_fresh_code_when_the_current_one_was_used(
    demo: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    device = TOTPDevice.objects.get(user__email="luis@demo.heard.test")
    clock = [1_800_000_010.0]  # 10 s into a 30-second step
    slept: list[float] = []

    def fake_sleep(seconds: float) -> None:
        slept.append(seconds)
        clock[0] += seconds

    monkeypatch.setattr(time, "time", lambda: clock[0])
    monkeypatch.setattr(time, "sleep", fake_sleep)
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=int(clock[0]) // 30)

    code, err = democode("luis@demo.heard.test")
    assert "waiting 20 s" in err
    assert len(slept) == 1
    assert 20 <= slept[0] <= 20.1
    device.refresh_from_db()
    assert device.verify_token(code)
