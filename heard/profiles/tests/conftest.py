"""Profile test helpers: a screener that answers what a test needs (the engine has its own
tests), and a quick way to save a section through the services."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest

from heard.accounts.models import User
from heard.profiles import access, services
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
SOMEONE_ELSE = finding("urgent", crisis=False, about="someone_else")


@pytest.fixture
def screen_returns(monkeypatch: pytest.MonkeyPatch) -> Callable[[Any], None]:
    """Make the screener return a fixed finding; everything after it is the real path."""

    def install(result: Any) -> None:
        monkeypatch.setattr(safety, "_screener", lambda: lambda text, lang: result)

    return install


@pytest.fixture
def screened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the screener was asked about (it finds nothing)."""
    seen: list[str] = []

    def run(text: str, lang: str | None) -> Any:
        seen.append(text)
        return NOTHING

    monkeypatch.setattr(safety, "_screener", lambda: run)
    return seen


@pytest.fixture
def save() -> Callable[..., services.Updated]:
    """save(client, section, **fields) → the section saved through the services, from the
    revision saved now."""

    def make(client: User, section: str, **fields: object) -> services.Updated:
        client.refresh_from_db()
        profile = access.profile_of(client)
        return services.update_profile(
            client, client=client, section=section, data=fields, base_revision=profile.revision
        )

    return make
