"""The crisis screener, made to answer what a test needs (the engine has its own tests in
heard/safety/tests). Everything after the screener is the real safety path: alerts, the
crisis screen, the care team's notice.

A pytest fixture plugin: an app's tests/conftest.py imports the fixtures it wants and names
them in its `__all__`, e.g.

    from heard.testing.screening import NOTHING, finding, screen_returns

    __all__ = ["NOTHING", "finding", "screen_returns"]

`_patient_screening` is autouse: import it only where every test should get it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import pytest

from heard.safety import services as safety

EXPLANATION = "Talks about wanting to die."


@dataclass(frozen=True)
class Finding:
    """What the screener says about one text (the attributes the safety path reads)."""

    level: str
    categories: tuple[str, ...]
    crisis: bool
    about: str
    explanation: str = EXPLANATION


def finding(
    level: str = "urgent",
    *,
    crisis: bool = True,
    about: str = "self",
    categories: Sequence[str] = ("suicide",),
) -> Finding:
    """A finding; by default an urgent crisis about the writer (thoughts of suicide)."""
    return Finding(level=level, categories=tuple(categories), crisis=crisis, about=about)


NOTHING = finding("none", crisis=False, about="", categories=())


class ScreenReturns(Protocol):
    def __call__(
        self,
        result: Finding | str = ...,
        *,
        crisis: bool = ...,
        about: str = ...,
        categories: Sequence[str] = ...,
    ) -> list[str]: ...


@pytest.fixture(autouse=True)
def _patient_screening(settings: Any) -> None:
    """The real engine's first run in a process may be slow; the deadline itself is tested
    in safety/tests/test_text_path.py."""
    settings.HEARD_SCREENING_TIMEOUT_MS = 30_000


@pytest.fixture
def screen_returns(monkeypatch: pytest.MonkeyPatch) -> ScreenReturns:
    """Make the screener return a fixed finding from now on, either given whole,
    `screen_returns(finding(...))` or `screen_returns(NOTHING)`, or field by field,
    `screen_returns("concern", about="someone_else")` (not a crisis, about the writer and no
    categories unless said; with no arguments, nothing found). Returns the list of texts the
    screener was asked about, in order, across every install in the test."""
    seen: list[str] = []

    def install(
        result: Finding | str = "none",
        *,
        crisis: bool = False,
        about: str = "self",
        categories: Sequence[str] = (),
    ) -> list[str]:
        if isinstance(result, Finding):
            found = result
        else:
            found = finding(result, crisis=crisis, about=about, categories=categories)

        def screen(text: str, lang: str | None) -> Finding:
            seen.append(text)
            return found

        def screener() -> Callable[[str, str | None], Finding]:
            return screen

        monkeypatch.setattr(safety, "_screener", screener)
        return seen

    return install
