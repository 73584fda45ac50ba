"""Daily check-in charts: one metric over a trend's points, laid out in Python.

`daily_chart(metric, points, ...)` turns the `SeriesPoint`s of one `MetricTrend` into a
`DailyChart`: SVG geometry, a plain-words summary for screen readers and the caption, and the
rows of the data table that is the chart's text alternative. `checkins/_daily_chart.html`
renders it and does no arithmetic. `insights_context` builds everything
`checkins/_insights_body.html` needs, so the view stays thin.

The same principles as `heard.instruments.charts` (read its docstring), in short:

* Drawn twice, wide (640 units) and narrow (360 x 260); a CSS container query shows one and
  hides the other with display: none, so screen readers meet only one.
* Text sizes live in CSS ("Daily check-in charts" in heard.css); WIDE_FONT and NARROW_FONT here
  must match. Labels are spaced with a generous estimate of text width, so they never overlap.
* One series per chart, so colour never carries meaning; the words for the ends of a scale
  ("very low", "very good") are written at the right edge, next to the numbers.
* **Gaps stay gaps.** The line joins neighbouring days (or weeks) only; a day without an answer
  breaks it, so the picture never suggests a value nobody gave. Every answer is still a dot.
* Values outside `lo..hi` are drawn at the edge (the table keeps the true number).

No ORM here: callers pass the points from `heard.checkins.insights.trend`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from django.utils import formats
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from heard.checkins.insights import (
    CAVEAT,
    Bucket,
    DayPoint,
    Metric,
    MetricTrend,
    Period,
    SeriesPoint,
    Trend,
    associations,
    metric_name,
    trend,
    weekly_summary,
)

# Text sizes in SVG units: must match "Daily check-in charts" in heard.css.
WIDE_FONT = 14.0
NARROW_FONT = 13.0
WIDE_WIDTH = 640
WIDE_HEIGHT = 240
NARROW_WIDTH = 360
NARROW_HEIGHT = 260
CHAR_WIDTH_EM = 0.55  # over-estimates Source Sans a little, which is the safe side
MAX_X_LABELS = 6
MAX_Y_TICKS = 6
INSET = 12.0  # keeps the first and last dots off the plot's edges


@dataclass(frozen=True)
class YTick:
    y: float
    label: str


@dataclass(frozen=True)
class XLabel:
    x: float  # where the tick mark goes
    text_x: float  # where the text is centred (kept inside the picture)
    text: str


@dataclass(frozen=True)
class ScaleLabel:
    """A word for one end of the scale ("very good"), at the right edge beside its value."""

    y: float
    text: str


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    label: str  # "Tue 3 Mar 2026: 6.5", the dot's tooltip


@dataclass(frozen=True)
class DailyLayout:
    """One drawing of the chart. Each chart has a wide and a narrow one; CSS shows one."""

    variant: Literal["wide", "narrow"]
    dom_id: str  # prefix of the SVG's title and desc ids
    width: int
    height: int
    view_box: str
    plot_left: float
    plot_right: float
    plot_top: float
    plot_bottom: float
    plot_width: float
    plot_height: float
    tick_label_x: float
    tick_mark_x: float
    x_tick_y: float
    x_label_y: float
    scale_label_x: float
    y_ticks: tuple[YTick, ...]
    x_labels: tuple[XLabel, ...]
    scale_labels: tuple[ScaleLabel, ...]
    segments: tuple[str, ...]  # SVG polyline points, one per run of neighbouring answers
    dots: tuple[Dot, ...]


@dataclass(frozen=True)
class DailyRow:
    date_iso: str
    date_text: str  # the day, or "2 Mar to 8 Mar 2026" for a week
    value_text: str
    days_text: str  # "5 days" for a week; "" for a day


@dataclass(frozen=True)
class DailyChart:
    """Everything `checkins/_daily_chart.html` needs, precomputed."""

    metric: Metric
    dom_id: str
    title: str
    summary: str
    empty_message: str
    wide: DailyLayout
    narrow: DailyLayout
    bucket: Bucket
    table_caption: str
    date_heading: str
    value_heading: str
    has_days_column: bool
    rows: tuple[DailyRow, ...]  # one per point, oldest first
    is_empty: bool
    single_point: bool
    has_gaps: bool
    table_open: bool  # short tables start open; long ones sit in a closed <details>

    @property
    def layouts(self) -> tuple[DailyLayout, DailyLayout]:
        return (self.wide, self.narrow)


def daily_chart(
    metric: Metric,
    points: Sequence[SeriesPoint],
    *,
    lo: int,
    hi: int,
    title: str,
    lo_label: str,
    hi_label: str,
    unit: str,
    bucket: Bucket = "day",
    start: date | None = None,
    end: date | None = None,
    dom_id: str | None = None,
    places: int = 1,
) -> DailyChart:
    """Lay out a dot-and-line chart of one metric.

    `lo`..`hi` is the y range (the scale's ends, or a round number above the largest value).
    `lo_label`/`hi_label` name the scale's ends in words ("" for none). `unit` follows each
    value in words ("hours"; "" for a scale). `bucket` says whether each point is a day or a
    week (plotted at its last day). `start`..`end` is the x range (default: the first and last
    point), so a week with answers on two days still spans seven. `dom_id` prefixes element ids
    (default ``checkin-<metric>``). `places` is the decimals shown (0 for minutes).
    """
    if hi <= lo:
        raise ValueError(f"hi ({hi}) must be above lo ({lo}).")
    ordered = sorted(points, key=lambda p: p.end)
    step = 7 if bucket == "week" else 1
    first = start or (ordered[0].end if ordered else None)
    last = end or (ordered[-1].end if ordered else None)
    if ordered and first is not None and last is not None:
        first, last = min(first, ordered[0].end), max(last, ordered[-1].end)
    prefix = dom_id or f"checkin-{metric.replace('_', '-')}"
    runs = _runs(ordered, step)
    rows = _rows(ordered, bucket, unit, places)
    labels = dict(zip((id(p) for p in ordered), _labels(rows, bucket), strict=True))

    def layout(variant: Literal["wide", "narrow"], w: int, h: int, font: float) -> DailyLayout:
        return _layout(
            ordered,
            runs,
            labels,
            variant=variant,
            dom_id=f"{prefix}-{variant}",
            width=w,
            height=h,
            font=font,
            lo=lo,
            hi=hi,
            lo_label=lo_label,
            hi_label=hi_label,
            first=first,
            last=last,
            step=step,
        )

    return DailyChart(
        metric=metric,
        dom_id=prefix,
        title=title,
        summary=_summary(title, ordered, rows, bucket, lo, hi, lo_label, hi_label, len(runs)),
        empty_message=_("%(title)s: no answers in this period yet.") % {"title": title},
        wide=layout("wide", WIDE_WIDTH, WIDE_HEIGHT, WIDE_FONT),
        narrow=layout("narrow", NARROW_WIDTH, NARROW_HEIGHT, NARROW_FONT),
        bucket=bucket,
        table_caption=_("%(title)s, oldest first") % {"title": title},
        date_heading=_("Week") if bucket == "week" else _("Date"),
        value_heading=(
            _("Weekly average")
            if bucket == "week"
            else metric_name(metric) + (f" ({unit})" if unit else "")
        ),
        has_days_column=bucket == "week",
        rows=rows,
        is_empty=not ordered,
        single_point=len(ordered) == 1,
        has_gaps=len(runs) > 1,
        table_open=len(rows) <= 7,
    )


def _runs(points: list[SeriesPoint], step: int) -> list[list[SeriesPoint]]:
    """Split points into runs of neighbours: a missing day (or week) starts a new run."""
    runs: list[list[SeriesPoint]] = []
    for p in points:
        if runs and (p.end - runs[-1][-1].end).days <= step:
            runs[-1].append(p)
        else:
            runs.append([p])
    return runs


def _layout(
    points: list[SeriesPoint],
    runs: list[list[SeriesPoint]],
    labels: dict[int, str],
    *,
    variant: Literal["wide", "narrow"],
    dom_id: str,
    width: int,
    height: int,
    font: float,
    lo: int,
    hi: int,
    lo_label: str,
    hi_label: str,
    first: date | None,
    last: date | None,
    step: int,
) -> DailyLayout:
    top, bottom = font, height - (font * 1.6 + 12)  # room for the dates under the plot
    ticks = _tick_values(lo, hi, bottom - top, font)
    left = math.ceil(max(_text_width(_tick_text(v), font) for v in ticks) + 12)
    words = [w for w in (lo_label, hi_label) if w]
    gutter = max((_text_width(w, font) for w in words), default=0.0)
    right = width - (math.ceil(gutter + 16) if words else 12)
    x_lo, x_hi = left + INSET, right - INSET
    span = (last - first).days if first is not None and last is not None else 0

    def x_of(day: date) -> float:
        if first is None or span <= 0:
            return _r((x_lo + x_hi) / 2)
        return _r(x_lo + (day - first).days / span * (x_hi - x_lo))

    def y_of(value: float) -> float:
        clamped = min(max(value, lo), hi)
        return _r(bottom - (clamped - lo) / (hi - lo) * (bottom - top))

    dots = tuple(Dot(x=x_of(p.end), y=y_of(p.value), label=labels[id(p)]) for p in points)
    segments = tuple(
        " ".join(f"{x_of(p.end):g},{y_of(p.value):g}" for p in run) for run in runs if len(run) > 1
    )
    scale_labels = tuple(
        ScaleLabel(y=y_of(value), text=text)
        for value, text in ((hi, hi_label), (lo, lo_label))
        if text
    )
    x_labels: tuple[XLabel, ...] = ()
    if first is not None and last is not None:
        x_labels = _x_labels(first, last, step, x_of, width, font)
    return DailyLayout(
        variant=variant,
        dom_id=dom_id,
        width=width,
        height=height,
        view_box=f"0 0 {width} {height}",
        plot_left=left,
        plot_right=right,
        plot_top=top,
        plot_bottom=bottom,
        plot_width=right - left,
        plot_height=_r(bottom - top),
        tick_label_x=left - 8,
        tick_mark_x=left - 5,
        x_tick_y=bottom + 5,
        x_label_y=_r(bottom + 6 + font),
        scale_label_x=right + 8,
        y_ticks=tuple(YTick(y=y_of(v), label=_tick_text(v)) for v in ticks),
        x_labels=x_labels,
        scale_labels=scale_labels,
        segments=segments,
        dots=dots,
    )


# --- Layout helpers ----------------------------------------------------------------------------


def _r(value: float) -> float:
    """Round for compact SVG: a tenth of a unit is finer than any screen shows."""
    return round(value, 1)


def _text_width(text: str, font: float) -> float:
    return len(text) * CHAR_WIDTH_EM * font


def _tick_text(value: int) -> str:
    return formats.number_format(value)


def _tick_values(lo: int, hi: int, plot_height: float, font: float) -> list[int]:
    """Round-numbered ticks, at most six, far enough apart for the text."""
    for step in (1, 2, 5, 10, 15, 20, 30, 60, 120, 240):
        first = math.ceil(lo / step) * step
        values = list(range(first, hi + 1, step))
        spacing = step / (hi - lo) * plot_height
        if len(values) <= MAX_Y_TICKS and spacing >= font * 1.3:
            return values
    return [lo, hi]


def _x_labels(
    first: date,
    last: date,
    step: int,
    x_of: Callable[[date], float],
    width: int,
    font: float,
) -> tuple[XLabel, ...]:
    """Dates under the plot, evenly spaced back from the latest, never overlapping."""
    long_span = (last - first).days > 120 or first.year != last.year
    date_format = "M Y" if long_span else "j M"
    slots = (last - first).days // step
    sample = _format_date(last, date_format)
    gap = _text_width(sample, font) + font * 1.2
    per_slot = (x_of(last) - x_of(first)) / slots if slots else math.inf
    every = max(1, math.ceil(gap / per_slot), math.ceil(slots / (MAX_X_LABELS - 1)))
    labels: list[XLabel] = []
    day = last
    while day >= first:
        text = _format_date(day, date_format)
        if not labels or labels[-1].text != text:
            x = x_of(day)
            half = _text_width(text, font) / 2
            labels.append(
                XLabel(x=x, text_x=_r(min(max(x, half + 2), width - half - 2)), text=text)
            )
        day -= timedelta(days=step * every)
    return tuple(reversed(labels))


# --- Words -------------------------------------------------------------------------------------


def _format_date(day: date, date_format: str) -> str:
    """`formats.date_format`, remembered per language: a three-year chart labels hundreds of
    weeks, the five charts share their dates, and Django's formatter is the slow part."""
    return _format_date_in(day, date_format, get_language())


@lru_cache(maxsize=8192)
def _format_date_in(day: date, date_format: str, language: str | None) -> str:
    return formats.date_format(day, date_format)


def _date_text(day: date) -> str:
    return _format_date(day, "D j M Y")


def _days_text(count: int) -> str:
    return ngettext("%(count)s day", "%(count)s days", count) % {"count": count}


def _rows(
    points: list[SeriesPoint], bucket: Bucket, unit: str, places: int
) -> tuple[DailyRow, ...]:
    """One table row per point. The language, decimal separator and translated templates are
    looked up once per chart, not once per row: those lookups dominate the cost of a
    three-year chart."""
    language = get_language()
    separator = str(formats.get_format("DECIMAL_SEPARATOR"))

    def value_text(value: float) -> str:
        # number_format without grouping (USE_THOUSAND_SEPARATOR is off), done inline.
        number = f"{round(value, places):.{places}f}".replace(".", separator)
        return f"{number} {unit}" if unit else number

    if bucket == "day":
        return tuple(
            DailyRow(
                date_iso=p.end.isoformat(),
                date_text=_format_date_in(p.end, "D j M Y", language),
                value_text=value_text(p.value),
                days_text="",
            )
            for p in points
        )
    week = _("%(start)s to %(end)s")
    days_texts = {n: _days_text(n) for n in {p.days for p in points}}
    return tuple(
        DailyRow(
            date_iso=p.end.isoformat(),
            date_text=week
            % {
                "start": _format_date_in(p.start, "j M", language),
                "end": _format_date_in(p.end, "j M Y", language),
            },
            value_text=value_text(p.value),
            days_text=days_texts[p.days],
        )
        for p in points
    )


def _labels(rows: Sequence[DailyRow], bucket: Bucket) -> list[str]:
    """Each dot's tooltip, from its table row so the two always agree."""
    if bucket == "day":
        return [f"{r.date_text}: {r.value_text}" for r in rows]
    template = _("Week %(week)s: average %(value)s (%(days)s)")
    return [
        template % {"week": r.date_text, "value": r.value_text, "days": r.days_text} for r in rows
    ]


def _summary(
    title: str,
    points: list[SeriesPoint],
    rows: tuple[DailyRow, ...],
    bucket: Bucket,
    lo: int,
    hi: int,
    lo_label: str,
    hi_label: str,
    run_count: int,
) -> str:
    """What the picture shows, in words: the same facts a sighted reader takes from it."""
    if not points:
        return _("%(title)s: no answers in this period yet.") % {"title": title}
    if len(points) == 1:
        if bucket == "week":
            text = _("%(title)s: one week with answers, %(label)s.") % {
                "title": title,
                "label": _labels(rows, bucket)[0],
            }
        else:
            text = _("%(title)s: one day with an answer, %(value)s on %(date)s.") % {
                "title": title,
                "value": rows[0].value_text,
                "date": rows[0].date_text,
            }
    else:
        # min and max keep the earliest of equal values.
        lowest = rows[min(range(len(points)), key=lambda i: points[i].value)]
        highest = rows[max(range(len(points)), key=lambda i: points[i].value)]
        if bucket == "week":
            total_days = sum(p.days for p in points)
            text = ngettext(
                "%(title)s: weekly averages for %(count)s weeks (%(days)s with an answer) "
                "from %(start)s to %(end)s.",
                "%(title)s: weekly averages for %(count)s weeks (%(days)s with answers) "
                "from %(start)s to %(end)s.",
                total_days,
            ) % {
                "title": title,
                "count": len(points),
                "days": _days_text(total_days),
                "start": _date_text(points[0].start),
                "end": _date_text(points[-1].end),
            }
        else:
            text = _("%(title)s: %(count)s days with an answer, from %(start)s to %(end)s.") % {
                "title": title,
                "count": len(points),
                "start": rows[0].date_text,
                "end": rows[-1].date_text,
            }
        text += " " + _(
            "Lowest %(lowest)s (%(lowest_date)s), highest %(highest)s "
            "(%(highest_date)s), latest %(latest)s."
        ) % {
            "lowest": lowest.value_text,
            "lowest_date": lowest.date_text,
            "highest": highest.value_text,
            "highest_date": highest.date_text,
            "latest": rows[-1].value_text,
        }
        if run_count > 1:
            text += " " + (
                _("The line breaks where a week has no answers.")
                if bucket == "week"
                else _("The line breaks where a day has no answer.")
            )
    if lo_label and hi_label:
        text += " " + _("The scale runs from %(lo)s (%(lo_label)s) to %(hi)s (%(hi_label)s).") % {
            "lo": lo,
            "lo_label": lo_label,
            "hi": hi,
            "hi_label": hi_label,
        }
    return text


# --- The insights page -------------------------------------------------------------------------


@dataclass(frozen=True)
class _ChartSpec:
    metric: Metric
    lo: int
    hi: int
    lo_label: str
    hi_label: str
    unit: str
    places: int = 1


def _specs(trend_: Trend) -> tuple[_ChartSpec, ...]:
    def top(metric: Metric, at_least: int, step: int) -> int:
        """A round ceiling above the largest value, so long sleep or walks stay on the chart."""
        largest = max((p.value for p in trend_[metric].points), default=0.0)
        return max(at_least, math.ceil(largest / step) * step)

    return (
        _ChartSpec("mood", 0, 10, _("very low"), _("very good"), ""),
        _ChartSpec("sleep_hours", 0, top("sleep_hours", 12, 2), "", "", _("hours")),
        _ChartSpec("stress", 0, 10, _("none"), _("very high"), ""),
        _ChartSpec("movement_minutes", 0, top("movement_minutes", 60, 30), "", "", _("minutes"), 0),
        _ChartSpec("connection", 0, 4, _("not at all"), _("very connected"), ""),
    )


def _period_words(trend_: Trend) -> str:
    if trend_.period == "week":
        return _("last 7 days")
    if trend_.period == "month":
        return _("last 30 days")
    return _("all check-ins")


@dataclass(frozen=True)
class MetricPanel:
    """One chart with its metric's period figures (mean, direction), for the insights page."""

    chart: DailyChart
    trend: MetricTrend


def trend_charts(trend_: Trend) -> tuple[DailyChart, ...]:
    """The five charts of the insights page: mood, sleep hours, stress, movement, connection."""
    words = _period_words(trend_)
    return tuple(
        daily_chart(
            spec.metric,
            trend_[spec.metric].points,
            lo=spec.lo,
            hi=spec.hi,
            title=_("%(metric)s, %(period)s")
            % {"metric": metric_name(spec.metric), "period": words},
            lo_label=spec.lo_label,
            hi_label=spec.hi_label,
            unit=spec.unit,
            bucket=trend_.bucket,
            start=trend_.start if trend_.bucket == "day" else None,
            end=trend_.end,
            places=spec.places,
        )
        for spec in _specs(trend_)
    )


def insights_context(days: Sequence[DayPoint], *, period: Period, today: date) -> dict[str, object]:
    """The context `checkins/_insights_body.html` expects, from a client's days (see
    `insights.days`). `today` is the client's local date; the weekly summary ends on it."""
    trend_ = trend(days, period, today)
    charts = trend_charts(trend_)
    return {
        "period": period,
        "trend": trend_,
        "charts": charts,
        "panels": tuple(MetricPanel(chart=c, trend=trend_[c.metric]) for c in charts),
        "associations": associations(days, today),
        "caveat": CAVEAT,
        "summary": weekly_summary(days, today),
    }
