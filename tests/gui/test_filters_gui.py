"""Filters as people expect them: a years filter brings the timeline there, what does not match is dimmed or
hidden as chosen, and a drag across the axis picks whole years, shows them, and can be undone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from ajexplorer.domain.model import Dataset, Kind
from ajexplorer.gui.mainwindow import MainWindow
from ajexplorer.gui.settings import Settings
from ajexplorer.gui.timeline_widget import AXIS_HEIGHT, GUTTER, TimelineWidget
from tests.gui.conftest import make_window


def middle_years(timeline: TimelineWidget, count: int) -> tuple[int, int]:
    """``count`` years in the middle of the loaded data's span (whatever the data)."""
    start, end = timeline.data_extent()
    first = int((start + end) / 2) - count // 2
    return first, first + count - 1


def choose_kind(window: MainWindow, kind: Kind) -> None:
    box = window.filter_bar.kind
    box.setCurrentIndex(next(row for row in range(box.count()) if box.itemData(row) == kind))


def test_a_years_filter_brings_the_timeline_to_those_years(window: MainWindow) -> None:
    timeline = window.timeline
    first, last = middle_years(timeline, 4)
    before = timeline.visible_extent()
    window.filter_bar.year_from.setValue(first)
    window.filter_bar.year_to.setValue(last)
    start, end = timeline.visible_extent()
    assert start < first and end > last + 1  # every day of those years, with a margin
    assert (end - start) < (last + 1 - first) * 1.5  # and not much more
    assert (start, end) != before
    # Another filter (a kind) leaves the time shown alone.
    choose_kind(window, Kind.EVENT)
    assert timeline.visible_extent() == (start, end)


def shown_records(window: MainWindow) -> list[str]:
    """Records the timeline draws as their own mark (not inside a badge) in the view as it is."""
    return [record_id for record_id in window.dataset.records if window.timeline.item_position(record_id)]


def test_hide_others_removes_what_does_not_match_and_is_remembered(
    qtbot: QtBot, dataset: Dataset, settings_file: Path
) -> None:
    window = make_window(qtbot, dataset, settings_file)
    timeline = window.timeline
    first, last = middle_years(timeline, 3)
    choose_kind(window, Kind.EVENT)
    window.filter_bar.year_from.setValue(first)
    window.filter_bar.year_to.setValue(last)
    matches = timeline.scene.matches
    assert matches is not None
    dimmed = [record_id for record_id in shown_records(window) if record_id not in matches]
    assert dimmed, "the view shows records the filters leave out, dimmed"
    where = {record_id: timeline.item_position(record_id) for record_id in dimmed}

    window.filter_bar.others.setCurrentIndex(window.filter_bar.others.findData(True))
    assert timeline.hides_unmatched
    shown = shown_records(window)
    assert shown and set(shown) <= matches
    for record_id, point in where.items():
        assert point is not None
        assert timeline._hit(QPointF(point)).item_id != record_id  # not clickable where it was drawn
    assert Settings(settings_file).hide_unmatched()
    window.close()

    again = make_window(qtbot, dataset, settings_file)
    assert again.filter_bar.hide_unmatched() and again.timeline.hides_unmatched
    again.filter_bar.others.setCurrentIndex(again.filter_bar.others.findData(False))
    assert not Settings(settings_file).hide_unmatched()


def highlighted_pixels(timeline: TimelineWidget, x0: float, x1: float) -> int:
    """Pixels in the axis band, between ``x0`` and ``x1``, of the selection colour (the range's box)."""
    image = timeline.grab().toImage()
    colour = QColor(timeline.palette().color(QPalette.ColorRole.Highlight)).rgb()
    return sum(
        1
        for x in range(int(x0), int(x1))
        for y in range(2, int(AXIS_HEIGHT) - 2)
        if image.pixel(x, y) == colour
    )


def test_an_axis_drag_snaps_to_years_shows_them_and_can_be_undone(window: MainWindow, qtbot: QtBot) -> None:
    timeline = window.timeline
    first, last = middle_years(timeline, 5)
    choose_kind(window, Kind.EVENT)
    before = window.filter_bar.filters()
    shown_before = timeline.visible_extent()
    view = timeline.view
    x0 = int(GUTTER + view.x(first + 0.85))  # late in the first year
    x1 = int(GUTTER + view.x(last + 0.2))  # early in the last
    y = int(AXIS_HEIGHT) // 2
    band = (GUTTER + view.x(first), GUTTER + view.x(last + 1))
    assert highlighted_pixels(timeline, *band) == 0
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=QPoint(x0, y))
    qtbot.mouseMove(timeline, QPoint(x1, y))
    assert timeline.picking == (first, last)  # whole years, whatever part of them the drag covers
    assert highlighted_pixels(timeline, *band) > 0  # the range is drawn on the axis while dragging
    assert timeline.pick_label(first, last) == f"{first}\u2013{last}"
    qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=QPoint(x1, y))
    picked = window.filter_bar.filters()
    assert picked.years == (first, last)
    assert picked.kinds == before.kinds  # the other filters stay
    qtbot.wait(300)  # the rest of a long results list comes after the paint: the message stays
    message = window.statusBar().currentMessage()
    assert f"{first}\u2013{last}" in message and "Ctrl+Z" in message

    timeline.setFocus()
    qtbot.keyClick(timeline, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.filter_bar.filters() == before
    assert timeline.visible_extent() == shown_before
    assert not window.undo_filters_action.isEnabled()
    qtbot.wait(300)
    assert "put back" in window.statusBar().currentMessage()


def test_a_click_on_the_axis_sets_no_filter(window: MainWindow, qtbot: QtBot) -> None:
    timeline = window.timeline
    point = QPoint(int(GUTTER + timeline.view.x(sum(middle_years(timeline, 1)) / 2)), int(AXIS_HEIGHT) // 2)
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=point)
    assert not window.filter_bar.filters().active
    assert not window.undo_filters_action.isEnabled()


def test_a_filter_changed_by_hand_after_a_drag_is_not_undone(window: MainWindow) -> None:
    timeline = window.timeline
    first, last = middle_years(timeline, 2)
    timeline.yearRangePicked.emit(first, last)
    assert window.undo_filters_action.isEnabled()
    choose_kind(window, Kind.EVENT)
    assert not window.undo_filters_action.isEnabled()
    window.undo_filters_action.trigger()
    assert window.filter_bar.filters().kinds == frozenset({Kind.EVENT})


def test_hide_others_leaves_only_matching_bars_in_the_figures(window: MainWindow) -> None:
    figures = window.figures
    assert figures is not None
    charted = [row.bar.record_id for row in figures.view.figures_layout().rows]
    window.search_field.setText(window.dataset.records[charted[0]].title)
    window.search_field.flush()
    matches = window.timeline.scene.matches
    assert matches is not None and charted[0] in matches and not set(charted) <= matches
    assert [row.bar.record_id for row in figures.view.figures_layout().rows] == charted  # dimmed, still there
    window.filter_bar.set_hide_unmatched(True)
    shown = [row.bar.record_id for row in figures.view.figures_layout().rows]
    assert charted[0] in shown and set(shown) <= matches
    window.filter_bar.set_hide_unmatched(False)
    assert [row.bar.record_id for row in figures.view.figures_layout().rows] == charted


def test_with_others_hidden_a_total_counts_only_the_bars_shown(window: MainWindow) -> None:
    figures = window.figures
    assert figures is not None
    summed = next(chart for chart in figures.view.charts if chart.total is not None)
    assert summed.total is not None
    kept = summed.total.counted[0]
    window.search_field.setText(window.dataset.records[kept].title)
    window.search_field.flush()
    window.filter_bar.set_hide_unmatched(True)
    matches = window.timeline.scene.matches
    assert matches is not None and not set(summed.total.counted) <= matches
    totals = [panel.chart.total for panel in figures.view.figures_layout().charts if panel.chart.total]
    for total in totals:
        assert set(total.counted) <= matches  # no hidden bar is in a sum labelled "of the figures shown"
    window.filter_bar.set_hide_unmatched(False)
