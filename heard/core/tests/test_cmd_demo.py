"""`heard demo` and its loader, heard/core/demo.py."""

from __future__ import annotations

import os
import signal
import socket
import stat
import subprocess
import sys
import time
import urllib.error
import urllib.request
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from pytest_django.fixtures import Settings

from heard.accounts.models import Membership, Organization, Role, User
from heard.appointments.models import Appointment
from heard.audit.models import AuditEvent
from heard.careplans import services as plans
from heard.careplans.models import CarePlan, PlanStatus
from heard.checkins.models import CheckIn
from heard.core import crypto
from heard.core.demo import (
    CLIENTS,
    DEMO_EMAIL_DOMAIN,
    DEMO_ORG_NAME,
    DEMO_PASSWORD,
    demo_email,
    demo_totp_key,
    load_demo_data,
)
from heard.notes.models import SessionNote
from heard.people.models import CareAssignment
from heard.profiles.models import Profile
from heard.safety.models import RiskAlert
from heard.skills import suggest
from heard.skills.models import Practice

REPO = Path(__file__).resolve().parents[3]


def roles(org: Organization) -> dict[str, int]:
    members = Membership.objects.filter(organization=org, is_active=True)
    return {role: members.filter(role=role).count() for role in Role.values}


def test_it_loads_one_clinic_with_its_staff_and_thirty_clients(db: None) -> None:
    summary = load_demo_data(StringIO())

    org = Organization.objects.get()
    assert (org.name, org.kind, org.region) == (DEMO_ORG_NAME, "clinic", "US")
    assert summary.organization == org
    assert roles(org) == {
        Role.CLIENT: 30,
        Role.CLINICIAN: 3,
        Role.SUPERVISOR: 1,
        Role.FACILITATOR: 1,
        Role.ORG_ADMIN: 1,
    }
    assert CareAssignment.objects.active().filter(organization=org).count() == 30
    for clinician in User.objects.filter(memberships__role=Role.CLINICIAN):
        assert CareAssignment.objects.active().filter(clinician=clinician).count() == 10
    assert summary.changes > 0
    assert not summary.already_loaded


def test_every_client_has_exactly_one_clinician(db: None) -> None:
    load_demo_data(StringIO())
    for client in User.objects.filter(memberships__role=Role.CLIENT):
        assert CareAssignment.objects.active().filter(client=client).count() == 1


def test_the_supervisor_supervises_every_clinician(db: None) -> None:
    load_demo_data(StringIO())
    supervision = Membership.objects.get(role=Role.SUPERVISOR)
    clinicians = Membership.objects.filter(role=Role.CLINICIAN)
    assert {m.supervisor_id for m in clinicians} == {supervision.pk}


def test_staff_have_a_confirmed_authenticator_and_clients_do_not(db: None) -> None:
    load_demo_data(StringIO())
    for membership in Membership.objects.select_related("user"):
        device = TOTPDevice.objects.filter(user=membership.user, confirmed=True).first()
        if membership.role == Role.CLIENT:
            assert device is None
        else:
            assert device is not None
            assert device.key == demo_totp_key(membership.user.email)


def test_demo_accounts_share_the_demo_password_and_domain(db: None) -> None:
    load_demo_data(StringIO())
    users = list(User.objects.all())
    assert len(users) == 36
    assert len({u.email for u in users}) == 36
    assert all(u.email.endswith(DEMO_EMAIL_DOMAIN) for u in users)
    assert all(u.check_password(DEMO_PASSWORD) for u in users)


def test_demo_names_are_varied_and_emails_are_plain_ascii() -> None:
    assert len(CLIENTS) == 30
    assert demo_email("Mateo Hernández") == "mateo@demo.heard.test"
    assert demo_email("Dr. Adaeze Okafor") == "adaeze@demo.heard.test"
    assert demo_email("Liam O'Brien") == "liam@demo.heard.test"


def test_loading_again_changes_nothing(db: None) -> None:
    load_demo_data(StringIO())
    counts = (
        User.objects.count(),
        Membership.objects.count(),
        CareAssignment.objects.count(),
        TOTPDevice.objects.count(),
        AuditEvent.objects.count(),
    )
    again = load_demo_data(StringIO())
    assert again.already_loaded
    assert again.changes == 0
    assert counts == (
        User.objects.count(),
        Membership.objects.count(),
        CareAssignment.objects.count(),
        TOTPDevice.objects.count(),
        AuditEvent.objects.count(),
    )


def test_loading_repairs_a_partly_loaded_demo(db: None) -> None:
    load_demo_data(StringIO())
    CareAssignment.objects.filter(client__email=demo_email(CLIENTS[0].full_name)).delete()
    again = load_demo_data(StringIO())
    assert again.changes == 1
    assert CareAssignment.objects.active().count() == 30


def test_the_command_loads_prints_logins_and_says_when_already_loaded(
    db: None, settings: Settings, tmp_path: Path
) -> None:
    settings.STATIC_ROOT = tmp_path / "static"
    out = StringIO()
    call_command("demo", "--no-serve", stdout=out, stderr=StringIO())
    text = out.getvalue()
    assert "Demo data loaded" in text
    assert "maya@demo.heard.test" in text
    assert "Clinician" in text
    assert DEMO_PASSWORD in text
    assert "heard democode EMAIL" in text
    assert (tmp_path / "static").is_dir()  # collected, because DEBUG is off

    out = StringIO()
    call_command("demo", "--no-serve", stdout=out, stderr=StringIO())
    assert "demo data already loaded" in out.getvalue().lower()
    assert Organization.objects.count() == 1


def test_the_command_writes_a_private_key_file_when_no_key_is_configured(
    db: None, settings: Settings, tmp_path: Path
) -> None:
    settings.HEARD_ENCRYPTION_KEYS = ""
    settings.VAR_DIR = tmp_path
    settings.DEBUG = True  # skips collectstatic
    crypto.reset_keyring()
    try:
        out = StringIO()
        call_command("demo", "--no-serve", stdout=out, stderr=StringIO())
        key_file = tmp_path / "encryption.keys"
        assert f"Created a new encryption key file: {key_file}" in out.getvalue()
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
        ring = crypto.keyring()
        assert ring.decrypt(ring.encrypt("x", "a.b.c"), "a.b.c") == "x"

        # A second run keeps the key.
        content = key_file.read_text()
        call_command("demo", "--no-serve", stdout=StringIO(), stderr=StringIO())
        assert key_file.read_text() == content
    finally:
        crypto.reset_keyring()


def test_the_command_keeps_a_configured_key(db: None, settings: Settings, tmp_path: Path) -> None:
    settings.VAR_DIR = tmp_path
    settings.DEBUG = True
    call_command("demo", "--no-serve", stdout=StringIO(), stderr=StringIO())
    assert not (tmp_path / "encryption.keys").exists()


def test_the_command_refuses_a_port_in_use(db: None) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port: int = taken.getsockname()[1]
        with pytest.raises(CommandError, match=f"Port {port} on 127.0.0.1 is already in use"):
            call_command("demo", "--port", str(port), stdout=StringIO(), stderr=StringIO())


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_for_http(url: str, process: subprocess.Popen[bytes], timeout: float) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, "heard demo exited early"
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - local URL
                return int(response.status)
        except urllib.error.HTTPError as exc:
            return exc.code
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"nothing answered on {url} within {timeout} s")


def test_the_demo_serves_and_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    """The real thing, in a fresh var directory: key file, migrate, data, granian, worker."""
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("HEARD_", "DATABASE_URL", "DJANGO_SETTINGS_MODULE"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="heard.settings",
        HEARD_DEBUG="true",
        HEARD_VAR_DIR=str(tmp_path),
        PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    )
    with (tmp_path / "out.txt").open("wb") as out, (tmp_path / "err.txt").open("wb") as err:
        process = subprocess.Popen(  # noqa: S603 - fixed argv
            [sys.executable, "-m", "heard", "demo", "--port", str(port)],
            cwd=tmp_path,
            env=env,
            stdout=out,
            stderr=err,
        )
        try:
            status = wait_for_http(f"http://127.0.0.1:{port}/", process, timeout=90)
            assert status < 500
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=30) == 0
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    output = (tmp_path / "out.txt").read_text()
    assert "Created a new encryption key file" in output
    assert "maya@demo.heard.test" in output
    assert "Stopped the web server and the worker." in output
    assert stat.S_IMODE((tmp_path / "encryption.keys").stat().st_mode) == 0o600
    with socket.socket() as probe, pytest.raises(ConnectionRefusedError):
        probe.connect(("127.0.0.1", port))  # the web server is gone too


def test_the_first_client_has_a_profile_a_plan_written_together_and_skills_practised(
    db: None,
) -> None:
    load_demo_data(StringIO())
    first = User.objects.get(email=demo_email(CLIENTS[0].full_name))

    profile = Profile.objects.get(client=first)
    assert profile.revision >= 4
    assert profile.when_overwhelmed
    plan = CarePlan.objects.get(client=first)
    # Agreed by both at one version; the client's later goal waits for the clinician.
    versions = list(plan.versions.all())
    assert any(v.client_agreed_at and v.clinician_agreed_at for v in versions)
    assert plan.status != PlanStatus.AGREED
    assert len(plans.plan_content(plan)["goals"]) == 3
    assert Practice.objects.filter(client=first).count() >= 7
    # The clinician's suggestion and what helped before both show among the suggestions.
    # Session notes: two signed (one with an addendum) and a draft.
    statuses = sorted(SessionNote.objects.filter(client=first).values_list("status", flat=True))
    assert statuses == ["draft", "signed", "signed"]
    keys = [s.skill.key for s in suggest.suggestions_for(first)]
    assert "activity_planning" in keys
    assert "paced_breathing" in keys


def test_the_demo_care_text_raises_no_safety_alert(db: None) -> None:
    # The screener's known false alarms on care text (decision 0018, care update) must not
    # put made-up alerts on the demo clients' records: the demo's open alerts are the
    # questionnaire and contact-request ones only.
    load_demo_data(StringIO())
    sources = set(RiskAlert.objects.values_list("source", flat=True))
    assert sources.isdisjoint({"profile", "care_plan", "practice"})


def test_ninety_days_of_care_and_open_alerts_from_a_questionnaire_and_a_check_in(
    db: None,
) -> None:
    load_demo_data(StringIO())
    first = User.objects.get(email=demo_email(CLIENTS[0].full_name))
    oldest = CheckIn.objects.filter(client=first).order_by("at").first()
    assert oldest is not None
    assert (timezone.now() - oldest.at).days >= 85
    assert Appointment.objects.filter(client=first).count() == 90 // 7
    open_sources = set(RiskAlert.objects.filter(status="open").values_list("source", flat=True))
    assert {"measure", "checkin"} <= open_sources
