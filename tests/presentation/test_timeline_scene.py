"""The timeline's scene, canvas geometry and hit-testing, as pure functions (no Qt)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ajexplorer.domain.loading import load_dataset
from ajexplorer.domain.model import Dataset
from ajexplorer.presentation import timeline_layout as tl
from ajexplorer.presentation import timeline_scene as ts
from ajexplorer.presentation.timeline_scene import fit_lines
from tests.conftest import FIXTURES

TODAY = dt.date(2026, 11, 28)


def measure(text: str) -> float:
    return 7.0 * len(text)


def day(item_id: str, start: float, lane: int = 0) -> tl.Item:
    return tl.Item(item_id, lane, start, start + 1 / 365, f"Event {item_id}", tl.Shape.DAY)


@pytest.fixture(scope="module")
def partner() -> Dataset:
    return load_dataset(FIXTURES / "partner")


def scene_and_frame(
    items: list[tl.Item], extent: tuple[float, float], lanes: int = 2, size: tuple[float, float] = (1000, 400)
) -> tuple[ts.Scene, ts.Geometry, tl.Frame]:
    scene = ts.Scene.build(items, [f"Lane {n}" for n in range(lanes)], TODAY, extent)
    geometry = scene.geometry(*size)
    frame = tl.layout_frame(scene.index, geometry.view(scene.extent), measure, geometry.label_rows())
    return scene, geometry, frame


def test_fit_all_shows_the_datasets_own_span(partner: Dataset) -> None:
    scene = ts.scene_from_dataset(partner, TODAY)
    items = tl.items_from(partner, TODAY)
    first, last = min(item.start for item in items), max(item.end for item in items)
    t0, t1 = scene.extent
    assert t0 <= first and last <= t1
    margin = (last - first) * 0.1
    assert t0 > first - margin and t1 < last + margin  # no years before the data begins


def test_an_empty_timeline_still_has_a_span_to_show() -> None:
    scene = ts.Scene.build([], ["Only lane"], TODAY)
    t0, t1 = scene.extent
    assert t0 < t1 and t0 <= TODAY.year <= t1


def test_lanes_stack_below_the_axis_and_marks_sit_inside_their_lane() -> None:
    geometry = ts.Geometry(1200, 600, lanes=3, range_rows=2)
    tops = [geometry.lane_top(lane) for lane in range(3)]
    assert tops[0] == ts.AXIS_HEIGHT
    assert tops[1] - tops[0] == tops[2] - tops[1] == geometry.lane_height()
    for lane, top in enumerate(tops):
        assert top < geometry.range_y(lane, 0) < geometry.mark_y(lane) < top + geometry.lane_height()
    assert geometry.plot_width() == 1200 - ts.GUTTER - 8


def test_a_short_lane_drops_label_rows_before_bars() -> None:
    tall = ts.Geometry(1000, 2000, lanes=2, range_rows=2)
    short = ts.Geometry(1000, 200, lanes=2, range_rows=2)
    assert tall.label_rows() == tl.LABEL_ROWS
    assert short.label_rows() < tall.label_rows()
    assert short.range_rows_shown() >= 1


def test_full_height_gives_every_lane_all_its_rows() -> None:
    height = ts.full_height(lanes=4, range_rows=3)
    geometry = ts.Geometry(1000, height, lanes=4, range_rows=3)
    assert geometry.label_rows() == tl.LABEL_ROWS
    assert geometry.range_rows_shown() == 3


def test_a_click_on_a_dot_or_near_it_picks_that_record() -> None:
    items = [day("a", 2000.0), day("b", 2010.0, lane=1)]
    _scene, geometry, frame = scene_and_frame(items, (1995.0, 2015.0))
    for item_id in ("a", "b"):
        where = ts.item_position(frame, geometry, item_id)
        assert where is not None
        x, y = where
        assert ts.hit_test(frame, geometry, x, y, measure).item_id == item_id
        assert ts.hit_test(frame, geometry, x + ts.DOT_RADIUS + 3, y, measure).item_id == item_id
    x, y = ts.item_position(frame, geometry, "a") or (0.0, 0.0)
    assert ts.hit_test(frame, geometry, x + 60, y, measure) == ts.Hit()  # empty plot: nothing
    assert ts.hit_test(frame, geometry, x, geometry.mark_y(1), measure).item_id is None  # another lane


def test_a_click_on_a_label_picks_its_record() -> None:
    _scene, geometry, frame = scene_and_frame([day("a", 2000.0)], (1995.0, 2015.0))
    [label] = frame.labels
    x = ts.GUTTER + label.x + label.width - 2
    y = geometry.label_y(label.lane, label.row) + ts.LABEL_ROW / 2
    assert ts.hit_test(frame, geometry, x, y, measure).item_id == "a"


def test_a_click_on_a_badge_gives_the_cluster_not_a_member() -> None:
    items = [day("a", 2000.0), day("b", 2000.01), day("c", 2000.02)]
    scene, geometry, frame = scene_and_frame(items, (1970.0, 2030.0))
    [cluster] = frame.clusters
    rect = ts.badge_rect(cluster, geometry, measure(ts.count_label(cluster.count)))
    hit = ts.hit_test(frame, geometry, ts.GUTTER + rect.right - 1, rect.y + rect.height / 2, measure)
    assert hit.cluster == cluster and hit.item_id is None
    assert [item.id for item in scene.members(cluster)] == ["a", "b", "c"]


def test_a_click_on_a_bar_picks_it_and_on_merged_bars_gives_the_group() -> None:
    bar = tl.Item("plan", 0, 2005.0, 2010.0, "Plan", tl.Shape.RANGE)
    _scene, geometry, frame = scene_and_frame([bar], (2000.0, 2020.0))
    x, y = ts.item_position(frame, geometry, "plan") or (0.0, 0.0)
    assert ts.hit_test(frame, geometry, x, y, measure).item_id == "plan"
    crowd = [tl.Item(f"p{i}", 0, 1980 + i / 4, 1985 + i / 4, f"Plan {i}", tl.Shape.RANGE) for i in range(40)]
    _scene, geometry, frame = scene_and_frame(crowd, (1970.0, 2030.0), size=(700, 800))
    merged = next(mark for mark in frame.ranges if mark.count > 1)
    x = ts.GUTTER + merged.x0 + 1
    y = geometry.range_y(0, merged.row) + ts.RANGE_ROW / 2
    assert ts.hit_test(frame, geometry, x, y, measure).bars == merged


def test_emphasis_reaches_clusters_holding_the_current_linked_or_matched_records() -> None:
    items = [day("a", 2000.0), day("b", 2000.01), day("c", 2000.02), day("d", 2010.0)]
    scene, _geometry, frame = scene_and_frame(items, (1970.0, 2030.0), lanes=1)
    [cluster] = frame.clusters
    plain = scene.emphasised()
    assert plain.cluster_lit(cluster) and plain.lit("d")
    assert not plain.cluster_holds_current(cluster) and not plain.cluster_holds_linked(cluster)
    searched = scene.emphasised(matches=frozenset({"d"}))
    assert not searched.cluster_lit(cluster) and searched.lit("d") and not searched.lit("a")
    assert scene.emphasised(matches=frozenset({"b"})).cluster_lit(cluster)
    assert scene.emphasised(current="c").cluster_holds_current(cluster)
    assert not scene.emphasised(current="d").cluster_holds_current(cluster)
    assert scene.emphasised(linked=frozenset({"a"})).cluster_holds_linked(cluster)


def test_count_labels_stay_short() -> None:
    assert [ts.count_label(n) for n in (2, 999, 1000, 25_400)] == ["2", "999", "1k", "25k"]


@given(
    st.lists(st.text(alphabet="abcdefghij", min_size=1, max_size=12), min_size=1, max_size=8),
    st.integers(min_value=4, max_value=30),
    st.integers(min_value=1, max_value=4),
)
def test_a_lane_title_fits_its_lines_and_says_when_it_was_cut(
    words: list[str], width: int, rows: int
) -> None:
    title = " ".join(words)
    lines = fit_lines(title, width, rows, len)  # one unit per character
    assert 1 <= len(lines) <= rows
    assert all(len(line) <= width for line in lines)
    shown = " ".join(line.removesuffix("\u2026") for line in lines)
    if not any(line.endswith("\u2026") for line in lines):
        assert shown == title  # nothing lost unless it says so
    else:
        assert len(shown.replace(" ", "")) < len(title.replace(" ", ""))  # cut, and marked where


def test_an_axis_drag_picks_the_whole_years_it_touches_either_way() -> None:
    assert ts.picked_years(2010.9, 2015.1) == (2010, 2015)
    assert ts.picked_years(2015.1, 2010.9) == (2010, 2015)
    assert ts.picked_years(2013.2, 2013.7) == (2013, 2013)


def test_the_years_shown_for_a_filter_hold_every_day_with_a_margin() -> None:
    start, end = ts.years_extent(2010, 2015)
    assert start < 2010 and end > 2016 and end - start < 6 * 1.2
    one_start, one_end = ts.years_extent(2013, 2013)
    assert one_start < 2013 and one_end > 2014
