"""Change over time for a whole service, computed set-based: every client's trajectory on every
instrument, and the NHS Talking Therapies outcome of every episode of care.

`trends.episode_summary` and `change.trajectory_summary` answer the same questions for one
client on one page, with a few queries each; a service report over thousands of clients cannot
afford a query per client or per episode. These functions read a whole queryset in one query
each and give results equal to the per-client functions (tests/test_bulk.py checks that).
bench/scoring.py times them over 1,000,000 assessments on SQLite and PostgreSQL;
bench/README.md has the figures and the approaches tried.

Callers pass querysets of rows they may read: nothing here checks access. Ties in time are
broken by primary key (the per-client page code leaves them to the database).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from functools import cache, lru_cache
from typing import Any, cast

from django.db.models import (
    BooleanField,
    DateTimeField,
    ExpressionWrapper,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from heard.appointments.models import (
    Appointment,
    AppointmentKind,
    AppointmentStatus,
    Episode,
)
from heard.instruments.change import EpisodeOutcome, Trajectory, episode_outcome
from heard.instruments.change import trajectory_summary as _trajectory_summary
from heard.instruments.models import Assessment, AssessmentStatus

# The measures an NHS Talking Therapies episode outcome pairs, as (instrument, key prefix).
_EPISODE_MEASURES = (("phq-9", "phq9"), ("gad-7", "gad7"))


# --- Trajectories ------------------------------------------------------------------------------


def trajectories(
    assessments: QuerySet[Assessment], *, chunk_size: int = 20_000
) -> dict[tuple[int, str], Trajectory]:
    """`change.trajectory_summary` for every (client id, instrument) in `assessments`.

    Only scored totals count, in time order (`completed_at`, then primary key), exactly as
    `trajectory_summary` ignores None totals. A client-instrument pair with no scored total is
    left out (`trajectory_summary` would give an empty Trajectory).

    One query, streamed in chunks of `chunk_size` rows: the rows arrive ordered by client,
    instrument and time, and only the current group's first total, last total and count are
    kept, so memory grows with the number of groups, not of rows. This was faster than
    window functions on SQLite; PostgreSQL was faster with them (bench/README.md).
    """
    rows = cast(
        "Iterator[tuple[int, str, int]]",  # scored rows only, so every total is an int
        assessments.filter(total__isnull=False)
        # `client_id + 0` sorts like client_id, but stops the planners from walking the
        # (client, instrument, completed_at) index to skip the sort. Rows are stored in
        # arrival order, so that walk is a random read per row; over a whole service a
        # sequential scan and one sort was twice as fast on both SQLite and PostgreSQL.
        .order_by(F("client_id") + 0, "instrument", "completed_at", "pk")
        .values_list("client_id", "instrument", "total")
        .iterator(chunk_size=chunk_size),
    )
    result = {}
    group: tuple[int, str] | None = None
    first = last = scored = 0
    for client_id, instrument, total in rows:
        if group != (client_id, instrument):
            if group is not None:
                result[group] = _trajectory(group[1], first, last, scored)
            group, first, scored = (client_id, instrument), total, 0
        last = total
        scored += 1
    if group is not None:
        result[group] = _trajectory(group[1], first, last, scored)
    return result


def _trajectory(instrument_id: str, first: int, last: int, scored: int) -> Trajectory:
    return _from_ends(instrument_id, first, last, several=scored > 1)._replace(scored_count=scored)


@cache
def _from_ends(instrument_id: str, first: int, last: int, *, several: bool) -> Trajectory:
    # Only the first and last totals, and whether there was more than one, decide the result:
    # a small cache (instruments x totals x totals x 2) spares 60,000 groups the recomputation.
    return _trajectory_summary(instrument_id, [first, last] if several else [first])


# --- Episode outcomes --------------------------------------------------------------------------


# The values `with_outcome_values` adds to each episode, all `outcome_from_values` needs.
# (`outcome_from_values` reads them in this order.)
OUTCOME_VALUES = (
    "outcome_closed",
    "outcome_attended",
    "phq9_first",
    "phq9_second",
    "phq9_last",
    "gad7_first",
    "gad7_second",
    "gad7_last",
)


def episode_outcomes(
    episodes: QuerySet[Episode], *, now: datetime | None = None
) -> dict[int, EpisodeOutcome]:
    """The NHS Talking Therapies outcome of every episode in `episodes`, by episode id.

    Equal to `trends.episode_summary(episode, now=now).outcome` for each: the first and last
    scored PHQ-9 and GAD-7 completed within the episode (opened_at to closed_at, or to `now`
    while open; both ends included), and the attended treatment sessions in the episode's
    service in the same window, which count only once the episode has closed.

    One query (`with_outcome_values`); a caller that reads other values of the same episodes
    can add them to that query instead of running two.
    """
    rows = with_outcome_values(episodes, now=now).order_by().values_list("pk", *OUTCOME_VALUES)
    return {pk: outcome_from_values(values) for pk, *values in rows}


def with_outcome_values(
    episodes: QuerySet[Episode], *, now: datetime | None = None
) -> QuerySet[Episode]:
    """`episodes` annotated with OUTCOME_VALUES, for `outcome_from_values`.

    Correlated subqueries per episode, each an index range read on (client, instrument,
    completed_at) or (client, starts_at), so the cost grows with the episodes, not with the
    whole table. Streaming the clients' rows through Python instead was several times slower
    on both SQLite and PostgreSQL (bench/README.md).
    """
    end = Coalesce(
        OuterRef("closed_at"), Value(now or timezone.now(), output_field=DateTimeField())
    )
    measures = {}
    for instrument_id, key in _EPISODE_MEASURES:
        scored = Assessment.objects.filter(
            client_id=OuterRef("client_id"),
            instrument=instrument_id,
            status=AssessmentStatus.COMPLETED,
            total__isnull=False,
            completed_at__gte=OuterRef("opened_at"),
            completed_at__lte=end,
        )
        oldest_first = scored.order_by("completed_at", "pk")
        measures[f"{key}_first"] = Subquery(oldest_first.values("total")[:1])
        # A pair needs two scored totals: is there a second one?
        measures[f"{key}_second"] = Subquery(oldest_first.values("pk")[1:2])
        measures[f"{key}_last"] = Subquery(
            scored.order_by("-completed_at", "-pk").values("total")[:1]
        )
    attended = (
        Appointment.objects.filter(
            client_id=OuterRef("client_id"),
            # An episode is a course of care in one service: another's sessions don't count.
            organization_id=OuterRef("organization_id"),
            status=AppointmentStatus.ATTENDED,
            # NHS Talking Therapies counts attended treatment contacts only.
            kind=AppointmentKind.TREATMENT,
            starts_at__gte=OuterRef("opened_at"),
            starts_at__lte=end,
        )
        .order_by()
        # COUNT(*) without GROUP BY: PostgreSQL then reads the covering index alone (with
        # COUNT(id) it read the table too, id not being in that index).
        .annotate(n=Func(template="COUNT(*)", output_field=IntegerField()))
        .values("n")
    )
    return episodes.annotate(
        # Whether it has closed, without reading (and converting) the time itself.
        outcome_closed=ExpressionWrapper(Q(closed_at__isnull=False), BooleanField()),
        outcome_attended=Coalesce(Subquery(attended, output_field=IntegerField()), 0),
        **measures,
    )


def outcome_from_values(values: Sequence[Any]) -> EpisodeOutcome:
    """The outcome of one episode from its OUTCOME_VALUES, in order (a `.values_list()` row
    or a slice of one)."""
    closed, attended, phq9_first, phq9_second, phq9_last, gad7_first, gad7_second, gad7_last = (
        values
    )
    return _outcome(
        phq9_first if phq9_second is not None else None,
        phq9_last,
        gad7_first if gad7_second is not None else None,
        gad7_last,
        attended if closed else 0,
    )


@lru_cache(maxsize=1 << 16)
def _outcome(
    phq9_first: int | None,
    phq9_last: int | None,
    gad7_first: int | None,
    gad7_last: int | None,
    attended: int,
) -> EpisodeOutcome:
    # A few totals and a session count decide the outcome, so a whole service repeats the
    # same few thousand combinations: a cache spares most of the work (outcomes are frozen).
    # A first total is None here when there was no second one, so no pair.
    return episode_outcome(
        phq9=None if phq9_first is None else (phq9_first, cast(int, phq9_last)),
        gad7=None if gad7_first is None else (gad7_first, cast(int, gad7_last)),
        attended_sessions=attended,
    )
