"""`heard audit verify`: finds edited and deleted audit events, in-process and from the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from heard.audit import services as audit

REPO = Path(__file__).resolve().parents[3]


def record_events(count: int) -> None:
    for n in range(count):
        audit.record(None, "test:event", extra={"n": n})


def tamper(sql: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql)


def verify() -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("audit", "verify", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def verify_fails() -> tuple[str, CommandError]:
    out = StringIO()
    with pytest.raises(CommandError) as info:
        call_command("audit", "verify", stdout=out, stderr=StringIO())
    assert info.value.returncode == 1
    return out.getvalue(), info.value


def test_an_intact_trail_is_ok(db: None) -> None:
    record_events(5)
    out, err = verify()
    assert out.strip() == "Audit trail OK: 5 events checked"
    assert "Checking 5 audit events" in err


def test_an_empty_trail_is_ok(db: None) -> None:
    assert verify()[0].strip() == "Audit trail OK: 0 events checked"


def test_it_reports_an_edited_event(db: None) -> None:
    record_events(5)
    tamper("UPDATE audit_auditevent SET action = 'x' WHERE seq = 2")
    out, error = verify_fails()
    assert out.splitlines() == ["event 2: content does not match its hash (edited)"]
    assert str(error) == "Audit trail BROKEN: 1 problems in 5 events checked"


def test_it_reports_an_event_deleted_from_the_middle(db: None) -> None:
    record_events(5)
    tamper("DELETE FROM audit_auditevent WHERE seq = 3")
    out, _ = verify_fails()
    assert "event 3: rows 3..3 are missing (deleted)" in out.splitlines()


def test_it_reports_events_deleted_from_the_end(db: None) -> None:
    record_events(5)
    tamper("DELETE FROM audit_auditevent WHERE seq >= 4")
    out, error = verify_fails()
    assert "event 4: rows 4..5 at the end are missing (deleted)" in out.splitlines()
    assert "in 3 events checked" in str(error)


def test_audit_needs_an_action() -> None:
    with pytest.raises(CommandError):
        call_command("audit", stdout=StringIO(), stderr=StringIO())


# --- The console script, as an operator runs it -------------------------------------------------


def cli_env() -> dict[str, str]:
    """Run `python -m heard` with production settings against this test's database."""
    env = dict(os.environ)
    env["DJANGO_SETTINGS_MODULE"] = "heard.settings"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        env.pop("DATABASE_URL", None)
        env["HEARD_SQLITE_PATH"] = str(db["NAME"])
    else:
        credentials = quote(db["USER"] or "", safe="")
        if db["PASSWORD"]:
            credentials += ":" + quote(db["PASSWORD"], safe="")
        host = f"{db['HOST'] or ''}:{db['PORT']}" if db["PORT"] else (db["HOST"] or "")
        env["DATABASE_URL"] = f"postgres://{credentials}@{host}/{quote(db['NAME'], safe='')}"
    return env


def heard_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - fixed argv
        [sys.executable, "-m", "heard", *args],
        env=cli_env(),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_console_script_lists_the_operator_commands(db: None) -> None:
    result = heard_cli("--help")
    assert result.returncode == 0, result.stderr
    for command in ("audit", "backup", "createadmin", "demo", "keys", "serve", "worker"):
        assert command in result.stdout


@pytest.mark.django_db(transaction=True)
def test_the_console_script_exits_1_and_lists_every_problem() -> None:
    record_events(6)
    result = heard_cli("audit", "verify")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Audit trail OK: 6 events checked"

    tamper("UPDATE audit_auditevent SET action = 'x' WHERE seq = 2")
    tamper("DELETE FROM audit_auditevent WHERE seq = 4")
    tamper("DELETE FROM audit_auditevent WHERE seq = 6")
    result = heard_cli("audit", "verify")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "event 2: content does not match its hash (edited)",
        "event 4: rows 4..4 are missing (deleted)",
        "event 5: does not link to the row before it",
        "event 6: rows 6..6 at the end are missing (deleted)",
    ]
    assert result.stderr.strip().splitlines()[-1] == (
        "CommandError: Audit trail BROKEN: 4 problems in 4 events checked"
    )
