"""What each milestone says, and which sharing category it belongs to. Pure: no ORM.

Words are warm and plain. A milestone only ever celebrates what someone did; nothing here
counts days in a row, mentions a gap or compares the person with anyone else.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from heard.people.models import Category

# Check-in counts worth marking (totals, never days in a row).
CHECKIN_COUNTS = {1: "first_checkin", 10: "checkins_10", 50: "checkins_50"}


@dataclass(frozen=True)
class Words:
    title: str | Promise
    body: str | Promise
    # The care team sees a milestone only when the client shares this category.
    category: str


WORDS: dict[str, Words] = {
    "first_checkin": Words(
        _("Your first check-in"),
        _("You took a moment to notice how you're doing. That is a real step."),
        Category.CHECKINS,
    ),
    "checkins_10": Words(
        _("Ten check-ins"),
        _("You've checked in with yourself ten times. Each one helps you see your own patterns."),
        Category.CHECKINS,
    ),
    "checkins_50": Words(
        _("Fifty check-ins"),
        _("Fifty check-ins. That's a lot of care you've given yourself."),
        Category.CHECKINS,
    ),
    "first_journal_entry": Words(
        _("Your first journal entry"),
        _("You put your thoughts into words. That can take courage."),
        Category.JOURNAL,
    ),
    "first_shared_entry": Words(
        _("You shared an entry"),
        _(
            "You chose to share something you wrote with your care team. "
            "Thank you for letting them in."
        ),
        Category.JOURNAL,
    ),
    "safety_plan": Words(
        _("A safety plan of your own"),
        _("You made a plan for hard moments. It's there whenever you need it."),
        Category.SAFETY,
    ),
    "skill_practised": Words(
        _("A skill practised"),
        _("You tried a new skill. Practice is how skills grow."),
        Category.CARE_PLAN,
    ),
    "goal_reached": Words(
        _("A goal reached"),
        _("You reached a goal you set. Take a moment to notice what you did."),
        Category.CARE_PLAN,
    ),
    "reliable_improvement": Words(
        _("Real progress"),
        _(
            "Your answers to a questionnaire have changed by more than day-to-day ups and downs. "
            "Something is moving in a good direction."
        ),
        Category.MEASURES,
    ),
}


def words_for(kind: str) -> Words:
    return WORDS[kind]


def checkin_milestone(total: int) -> str | None:
    """The milestone a client reaches with their `total`-th check-in, if any."""
    return CHECKIN_COUNTS.get(total)
