"""Service outcome figures from per-episode rows: pure functions, no ORM, no gettext.

Each row is one episode of care that ended in the report's period, with its NHS Talking
Therapies outcome already worked out by `instruments.change.episode_outcome` (through
`instruments.bulk.episode_outcomes`). The definitions are that module's, not re-derived here:

* recovery rate: episodes that recovered / episodes with an outcome that started at caseness
  (`EpisodeOutcome.recovery` is None for the others, so they are left out);
* reliable recovery rate: the same denominator;
* reliable improvement and reliable deterioration rates: episodes with an outcome (finished
  treatment, first and last PHQ-9 and GAD-7);
* measure completion: episodes that finished treatment (two or more attended treatment
  sessions) with a first and last PHQ-9 and GAD-7 ("paired scores") / episodes that finished
  treatment;
* average sessions: attended treatment sessions per ended episode;
* waiting time: median days from referral (`Episode.referred_on`, else the day the episode
  opened) to its first attended appointment, over episodes that had one.

Every rate keeps its numerator and denominator, so a page can show "n of N" next to it.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from heard.instruments.change import EpisodeOutcome

# A rate, average or median over fewer episodes than this is not shown to people who may see
# aggregates only: small cells can point to one person.
MIN_CELL = 5

GROUP_BY = ("clinician", "program", "month", "quarter")


@dataclass(frozen=True)
class EpisodeRow:
    """One ended episode of care, as the report needs it."""

    episode_id: int
    organization_id: int
    organization: str  # the program's name
    clinician_id: int | None  # the clinician of record when the episode ended
    clinician: str  # their name, "" when none
    opened_on: date
    closed_on: date
    first_session_on: date | None  # first attended appointment in the episode
    outcome: EpisodeOutcome
    referred_on: date | None = None  # the referral, when it came before the opening

    @property
    def referral_on(self) -> date:
        """Waiting time counts from the referral; without one, from the opening."""
        return self.referred_on or self.opened_on


@dataclass(frozen=True)
class Rate:
    numerator: int
    denominator: int

    @property
    def percent(self) -> float | None:
        """The rate in percent, one decimal; None when nothing was counted."""
        if not self.denominator:
            return None
        return round(100 * self.numerator / self.denominator, 1)

    @property
    def small(self) -> bool:
        return self.denominator < MIN_CELL


@dataclass(frozen=True)
class Figures:
    """The figures for one group of episodes (or for all of them)."""

    key: str
    label: str
    episodes: int
    recovery: Rate
    reliable_improvement: Rate
    reliable_recovery: Rate
    reliable_deterioration: Rate
    measure_completion: Rate
    sessions: int  # attended treatment sessions, summed
    average_sessions: float | None
    waits: int  # episodes with a first attended appointment
    median_wait_days: float | None

    @property
    def small(self) -> bool:
        return self.episodes < MIN_CELL


RATE_NAMES = (
    "recovery",
    "reliable_improvement",
    "reliable_recovery",
    "reliable_deterioration",
    "measure_completion",
)


def _rate(outcomes: Sequence[EpisodeOutcome], field: str) -> Rate:
    values = [getattr(outcome, field) for outcome in outcomes]
    counted = [value for value in values if value is not None]
    return Rate(sum(1 for value in counted if value), len(counted))


def measure_completion(outcomes: Sequence[EpisodeOutcome]) -> Rate:
    finished = [outcome for outcome in outcomes if outcome.finished_treatment]
    paired = [o for o in finished if o.phq9 is not None and o.gad7 is not None]
    return Rate(len(paired), len(finished))


def wait_days(row: EpisodeRow) -> int | None:
    if row.first_session_on is None:
        return None
    return (row.first_session_on - row.referral_on).days


def figures(key: str, label: str, rows: Sequence[EpisodeRow]) -> Figures:
    outcomes = [row.outcome for row in rows]
    sessions = sum(outcome.attended_sessions for outcome in outcomes)
    waits = [days for row in rows if (days := wait_days(row)) is not None]
    return Figures(
        key=key,
        label=label,
        episodes=len(rows),
        recovery=_rate(outcomes, "recovery"),
        reliable_improvement=_rate(outcomes, "reliable_improvement"),
        reliable_recovery=_rate(outcomes, "reliable_recovery"),
        reliable_deterioration=_rate(outcomes, "reliable_deterioration"),
        measure_completion=measure_completion(outcomes),
        sessions=sessions,
        average_sessions=round(sessions / len(rows), 1) if rows else None,
        waits=len(waits),
        median_wait_days=float(statistics.median(waits)) if waits else None,
    )


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def quarter_key(day: date) -> str:
    return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"


def _grouping(group_by: str) -> Callable[[EpisodeRow], tuple[str, str]]:
    """(sort key, label) of a row's group."""
    if group_by == "clinician":
        return lambda row: (f"{row.clinician.casefold()}|{row.clinician_id}", row.clinician)
    if group_by == "program":
        return lambda row: (
            f"{row.organization.casefold()}|{row.organization_id}",
            row.organization,
        )
    if group_by == "month":
        return lambda row: (month_key(row.closed_on), month_key(row.closed_on))
    if group_by == "quarter":
        return lambda row: (quarter_key(row.closed_on), quarter_key(row.closed_on))
    raise ValueError(f"Unknown grouping {group_by!r}; expected one of {GROUP_BY}.")


def grouped(rows: Iterable[EpisodeRow], group_by: str) -> list[Figures]:
    """Figures per group, in order (names alphabetically, periods oldest first)."""
    key_of = _grouping(group_by)
    groups: dict[tuple[str, str], list[EpisodeRow]] = {}
    for row in rows:
        groups.setdefault(key_of(row), []).append(row)
    return [figures(key, label, members) for (key, label), members in sorted(groups.items())]
