"""Personal insights from daily check-ins: trends, associations and a weekly summary.

Pure functions over plain values: callers load check-ins (through access.py) and pass
`CheckInValues`; nothing here touches the ORM or a request. The only Django imports are for
words (translation, plurals, localised numbers), as in `heard.instruments.charts`.

Principles, so nobody has to rediscover them:

* **The day is the person's day.** Check-ins are grouped by the client's local date, so a
  check-in at 23:30 belongs to that evening, not to tomorrow in UTC. Several check-ins on one day
  are averaged per metric, counting only the check-ins that answered it; a day with no check-in
  is absent rather than zero.
* **Every figure carries its number of days**, so a person (and their clinician) can see how
  much is behind it.
* **No claim without enough data.** A direction ("higher than the week before") needs at least
  `MIN_DAYS_FOR_DIRECTION` days in both periods. An association needs `MIN_DAYS_FOR_ASSOCIATION`
  days with both answers and `MIN_DAYS_PER_GROUP` on each side; short of that it says kindly how
  many more days it needs and shows no means at all.
* **Patterns, never causes.** Sentences say "averaged" and "tends to go with"; nothing says a
  habit causes or improves anything (`CAVEAT` says so in one line, for the page).
* **No shame.** The weekly summary counts days checked in ("4 of 7 days") and thanks the person;
  it never mentions missed days or streaks.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from typing import Literal, get_args

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from heard.listening.feelings import label_for

Metric = Literal[
    "mood",
    "sleep_hours",
    "sleep_quality",
    "movement_minutes",
    "connection",
    "stress",
    "alcohol_drinks",
]
METRICS: tuple[Metric, ...] = get_args(Metric)
Period = Literal["week", "month", "all"]
PERIODS: tuple[Period, ...] = get_args(Period)
Bucket = Literal["day", "week"]
Direction = Literal["higher", "lower", "similar"]

PERIOD_DAYS: dict[Period, int] = {"week": 7, "month": 30}
WEEKLY_BUCKETS_AFTER_DAYS = 120  # "all" longer than this is shown as weekly means
MIN_DAYS_FOR_DIRECTION = 4  # in each of the two periods compared
MIN_DAYS_FOR_ASSOCIATION = 14  # days with both answers
MIN_DAYS_PER_GROUP = 5  # on each side of an association

SLEEP_ENOUGH_HOURS = 7.0
MOVEMENT_ENOUGH_MINUTES = 20.0
CONNECTED_AT_LEAST = 3.0  # connection is 0..4

# A difference smaller than this (in the metric's own units) is "about the same": a tenth of a
# point on a 0-10 scale is noise, not a change worth a sentence.
SIMILAR_WITHIN: dict[Metric, float] = {
    "mood": 0.5,
    "sleep_hours": 0.5,
    "sleep_quality": 0.3,
    "movement_minutes": 5.0,
    "connection": 0.3,
    "stress": 0.5,
    "alcohol_drinks": 0.5,
}

CAVEAT = gettext_lazy(
    "These are patterns in your own check-ins, not causes. "
    "Talk them over with your care team if you like."
)


# --- Input and daily values ------------------------------------------------------------------


@dataclass(frozen=True)
class CheckInValues:
    """One check-in as recorded. Every answer is optional; `at` must be timezone-aware."""

    at: datetime
    mood: int | None = None  # 0 very low .. 10 very good
    feelings: tuple[str, ...] = ()  # keys from heard.listening.feelings
    sleep_hours: float | None = None  # 0..24 in half hours
    sleep_quality: int | None = None  # 1..5
    movement_minutes: int | None = None  # 0..1440
    connection: int | None = None  # 0..4, how connected to other people
    stress: int | None = None  # 0..10
    alcohol_drinks: int | None = None  # only for people who chose to track it


@dataclass(frozen=True)
class DayPoint:
    """One local day with at least one check-in. Each metric is the mean of the check-ins that
    answered it that day (None when none did); `feelings` counts each key, most frequent first."""

    day: date
    checkins: int
    mood: float | None = None
    sleep_hours: float | None = None
    sleep_quality: float | None = None
    movement_minutes: float | None = None
    connection: float | None = None
    stress: float | None = None
    alcohol_drinks: float | None = None
    feelings: tuple[tuple[str, int], ...] = ()

    def value(self, metric: Metric) -> float | None:
        """The day's value for `metric`, for code that works over any metric."""
        result: float | None = getattr(self, metric)
        return result


def days(checkins: Iterable[CheckInValues], tz: tzinfo) -> list[DayPoint]:
    """Group check-ins by the client's local date (in `tz`), oldest day first.

    Grouping by local date matters: a late-evening check-in belongs to the day the person
    lived, whatever the date in UTC.
    """
    by_day: dict[date, list[CheckInValues]] = {}
    for checkin in checkins:
        if checkin.at.tzinfo is None or checkin.at.utcoffset() is None:
            raise ValueError("CheckInValues.at must be timezone-aware.")
        by_day.setdefault(checkin.at.astimezone(tz).date(), []).append(checkin)
    return [_day_point(day, items) for day, items in sorted(by_day.items())]


def _day_point(day: date, items: list[CheckInValues]) -> DayPoint:
    means: dict[str, float | None] = {}
    if len(items) == 1:  # the usual day: no averaging to do
        only = items[0]
        for metric in METRICS:
            value = getattr(only, metric)
            means[metric] = None if value is None else float(value)
    else:
        for metric in METRICS:
            values = [v for c in items if (v := getattr(c, metric)) is not None]
            means[metric] = sum(values) / len(values) if values else None
    feelings = Counter(key for c in items for key in c.feelings)
    return DayPoint(
        day=day,
        checkins=len(items),
        mood=means["mood"],
        sleep_hours=means["sleep_hours"],
        sleep_quality=means["sleep_quality"],
        movement_minutes=means["movement_minutes"],
        connection=means["connection"],
        stress=means["stress"],
        alcohol_drinks=means["alcohol_drinks"],
        feelings=_ranked(feelings),
    )


def _ranked(counts: Counter[str]) -> tuple[tuple[str, int], ...]:
    """Most frequent first; ties in alphabetical order so the result is stable."""
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


# --- Trends ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SeriesPoint:
    """One plotted value: a day, or a week (`start`..`end`) when the trend is bucketed.

    `days` is how many days with an answer are behind `value` (1 for a day).
    """

    start: date
    end: date
    value: float
    days: int


@dataclass(frozen=True)
class MetricTrend:
    """One metric over the period: the points, the period mean, and a direction only when
    both this period and the one before have enough days (`direction` None otherwise)."""

    metric: Metric
    points: tuple[SeriesPoint, ...]
    mean: float | None
    n: int  # days with an answer in the period
    mean_text: str  # "Averaged 6.2 (5 days)." or "No answers in this period yet."
    previous_mean: float | None  # shown only alongside a direction
    previous_n: int
    direction: Direction | None
    direction_text: str  # "" when there is no claim to make


@dataclass(frozen=True)
class Trend:
    """Every metric over one period ending `end` (today). `bucket` says whether points are days
    or weekly means (long "all" periods)."""

    period: Period
    bucket: Bucket
    start: date
    end: date
    days_with_checkins: int
    metrics: dict[Metric, MetricTrend] = field(hash=False)

    def __getitem__(self, metric: Metric) -> MetricTrend:
        return self.metrics[metric]


def trend(days: Sequence[DayPoint], period: Period, today: date) -> Trend:
    """Points, mean and direction for each metric over the last 7 days, 30 days, or everything.

    Days after `today` (a device clock ahead of ours) are left out. "all" runs from the first
    check-in to today; when that spans more than WEEKLY_BUCKETS_AFTER_DAYS it is shown as weekly
    means (weeks end on `today`, so the latest week is complete), each with its count of days.
    "all" has no previous period, so no direction.
    """
    if period not in PERIODS:
        raise ValueError(f"Unknown period {period!r}; expected one of {PERIODS}.")
    past = sorted((d for d in days if d.day <= today), key=lambda d: d.day)
    if period == "all":
        start = min((d.day for d in past), default=today)
        length = (today - start).days + 1
    else:
        length = PERIOD_DAYS[period]
        start = today - timedelta(days=length - 1)
    current = [d for d in past if d.day >= start]
    bucket: Bucket = "week" if period == "all" and length > WEEKLY_BUCKETS_AFTER_DAYS else "day"
    previous: list[DayPoint] = []
    if period != "all":
        previous_start = start - timedelta(days=length)
        previous = [d for d in past if previous_start <= d.day < start]
    metrics = {
        metric: _metric_trend(metric, current, previous, period, bucket, today)
        for metric in METRICS
    }
    return Trend(
        period=period,
        bucket=bucket,
        start=start,
        end=today,
        days_with_checkins=len(current),
        metrics=metrics,
    )


def _metric_trend(
    metric: Metric,
    current: list[DayPoint],
    previous: list[DayPoint],
    period: Period,
    bucket: Bucket,
    today: date,
) -> MetricTrend:
    pairs = [(d.day, v) for d in current if (v := d.value(metric)) is not None]
    values = [v for _day, v in pairs]
    mean = _mean(values)
    if bucket == "day":
        points = tuple(SeriesPoint(start=d, end=d, value=v, days=1) for d, v in pairs)
    else:
        points = _weekly(pairs, today)
    before = [v for d in previous if (v := d.value(metric)) is not None]
    previous_mean = _mean(before)
    direction: Direction | None = None
    direction_text = ""
    if (
        mean is not None
        and previous_mean is not None
        and len(values) >= MIN_DAYS_FOR_DIRECTION
        and len(before) >= MIN_DAYS_FOR_DIRECTION
    ):
        direction = _direction(metric, mean, previous_mean)
        direction_text = _direction_text(metric, period, direction, previous_mean, len(before))
    else:
        previous_mean = None
    return MetricTrend(
        metric=metric,
        points=points,
        mean=mean,
        n=len(values),
        mean_text=_mean_text(metric, mean, len(values)),
        previous_mean=previous_mean,
        previous_n=len(before),
        direction=direction,
        direction_text=direction_text,
    )


def _weekly(pairs: list[tuple[date, float]], today: date) -> tuple[SeriesPoint, ...]:
    """Weekly means of daily values, weeks ending on `today`, empty weeks left out (a gap)."""
    buckets: dict[int, list[float]] = {}
    for day, value in pairs:
        buckets.setdefault((today - day).days // 7, []).append(value)
    points = []
    for weeks_ago in sorted(buckets, reverse=True):
        values = buckets[weeks_ago]
        end = today - timedelta(days=7 * weeks_ago)
        points.append(
            SeriesPoint(
                start=end - timedelta(days=6),
                end=end,
                value=sum(values) / len(values),
                days=len(values),
            )
        )
    return tuple(points)


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _direction(metric: Metric, mean: float, previous: float) -> Direction:
    difference = mean - previous
    if abs(difference) < SIMILAR_WITHIN[metric]:
        return "similar"
    return "higher" if difference > 0 else "lower"


# --- Associations ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Association:
    """How one answer averaged on days split by another, e.g. mood on days with 7+ hours of sleep
    vs fewer. Means are None unless `enough` is True, so no page can show a claim too early;
    the day counts are always there."""

    key: str  # "mood_sleep", "mood_movement", "mood_connection", "stress_sleep", "mood_alcohol"
    outcome: Metric  # what is averaged
    factor: Metric  # what splits the days
    with_mean: float | None  # on days meeting the condition (7+ hours of sleep, ...)
    with_days: int
    without_mean: float | None  # on the other days
    without_days: int
    total_days: int  # days with both answers
    enough: bool
    days_needed: int  # the fewest further days with both answers that could make it enough
    sentence: str


@dataclass(frozen=True)
class _Rule:
    key: str
    outcome: Metric
    factor: Metric
    condition: Callable[[float], bool]
    sentence: Callable[[], str]  # "On days you ..., your mood averaged %(with)s; on other days ..."
    topic: Callable[[], str]  # "whether your mood tends to go with your sleep"
    with_side: Callable[[], str]  # "days you slept 7 hours or more", for "not enough" sentences


def _rules() -> tuple[_Rule, ...]:
    # Words are looked up when a sentence is built, so they follow the active language.
    return (
        _Rule(
            "mood_sleep",
            "mood",
            "sleep_hours",
            lambda hours: hours >= SLEEP_ENOUGH_HOURS,
            lambda: _(
                "On days you slept 7 hours or more, your mood averaged %(with)s; "
                "on other days %(without)s."
            ),
            lambda: _("whether your mood tends to go with how long you sleep"),
            lambda: _("days you slept 7 hours or more"),
        ),
        _Rule(
            "mood_movement",
            "mood",
            "movement_minutes",
            lambda minutes: minutes >= MOVEMENT_ENOUGH_MINUTES,
            lambda: _(
                "On days you moved for 20 minutes or more, your mood averaged %(with)s; "
                "on other days %(without)s."
            ),
            lambda: _("whether your mood tends to go with moving your body"),
            lambda: _("days you moved for 20 minutes or more"),
        ),
        _Rule(
            "mood_connection",
            "mood",
            "connection",
            lambda level: level >= CONNECTED_AT_LEAST,
            lambda: _(
                "On days you felt more connected to people, your mood averaged %(with)s; "
                "on other days %(without)s."
            ),
            lambda: _("whether your mood tends to go with feeling connected to people"),
            lambda: _("days you felt more connected to people"),
        ),
        _Rule(
            "stress_sleep",
            "stress",
            "sleep_hours",
            lambda hours: hours >= SLEEP_ENOUGH_HOURS,
            lambda: _(
                "On days you slept 7 hours or more, your stress averaged %(with)s; "
                "on other days %(without)s."
            ),
            lambda: _("whether your stress tends to go with how long you sleep"),
            lambda: _("days you slept 7 hours or more"),
        ),
        _Rule(
            "mood_alcohol",
            "mood",
            "alcohol_drinks",
            lambda drinks: drinks > 0,
            lambda: _(
                "On days you had any alcohol, your mood averaged %(with)s; "
                "on days with none %(without)s."
            ),
            lambda: _("whether your mood tends to go with drinking alcohol"),
            lambda: _("days you had any alcohol"),
        ),
    )


def associations(days: Sequence[DayPoint], today: date) -> list[Association]:
    """Mood (and stress) on days split by sleep, movement, connection and alcohol.

    Uses every day up to `today`. The alcohol comparison appears only when alcohol was recorded
    on some day (it is opt-in). Each result is `enough=False`, with no means and a kind sentence
    about how many more days it needs, until there are MIN_DAYS_FOR_ASSOCIATION days with both
    answers and MIN_DAYS_PER_GROUP on each side.
    """
    past = [d for d in days if d.day <= today]
    tracks_alcohol = any(d.alcohol_drinks is not None for d in past)
    results = []
    for rule in _rules():
        if rule.factor == "alcohol_drinks" and not tracks_alcohol:
            continue
        results.append(_associate(rule, past))
    return results


def _associate(rule: _Rule, days: list[DayPoint]) -> Association:
    with_values: list[float] = []
    without_values: list[float] = []
    for d in days:
        outcome, factor = d.value(rule.outcome), d.value(rule.factor)
        if outcome is None or factor is None:
            continue
        (with_values if rule.condition(factor) else without_values).append(outcome)
    with_days, without_days = len(with_values), len(without_values)
    total = with_days + without_days
    needed = max(
        MIN_DAYS_FOR_ASSOCIATION - total,
        max(MIN_DAYS_PER_GROUP - with_days, 0) + max(MIN_DAYS_PER_GROUP - without_days, 0),
        0,
    )
    enough = needed == 0
    with_mean = _mean(with_values) if enough else None
    without_mean = _mean(without_values) if enough else None
    if with_mean is not None and without_mean is not None:
        sentence = rule.sentence() % {
            "with": _figure(with_mean, with_days),
            "without": _figure(without_mean, without_days),
        }
    elif total < MIN_DAYS_FOR_ASSOCIATION:
        sentence = _(
            "A few more check-ins will show %(topic)s (%(count)s of %(needed)s days so far)."
        ) % {
            "topic": rule.topic(),
            "count": total,
            "needed": MIN_DAYS_FOR_ASSOCIATION,
        }
    else:
        sentence = ngettext(
            "A few more check-ins will show %(topic)s. A fair comparison needs at least "
            "%(min)s days on each side; so far %(with)s of your %(count)s day with both "
            "answers were %(side)s.",
            "A few more check-ins will show %(topic)s. A fair comparison needs at least "
            "%(min)s days on each side; so far %(with)s of your %(count)s days with both "
            "answers were %(side)s.",
            total,
        ) % {
            "topic": rule.topic(),
            "min": MIN_DAYS_PER_GROUP,
            "with": with_days,
            "count": total,
            "side": rule.with_side(),
        }
    return Association(
        key=rule.key,
        outcome=rule.outcome,
        factor=rule.factor,
        with_mean=with_mean,
        with_days=with_days,
        without_mean=without_mean,
        without_days=without_days,
        total_days=total,
        enough=enough,
        days_needed=needed,
        sentence=sentence,
    )


# --- Weekly summary --------------------------------------------------------------------------


@dataclass(frozen=True)
class DayValue:
    day: date
    value: float
    text: str  # "Tue 3 Mar: 4.0"


@dataclass(frozen=True)
class FeelingCount:
    key: str
    label: str
    count: int


@dataclass(frozen=True)
class WeeklySummary:
    """The 7 local days ending `end`. Counts days checked in, never days without."""

    start: date
    end: date
    days_checked_in: int  # of 7
    days_text: str  # "You checked in on 4 of these 7 days."
    mood_mean: float | None
    mood_days: int
    lowest_mood: DayValue | None  # only with mood on 2 or more days
    highest_mood: DayValue | None
    sleep_mean: float | None
    sleep_days: int
    movement_total: float | None  # sum of the daily values, minutes
    movement_days: int
    top_feelings: tuple[FeelingCount, ...]  # up to 3, most frequent first
    mood_change: Direction | None  # vs the week before, only with enough days in both
    sleep_change: Direction | None
    lines: tuple[str, ...]  # the figures above as plain sentences, for the page
    sentence: str  # one warm line


def weekly_summary(days: Sequence[DayPoint], week_end: date) -> WeeklySummary:
    """A gentle look back at the 7 local days ending `week_end`, with the week before for
    comparison (only when both weeks have MIN_DAYS_FOR_DIRECTION days of that answer)."""
    start = week_end - timedelta(days=6)
    previous_start = start - timedelta(days=7)
    week = [d for d in days if start <= d.day <= week_end]
    before = [d for d in days if previous_start <= d.day < start]

    def series(items: list[DayPoint], metric: Metric) -> list[tuple[date, float]]:
        return [(d.day, v) for d in items if (v := d.value(metric)) is not None]

    mood = series(week, "mood")
    sleep = series(week, "sleep_hours")
    movement = series(week, "movement_minutes")
    mood_mean = _mean([v for _d, v in mood])
    sleep_mean = _mean([v for _d, v in sleep])
    movement_total = sum(v for _d, v in movement) if movement else None
    lowest = highest = None
    if len(mood) >= 2:
        # min/max keep the first of equal values: the earliest day.
        low_day, low_value = min(mood, key=lambda p: p[1])
        high_day, high_value = max(mood, key=lambda p: p[1])
        lowest = DayValue(low_day, low_value, _day_value_text(low_day, low_value))
        highest = DayValue(high_day, high_value, _day_value_text(high_day, high_value))
    feelings: Counter[str] = Counter()
    for d in week:
        feelings.update(dict(d.feelings))
    top = tuple(FeelingCount(k, label_for(k), n) for k, n in _ranked(feelings)[:3])

    mood_change = _change(mood, series(before, "mood"), "mood")
    sleep_change = _change(sleep, series(before, "sleep_hours"), "sleep_hours")

    lines = []
    if mood_mean is not None:
        line = _("Mood averaged %(figure)s.") % {"figure": _figure(mood_mean, len(mood))}
        if lowest and highest and lowest.value != highest.value:
            line += " " + _("Lowest %(lowest)s; highest %(highest)s.") % {
                "lowest": lowest.text,
                "highest": highest.text,
            }
        if mood_change:
            line += " " + _week_change_text(mood_change)
        lines.append(line)
    if sleep_mean is not None:
        line = _("Sleep averaged %(hours)s hours (%(days)s).") % {
            "hours": fmt(sleep_mean),
            "days": _days_text(len(sleep)),
        }
        if sleep_change:
            line += " " + _week_change_text(sleep_change)
        lines.append(line)
    if movement_total is not None:
        lines.append(
            _("Movement: %(minutes)s minutes in all (%(days)s).")
            % {"minutes": fmt(movement_total, 0), "days": _days_text(len(movement))}
        )
    if top:
        lines.append(
            _("Feelings you chose most: %(feelings)s.")
            % {"feelings": ", ".join(f"{f.label} ({f.count})" for f in top)}
        )
    checked = len(week)
    return WeeklySummary(
        start=start,
        end=week_end,
        days_checked_in=checked,
        days_text=ngettext(
            "You checked in on %(count)s of these 7 days.",
            "You checked in on %(count)s of these 7 days.",
            checked,
        )
        % {"count": checked},
        mood_mean=mood_mean,
        mood_days=len(mood),
        lowest_mood=lowest,
        highest_mood=highest,
        sleep_mean=sleep_mean,
        sleep_days=len(sleep),
        movement_total=movement_total,
        movement_days=len(movement),
        top_feelings=top,
        mood_change=mood_change,
        sleep_change=sleep_change,
        lines=tuple(lines),
        sentence=_warm_sentence(checked),
    )


def _change(
    current: list[tuple[date, float]], previous: list[tuple[date, float]], metric: Metric
) -> Direction | None:
    if len(current) < MIN_DAYS_FOR_DIRECTION or len(previous) < MIN_DAYS_FOR_DIRECTION:
        return None
    return _direction(
        metric,
        sum(v for _d, v in current) / len(current),
        sum(v for _d, v in previous) / len(previous),
    )


def _warm_sentence(checked: int) -> str:
    if checked == 0:
        return _("No check-ins this week, and that is okay. Check in whenever it helps you.")
    return ngettext(
        "Thank you for checking in on %(count)s day this week. Every check-in helps you see "
        "how things are going.",
        "Thank you for checking in on %(count)s days this week. Every check-in helps you see "
        "how things are going.",
        checked,
    ) % {"count": checked}


# --- Words -----------------------------------------------------------------------------------


def fmt(value: float, places: int = 1) -> str:
    """A number in the active language: one decimal by default ("6.4", Spanish "6,4")."""
    if not math.isfinite(value):
        return ""
    return formats.number_format(round(value, places), decimal_pos=places)


def _days_text(count: int) -> str:
    return ngettext("%(count)s day", "%(count)s days", count) % {"count": count}


def _figure(mean: float, count: int) -> str:
    """ "6.4 (12 days)": a figure always travels with the number of days behind it."""
    return ngettext("%(mean)s (%(count)s day)", "%(mean)s (%(count)s days)", count) % {
        "mean": fmt(mean),
        "count": count,
    }


def _day_value_text(day: date, value: float) -> str:
    return _("%(day)s, %(value)s") % {"day": formats.date_format(day, "D j M"), "value": fmt(value)}


def metric_name(metric: Metric) -> str:
    """The metric as a person would say it, for sentences and headings."""
    names = {
        "mood": _("Mood"),
        "sleep_hours": _("Sleep"),
        "sleep_quality": _("Sleep quality"),
        "movement_minutes": _("Movement"),
        "connection": _("Connection"),
        "stress": _("Stress"),
        "alcohol_drinks": _("Alcohol"),
    }
    return names[metric]


def _mean_value_text(metric: Metric, mean: float) -> str:
    if metric == "sleep_hours":
        return _("%(value)s hours") % {"value": fmt(mean)}
    if metric == "movement_minutes":
        return _("%(value)s minutes") % {"value": fmt(mean, 0)}
    if metric == "alcohol_drinks":
        return _("%(value)s drinks") % {"value": fmt(mean)}
    return fmt(mean)


def _mean_text(metric: Metric, mean: float | None, count: int) -> str:
    if mean is None:
        return _("No answers in this period yet.")
    return ngettext(
        "Averaged %(value)s (%(count)s day).",
        "Averaged %(value)s (%(count)s days).",
        count,
    ) % {"value": _mean_value_text(metric, mean), "count": count}


def _direction_text(
    metric: Metric, period: Period, direction: Direction, previous: float, previous_n: int
) -> str:
    before = _("the week before") if period == "week" else _("the 30 days before")
    template = {
        "higher": _("Higher than %(before)s (%(figure)s)."),
        "lower": _("Lower than %(before)s (%(figure)s)."),
        "similar": _("About the same as %(before)s (%(figure)s)."),
    }[direction]
    figure = ngettext("%(value)s, %(count)s day", "%(value)s, %(count)s days", previous_n) % {
        "value": _mean_value_text(metric, previous),
        "count": previous_n,
    }
    return template % {"before": before, "figure": figure}


def _week_change_text(direction: Direction) -> str:
    return {
        "higher": _("Higher than the week before."),
        "lower": _("Lower than the week before."),
        "similar": _("About the same as the week before."),
    }[direction]
