"""Care plan test helpers: a screener that answers what a test needs (shared, in
heard/testing/screening.py), and a plan drafted through the services."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from heard.accounts.models import User
from heard.careplans import services
from heard.testing.screening import NOTHING, _patient_screening, finding, screen_returns

__all__ = ["NOTHING", "_patient_screening", "finding", "screen_returns"]


def plan_content(**sections: Any) -> dict[str, Any]:
    """A plan as someone would submit it: a goal with SMART detail, strengths, supports,
    one thing we'll do and one decision, unless replaced."""
    content: dict[str, Any] = {
        "goals": [
            {
                "text": "Sleep through the night more often",
                "specific": "In bed by 11 on weeknights",
                "measurable": "Five nights out of seven",
                "target_date": "2030-03-01",
            }
        ],
        "strengths": ["I keep going when things are hard"],
        "supports": ["My sister Ana"],
        "interventions": [{"text": "Keep a sleep diary", "who": "client"}],
        "decisions": [
            {
                "question": "Which help should we try first?",
                "options": [
                    {
                        "label": "Weekly talking therapy",
                        "pros": "Someone to talk to",
                        "cons": "An hour a week",
                    },
                    {
                        "label": "A self-help course",
                        "pros": "At my own pace",
                        "cons": "Less support",
                    },
                ],
            }
        ],
    }
    content.update(sections)
    return content


@pytest.fixture
def drafted(personas: Any) -> Callable[..., services.Saved]:
    """drafted(actor=dana, **sections) → a first version of Casey's plan, through the services."""

    def make(actor: User | None = None, **sections: Any) -> services.Saved:
        return services.save_plan(
            actor or personas.dana,
            client=personas.casey,
            content=plan_content(**sections),
            base_revision=0,
        )

    return make
