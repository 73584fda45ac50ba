"""Who needs attention first on a caseload: pure rules over plain facts, no Django.

`needs.py` gathers the facts for a whole caseload at once; this module only orders them.
The order, most pressing first:

1. open safety alerts (unresolved: open or acknowledged), acute before urgent before concern,
   then more alerts before fewer;
2. scores got reliably worse (reliable deterioration on any measure: first against latest
   score in the open episode of care, or over all scores when no episode is open);
3. a scheduled questionnaire is overdue;
4. no contact for `no_contact_days` or more (see `needs.py` for what counts as contact);
5. not on track: at least `not_on_track_sessions` attended sessions in the open episode and
   no reliable improvement on any measure in it;
6. everyone else.

Within a tier people are ordered by name. A client keeps every reason that applies, so the
page can say all of them; the tier is the most pressing one. Reasons are codes with a number:
the page turns them into words (and translations).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum, StrEnum
from typing import Generic, TypeVar

T = TypeVar("T")

# Alert levels from least to most pressing (the values of safety.models.AlertLevel).
ALERT_LEVELS = ("concern", "urgent", "acute")


class Tier(IntEnum):
    """Need tiers, most pressing first (lower sorts first)."""

    ALERT = 0
    DETERIORATION = 1
    OVERDUE = 2
    NO_CONTACT = 3
    NOT_ON_TRACK = 4
    STEADY = 5


class ReasonCode(StrEnum):
    ALERT = "alert"
    DETERIORATION = "deterioration"
    OVERDUE = "overdue"
    NO_CONTACT = "no_contact"
    NOT_ON_TRACK = "not_on_track"


_TIER_OF = {
    ReasonCode.ALERT: Tier.ALERT,
    ReasonCode.DETERIORATION: Tier.DETERIORATION,
    ReasonCode.OVERDUE: Tier.OVERDUE,
    ReasonCode.NO_CONTACT: Tier.NO_CONTACT,
    ReasonCode.NOT_ON_TRACK: Tier.NOT_ON_TRACK,
}


@dataclass(frozen=True)
class Facts:
    """What is known about one client, as plain values."""

    name: str
    open_alerts: int = 0
    highest_alert: str | None = None  # one of ALERT_LEVELS, or None without open alerts
    deteriorated: bool = False  # reliably worse on at least one measure
    overdue_measures: int = 0
    days_since_contact: int | None = None  # None: unknown, never flagged
    episode_sessions: int | None = None  # attended sessions in the open episode; None: none open
    improved_in_episode: bool = False  # reliably better on at least one measure in the episode


@dataclass(frozen=True)
class Reason:
    code: ReasonCode
    # How many or how long, for the words: alerts, overdue questionnaires, days, sessions.
    number: int = 0
    level: str | None = None  # the highest alert level, for ALERT


@dataclass(frozen=True)
class Ranked(Generic[T]):
    item: T
    facts: Facts
    tier: Tier
    reasons: tuple[Reason, ...]

    @property
    def needs_attention(self) -> bool:
        return self.tier is not Tier.STEADY


def reasons_for(
    facts: Facts, *, no_contact_days: int, not_on_track_sessions: int
) -> tuple[Reason, ...]:
    """Every reason `facts` call for attention, most pressing first."""
    reasons: list[Reason] = []
    if facts.open_alerts > 0:
        reasons.append(Reason(ReasonCode.ALERT, facts.open_alerts, facts.highest_alert))
    if facts.deteriorated:
        reasons.append(Reason(ReasonCode.DETERIORATION))
    if facts.overdue_measures > 0:
        reasons.append(Reason(ReasonCode.OVERDUE, facts.overdue_measures))
    if facts.days_since_contact is not None and facts.days_since_contact >= no_contact_days:
        reasons.append(Reason(ReasonCode.NO_CONTACT, facts.days_since_contact))
    if (
        facts.episode_sessions is not None
        and facts.episode_sessions >= not_on_track_sessions
        and not facts.improved_in_episode
    ):
        reasons.append(Reason(ReasonCode.NOT_ON_TRACK, facts.episode_sessions))
    return tuple(reasons)


def _alert_rank(level: str | None) -> int:
    # Unknown levels sort with the most pressing: an alert is never played down.
    if level is None:
        return 0
    return ALERT_LEVELS.index(level) + 1 if level in ALERT_LEVELS else len(ALERT_LEVELS) + 1


def rank(
    rows: Iterable[tuple[T, Facts]], *, no_contact_days: int, not_on_track_sessions: int
) -> list[Ranked[T]]:
    """`rows` (anything, with its facts) ordered by need, each with its tier and reasons."""
    ranked = []
    for item, facts in rows:
        reasons = reasons_for(
            facts, no_contact_days=no_contact_days, not_on_track_sessions=not_on_track_sessions
        )
        tier = _TIER_OF[reasons[0].code] if reasons else Tier.STEADY
        ranked.append(Ranked(item, facts, tier, reasons))

    def key(r: Ranked[T]) -> tuple[int, int, int, str]:
        alert_order = -_alert_rank(r.facts.highest_alert) if r.tier is Tier.ALERT else 0
        alerts = -r.facts.open_alerts if r.tier is Tier.ALERT else 0
        return (r.tier, alert_order, alerts, r.facts.name.casefold())

    return sorted(ranked, key=key)
