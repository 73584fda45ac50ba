"""The report as a page and a CSV file shows it: words, cells and bar charts, worked out here so
the template does no arithmetic. Small cells are suppressed for aggregate-only viewers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from heard.outcomes import rules
from heard.outcomes.services import Report

RATE_LABELS = {
    "recovery": gettext_lazy("Recovery"),
    "reliable_improvement": gettext_lazy("Reliable improvement"),
    "reliable_recovery": gettext_lazy("Reliable recovery"),
    "reliable_deterioration": gettext_lazy("Reliable deterioration"),
    "measure_completion": gettext_lazy("Paired measures"),
}

# Bar chart geometry, in SVG units. Each group is a label line with its bar below it, so the
# drawing stays narrow and its 16-unit text stays readable when a phone shrinks it (CSS caps
# its width on wide screens: .heard-report-chart svg).
CHART_WIDTH = 360
BAR_START = 0
BAR_SPACE = 280
LABEL_HEIGHT = 20
ROW_HEIGHT = 50
BAR_HEIGHT = 18
MAX_LABEL_CHARS = 48


def fewer_than() -> str:
    return _("fewer than %(n)s") % {"n": rules.MIN_CELL}


@dataclass(frozen=True)
class Cell:
    value: str  # "42.5%", "fewer than 5" or "none"
    counts: str  # "17 of 40", or ""
    percent: float | None  # None when suppressed or nothing counted


def rate_cell(rate: rules.Rate, *, suppress: bool) -> Cell:
    if suppress and rate.small:
        return Cell(fewer_than(), "", None)
    counts = _("%(n)s of %(total)s") % {"n": rate.numerator, "total": rate.denominator}
    if rate.percent is None:
        return Cell(_("none"), counts, None)
    return Cell(f"{rate.percent}%", counts, rate.percent)


def number_cell(value: float | None, count: int, *, suppress: bool) -> Cell:
    if suppress and count < rules.MIN_CELL:
        return Cell(fewer_than(), "", None)
    counts = _("%(n)s courses of care") % {"n": count}
    return Cell(_("none") if value is None else f"{value:g}", counts, value)


def group_label(report: Report, figures: rules.Figures) -> str:
    if report.group_by == "clinician" and not figures.label:
        return _("No clinician on record")
    return figures.label


@dataclass(frozen=True)
class Row:
    label: str
    episodes: str
    rates: list[Cell]
    sessions: Cell
    wait: Cell

    @property
    def labelled_rates(self) -> list[tuple[str, Cell]]:
        """(column heading, cell) pairs, for the stacked table's labels on a phone."""
        return list(zip(headers(), self.rates, strict=True))


def row(report: Report, figures: rules.Figures, label: str) -> Row:
    suppress = report.aggregate_only
    return Row(
        label=label,
        episodes=fewer_than() if suppress and figures.small else str(figures.episodes),
        rates=[rate_cell(getattr(figures, name), suppress=suppress) for name in rules.RATE_NAMES],
        sessions=number_cell(figures.average_sessions, figures.episodes, suppress=suppress),
        wait=number_cell(figures.median_wait_days, figures.waits, suppress=suppress),
    )


def rows(report: Report) -> list[Row]:
    return [row(report, figures, group_label(report, figures)) for figures in report.groups]


def total_row(report: Report) -> Row:
    return row(report, report.total, _("All"))


def headers() -> list[str]:
    return [str(RATE_LABELS[name]) for name in rules.RATE_NAMES]


@dataclass(frozen=True)
class Bar:
    label: str  # shortened to fit the drawing
    full_label: str
    y: int  # the bar's top
    label_y: int  # the label's baseline, above the bar
    text_y: int  # the value's baseline, beside the bar
    width: float
    value_x: float
    value: str


@dataclass(frozen=True)
class BarChart:
    slug: str
    title: str
    height: int
    bar_height: int
    label_x: int
    bar_x: int
    bars: list[Bar]
    cells: list[tuple[str, Cell]]  # the data table: label, cell


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL_CHARS else label[: MAX_LABEL_CHARS - 1] + "…"


def charts(report: Report, table: Sequence[Row]) -> list[BarChart]:
    """One horizontal bar chart per rate, a bar per group; groups without a figure get text."""
    result = []
    for index, name in enumerate(rules.RATE_NAMES):
        bars = []
        for position, line in enumerate(table):
            cell = line.rates[index]
            width = 0.0 if cell.percent is None else round(BAR_SPACE * cell.percent / 100, 1)
            row_top = position * ROW_HEIGHT
            top = row_top + LABEL_HEIGHT + 4
            bars.append(
                Bar(
                    label=_short(line.label),
                    full_label=line.label,
                    y=top,
                    label_y=row_top + LABEL_HEIGHT - 4,
                    text_y=top + BAR_HEIGHT - 4,
                    width=width,
                    value_x=BAR_START + width + 6,
                    value=cell.value,
                )
            )
        result.append(
            BarChart(
                slug=name.replace("_", "-"),
                title=str(RATE_LABELS[name]),
                height=max(ROW_HEIGHT, ROW_HEIGHT * len(table)),
                bar_height=BAR_HEIGHT,
                label_x=BAR_START,
                bar_x=BAR_START,
                bars=bars,
                cells=[(line.label, line.rates[index]) for line in table],
            )
        )
    return result


def csv_table(report: Report) -> tuple[list[str], list[list[object]]]:
    """Header and rows for the CSV file: each rate as its value, numerator and denominator."""
    header = [_("Group"), _("Episodes ended")]
    for name in rules.RATE_NAMES:
        label = str(RATE_LABELS[name])
        header += [
            label,
            _("%(rate)s: count") % {"rate": label},
            _("%(rate)s: out of") % {"rate": label},
        ]
    header += [_("Average sessions"), _("Median days from referral to first appointment")]
    lines: list[list[object]] = []
    for figures, line in [
        *((f, row(report, f, group_label(report, f))) for f in report.groups),
        (report.total, total_row(report)),
    ]:
        cells: list[object] = [line.label, line.episodes]
        for name, cell in zip(rules.RATE_NAMES, line.rates, strict=True):
            rate: rules.Rate = getattr(figures, name)
            if cell.percent is None and cell.counts == "":
                cells += [cell.value, "", ""]
            else:
                cells += [cell.value, rate.numerator, rate.denominator]
        cells += [line.sessions.value, line.wait.value]
        lines.append(cells)
    return header, lines
