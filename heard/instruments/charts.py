"""Trend charts for measures: everything a template needs to draw one, worked out in Python.

`trend_chart(instrument, points)` turns a client's scores on one instrument into a `TrendChart`:
SVG geometry (severity bands, cut-off line, axes, the line and its markers), a plain-words
summary for screen readers and the caption, and the rows of the data table that is the chart's
text alternative. `instruments/_trend_chart.html` renders it; the template does no arithmetic.

Design choices, so nobody has to rediscover them:

* Higher totals are drawn higher, for every instrument. WHO-5 (higher is better) is not flipped;
  the summary says which direction is better instead.
* Each integer total owns a slot one unit tall, so band ``lower..upper`` is drawn from
  ``lower - 0.5`` to ``upper + 0.5``: contiguous bands leave no gaps, and a cut-off "10 or more"
  sits on the boundary between 9 and 10.
* Bands are told apart by a text label at the right edge and a light tint, never by colour alone.
  A reliable change is shown by a marker shape (diamond or square) as well as colour.
* The chart is drawn twice: a wide drawing (the requested size) and a taller narrow one
  (360 x 300) that a phone shows at about its natural size. A CSS container query shows one
  and hides the other (display: none, so screen readers meet only one). Scaling one wide
  drawing down to a phone left text too small or the plot too flat.
* Text sizes live in CSS; the WIDE_FONT and NARROW_FONT constants here must match them.
  Labels are spaced with a generous estimate of text width, so they never overlap.
* Incomplete administrations (some questions skipped, no total) are not plotted but keep their
  row in the table.

No ORM here: callers load the scores and pass plain `TrendPoint`s.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Literal, Protocol

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from heard.instruments.change import DETERIORATION, IMPROVEMENT, NO_RELIABLE_CHANGE
from heard.instruments.registry import Band, Instrument

CHANGES = (IMPROVEMENT, DETERIORATION, NO_RELIABLE_CHANGE)

# Text sizes in SVG units: must match "Trend charts" in heard.css. The wide drawing is shown
# at 0.9x to 1.2x (its container is 36rem to 48rem), the narrow one at about 1x.
WIDE_FONT = 14.0
NARROW_FONT = 13.0
NARROW_WIDTH = 360
NARROW_HEIGHT = 300
GUTTER_SHARE = 0.36  # band labels longer than this share of the width wrap onto two lines
# Source Sans is narrow; 0.55 em per character over-estimates a little, which is the safe side.
CHAR_WIDTH_EM = 0.55
MAX_X_LABELS = 6
MAX_Y_TICKS = 6
BAND_TINTS = 5  # heard-trend__band--0 (best) .. --4 (worst) in heard.css
INSET = 16.0  # keeps the first and last markers off the plot's edges
MARKER_SIZE = 7.0  # half-diagonal of the change markers


@dataclass(frozen=True)
class TrendPoint:
    """One completed administration. `total` is None when questions were skipped."""

    when: datetime
    total: int | None
    severity: str | None
    change: str | None  # vs the first score: IMPROVEMENT, DETERIORATION, NO_RELIABLE_CHANGE


@dataclass(frozen=True)
class LabelLine:
    text: str
    dy: str  # offset from the previous line (or the band's middle), in em of the CSS text size


@dataclass(frozen=True)
class BandRect:
    """A severity band: a tinted strip across the plot and the label gutter."""

    y: float
    height: float
    label: str
    fill_class: str
    label_y: float  # the band's middle; lines are placed from it in em
    label_lines: tuple[LabelLine, ...]  # one line, or two when the label is long
    show_label: bool  # False only when the band is too thin for its text (the table names it)


@dataclass(frozen=True)
class CasenessLine:
    """The clinical cut-off, drawn as a dashed line; explained in the legend."""

    y: float
    value: int
    description: str


@dataclass(frozen=True)
class YTick:
    y: float
    label: str


@dataclass(frozen=True)
class XLabel:
    x: float  # where the tick mark goes (the score's date)
    text_x: float  # where the text is centred (kept inside the picture)
    text: str


MarkerKind = Literal["score", "improvement", "deterioration"]


@dataclass(frozen=True)
class Marker:
    """A plotted score. Change markers carry an SVG path; plain scores are circles."""

    x: float
    y: float
    label: str
    kind: MarkerKind
    path: str  # "" for a plain score


@dataclass(frozen=True)
class TableRow:
    date_iso: str
    date_text: str
    score_text: str
    band: str
    change_text: str
    is_scored: bool


@dataclass(frozen=True)
class ChartLayout:
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
    band_width: float  # bands run from the plot's left edge through the label gutter
    band_label_x: float
    tick_label_x: float
    tick_mark_x: float  # left end of the y-axis tick marks
    x_tick_y: float  # bottom end of the x-axis tick marks
    x_label_y: float
    bands: tuple[BandRect, ...]
    band_edges: tuple[float, ...]  # y of the lines between neighbouring bands
    caseness: CasenessLine | None
    y_ticks: tuple[YTick, ...]
    grid_lines: bool  # faint lines at the ticks, when there are no bands to read against
    x_labels: tuple[XLabel, ...]
    line_points: str  # SVG polyline "x,y x,y"; "" when fewer than two scores
    markers: tuple[Marker, ...]

    @property
    def change_markers(self) -> tuple[Marker, ...]:
        return tuple(m for m in self.markers if m.kind != "score")


@dataclass(frozen=True)
class TrendChart:
    """Everything `instruments/_trend_chart.html` needs, precomputed.

    `wide` is laid out at the requested size for pages and print; `narrow` is a taller
    drawing for phones and narrow columns. Words, legend flags and the table are shared.
    """

    dom_id: str
    instrument_name: str
    title: str
    summary: str
    empty_message: str  # shown instead of a chart when there are no administrations
    wide: ChartLayout
    narrow: ChartLayout
    caseness_description: str  # "" when the instrument has no cut-off
    has_bands: bool
    has_improvement: bool
    has_deterioration: bool
    higher_is_better: bool
    table_caption: str
    rows: tuple[TableRow, ...]
    has_band_column: bool
    has_change_column: bool
    unscored_colspan: int  # an unscored row's one cell spans score, band and change
    is_empty: bool  # no administrations at all
    has_plot: bool  # at least one scored administration
    single_point: bool  # exactly one scored administration
    unscored_count: int

    @property
    def layouts(self) -> tuple[ChartLayout, ChartLayout]:
        return (self.wide, self.narrow)


def trend_chart(
    instrument: Instrument,
    points: Sequence[TrendPoint],
    *,
    width: int = 640,
    height: int = 260,
    tz: tzinfo | None = None,
    dom_id: str | None = None,
) -> TrendChart:
    """Lay out a trend chart for one client's scores on one instrument.

    `points` may come in any order; they are shown oldest first. `width` and `height` size
    the wide drawing in SVG units (the CSS text size assumes about 640 wide). `tz` is the
    zone dates are shown in (default: the active zone). `dom_id` prefixes the element ids,
    for pages that show the same instrument twice (default: ``trend-<instrument id>``).
    """
    zone = tz or timezone.get_current_timezone()
    ordered = sorted(points, key=lambda p: p.when)
    for p in ordered:
        if p.change is not None and p.change not in CHANGES:
            raise ValueError(f"Unknown change {p.change!r}; expected one of {CHANGES}.")
    scored = [p for p in ordered if p.total is not None]
    local = {id(p): p.when.astimezone(zone) for p in ordered}
    name = instrument.name
    prefix = dom_id or f"trend-{_slug(instrument.id)}"
    baseline = scored[0] if scored else None

    def layout(variant: Literal["wide", "narrow"], w: int, h: int, font: float) -> ChartLayout:
        return _layout(
            instrument,
            scored,
            local,
            baseline,
            variant=variant,
            dom_id=f"{prefix}-{variant}",
            width=w,
            height=h,
            font=font,
        )

    wide = layout("wide", width, height, WIDE_FONT)
    narrow = layout("narrow", NARROW_WIDTH, NARROW_HEIGHT, NARROW_FONT)
    rows = tuple(
        _row(p, local[id(p)], instrument.max_total, baseline=p is baseline) for p in ordered
    )
    unscored = len(ordered) - len(scored)
    has_band_column = any(r.band for r in rows)
    has_change_column = any(p.change for p in ordered if p is not baseline)
    return TrendChart(
        dom_id=prefix,
        instrument_name=name,
        title=_("%(name)s scores over time") % {"name": name},
        summary=_summary(instrument, scored, unscored, local),
        empty_message=_empty_message(name),
        wide=wide,
        narrow=narrow,
        caseness_description=wide.caseness.description if wide.caseness else "",
        has_bands=bool(wide.bands),
        has_improvement=any(m.kind == "improvement" for m in wide.markers),
        has_deterioration=any(m.kind == "deterioration" for m in wide.markers),
        higher_is_better=instrument.higher_is_better,
        table_caption=_("%(name)s scores, oldest first") % {"name": name},
        rows=rows,
        has_band_column=has_band_column,
        has_change_column=has_change_column,
        unscored_colspan=1 + has_band_column + has_change_column,
        is_empty=not ordered,
        has_plot=bool(scored),
        single_point=len(scored) == 1,
        unscored_count=unscored,
    )


def _layout(
    instrument: Instrument,
    scored: list[TrendPoint],
    local: dict[int, datetime],
    baseline: TrendPoint | None,
    *,
    variant: Literal["wide", "narrow"],
    dom_id: str,
    width: int,
    height: int,
    font: float,
) -> ChartLayout:
    lo, hi = instrument.min_total, instrument.max_total
    domain_lo, domain_hi = lo - 0.5, hi + 0.5
    top, bottom = font, height - (font * 1.6 + 12)  # room for the dates under the plot
    ticks = _tick_values(lo, hi, bottom - top, font)
    left = math.ceil(max(_text_width(str(v), font) for v in ticks) + 12)

    bands = sorted(instrument.bands, key=lambda b: b.lower)
    label_lines = [_wrap(b.label, width * GUTTER_SHARE, font) for b in bands]
    longest = max((_text_width(s, font) for lines in label_lines for s in lines), default=0.0)
    right = width - (math.ceil(longest + 20) if bands else 12)

    def y_of(value: float) -> float:
        return _r(bottom - (value - domain_lo) / (domain_hi - domain_lo) * (bottom - top))

    band_rects = tuple(
        _band_rect(
            i, len(bands), b, lines, y_of, font, higher_is_better=instrument.higher_is_better
        )
        for i, (b, lines) in enumerate(zip(bands, label_lines, strict=True))
    )

    # x: proportional to time between the first and last scored dates.
    x_lo, x_hi = left + INSET, right - INSET
    first_t = scored[0].when.timestamp() if scored else 0.0
    span = (scored[-1].when.timestamp() - first_t) if scored else 0.0

    def x_of(p: TrendPoint) -> float:
        if span <= 0:
            return _r((x_lo + x_hi) / 2)
        return _r(x_lo + (p.when.timestamp() - first_t) / span * (x_hi - x_lo))

    one_year = len({local[id(p)].year for p in scored}) <= 1
    short_format = "j M" if one_year else "M Y"
    x_labels = _x_labels(
        [(x_of(p), formats.date_format(local[id(p)], short_format)) for p in scored],
        width,
        font,
    )
    markers = tuple(
        _marker(
            p,
            total,
            x_of(p),
            y_of(total),
            _date_text(local[id(p)]),
            instrument.max_total,
            baseline=p is baseline,
        )
        for p in scored
        if (total := p.total) is not None
    )
    return ChartLayout(
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
        plot_height=bottom - top,
        band_width=width - left,
        band_label_x=right + 10,
        tick_label_x=left - 8,
        tick_mark_x=left - 5,
        x_tick_y=bottom + 5,
        x_label_y=_r(bottom + 6 + font),
        bands=band_rects,
        band_edges=tuple(b.y for b in band_rects[:-1]),
        caseness=_caseness_line(instrument, y_of),
        y_ticks=tuple(YTick(y=y_of(v), label=str(v)) for v in ticks),
        grid_lines=not band_rects,
        x_labels=x_labels,
        line_points=" ".join(f"{m.x:g},{m.y:g}" for m in markers) if len(markers) > 1 else "",
        markers=markers,
    )


# --- Layout helpers ----------------------------------------------------------------------------


def _r(value: float) -> float:
    """Round for compact SVG: a tenth of a unit is finer than any screen shows."""
    return round(value, 1)


def _slug(value: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", value.lower()).strip("-") or "chart"


def _text_width(text: str, font: float) -> float:
    return len(text) * CHAR_WIDTH_EM * font


def _wrap(label: str, max_width: float, font: float) -> tuple[str, ...]:
    """One line if it fits, otherwise two, split at the space nearest the middle."""
    if _text_width(label, font) <= max_width or " " not in label:
        return (label,)
    spaces = [i for i, ch in enumerate(label) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - len(label) / 2))
    return (label[:cut], label[cut + 1 :])


def _tick_values(lo: int, hi: int, plot_height: float, font: float) -> list[int]:
    """Round-numbered ticks, at most six, far enough apart for the text."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100):
        first = math.ceil(lo / step) * step
        values = list(range(first, hi + 1, step))
        spacing = step / (hi - lo + 1) * plot_height
        if len(values) <= MAX_Y_TICKS and spacing >= font * 1.3:
            return values
    return [lo, hi]


def _band_rect(
    index: int,
    count: int,
    band: Band,
    lines: tuple[str, ...],
    y_of: _YOf,
    font: float,
    *,
    higher_is_better: bool,
) -> BandRect:
    y_top, y_bottom = y_of(band.upper + 0.5), y_of(band.lower - 0.5)
    # Tint by how concerning the band is: 0 is the best band, BAND_TINTS - 1 the worst.
    rank = count - 1 - index if higher_is_better else index
    tint = round(rank * (BAND_TINTS - 1) / (count - 1)) if count > 1 else 0
    placed: tuple[LabelLine, ...]
    if len(lines) == 1:
        placed = (LabelLine(lines[0], "0.35em"),)
    else:
        placed = (LabelLine(lines[0], "-0.18em"), LabelLine(lines[1], "1.05em"))
    height = y_bottom - y_top
    return BandRect(
        y=y_top,
        height=_r(height),
        label=band.label,
        fill_class=f"heard-trend__band--{tint}",
        label_y=_r((y_top + y_bottom) / 2),
        label_lines=placed,
        show_label=height >= font * 1.1 * len(lines),
    )


class _YOf(Protocol):
    def __call__(self, value: float, /) -> float: ...


def _caseness_line(instrument: Instrument, y_of: _YOf) -> CasenessLine | None:
    """The cut-off sits between the last total below it and the first at or above it, for
    both operators: ">= 10" and "< 13" (WHO-5) each draw the line at value - 0.5."""
    caseness = instrument.caseness
    if caseness is None:
        return None
    value = caseness.value  # AUDIT-C and PC-PTSD-5: the default cut-off
    if caseness.operator == "<":
        text = _("Dashed line: the clinical cut-off (below %(value)s).")
    else:
        text = _("Dashed line: the clinical cut-off (%(value)s or more).")
    return CasenessLine(y=y_of(value - 0.5), value=value, description=text % {"value": value})


def _x_labels(candidates: list[tuple[float, str]], width: int, font: float) -> tuple[XLabel, ...]:
    """Dates under the plot: never overlapping, at most six, first and last kept when possible."""
    unique: list[tuple[float, str]] = []
    for x, text in candidates:
        if not unique or unique[-1][1] != text:
            unique.append((x, text))
    if not unique:
        return ()
    widest = max(_text_width(text, font) for _x, text in unique)
    gap = widest + font * 0.8

    last = unique[-1]
    chosen = [unique[0]] if len(unique) == 1 or last[0] - unique[0][0] >= gap else []
    for item in unique[1:-1]:
        previous = chosen[-1][0] if chosen else -math.inf
        if item[0] - previous >= gap and last[0] - item[0] >= gap:
            chosen.append(item)
    if len(unique) > 1:
        chosen.append(last)
    if len(chosen) > MAX_X_LABELS:
        step = (len(chosen) - 1) / (MAX_X_LABELS - 1)
        chosen = [chosen[round(i * step)] for i in range(MAX_X_LABELS)]

    labels = []
    for x, text in chosen:
        half = _text_width(text, font) / 2
        text_x = min(max(x, half + 2), width - half - 2)
        labels.append(XLabel(x=x, text_x=_r(text_x), text=text))
    return tuple(labels)


# --- Words -------------------------------------------------------------------------------------


def _date_text(when: datetime) -> str:
    return formats.date_format(when, "j M Y")


def _score_text(total: int, max_total: int) -> str:
    return _("%(total)s of %(max)s") % {"total": total, "max": max_total}


def _change_text(change: str | None) -> str:
    return {
        IMPROVEMENT: _("Reliable improvement"),
        DETERIORATION: _("Reliable deterioration"),
        NO_RELIABLE_CHANGE: _("No reliable change"),
    }.get(change or "", "")


def _marker(
    point: TrendPoint,
    total: int,
    x: float,
    y: float,
    date_text: str,
    max_total: int,
    *,
    baseline: bool,
) -> Marker:
    label = f"{date_text}: {_score_text(total, max_total)}"
    if point.severity:
        label += f", {point.severity}"
    kind: MarkerKind = "score"
    path = ""
    s = MARKER_SIZE
    if point.change == IMPROVEMENT and not baseline:
        kind = "improvement"
        path = f"M{x:g} {_r(y - s):g}L{_r(x + s):g} {y:g}L{x:g} {_r(y + s):g}L{_r(x - s):g} {y:g}Z"
        note = _("reliable improvement since the first score")
        label += f" ({note})"
    elif point.change == DETERIORATION and not baseline:
        kind = "deterioration"
        h = _r(s * 0.8)
        path = f"M{_r(x - h):g} {_r(y - h):g}h{2 * h:g}v{2 * h:g}h{-2 * h:g}Z"
        note = _("reliable deterioration since the first score")
        label += f" ({note})"
    return Marker(x=x, y=y, label=label, kind=kind, path=path)


def _row(point: TrendPoint, when: datetime, max_total: int, *, baseline: bool) -> TableRow:
    if point.total is None:
        score = _("Not scored (some questions skipped)")
    else:
        score = _score_text(point.total, max_total)
    change = _("First score") if baseline else _change_text(point.change)
    return TableRow(
        date_iso=when.date().isoformat(),
        date_text=_date_text(when),
        score_text=score,
        band=(point.severity or "") if point.total is not None else "",
        change_text=change,
        is_scored=point.total is not None,
    )


def _summary(
    instrument: Instrument,
    scored: list[TrendPoint],
    unscored: int,
    local: dict[int, datetime],
) -> str:
    name = instrument.name
    if not scored:
        if not unscored:
            return _("%(name)s: no scores yet.") % {"name": name}
        return ngettext(
            "%(name)s: %(count)s set of answers so far, not scored because some questions "
            "were skipped.",
            "%(name)s: %(count)s sets of answers so far, none scored because some questions "
            "were skipped.",
            unscored,
        ) % {"name": name, "count": unscored}
    if len(scored) == 1:
        only = scored[0]
        score = _score_text(only.total or 0, instrument.max_total)
        if only.severity:
            score = f"{score} ({only.severity})"
        text = _("%(name)s: one score so far, %(score)s on %(date)s.") % {
            "name": name,
            "score": score,
            "date": _date_text(local[id(only)]),
        }
    else:
        first, latest = scored[0], scored[-1]
        start, end = local[id(first)], local[id(latest)]
        start_text = (
            formats.date_format(start, "j M") if start.year == end.year else _date_text(start)
        )
        text = ngettext(
            "%(name)s: %(count)s score from %(start)s to %(end)s.",
            "%(name)s: %(count)s scores from %(start)s to %(end)s.",
            len(scored),
        ) % {"name": name, "count": len(scored), "start": start_text, "end": _date_text(end)}
        change = {
            IMPROVEMENT: _("reliable improvement"),
            DETERIORATION: _("reliable deterioration"),
            NO_RELIABLE_CHANGE: _("no reliable change"),
        }.get(latest.change or "")
        if change:
            text += " " + _("First %(first)s, latest %(latest)s: %(change)s.") % {
                "first": first.total,
                "latest": latest.total,
                "change": change,
            }
        else:
            text += " " + _("First %(first)s, latest %(latest)s.") % {
                "first": first.total,
                "latest": latest.total,
            }
    if instrument.higher_is_better:
        text += " " + _("On this measure, higher scores are better.")
    if unscored:
        text += " " + ngettext(
            "%(count)s more was not scored because some questions were skipped.",
            "%(count)s more were not scored because some questions were skipped.",
            unscored,
        ) % {"count": unscored}
    return text


def _empty_message(name: str) -> str:
    return _("No %(name)s scores yet. They will show here after the first one is completed.") % {
        "name": name
    }
