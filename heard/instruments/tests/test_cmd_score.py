"""`heard score`: scores answers given on the command line and prints one JSON object."""

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

HEARD = Path(sys.executable).parent / "heard"
NOT_A_NUMBER = "Answer 2 of gad-2 must be a whole number, or - to skip it;"


def run(*args: str, **options: Any) -> dict[str, Any]:
    out = StringIO()
    call_command("score", *args, stdout=out, stderr=StringIO(), **options)
    lines = out.getvalue().splitlines()
    assert len(lines) == 1  # one JSON object on one line
    data: dict[str, Any] = json.loads(lines[0])
    return data


def fails(*args: str, **options: Any) -> str:
    with pytest.raises(CommandError) as info:
        call_command("score", *args, stdout=StringIO(), stderr=StringIO(), **options)
    assert info.value.returncode == 2
    return str(info.value)


def test_it_prints_the_score_as_json() -> None:
    data = run("phq-9", "1", "2", "0", "3", "1", "0", "2", "1", "0")
    assert list(data)[:6] == ["instrument", "total", "severity", "caseness", "critical", "complete"]
    assert data["instrument"] == "phq-9"
    assert data["total"] == 10
    assert data["severity"] == "moderate"
    assert data["caseness"] is True
    assert data["critical"] == []
    assert data["complete"] is True
    assert data["threshold"] == ">= 10"


def test_a_dash_skips_an_item() -> None:
    data = run("phq-9", "1", "-", "0", "3", "1", "0", "2", "1", "2")
    assert (data["total"], data["complete"], data["skipped"]) == (None, False, [2])
    assert data["critical"] == [9]


def test_the_first_answer_may_be_skipped() -> None:
    data = run("gad-2", "-", "3")
    assert (data["complete"], data["skipped"]) == (False, [1])


def test_phq9_accepts_the_difficulty_item() -> None:
    assert run("phq-9", *["3"] * 9, "2")["total"] == 27


def test_who5_reports_the_index() -> None:
    data = run("who-5", "5", "5", "5", "5", "5")
    assert (data["total"], data["index"], data["caseness"]) == (25, 100, False)


def test_audit_c_sex_option() -> None:
    assert run("audit-c", "1", "1", "1")["caseness"] is True
    assert run("audit-c", "1", "1", "1", "--sex", "male")["caseness"] is False
    assert run("audit-c", "1", "1", "1", sex="female")["threshold"] == ">= 3 (female)"


def test_pc_ptsd5_cut_point_option_and_gate() -> None:
    assert run("pc-ptsd-5", "1", "1", "1", "1", "0", "0")["caseness"] is True
    data = run("pc-ptsd-5", "1", "1", "1", "1", "0", "0", "--cut-point", "4")
    assert (data["caseness"], data["threshold"]) == (False, "cut-point 4")
    assert run("pc-ptsd-5", "0")["total"] == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("phq-8", "1"),
            "Unknown instrument 'phq-8'; the instruments are: phq-9, phq-2, gad-7, gad-2, "
            "who-5, pcl-5, pc-ptsd-5, audit-c, k10.",
        ),
        (("phq-9", "1", "2"), "phq-9 takes 9 answers (or 10 with the difficulty question); got 2."),
        (("gad-2", "1", "x"), f"{NOT_A_NUMBER} got 'x'."),
        (("gad-2", "1", "1.5"), f"{NOT_A_NUMBER} got '1.5'."),
        (("gad-2", "4", "1"), "Answer 1 of gad-2 must be 0\N{EN DASH}3; got 4."),
        (("gad-2", "-1", "1"), "Answer 1 of gad-2 must be 0\N{EN DASH}3; got -1."),
        (("gad-2",), "gad-2 takes 2 answers; got 0."),
        (("phq-9", *["1"] * 9, "--sex", "male"), "--sex applies only to audit-c, not phq-9."),
        (("audit-c", "1", "1", "1", "--cut-point", "4"),
         "--cut-point applies only to pc-ptsd-5, not audit-c."),
    ],
)  # fmt: skip
def test_bad_input_is_a_usage_error(args: tuple[str, ...], message: str) -> None:
    assert fails(*args) == message


def test_help_says_what_it_does() -> None:
    from heard.instruments.management.commands.score import Command

    parser = Command().create_parser("heard", "score")
    text = parser.format_help()
    assert text.startswith("usage: heard score")
    assert "Score one set of answers to a validated instrument" in text
    assert "- marks a skipped question" in text
    assert "  phq-9      9 answers (or 10 with the difficulty question), each 0-3" in text
    assert "  k10        10 answers, each 1-5" in text
    assert "heard score phq-9 1 2 0 3 1 0 2 1 0" in text


# --- The console script, as an operator runs it --------------------------------------------------


def heard(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, HEARD_DEBUG="true")
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(  # noqa: S603 - fixed argv
        [str(HEARD), *args], capture_output=True, text=True, env=env, timeout=60, check=False
    )


def test_the_console_script_prints_json_and_exits_0() -> None:
    result = heard("score", "phq-9", "1", "-", "0", "3", "1", "0", "2", "1", "0")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["instrument"], data["total"], data["complete"], data["skipped"]) == (
        "phq-9",
        None,
        False,
        [2],
    )


def test_the_console_script_exits_2_with_one_line_on_stderr() -> None:
    result = heard("score", "gad-7", "1", "2", "3")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == ["CommandError: gad-7 takes 7 answers; got 3."]
