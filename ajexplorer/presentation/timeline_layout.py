"""Timeline layout as pure functions of the data and the scale.

The widget only paints what these functions return, so every rule (where a mark goes, which labels fit, what
clusters) is tested without Qt. Work per frame is bounded by what is *visible*, not by how much data there is:
points are kept sorted per lane and clusters are found by binary search, so a frame of 100,000 events costs a
few hundred bisections rather than 100,000 steps.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import NamedTuple

from ajexplorer.domain.dates import PartialDate, Precision, year_fraction
from ajexplorer.domain.i18n import QT_TRANSLATE_NOOP, translate
from ajexplorer.domain.model import Dataset, Kind, Record


class Shape(Enum):
    """How an item is drawn: a dot for a known day, a band over the month or year the source gives, a bar."""

    DAY = "day"
    PARTIAL = "partial"
    RANGE = "range"


@dataclass(frozen=True, slots=True)
class Item:
    """Something on the timeline: where (lane), when (start/end in fractional years) and how it is drawn."""

    id: str
    lane: int
    start: float
    end: float
    label: str
    shape: Shape

    @property
    def anchor(self) -> float:
        """Where the item stands in time for ordering points and clustering them: a day at its day, a month
        or a year known only as such at its middle, so it is never taken for its first day."""
        return (self.start + self.end) / 2 if self.shape is Shape.PARTIAL else self.start


@dataclass(frozen=True, slots=True)
class Viewport:
    """The visible time span mapped onto a plotting width in pixels."""

    t0: float
    t1: float
    width: float

    @property
    def span(self) -> float:
        return self.t1 - self.t0

    def x(self, t: float) -> float:
        return (t - self.t0) / self.span * self.width

    def t(self, x: float) -> float:
        return self.t0 + x / self.width * self.span

    def px_per_year(self) -> float:
        return self.width / self.span


MIN_SPAN = 14 / 365.25  # two weeks: days are clearly apart
MAX_SPAN = 400.0


def zoom(view: Viewport, factor: float, anchor_x: float) -> Viewport:
    """Zoom by ``factor`` (>1 zooms in) keeping the time under ``anchor_x`` where it is."""
    anchor_t = view.t(anchor_x)
    span = min(max(view.span / factor, MIN_SPAN), MAX_SPAN)
    fraction = anchor_x / view.width if view.width else 0.5
    t0 = anchor_t - fraction * span
    return Viewport(t0, t0 + span, view.width)


def pan(view: Viewport, dx: float) -> Viewport:
    """Move the view by ``dx`` pixels (positive shows later times)."""
    dt_years = dx / view.width * view.span
    return Viewport(view.t0 + dt_years, view.t1 + dt_years, view.width)


def fit(start: float, end: float, width: float, margin: float = 0.04) -> Viewport:
    """A view showing ``start``..``end`` with a small margin, never narrower than the minimum span."""
    span = max(end - start, MIN_SPAN)
    centre = (start + end) / 2
    padded = min(span * (1 + 2 * margin), MAX_SPAN)
    return Viewport(centre - padded / 2, centre + padded / 2, width)


def ensure_visible(view: Viewport, start: float, end: float) -> Viewport:
    """The same zoom, panned just enough to show ``start``..``end`` (or centred on it if it cannot fit)."""
    margin = view.span * 0.08
    if end - start > view.span - 2 * margin:
        return Viewport(start - margin, start - margin + view.span, view.width)
    if start < view.t0 + margin:
        return Viewport(start - margin, start - margin + view.span, view.width)
    if end > view.t1 - margin:
        return Viewport(end + margin - view.span, end + margin, view.width)
    return view


# --- items from the dataset -------------------------------------------------------------------------------


def items_from(dataset: Dataset, today: dt.date) -> list[Item]:
    """Events as points; documents and programmes that span a period as bars. Mechanisms live in the tree."""
    lanes = {section.id: index for index, section in enumerate(dataset.sections)}
    now = year_fraction(today)
    items: list[Item] = []
    for record in dataset.records.values():
        item = _item(record, lanes.get(record.section, 0), now)
        if item is not None:
            items.append(item)
    return items


def _item(record: Record, lane: int, now: float) -> Item | None:
    when = record.when
    if record.kind is Kind.EVENT and when.start is not None:
        if when.end is not None and when.end != when.start:
            return Item(
                record.id, lane, when.start.start_value(), when.end.end_value(), record.title, Shape.RANGE
            )
        return _point(record.id, lane, when.start, record.title)
    if record.kind in {Kind.DOCUMENT, Kind.PROGRAMME} and when.is_range:
        if when.start is None:
            return None  # "until 2020" with no start: nothing honest to draw
        if when.ongoing:
            return Item(record.id, lane, when.start.start_value(), now, record.title, Shape.RANGE)
        assert when.end is not None
        return Item(
            record.id, lane, when.start.start_value(), when.end.end_value(), record.title, Shape.RANGE
        )
    return None


def _point(record_id: str, lane: int, date: PartialDate, label: str) -> Item:
    shape = Shape.DAY if date.precision is Precision.DAY else Shape.PARTIAL
    return Item(record_id, lane, date.start_value(), date.end_value(), label, shape)


# --- the scale-independent index -----------------------------------------------------------------------------


@dataclass(slots=True)
class RangeRow:
    """Bars in one row, sorted by start; ``reach`` is the running maximum of their ends."""

    items: list[Item] = field(default_factory=list)
    starts: list[float] = field(default_factory=list)
    reach: list[float] = field(default_factory=list)

    def add(self, item: Item) -> None:
        self.items.append(item)
        self.starts.append(item.start)
        self.reach.append(max(item.end, self.reach[-1]) if self.reach else item.end)


@dataclass(slots=True)
class LaneIndex:
    """One lane's items: points sorted by anchor (``starts`` holds the anchors), and ranges packed into rows
    of bars; ``reach_back`` is how far before its anchor a point's period can start (half a year at most)."""

    points: list[Item] = field(default_factory=list)
    starts: list[float] = field(default_factory=list)
    rows: list[RangeRow] = field(default_factory=list)
    reach_back: float = 0.0


MAX_RANGE_ROWS = 4


@dataclass(slots=True)
class TimelineIndex:
    """Built once per dataset; every frame is laid out from it."""

    lanes: list[LaneIndex]
    order: list[Item]
    position: dict[str, int]
    extent: tuple[float, float] | None  # first start to last end; None when there is nothing to show
    point_at: dict[str, tuple[int, int]]  # point id -> (lane, index in the lane's points)

    @classmethod
    def build(cls, items: Sequence[Item], lane_count: int) -> TimelineIndex:
        lanes = [LaneIndex() for _ in range(lane_count)]
        ordered = sorted(items, key=lambda item: (item.start, item.end, item.id))
        row_ends: list[list[float]] = [[] for _ in range(lane_count)]
        point_at: dict[str, tuple[int, int]] = {}
        for item in ordered:
            lane = lanes[item.lane]
            if item.shape is Shape.RANGE:
                ends = row_ends[item.lane]
                row = next((i for i, end in enumerate(ends) if end <= item.start), None)
                if row is None:
                    if len(ends) < MAX_RANGE_ROWS:
                        row = len(ends)
                        ends.append(item.end)
                        lane.rows.append(RangeRow())
                    else:
                        row = min(range(len(ends)), key=ends.__getitem__)  # least crowded: overlap is merged
                ends[row] = max(ends[row], item.end)
                lane.rows[row].add(item)
            else:
                lane.points.append(item)
        for number, lane in enumerate(lanes):
            lane.points.sort(key=lambda item: (item.anchor, item.start, item.id))
            lane.starts = [item.anchor for item in lane.points]
            lane.reach_back = max((item.anchor - item.start for item in lane.points), default=0.0)
            for position, item in enumerate(lane.points):
                point_at[item.id] = (number, position)
        extent = (min(i.start for i in ordered), max(i.end for i in ordered)) if ordered else None
        return cls(lanes, ordered, {item.id: n for n, item in enumerate(ordered)}, extent, point_at)

    def neighbour(self, item_id: str | None, step: int) -> Item | None:
        """The next (step=1) or previous (step=-1) item in time; the first or last when nothing is selected."""
        if not self.order:
            return None
        if item_id is None or item_id not in self.position:
            return self.order[0] if step > 0 else self.order[-1]
        index = self.position[item_id] + step
        return self.order[index] if 0 <= index < len(self.order) else None

    def find(self, item_id: str) -> Item | None:
        index = self.position.get(item_id)
        return self.order[index] if index is not None else None


# --- one frame ---------------------------------------------------------------------------------------------


class PointMark(NamedTuple):
    item: Item
    x: float
    x_end: float


@dataclass(frozen=True, slots=True)
class ClusterMark:
    """Several points too close to tell apart at this zoom; clicking opens them up."""

    lane: int
    x: float
    x_end: float
    count: int
    first: int  # index range into the lane's points
    last: int
    t0: float
    t1: float


@dataclass(frozen=True, slots=True)
class RangeMark:
    """One bar, or (count > 1) several bars merged because they touch at this zoom."""

    item: Item
    row: int
    x0: float
    x1: float
    count: int = 1
    first: int = 0
    last: int = 1


class LabelMark(NamedTuple):
    item_id: str
    lane: int
    row: int
    x: float
    width: float
    text: str


@dataclass(slots=True)
class Frame:
    points: list[PointMark] = field(default_factory=list)
    clusters: list[ClusterMark] = field(default_factory=list)
    ranges: list[RangeMark] = field(default_factory=list)
    labels: list[LabelMark] = field(default_factory=list)


CLUSTER_GAP_PX = 34.0
EDGE_REACH = 0.15  # how far past each edge (a fraction of the view) a month or year is looked for
YEAR_SPLIT_SPAN = 2.5  # views of about two years or less keep each year's clusters to itself
DOT_RADIUS = 5.0
MIN_LABEL_PX = 48.0  # shorter than this a label says too little: leave it out
RANGE_OVERLAP_PX = 1.0  # bars in one row that overlap by more than this merge (rows past MAX_RANGE_ROWS)
LABEL_ROWS = 4
LABEL_PAD_PX = 6.0
MAX_LABEL_PX = 220.0


def layout_frame(
    index: TimelineIndex,
    view: Viewport,
    measure: Callable[[str], float],
    label_rows: int = LABEL_ROWS,
    bar_rows: int = 0,
) -> Frame:
    """Everything visible in ``view``: point marks, clusters, range bars, and labels that do not overlap.

    Labels go into the ``label_rows`` below the marks, beside their mark, or into the free stretches of the
    first ``bar_rows`` rows of bars (those the canvas shows), wherever there is room.
    """
    frame = Frame()
    for lane_number, lane in enumerate(index.lanes):
        bars = [
            mark for row_number, row in enumerate(lane.rows) for mark in _row_ranges(row, row_number, view)
        ]
        frame.ranges.extend(bars)
        clusters: list[ClusterMark] = []
        marks = _lane_points(lane, lane_number, view, clusters)
        frame.points.extend(marks)
        frame.clusters.extend(clusters)
        obstacles = Obstacles(clusters, bars, bar_rows, view.width)
        frame.labels.extend(place_labels(marks, lane_number, measure, label_rows, obstacles))
    return frame


def _lane_points(
    lane: LaneIndex, lane_number: int, view: Viewport, clusters: list[ClusterMark]
) -> list[PointMark]:
    """Singles and clusters, found by bisection so the cost follows what is on screen.

    Once the view is narrower than YEAR_SPLIT_SPAN, a cluster never spans the turn of a year: a December
    event and one known only as "the next year" stay apart.
    """
    marks: list[PointMark] = []
    starts = lane.starts
    gap_t = CLUSTER_GAP_PX / view.px_per_year()
    split_years = view.span <= YEAR_SPLIT_SPAN
    # A month or year whose middle is just off screen still shows its band; the margin is bounded by the
    # view's span so that a close zoom does not visit a year of points to draw six weeks.
    reach = min(lane.reach_back, view.span * EDGE_REACH)
    i = bisect.bisect_left(starts, view.t0 - gap_t - reach)
    stop = bisect.bisect_right(starts, view.t1 + gap_t + reach)
    while i < stop:
        j = bisect.bisect_left(starts, starts[i] + gap_t, i + 1, stop)
        if split_years:
            j = min(j, max(i + 1, bisect.bisect_left(starts, math.floor(starts[i]) + 1.0, i + 1, stop)))
        if j - i == 1:
            item = lane.points[i]
            marks.append(PointMark(item, view.x(item.start), view.x(item.end)))
        else:
            t0, t1 = starts[i], starts[j - 1]
            x_end = view.x(max(lane.points[i].end, lane.points[j - 1].end))
            clusters.append(ClusterMark(lane_number, view.x(t0), x_end, j - i, i, j, t0, t1))
        i = j
    return marks


def _row_ranges(row: RangeRow, row_number: int, view: Viewport) -> list[RangeMark]:
    """Visible bars of a row; bars that overlap on screen merge into one mark with a count.

    Each merged mark costs a few bisections (using the row's running reach of ends), so a row of
    thousands of bars at "fit all" yields a handful of marks without visiting every bar.
    """
    starts, reach = row.starts, row.reach
    overlap_t = RANGE_OVERLAP_PX / view.px_per_year()
    i = bisect.bisect_left(reach, view.t0)  # reach is non-decreasing: first bar that may reach into view
    stop = bisect.bisect_right(starts, view.t1)
    marks: list[RangeMark] = []
    while i < stop:
        j = i + 1
        end = reach[i]
        while True:
            k = bisect.bisect_left(starts, end - overlap_t, j, stop)
            if k == j:
                break
            j = k
            end = max(end, reach[j - 1])
        item = row.items[i]
        marks.append(RangeMark(item, row_number, view.x(item.start), view.x(end), j - i, i, j))
        i = j
    return marks


def count_label(count: int) -> str:
    """A cluster badge's text: the count, in thousands past 999 so a badge stays small."""
    return str(count) if count < 1000 else f"{count // 1000}k"


def badge_width(text_width: float) -> float:
    return max(text_width + 10, 2 * DOT_RADIUS + 8)


def symbol_span(mark: PointMark) -> tuple[float, float]:
    """The x extent of a point's symbol: a dot at its day, or a square at the middle of its month or year."""
    centre = (mark.x + mark.x_end) / 2 if mark.item.shape is Shape.PARTIAL else mark.x
    return centre - DOT_RADIUS, centre + DOT_RADIUS


class _Track:
    """Occupied stretches of one text row, disjoint and sorted, with the free room from any x."""

    __slots__ = ("ends", "starts")

    def __init__(self, spans: Sequence[tuple[float, float]] = ()) -> None:
        self.starts: list[float] = []
        self.ends: list[float] = []
        for start, end in sorted(spans):
            if self.ends and start <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
            else:
                self.starts.append(start)
                self.ends.append(end)

    def room(self, x: float) -> float:
        """Free width from ``x`` to the next occupied stretch (0 if ``x`` is inside one)."""
        i = bisect.bisect_right(self.starts, x)
        if i and self.ends[i - 1] > x:
            return 0.0
        return self.starts[i] - x if i < len(self.starts) else math.inf

    def room_before(self, x: float) -> float:
        """Free width from the end of the previous occupied stretch up to ``x`` (0 if ``x`` is inside one)."""
        i = bisect.bisect_left(self.starts, x)
        if i < len(self.starts) and self.starts[i] < x < self.ends[i]:
            return 0.0
        if i and self.ends[i - 1] > x:
            return 0.0
        return x - self.ends[i - 1] if i else math.inf

    def add(self, start: float, end: float) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


class Obstacles(NamedTuple):
    """What labels must not cover besides each other: cluster badges and the bars in the rows they may use."""

    clusters: Sequence[ClusterMark] = ()
    bars: Sequence[RangeMark] = ()
    bar_rows: int = 0
    width: float = math.inf  # the plot's width: a label that would run off its right edge goes elsewhere


NO_OBSTACLES = Obstacles()
MARK_TRACK = -1  # a label's row beside the marks; rows below -1 are rows of bars (-2 is the first)


def place_labels(
    marks: Sequence[PointMark],
    lane: int,
    measure: Callable[[str], float],
    rows: int,
    obstacles: Obstacles = NO_OBSTACLES,
) -> list[LabelMark]:
    """Collision-aware placement, left to right: each label takes the first place where it fits whole
    (a row below its mark, beside its mark, a free stretch of a bar row, left of its mark); failing that, the
    first place with room for at least MIN_LABEL_PX of it (shortened there); otherwise it is left out.

    ``LabelMark.row`` says where: 0.. rows below the marks, MARK_TRACK beside them, ``-2 - r`` bar row r.
    """
    if not marks:
        return []
    beside = [(a - 2, b + 2) for a, b in map(symbol_span, marks)]
    widths: dict[int, float] = {}  # badges of one count are one width: measure each count once
    for cluster in obstacles.clusters:
        width = widths.get(cluster.count)
        if width is None:
            width = widths[cluster.count] = badge_width(measure(count_label(cluster.count)))
        beside.append((cluster.x - 4, cluster.x + width))
    edge = [(-math.inf, -4.0), (obstacles.width + LABEL_PAD_PX, math.inf)]
    tracks = {row: _Track(edge) for row in range(rows)}
    tracks[MARK_TRACK] = _Track(beside + edge)
    for bar_row in range(obstacles.bar_rows):
        spans = [(b.x0 - 2, max(b.x1, b.x0 + 3) + 2) for b in obstacles.bars if b.row == bar_row]
        tracks[-2 - bar_row] = _Track(spans + edge)
    placed: list[LabelMark] = []
    for mark in sorted(marks, key=lambda mark: mark.x):
        left, right = symbol_span(mark)
        under = (mark.x - 3) if mark.item.shape is Shape.DAY else left
        wanted = min(measure(mark.item.label), MAX_LABEL_PX)
        places = [(row, under) for row in range(rows)]
        places.append((MARK_TRACK, right + 4))
        places += [(-2 - bar_row, under) for bar_row in range(obstacles.bar_rows)]
        # A label holds its text and the padding after it, so held stretches never overlap.
        spot = next(
            ((row, x, wanted) for row, x in places if tracks[row].room(x) >= wanted + LABEL_PAD_PX), None
        )
        before = tracks[MARK_TRACK].room_before(left - 4) - LABEL_PAD_PX
        if spot is None and before >= wanted:
            spot = (MARK_TRACK, left - 4 - LABEL_PAD_PX - wanted, wanted)
        if spot is None:
            spot = next(
                (
                    (row, x, tracks[row].room(x) - LABEL_PAD_PX)
                    for row, x in places
                    if tracks[row].room(x) - LABEL_PAD_PX >= MIN_LABEL_PX
                ),
                None,
            )
        if spot is None and before >= MIN_LABEL_PX:
            spot = (MARK_TRACK, left - 4 - LABEL_PAD_PX - before, before)
        if spot is None:
            continue
        row, x, width = spot
        tracks[row].add(x, x + width + LABEL_PAD_PX)
        placed.append(LabelMark(mark.item.id, lane, row, x, width, mark.item.label))
    return placed


def labels_overlap(labels: Sequence[LabelMark]) -> bool:
    """True if two labels in the same lane and row share pixels (used by tests and debug checks)."""
    by_row: dict[tuple[int, int], list[LabelMark]] = {}
    for label in labels:
        by_row.setdefault((label.lane, label.row), []).append(label)
    for row in by_row.values():
        row.sort(key=lambda label: label.x)
        for left, right in itertools.pairwise(row):
            if left.x + left.width > right.x:
                return True
    return False


# --- the axis ----------------------------------------------------------------------------------------------


class Tick(NamedTuple):
    value: float
    label: str
    major: bool


_MONTH_ABBR = (
    QT_TRANSLATE_NOOP("Dates", "Jan"),
    QT_TRANSLATE_NOOP("Dates", "Feb"),
    QT_TRANSLATE_NOOP("Dates", "Mar"),
    QT_TRANSLATE_NOOP("Dates", "Apr"),
    QT_TRANSLATE_NOOP("Dates", "May"),
    QT_TRANSLATE_NOOP("Dates", "Jun"),
    QT_TRANSLATE_NOOP("Dates", "Jul"),
    QT_TRANSLATE_NOOP("Dates", "Aug"),
    QT_TRANSLATE_NOOP("Dates", "Sep"),
    QT_TRANSLATE_NOOP("Dates", "Oct"),
    QT_TRANSLATE_NOOP("Dates", "Nov"),
    QT_TRANSLATE_NOOP("Dates", "Dec"),
)
_YEAR_STEPS = (1, 2, 5, 10, 20, 50, 100)
_MONTH_STEPS = (1, 3, 6)
MIN_TICK_PX = 64.0


def axis_ticks(view: Viewport) -> list[Tick]:
    """Ticks in the finest unit that keeps them MIN_TICK_PX apart: days, months, years or decades."""
    ppy = view.px_per_year()
    if 14 * ppy / 365.25 >= MIN_TICK_PX:
        return _day_ticks(view)
    month_step = next((step for step in _MONTH_STEPS if step * ppy / 12 >= MIN_TICK_PX), None)
    if month_step is not None:
        return _month_ticks(view, month_step)
    year_step = next((step for step in _YEAR_STEPS if step * ppy >= MIN_TICK_PX), _YEAR_STEPS[-1])
    first = int(view.t0 // year_step) * year_step
    major_every = 10 if year_step < 10 else year_step * 5
    return [
        Tick(float(year), str(year), year % major_every == 0)
        for year in range(first, int(view.t1) + 1, year_step)
        if view.t0 <= year <= view.t1
    ]


def _month_ticks(view: Viewport, step: int) -> list[Tick]:
    ticks: list[Tick] = []
    year = int(view.t0)
    while year <= int(view.t1):
        for month in range(1, 13, step):
            value = year_fraction(dt.date(year, month, 1))
            if view.t0 <= value <= view.t1:
                label = str(year) if month == 1 else translate("Dates", _MONTH_ABBR[month - 1])
                ticks.append(Tick(value, label, month == 1))
        year += 1
    return ticks


def _day_ticks(view: Viewport) -> list[Tick]:
    ppd = view.px_per_year() / 365.25
    step = next((s for s in (1, 2, 7, 14) if s * ppd >= MIN_TICK_PX), 14)
    start = _date_at(view.t0)
    end = _date_at(view.t1)
    ticks: list[Tick] = []
    day = start
    while day <= end:
        if ((day.day - 1) % step == 0 and day.day <= 28) or day.day == 1:
            value = year_fraction(day)
            if view.t0 <= value <= view.t1:
                first = day.day == 1
                month = translate("Dates", _MONTH_ABBR[day.month - 1])
                label = (
                    translate("Dates", "{month} {year}").format(month=month, year=day.year)
                    if first
                    else str(day.day)
                )
                ticks.append(Tick(value, label, first))
        day += dt.timedelta(days=1)
    return ticks


def _date_at(value: float) -> dt.date:
    year = max(1, min(int(value), 9998))
    length = (dt.date(year + 1, 1, 1) - dt.date(year, 1, 1)).days
    offset = int((value - year) * length)
    return dt.date(year, 1, 1) + dt.timedelta(days=max(0, min(offset, length - 1)))
