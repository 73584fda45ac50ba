"""Crisis screening of free text: `screen(text, lang)` -> `Screening` (issue 4).

An explainable pattern and lexicon engine (English and Spanish) with an optional semantic
layer (`semantic.py`, the `heard[ml]` extra). See `engine.py` for how a message is read.
"""

from __future__ import annotations

from heard.safety.screening.engine import (
    CATEGORIES,
    LABELS,
    LEVELS,
    Evidence,
    Screening,
    detect_language,
    prepare,
    screen,
)

__all__ = [
    "CATEGORIES",
    "LABELS",
    "LEVELS",
    "Evidence",
    "Screening",
    "detect_language",
    "prepare",
    "screen",
]
