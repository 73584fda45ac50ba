"""The gentle prompts a journal entry can start from, or a blank page. Pure: no ORM.

The keys are shared with heard.listening.reflect (an automated reflection may offer one).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from heard.journal.models import Prompt

BLANK = ""


@dataclass(frozen=True)
class PromptText:
    key: str
    title: str | Promise
    question: str | Promise


PROMPTS: dict[str, PromptText] = {
    Prompt.GRATITUDE: PromptText(
        Prompt.GRATITUDE,
        _("Gratitude"),
        _(
            "What is one thing, big or small, that you're glad about today? "
            "What made it good for you?"
        ),
    ),
    Prompt.NEED: PromptText(
        Prompt.NEED,
        _("What I need"),
        _("What do you need right now? Rest, company, quiet, help with something? Write it down."),
    ),
    Prompt.WORRY: PromptText(
        Prompt.WORRY,
        _("A worry put into words"),
        _(
            "What is on your mind? Write the worry down as it is. "
            "Then, if you like, write what you could do about it, or what you can let be."
        ),
    ),
    Prompt.VALUES: PromptText(
        Prompt.VALUES,
        _("What matters to me"),
        _("What matters most to you? When did you act on it lately, even in a small way?"),
    ),
    Prompt.KINDER_VOICE: PromptText(
        Prompt.KINDER_VOICE,
        _("A kinder voice"),
        _(
            "Think of something you've been hard on yourself about. "
            "What would you say to a good friend in the same place?"
        ),
    ),
}

BLANK_PAGE = PromptText(
    BLANK,
    _("A blank page"),
    _("Write whatever you like. There is no right way to do it."),
)


def prompt_for(key: str) -> PromptText | None:
    """The prompt with `key`, or None (a blank page, or a key we don't know)."""
    return PROMPTS.get(key)


def choices() -> list[PromptText]:
    """Every prompt, then the blank page, in the order the "New entry" page lists them."""
    return [*PROMPTS.values(), BLANK_PAGE]
