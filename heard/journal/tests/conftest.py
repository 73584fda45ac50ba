"""Journal test helpers: a screener that answers what a test needs, and a quick way to
write an entry through the services."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest

from heard.accounts.models import User
from heard.journal import services
from heard.safety import services as safety


@pytest.fixture(autouse=True)
def _patient_screening(settings: Any) -> None:
    """The real engine's first run in a process may be slow; the deadline itself is tested
    in safety/tests/test_text_path.py."""
    settings.HEARD_SCREENING_TIMEOUT_MS = 30_000


def finding(
    level: str = "urgent",
    *,
    crisis: bool = True,
    about: str = "self",
    categories: tuple[str, ...] = ("suicide",),
) -> SimpleNamespace:
    return SimpleNamespace(
        level=level,
        categories=categories,
        crisis=crisis,
        about=about,
        explanation="Talks about wanting to die.",
    )


NOTHING = finding("none", crisis=False, about="", categories=())


@pytest.fixture
def screen_returns(monkeypatch: pytest.MonkeyPatch) -> Callable[[Any], None]:
    """Make the screener return a fixed finding (the engine has its own tests)."""

    def install(result: Any) -> None:
        monkeypatch.setattr(safety, "_screener", lambda: lambda text, lang: result)

    return install


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
