"""Reliable change, NHS Talking Therapies episode outcomes and trajectories."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from heard.instruments.change import (
    DETERIORATION,
    IMPROVEMENT,
    NO_RELIABLE_CHANGE,
    EpisodeOutcome,
    Trajectory,
    episode_outcome,
    nhs_talking_therapies,
    reliable_change,
    trajectory_summary,
)
from heard.instruments.registry import UnknownInstrument

# --- Reliable change -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("instrument_id", "before", "after", "label"),
    [
        # PHQ-9: 6 points either way.
        ("phq-9", 20, 14, IMPROVEMENT),
        ("phq-9", 20, 15, NO_RELIABLE_CHANGE),
        ("phq-9", 14, 20, DETERIORATION),
        ("phq-9", 15, 20, NO_RELIABLE_CHANGE),
        ("phq-9", 10, 10, NO_RELIABLE_CHANGE),
        # GAD-7: 4 points either way.
        ("gad-7", 12, 8, IMPROVEMENT),
        ("gad-7", 12, 9, NO_RELIABLE_CHANGE),
        ("gad-7", 8, 12, DETERIORATION),
        ("gad-7", 9, 12, NO_RELIABLE_CHANGE),
        # WHO-5: higher is better; 3 raw points (12 index points) is reliable, 2 (8) is not.
        ("who-5", 10, 13, IMPROVEMENT),
        ("who-5", 10, 12, NO_RELIABLE_CHANGE),
        ("who-5", 13, 10, DETERIORATION),
        ("who-5", 12, 10, NO_RELIABLE_CHANGE),
        ("who-5", 0, 25, IMPROVEMENT),
        # PCL-5: 15 points.
        ("pcl-5", 50, 35, IMPROVEMENT),
        ("pcl-5", 50, 36, NO_RELIABLE_CHANGE),
        ("pcl-5", 35, 50, DETERIORATION),
    ],
)
def test_reliable_change_boundaries(
    instrument_id: str, before: int, after: int, label: str
) -> None:
    assert reliable_change(instrument_id, before, after) == label


@pytest.mark.parametrize(
    ("instrument_id", "before", "after"),
    [("phq-2", 6, 0), ("gad-2", 0, 6), ("pc-ptsd-5", 5, 0), ("audit-c", 12, 0), ("k10", 50, 10)],
)
def test_no_threshold_means_no_label(instrument_id: str, before: int, after: int) -> None:
    assert reliable_change(instrument_id, before, after) is None


def test_reliable_change_rejects_totals_out_of_range() -> None:
    with pytest.raises(ValueError, match=r"^A phq-9 total must be 0 to 27; got 28\.$"):
        reliable_change("phq-9", 10, 28)
    with pytest.raises(ValueError, match="A k10 total must be 10 to 50; got 9"):
        reliable_change("k10", 9, 20)
    with pytest.raises(ValueError, match="A who-5 total must be 0 to 25; got 52"):
        reliable_change("who-5", 52, 20)  # the index, not the raw score


def test_reliable_change_unknown_instrument() -> None:
    with pytest.raises(UnknownInstrument):
        reliable_change("phq-8", 1, 2)


@settings(database=None, deadline=None)
@given(st.integers(0, 27), st.integers(0, 27))
def test_reliable_change_is_antisymmetric(before: int, after: int) -> None:
    forward, backward = (
        reliable_change("phq-9", before, after),
        reliable_change("phq-9", after, before),
    )
    swap = {
        IMPROVEMENT: DETERIORATION,
        DETERIORATION: IMPROVEMENT,
        NO_RELIABLE_CHANGE: NO_RELIABLE_CHANGE,
    }
    assert forward is not None
    assert backward == swap[forward]


# --- NHS Talking Therapies -----------------------------------------------------------------------


def outcome(phq9: tuple[int, int], gad7: tuple[int, int], sessions: int = 6) -> EpisodeOutcome:
    return episode_outcome(phq9=phq9, gad7=gad7, attended_sessions=sessions)


def test_reliable_recovery() -> None:
    result = outcome((18, 6), (15, 5))
    assert result.finished_treatment is True
    assert (result.at_caseness_start, result.at_caseness_end) == (True, False)
    assert result.recovery is True
    assert result.reliable_improvement is True
    assert result.reliable_recovery is True
    assert result.reliable_deterioration is False
    assert result.no_reliable_change is False
    assert (result.phq9_change, result.gad7_change) == (IMPROVEMENT, IMPROVEMENT)
    assert result.label == "reliable recovery"
    assert (result.phq9, result.gad7, result.attended_sessions) == ((18, 6), (15, 5), 6)


def test_recovery_without_reliable_improvement() -> None:
    # Just over both cut-offs to just under: recovered, but not by more than measurement error.
    result = outcome((10, 9), (8, 7))
    assert result.recovery is True
    assert result.reliable_improvement is False
    assert result.reliable_recovery is False
    assert result.no_reliable_change is True
    assert result.label == "recovery"


def test_reliable_improvement_without_recovery() -> None:
    # PHQ-9 falls 8 points but stays at caseness.
    result = outcome((22, 14), (6, 5))
    assert (result.at_caseness_start, result.at_caseness_end) == (True, True)
    assert result.recovery is False
    assert result.reliable_improvement is True
    assert result.reliable_recovery is False
    assert result.label == "reliable improvement"


def test_improvement_on_one_measure_alone_is_enough() -> None:
    result = outcome((12, 11), (16, 12))
    assert (result.phq9_change, result.gad7_change) == (NO_RELIABLE_CHANGE, IMPROVEMENT)
    assert result.reliable_improvement is True


def test_reliable_deterioration() -> None:
    result = outcome((10, 16), (9, 10))
    assert result.reliable_deterioration is True
    assert result.reliable_improvement is False
    assert result.no_reliable_change is False
    assert result.recovery is False
    assert result.label == "reliable deterioration"


def test_gad7_deterioration_at_the_threshold() -> None:
    assert outcome((12, 12), (8, 12)).reliable_deterioration is True
    assert outcome((12, 12), (8, 11)).reliable_deterioration is False


def test_mixed_change_counts_as_deterioration() -> None:
    # Our (unverified) combination rule: improvement needs no deterioration on the other.
    result = outcome((20, 10), (5, 12))
    assert (result.phq9_change, result.gad7_change) == (IMPROVEMENT, DETERIORATION)
    assert result.reliable_improvement is False
    assert result.reliable_deterioration is True
    assert result.no_reliable_change is False


def test_no_reliable_change() -> None:
    result = outcome((14, 12), (10, 9))
    assert result.no_reliable_change is True
    assert result.reliable_improvement is False
    assert result.reliable_deterioration is False
    assert result.label == NO_RELIABLE_CHANGE


def test_not_at_caseness_at_the_start() -> None:
    result = outcome((9, 2), (7, 1))
    assert result.at_caseness_start is False
    assert result.at_caseness_end is False
    # Left out of the recovery rate altogether.
    assert result.recovery is None
    assert result.reliable_recovery is None
    # Reliable improvement is still assessed for everyone who finished.
    assert result.reliable_improvement is True
    assert result.label == "reliable improvement"


def test_caseness_on_either_measure() -> None:
    assert outcome((9, 9), (8, 8)).at_caseness_start is True  # GAD-7 >= 8
    assert outcome((10, 9), (7, 7)).at_caseness_start is True  # PHQ-9 >= 10
    assert outcome((10, 9), (7, 8)).at_caseness_end is True


@pytest.mark.parametrize("sessions", [0, 1])
def test_fewer_than_two_sessions_has_no_outcome(sessions: int) -> None:
    result = outcome((20, 5), (15, 2), sessions=sessions)
    assert result.finished_treatment is False
    assert result.recovery is None
    assert result.reliable_improvement is None
    assert result.reliable_deterioration is None
    assert result.reliable_recovery is None
    assert result.no_reliable_change is None
    assert result.at_caseness_start is None
    assert result.label is None


def test_two_sessions_is_finished() -> None:
    assert outcome((20, 5), (15, 2), sessions=2).finished_treatment is True


@pytest.mark.parametrize(("phq9", "gad7"), [(None, (12, 4)), ((18, 6), None), (None, None)])
def test_a_missing_pair_has_no_outcome(
    phq9: tuple[int, int] | None, gad7: tuple[int, int] | None
) -> None:
    result = episode_outcome(phq9=phq9, gad7=gad7, attended_sessions=8)
    assert result.finished_treatment is True
    assert result.recovery is None
    assert result.reliable_improvement is None
    assert result.no_reliable_change is None
    assert (result.phq9, result.gad7) == (phq9, gad7)


def test_episode_outcome_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="attended_sessions cannot be negative; got -1"):
        episode_outcome(phq9=(10, 5), gad7=(8, 4), attended_sessions=-1)
    with pytest.raises(ValueError, match="A gad-7 total must be 0 to 21; got 22"):
        episode_outcome(phq9=(10, 5), gad7=(22, 4), attended_sessions=3)
    with pytest.raises(ValueError, match="A phq-9 total must be 0 to 27; got 30"):
        episode_outcome(phq9=(10, 30), gad7=None, attended_sessions=0)


def test_nhs_thresholds_come_from_configuration() -> None:
    nhs = nhs_talking_therapies()
    assert nhs["finished_min_sessions"] == 2
    assert nhs["measures"] == {
        "phq-9": {"caseness": 10, "reliable_change": 6},
        "gad-7": {"caseness": 8, "reliable_change": 4},
    }


# --- Trajectories --------------------------------------------------------------------------------


def test_trajectory_of_a_series() -> None:
    summary = trajectory_summary("phq-9", [18, None, 14, 9])
    assert summary == Trajectory(18, 9, IMPROVEMENT, True, False, 3)
    first, last, change, caseness_first, caseness_last, _ = summary
    assert (first, last, change, caseness_first, caseness_last) == (18, 9, IMPROVEMENT, True, False)


def test_trajectory_of_who5_uses_its_direction_and_threshold() -> None:
    assert trajectory_summary("who-5", [8, 16]) == Trajectory(8, 16, IMPROVEMENT, True, False, 2)


def test_trajectory_of_one_total_has_no_change() -> None:
    assert trajectory_summary("gad-7", [None, 11]) == Trajectory(11, 11, None, True, True, 1)


def test_trajectory_of_nothing() -> None:
    assert trajectory_summary("gad-7", []) == Trajectory(None, None, None, None, None, 0)
    assert trajectory_summary("gad-7", [None, None]) == Trajectory(None, None, None, None, None, 0)


def test_trajectory_without_a_reliable_change_threshold() -> None:
    assert trajectory_summary("audit-c", [6, 2]) == Trajectory(6, 2, None, True, False, 2)


def test_trajectory_rejects_out_of_range_totals() -> None:
    with pytest.raises(ValueError, match="A gad-7 total must be 0 to 21; got 40"):
        trajectory_summary("gad-7", [40])


def test_trajectory_caseness_for_an_instrument_without_a_threshold(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Every shipped instrument has a threshold; one added without must still summarise.
    import dataclasses

    from heard.instruments import change, registry

    bare = dataclasses.replace(registry.get_instrument("phq-9"), caseness=None)
    monkeypatch.setattr(change, "get_instrument", lambda _id: bare)
    assert change.trajectory_summary("phq-9", [20, 5]) == Trajectory(
        20, 5, IMPROVEMENT, None, None, 2
    )
