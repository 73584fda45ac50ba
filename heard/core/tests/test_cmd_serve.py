"""`heard serve`: execs granian in WSGI mode with the chosen address and sizes."""

from __future__ import annotations

import os
import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from heard.core.management.commands import serve


@pytest.fixture
def execv(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, list[str]]]:
    calls: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(os, "execv", lambda path, argv: calls.append((path, argv)))
    return calls


def test_it_execs_granian_in_wsgi_mode_with_the_defaults(
    db: None, execv: list[tuple[str, list[str]]]
) -> None:
    err = StringIO()
    call_command("serve", stdout=StringIO(), stderr=err)
    [(path, argv)] = execv
    assert path == sys.executable
    assert argv == [
        sys.executable,
        "-m",
        "granian",
        "--interface",
        "wsgi",
        "--host",
        "127.0.0.1",
        "--port",
        "8000",
        "--workers",
        "2",
        "--blocking-threads",
        "2",
        "heard.wsgi:application",
    ]
    assert "Serving Heard on http://127.0.0.1:8000 (2 workers x 2 threads" in err.getvalue()
    assert "migrations are not applied" not in err.getvalue()


def test_it_passes_host_port_workers_and_threads(
    db: None, execv: list[tuple[str, list[str]]]
) -> None:
    call_command(
        "serve",
        "--host",
        "0.0.0.0",  # noqa: S104 - behind a proxy in a container
        "--port",
        "9000",
        "--workers",
        "4",
        "--threads",
        "8",
        stdout=StringIO(),
        stderr=StringIO(),
    )
    argv = execv[0][1]
    assert argv[argv.index("--host") + 1] == "0.0.0.0"  # noqa: S104
    assert argv[argv.index("--port") + 1] == "9000"
    assert argv[argv.index("--workers") + 1] == "4"
    assert argv[argv.index("--blocking-threads") + 1] == "8"


@pytest.mark.parametrize(
    "args", [("--port", "0"), ("--port", "70000"), ("--port", "http"), ("--workers", "0")]
)
def test_it_rejects_impossible_values(
    db: None, execv: list[tuple[str, list[str]]], args: tuple[str, ...]
) -> None:
    with pytest.raises(CommandError):
        call_command("serve", *args, stdout=StringIO(), stderr=StringIO())
    assert execv == []


def test_it_reports_when_granian_cannot_start(db: None, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(path: str, argv: list[str]) -> None:
        raise FileNotFoundError(2, "No such file or directory")

    monkeypatch.setattr(os, "execv", fail)
    with pytest.raises(CommandError, match="Could not start granian"):
        call_command("serve", stdout=StringIO(), stderr=StringIO())


def test_granian_accepts_the_command_line() -> None:
    """The flags exist in the installed granian (its CLI rejects unknown options)."""
    from click.testing import CliRunner
    from granian.cli import cli

    argv = serve.granian_argv(host="127.0.0.1", port=8000, workers=2, threads=2)[3:]
    result = CliRunner().invoke(cli, [*argv[:-1], "--help"])
    assert result.exit_code == 0, result.output
