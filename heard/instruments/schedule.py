"""When a scheduled measure is due: pure date arithmetic, no Django.

Two rhythms, which can be combined (the more pressing one wins):

* every N days — due N days after the last completed answer (or at once, from the schedule's
  start, if there is none yet); overdue `grace` after that.
* before each appointment — due from `lead` before each upcoming appointment until it is
  answered; overdue once an appointment has passed without an answer in its window.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum


class DueStatus(StrEnum):
    NOT_DUE = "not_due"
    DUE = "due"
    OVERDUE = "overdue"


_RANK = {DueStatus.NOT_DUE: 0, DueStatus.DUE: 1, DueStatus.OVERDUE: 2}


@dataclass(frozen=True)
class DueState:
    status: DueStatus
    # When the measure became (or becomes) due; None when nothing is coming up.
    due_at: datetime | None
    # When the next reminder should go out: the next moment the status changes for the worse.
    next_change_at: datetime | None

    @property
    def waiting(self) -> bool:
        return self.status is not DueStatus.NOT_DUE


def _interval_state(
    *,
    every_days: int,
    starts_at: datetime,
    last_completed_at: datetime | None,
    now: datetime,
    grace: timedelta,
) -> DueState:
    due_at = (
        starts_at if last_completed_at is None else last_completed_at + timedelta(days=every_days)
    )
    due_at = max(due_at, starts_at)
    overdue_at = due_at + grace
    if now < due_at:
        return DueState(DueStatus.NOT_DUE, due_at, due_at)
    if now < overdue_at:
        return DueState(DueStatus.DUE, due_at, overdue_at)
    return DueState(DueStatus.OVERDUE, due_at, None)


def _appointment_state(
    *,
    appointments: Sequence[datetime],
    starts_at: datetime,
    last_completed_at: datetime | None,
    now: datetime,
    lead: timedelta,
) -> DueState:
    # Appointments before the schedule started don't count.
    ordered = sorted(a for a in appointments if a >= starts_at)
    past = [a for a in ordered if a <= now]
    upcoming = [a for a in ordered if a > now]

    def answered_for(appointment: datetime) -> bool:
        return last_completed_at is not None and last_completed_at >= appointment - lead

    if upcoming:
        nxt = upcoming[0]
        window = nxt - lead
        if now >= window and not answered_for(nxt):
            return DueState(DueStatus.DUE, window, nxt)
    if past and not answered_for(past[-1]):
        return DueState(DueStatus.OVERDUE, past[-1] - lead, None)
    if upcoming:
        nxt = upcoming[0]
        window = nxt - lead
        if now < window:
            return DueState(DueStatus.NOT_DUE, window, window)
        # Answered for the next appointment already: nothing until the one after.
        later = upcoming[1:]
        following = later[0] - lead if later else None
        return DueState(DueStatus.NOT_DUE, following, following)
    return DueState(DueStatus.NOT_DUE, None, None)


def due_state(
    *,
    every_days: int | None,
    before_appointments: bool,
    starts_at: datetime,
    last_completed_at: datetime | None,
    now: datetime,
    appointments: Sequence[datetime] = (),
    grace: timedelta = timedelta(days=3),
    lead: timedelta = timedelta(days=2),
) -> DueState:
    """Whether a scheduled measure is not due, due or overdue at `now`."""
    states: list[DueState] = []
    if every_days is not None:
        states.append(
            _interval_state(
                every_days=every_days,
                starts_at=starts_at,
                last_completed_at=last_completed_at,
                now=now,
                grace=grace,
            )
        )
    if before_appointments:
        states.append(
            _appointment_state(
                appointments=appointments,
                starts_at=starts_at,
                last_completed_at=last_completed_at,
                now=now,
                lead=lead,
            )
        )
    if not states:
        return DueState(DueStatus.NOT_DUE, None, None)
    worst = max(states, key=lambda s: _RANK[s.status])
    changes = [s.next_change_at for s in states if s.next_change_at is not None]
    due_times = [s.due_at for s in states if s.due_at is not None and s.status is worst.status]
    return DueState(
        worst.status,
        min(due_times) if due_times else worst.due_at,
        min(changes) if changes else None,
    )
