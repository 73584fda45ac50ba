"""Change over time: reliable change, NHS Talking Therapies episode outcomes, trajectories.

Pure functions over stored totals: no Django, no gettext. Thresholds come from
`definitions/scoring.json` (`reliable_change` per instrument, `nhs_talking_therapies`).

NHS Talking Therapies combination rule (instruments.md §14 marks it unverified; our choice,
recorded in docs/decisions/0012-instruments-as-fhir-data.md):

* reliable deterioration = a reliable increase on PHQ-9 or GAD-7 (either one);
* reliable improvement = a reliable decrease on at least one measure and reliable
  deterioration on neither;
* no reliable change = neither of the above.

So a mixed result (one better, one worse) counts as deterioration: the safer reading, and the
three labels never overlap. Outcomes need both PHQ-9 and GAD-7 first/last pairs, because
caseness and recovery are defined over both measures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from heard.instruments.registry import Instrument, get_instrument, scoring_config

IMPROVEMENT = "improvement"
DETERIORATION = "deterioration"
NO_RELIABLE_CHANGE = "no reliable change"


def reliable_change(instrument_id: str, before: int, after: int) -> str | None:
    """ "improvement", "deterioration" or "no reliable change" from `before` to `after`.

    Direction-aware (WHO-5: higher is better). A change of exactly the threshold counts as
    reliable. None when the instrument has no reliable-change threshold. Totals are on the
    stored scale (WHO-5 raw 0-25, not the index). Raises ValueError for a total out of range.
    """
    instrument = get_instrument(instrument_id)
    _check_total(instrument, before)
    _check_total(instrument, after)
    points = instrument.reliable_change
    if points is None:
        return None
    return _label(after - before, points, higher_is_better=instrument.higher_is_better)


def _label(delta: int, points: int, *, higher_is_better: bool) -> str:
    worse = -delta if higher_is_better else delta
    if worse >= points:
        return DETERIORATION
    if worse <= -points:
        return IMPROVEMENT
    return NO_RELIABLE_CHANGE


def _check_total(instrument: Instrument, total: int) -> None:
    if not instrument.min_total <= total <= instrument.max_total:
        raise ValueError(
            f"A {instrument.id} total must be {instrument.min_total} to {instrument.max_total}; "
            f"got {total}."
        )


# --- NHS Talking Therapies ---------------------------------------------------------------------


@dataclass(frozen=True)
class EpisodeOutcome:
    """NHS Talking Therapies outcome of one episode (referral).

    Every outcome field is None when the episode has not finished a course of treatment
    (fewer than two attended treatment sessions) or lacks a first/last pair on both PHQ-9 and
    GAD-7. `recovery` and `reliable_recovery` are also None when the person was not at
    caseness at the start: NHS statistics leave them out of the recovery rate.
    """

    phq9: tuple[int, int] | None  # (first, last)
    gad7: tuple[int, int] | None  # (first, last)
    attended_sessions: int
    finished_treatment: bool
    at_caseness_start: bool | None
    at_caseness_end: bool | None
    recovery: bool | None
    reliable_improvement: bool | None
    reliable_deterioration: bool | None
    reliable_recovery: bool | None
    no_reliable_change: bool | None
    phq9_change: str | None = None  # reliable change on PHQ-9 alone, NHS thresholds
    gad7_change: str | None = None  # reliable change on GAD-7 alone, NHS thresholds

    @property
    def label(self) -> str | None:
        """One phrase for the episode, e.g. "reliable recovery"; None when not assessed."""
        if self.reliable_improvement is None:
            return None
        if self.reliable_recovery:
            return "reliable recovery"
        if self.recovery:
            return "recovery"
        if self.reliable_improvement:
            return "reliable improvement"
        if self.reliable_deterioration:
            return "reliable deterioration"
        return NO_RELIABLE_CHANGE


def nhs_talking_therapies() -> dict[str, Any]:
    """The NHS Talking Therapies thresholds from scoring.json (a copy)."""
    return dict(scoring_config()["nhs_talking_therapies"])


def episode_outcome(
    *,
    phq9: tuple[int, int] | None,
    gad7: tuple[int, int] | None,
    attended_sessions: int,
) -> EpisodeOutcome:
    """NHS Talking Therapies outcome from the first and last PHQ-9 and GAD-7 totals.

    Caseness: PHQ-9 >= 10 or GAD-7 >= 8. Reliable change: PHQ-9 6, GAD-7 4 points. Finished
    treatment: at least two attended treatment sessions. See the module docstring for how the
    two measures combine. Raises ValueError for a negative session count or a total out of range.
    """
    if attended_sessions < 0:
        raise ValueError(f"attended_sessions cannot be negative; got {attended_sessions}.")
    for instrument_id, pair in (("phq-9", phq9), ("gad-7", gad7)):
        for total in pair or ():
            _check_total(get_instrument(instrument_id), total)

    nhs = scoring_config()["nhs_talking_therapies"]
    finished = attended_sessions >= nhs["finished_min_sessions"]
    if not finished or phq9 is None or gad7 is None:
        return EpisodeOutcome(
            phq9, gad7, attended_sessions, finished, None, None, None, None, None, None, None
        )

    phq, gad = nhs["measures"]["phq-9"], nhs["measures"]["gad-7"]
    start = phq9[0] >= phq["caseness"] or gad7[0] >= gad["caseness"]
    end = phq9[1] >= phq["caseness"] or gad7[1] >= gad["caseness"]
    phq_change = _label(phq9[1] - phq9[0], phq["reliable_change"], higher_is_better=False)
    gad_change = _label(gad7[1] - gad7[0], gad["reliable_change"], higher_is_better=False)
    changes = {phq_change, gad_change}
    deterioration = DETERIORATION in changes
    improvement = IMPROVEMENT in changes and not deterioration
    recovery = (not end) if start else None
    return EpisodeOutcome(
        phq9=phq9,
        gad7=gad7,
        attended_sessions=attended_sessions,
        finished_treatment=True,
        at_caseness_start=start,
        at_caseness_end=end,
        recovery=recovery,
        reliable_improvement=improvement,
        reliable_deterioration=deterioration,
        reliable_recovery=None if recovery is None else recovery and improvement,
        no_reliable_change=not improvement and not deterioration,
        phq9_change=phq_change,
        gad7_change=gad_change,
    )


# --- Trajectories ------------------------------------------------------------------------------


class Trajectory(NamedTuple):
    """A series of totals in brief: unpacks as (first, last, change, caseness_first,
    caseness_last); `scored_count` is how many scored totals there were."""

    first: int | None
    last: int | None
    change: str | None  # reliable change first -> last; None with < 2 totals or no threshold
    caseness_first: bool | None
    caseness_last: bool | None
    scored_count: int = 0


def trajectory_summary(
    instrument_id: str, totals_in_time_order: Sequence[int | None]
) -> Trajectory:
    """First and last scored totals, the reliable change between them, and caseness at each.

    None entries (incomplete administrations) are ignored. Caseness uses the instrument's
    default threshold (AUDIT-C 3, PC-PTSD-5 cut-point 3, GAD-7 screening >= 10).
    """
    instrument = get_instrument(instrument_id)
    totals = [total for total in totals_in_time_order if total is not None]
    if not totals:
        return Trajectory(None, None, None, None, None, 0)
    for total in totals:
        _check_total(instrument, total)
    first, last = totals[0], totals[-1]
    change = reliable_change(instrument_id, first, last) if len(totals) > 1 else None
    caseness = instrument.caseness
    return Trajectory(
        first=first,
        last=last,
        change=change,
        caseness_first=None if caseness is None else caseness.met(first),
        caseness_last=None if caseness is None else caseness.met(last),
        scored_count=len(totals),
    )
