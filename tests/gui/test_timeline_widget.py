"""The timeline by keyboard and mouse: previous/next in time, zoom, pan, fit, clusters that open."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ajexplorer.domain.loading import load_dataset
from ajexplorer.gui.mainwindow import MainWindow
from ajexplorer.gui.timeline_widget import TimelineWidget
from ajexplorer.presentation import timeline_layout as tl
from ajexplorer.presentation.timeline_layout import items_from
from tests.conftest import FIXTURES
from tests.gui.conftest import TODAY


def test_left_and_right_walk_through_events_in_time(window: MainWindow, qtbot: QtBot) -> None:
    timeline = window.timeline
    timeline.setFocus()
    order = [item.id for item in timeline._index.order]
    qtbot.keyClick(timeline, Qt.Key.Key_Right)
    assert window.navigator.current == order[0]
    qtbot.keyClick(timeline, Qt.Key.Key_Right)
    qtbot.keyClick(timeline, Qt.Key.Key_Right)
    assert window.navigator.current == order[2]
    qtbot.keyClick(timeline, Qt.Key.Key_Left)
    assert window.navigator.current == order[1]
    starts = [timeline._index.find(record_id).start for record_id in order]  # type: ignore[union-attr]
    assert starts == sorted(starts)


def test_selection_elsewhere_scrolls_the_timeline_to_it(window: MainWindow) -> None:
    timeline = window.timeline
    timeline.zoom_by(20)
    window.open_record("ev-1977-03-asean-japan-forum")
    item = timeline._index.find("ev-1977-03-asean-japan-forum")
    assert item is not None
    assert timeline.view.t0 <= item.start <= timeline.view.t1


def test_keys_zoom_pan_and_fit(window: MainWindow, qtbot: QtBot) -> None:
    timeline = window.timeline
    timeline.setFocus()
    full = timeline.view.span
    qtbot.keyClick(timeline, Qt.Key.Key_Plus)
    assert timeline.view.span < full
    start = timeline.view.t0
    qtbot.keyClick(timeline, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert timeline.view.t0 > start
    qtbot.keyClick(timeline, Qt.Key.Key_Home)
    assert abs(timeline.view.span - full) < 1e-9


def test_fit_all_shows_the_datasets_own_span(qtbot: QtBot) -> None:
    """Fit all covers the loaded data from its first item to its last, and no empty years before it."""
    partner = load_dataset(FIXTURES / "partner")
    items = items_from(partner, TODAY)
    timeline = TimelineWidget()
    qtbot.addWidget(timeline)
    timeline.resize(1200, 500)
    timeline.set_items(items, [section.title for section in partner.sections], TODAY)
    timeline.zoom_by(10)
    timeline.setFocus()
    qtbot.keyClick(timeline, Qt.Key.Key_Home)
    first, last = min(item.start for item in items), max(item.end for item in items)
    margin = (last - first) * 0.1
    assert first - margin < timeline.view.t0 <= first
    assert last <= timeline.view.t1 < last + margin


def test_wheel_zooms_around_the_cursor(window: MainWindow) -> None:
    timeline = window.timeline
    x = 600.0
    before = timeline.view.t(x - 150)
    wheel = QWheelEvent(
        QPointF(x, 100),
        timeline.mapToGlobal(QPointF(x, 100)),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    span = timeline.view.span
    QApplication.sendEvent(timeline, wheel)
    assert timeline.view.span < span
    assert abs(timeline.view.t(x - 150) - before) < 1e-6


def test_dragging_pans(window: MainWindow, qtbot: QtBot) -> None:
    timeline = window.timeline
    timeline.zoom_by(4)
    start = timeline.view.t0
    y = timeline.height() - 5
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=QPoint(800, y))
    qtbot.mouseMove(timeline, QPoint(700, y))
    qtbot.mouseMove(timeline, QPoint(600, y))
    qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=QPoint(600, y))
    assert timeline.view.t0 > start
    assert window.navigator.current is None


def test_clicking_a_cluster_opens_it_up(window: MainWindow, qtbot: QtBot) -> None:
    timeline = window.timeline
    timeline.fit_all()
    frame = timeline._layout()
    cluster = max(frame.clusters, key=lambda c: c.t1 - c.t0)
    span = timeline.view.span
    point = QPoint(int(150 + cluster.x + 4), int(timeline._mark_y(cluster.lane)))
    members = timeline.scene.members(cluster)
    start, end = min(item.start for item in members), max(item.end for item in members)
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=point)
    view = timeline.view
    assert view.span < span
    assert view.t0 <= start and end <= view.t1  # every member's whole period is in view ...
    assert view.span <= max(end - start, tl.MIN_SPAN) * 1.1  # ... and little else: exactly its members


def test_tooltips_give_the_date_at_its_precision(window: MainWindow) -> None:
    timeline = window.timeline
    window.open_record("ev-2004-07-tac-accession")
    timeline.zoom_to_selection()
    position = timeline.item_position("ev-2004-07-tac-accession")
    assert position is not None
    text = timeline.tooltip_text(QPointF(position))
    assert text is not None and "July 2004" in text


def test_a_view_of_a_year_names_its_events_on_a_small_screen(qtbot: QtBot) -> None:
    """At laptop size (lanes too short for rows of labels below the marks) every event shown alone in a
    view of one year is named."""
    partner = load_dataset(FIXTURES / "partner")
    items = items_from(partner, TODAY)
    timeline = TimelineWidget()
    qtbot.addWidget(timeline)
    timeline.resize(1000, 300)
    timeline.set_items(items, [section.title for section in partner.sections], TODAY)
    assert timeline._geometry().label_rows() == 0
    years = sorted({int(item.anchor) for item in items if item.shape is not tl.Shape.RANGE})
    for year in years:
        timeline._set_view(tl.fit(year, year + 1, timeline._plot_width(), margin=0))
        frame = timeline._layout()
        alone = {mark.item.id for mark in frame.points if 0 <= mark.x <= timeline._plot_width()}
        assert alone, year
        assert alone <= {label.item_id for label in frame.labels}, year
