"""The views a screen reader (or a keyboard) reads instead of the painted ones: the chronology of the timeline,
the figures as a table, and what the window says as it changes."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAccessible, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ajexplorer.domain.loading import load_dataset
from ajexplorer.domain.model import Dataset, Kind
from ajexplorer.gui.chronology_view import ChronologyModel
from ajexplorer.gui.figures_table import FigureTableModel
from ajexplorer.gui.mainwindow import MainWindow
from ajexplorer.presentation.charts import charts_from
from ajexplorer.presentation.chronology import chronology
from ajexplorer.presentation.figure_table import figure_rows
from ajexplorer.presentation.record_text import status_line
from ajexplorer.presentation.timeline_layout import items_from
from tests.conftest import FIXTURES
from tests.gui.conftest import TODAY, make_window


@pytest.fixture(scope="module")
def partner() -> Dataset:
    return load_dataset(FIXTURES / "partner")


@pytest.fixture
def window(qtbot: QtBot, partner: Dataset) -> MainWindow:
    return make_window(qtbot, partner)


def _accessible_text(widget: Any, kind: QAccessible.Text) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(kind)


def _events(dataset: Dataset) -> list[str]:
    return [
        entry.record_id
        for group in chronology(dataset, items_from(dataset, TODAY))
        for entry in group.entries
    ]


def test_the_chronology_model_passes_the_model_tester(qtmodeltester: Any, partner: Dataset) -> None:
    model = ChronologyModel(chronology(partner, items_from(partner, TODAY)))
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() > 1


def test_the_figure_table_model_passes_the_model_tester(qtmodeltester: Any, partner: Dataset) -> None:
    model = FigureTableModel(figure_rows(charts_from(partner)))
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == len(figure_rows(charts_from(partner)))


def test_the_chronology_follows_the_navigator(window: MainWindow, partner: Dataset) -> None:
    view = window.chronology
    assert view is not None
    for record_id in (_events(partner)[-1], _events(partner)[0]):
        window.navigator.go(record_id)
        assert view.current_record() == record_id
        assert view.selectionModel().isRowSelected(view.currentIndex().row(), view.currentIndex().parent())
    mechanism = partner.of_kind(Kind.MECHANISM)[0].id
    window.navigator.go(mechanism)  # not on the timeline: nothing stays selected
    assert not view.selectionModel().hasSelection()


def test_moving_in_the_chronology_with_the_keyboard_selects_everywhere(
    window: MainWindow, partner: Dataset, qtbot: QtBot
) -> None:
    events = _events(partner)
    window.navigator.go(events[0])
    window.chronology_action.trigger()
    view = window.chronology
    assert view is not None
    assert window.chronology_dock.isVisible()
    assert QApplication.focusWidget() is view
    qtbot.keyClick(view, Qt.Key.Key_Down)
    if view.current_record() is None:  # a year's heading: read, and selects nothing
        assert window.navigator.current == events[0]
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert window.navigator.current == events[1]
    title = partner.records[events[1]].title
    assert title in _accessible_text(window.timeline, QAccessible.Text.Description)
    assert title in window.details.browser.toPlainText()
    window.navigator.back()
    assert view.current_record() == events[0]


def test_the_timeline_describes_its_current_item(window: MainWindow, partner: Dataset) -> None:
    record = partner.get(_events(partner)[1])
    assert record is not None
    window.navigator.go(record.id)
    description = _accessible_text(window.timeline, QAccessible.Text.Description)
    assert record.title in description
    assert record.when.human() in description


def test_the_status_bar_speaks_the_current_record_and_the_search_outcome(
    window: MainWindow, partner: Dataset, qtbot: QtBot
) -> None:
    record = partner.get(_events(partner)[0])
    assert record is not None
    window.navigator.go(record.id)
    status = window.statusBar()
    assert _accessible_text(status, QAccessible.Text.Name) == status_line(record)
    window.search_field.setText("qqqzzzxxy")
    qtbot.waitUntil(lambda: "No results" in status.currentMessage(), timeout=3000)
    assert _accessible_text(status, QAccessible.Text.Name).startswith("No results")
    window.search_field.setText(record.title.split()[-1])
    qtbot.waitUntil(lambda: " result" in status.currentMessage(), timeout=3000)
    assert _accessible_text(status, QAccessible.Text.Name) == status.currentMessage()


def test_the_figures_show_as_a_table_that_follows_the_selection(
    window: MainWindow, partner: Dataset, qtbot: QtBot
) -> None:
    panel = window.figures
    assert panel is not None
    window.figures_dock.show()
    window.figures_dock.raise_()
    rows = figure_rows(charts_from(partner))
    qtbot.mouseClick(panel.table_button, Qt.MouseButton.LeftButton)
    assert panel.table.isVisible() and not panel.view.isVisible()
    model = panel.table.model()
    shown = [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]
    assert shown == [list(row.cells) for row in rows]
    # A figure followed by another: moving down selects the next figure.
    first = next(n for n in range(len(rows) - 1) if rows[n].record_id and rows[n + 1].record_id)
    window.navigator.go(rows[first].record_id)
    assert panel.table.currentIndex().row() == first
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    assert window.navigator.current == rows[first + 1].record_id
    # A chart's total stands for no record: moving onto it keeps the figure selected.
    before_total = next(n for n in range(len(rows) - 1) if rows[n].record_id and not rows[n + 1].record_id)
    window.navigator.go(rows[before_total].record_id)
    with qtbot.assertNotEmitted(panel.table.recordActivated):
        qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    assert panel.table.currentIndex().row() == before_total + 1
    assert window.navigator.current == rows[before_total].record_id
    qtbot.mouseClick(panel.table_button, Qt.MouseButton.LeftButton)
    assert panel.view.isVisible() and not panel.table.isVisible()


def test_a_figure_card_reads_its_title_and_qualified_values(window: MainWindow, partner: Dataset) -> None:
    panel = window.figures
    assert panel is not None
    qualified = next(row for row in figure_rows(charts_from(partner)) if row.qualifier)
    window.navigator.go(qualified.record_id)
    description = _accessible_text(panel.view, QAccessible.Text.Description)
    assert qualified.chart in description
    assert qualified.value in description
    assert qualified.source in description


def test_the_new_views_take_the_palettes_colours(window: MainWindow, partner: Dataset) -> None:
    """No colour of their own: dark and light themes, and high contrast, reach them unchanged."""
    assert window.chronology is not None and window.figures is not None
    for model in (window.chronology.model(), window.figures.table.model()):
        index = model.index(0, 0)
        child = model.index(0, 0, index) if model.rowCount(index) else QModelIndex()
        for cell in (index, child):
            if cell.isValid():
                assert cell.data(Qt.ItemDataRole.ForegroundRole) is None
                assert cell.data(Qt.ItemDataRole.BackgroundRole) is None
    dark = QPalette(window.palette())
    dark.setColor(QPalette.ColorRole.Base, Qt.GlobalColor.black)
    window.setPalette(dark)
    assert window.chronology.palette().color(QPalette.ColorRole.Base) == dark.color(QPalette.ColorRole.Base)


def test_the_timeline_says_which_years_it_shows_as_it_zooms(window: MainWindow) -> None:
    def said() -> str:
        return _accessible_text(window.timeline, QAccessible.Text.Description)

    def in_view() -> str:
        start, end = window.timeline.visible_extent()
        return f"Showing {int(start // 1)} to {int(end // 1)}"

    window.timeline.fit_all()
    assert in_view() in said()
    whole = said()
    window.timeline.zoom_by(8)
    assert in_view() in said()
    assert said() != whole
