"""Personal insights: local days, trends, associations and the weekly summary (pure logic)."""

from __future__ import annotations

import re
import statistics
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from heard.checkins.insights import (
    CAVEAT,
    MIN_DAYS_FOR_ASSOCIATION,
    Association,
    CheckInValues,
    DayPoint,
    associations,
    days,
    fmt,
    trend,
    weekly_summary,
)

LA = ZoneInfo("America/Los_Angeles")
TOKYO = ZoneInfo("Asia/Tokyo")
TODAY = date(2026, 3, 31)

CAUSAL = re.compile(
    r"\b(causes?|caused|because|improves?|improved|worsens?|leads? to|makes?|effects?|"
    r"due to|results? in|helps? your mood)\b",
    re.IGNORECASE,
)
SHAMING = re.compile(r"\b(miss(ed|ing)?|streaks?|broke|broken|failed|fail)\b", re.IGNORECASE)


def local(day: date, hour: int = 12, minute: int = 0, tz: ZoneInfo = LA) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)


def day_point(day: date, **values: float | None) -> DayPoint:
    return DayPoint(day=day, checkins=1, **values)  # type: ignore[arg-type]


def every_day(count: int, end: date = TODAY, **values: float | None) -> list[DayPoint]:
    """`count` consecutive days ending `end`, each with the same values."""
    return [day_point(end - timedelta(days=count - 1 - i), **values) for i in range(count)]


# --- Local days ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "tz", "expected"),
    [
        # 23:30 in Los Angeles is already the next day in UTC; it belongs to the local evening.
        (datetime(2026, 3, 3, 7, 30, tzinfo=UTC), LA, date(2026, 3, 2)),
        (local(date(2026, 3, 2), 23, 30), LA, date(2026, 3, 2)),
        # Just after local midnight is the new day.
        (local(date(2026, 3, 3), 0, 5), LA, date(2026, 3, 3)),
        # 23:30 UTC is the next morning in Tokyo.
        (datetime(2026, 3, 2, 23, 30, tzinfo=UTC), TOKYO, date(2026, 3, 3)),
        # The night the clocks go forward in Los Angeles (8 March 2026).
        (local(date(2026, 3, 8), 23, 59), LA, date(2026, 3, 8)),
        (datetime(2026, 3, 2, 23, 30, tzinfo=UTC), UTC, date(2026, 3, 2)),
    ],
)
def test_checkins_are_grouped_by_the_clients_local_date(
    moment: datetime, tz: ZoneInfo, expected: date
) -> None:
    [point] = days([CheckInValues(at=moment, mood=5)], tz)
    assert point.day == expected


def test_a_late_evening_checkin_joins_that_days_other_checkins_not_tomorrows() -> None:
    morning = CheckInValues(at=local(date(2026, 3, 2), 8), mood=4)
    late = CheckInValues(at=datetime(2026, 3, 3, 7, 30, tzinfo=UTC), mood=8)  # 23:30 in LA
    next_morning = CheckInValues(at=local(date(2026, 3, 3), 8), mood=2)
    result = days([next_morning, late, morning], LA)
    assert [(d.day, d.checkins, d.mood) for d in result] == [
        (date(2026, 3, 2), 2, 6.0),
        (date(2026, 3, 3), 1, 2.0),
    ]


def test_a_naive_datetime_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        days([CheckInValues(at=datetime(2026, 3, 2, 12, 0))], LA)  # noqa: DTZ001


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        # Each metric is the mean of the check-ins that answered it; None is not zero.
        ([{"mood": 4}, {"mood": None}], {"mood": 4.0}),
        ([{"mood": 4}, {"mood": 7}], {"mood": 5.5}),
        ([{"mood": None}, {"mood": None}], {"mood": None}),
        ([{"sleep_hours": 7.5, "stress": 2}, {"stress": 5}], {"sleep_hours": 7.5, "stress": 3.5}),
        ([{"movement_minutes": 0}, {"movement_minutes": 30}], {"movement_minutes": 15.0}),
        ([{"connection": 1}, {"connection": 2}, {}], {"connection": 1.5}),
        ([{"alcohol_drinks": 0}], {"alcohol_drinks": 0.0}),
        ([{}], {"mood": None, "sleep_hours": None, "alcohol_drinks": None}),
    ],
)
def test_a_days_value_is_the_mean_of_the_checkins_that_answered(
    answers: list[dict[str, float | None]], expected: dict[str, float | None]
) -> None:
    checkins = [
        CheckInValues(at=local(date(2026, 3, 2), 9 + i), **a)  # type: ignore[arg-type]
        for i, a in enumerate(answers)
    ]
    [point] = days(checkins, LA)
    assert point.checkins == len(answers)
    for metric, value in expected.items():
        assert getattr(point, metric) == value, metric


def test_feelings_are_counted_most_frequent_first() -> None:
    checkins = [
        CheckInValues(at=local(date(2026, 3, 2), 9), feelings=("tired", "anxious")),
        CheckInValues(at=local(date(2026, 3, 2), 20), feelings=("tired", "calm")),
    ]
    [point] = days(checkins, LA)
    assert point.feelings == (("tired", 2), ("anxious", 1), ("calm", 1))


def test_days_without_checkins_are_absent_and_days_come_oldest_first() -> None:
    checkins = [
        CheckInValues(at=local(date(2026, 3, 5)), mood=3),
        CheckInValues(at=local(date(2026, 3, 1)), mood=6),
    ]
    assert [d.day for d in days(checkins, LA)] == [date(2026, 3, 1), date(2026, 3, 5)]
    assert days([], LA) == []


# --- Trends ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "expected_start", "expected_n"),
    [
        ("week", TODAY - timedelta(days=6), 7),
        ("month", TODAY - timedelta(days=29), 30),
        ("all", TODAY - timedelta(days=59), 60),
    ],
)
def test_a_trend_covers_the_last_7_days_30_days_or_everything(
    period: str, expected_start: date, expected_n: int
) -> None:
    data = every_day(60, mood=5)
    result = trend(data, period, TODAY)  # type: ignore[arg-type]
    mood = result["mood"]
    assert (result.start, result.end, result.bucket) == (expected_start, TODAY, "day")
    assert mood.n == expected_n == len(mood.points)
    assert mood.points[0].start == expected_start
    assert mood.points[-1].end == TODAY
    assert all(p.days == 1 for p in mood.points)


def test_a_trend_has_the_period_mean_and_the_number_of_days_behind_it() -> None:
    data = [
        day_point(TODAY, mood=8, sleep_hours=6),
        day_point(TODAY - timedelta(days=2), mood=4),
        day_point(TODAY - timedelta(days=3), mood=3, sleep_hours=9),
        day_point(TODAY - timedelta(days=7), mood=10),  # the week before
    ]
    week = trend(data, "week", TODAY)
    assert (week["mood"].mean, week["mood"].n) == (5.0, 3)
    assert (week["sleep_hours"].mean, week["sleep_hours"].n) == (7.5, 2)
    assert (week["stress"].mean, week["stress"].n, week["stress"].points) == (None, 0, ())
    assert week["mood"].mean_text == "Averaged 5.0 (3 days)."
    assert week["sleep_hours"].mean_text == "Averaged 7.5 hours (2 days)."
    assert week["stress"].mean_text == "No answers in this period yet."
    assert week.days_with_checkins == 3


def test_days_after_today_are_left_out() -> None:
    data = [*every_day(3, mood=5), day_point(TODAY + timedelta(days=1), mood=9)]
    assert trend(data, "all", TODAY)["mood"].mean == 5.0


def test_a_long_history_is_shown_as_weekly_means_with_their_days() -> None:
    # 200 days, mood 2 on even-numbered days back from today, 6 on odd ones; one empty week.
    data = [
        day_point(TODAY - timedelta(days=i), mood=2 if i % 2 == 0 else 6)
        for i in range(200)
        if not 21 <= i <= 27
    ]
    result = trend(data, "all", TODAY)
    points = result["mood"].points
    assert result.bucket == "week"
    # Weeks end on today; the empty week (21..27 days ago) is a gap, not a zero.
    assert [p.end for p in points[-4:]] == [TODAY - timedelta(days=d) for d in (28, 14, 7, 0)]
    latest = points[-1]
    assert latest.start == TODAY - timedelta(days=6)
    assert latest.days == 7
    assert latest.value == pytest.approx(statistics.mean([2, 6, 2, 6, 2, 6, 2]))
    # The oldest week is partial: 200 days is 28 weeks and 4 days.
    assert points[0].days == 4
    assert sum(p.days for p in points) == result["mood"].n == 193


def test_a_history_of_120_days_or_less_stays_daily() -> None:
    assert trend(every_day(120, mood=5), "all", TODAY).bucket == "day"
    assert trend(every_day(121, mood=5), "all", TODAY).bucket == "week"
    assert trend(every_day(400, mood=5), "month", TODAY).bucket == "day"


@pytest.mark.parametrize(
    ("current_days", "previous_days", "current", "previous", "expected"),
    [
        (4, 4, 7, 5, "higher"),
        (7, 7, 3, 5, "lower"),
        (5, 6, 5.2, 5, "similar"),
        # No claim without at least 4 days in both weeks.
        (3, 7, 7, 2, None),
        (7, 3, 7, 2, None),
        (7, 0, 7, None, None),
    ],
)
def test_a_direction_is_given_only_with_enough_days_in_both_periods(
    current_days: int,
    previous_days: int,
    current: float,
    previous: float | None,
    expected: str | None,
) -> None:
    data = [day_point(TODAY - timedelta(days=i), mood=current) for i in range(current_days)]
    data += [day_point(TODAY - timedelta(days=7 + i), mood=previous) for i in range(previous_days)]
    mood = trend(sorted(data, key=lambda d: d.day), "week", TODAY)["mood"]
    assert mood.direction == expected
    if expected is None:
        assert (mood.direction_text, mood.previous_mean) == ("", None)
    else:
        assert mood.direction_text
        assert mood.previous_n == previous_days


def test_direction_words_are_plain_and_name_the_earlier_figure() -> None:
    data = every_day(7, end=TODAY - timedelta(days=30), mood=4) + every_day(30, mood=6)
    month = trend(data, "month", TODAY)["mood"]
    assert month.direction_text == "Higher than the 30 days before (4.0, 7 days)."


def test_all_has_no_previous_period_so_no_direction() -> None:
    assert trend(every_day(60, mood=5), "all", TODAY)["mood"].direction is None


def test_an_unknown_period_is_refused() -> None:
    with pytest.raises(ValueError, match="period"):
        trend([], "year", TODAY)  # type: ignore[arg-type]


# --- Associations ----------------------------------------------------------------------------


def constructed_rows() -> list[tuple[float, int, int]]:
    """(sleep hours, mood, stress): 12 days with 7+ hours of sleep and 9 with fewer."""
    long_nights = [(8, 7, 2), (7, 6, 3), (9, 8, 1), (7.5, 5, 4), (8, 7, 2), (7, 6, 5)]
    long_nights += [(8, 9, 1), (10, 4, 6), (7, 7, 2), (8, 6, 3), (7, 8, 2), (8.5, 4, 4)]
    short_nights = [(6, 5, 6), (5, 4, 7), (6.5, 6, 5), (4, 3, 8), (6, 5, 6), (5.5, 6, 5)]
    short_nights += [(3, 2, 9), (6, 5, 4), (6.5, 8, 3)]
    return long_nights + short_nights


def constructed_days() -> list[DayPoint]:
    rows = constructed_rows()
    return [
        day_point(TODAY - timedelta(days=len(rows) - 1 - i), sleep_hours=s, mood=m, stress=st)
        for i, (s, m, st) in enumerate(rows)
    ]


def by_key(items: list[Association]) -> dict[str, Association]:
    return {a.key: a for a in items}


def test_mood_and_stress_by_sleep_have_exact_means_and_day_counts() -> None:
    # Expected values straight from the raw rows, independently of the code under test.
    rows = constructed_rows()
    long_ = [(mood, stress) for hours, mood, stress in rows if hours >= 7]
    short = [(mood, stress) for hours, mood, stress in rows if hours < 7]
    result = by_key(associations(constructed_days(), TODAY))

    mood = result["mood_sleep"]
    assert mood.enough
    assert (mood.with_days, mood.without_days, mood.total_days) == (12, 9, 21)
    assert mood.with_mean == pytest.approx(statistics.mean(m for m, _s in long_))
    assert mood.without_mean == pytest.approx(statistics.mean(m for m, _s in short))
    assert mood.sentence == (
        "On days you slept 7 hours or more, your mood averaged 6.4 (12 days); "
        "on other days 4.9 (9 days)."
    )

    stress = result["stress_sleep"]
    assert stress.with_mean == pytest.approx(statistics.mean(st for _m, st in long_))
    assert stress.without_mean == pytest.approx(statistics.mean(st for _m, st in short))
    assert "your stress averaged 2.9 (12 days); on other days 5.9 (9 days)." in stress.sentence


@pytest.mark.parametrize(
    ("key", "field", "values", "with_mean", "without_mean"),
    [
        # movement: 20+ minutes vs less; the boundary counts as "20 or more".
        ("mood_movement", "movement_minutes", [20, 45, 5, 0], 7.0, 3.0),
        # connection: 3 or 4 is "more connected"; 0..2 is not.
        ("mood_connection", "connection", [3, 4, 2, 0], 7.0, 3.0),
        # alcohol: any drink vs none.
        ("mood_alcohol", "alcohol_drinks", [1, 3, 0, 0], 7.0, 3.0),
    ],
)
def test_each_association_splits_days_at_its_threshold(
    key: str, field: str, values: list[float], with_mean: float, without_mean: float
) -> None:
    # 16 days cycling through the values: mood 8 and 6 on the first two ("with" days), 4 and 2
    # on the last two.
    data = [
        day_point(TODAY - timedelta(days=i), **{field: values[i % 4], "mood": [8, 6, 4, 2][i % 4]})
        for i in range(16)
    ]
    result = by_key(associations(data, TODAY))[key]
    assert result.enough
    assert (result.with_days, result.without_days) == (8, 8)
    assert result.with_mean == pytest.approx(with_mean)
    assert result.without_mean == pytest.approx(without_mean)
    assert "averaged 7.0 (8 days)" in result.sentence


@pytest.mark.parametrize(
    ("with_days", "without_days", "enough", "days_needed"),
    [
        (9, 5, True, 0),
        (7, 7, True, 0),
        (20, 5, True, 0),
        # Fewer than 14 days with both answers: no claim.
        (8, 5, False, 1),
        (5, 5, False, 4),
        (0, 0, False, 14),
        # 14 days or more, but a side with fewer than 5.
        (10, 4, False, 1),
        (20, 2, False, 3),
        (14, 0, False, 5),
        # Both rules short: the larger shortfall counts.
        (10, 0, False, 5),
        (2, 2, False, 10),
    ],
)
def test_no_claim_under_14_days_or_under_5_on_a_side(
    with_days: int, without_days: int, enough: bool, days_needed: int
) -> None:
    data = [day_point(TODAY - timedelta(days=i), sleep_hours=8, mood=7) for i in range(with_days)]
    data += [
        day_point(TODAY - timedelta(days=100 + i), sleep_hours=5, mood=4)
        for i in range(without_days)
    ]
    result = by_key(associations(sorted(data, key=lambda d: d.day), TODAY))["mood_sleep"]
    assert (result.enough, result.days_needed) == (enough, days_needed)
    assert (result.with_days, result.without_days) == (with_days, without_days)
    if not enough:
        assert (result.with_mean, result.without_mean) == (None, None)
        assert result.sentence.startswith("A few more check-ins will show whether your mood")
        assert "averaged" not in result.sentence
    total = with_days + without_days
    if total < MIN_DAYS_FOR_ASSOCIATION:
        assert result.sentence.endswith(f"({total} of 14 days so far).")


def test_days_missing_either_answer_do_not_count() -> None:
    data = every_day(10, mood=6, sleep_hours=8)
    data += every_day(10, end=TODAY - timedelta(days=20), mood=6)  # no sleep answer
    data += every_day(10, end=TODAY - timedelta(days=40), sleep_hours=5)  # no mood answer
    result = by_key(associations(sorted(data, key=lambda d: d.day), TODAY))["mood_sleep"]
    assert (result.total_days, result.enough) == (10, False)
    assert "(10 of 14 days so far)" in result.sentence


def test_alcohol_appears_only_for_people_who_recorded_it() -> None:
    without = associations(every_day(20, mood=5, sleep_hours=8), TODAY)
    assert "mood_alcohol" not in by_key(without)
    assert len(without) == 4
    with_alcohol = associations(every_day(20, mood=5, alcohol_drinks=0), TODAY)
    assert "mood_alcohol" in by_key(with_alcohol)


@pytest.mark.parametrize(
    "data",
    [
        [],
        every_day(1, mood=5, sleep_hours=8, stress=3, movement_minutes=30, connection=4),
        constructed_days(),
        every_day(30, mood=5, sleep_hours=8, alcohol_drinks=1),
        [
            day_point(
                TODAY - timedelta(days=i),
                mood=i % 11,
                sleep_hours=4 + i % 6,
                stress=10 - i % 11,
                movement_minutes=(i * 7) % 60,
                connection=i % 5,
                alcohol_drinks=i % 3,
            )
            for i in range(60)
        ],
    ],
)
def test_no_sentence_claims_a_cause(data: list[DayPoint]) -> None:
    sentences = [a.sentence for a in associations(data, TODAY)]
    for period in ("week", "month", "all"):
        t = trend(data, period, TODAY)
        sentences += [m.mean_text for m in t.metrics.values()]
        sentences += [m.direction_text for m in t.metrics.values()]
    summary = weekly_summary(data, TODAY)
    sentences += [summary.sentence, summary.days_text, *summary.lines]
    for sentence in sentences:
        assert not CAUSAL.search(sentence), sentence
    # The caveat is the one place the word appears, to say these are not causes.
    assert "not causes" in str(CAVEAT)


# --- Weekly summary --------------------------------------------------------------------------


def test_the_weekly_summary_has_the_weeks_figures() -> None:
    week = [
        DayPoint(
            TODAY - timedelta(days=6),
            1,
            mood=5,
            sleep_hours=6,
            movement_minutes=30,
            feelings=(("tired", 2),),
        ),
        DayPoint(TODAY - timedelta(days=4), 2, mood=3, sleep_hours=8, feelings=(("anxious", 1),)),
        DayPoint(TODAY - timedelta(days=1), 1, mood=8, movement_minutes=15.5),
        DayPoint(
            TODAY, 1, mood=6, feelings=(("calm", 3), ("tired", 1), ("sad", 1), ("anxious", 1))
        ),
    ]
    outside = [DayPoint(TODAY - timedelta(days=7), 1, mood=0, feelings=(("numb", 9),))]
    summary = weekly_summary(outside + week, TODAY)
    assert (summary.start, summary.end) == (TODAY - timedelta(days=6), TODAY)
    assert summary.days_checked_in == 4
    assert summary.days_text == "You checked in on 4 of these 7 days."
    assert (summary.mood_mean, summary.mood_days) == (5.5, 4)
    assert summary.lowest_mood is not None
    assert summary.highest_mood is not None
    assert (summary.lowest_mood.day, summary.lowest_mood.value) == (TODAY - timedelta(days=4), 3)
    assert (summary.highest_mood.day, summary.highest_mood.value) == (TODAY - timedelta(days=1), 8)
    assert (summary.sleep_mean, summary.sleep_days) == (7.0, 2)
    assert (summary.movement_total, summary.movement_days) == (45.5, 2)
    # Ties ("anxious" and "tired" both 2... "calm" 3) in alphabetical order.
    assert [(f.key, f.count) for f in summary.top_feelings] == [
        ("calm", 3),
        ("tired", 3),
        ("anxious", 2),
    ]
    assert summary.top_feelings[0].label == "calm"
    # The week before has one day: no comparison.
    assert (summary.mood_change, summary.sleep_change) == (None, None)
    assert summary.lines[0] == (
        "Mood averaged 5.5 (4 days). Lowest Fri 27 Mar, 3.0; highest Mon 30 Mar, 8.0."
    )
    assert "Movement: 46 minutes in all (2 days)." in summary.lines


def test_the_weekly_summary_compares_with_the_week_before_only_with_enough_days() -> None:
    data = every_day(4, end=TODAY - timedelta(days=7), mood=3) + every_day(4, mood=7)
    assert weekly_summary(data, TODAY).mood_change == "higher"
    assert "Higher than the week before." in weekly_summary(data, TODAY).lines[0]
    data = every_day(3, end=TODAY - timedelta(days=7), mood=3) + every_day(7, mood=7)
    assert weekly_summary(data, TODAY).mood_change is None


@pytest.mark.parametrize("checked", [0, 1, 3, 7])
def test_the_weekly_summary_is_warm_and_never_shaming(checked: int) -> None:
    data = every_day(20, end=TODAY - timedelta(days=10), mood=2) + every_day(checked, mood=4)
    summary = weekly_summary(data, TODAY)
    assert summary.days_checked_in == checked
    words = " ".join([summary.sentence, summary.days_text, *summary.lines])
    assert not SHAMING.search(words), words
    assert summary.sentence
    if checked == 0:
        assert summary.lines == ()
        assert summary.mood_mean is None


def test_everything_handles_empty_input_and_a_single_day() -> None:
    for data in ([], [DayPoint(TODAY, 1)], [day_point(TODAY, mood=4)]):
        for period in ("week", "month", "all"):
            t = trend(data, period, TODAY)
            assert t.end == TODAY
        assert all(not a.enough for a in associations(data, TODAY))
        summary = weekly_summary(data, TODAY)
        assert summary.lowest_mood is None  # one day has no lowest or highest
        assert summary.top_feelings == ()


def test_numbers_use_the_languages_decimal_separator() -> None:
    assert fmt(6.44) == "6.4"
    assert fmt(45.5, 0) == "46"
    with translation.override("es"):
        assert fmt(6.44) == "6,4"
        sentence = by_key(associations(constructed_days(), TODAY))["mood_sleep"].sentence
        assert "6,4" in sentence
        assert "4,9" in sentence
