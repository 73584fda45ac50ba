"""`heard openapi`: the API's OpenAPI document as sorted, indented JSON."""

from __future__ import annotations

import json
import sys
import types
from io import StringIO

import pytest
from django.core.management import CommandError, call_command


def openapi() -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("openapi", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_it_prints_the_api_document() -> None:
    out, err = openapi()
    document = json.loads(out)
    assert document["openapi"].startswith("3.")
    assert document["info"]["title"] == "Heard API"
    assert document["paths"]
    assert all(path.startswith("/api/v1/") for path in document["paths"])
    assert err.startswith(f"OpenAPI document: {len(document['paths'])} paths, ")


def test_the_output_is_stable_sorted_and_indented() -> None:
    out, _ = openapi()
    assert out == json.dumps(json.loads(out), indent=2, sort_keys=True) + "\n"
    assert openapi()[0] == out


def test_it_counts_paths_and_operations(monkeypatch: pytest.MonkeyPatch) -> None:
    class FakeAPI:
        def get_openapi_schema(self) -> dict[str, object]:
            return {
                "openapi": "3.1.0",
                "paths": {"/a": {"get": {}, "post": {}, "parameters": []}, "/b": {"get": {}}},
            }

    monkeypatch.setitem(sys.modules, "heard.api.api", types.SimpleNamespace(api=FakeAPI()))
    out, err = openapi()
    assert json.loads(out)["openapi"] == "3.1.0"
    assert err.strip() == "OpenAPI document: 2 paths, 3 operations."


def test_it_fails_in_one_line_when_the_api_cannot_load(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "heard.api.api", None)
    with pytest.raises(CommandError, match="The API could not be loaded"):
        openapi()
