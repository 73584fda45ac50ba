"""`heard createadmin`: an organization admin, idempotently, through the account services."""

from __future__ import annotations

import getpass
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from heard.accounts import services as accounts
from heard.accounts.models import Membership, Organization, Role, User
from heard.audit.models import AuditEvent

GOOD_PASSWORD = "a long and unusual passphrase 42"


@pytest.fixture
def password_file(tmp_path: Path) -> Path:
    path = tmp_path / "password"
    path.write_text(GOOD_PASSWORD + "\n")
    return path


@pytest.fixture
def no_prompt(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(prompt: str = "") -> str:
        raise AssertionError("createadmin should not have asked for a password")

    monkeypatch.setattr(getpass, "getpass", refuse)


def createadmin(*args: str, **extra: str) -> str:
    base = {"email": "ada@clinic.example", "name": "Ada Lovelace", "organization": "Hill Clinic"}
    base.update(extra)
    options = [f"--{key.replace('_', '-')}={value}" for key, value in base.items()]
    out = StringIO()
    call_command("createadmin", *options, *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_it_creates_the_organization_the_account_and_the_role(
    db: None, password_file: Path, no_prompt: None
) -> None:
    out = createadmin(f"--password-file={password_file}", kind="school", region="gb")

    org = Organization.objects.get(name="Hill Clinic")
    assert (org.kind, org.region) == ("school", "GB")
    user = User.objects.get(email="ada@clinic.example")
    assert user.full_name == "Ada Lovelace"
    assert user.check_password(GOOD_PASSWORD)
    assert user.roles_in(org) == {Role.ORG_ADMIN}
    assert set(AuditEvent.objects.values_list("action", flat=True)) >= {
        "org:create",
        "account:create",
        "membership:add",
    }
    assert (
        out.strip()
        .splitlines()[-1]
        .startswith("Organization admin ada@clinic.example of 'Hill Clinic': done.")
    )


def test_it_asks_for_the_password_twice(db: None, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter([GOOD_PASSWORD, GOOD_PASSWORD])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(answers))
    createadmin()
    assert User.objects.get().check_password(GOOD_PASSWORD)


def test_it_stops_when_the_two_passwords_differ(db: None, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter([GOOD_PASSWORD, GOOD_PASSWORD + "!"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(answers))
    with pytest.raises(CommandError, match="do not match"):
        createadmin()
    assert not User.objects.exists()
    assert not Organization.objects.exists()


@pytest.mark.parametrize(
    ("password", "message"),
    [("short1", "too short"), ("password123", "too common"), ("", "password is empty")],
)
def test_it_applies_the_password_rules_before_writing_anything(
    db: None, tmp_path: Path, password: str, message: str
) -> None:
    path = tmp_path / "password"
    path.write_text(password)
    with pytest.raises(CommandError, match=message):
        createadmin(f"--password-file={path}")
    assert not User.objects.exists()
    assert not Organization.objects.exists()


def test_it_reuses_an_organization_with_exactly_that_name(db: None, password_file: Path) -> None:
    existing = accounts.create_organization(None, name="Hill Clinic", region="CA")
    out = createadmin(f"--password-file={password_file}")
    assert "Using the existing organization 'Hill Clinic'" in out
    assert Organization.objects.get() == existing


def test_an_existing_account_gets_the_missing_role_and_keeps_its_password(
    db: None, no_prompt: None
) -> None:
    accounts.create_account(email="ada@clinic.example", password="old password 123", full_name="A")
    out = createadmin()
    user = User.objects.get()
    assert user.check_password("old password 123")
    assert "already exists; its password is unchanged" in out
    assert "Made ada@clinic.example an organization admin of 'Hill Clinic'" in out
    assert Membership.objects.filter(user=user, role=Role.ORG_ADMIN, is_active=True).exists()


def test_running_it_again_changes_nothing(db: None, password_file: Path) -> None:
    createadmin(f"--password-file={password_file}")
    events = AuditEvent.objects.count()
    out = createadmin(f"--password-file={password_file}", email="ADA@clinic.example")
    assert "is already an organization admin of 'Hill Clinic'" in out
    assert "nothing changed" in out.strip().splitlines()[-1]
    assert AuditEvent.objects.count() == events
    assert User.objects.count() == 1
    assert Membership.objects.count() == 1


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"email": "not-an-email"}, "not a valid email"),
        ({"region": "USA"}, "two-letter country code"),
        ({"kind": "hospital"}, "invalid choice"),
        ({"name": "  "}, "--name must not be empty"),
    ],
)
def test_it_rejects_bad_input(
    db: None, password_file: Path, extra: dict[str, str], message: str
) -> None:
    with pytest.raises(CommandError, match=message):
        createadmin(f"--password-file={password_file}", **extra)
    assert not Organization.objects.exists()


def test_it_refuses_an_ambiguous_organization_name(db: None, password_file: Path) -> None:
    accounts.create_organization(None, name="Hill Clinic")
    accounts.create_organization(None, name="Hill Clinic")
    with pytest.raises(CommandError, match="More than one organization is named 'Hill Clinic'"):
        createadmin(f"--password-file={password_file}")
    assert not User.objects.exists()
