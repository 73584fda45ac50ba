"""Session note test helpers: a note written through the services."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from heard.notes import services
from heard.notes.models import NoteKind, SessionNote


@pytest.fixture
def note_by(personas: Any) -> Callable[..., SessionNote]:
    """note_by(author, kind=..., signed=False, **fields) → a note about Casey."""

    def make(
        author: Any = None,
        *,
        kind: str = NoteKind.PROGRESS,
        signed: bool = False,
        template: str = "soap",
        **fields: str,
    ) -> SessionNote:
        author = author or personas.dana
        note = services.create_note(
            author,
            client=personas.casey,
            template=template,
            kind=kind,
            fields=fields or {"subjective": "Slept better this week."},
        )
        if signed:
            services.sign_note(author, note=note)
        return note

    return make
