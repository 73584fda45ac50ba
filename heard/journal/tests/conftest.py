"""Journal test helpers: a screener that answers what a test needs (shared, in
heard/testing/screening.py) or breaks, and a quick way to write an entry through the
services."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from heard.accounts.models import User
from heard.journal import services
from heard.safety import services as safety
from heard.testing.screening import NOTHING, _patient_screening, finding, screen_returns

__all__ = ["NOTHING", "_patient_screening", "finding", "screen_returns"]


@pytest.fixture
def screening_breaks(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> Callable[[str, str | None], Any]:
        def run(text: str, lang: str | None) -> Any:
            raise RuntimeError("injected fault")

        return run

    monkeypatch.setattr(safety, "_screener", broken)


@pytest.fixture
def write() -> Callable[..., services.Saved]:
    """write(client, body, title="") → a saved entry, through the services."""

    def make(client: User, body: str, title: str = "", prompt: str = "") -> services.Saved:
        result = services.create_entry(client, title=title, body=body, prompt=prompt)
        assert isinstance(result, services.Saved)
        return result

    return make
