"""Report rules over hand-made episode rows: rates with counts, averages, medians, grouping."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from heard.instruments.change import episode_outcome
from heard.outcomes import rules
from heard.outcomes.rules import EpisodeRow, Rate


def row(
    number: int,
    *,
    phq9: tuple[int, int] | None = (18, 6),
    gad7: tuple[int, int] | None = (14, 5),
    sessions: int = 4,
    clinician: str = "Dana",
    clinician_id: int | None = 1,
    organization: str = "Harbor",
    organization_id: int = 1,
    opened: date = date(2026, 1, 1),
    first: date | None = date(2026, 1, 8),
    closed: date = date(2026, 3, 1),
) -> EpisodeRow:
    return EpisodeRow(
        episode_id=number,
        organization_id=organization_id,
        organization=organization,
        clinician_id=clinician_id,
        clinician=clinician,
        opened_on=opened,
        closed_on=closed,
        first_session_on=first,
        outcome=episode_outcome(phq9=phq9, gad7=gad7, attended_sessions=sessions),
    )


@pytest.mark.parametrize(
    ("rate", "percent", "small"),
    [
        (Rate(0, 0), None, True),
        (Rate(1, 3), 33.3, True),
        (Rate(2, 4), 50.0, True),
        (Rate(4, 5), 80.0, False),
        (Rate(2, 3 * 7), 9.5, False),
    ],
)
def test_a_rate_keeps_its_counts(rate, percent, small) -> None:
    assert rate.percent == percent
    assert rate.small is small


@pytest.mark.parametrize(
    ("rows", "recovery", "improvement", "deterioration", "completion"),
    [
        # Recovered from caseness, reliably.
        ([row(1)], Rate(1, 1), Rate(1, 1), Rate(0, 1), Rate(1, 1)),
        # Not at caseness at the start: left out of recovery, counted for improvement.
        ([row(1, phq9=(6, 2), gad7=(5, 1))], Rate(0, 0), Rate(1, 1), Rate(0, 1), Rate(1, 1)),
        # Still at caseness, no reliable change.
        ([row(1, phq9=(15, 12), gad7=(10, 9))], Rate(0, 1), Rate(0, 1), Rate(0, 1), Rate(1, 1)),
        # Worse on GAD-7 only: deterioration.
        ([row(1, phq9=(12, 10), gad7=(9, 13))], Rate(0, 1), Rate(0, 1), Rate(1, 1), Rate(1, 1)),
        # One session: not finished, in none of the rates.
        ([row(1, sessions=1)], Rate(0, 0), Rate(0, 0), Rate(0, 0), Rate(0, 0)),
        # Finished without a GAD-7 pair: measures incomplete, no outcome.
        ([row(1, gad7=None)], Rate(0, 0), Rate(0, 0), Rate(0, 0), Rate(0, 1)),
        (
            [row(1), row(2, phq9=(15, 12), gad7=(10, 9)), row(3, gad7=None)],
            Rate(1, 2),
            Rate(1, 2),
            Rate(0, 2),
            Rate(2, 3),
        ),
    ],
)
def test_rates_follow_nhs_talking_therapies(
    rows, recovery, improvement, deterioration, completion
) -> None:
    figures = rules.figures("all", "", rows)
    assert figures.recovery == recovery
    assert figures.reliable_recovery == recovery  # every recovery here is also reliable
    assert figures.reliable_improvement == improvement
    assert figures.reliable_deterioration == deterioration
    assert figures.measure_completion == completion


def test_recovery_without_reliable_improvement_is_not_reliable_recovery() -> None:
    figures = rules.figures("all", "", [row(1, phq9=(10, 8), gad7=(8, 6))])
    assert figures.recovery == Rate(1, 1)
    assert figures.reliable_recovery == Rate(0, 1)


def test_sessions_and_waiting_times() -> None:
    rows = [
        row(1, sessions=2, first=date(2026, 1, 4)),
        row(2, sessions=3, first=date(2026, 1, 11)),
        row(3, sessions=6, first=None),
    ]
    figures = rules.figures("all", "", rows)
    assert (figures.sessions, figures.average_sessions) == (11, 3.7)
    assert (figures.waits, figures.median_wait_days) == (2, 6.5)
    assert rules.wait_days(rows[2]) is None


def test_waiting_time_counts_from_the_referral_when_there_is_one() -> None:
    opened = row(1, first=date(2026, 1, 8))  # opened 1 January
    referred = replace(opened, referred_on=date(2025, 12, 20))
    assert rules.wait_days(opened) == 7
    assert rules.wait_days(referred) == 19  # 12 days waiting for the opening, then 7


def test_no_rows_no_figures() -> None:
    figures = rules.figures("all", "", [])
    assert figures.episodes == 0
    assert figures.average_sessions is None
    assert figures.median_wait_days is None
    assert figures.small


@pytest.mark.parametrize(
    ("day", "month", "quarter"),
    [
        (date(2026, 1, 1), "2026-01", "2026-Q1"),
        (date(2026, 3, 31), "2026-03", "2026-Q1"),
        (date(2026, 4, 1), "2026-04", "2026-Q2"),
        (date(2026, 12, 31), "2026-12", "2026-Q4"),
    ],
)
def test_periods(day, month, quarter) -> None:
    assert rules.month_key(day) == month
    assert rules.quarter_key(day) == quarter


def test_grouping() -> None:
    rows = [
        row(1, clinician="zoe", clinician_id=2, closed=date(2026, 4, 2)),
        row(2, clinician="Ana", clinician_id=3, organization="Bay", organization_id=2),
        row(3, clinician="Ana", clinician_id=3, closed=date(2025, 12, 30)),
    ]
    by_clinician = rules.grouped(rows, "clinician")
    assert [(g.label, g.episodes) for g in by_clinician] == [("Ana", 2), ("zoe", 1)]
    by_program = rules.grouped(rows, "program")
    assert [(g.label, g.episodes) for g in by_program] == [("Bay", 1), ("Harbor", 2)]
    by_month = rules.grouped(rows, "month")
    assert [g.label for g in by_month] == ["2025-12", "2026-03", "2026-04"]
    by_quarter = rules.grouped(rows, "quarter")
    assert [(g.label, g.episodes) for g in by_quarter] == [
        ("2025-Q4", 1),
        ("2026-Q1", 1),
        ("2026-Q2", 1),
    ]
    with pytest.raises(ValueError, match="Unknown grouping"):
        rules.grouped(rows, "weekday")


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 5, 31), 3, date(2026, 2, 28)),
        (date(2026, 1, 15), 12, date(2025, 1, 15)),
        (date(2026, 3, 1), 6, date(2025, 9, 1)),
    ],
)
def test_last_n_months(day, months, expected) -> None:
    from heard.outcomes.forms import months_back

    assert months_back(day, months) == expected
