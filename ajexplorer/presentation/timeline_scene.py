"""What the timeline shows and where its parts sit: the scene, the canvas geometry and hit-testing, without Qt.

A :class:`Scene` is everything one picture of the timeline needs (items, lane titles, the time shown, which
records are current, linked or matched). :class:`Geometry` places the axis, lanes and rows on a canvas of any
size, so the widget, an image, an SVG and a printed page agree on where things are; :func:`hit_test` says what
lies under a point using the same geometry the painter draws with. Only the painter (``gui/timeline_painter``)
turns this into pixels.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from ajexplorer.domain.dates import year_fraction
from ajexplorer.domain.model import Dataset
from ajexplorer.presentation import timeline_layout as tl
from ajexplorer.presentation.geometry import Box
from ajexplorer.presentation.timeline_layout import DOT_RADIUS, MARK_TRACK, badge_width, count_label

__all__ = ["DOT_RADIUS", "Geometry", "Hit", "Scene", "badge_width", "count_label", "hit_test"]

GUTTER = 150.0  # the lane titles' column, left of the plot
AXIS_HEIGHT = 26.0
RANGE_ROW = 15.0
MARK_ROW = 20.0
LABEL_ROW = 15.0
LANE_GAP = 6.0
BADGE_HEIGHT = 18.0
HIT_SLACK = 5.0  # a click this close to a dot still picks it


@dataclass(frozen=True, slots=True)
class Geometry:
    """Where the axis, lanes and rows sit on a canvas of a given size: the widget, an image or a page."""

    width: float
    height: float
    lanes: int
    range_rows: int  # bar rows in the fullest lane

    def plot_width(self) -> float:
        return max(self.width - GUTTER - 8.0, 50.0)

    def lane_height(self) -> float:
        return max((self.height - AXIS_HEIGHT - 4.0) / max(self.lanes, 1), 40.0)

    def lane_top(self, lane: int) -> float:
        return AXIS_HEIGHT + lane * self.lane_height()

    def label_rows(self) -> int:
        room = self.lane_height() - LANE_GAP - self.range_rows * RANGE_ROW - MARK_ROW
        return max(0, min(tl.LABEL_ROWS, int(room // LABEL_ROW)))

    def range_rows_shown(self) -> int:
        room = self.lane_height() - LANE_GAP - MARK_ROW
        return max(0, min(self.range_rows, int(room // RANGE_ROW)))

    def mark_y(self, lane: int) -> float:
        return self.lane_top(lane) + LANE_GAP / 2 + self.range_rows_shown() * RANGE_ROW + MARK_ROW / 2

    def range_y(self, lane: int, row: int) -> float:
        return self.lane_top(lane) + LANE_GAP / 2 + row * RANGE_ROW

    def label_y(self, lane: int, row: int) -> float:
        """The top of a label's text row: below the marks (row 0..), beside them (MARK_TRACK), or in a row of
        bars (``-2 - r``) where that row has room."""
        if row == MARK_TRACK:
            return self.mark_y(lane) - LABEL_ROW / 2
        if row < MARK_TRACK:
            return self.range_y(lane, -2 - row)
        return self.mark_y(lane) + MARK_ROW / 2 + row * LABEL_ROW

    def view(self, extent: tuple[float, float]) -> tl.Viewport:
        """The time ``extent`` mapped onto this canvas's plotting width."""
        return tl.Viewport(extent[0], extent[1], self.plot_width())


def full_height(lanes: int, range_rows: int) -> float:
    """The height at which every lane has room for all its bar rows and label rows."""
    lane = LANE_GAP + range_rows * RANGE_ROW + MARK_ROW + tl.LABEL_ROWS * LABEL_ROW
    return AXIS_HEIGHT + 4.0 + max(lanes, 1) * lane


def fit_all_extent(index: tl.TimelineIndex, today: dt.date, plot_width: float) -> tuple[float, float]:
    """The time "fit all" shows: the dataset's own span (first item to last), with a small margin.

    Ongoing plans already end today (see ``items_from``); an empty timeline shows the last few years.
    """
    if index.extent is None:
        now = year_fraction(today)
        start, end = now - 5.0, now
    else:
        start, end = index.extent
    view = tl.fit(start, end, plot_width)
    return view.t0, view.t1


# --- the scene ------------------------------------------------------------------------------------------------


def _positions(index: tl.TimelineIndex, record_ids: Iterable[str]) -> dict[int, list[int]]:
    """Sorted point indexes per lane, so a cluster can tell if it holds one of the records by bisection."""
    at: dict[int, list[int]] = {}
    point_at = index.point_at.get  # a search on a large dataset passes tens of thousands of ids
    for record_id in record_ids:
        where = point_at(record_id)
        if where is not None:
            lane = at.get(where[0])
            if lane is None:
                at[where[0]] = [where[1]]
            else:
                lane.append(where[1])
    for indexes in at.values():
        indexes.sort()
    return at


def any_between(sorted_indexes: Sequence[int] | None, first: int, last: int) -> bool:
    """Whether a sorted list holds an index in ``first``..``last - 1`` (by bisection, not by scanning)."""
    if not sorted_indexes:
        return False
    position = bisect.bisect_left(sorted_indexes, first)
    return position < len(sorted_indexes) and sorted_indexes[position] < last


@dataclass(frozen=True, slots=True, eq=False)
class Scene:
    """One picture of the timeline, independent of any widget: build it with :func:`scene_from_dataset`
    (or :meth:`build`), change what is emphasised with :meth:`emphasised` and the time with :meth:`showing`."""

    index: tl.TimelineIndex
    lane_titles: tuple[str, ...]
    extent: tuple[float, float]
    current: str | None = None
    linked: frozenset[str] = frozenset()
    matches: frozenset[str] | None = None  # None: no search or filter, nothing dimmed
    starred: frozenset[str] = frozenset()  # the records the person starred in their notebook
    linked_at: dict[int, list[int]] = field(default_factory=dict)
    match_at: dict[int, list[int]] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        items: Sequence[tl.Item],
        lane_titles: Sequence[str],
        today: dt.date,
        extent: tuple[float, float] | None = None,
    ) -> Scene:
        """A scene of ``items`` showing ``extent`` (default: all of it, as "fit all" does)."""
        index = tl.TimelineIndex.build(items, len(lane_titles))
        scene = cls(index, tuple(lane_titles), (0.0, 1.0))
        return scene.showing(extent or scene.fit_all(today))

    @property
    def range_rows(self) -> int:
        return max((len(lane.rows) for lane in self.index.lanes), default=0)

    def geometry(self, width: float, height: float) -> Geometry:
        return Geometry(width, height, len(self.lane_titles), self.range_rows)

    def fit_all(self, today: dt.date, plot_width: float = 1000.0) -> tuple[float, float]:
        return fit_all_extent(self.index, today, plot_width)

    def full_height(self) -> float:
        return full_height(len(self.lane_titles), self.range_rows)

    def showing(self, extent: tuple[float, float]) -> Scene:
        return dataclasses.replace(self, extent=extent)

    def emphasised(
        self,
        current: str | None = None,
        linked: frozenset[str] = frozenset(),
        matches: frozenset[str] | None = None,
    ) -> Scene:
        """The same scene with this record current, these linked and (if not None) only these matched."""
        return dataclasses.replace(
            self,
            current=current,
            linked=linked,
            matches=matches,
            linked_at=self.linked_at if linked == self.linked else _positions(self.index, linked),
            match_at=self.match_at if matches == self.matches else _positions(self.index, matches or ()),
        )

    def with_stars(self, starred: frozenset[str]) -> Scene:
        """The same scene with these records marked as starred by the person."""
        return dataclasses.replace(self, starred=starred)

    def lit(self, record_id: str | None) -> bool:
        """Drawn at full strength: no search is on, or the record matches it."""
        return self.matches is None or (record_id is not None and record_id in self.matches)

    def cluster_lit(self, cluster: tl.ClusterMark) -> bool:
        return self.matches is None or any_between(
            self.match_at.get(cluster.lane), cluster.first, cluster.last
        )

    def current_point(self) -> tuple[int, int] | None:
        """The current record's (lane, index among the lane's points), if it is a point."""
        return self.index.point_at.get(self.current or "")

    def cluster_holds_current(self, cluster: tl.ClusterMark) -> bool:
        where = self.current_point()
        return where is not None and where[0] == cluster.lane and cluster.first <= where[1] < cluster.last

    def cluster_holds_linked(self, cluster: tl.ClusterMark) -> bool:
        return any_between(self.linked_at.get(cluster.lane), cluster.first, cluster.last)

    def members(self, cluster: tl.ClusterMark) -> list[tl.Item]:
        return self.index.lanes[cluster.lane].points[cluster.first : cluster.last]

    def members_extent(self, cluster: tl.ClusterMark) -> tuple[float, float]:
        """From the first member's start to the last one's end: what a click on the badge zooms to."""
        members = self.members(cluster)
        return min(item.start for item in members), max(item.end for item in members)


def scene_from_dataset(
    dataset: Dataset,
    today: dt.date,
    extent: tuple[float, float] | None = None,
    matches: frozenset[str] | None = None,
    current: str | None = None,
    linked: frozenset[str] = frozenset(),
) -> Scene:
    """The timeline of a dataset: one lane per section, its events, plans and programmes, all of its time
    unless ``extent`` says otherwise; ``matches`` (if given) are shown and the rest dimmed."""
    scene = Scene.build(
        tl.items_from(dataset, today), [section.title for section in dataset.sections], today, extent
    )
    return scene.emphasised(current, linked, matches)


def picked_years(start: float, end: float) -> tuple[int, int]:
    """The whole years a drag across the axis from ``start`` to ``end`` (fractional years, either way)
    touches: first and last, each counted whole, as the band drawn during the drag shows them."""
    low, high = sorted((start, end))
    return math.floor(low), math.floor(high)


def years_extent(first: int, last: int) -> tuple[float, float]:
    """The time to show for the years ``first``..``last``: all of them (to the end of the last), and a
    margin of a twentieth either side, at least a month, so the edges' events are not on the frame."""
    margin = max((last + 1 - first) / 20, 1 / 12)
    return first - margin, last + 1 + margin


# --- hit-testing ------------------------------------------------------------------------------------------------


class Hit(NamedTuple):
    """What lies under a point: one record, a cluster badge, or several bars merged at this zoom (or nothing)."""

    item_id: str | None = None
    cluster: tl.ClusterMark | None = None
    bars: tl.RangeMark | None = None


def badge_rect(cluster: tl.ClusterMark, geometry: Geometry, text_width: float) -> Box:
    """A cluster's count badge in plot coordinates (x from the plot's left edge), sized to its text."""
    mark_y = geometry.mark_y(cluster.lane)
    return Box(cluster.x - 2, mark_y - BADGE_HEIGHT / 2, badge_width(text_width), BADGE_HEIGHT)


def partial_centre_x(mark: tl.PointMark) -> float:
    """The hollow square of a month or a year sits in the middle of its band, never at its first day."""
    left, right = tl.symbol_span(mark)
    return (left + right) / 2


def hit_test(frame: tl.Frame, geometry: Geometry, x: float, y: float, measure: Callable[[str], float]) -> Hit:
    """What is under canvas point (``x``, ``y``): badges first (they are drawn on top), then the nearest dot or
    band, then a label, then a bar. ``measure`` gives a text's width, as the painter measures it."""
    px = x - GUTTER
    for cluster in frame.clusters:
        rect = badge_rect(cluster, geometry, measure(count_label(cluster.count)))
        if rect.adjusted(-2, -2, 2, 2).contains(px, y):
            return Hit(cluster=cluster)
    best: tuple[float, str] | None = None
    for mark in frame.points:
        mark_y = geometry.mark_y(mark.item.lane)
        if mark.item.shape is tl.Shape.PARTIAL:
            left, right = tl.symbol_span(mark)
            left, right = min(left, mark.x), max(right, mark.x_end)  # the band or the square
        else:
            left = right = mark.x
        dx = 0.0 if left <= px <= right else min(abs(px - left), abs(px - right))
        distance = math.hypot(dx, y - mark_y)
        if distance <= DOT_RADIUS + HIT_SLACK and (best is None or distance < best[0]):
            best = (distance, mark.item.id)
    if best is not None:
        return Hit(item_id=best[1])
    for label in frame.labels:
        top = geometry.label_y(label.lane, label.row)
        if label.x <= px <= label.x + label.width and top <= y <= top + LABEL_ROW:
            return Hit(item_id=label.item_id)
    rows_shown = geometry.range_rows_shown()
    for bar in frame.ranges:
        top = geometry.range_y(bar.item.lane, bar.row)
        if bar.row < rows_shown and bar.x0 <= px <= max(bar.x1, bar.x0 + 3) and top <= y <= top + RANGE_ROW:
            return Hit(item_id=bar.item.id) if bar.count == 1 else Hit(bars=bar)
    return Hit()


def item_position(frame: tl.Frame, geometry: Geometry, record_id: str) -> tuple[float, float] | None:
    """Where a record is drawn on the canvas (its dot or the middle of its visible bar), if it is drawn alone."""
    for mark in frame.points:
        if mark.item.id == record_id:
            left, right = tl.symbol_span(mark)
            return GUTTER + (left + right) / 2 + 1, geometry.mark_y(mark.item.lane)
    for bar in frame.ranges:
        if bar.item.id == record_id:
            x = GUTTER + (max(bar.x0, 0) + min(bar.x1, geometry.plot_width())) / 2
            return x, geometry.range_y(bar.item.lane, bar.row) + RANGE_ROW / 2
    return None


def fit_lines(text: str, width: float, max_lines: int, measure: Callable[[str], float]) -> list[str]:
    """``text`` wrapped at word boundaries into lines no wider than ``width``, at most ``max_lines`` of them;
    whatever does not fit ends the last line with "…". A lane's title then never runs into the next lane,
    whatever the font's line height (a CJK font's is taller)."""
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < max(max_lines, 1):
        line = words.pop(0)
        while words and measure(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        lines.append(line)
    if words or any(measure(line) > width for line in lines):
        last = f"{lines[-1]} {' '.join(words)}".strip() if words else lines[-1]
        while last and measure(last + "\u2026") > width:
            last = last[:-1].rstrip()
        lines[-1] = last + "\u2026"
        lines[:-1] = [_cut(line, width, measure) for line in lines[:-1]]
    return lines


def _cut(line: str, width: float, measure: Callable[[str], float]) -> str:
    """One word wider than the column: cut with "…"."""
    if measure(line) <= width:
        return line
    while line and measure(line + "\u2026") > width:
        line = line[:-1]
    return line + "\u2026"
