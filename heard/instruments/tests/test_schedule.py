"""Due / overdue maths for scheduled measures (pure)."""

from datetime import UTC, datetime, timedelta

import pytest

from heard.instruments.schedule import DueStatus, due_state

START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)


def interval(now, last=None, every=14):
    return due_state(
        every_days=every,
        before_appointments=False,
        starts_at=START,
        last_completed_at=last,
        now=now,
    )


def test_a_new_interval_schedule_is_due_at_once():
    state = interval(START + timedelta(hours=1))
    assert state.status is DueStatus.DUE
    assert state.due_at == START
    assert state.next_change_at == START + 3 * DAY


@pytest.mark.parametrize(
    ("days_after_last", "expected"),
    [
        (13, DueStatus.NOT_DUE),
        (14, DueStatus.DUE),
        (16, DueStatus.DUE),
        (17, DueStatus.OVERDUE),
        (40, DueStatus.OVERDUE),
    ],
)
def test_interval_boundaries(days_after_last, expected):
    last = START + 2 * DAY
    assert interval(last + days_after_last * DAY, last=last).status is expected


def test_not_due_says_when_it_will_be():
    last = START + 2 * DAY
    state = interval(last + DAY, last=last)
    assert state.due_at == last + 14 * DAY
    assert state.next_change_at == state.due_at
    assert not state.waiting


def test_overdue_has_no_further_change():
    assert interval(START + 30 * DAY).next_change_at is None


def appointments(now, appts, last=None, start=START):
    return due_state(
        every_days=None,
        before_appointments=True,
        starts_at=start,
        last_completed_at=last,
        now=now,
        appointments=appts,
    )


def test_before_appointment_due_inside_the_lead_window():
    appt = START + 10 * DAY
    assert appointments(appt - 3 * DAY, [appt]).status is DueStatus.NOT_DUE
    assert appointments(appt - 3 * DAY, [appt]).next_change_at == appt - 2 * DAY
    due = appointments(appt - DAY, [appt])
    assert due.status is DueStatus.DUE
    assert due.due_at == appt - 2 * DAY


def test_answered_in_the_window_is_not_due_until_the_next_appointment():
    first, second = START + 10 * DAY, START + 20 * DAY
    state = appointments(first - DAY, [first, second], last=first - DAY - timedelta(hours=1))
    assert state.status is DueStatus.NOT_DUE
    assert state.due_at == second - 2 * DAY


def test_answered_for_the_only_appointment_leaves_nothing_coming():
    appt = START + 10 * DAY
    state = appointments(appt - DAY, [appt], last=appt - DAY - timedelta(hours=1))
    assert state.status is DueStatus.NOT_DUE
    assert state.due_at is None


def test_a_missed_appointment_makes_it_overdue_until_answered():
    appt = START + 10 * DAY
    assert appointments(appt + DAY, [appt]).status is DueStatus.OVERDUE
    assert appointments(appt + DAY, [appt], last=appt + timedelta(hours=2)).status is (
        DueStatus.NOT_DUE
    )


def test_appointments_before_the_schedule_started_do_not_count():
    old = START - 5 * DAY
    assert appointments(START + DAY, [old]).status is DueStatus.NOT_DUE


def test_no_appointments_means_nothing_due():
    state = appointments(START + DAY, [])
    assert state.status is DueStatus.NOT_DUE
    assert state.due_at is None


def test_the_more_pressing_rhythm_wins():
    appt = START + 20 * DAY
    state = due_state(
        every_days=14,
        before_appointments=True,
        starts_at=START,
        last_completed_at=START,
        now=START + 19 * DAY,
        appointments=[appt],
    )
    # Interval: due since day 14, overdue from day 17. Appointment: due from day 18.
    assert state.status is DueStatus.OVERDUE
    assert state.next_change_at == appt


def test_no_rhythm_is_never_due():
    state = due_state(
        every_days=None,
        before_appointments=False,
        starts_at=START,
        last_completed_at=None,
        now=START,
    )
    assert state.status is DueStatus.NOT_DUE
