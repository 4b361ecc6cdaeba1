"""The timeline widget: view state (what time is shown) and input (mouse, wheel, keys) only.

What is drawn is a :class:`~ajexplorer.presentation.timeline_scene.Scene`, laid out and hit-tested by pure
functions in ``presentation/`` and painted by :mod:`ajexplorer.gui.timeline_painter`, the same painter that
exports and printing use; this widget keeps the scene in step with the navigator and turns mouse and keys into
view changes or a ``recordActivated`` request.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QMenu, QSizePolicy, QWidget

from ajexplorer.domain.i18n import translate
from ajexplorer.gui import timeline_painter
from ajexplorer.gui.timeline_painter import TimelinePainter, pixel_font
from ajexplorer.gui.tooltips import handle_tooltip
from ajexplorer.presentation import timeline_layout as tl
from ajexplorer.presentation.timeline_scene import (
    AXIS_HEIGHT,
    GUTTER,
    Geometry,
    Hit,
    Scene,
    fit_all_extent,
    hit_test,
    item_position,
    picked_years,
    years_extent,
)

__all__ = ["AXIS_HEIGHT", "GUTTER", "TimelineWidget"]

DRAG_THRESHOLD = 4


class TimelineWidget(QWidget):
    """The timeline widget.

    Signals:
        recordActivated(str): the user picked a record (click, or Left/Right to the next one in time).
        viewChanged(): the visible span changed (zoom or pan).
        yearRangePicked(int, int): the user dragged across the axis to pick these whole years (first, last).
    """

    recordActivated = Signal(str)
    viewChanged = Signal()
    yearRangePicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setAccessibleName(translate("Timeline", "Timeline"))
        self.setAccessibleDescription(
            translate("Timeline", "Events and plans over time, one lane per section of the source")
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._today = dt.date.today()
        self._scene = Scene.build([], [], self._today, (1970.0, 2030.0))
        #: The scene of every item, kept: showing them all again (Dim others) builds no index.
        self._all_scene = self._scene
        self._items: dict[str, tl.Item] = {}
        self._lane_titles: list[str] = []
        #: What does not match a search is hidden (not drawn, not hit) rather than dimmed.
        self._hide_unmatched = False
        self._view = tl.Viewport(*self._scene.extent, 1000.0)
        self._painter = TimelinePainter(self.font(), cached=True)
        self._frame = tl.Frame()
        self._frame_dirty = True
        self._press: QPointF | None = None
        self._press_view: tl.Viewport | None = None
        self._dragging = False
        self._axis_pick: tuple[float, float] | None = None
        self._axis_press_x = 0.0
        self._describer: Callable[[str], str] | None = None

    # --- data and state in ---------------------------------------------------------------------------------

    def set_items(self, items: list[tl.Item], lane_titles: list[str], today: dt.date | None = None) -> None:
        self._today = today or dt.date.today()
        self._items = {item.id: item for item in items}
        self._lane_titles = list(lane_titles)
        self._scene = self._all_scene = Scene.build(items, lane_titles, self._today, self._scene.extent)
        self._frame_dirty = True
        if self._hide_unmatched and self._scene.matches is not None:
            self._rebuild(self._scene.matches)
        self.fit_all()

    def set_current(self, record_id: str | None) -> None:
        """Follow the navigator: mark the record and scroll it into view."""
        scene = self._scene
        self._scene = scene.emphasised(record_id, scene.linked, scene.matches)
        self.update()
        item = self._items.get(record_id or "")
        if item is not None:
            self._set_view(tl.ensure_visible(self._view, item.start, max(item.start, item.end)))

    def set_linked(self, record_ids: frozenset[str]) -> None:
        """Events tied to the selected mechanism or document are drawn emphasised."""
        scene = self._scene
        self._scene = scene.emphasised(scene.current, record_ids, scene.matches)
        self.update()

    def set_matches(self, record_ids: frozenset[str] | None) -> None:
        """While a search is active, items outside ``record_ids`` are dimmed; None shows all normally. A
        keystroke that leaves the same records matching repaints nothing."""
        scene = self._scene
        if record_ids == scene.matches:
            return
        if self._hide_unmatched:
            self._rebuild(record_ids)
            return
        self._scene = scene.emphasised(scene.current, scene.linked, record_ids)
        self.update()

    def set_hide_unmatched(self, hide: bool) -> None:
        """Hide what does not match (not drawn, not clickable, not counted in badges) or dim it."""
        if hide != self._hide_unmatched:
            self._hide_unmatched = hide
            self._rebuild(self._scene.matches)

    @property
    def hides_unmatched(self) -> bool:
        return self._hide_unmatched

    def _rebuild(self, matches: frozenset[str] | None) -> None:
        """The scene laid out again from the items shown: all of them, or with hiding on, the matches."""
        old = self._scene
        if self._hide_unmatched and matches is not None:
            items = [item for item in self._items.values() if item.id in matches]
            scene = Scene.build(items, self._lane_titles, self._today, old.extent)
        else:
            scene = self._all_scene.showing(old.extent)
        self._scene = scene.emphasised(old.current, old.linked, matches).with_stars(old.starred)
        self._frame_dirty = True
        self.update()

    def set_starred(self, record_ids: frozenset[str]) -> None:
        """Records the person starred carry a small star above their mark."""
        self._scene = self._scene.with_stars(record_ids)
        self.update()

    @property
    def scene(self) -> Scene:
        """What the widget shows, for painting elsewhere (``timeline_painter.paint``)."""
        return self._scene

    @property
    def view(self) -> tl.Viewport:
        return self._view

    @property
    def _index(self) -> tl.TimelineIndex:
        return self._scene.index

    @property
    def _current(self) -> str | None:
        return self._scene.current

    @property
    def _linked(self) -> frozenset[str]:
        return self._scene.linked

    @property
    def _matches(self) -> frozenset[str] | None:
        return self._scene.matches

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

    def show_years(self, first: int, last: int) -> None:
        """Bring the years ``first``..``last`` (a years filter) into view, all of them with a little margin."""
        start, end = years_extent(first, last)
        self._set_view(tl.Viewport(start, end, self._plot_width()))

    def show_extent(self, start: float, end: float) -> None:
        """Show exactly ``start``..``end`` (fractional years), as shown before (Undo Filter Change)."""
        self._set_view(tl.Viewport(start, end, self._plot_width()))

    def zoom_by(self, factor: float, anchor_x: float | None = None) -> None:
        anchor = self._plot_width() / 2 if anchor_x is None else anchor_x
        self._set_view(tl.zoom(self._view, factor, anchor))

    def pan_by(self, fraction: float) -> None:
        self._set_view(tl.pan(self._view, fraction * self._plot_width()))

    def _set_view(self, view: tl.Viewport) -> None:
        view = tl.Viewport(view.t0, view.t1, self._plot_width())
        if view != self._view:
            self._view = view
            self._scene = self._scene.showing((view.t0, view.t1))
            self._frame_dirty = True
            self.viewChanged.emit()
        self.update()

    # --- geometry -------------------------------------------------------------------------------------------

    def _geometry(self) -> Geometry:
        return self._scene.geometry(float(self.width()), float(self.height()))

    def _plot_width(self) -> float:
        return self._geometry().plot_width()

    def _mark_y(self, lane: int) -> float:
        return self._geometry().mark_y(lane)

    def _layout(self) -> tl.Frame:
        """The frame on screen, laid out once per view change and shared by painting and hit-testing."""
        if self._frame_dirty:
            self._frame = self._painter.layout(self._scene, self._geometry())
            self._frame_dirty = False
        return self._frame

    def sizeHint(self) -> QSize:
        return QSize(900, 420)

    def minimumSizeHint(self) -> QSize:
        return QSize(400, 110)  # a short screen keeps room for a dozen lines of details; lanes scroll

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._painter.set_font(self.font())  # measured text and laid-out titles depend on the font
            self._frame_dirty = True
        elif event.type() == QEvent.Type.PaletteChange:
            self._painter.clear()  # cached badges carry the old colours
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._view = tl.Viewport(self._view.t0, self._view.t0 + self._view.span, self._plot_width())
        self._frame_dirty = True
        super().resizeEvent(event)

    # --- painting elsewhere: images, SVG, printers ----------------------------------------------------------

    def data_extent(self) -> tuple[float, float]:
        """The time "fit all" shows: the dataset's own span, with a small margin."""
        return fit_all_extent(self._scene.index, self._today, self._plot_width())

    def visible_extent(self) -> tuple[float, float]:
        return self._view.t0, self._view.t1

    def full_height(self) -> float:
        """The height at which every lane has room for all its bar rows and label rows."""
        return self._scene.full_height()

    def export_font(self) -> QFont:
        """The widget's font sized in pixels, so text keeps its size against the marks on any device."""
        return pixel_font(self.font())

    def lane_colour(self, lane: int, palette: QPalette | None = None) -> QColor:
        """Lane hues spread evenly around the palette's highlight colour."""
        return timeline_painter.lane_colour(lane, len(self._scene.lane_titles), palette or self.palette())

    def paint_to(
        self,
        painter: QPainter,
        size: QSizeF,
        extent: tuple[float, float] | None = None,
        palette: QPalette | None = None,
    ) -> None:
        """Paint onto any device at ``size`` (in the painter's units), showing ``extent`` in fractional years
        (default: what the widget shows), through :func:`timeline_painter.paint`: vectors and real text, no
        focus frame. Kept for callers that hold a widget; without one, call the painter directly."""
        scene = self._scene.showing(extent if extent is not None else self.visible_extent())
        rect = QRectF(0, 0, size.width(), size.height())
        timeline_painter.paint(painter, rect, scene, palette or self.palette(), self.export_font())

    # --- painting -------------------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        self._painter.set_pixel_ratio(self.devicePixelRatioF())
        self._painter.paint(painter, self._geometry(), self._scene, palette, self._layout())
        if self._axis_pick is not None:
            self._paint_axis_pick(painter, palette, *picked_years(*self._axis_pick))
        if self.hasFocus():
            pen = QPen(palette.color(QPalette.ColorRole.Highlight), 1.5)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        painter.end()

    def _paint_axis_pick(self, painter: QPainter, palette: QPalette, first: int, last: int) -> None:
        """The whole years a drag across the axis will pick: a band over them and their range on the axis."""
        band = QColor(palette.color(QPalette.ColorRole.Highlight))
        band.setAlphaF(0.25)
        x0, x1 = GUTTER + self._view.x(first), GUTTER + self._view.x(last + 1)
        painter.fillRect(QRectF(x0, 0, max(x1 - x0, 2), self.height()), band)
        text = self.pick_label(first, last)
        metrics = painter.fontMetrics()
        width = metrics.horizontalAdvance(text) + 12
        centre = min(max((x0 + x1) / 2, GUTTER + width / 2), self.width() - width / 2)
        box = QRectF(centre - width / 2, 1, width, AXIS_HEIGHT - 2)
        painter.fillRect(box, palette.color(QPalette.ColorRole.Highlight))
        painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    @staticmethod
    def pick_label(first: int, last: int) -> str:
        """The years a drag picks, as drawn on the axis while dragging."""
        if first == last:
            return str(first)
        return translate("Timeline", "{first}\u2013{last}").format(first=first, last=last)

    @property
    def picking(self) -> tuple[int, int] | None:
        """The whole years an axis drag in progress would pick (None when no drag is on)."""
        return picked_years(*self._axis_pick) if self._axis_pick is not None else None

    # --- hit testing ----------------------------------------------------------------------------------------

    def _hit(self, pos: QPointF) -> Hit:
        return hit_test(self._layout(), self._geometry(), pos.x(), pos.y(), self._painter.measure)

    def item_position(self, record_id: str) -> QPoint | None:
        """Where a record is drawn (as a point or its bar), for tests and accessibility."""
        where = item_position(self._layout(), self._geometry(), record_id)
        return QPoint(int(where[0]), int(where[1])) if where is not None else None

    def tooltip_text(self, pos: QPointF) -> str | None:
        hit = self._hit(pos)
        if hit.cluster is not None:
            cluster = hit.cluster
            members = self._scene.members(cluster)
            names = "\n".join(f"• {item.label}" for item in members[:8])
            more = (
                translate("Timeline", "\n… and {count} more").format(count=cluster.count - 8)
                if cluster.count > 8
                else ""
            )
            return translate("Timeline", "{count} events — click to open them up\n{names}{more}").format(
                count=cluster.count, names=names, more=more
            )
        if hit.bars is not None:
            return translate(
                "Timeline", "{count} plans and programmes overlap here — click to zoom in"
            ).format(count=hit.bars.count)
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
            self._axis_press_x = event.position().x()
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
            first, last = picked_years(self._axis_pick[0], self._view.t(event.position().x() - GUTTER))
            self._axis_pick = None
            self.update()
            if abs(event.position().x() - self._axis_press_x) >= DRAG_THRESHOLD:  # a click picks nothing
                self.yearRangePicked.emit(first, last)
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
        """Zoom to fit exactly the cluster's events; if they share a date, list them in a menu."""
        if cluster.t1 - cluster.t0 > tl.MIN_SPAN / 20 and self._view.span > tl.MIN_SPAN * 1.01:
            start, end = self._scene.members_extent(cluster)
            self._set_view(tl.fit(start, end, self._plot_width()))
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
