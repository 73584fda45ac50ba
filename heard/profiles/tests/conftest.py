"""Profile test helpers: a screener that answers what a test needs (shared, in
heard/testing/screening.py, the engine has its own tests), and a quick way to save a section
through the services."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from heard.accounts.models import User
from heard.profiles import access, services
from heard.safety import services as safety
from heard.testing.screening import NOTHING, _patient_screening, finding, screen_returns

__all__ = [
    "NOTHING",
    "SOMEONE_ELSE",
    "_patient_screening",
    "finding",
    "screen_returns",
]


SOMEONE_ELSE = finding("urgent", crisis=False, about="someone_else")


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
