"""Tests are collected the same way by every pytest-xdist worker.

A random value in a `parametrize` list (e.g. `str(uuid.uuid4())`) becomes part of a test's id,
so two workers collect different tests and the whole run stops before it starts. This test
fails on any call inside a test decorator that draws a random or time-dependent value,
unless the decorator names its ids.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RANDOM_CALLS = {"uuid4", "uuid1", "token_hex", "token_urlsafe", "random", "randint", "now"}


def random_decorator_calls(path: Path, root: Path = ROOT) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    hits = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for decorator in node.decorator_list:
            # Explicit ids keep the collected names stable whatever the values are.
            if isinstance(decorator, ast.Call) and any(k.arg == "ids" for k in decorator.keywords):
                continue
            for inner in ast.walk(decorator):
                if isinstance(inner, ast.Call):
                    name = getattr(inner.func, "attr", getattr(inner.func, "id", ""))
                    if name in RANDOM_CALLS:
                        hits.append(f"{path.relative_to(root)}:{inner.lineno} {name}()")
    return hits


def test_no_test_is_parametrized_with_a_random_value():
    files = [*ROOT.joinpath("heard").rglob("test_*.py"), *ROOT.joinpath("tests").rglob("test_*.py")]
    assert files
    hits = [hit for f in files for hit in random_decorator_calls(f)]
    assert hits == [], "use a fixed value instead: " + ", ".join(hits)


def test_the_lint_catches_a_random_id(tmp_path):
    bad = tmp_path / "test_bad.py"
    bad.write_text(
        "import uuid, pytest\n"
        "@pytest.mark.parametrize('x', [str(uuid.uuid4())])\n"
        "def test_x(x):\n    pass\n"
    )
    assert random_decorator_calls(bad, root=tmp_path) == ["test_bad.py:2 uuid4()"]
