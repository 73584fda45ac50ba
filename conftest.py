"""Fixtures shared by every test: personas and signed-in clients."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from heard.testing.base import Personas, make_personas, sign_in


@pytest.fixture
def personas(db: None) -> Personas:
    return make_personas()


@pytest.fixture
def client_for(personas: Personas) -> Callable[[str], Client]:
    """client_for("dana") → a test client signed in as Dana (MFA passed for staff)."""

    def make(name: str) -> Client:
        return sign_in(Client(), personas.by_name[name])

    return make
