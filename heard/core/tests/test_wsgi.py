"""The WSGI entry point: a served process prepares the crisis screener as it starts."""

from __future__ import annotations

import importlib
import threading

import pytest


def test_a_served_process_prepares_the_crisis_screener_as_it_starts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    prepared = threading.Event()
    monkeypatch.setattr("heard.safety.screening.prepare", prepared.set)
    import heard.wsgi

    importlib.reload(heard.wsgi)
    assert prepared.wait(timeout=10)
    assert callable(heard.wsgi.application)
