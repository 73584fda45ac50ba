"""`heard safety screen --jsonl FILE`: one JSON line out per message in, in order."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from heard.safety.screening import semantic

HEARD = Path(sys.executable).parent / "heard"

MESSAGES = [
    {"id": "a", "text": "I want to die tonight", "lang": "en"},
    {"id": "b", "text": "this exam is killing me"},
    {"id": 3, "text": "Mi amiga dice que se quiere matar.", "lang": "es"},
    {"id": "d", "text": "Two years ago I tried to kill myself; now I'm doing well."},
    {"id": "e", "text": "My stepdad hits me", "lang": None},
]
EXPECTED = [
    {"id": "a", "crisis": True, "level": "acute", "categories": ["suicide"]},
    {"id": "b", "crisis": False, "level": "none", "categories": []},
    {"id": 3, "crisis": False, "level": "concern", "categories": ["suicide"]},
    {"id": "d", "crisis": False, "level": "none", "categories": ["suicide"]},
    {"id": "e", "crisis": True, "level": "urgent", "categories": ["abuse_or_unsafe"]},
]


def write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "messages.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(*args: str, **options: Any) -> tuple[list[dict[str, Any]], str]:
    out, err = StringIO(), StringIO()
    call_command("safety", *args, stdout=out, stderr=err, **options)
    return [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


def test_it_screens_each_line_in_order(tmp_path: Path) -> None:
    path = write(tmp_path, [json.dumps(m, ensure_ascii=False) for m in MESSAGES])
    results, err = run("screen", "--jsonl", str(path))
    assert results == EXPECTED
    assert err == ""


def test_it_skips_blank_lines_and_reports_bad_ones_on_stderr(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        [
            json.dumps(MESSAGES[0]),
            "",
            "   ",
            "not json",
            json.dumps({"id": "no-text"}),
            json.dumps(["a", "list"]),
            json.dumps({"id": "n", "text": 5}),
            json.dumps(MESSAGES[1]),
        ],
    )
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError) as info:
        call_command("safety", "screen", "--jsonl", str(path), stdout=out, stderr=err)
    assert info.value.returncode == 2
    assert str(info.value) == "4 lines could not be screened."
    assert [json.loads(line)["id"] for line in out.getvalue().splitlines()] == ["a", "b"]
    assert err.getvalue().splitlines() == [
        f'line {n}: expected a JSON object with a "text" string; skipped.' for n in (4, 5, 6, 7)
    ]


def test_one_bad_line_is_reported_in_the_singular(tmp_path: Path) -> None:
    path = write(tmp_path, ["{"])
    with pytest.raises(CommandError, match=r"^1 line could not be screened\.$"):
        run("screen", "--jsonl", str(path))


def test_it_reads_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", StringIO(json.dumps(MESSAGES[4]) + "\n"))
    results, _ = run("screen", "--jsonl", "-")
    assert results == [EXPECTED[4]]


def test_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError) as info:
        run("screen", "--jsonl", str(tmp_path / "nope.jsonl"))
    assert info.value.returncode == 2
    assert str(info.value).startswith("Cannot read ")


class AlwaysIdeation:
    def match(self, text: str, lang: str) -> semantic.SemanticMatch:
        return semantic.SemanticMatch("ideation", 0.9, "prototype")


QUIET = json.dumps({"id": "q", "text": "everything feels grey and far away"})


@pytest.mark.parametrize(
    ("flags", "setting", "crisis"),
    [
        ((), False, False),
        ((), True, True),
        (("--semantic",), False, True),
        (("--no-semantic",), True, False),
    ],
)
def test_semantic_flags_and_setting(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    flags: tuple[str, ...],
    setting: bool,
    crisis: bool,
) -> None:
    monkeypatch.setattr(semantic, "get_layer", AlwaysIdeation)
    path = write(tmp_path, [QUIET])
    with override_settings(HEARD_SCREENING_SEMANTIC=setting):
        results, _ = run("screen", "--jsonl", str(path), *flags)
    assert results[0]["crisis"] is crisis


def test_help_says_what_it_does(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        call_command("safety", "--help")
    text = capsys.readouterr().out
    assert "screen --jsonl FILE" in text
    assert '{"id": "m1", "crisis": true, "level": "urgent", "categories": ["suicide"]}' in text


def test_it_runs_as_the_heard_console_script(tmp_path: Path) -> None:
    path = write(tmp_path, [json.dumps(m) for m in MESSAGES[:2]])
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "heard.settings_test"}
    done = subprocess.run(  # noqa: S603 - our own console script, fixed arguments
        [str(HEARD), "safety", "screen", "--jsonl", str(path), "--no-semantic"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert [json.loads(line) for line in done.stdout.splitlines()] == EXPECTED[:2]


def test_screen_needs_a_file() -> None:
    with pytest.raises(CommandError, match="screen needs --jsonl FILE") as info:
        run("screen")
    assert info.value.returncode == 2


@pytest.mark.django_db
def test_escalate_says_how_many_alerts_it_escalated() -> None:
    out = StringIO()
    call_command("safety", "escalate", stdout=out)
    assert out.getvalue().strip() == "Escalated 0 overdue safety alerts."
