"""Timeline layout rules, tested as pure functions of data and scale."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from ajexplorer.domain.dates import PartialDate
from ajexplorer.domain.model import Dataset
from ajexplorer.presentation import timeline_layout as tl


def measure(text: str) -> float:
    return 7.0 * len(text)


def point(item_id: str, start: float, lane: int = 0, label: str | None = None) -> tl.Item:
    return tl.Item(item_id, lane, start, start + 1 / 365, label or item_id, tl.Shape.DAY)


def test_a_year_only_event_covers_its_whole_year_and_is_not_a_day(dataset: Dataset) -> None:
    items = {item.id: item for item in tl.items_from(dataset, dt.date(2026, 11, 28))}
    accession = next(item for item in items.values() if item.id.startswith("ev-2004-07"))
    assert accession.shape is tl.Shape.PARTIAL
    assert (accession.start, accession.end) == (
        PartialDate(2004, 7).start_value(),
        PartialDate(2004, 8).start_value(),
    )
    day = next(item for item in items.values() if item.id.startswith("ev-2020-11-12"))
    assert day.shape is tl.Shape.DAY


def test_plans_and_programmes_are_bars_and_mechanisms_stay_off_the_timeline(dataset: Dataset) -> None:
    items = {item.id: item for item in tl.items_from(dataset, dt.date(2026, 11, 28))}
    plan = items["doc-asean-japan-plan-of-action-2011-2015"]
    assert plan.shape is tl.Shape.RANGE
    assert (plan.start, plan.end) == (2011.0, 2016.0)
    assert not any(item_id.startswith("m-") for item_id in items)
    lanes = {item.lane for item in items.values()}
    assert lanes == set(range(len(dataset.sections)))


def test_points_too_close_to_tell_apart_cluster_and_open_up_when_zoomed() -> None:
    items = [point("a", 2000.0), point("b", 2000.01), point("c", 2000.02), point("d", 2010.0)]
    index = tl.TimelineIndex.build(items, 1)
    wide = tl.layout_frame(index, tl.Viewport(1970, 2030, 600), measure)
    assert [cluster.count for cluster in wide.clusters] == [3]
    assert [mark.item.id for mark in wide.points] == ["d"]
    close = tl.layout_frame(index, tl.Viewport(1999.99, 2000.05, 600), measure)
    assert close.clusters == []
    assert sorted(mark.item.id for mark in close.points) == ["a", "b", "c"]


def test_every_visible_point_is_shown_once_as_a_mark_or_in_a_cluster() -> None:
    items = [point(f"e{i}", 1980 + i * 0.37, lane=i % 3) for i in range(120)]
    index = tl.TimelineIndex.build(items, 3)
    frame = tl.layout_frame(index, tl.Viewport(1970, 2030, 500), measure)
    assert len(frame.points) + sum(cluster.count for cluster in frame.clusters) == 120


@settings(max_examples=60, deadline=None)
@given(
    starts=st.lists(st.floats(min_value=1973, max_value=2025), min_size=0, max_size=150),
    span=st.floats(min_value=0.05, max_value=80),
    centre=st.floats(min_value=1973, max_value=2025),
    width=st.floats(min_value=200, max_value=2500),
)
def test_labels_never_overlap(starts: list[float], span: float, centre: float, width: float) -> None:
    items = [point(f"e{i}", start, lane=i % 2, label="x" * (3 + i % 25)) for i, start in enumerate(starts)]
    index = tl.TimelineIndex.build(items, 2)
    frame = tl.layout_frame(index, tl.Viewport(centre - span / 2, centre + span / 2, width), measure)
    assert not tl.labels_overlap(frame.labels)
    labelled = {label.item_id for label in frame.labels}
    assert labelled <= {mark.item.id for mark in frame.points}


def test_overlapping_ranges_stack_into_rows() -> None:
    bars = [
        tl.Item("p1", 0, 2011.0, 2016.0, "Plan 2011-2015", tl.Shape.RANGE),
        tl.Item("p2", 0, 2013.0, 2016.0, "JENESYS2.0", tl.Shape.RANGE),
        tl.Item("p3", 0, 2016.0, 2021.0, "Plan 2016-2020", tl.Shape.RANGE),
    ]
    index = tl.TimelineIndex.build(bars, 1)
    rows = {
        mark.item.id: mark.row
        for mark in tl.layout_frame(index, tl.Viewport(2000, 2030, 900), measure).ranges
    }
    assert rows == {"p1": 0, "p2": 1, "p3": 0}


def test_bars_overlapping_in_a_full_row_merge_with_a_count() -> None:
    bars = [tl.Item(f"p{i}", 0, 1980 + i / 4, 1985 + i / 4, f"Plan {i}", tl.Shape.RANGE) for i in range(40)]
    index = tl.TimelineIndex.build(bars, 1)
    assert len(index.lanes[0].rows) == tl.MAX_RANGE_ROWS
    frame = tl.layout_frame(index, tl.Viewport(1970, 2030, 600), measure)
    assert sum(mark.count for mark in frame.ranges) == 40
    assert len(frame.ranges) <= tl.MAX_RANGE_ROWS
    separate = [tl.Item(f"s{i}", 0, 1980 + 2 * i, 1981 + 2 * i, f"S {i}", tl.Shape.RANGE) for i in range(10)]
    apart = tl.layout_frame(tl.TimelineIndex.build(separate, 1), tl.Viewport(1970, 2030, 600), measure)
    assert all(mark.count == 1 for mark in apart.ranges) and len(apart.ranges) == 10


def test_zoom_keeps_the_time_under_the_cursor_in_place() -> None:
    view = tl.Viewport(1970, 2030, 1000)
    anchor = 250.0
    zoomed = tl.zoom(view, 4.0, anchor)
    assert abs(zoomed.t(anchor) - view.t(anchor)) < 1e-9
    assert abs(zoomed.span - 15.0) < 1e-9


def test_zoom_is_bounded() -> None:
    view = tl.Viewport(2000, 2001, 1000)
    assert abs(tl.zoom(view, 1e9, 500).span - tl.MIN_SPAN) < 1e-9
    assert abs(tl.zoom(view, 1e-9, 500).span - tl.MAX_SPAN) < 1e-9


def test_pan_moves_by_pixels() -> None:
    view = tl.pan(tl.Viewport(2000, 2010, 1000), 100)
    assert (view.t0, view.t1) == (2001, 2011)


def test_the_axis_adapts_to_zoom() -> None:
    decades = tl.axis_ticks(tl.Viewport(1900, 2030, 900))
    assert all(int(tick.value) % 10 == 0 for tick in decades)
    assert "1980" in [tick.label for tick in decades]
    lustra = tl.axis_ticks(tl.Viewport(1970, 2030, 900))
    assert {tick.label for tick in lustra if tick.major} == {
        "1970",
        "1980",
        "1990",
        "2000",
        "2010",
        "2020",
        "2030",
    }
    years = tl.axis_ticks(tl.Viewport(2010, 2020, 1200))
    assert [tick.label for tick in years][:3] == ["2010", "2011", "2012"]
    months = tl.axis_ticks(tl.Viewport(2013.0, 2014.0, 1200))
    assert [tick.label for tick in months][:4] == ["2013", "Feb", "Mar", "Apr"]
    days = tl.axis_ticks(tl.Viewport(2020.86, 2020.9, 1200))
    assert any(tick.label.startswith("Nov") or tick.label.isdigit() for tick in days)
    for view in (tl.Viewport(1970, 2030, 900), tl.Viewport(2013.0, 2014.0, 1200)):
        ticks = tl.axis_ticks(view)
        gaps = [view.x(b.value) - view.x(a.value) for a, b in itertools.pairwise(ticks)]
        assert min(gaps) >= tl.MIN_TICK_PX * 0.9


def test_neighbours_follow_time_order() -> None:
    items = [point("late", 2010.0), point("early", 1990.0), point("middle", 2000.0, lane=1)]
    index = tl.TimelineIndex.build(items, 2)
    assert index.neighbour(None, 1).id == "early"  # type: ignore[union-attr]
    assert index.neighbour("early", 1).id == "middle"  # type: ignore[union-attr]
    assert index.neighbour("middle", -1).id == "early"  # type: ignore[union-attr]
    assert index.neighbour("late", 1) is None


def test_ensure_visible_pans_only_when_needed() -> None:
    view = tl.Viewport(2000, 2010, 1000)
    assert tl.ensure_visible(view, 2005, 2005.1) is view
    moved = tl.ensure_visible(view, 2015, 2015.1)
    assert moved.t0 < 2015 < moved.t1
    assert abs(moved.span - view.span) < 1e-9


# --- labels placed where there is room; months and years drawn across their period ---------------------------


def partial(item_id: str, start: float, end: float, lane: int = 0, label: str | None = None) -> tl.Item:
    return tl.Item(item_id, lane, start, end, label or item_id, tl.Shape.PARTIAL)


def covered(frame: tl.Frame, measure: Callable[[str], float]) -> list[str]:
    """Labels that cover a mark, a badge or a bar in their own text row (they would hide what they name)."""
    bad = []
    for label in frame.labels:
        right = label.x + label.width
        if label.row == tl.MARK_TRACK:
            spans = [tl.symbol_span(mark) for mark in frame.points if mark.item.lane == label.lane]
            spans += [
                (c.x - 2, c.x - 2 + tl.badge_width(measure(tl.count_label(c.count))))
                for c in frame.clusters
                if c.lane == label.lane
            ]
        elif label.row < tl.MARK_TRACK:
            row = -2 - label.row
            spans = [(b.x0, b.x1) for b in frame.ranges if b.item.lane == label.lane and b.row == row]
        else:
            spans = []
        bad += [label.item_id for a, b in spans if label.x < b and a < right]
    return bad


def test_a_view_of_one_year_names_its_events_even_in_a_short_lane() -> None:
    """With no room below the marks (a small screen), labels go beside their marks or into free bar rows."""
    names = [
        "Summit on connectivity",
        "Youth exchange launched",
        "Work plan adopted",
        "Ministers meet",
        "Fund",
    ]
    items = [point(f"e{n}", 2013.05 + n * 0.19, label=name) for n, name in enumerate(names)]
    items.append(tl.Item("plan", 0, 2013.6, 2016.0, "A plan", tl.Shape.RANGE))
    index = tl.TimelineIndex.build(items, 1)
    frame = tl.layout_frame(index, tl.Viewport(2013.0, 2014.0, 900), measure, label_rows=0, bar_rows=1)
    assert {label.item_id for label in frame.labels} == {f"e{n}" for n in range(len(names))}
    assert not tl.labels_overlap(frame.labels)
    assert covered(frame, measure) == []
    assert {label.row for label in frame.labels} <= {tl.MARK_TRACK, -2}


@settings(max_examples=60, deadline=None)
@given(
    starts=st.lists(st.floats(min_value=2000, max_value=2004), min_size=0, max_size=60),
    bars=st.lists(st.tuples(st.floats(2000, 2004), st.floats(0.05, 3)), max_size=6),
    rows=st.integers(0, 3),
    width=st.floats(min_value=200, max_value=1600),
)
def test_labels_never_cover_marks_badges_bars_or_each_other(
    starts: list[float], bars: list[tuple[float, float]], rows: int, width: float
) -> None:
    items = [point(f"e{i}", start, label="x" * (3 + i % 30)) for i, start in enumerate(starts)]
    items += [tl.Item(f"b{i}", 0, s, s + d, "bar", tl.Shape.RANGE) for i, (s, d) in enumerate(bars)]
    index = tl.TimelineIndex.build(items, 1)
    frame = tl.layout_frame(index, tl.Viewport(2000.5, 2003.5, width), measure, rows, bar_rows=2)
    assert not tl.labels_overlap(frame.labels)
    assert covered(frame, measure) == []
    assert all(label.x >= -4 and label.x + label.width <= width + tl.LABEL_PAD_PX for label in frame.labels)
    assert all(label.width >= tl.MIN_LABEL_PX or label.width >= measure(label.text) for label in frame.labels)


def test_a_date_known_to_the_month_or_year_stands_in_the_middle_of_it() -> None:
    year = partial("y", 2014.0, 2015.0)
    month = partial("m", 2013 + 11 / 12, 2014.0)
    index = tl.TimelineIndex.build([year, month], 1)
    view = tl.Viewport(2013.5, 2015.5, 1000)
    marks = {mark.item.id: mark for mark in tl.layout_frame(index, view, measure).points}
    left, right = tl.symbol_span(marks["y"])
    assert abs((left + right) / 2 - view.x(2014.5)) < 1e-6
    assert view.x(2014.0) < left  # not at its first day
    assert abs(sum(tl.symbol_span(marks["m"])) / 2 - view.x(2013 + 23 / 24)) < 1e-6


def test_neighbours_from_different_years_do_not_cluster_once_zoomed_to_a_year() -> None:
    items = [point("dec", 2013.995), point("jan", 2014.004), partial("year", 2014.0, 2015.0)]
    index = tl.TimelineIndex.build(items, 1)
    for span in (1.0, 2.0):
        view = tl.Viewport(2014.0 - span / 2, 2014.0 + span / 2, 700)
        frame = tl.layout_frame(index, view, measure)
        for cluster in frame.clusters:
            years = {int(item.anchor) for item in index.lanes[0].points[cluster.first : cluster.last]}
            assert len(years) == 1
        # a year-only event stands mid-year, apart from a January neighbour; December stays with its year
        assert {mark.item.id for mark in frame.points} == {"dec", "jan", "year"}
    wide = tl.layout_frame(index, tl.Viewport(1990, 2030, 700), measure)
    assert [cluster.count for cluster in wide.clusters] == [3]  # far out, close neighbours still cluster
