"""Trend charts: geometry, words, and the rendered partial (structure and accessibility)."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, timezone
from html.parser import HTMLParser

import pytest
from django.template.loader import render_to_string
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from heard.instruments import change as change_rules
from heard.instruments.charts import (
    CHAR_WIDTH_EM,
    NARROW_FONT,
    WIDE_FONT,
    ChartLayout,
    TrendChart,
    TrendPoint,
    trend_chart,
)
from heard.instruments.registry import Band, Instrument, all_instruments, get_instrument

quick = settings(database=None, deadline=None, max_examples=100)
START = datetime(2026, 1, 3, 10, 0, tzinfo=UTC)


def series(
    instrument_id: str,
    totals: Sequence[int | None],
    *,
    start: datetime = START,
    step: timedelta = timedelta(days=14),
) -> list[TrendPoint]:
    """Points the way callers build them: severity from the bands, change vs the first score."""
    instrument = get_instrument(instrument_id)
    first = next((t for t in totals if t is not None), None)
    points = []
    for i, total in enumerate(totals):
        change = None
        if i and total is not None and first is not None:
            change = change_rules.reliable_change(instrument_id, first, total)
        severity = next(
            (
                b.label
                for b in instrument.bands
                if total is not None and b.lower <= total <= b.upper
            ),
            None,
        )
        points.append(TrendPoint(start + step * i, total, severity, change))
    return points


def chart_for(
    instrument_id: str,
    totals: Sequence[int | None],
    *,
    start: datetime = START,
    step: timedelta = timedelta(days=14),
) -> TrendChart:
    points = series(instrument_id, totals, start=start, step=step)
    return trend_chart(get_instrument(instrument_id), points, tz=UTC)


def layouts(chart: TrendChart) -> tuple[ChartLayout, ChartLayout]:
    return chart.layouts


# --- Geometry ----------------------------------------------------------------------------------


def test_higher_totals_are_drawn_higher_on_every_instrument() -> None:
    for instrument in all_instruments():
        lo, hi = instrument.min_total, instrument.max_total
        chart = chart_for(instrument.id, [lo, (lo + hi) // 2, hi])
        for g in layouts(chart):
            ys = [m.y for m in g.markers]
            assert ys[0] > ys[1] > ys[2], instrument.id  # SVG y grows downwards
            assert g.plot_top <= ys[2]
            assert ys[0] <= g.plot_bottom


def test_who5_is_not_flipped_higher_is_still_up() -> None:
    chart = chart_for("who-5", [8, 16])
    first, latest = chart.wide.markers
    assert latest.y < first.y


def test_bands_cover_the_whole_range_without_gaps_or_overlaps() -> None:
    for instrument_id in ("phq-9", "gad-7", "k10"):
        for g in layouts(chart_for(instrument_id, [get_instrument(instrument_id).min_total])):
            bands = g.bands  # lowest band first
            assert bands[0].y + bands[0].height == pytest.approx(g.plot_bottom, abs=0.11)
            assert bands[-1].y == pytest.approx(g.plot_top, abs=0.11)
            for lower, upper in itertools.pairwise(bands):
                assert upper.y + upper.height == pytest.approx(lower.y, abs=0.11)
            assert g.band_edges == tuple(b.y for b in bands[:-1])


def test_bands_are_labelled_in_text_and_tinted_from_least_to_most_concerning() -> None:
    chart = chart_for("phq-9", [12])
    labels = [b.label for b in chart.wide.bands]
    assert labels == ["none/minimal", "mild", "moderate", "moderately severe", "severe"]
    assert all(b.show_label for g in layouts(chart) for b in g.bands)
    assert [b.fill_class for b in chart.wide.bands] == [f"heard-trend__band--{i}" for i in range(5)]
    # Four bands still run from the lightest tint to the strongest.
    gad = chart_for("gad-7", [3]).wide.bands
    assert (gad[0].fill_class, gad[-1].fill_class) == (
        "heard-trend__band--0",
        "heard-trend__band--4",
    )


def test_tints_follow_what_is_better_when_higher_is_better() -> None:
    who5 = dataclasses.replace(
        get_instrument("who-5"), bands=(Band(0, 12, "low"), Band(13, 25, "fair"))
    )
    chart = trend_chart(who5, [TrendPoint(START, 10, "low", None)], tz=UTC)
    low, fair = chart.wide.bands
    assert (low.fill_class, fair.fill_class) == ("heard-trend__band--4", "heard-trend__band--0")


def test_a_long_band_label_wraps_onto_two_lines() -> None:
    phq9 = get_instrument("phq-9")
    long_label = dataclasses.replace(
        phq9, bands=(Band(0, 9, "low"), Band(10, 27, "a label far too long for the gutter"))
    )
    chart = trend_chart(long_label, [TrendPoint(START, 12, None, None)], tz=UTC)
    lines = chart.narrow.bands[1].label_lines
    assert len(lines) == 2
    assert " ".join(line.text for line in lines) == "a label far too long for the gutter"


def test_the_cut_off_sits_between_the_totals_either_side_of_it() -> None:
    phq9 = chart_for("phq-9", [9, 10])
    below, at = phq9.wide.markers
    assert phq9.wide.caseness is not None
    assert at.y < phq9.wide.caseness.y < below.y
    # PHQ-9's ">= 10" is also the mild/moderate band edge.
    assert phq9.wide.caseness.y in phq9.wide.band_edges
    assert phq9.caseness_description == "Dashed line: the clinical cut-off (10 or more)."

    who5 = chart_for("who-5", [12, 13])  # "< 13": 12 is at caseness, 13 is not
    at, above = who5.wide.markers
    assert who5.wide.caseness is not None
    assert above.y < who5.wide.caseness.y < at.y
    assert who5.caseness_description == "Dashed line: the clinical cut-off (below 13)."


def test_points_are_shown_oldest_first_whatever_order_they_come_in() -> None:
    points = series("phq-9", [20, 15, 10, 5])
    chart = trend_chart(get_instrument("phq-9"), list(reversed(points)), tz=UTC)
    xs = [m.x for m in chart.wide.markers]
    assert xs == sorted(xs)
    assert [r.score_text for r in chart.rows] == ["20 of 27", "15 of 27", "10 of 27", "5 of 27"]
    assert chart.rows[0].change_text == "First score"


def test_x_is_proportional_to_time() -> None:
    phq9 = get_instrument("phq-9")
    points = [
        TrendPoint(START, 10, None, None),
        TrendPoint(START + timedelta(days=1), 10, None, None),
        TrendPoint(START + timedelta(days=10), 10, None, None),
    ]
    a, b, c = trend_chart(phq9, points, tz=UTC).wide.markers
    assert (c.x - a.x) == pytest.approx((b.x - a.x) * 10, abs=0.5)


def test_date_labels_are_at_most_six_in_order_and_never_overlap() -> None:
    chart = chart_for("gad-7", list(range(21)) * 2, step=timedelta(days=3))
    assert len(chart.wide.markers) == 42
    for g, font in ((chart.wide, WIDE_FONT), (chart.narrow, NARROW_FONT)):
        labels = g.x_labels
        assert 2 <= len(labels) <= 6
        xs = [label.text_x for label in labels]
        assert xs == sorted(xs)
        for left, right in itertools.pairwise(labels):
            room = (len(left.text) + len(right.text)) / 2 * CHAR_WIDTH_EM * font
            assert right.text_x - left.text_x >= room
        assert labels[0].text == "3 Jan"
        assert labels[-1].text == "6 May"
    # The narrow drawing has less room, so it never shows more dates than the wide one.
    assert len(chart.narrow.x_labels) <= len(chart.wide.x_labels)


def test_date_labels_show_the_month_and_year_when_scores_cross_a_new_year() -> None:
    start = datetime(2025, 11, 20, tzinfo=UTC)
    chart = chart_for("phq-9", [10, 12, 9], start=start, step=timedelta(days=30))
    assert [label.text for label in chart.wide.x_labels] == ["Nov 2025", "Dec 2025", "Jan 2026"]


def test_dates_are_shown_in_the_requested_time_zone() -> None:
    late = datetime(2026, 3, 13, 23, 30, tzinfo=UTC)  # already 14 March in UTC+2
    chart = trend_chart(
        get_instrument("phq-9"),
        [TrendPoint(late, 12, "moderate", None)],
        tz=timezone(timedelta(hours=2)),
    )
    assert chart.rows[0].date_text == "14 Mar 2026"
    assert chart.rows[0].date_iso == "2026-03-14"
    assert chart.wide.markers[0].label == "14 Mar 2026: 12 of 27, moderate"


def test_incomplete_answers_are_left_off_the_line_but_kept_in_the_table() -> None:
    chart = chart_for("phq-9", [18, None, 14, None, 9])
    assert len(chart.rows) == 5
    assert len(chart.wide.markers) == 3
    assert len(chart.wide.line_points.split()) == 3
    skipped = chart.rows[1]
    assert skipped.score_text == "Not scored (some questions skipped)"
    assert not skipped.is_scored
    assert skipped.band == ""
    assert skipped.change_text == ""
    assert chart.unscored_count == 2
    assert chart.summary.endswith("2 more were not scored because some questions were skipped.")


def test_reliable_changes_get_their_own_marker_shapes() -> None:
    chart = chart_for("gad-7", [8, 13, 9, 3])  # +5 worse, +1, -5 better (threshold 4)
    kinds = [m.kind for m in chart.wide.markers]
    assert kinds == ["score", "deterioration", "score", "improvement"]
    assert chart.has_improvement
    assert chart.has_deterioration
    assert all(m.path.startswith("M") for m in chart.wide.change_markers)
    assert chart.wide.markers[3].label == (
        "14 Feb 2026: 3 of 21, minimal (reliable improvement since the first score)"
    )


def test_an_unknown_change_word_is_refused() -> None:
    with pytest.raises(ValueError, match="Unknown change"):
        trend_chart(get_instrument("phq-9"), [TrendPoint(START, 5, None, "better")], tz=UTC)


# --- Words -------------------------------------------------------------------------------------


def test_the_summary_says_how_many_when_and_what_changed() -> None:
    totals = [18, 16, 14, 12, 11, 9]
    points = series("phq-9", totals, step=timedelta(days=14))
    points[-1] = dataclasses.replace(points[-1], when=datetime(2026, 3, 14, 9, tzinfo=UTC))
    chart = trend_chart(get_instrument("phq-9"), points, tz=UTC)
    assert chart.summary == (
        "PHQ-9: 6 scores from 3 Jan to 14 Mar 2026. First 18, latest 9: reliable improvement."
    )


def test_who5_going_up_is_an_improvement_and_the_summary_says_higher_is_better() -> None:
    chart = chart_for("who-5", [8, 12, 16])
    assert chart.summary == (
        "WHO-5: 3 scores from 3 Jan to 31 Jan 2026. First 8, latest 16: reliable improvement. "
        "On this measure, higher scores are better."
    )
    assert chart.wide.markers[-1].kind == "improvement"
    worse = chart_for("who-5", [16, 8])
    assert "reliable deterioration" in worse.summary
    assert worse.wide.markers[-1].kind == "deterioration"


def test_the_summary_names_the_years_when_they_differ() -> None:
    chart = chart_for("gad-7", [10, 10], start=datetime(2025, 12, 20, tzinfo=UTC))
    assert chart.summary.startswith("GAD-7: 2 scores from 20 Dec 2025 to 3 Jan 2026. ")
    assert chart.summary.endswith("First 10, latest 10: no reliable change.")


def test_without_a_reliable_change_threshold_the_summary_just_gives_the_scores() -> None:
    chart = chart_for("phq-2", [4, 1])
    assert chart.summary == "PHQ-2: 2 scores from 3 Jan to 17 Jan 2026. First 4, latest 1."
    assert not chart.has_band_column
    assert not chart.has_change_column
    assert chart.wide.grid_lines
    assert chart.wide.bands == ()


def test_one_score_so_far() -> None:
    chart = chart_for("phq-9", [12])
    assert chart.single_point
    assert chart.has_plot
    assert chart.summary == "PHQ-9: one score so far, 12 of 27 (moderate) on 3 Jan 2026."
    assert chart.wide.line_points == ""
    (marker,) = chart.wide.markers
    assert chart.wide.plot_left < marker.x < chart.wide.plot_right


def test_no_scores_yet() -> None:
    chart = trend_chart(get_instrument("gad-7"), [], tz=UTC)
    assert chart.is_empty
    assert not chart.has_plot
    assert chart.rows == ()
    assert chart.wide.markers == ()
    assert chart.empty_message == (
        "No GAD-7 scores yet. They will show here after the first one is completed."
    )


def test_answers_that_could_not_be_scored_are_explained() -> None:
    chart = chart_for("phq-9", [None, None])
    assert not chart.is_empty
    assert not chart.has_plot
    assert chart.summary == (
        "PHQ-9: 2 sets of answers so far, none scored because some questions were skipped."
    )
    assert len(chart.rows) == 2


# --- Properties --------------------------------------------------------------------------------


@st.composite
def charts(draw: st.DrawFn) -> tuple[Instrument, TrendChart]:
    instrument = draw(st.sampled_from(all_instruments()))
    totals = draw(
        st.lists(st.none() | st.integers(instrument.min_total, instrument.max_total), max_size=30)
    )
    gaps = draw(st.lists(st.integers(0, 400), min_size=len(totals), max_size=len(totals)))
    points = []
    when = START
    for total, gap in zip(totals, gaps, strict=True):
        when += timedelta(hours=gap * 6)
        points.append(TrendPoint(when, total, None, None))
    return instrument, trend_chart(instrument, points, tz=UTC)


@quick
@given(charts())
def test_every_chart_stays_inside_its_picture_and_keeps_labels_apart(
    drawn: tuple[Instrument, TrendChart],
) -> None:
    _instrument, chart = drawn
    scored = sum(1 for r in chart.rows if r.is_scored)
    for g in layouts(chart):
        assert len(g.markers) == scored
        for m in g.markers:
            assert g.plot_left <= m.x <= g.plot_right
            assert g.plot_top <= m.y <= g.plot_bottom
        assert len(g.x_labels) <= 6
        xs = [label.text_x for label in g.x_labels]
        assert xs == sorted(xs)
        assert all(0 <= x <= g.width for x in xs)
        assert 2 <= len(g.y_ticks) <= 6
        tick_ys = [t.y for t in g.y_ticks]
        assert tick_ys == sorted(tick_ys, reverse=True)


# --- The rendered partial ----------------------------------------------------------------------


@dataclasses.dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    parents: list[str] = dataclasses.field(default_factory=list)
    ancestors: list[Element] = dataclasses.field(default_factory=list, repr=False)

    def within(self, other: Element) -> bool:
        return any(a is other for a in self.ancestors)


class Tree(HTMLParser):
    """Just enough of the document: every element with its attributes, text and ancestors.
    Fails on mismatched or unclosed tags."""

    VOID = frozenset({"br", "img", "input", "meta", "link", "hr", "col", "source", "wbr"})

    def __init__(self, html: str) -> None:
        super().__init__()
        self.elements: list[Element] = []
        self.stack: list[Element] = []
        self.feed(html)
        self.close()
        assert self.stack == [], "unclosed elements"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = Element(
            tag,
            {k: v or "" for k, v in attrs},
            parents=[a.tag for a in self.stack],
            ancestors=list(self.stack),
        )
        self.elements.append(el)
        if tag not in self.VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        assert self.stack[-1].tag == tag, f"</{tag}> does not match <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        for el in self.stack:
            el.text += data

    def find(self, tag: str, **attrs: str) -> list[Element]:
        """Elements by tag and exact attribute values (class_ for class)."""
        wanted = {k.rstrip("_"): v for k, v in attrs.items()}
        return [
            el
            for el in self.elements
            if el.tag == tag and all(el.attrs.get(k) == v for k, v in wanted.items())
        ]


def render(chart: TrendChart, **context: object) -> str:
    return render_to_string("instruments/_trend_chart.html", {"chart": chart, **context})


def test_the_chart_is_an_image_named_by_its_title_and_summary() -> None:
    chart = chart_for("phq-9", [18, 14, None, 9])
    html = render(chart)
    tree = Tree(html)
    svgs = tree.find("svg", role="img")
    assert len(svgs) == 2  # wide and narrow; CSS shows one
    for svg in svgs:
        ids = svg.attrs["aria-labelledby"].split()
        assert len(ids) == 2
        title_id, desc_id = ids
        (title,) = tree.find("title", id=title_id)
        (desc,) = tree.find("desc", id=desc_id)
        assert title.text == "PHQ-9 scores over time"
        assert desc.text == chart.summary
        assert title.within(svg)
        assert desc.within(svg)
    all_ids = [el.attrs["id"] for el in tree.elements if "id" in el.attrs]
    assert len(all_ids) == len(set(all_ids)), "ids must be unique"
    (caption,) = tree.find("figcaption")
    assert caption.text == chart.summary
    (heading,) = tree.find("h3")
    assert heading.text == "PHQ-9"


def test_the_table_has_a_caption_column_headers_and_one_row_per_answer() -> None:
    chart = chart_for("phq-9", [18, 14, None, 9])
    tree = Tree(render(chart))
    (table,) = tree.find("table")
    assert "usa-table" in table.attrs["class"]
    (caption,) = tree.find("caption")
    assert caption.text == "PHQ-9 scores, oldest first"
    headers = [h.text for h in tree.find("th", scope="col")]
    assert headers == ["Date", "Score", "Severity", "Change since the first score"]
    body_rows = [r for r in tree.find("tr") if "tbody" in r.parents]
    assert len(body_rows) == 4
    assert len(tree.find("th", scope="row")) == 4
    (unscored,) = tree.find("td", colspan="3")
    assert unscored.text == "Not scored (some questions skipped)"


def test_nothing_is_styled_inline_and_nothing_is_scripted() -> None:
    for chart in (
        chart_for("phq-9", [18, 14, None, 9]),
        chart_for("gad-7", [8, 13, 3]),
        chart_for("who-5", [8, 16]),
        chart_for("k10", [27]),
        trend_chart(get_instrument("pcl-5"), [], tz=UTC),
    ):
        html = render(chart)
        assert "style=" not in html
        assert "<script" not in html
        assert not re.search(r"\son[a-z]+=", html)


def test_the_legend_explains_only_what_is_drawn() -> None:
    html = render(chart_for("gad-7", [8, 13, 3]))
    assert "Shaded bands are severity ranges" in html
    assert "Dashed line: the clinical cut-off (10 or more)." in html
    assert "Diamond: a reliable improvement since the first score." in html
    assert "Square: a reliable deterioration since the first score." in html
    plain = render(chart_for("phq-2", [2, 3]))
    assert "Shaded bands" not in plain
    assert "Diamond" not in plain
    assert "Square" not in plain


def test_one_score_shows_the_point_and_its_band_without_a_line() -> None:
    tree = Tree(render(chart_for("phq-9", [12])))
    assert tree.find("polyline") == []
    dots = [
        dot
        for dot in tree.find("circle", class_="heard-trend__mark heard-trend__dot")
        if "li" not in dot.parents  # not the legend's key
    ]
    assert len(dots) == 2  # one in each drawing
    assert "one score so far" in tree.find("figcaption")[0].text
    assert any(el.text == "moderate" for el in tree.find("td"))


def test_no_scores_gives_a_kind_sentence_and_no_empty_chart() -> None:
    html = render(trend_chart(get_instrument("gad-7"), [], tz=UTC))
    tree = Tree(html)
    assert tree.find("svg") == []
    assert tree.find("table") == []
    (message,) = tree.find("p")
    assert message.text == (
        "No GAD-7 scores yet. They will show here after the first one is completed."
    )


def test_answers_without_a_score_show_the_table_but_no_chart() -> None:
    tree = Tree(render(chart_for("phq-9", [None])))
    assert tree.find("svg") == []
    assert len([r for r in tree.find("tr") if "tbody" in r.parents]) == 1


def test_the_heading_can_be_left_to_the_page() -> None:
    assert "<h3" not in render(chart_for("phq-9", [12]), no_heading=True)


def test_coordinates_keep_their_decimal_point_in_spanish() -> None:
    chart = chart_for("phq-9", [18, 13, 9])
    with translation.override("es"):
        html = render(chart)
    tree = Tree(html)
    numeric = {"x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "width", "height"}
    seen = 0
    for el in tree.elements:
        for name, value in el.attrs.items():
            if name in numeric:
                float(value)  # "12,5" would fail here
                seen += 1
            if name in {"viewBox", "d"}:
                assert "," not in value
    assert seen > 50
    points = tree.find("polyline")[0].attrs["points"]
    assert all(re.fullmatch(r"\d+(\.\d)?,\d+(\.\d)?", pair) for pair in points.split())
