"""Daily check-in charts: geometry, words, and the rendered partials (structure, accessibility)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from html.parser import HTMLParser
from itertools import pairwise

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from heard.checkins.charts import (
    CHAR_WIDTH_EM,
    MAX_X_LABELS,
    NARROW_FONT,
    WIDE_FONT,
    DailyChart,
    daily_chart,
    insights_context,
)
from heard.checkins.insights import DayPoint, SeriesPoint

TODAY = date(2026, 3, 31)
FONTS = {"wide": WIDE_FONT, "narrow": NARROW_FONT}


def day_series(values: dict[int, float]) -> list[SeriesPoint]:
    """Points keyed by days before TODAY."""
    return [
        SeriesPoint(
            start=TODAY - timedelta(days=ago), end=TODAY - timedelta(days=ago), value=v, days=1
        )
        for ago, v in sorted(values.items(), reverse=True)
    ]


def mood_chart(points: list[SeriesPoint], **kwargs: object) -> DailyChart:
    options: dict[str, object] = {
        "lo": 0,
        "hi": 10,
        "title": "Mood, last 30 days",
        "lo_label": "very low",
        "hi_label": "very good",
        "unit": "",
    }
    options.update(kwargs)
    return daily_chart("mood", points, **options)  # type: ignore[arg-type]


def month_of_days() -> list[DayPoint]:
    return [
        DayPoint(
            TODAY - timedelta(days=i),
            1,
            mood=(i * 3) % 11,
            sleep_hours=5 + i % 5,
            stress=i % 8,
            movement_minutes=(i * 13) % 90,
            connection=i % 5,
        )
        for i in range(29, -1, -1)
        if i not in (4, 5, 11)
    ]


# --- Geometry ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "values",
    [
        {0: 5},
        {6: 0, 5: 10, 4: 3},
        {29: 7, 15: 2, 0: 10},
        {ago: (ago * 7) % 11 for ago in range(120)},
    ],
)
def test_every_dot_is_inside_the_plot_and_higher_values_are_higher(
    values: dict[int, float],
) -> None:
    points = day_series(values)
    chart = mood_chart(points, start=TODAY - timedelta(days=29))
    for g in chart.layouts:
        assert len(g.dots) == len(points)
        for dot in g.dots:
            assert g.plot_left <= dot.x <= g.plot_right
            assert g.plot_top <= dot.y <= g.plot_bottom
        for (a, da), (b, db) in pairwise(zip(points, g.dots, strict=True)):
            assert da.x < db.x  # later days further right
            if a.value > b.value:
                assert da.y < db.y
            elif a.value < b.value:
                assert da.y > db.y


@pytest.mark.parametrize(
    ("days_ago", "expected_runs"),
    [
        ([0], []),  # one dot, no line
        ([1, 0], [2]),
        ([5, 4, 3, 1, 0], [3, 2]),  # day 2 missing: the line breaks there
        ([6, 4, 2, 0], []),  # every other day: dots only
        ([9, 8, 7, 6, 0], [4]),
    ],
)
def test_a_missing_day_breaks_the_line(days_ago: list[int], expected_runs: list[int]) -> None:
    chart = mood_chart(day_series(dict.fromkeys(days_ago, 5.0)))
    for g in chart.layouts:
        assert [len(s.split(" ")) for s in g.segments] == expected_runs
        # Every vertex of every segment is one of the dots.
        dots = {f"{d.x:g},{d.y:g}" for d in g.dots}
        assert all(v in dots for s in g.segments for v in s.split(" "))
    consecutive = all(a - b == 1 for a, b in pairwise(days_ago))
    assert chart.has_gaps == (not consecutive)


def test_weekly_points_join_neighbouring_weeks_only() -> None:
    ends = [
        TODAY - timedelta(days=d) for d in (35, 28, 21, 7, 0)
    ]  # the week ending 14 days ago is empty
    points = [SeriesPoint(e - timedelta(days=6), e, 5.0, 4) for e in ends]
    chart = mood_chart(points, bucket="week")
    assert [len(s.split(" ")) for s in chart.wide.segments] == [3, 2]
    assert chart.date_heading == "Week"
    assert chart.has_days_column
    assert [r.days_text for r in chart.rows] == ["4 days"] * 5
    assert "The line breaks where a week has no answers." in chart.summary


def test_values_outside_the_range_are_drawn_at_the_edge_and_kept_in_the_table() -> None:
    chart = daily_chart(
        "sleep_hours",
        day_series({1: 14.0, 0: 6.0}),
        lo=0,
        hi=12,
        title="Sleep",
        lo_label="",
        hi_label="",
        unit="hours",
    )
    assert chart.wide.dots[0].y == chart.wide.plot_top
    assert chart.rows[0].value_text == "14.0 hours"


def test_a_chart_needs_a_range() -> None:
    with pytest.raises(ValueError, match="above"):
        mood_chart(day_series({0: 5}), lo=5, hi=5)


@pytest.mark.parametrize("span", [1, 7, 30, 120, 400, 1100])
def test_date_labels_never_overlap_and_stay_inside_the_picture(span: int) -> None:
    bucket = "week" if span > 120 else "day"
    step = 7 if bucket == "week" else 1
    ends = [TODAY - timedelta(days=d) for d in range(0, span, step)]
    points = [SeriesPoint(e - timedelta(days=step - 1), e, 5.0, step) for e in reversed(ends)]
    chart = mood_chart(points, bucket=bucket)
    for g in chart.layouts:
        font = FONTS[g.variant]
        assert 1 <= len(g.x_labels) <= MAX_X_LABELS
        assert g.x_labels[-1].x == g.dots[-1].x  # the latest day is always labelled
        previous_right = -1.0
        for label in g.x_labels:
            half = len(label.text) * CHAR_WIDTH_EM * font / 2
            assert label.text_x - half >= 0
            assert label.text_x + half <= g.width
            assert label.text_x - half > previous_right
            previous_right = label.text_x + half


def test_y_ticks_are_round_numbers_inside_the_plot() -> None:
    chart = daily_chart(
        "movement_minutes",
        day_series({0: 30}),
        lo=0,
        hi=120,
        title="Movement",
        lo_label="",
        hi_label="",
        unit="minutes",
    )
    for g in chart.layouts:
        labels = [t.label for t in g.y_ticks]
        assert labels[0] == "0"
        assert labels[-1] == "120"
        assert len(labels) <= 6
        assert all(g.plot_top <= t.y <= g.plot_bottom for t in g.y_ticks)
    assert chart.wide.scale_labels == ()


def test_scale_words_sit_at_the_ends_of_the_scale() -> None:
    chart = mood_chart(day_series({0: 5}))
    for g in chart.layouts:
        assert [(s.text, s.y) for s in g.scale_labels] == [
            ("very good", g.plot_top),
            ("very low", g.plot_bottom),
        ]
        assert g.scale_label_x > g.plot_right


# --- Words and table ---------------------------------------------------------------------------


def test_table_rows_match_the_points_oldest_first() -> None:
    points = day_series({9: 2.5, 3: 8, 0: 6.25})
    chart = mood_chart(list(reversed(points)))  # any order in, oldest first out
    assert [r.date_iso for r in chart.rows] == ["2026-03-22", "2026-03-28", "2026-03-31"]
    assert [r.value_text for r in chart.rows] == ["2.5", "8.0", "6.2"]
    assert [r.date_text for r in chart.rows] == [
        "Sun 22 Mar 2026",
        "Sat 28 Mar 2026",
        "Tue 31 Mar 2026",
    ]
    assert [d.label for d in chart.wide.dots] == [
        "Sun 22 Mar 2026: 2.5",
        "Sat 28 Mar 2026: 8.0",
        "Tue 31 Mar 2026: 6.2",
    ]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({}, "Mood, last 30 days: no answers in this period yet."),
        (
            {2: 7},
            "Mood, last 30 days: one day with an answer, 7.0 on Sun 29 Mar 2026. "
            "The scale runs from 0 (very low) to 10 (very good).",
        ),
        (
            {3: 4, 2: 9, 0: 6},
            "Mood, last 30 days: 3 days with an answer, from Sat 28 Mar 2026 to Tue 31 Mar 2026. "
            "Lowest 4.0 (Sat 28 Mar 2026), highest 9.0 (Sun 29 Mar 2026), latest 6.0. "
            "The line breaks where a day has no answer. "
            "The scale runs from 0 (very low) to 10 (very good).",
        ),
    ],
)
def test_the_summary_says_in_words_what_the_picture_shows(
    values: dict[int, float], expected: str
) -> None:
    chart = mood_chart(day_series(values))
    assert chart.summary == expected
    assert chart.is_empty == (not values)


# --- Rendering ---------------------------------------------------------------------------------


class Tags(HTMLParser):
    """Collects (tag, attributes) for every start tag, and all text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for t, attrs in self.tags if t == tag]


def parse(html: str) -> Tags:
    parser = Tags()
    parser.feed(html)
    return parser


def assert_accessible(html: str) -> Tags:
    """Every chart SVG is a labelled image that takes focus; nothing uses inline style or script."""
    assert "style=" not in html
    assert "<script" not in html
    tags = parse(html)
    ids = {attrs["id"] for _tag, attrs in tags.tags if attrs.get("id")}
    for svg in tags.all("svg"):
        if svg.get("aria-hidden") == "true":
            continue  # legend keys
        assert svg["role"] == "img"
        assert svg["tabindex"] == "0"
        labelled_by = (svg["aria-labelledby"] or "").split()
        assert len(labelled_by) == 2
        assert all(i in ids for i in labelled_by)
    return tags


def test_the_chart_renders_an_accessible_svg_and_a_table_row_per_point() -> None:
    chart = mood_chart(day_series({5: 3, 4: 4, 2: 8, 1: 6, 0: 7}))
    html = render_to_string("checkins/_daily_chart.html", {"chart": chart})
    tags = assert_accessible(html)
    assert len(tags.all("svg")) == 3  # wide, narrow, legend key
    assert len(tags.all("circle")) == 2 * 5 + 1
    assert len(tags.all("polyline")) == 2 * 2  # the legend key uses a line
    assert len(tags.all("table")) == 1
    assert len(tags.all("tr")) == 1 + 5
    assert [t["datetime"] for t in tags.all("time")] == [r.date_iso for r in chart.rows]
    assert chart.summary in html
    assert "open" in tags.all("details")[0]  # a short table starts open


def test_a_long_table_starts_closed() -> None:
    chart = mood_chart(day_series(dict.fromkeys(range(20), 5)))
    tags = parse(render_to_string("checkins/_daily_chart.html", {"chart": chart}))
    assert "open" not in tags.all("details")[0]


def test_an_empty_chart_renders_its_message_and_no_drawing() -> None:
    chart = mood_chart([])
    html = render_to_string("checkins/_daily_chart.html", {"chart": chart})
    assert chart.empty_message in html
    assert "<svg" not in html
    assert "<table" not in html


def test_coordinates_keep_a_decimal_point_in_spanish() -> None:
    with translation.override("es"):
        chart = mood_chart(day_series({2: 3.5, 1: 6.5, 0: 7.25}))
        html = render_to_string("checkins/_daily_chart.html", {"chart": chart})
    assert "3,5" in html  # the table speaks Spanish
    for name in ("cx", "cy", "y1", "x1"):
        for value in re.findall(rf'{name}="([^"]*)"', html):
            assert re.fullmatch(r"-?\d+(\.\d+)?", value), (name, value)


@pytest.mark.parametrize("period", ["week", "month", "all"])
def test_the_insights_body_renders_every_part(period: str) -> None:
    context = insights_context(month_of_days(), period=period, today=TODAY)  # type: ignore[arg-type]
    html = render_to_string("checkins/_insights_body.html", context)
    tags = assert_accessible(html)
    current = [a for a in tags.all("a") if a.get("aria-current")]
    assert [(a["href"], a["aria-current"]) for a in current] == [(f"?period={period}", "page")]
    assert {a["href"] for a in tags.all("a")} >= {"?period=week", "?period=month", "?period=all"}
    assert len(tags.all("figure")) == 5
    assert len(tags.all("table")) == 5
    assert "not causes" in html
    text = " ".join(tags.text)
    for association in context["associations"]:  # type: ignore[attr-defined]
        assert association.sentence in text
    assert context["summary"].sentence in text  # type: ignore[attr-defined]


def test_the_insights_body_renders_with_no_checkins_at_all() -> None:
    context = insights_context([], period="week", today=TODAY)
    html = render_to_string("checkins/_insights_body.html", context)
    assert_accessible(html)
    assert "<svg" not in html.replace('aria-hidden="true"', "")
    assert "no answers in this period yet" in html
    assert "A few more check-ins will show" in html
