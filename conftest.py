"""Fixtures shared by every test: personas and signed-in clients."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from heard.testing import browser as chromium
from heard.testing.base import Personas, make_personas, sign_in


@pytest.fixture(autouse=True)
def _english_after_each_test() -> Iterator[None]:
    """A request in Spanish leaves Spanish active in this thread; start every test afresh."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def personas(db: None) -> Personas:
    return make_personas()


@pytest.fixture
def client_for(personas: Personas) -> Callable[[str], Client]:
    """client_for("dana") → a test client signed in as Dana (MFA passed for staff)."""

    def make(name: str) -> Client:
        return sign_in(Client(), personas.by_name[name])

    return make


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Debian's chromium, one per test module (see heard/testing/browser.py)."""
    if not chromium.available():  # pragma: no cover - `make test` installs it
        pytest.skip("Debian chromium is not installed (make browser)")
    with chromium.launch() as launched:
        yield launched
