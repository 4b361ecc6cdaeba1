"""The timeline: one lane per pillar, events as dots or bands, plans and programmes as bars.

All geometry comes from :mod:`ajexplorer.presentation.timeline_layout`; this widget maps it to pixels, paints it
with palette colours, and turns mouse and keys into view changes or a ``recordActivated`` request.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QLineF, QPoint, QPointF, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontInfo,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
    QStaticText,
    QWheelEvent,
)
from PySide6.QtWidgets import QMenu, QSizePolicy, QWidget

from ajexplorer.domain.dates import year_fraction
from ajexplorer.gui.tooltips import handle_tooltip
from ajexplorer.presentation import timeline_layout as tl

GUTTER = 150.0
AXIS_HEIGHT = 26.0
RANGE_ROW = 15.0
MARK_ROW = 20.0
LABEL_ROW = 15.0
LANE_GAP = 6.0
DOT_RADIUS = 5.0
DRAG_THRESHOLD = 4


@dataclass(frozen=True, slots=True)
class _Hit:
    item_id: str | None = None
    cluster: tl.ClusterMark | None = None
    bars: tl.RangeMark | None = None  # several bars merged at this zoom


@dataclass(frozen=True, slots=True)
class _Geometry:
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
        return self.mark_y(lane) + MARK_ROW / 2 + row * LABEL_ROW


@dataclass(frozen=True, slots=True, eq=False)
class _Canvas:
    """What one paint draws: the geometry, the time shown, the marks laid out for it, font and colours."""

    geometry: _Geometry
    view: tl.Viewport
    frame: tl.Frame
    font: QFont
    palette: QPalette
    export: bool  # an image, SVG or page rather than the screen: no cached bitmaps


class TimelineWidget(QWidget):
    """The timeline widget.

    Signals:
        recordActivated(str): the user picked a record (click, or Left/Right to the next one in time).
        viewChanged(): the visible span changed (zoom or pan).
        yearRangePicked(int, int): the user dragged across the axis to pick these years (first, last).
    """

    recordActivated = Signal(str)
    viewChanged = Signal()
    yearRangePicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setAccessibleName("Timeline")
        self.setAccessibleDescription("Events and plans over time, one lane per pillar of the source")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._lane_titles: list[str] = []
        self._index = tl.TimelineIndex.build([], 0)
        self._range_row_count = 0
        self._static_texts: dict[str, QStaticText] = {}
        self._badges: dict[tuple[int, bool, str], QPixmap] = {}
        self._text_widths: dict[str, float] = {}
        self._items: dict[str, tl.Item] = {}
        self._view = tl.Viewport(1972.0, 2027.0, 1000.0)
        self._frame = tl.Frame()
        self._frame_dirty = True
        self._current: str | None = None
        self._linked: frozenset[str] = frozenset()
        self._matches: frozenset[str] | None = None
        self._starred: frozenset[str] = frozenset()
        self._linked_at: dict[int, list[int]] = {}
        self._match_at: dict[int, list[int]] = {}
        self._colours: list[QColor] = []
        self._faded: list[QColor] = []
        self._faded_text = QColor()
        self._press: QPointF | None = None
        self._press_view: tl.Viewport | None = None
        self._dragging = False
        self._axis_pick: tuple[float, float] | None = None
        self._label_widths: dict[str, float] = {}
        self._today = dt.date.today()
        self._describer: Callable[[str], str] | None = None

    # --- data and state in ---------------------------------------------------------------------------------

    def set_items(self, items: list[tl.Item], lane_titles: list[str], today: dt.date | None = None) -> None:
        self._today = today or dt.date.today()
        self._lane_titles = lane_titles
        self._index = tl.TimelineIndex.build(items, len(lane_titles))
        self._range_row_count = max((len(lane.rows) for lane in self._index.lanes), default=0)
        self._items = {item.id: item for item in items}
        self._label_widths.clear()
        self.fit_all()

    def set_current(self, record_id: str | None) -> None:
        """Follow the navigator: mark the record and scroll it into view."""
        self._current = record_id
        item = self._items.get(record_id or "")
        if item is not None:
            self._set_view(tl.ensure_visible(self._view, item.start, max(item.start, item.end)))
        self.update()

    def set_linked(self, record_ids: frozenset[str]) -> None:
        """Events tied to the selected mechanism or document are drawn emphasised."""
        self._linked = record_ids
        self._linked_at = self._positions(record_ids)
        self.update()

    def set_matches(self, record_ids: frozenset[str] | None) -> None:
        """While a search is active, items outside ``record_ids`` are dimmed; None shows all normally."""
        self._matches = record_ids
        self._match_at = self._positions(record_ids or frozenset())
        self.update()

    def set_starred(self, record_ids: frozenset[str]) -> None:
        """Records the person starred carry a small star above their mark."""
        self._starred = record_ids
        self.update()

    def _positions(self, record_ids: frozenset[str]) -> dict[int, list[int]]:
        """Sorted point indexes per lane, so a cluster can tell if it holds one of the records by bisection."""
        at: dict[int, list[int]] = {}
        point_at = self._index.point_at
        for record_id in record_ids:
            where = point_at.get(record_id)
            if where is not None:
                at.setdefault(where[0], []).append(where[1])
        for indexes in at.values():
            indexes.sort()
        return at

    @property
    def view(self) -> tl.Viewport:
        return self._view

    # --- view changes ---------------------------------------------------------------------------------------

    def fit_all(self) -> None:
        t0, t1 = self.data_extent()
        self._set_view(tl.Viewport(t0, t1, self._plot_width()))

    def zoom_to_selection(self) -> None:
        item = self._items.get(self._current or "")
        if item is None:
            return
        span = max(item.end - item.start, 1.0)
        self._set_view(tl.fit(item.start - span, item.end + span, self._plot_width()))

    def zoom_by(self, factor: float, anchor_x: float | None = None) -> None:
        anchor = self._plot_width() / 2 if anchor_x is None else anchor_x
        self._set_view(tl.zoom(self._view, factor, anchor))

    def pan_by(self, fraction: float) -> None:
        self._set_view(tl.pan(self._view, fraction * self._plot_width()))

    def _set_view(self, view: tl.Viewport) -> None:
        view = tl.Viewport(view.t0, view.t1, self._plot_width())
        if view != self._view:
            self._view = view
            self._frame_dirty = True
            self.viewChanged.emit()
        self.update()

    # --- geometry -------------------------------------------------------------------------------------------

    def _geometry(self) -> _Geometry:
        return _Geometry(
            float(self.width()), float(self.height()), len(self._lane_titles), self._range_row_count
        )

    def _plot_width(self) -> float:
        return self._geometry().plot_width()

    def _mark_y(self, lane: int) -> float:
        return self._geometry().mark_y(lane)

    def _range_rows_shown(self) -> int:
        return self._geometry().range_rows_shown()

    def _range_y(self, lane: int, row: int) -> float:
        return self._geometry().range_y(lane, row)

    def _label_y(self, lane: int, row: int) -> float:
        return self._geometry().label_y(lane, row)

    def _layout(self) -> tl.Frame:
        if self._frame_dirty:
            self._frame = self._frame_for(self._view, self._geometry(), self.font(), self._label_widths)
            self._frame_dirty = False
        return self._frame

    def _frame_for(
        self, view: tl.Viewport, geometry: _Geometry, font: QFont, widths: dict[str, float]
    ) -> tl.Frame:
        metrics = QFontMetricsF(font)

        def measure(text: str) -> float:
            width = widths.get(text)
            if width is None:
                width = metrics.horizontalAdvance(text)
                widths[text] = width
            return width

        return tl.layout_frame(self._index, view, measure, geometry.label_rows())

    def sizeHint(self) -> QSize:
        return QSize(900, 420)

    def minimumSizeHint(self) -> QSize:
        return QSize(400, 200)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            # Cached badges and measured text depend on colours and font.
            self._badges.clear()
            self._static_texts.clear()
            self._text_widths.clear()
            self._label_widths.clear()
            self._frame_dirty = True
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._view = tl.Viewport(self._view.t0, self._view.t0 + self._view.span, self._plot_width())
        self._frame_dirty = True
        super().resizeEvent(event)

    # --- painting elsewhere: images, SVG, printers ----------------------------------------------------------

    def data_extent(self) -> tuple[float, float]:
        """The time "fit all" shows: the whole span of the data up to today, with a small margin."""
        start = min(self._index.extent[0], 1973.0)
        end = max(self._index.extent[1], year_fraction(self._today))
        view = tl.fit(start, end, self._plot_width())
        return view.t0, view.t1

    def visible_extent(self) -> tuple[float, float]:
        return self._view.t0, self._view.t1

    def full_height(self) -> float:
        """The height at which every lane has room for all its bar rows and label rows."""
        lane = LANE_GAP + self._range_row_count * RANGE_ROW + MARK_ROW + tl.LABEL_ROWS * LABEL_ROW
        return AXIS_HEIGHT + 4.0 + max(len(self._lane_titles), 1) * lane

    def export_font(self) -> QFont:
        """The widget's font sized in pixels, so text keeps its size against the marks on any device."""
        font = QFont(self.font())
        if font.pixelSize() <= 0:
            font.setPixelSize(max(1, QFontInfo(self.font()).pixelSize()))
        return font

    def paint_to(
        self,
        painter: QPainter,
        size: QSizeF,
        extent: tuple[float, float] | None = None,
        palette: QPalette | None = None,
    ) -> None:
        """Paint onto any device at ``size`` (in the painter's units), showing ``extent`` in fractional years
        (default: what the widget shows). Badges are drawn as shapes and text, never as bitmaps, so an SVG
        or a printer gets vectors and real text; there is no focus frame."""
        geometry = self._canvas_geometry(size)
        t0, t1 = extent if extent is not None else self.visible_extent()
        view = tl.Viewport(t0, t1, geometry.plot_width())
        font = self.export_font()
        colours = palette if palette is not None else self.palette()
        canvas = _Canvas(
            geometry, view, self._frame_for(view, geometry, font, {}), font, colours, export=True
        )
        painter.save()
        painter.setFont(font)
        painter.fillRect(QRectF(0, 0, size.width(), size.height()), colours.color(QPalette.ColorRole.Window))
        self._paint(painter, canvas)
        painter.restore()

    def _canvas_geometry(self, size: QSizeF) -> _Geometry:
        return _Geometry(size.width(), size.height(), len(self._lane_titles), self._range_row_count)

    # --- painting -------------------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        canvas = _Canvas(self._geometry(), self._view, self._layout(), self.font(), palette, export=False)
        self._paint(painter, canvas)
        if self._axis_pick is not None:
            band = QColor(palette.color(QPalette.ColorRole.Highlight))
            band.setAlphaF(0.25)
            x0, x1 = sorted(GUTTER + self._view.x(t) for t in self._axis_pick)
            painter.fillRect(QRectF(x0, 0, max(x1 - x0, 2), self.height()), band)
        if self.hasFocus():
            pen = QPen(palette.color(QPalette.ColorRole.Highlight), 1.5)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        painter.end()

    def _paint(self, painter: QPainter, canvas: _Canvas) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        geometry = canvas.geometry
        self._prepare_colours(canvas.palette)
        self._paint_lanes(painter, canvas)
        self._paint_axis(painter, canvas)
        painter.save()
        painter.setClipRect(
            QRectF(GUTTER, AXIS_HEIGHT, geometry.plot_width() + 8, geometry.height - AXIS_HEIGHT)
        )
        painter.translate(GUTTER, 0)
        self._paint_ranges(painter, canvas)
        self._paint_points(painter, canvas)
        self._paint_clusters(painter, canvas)
        self._paint_labels(painter, canvas)
        painter.restore()
        if canvas.export:
            # SVG has no clipping: repaint the titles' column over marks and labels that run into it.
            self._paint_lanes(painter, canvas, GUTTER)

    def lane_colour(self, lane: int, palette: QPalette | None = None) -> QColor:
        """Lane hues spread evenly around the palette's highlight colour."""
        base = (palette or self.palette()).color(QPalette.ColorRole.Highlight)
        hue = (max(base.hsvHue(), 0) + lane * 360 // max(len(self._lane_titles), 1)) % 360
        return QColor.fromHsv(hue, max(base.hsvSaturation(), 120), max(base.value(), 170))

    def _prepare_colours(self, palette: QPalette) -> None:
        """Lane colours and their dimmed forms, computed once per paint rather than once per mark."""
        colours = [self.lane_colour(lane, palette) for lane in range(len(self._lane_titles))]
        if colours != self._colours:
            self._badges.clear()  # palette changed: cached badges carry the old colours
        self._colours = colours
        self._faded = []
        for colour in self._colours:
            faded = QColor(colour)
            faded.setAlphaF(0.18)
            self._faded.append(faded)
        self._faded_text = QColor(palette.color(QPalette.ColorRole.Text))
        self._faded_text.setAlphaF(0.18)

    def _dim(self, colour: QColor, record_id: str | None) -> QColor:
        if self._matches is not None and (record_id is None or record_id not in self._matches):
            faded = QColor(colour)
            faded.setAlphaF(0.18)
            return faded
        return colour

    def _paint_lanes(self, painter: QPainter, canvas: _Canvas, width: float | None = None) -> None:
        geometry, palette = canvas.geometry, canvas.palette
        height = geometry.lane_height()
        width = geometry.width if width is None else width
        text = palette.color(QPalette.ColorRole.WindowText)
        for lane, title in enumerate(self._lane_titles):
            top = geometry.lane_top(lane)
            role = QPalette.ColorRole.AlternateBase if lane % 2 else QPalette.ColorRole.Base
            painter.fillRect(QRectF(0, top, width, height), palette.color(role))
            painter.fillRect(QRectF(0, top, 4, height), self._colours[lane])
            painter.setPen(text)
            if canvas.export:
                flags = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
                painter.drawText(QRectF(10, top, GUTTER - 16, height), int(flags), title)
            else:
                static = self._static_text(title, GUTTER - 16)
                painter.drawStaticText(QPointF(10, top + (height - static.size().height()) / 2), static)

    def _paint_axis(self, painter: QPainter, canvas: _Canvas) -> None:
        geometry, palette, view = canvas.geometry, canvas.palette, canvas.view
        width, height = geometry.width, geometry.height
        painter.fillRect(QRectF(0, 0, width, AXIS_HEIGHT), palette.color(QPalette.ColorRole.Window))
        # An opaque mix of Mid over Base looks like a faint line and draws faster than a translucent one.
        grid = _mix(palette.color(QPalette.ColorRole.Mid), palette.color(QPalette.ColorRole.Base), 0.35)
        text = palette.color(QPalette.ColorRole.WindowText)
        metrics = QFontMetricsF(canvas.font)
        last_right = -math.inf
        ticks = tl.axis_ticks(view)
        # Grid lines are vertical and pixel-aligned: drawn in two batches without antialiasing.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for major in (False, True):
            painter.setPen(QPen(grid, 2 if major else 1))
            painter.drawLines(
                [
                    QLineF(
                        round(GUTTER + view.x(t.value)),
                        AXIS_HEIGHT - (8 if major else 4),
                        round(GUTTER + view.x(t.value)),
                        height,
                    )
                    for t in ticks
                    if t.major is major
                ]
            )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for tick in ticks:
            x = GUTTER + view.x(tick.value)
            label_width = metrics.horizontalAdvance(tick.label)
            if x + 3 > last_right and x + 3 + label_width < width:
                painter.setPen(text)
                font = painter.font()
                font.setBold(tick.major)
                painter.setFont(font)
                painter.drawText(QPointF(x + 3, AXIS_HEIGHT - 9), tick.label)
                font.setBold(False)
                painter.setFont(font)
                last_right = x + 3 + label_width + 8
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawLine(QPointF(0, AXIS_HEIGHT), QPointF(width, AXIS_HEIGHT))

    def _paint_ranges(self, painter: QPainter, canvas: _Canvas) -> None:
        geometry, palette = canvas.geometry, canvas.palette
        rows_shown = geometry.range_rows_shown()
        plot_width = geometry.plot_width()
        text = palette.color(QPalette.ColorRole.Text)
        metrics = QFontMetricsF(canvas.font)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        for mark in canvas.frame.ranges:
            if mark.row >= rows_shown:
                continue
            lane = mark.item.lane
            single = mark.count == 1
            visible = not single or self._matches is None or mark.item.id in self._matches
            colour = self._colours[lane] if visible else self._faded[lane]
            fill = QColor(colour)
            fill.setAlphaF(fill.alphaF() * (0.55 if single and mark.item.id in self._linked else 0.32))
            x0 = max(mark.x0, -10.0)
            x1 = min(max(mark.x1, x0 + 3), plot_width + 10)
            rect = QRectF(x0, geometry.range_y(lane, mark.row) + 1, x1 - x0, RANGE_ROW - 3)
            selected = single and mark.item.id == self._current
            painter.setPen(QPen(highlight, 2) if selected else QPen(colour, 1))
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, 3, 3)
            if rect.width() > 30:
                painter.setPen(text if visible else self._faded_text)
                caption = mark.item.label if single else f"{mark.count} plans and programmes"
                shown = metrics.elidedText(caption, Qt.TextElideMode.ElideRight, rect.width() - 6)
                painter.drawText(rect.adjusted(3, -2, -3, 2), int(Qt.AlignmentFlag.AlignVCenter), shown)

    def _paint_points(self, painter: QPainter, canvas: _Canvas) -> None:
        geometry, palette = canvas.geometry, canvas.palette
        highlight = palette.color(QPalette.ColorRole.Highlight)
        outline = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        for mark in canvas.frame.points:
            item = mark.item
            y = geometry.mark_y(item.lane)
            colour = self._dim(self._colours[item.lane], item.id)
            linked = item.id in self._linked
            if item.shape is tl.Shape.PARTIAL and mark.x_end - mark.x > 2 * DOT_RADIUS:
                # A month or a year: a band over the whole period, so it does not pretend to be a day.
                band = QColor(colour)
                band.setAlphaF(band.alphaF() * 0.35)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(band)
                painter.drawRoundedRect(QRectF(mark.x, y - 4, mark.x_end - mark.x, 8), 4, 4)
            painter.setPen(QPen(self._dim(outline, item.id), 1.6 if linked else 1.0))
            painter.setBrush(colour if item.shape is tl.Shape.DAY else base)
            centre = QPointF(mark.x, y)
            if item.shape is tl.Shape.PARTIAL:
                centre = QPointF(mark.x + min(mark.x_end - mark.x, 2 * DOT_RADIUS) / 2, y)
                painter.setPen(QPen(colour, 2.0))
                painter.drawRect(
                    QRectF(
                        centre.x() - DOT_RADIUS + 1,
                        y - DOT_RADIUS + 1,
                        2 * DOT_RADIUS - 2,
                        2 * DOT_RADIUS - 2,
                    )
                )
            else:
                painter.drawEllipse(centre, DOT_RADIUS, DOT_RADIUS)
            if linked or item.id == self._current:
                painter.setPen(QPen(highlight, 2.5 if item.id == self._current else 1.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(centre, DOT_RADIUS + 4, DOT_RADIUS + 4)
            if item.id in self._starred:
                _paint_star(painter, QPointF(centre.x(), centre.y() - DOT_RADIUS - 6), highlight)

    def _paint_clusters(self, painter: QPainter, canvas: _Canvas) -> None:
        """On screen each badge is a cached pixmap (shape, colour and count drawn once), so a dense frame is
        just blits; exports draw them as shapes and text."""
        palette = canvas.palette
        highlight = palette.color(QPalette.ColorRole.Highlight)
        current = self._index.point_at.get(self._current or "")
        mark_ys = [canvas.geometry.mark_y(lane) for lane in range(len(self._lane_titles))]
        rings: list[tuple[QRectF, bool]] = []
        for cluster in canvas.frame.clusters:
            lit = self._matches is None or _any_between(
                self._match_at.get(cluster.lane), cluster.first, cluster.last
            )
            rect = self._cluster_rect(cluster, mark_ys[cluster.lane])
            label = _count_label(cluster.count)
            fill = self._colours[cluster.lane] if lit else self._faded[cluster.lane]
            if canvas.export:
                _draw_badge(painter, rect, fill, label, palette)
            else:
                painter.drawPixmap(rect.topLeft(), self._badge(cluster.lane, lit, label, rect))
            holds_current = (
                current is not None
                and current[0] == cluster.lane
                and (cluster.first <= current[1] < cluster.last)
            )
            if holds_current or _any_between(self._linked_at.get(cluster.lane), cluster.first, cluster.last):
                rings.append((rect, holds_current))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for rect, holds_current in rings:
            painter.setPen(QPen(highlight, 2.5 if holds_current else 1.5))
            painter.drawRoundedRect(rect.adjusted(-4, -4, 4, 4), 12, 12)

    def _badge(self, lane: int, lit: bool, label: str, rect: QRectF) -> QPixmap:
        key = (lane, lit, label)
        badge = self._badges.get(key)
        if badge is None:
            ratio = self.devicePixelRatioF()
            badge = QPixmap(int(rect.width() * ratio) + 2, int(rect.height() * ratio) + 2)
            badge.setDevicePixelRatio(ratio)
            badge.fill(Qt.GlobalColor.transparent)
            painter = QPainter(badge)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setFont(self.font())
            fill = self._colours[lane] if lit else self._faded[lane]
            _draw_badge(painter, QRectF(0, 0, rect.width(), rect.height()), fill, label, self.palette())
            painter.end()
            self._badges[key] = badge
        return badge

    def _paint_labels(self, painter: QPainter, canvas: _Canvas) -> None:
        text = canvas.palette.color(QPalette.ColorRole.Text)
        metrics = QFontMetricsF(canvas.font)
        for label in canvas.frame.labels:
            painter.setPen(self._dim(text, label.item_id))
            shown = metrics.elidedText(label.text, Qt.TextElideMode.ElideRight, label.width + 1)
            baseline = canvas.geometry.label_y(label.lane, label.row) + metrics.ascent() + 1
            font = painter.font()
            font.setBold(label.item_id == self._current)
            painter.setFont(font)
            painter.drawText(QPointF(label.x, baseline), shown)
        font = painter.font()
        font.setBold(False)
        painter.setFont(font)

    def _cluster_rect(self, cluster: tl.ClusterMark, mark_y: float | None = None) -> QRectF:
        """The count badge, in plot coordinates (shared by painting and hit testing)."""
        label = _count_label(cluster.count)
        text_width = self._text_widths.get(label)
        if text_width is None:
            text_width = QFontMetricsF(self.font()).horizontalAdvance(label)
            self._text_widths[label] = text_width
        width = max(text_width + 10, 2 * DOT_RADIUS + 8)
        y = self._mark_y(cluster.lane) if mark_y is None else mark_y
        return QRectF(cluster.x - 2, y - 9, width, 18)

    def _static_text(self, text: str, width: float = -1) -> QStaticText:
        """Cached laid-out text (wrapped at ``width`` if given): laying out text is the costly part of drawing it."""
        key = f"{width}\0{text}"
        static = self._static_texts.get(key)
        if static is None:
            static = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            if width > 0:
                static.setTextWidth(width)
            static.prepare(font=self.font())
            self._static_texts[key] = static
        return static

    # --- hit testing ----------------------------------------------------------------------------------------

    def _hit(self, pos: QPointF) -> _Hit:
        x = pos.x() - GUTTER
        frame = self._layout()
        local = QPointF(x, pos.y())
        for cluster in frame.clusters:
            if self._cluster_rect(cluster).adjusted(-2, -2, 2, 2).contains(local):
                return _Hit(cluster=cluster)
        best: tuple[float, str] | None = None
        for mark in frame.points:
            y = self._mark_y(mark.item.lane)
            right = (
                max(mark.x_end, mark.x + 2 * DOT_RADIUS) if mark.item.shape is tl.Shape.PARTIAL else mark.x
            )
            dx = 0.0 if mark.x <= x <= right else min(abs(x - mark.x), abs(x - right))
            distance = math.hypot(dx, pos.y() - y)
            if distance <= DOT_RADIUS + 5 and (best is None or distance < best[0]):
                best = (distance, mark.item.id)
        if best is not None:
            return _Hit(item_id=best[1])
        for label in frame.labels:
            top = self._label_y(label.lane, label.row)
            if label.x <= x <= label.x + label.width and top <= pos.y() <= top + LABEL_ROW:
                return _Hit(item_id=label.item_id)
        rows_shown = self._range_rows_shown()
        for bar in frame.ranges:
            top = self._range_y(bar.item.lane, bar.row)
            if (
                bar.row < rows_shown
                and bar.x0 <= x <= max(bar.x1, bar.x0 + 3)
                and top <= pos.y() <= top + RANGE_ROW
            ):
                return _Hit(item_id=bar.item.id) if bar.count == 1 else _Hit(bars=bar)
        return _Hit()

    def item_position(self, record_id: str) -> QPoint | None:
        """Where a record is drawn (as a point, its label or its bar), for tests and accessibility."""
        frame = self._layout()
        for mark in frame.points:
            if mark.item.id == record_id:
                return QPoint(int(GUTTER + mark.x + 1), int(self._mark_y(mark.item.lane)))
        for bar in frame.ranges:
            if bar.item.id == record_id:
                x = GUTTER + (max(bar.x0, 0) + min(bar.x1, self._plot_width())) / 2
                return QPoint(int(x), int(self._range_y(bar.item.lane, bar.row) + RANGE_ROW / 2))
        return None

    def tooltip_text(self, pos: QPointF) -> str | None:
        hit = self._hit(pos)
        if hit.cluster is not None:
            cluster = hit.cluster
            members = self._index.lanes[cluster.lane].points[cluster.first : cluster.last]
            names = "\n".join(f"• {item.label}" for item in members[:8])
            more = f"\n… and {cluster.count - 8} more" if cluster.count > 8 else ""
            return f"{cluster.count} events — click to open them up\n{names}{more}"
        if hit.bars is not None:
            return f"{hit.bars.count} plans and programmes overlap here — click to zoom in"
        if hit.item_id is not None:
            return self.describe(hit.item_id)
        return None

    def describe(self, record_id: str) -> str:
        """Tooltip text; the main window supplies richer text through ``set_describer``."""
        if self._describer is not None:
            return self._describer(record_id)
        item = self._items.get(record_id)
        return item.label if item is not None else record_id

    def set_describer(self, describer: Callable[[str], str]) -> None:
        self._describer = describer

    # --- input ----------------------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if handle_tooltip(self, event, self.tooltip_text):
            return True
        return super().event(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        if (delta.x() and not delta.y()) or event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            amount = delta.x() or delta.y()
            self.pan_by(-amount / 120 * 0.1)
        elif delta.y():
            self.zoom_by(1.25 ** (delta.y() / 120), event.position().x() - GUTTER)
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and event.position().y() < AXIS_HEIGHT:
            t = self._view.t(event.position().x() - GUTTER)
            self._axis_pick = (t, t)
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            self._press_view = self._view
            self._dragging = False
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._axis_pick is not None:
            self._axis_pick = (self._axis_pick[0], self._view.t(event.position().x() - GUTTER))
            self.update()
            return
        if self._press is not None and self._press_view is not None:
            dx = event.position().x() - self._press.x()
            if abs(dx) >= DRAG_THRESHOLD:
                self._dragging = True
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
            if self._dragging:
                self._set_view(tl.pan(self._press_view, -dx))
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._axis_pick is not None and event.button() == Qt.MouseButton.LeftButton:
            start, end = sorted((self._axis_pick[0], self._view.t(event.position().x() - GUTTER)))
            self._axis_pick = None
            self.update()
            self.yearRangePicked.emit(math.floor(start), math.floor(end))
            return
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            super().mouseReleaseEvent(event)
            return
        was_drag = self._dragging
        self._press = None
        self._press_view = None
        self._dragging = False
        self.unsetCursor()
        if not was_drag:
            self._click(event.position(), event.globalPosition().toPoint())

    def _click(self, pos: QPointF, global_pos: QPoint) -> None:
        hit = self._hit(pos)
        if hit.item_id is not None:
            self.recordActivated.emit(hit.item_id)
        elif hit.cluster is not None:
            self._open_cluster(hit.cluster, global_pos)
        elif hit.bars is not None:
            start, end = self._view.t(hit.bars.x0), self._view.t(hit.bars.x1)
            self._set_view(tl.fit(start, end, self._plot_width()))

    def _open_cluster(self, cluster: tl.ClusterMark, global_pos: QPoint) -> None:
        """Zoom until the cluster's events stand apart; if they share a date, list them in a menu."""
        if cluster.t1 - cluster.t0 > tl.MIN_SPAN / 20 and self._view.span > tl.MIN_SPAN * 1.01:
            padding = max((cluster.t1 - cluster.t0) * 0.6, tl.MIN_SPAN / 2)
            self._set_view(tl.fit(cluster.t0 - padding, cluster.t1 + padding, self._plot_width()))
            return
        menu = QMenu(self)
        for item in self._index.lanes[cluster.lane].points[cluster.first : cluster.last][:40]:
            action = menu.addAction(item.label)
            action.triggered.connect(lambda _=False, record_id=item.id: self.recordActivated.emit(record_id))
        menu.popup(global_pos)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        modifiers = event.modifiers()
        chorded = (
            Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        if modifiers & chorded:
            super().keyPressEvent(event)  # Alt+Left is Back, Ctrl+... are window commands
            return
        shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and not shift:
            step = 1 if key == Qt.Key.Key_Right else -1
            neighbour = self._index.neighbour(self._current, step)
            if neighbour is not None:
                self.recordActivated.emit(neighbour.id)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.pan_by(0.1 if key == Qt.Key.Key_Right else -0.1)
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.pan_by(0.8 if key == Qt.Key.Key_PageDown else -0.8)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1.5)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_by(1 / 1.5)
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_0):
            self.fit_all()
        elif key == Qt.Key.Key_Z:
            self.zoom_to_selection()
        else:
            super().keyPressEvent(event)
            return
        event.accept()


def _draw_badge(painter: QPainter, rect: QRectF, fill: QColor, label: str, palette: QPalette) -> None:
    shape = rect.adjusted(0.5, 0.5, -0.5, -0.5)
    painter.setPen(QPen(palette.color(QPalette.ColorRole.Text), 1))
    painter.setBrush(fill)
    painter.drawRoundedRect(shape, 9, 9)
    painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
    painter.drawText(shape, int(Qt.AlignmentFlag.AlignCenter), label)


def _count_label(count: int) -> str:
    return str(count) if count < 1000 else f"{count // 1000}k"


def _any_between(sorted_indexes: list[int] | None, first: int, last: int) -> bool:
    """Whether a sorted list holds an index in ``first``..``last - 1`` (by bisection, not by scanning)."""
    if not sorted_indexes:
        return False
    position = bisect.bisect_left(sorted_indexes, first)
    return position < len(sorted_indexes) and sorted_indexes[position] < last


def _mix(colour: QColor, background: QColor, amount: float) -> QColor:
    """``amount`` of ``colour`` over ``background``, as an opaque colour."""
    return QColor.fromRgbF(
        colour.redF() * amount + background.redF() * (1 - amount),
        colour.greenF() * amount + background.greenF() * (1 - amount),
        colour.blueF() * amount + background.blueF() * (1 - amount),
    )


def _paint_star(painter: QPainter, centre: QPointF, colour: QColor, radius: float = 4.5) -> None:
    """The person's star over a record's mark: five points, filled."""
    points = [
        QPointF(
            centre.x() + (radius if i % 2 == 0 else radius * 0.45) * math.sin(i * math.pi / 5),
            centre.y() - (radius if i % 2 == 0 else radius * 0.45) * math.cos(i * math.pi / 5),
        )
        for i in range(10)
    ]
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawPolygon(QPolygonF(points))
