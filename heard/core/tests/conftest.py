"""Fixtures for the encryption tests: a test-only model with an encrypted column, and a way
to switch the key ring."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from heard.core.tests.encfield_app.testing import enc_note_model, key_switcher


@pytest.fixture
def use_keys() -> Iterator[Callable[..., None]]:
    with key_switcher() as use:
        yield use


@pytest.fixture
def EncNote(db: None) -> Any:
    return enc_note_model()
