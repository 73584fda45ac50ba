"""Helpers for tests that need the encrypted test model."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

import pytest
from django.apps import apps
from django.db import models
from django.test import override_settings

from heard.core import crypto

APP = "heard.core.tests.encfield_app"


def enc_note_model() -> type[models.Model]:
    """The EncNote model, or skip the test when heard/settings_test.py does not install it."""
    if not apps.is_installed(APP):
        pytest.skip(f"add {APP!r} to INSTALLED_APPS in heard/settings_test.py")
    return apps.get_model("encfield", "EncNote")


@contextlib.contextmanager
def key_switcher() -> Iterator[Callable[..., None]]:
    """use(line, ...) makes those key lines the key ring (first one encrypts) until exit."""
    with contextlib.ExitStack() as stack:
        stack.callback(crypto.reset_keyring)

        def use(*lines: str) -> None:
            stack.enter_context(override_settings(HEARD_ENCRYPTION_KEYS=",".join(lines)))
            crypto.reset_keyring()

        yield use
