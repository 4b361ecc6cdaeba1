"""One selection, followed by every view; history with Back and Forward."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QWidget
from pytestqt.qtbot import QtBot

from ajexplorer.domain.model import Dataset
from ajexplorer.gui.mainwindow import MainWindow
from ajexplorer.gui.mechanism_tree import RecordRole
from tests.gui.conftest import TODAY


def select_in_tree(window: MainWindow, record_id: str) -> None:
    index = window.tree_model.index_of(record_id)
    assert index.isValid(), record_id
    window.mechanisms.view.setCurrentIndex(index)


def test_selecting_in_the_tree_moves_details_timeline_and_source(window: MainWindow) -> None:
    select_in_tree(window, "m-asean-japan-summit")
    assert window.navigator.current == "m-asean-japan-summit"
    assert window.details.record_id == "m-asean-japan-summit"
    assert "ASEAN-Japan Summit" in window.details.browser.toPlainText()
    linked = window.timeline._linked
    summits = {event.id for event in window.dataset.events_under("m-asean-japan-summit")}
    assert summits and summits <= linked
    assert "Records:" in window.source.browser.toPlainText()


def test_clicking_an_event_on_the_timeline_moves_the_tree_and_details(
    window: MainWindow, qtbot: QtBot
) -> None:
    event_id = "ev-2020-11-12-23rd-asean-japan-summit"
    window.timeline.set_current(event_id)  # scroll it into view first, as a person would by panning
    window.timeline.zoom_to_selection()
    position = window.timeline.item_position(event_id)
    assert position is not None
    window.navigator.reset()
    qtbot.mouseClick(window.timeline, Qt.MouseButton.LeftButton, pos=position)
    assert window.navigator.current == event_id
    assert window.details.record_id == event_id
    assert "12 November 2020" in window.details.browser.toPlainText()
    current = window.mechanisms.view.currentIndex()
    assert window.tree_model.data(current, RecordRole) == "m-asean-japan-summit"


def _press_side_button(target: QWidget, button: Qt.MouseButton) -> None:
    centre = QPointF(target.width() / 2, target.height() / 2)
    press = QMouseEvent(
        QEvent.Type.MouseButtonPress,
        centre,
        target.mapToGlobal(centre),
        button,
        button,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, press)


def test_back_and_forward_from_actions_keys_and_mouse_buttons(window: MainWindow, qtbot: QtBot) -> None:
    for record_id in ("m-arf", "m-apt", "m-eas"):
        window.open_record(record_id)
    assert window.back_action.isEnabled() and not window.forward_action.isEnabled()
    window.back_action.trigger()
    assert window.navigator.current == "m-apt"
    qtbot.keyClick(window.timeline, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.navigator.current == "m-arf"
    assert not window.back_action.isEnabled()
    window.forward_action.trigger()
    assert window.navigator.current == "m-apt"
    for button, expected in ((Qt.MouseButton.BackButton, "m-arf"), (Qt.MouseButton.ForwardButton, "m-apt")):
        _press_side_button(window.details.browser.viewport(), button)
        assert window.navigator.current == expected
    assert window.details.record_id == "m-apt"
    assert window.tree_model.data(window.mechanisms.view.currentIndex(), RecordRole) == "m-apt"


def test_the_side_buttons_work_over_every_part_of_the_window(window: MainWindow) -> None:
    """Over fields, buttons, bars and the panes built after the first paint alike, each of which may keep a
    press for itself; and over a widget added to the window afterwards. (That a press moves the history is
    the test above: here the history is empty, so each press is quick.)"""
    late = QLineEdit(window.details)
    late.show()
    widgets = [
        widget for widget in window.findChildren(QWidget) if widget.isVisible() and not widget.isWindow()
    ]
    assert late in widgets and window.figures is not None and window.figures in widgets
    assert window.chronology is not None and window.chronology.viewport() in widgets
    window.navigator.reset()
    pressed: list[str] = []
    window.side_buttons.back.connect(lambda: pressed.append("back"))
    window.side_buttons.forward.connect(lambda: pressed.append("forward"))
    missed = []
    for widget in widgets:
        pressed.clear()
        _press_side_button(widget, Qt.MouseButton.BackButton)
        _press_side_button(widget, Qt.MouseButton.ForwardButton)
        if pressed != ["back", "forward"]:
            missed.append(f"{type(widget).__name__} {widget.objectName()}: {pressed}")
    assert missed == []
    # A menu of the window is a window of its own: a side button there is the menu's business.
    menu = window.findChildren(QMenu)[0]
    pressed.clear()
    _press_side_button(menu, Qt.MouseButton.BackButton)
    assert pressed == []


def test_links_in_the_detail_pane_select_records_and_show_paragraphs(window: MainWindow) -> None:
    from ajexplorer.presentation.links import Link, Target

    window.open_record("m-somtc-japan")
    window.details.browser.activate(Link(Target.RECORD, "m-ajct-dialogue"))
    assert window.navigator.current == "m-ajct-dialogue"
    window.details.browser.activate(Link(Target.GLOSSARY, "JAIF"))
    assert not window.glossary_dock.visibleRegion().isEmpty()
    row = window.glossary.proxy.mapToSource(window.glossary.view.currentIndex()).row()
    assert window.glossary.model.entry(row).acronym == "JAIF"


def test_glossary_entries_lead_to_their_records(window: MainWindow) -> None:
    window.glossary.filter_field.setText("integration fund")
    assert window.glossary.proxy.rowCount() == 1
    window.glossary.view.activated.emit(window.glossary.proxy.index(0, 0))
    assert window.navigator.current == "m-jaif"


def test_open_unknown_record_is_reported_not_raised(window: MainWindow) -> None:
    assert not window.open_record("ev-does-not-exist")
    assert "no record" in window.statusBar().currentMessage()
    assert window.navigator.current is None


def test_clicking_a_figure_selects_its_record_everywhere(window: MainWindow, qtbot: QtBot) -> None:
    window.figures_dock.show()
    window.figures_dock.raise_()
    figures = window.figures
    assert figures is not None
    view = figures.view
    target = next(
        bar.record_id
        for chart in view.charts
        for bar in chart.bars
        if bar.is_target and "JENESYS" in chart.title
    )
    window.navigator.go("m-asean-japan-summit")
    figures.set_current(target)  # scrolls the bar into view, as a person would
    position = view.bar_position(target)
    assert position is not None
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=position)
    assert window.navigator.current == target
    assert "target" in window.details.browser.toPlainText()
    assert "paragraph 24" in window.details.status.text()
    # Selecting the figure elsewhere (Back, then Forward) brings the chart back to it.
    window.navigator.back()
    assert view.current is None  # a mechanism: no bar is current
    window.navigator.forward()
    assert view.current == target


def test_a_search_dims_the_figures_it_does_not_match(window: MainWindow, qtbot: QtBot) -> None:
    figures = window.figures
    assert figures is not None
    qtbot.keyClicks(window.search_field, "IAI Work Plan")
    qtbot.waitUntil(lambda: figures.view.matches is not None, timeout=3000)
    bars = [bar.record_id for chart in figures.view.charts for bar in chart.bars]
    dimmed = {record_id for record_id in bars if figures.view.is_dimmed(record_id)}
    assert dimmed and dimmed != set(bars)
    assert not any(figures.view.is_dimmed(r) for r in bars if r.startswith("fig-iai-work-plan"))


def test_a_figure_selected_at_start_is_scrolled_into_view(qtbot: QtBot, dataset: Dataset) -> None:
    """As with ``--open ID``: the figure is chosen before the window (and its Figures panel) exists."""
    last = "fig-jenesys-2021-participants-target"
    window = MainWindow(dataset, None, today=TODAY)
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.open_record(last)
    window.show()
    qtbot.waitUntil(lambda: window.started, timeout=5000)
    figures = window.figures
    assert figures is not None
    area = figures.scroll_area

    def bar_in_view() -> bool:
        position = figures.view.bar_position(last)
        assert position is not None
        top = area.verticalScrollBar().value()
        return top > 0 and top <= position.y() <= top + area.viewport().height()

    qtbot.waitUntil(bar_in_view, timeout=2000)
    # A wider panel moves every card; the selected bar stays in view.
    width = figures.view.width()
    window.figures_dock.raise_()
    window.resizeDocks([window.figures_dock], [width + 300], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: figures.view.width() > width, timeout=2000)
    qtbot.waitUntil(bar_in_view, timeout=2000)
