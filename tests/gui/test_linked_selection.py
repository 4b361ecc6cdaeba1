"""One selection, followed by every view; history with Back and Forward."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ajexplorer.gui.mainwindow import MainWindow
from ajexplorer.gui.mechanism_tree import RecordRole


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
    target = window.details.browser.viewport()
    centre = QPointF(target.width() / 2, target.height() / 2)
    for button, expected in ((Qt.MouseButton.BackButton, "m-arf"), (Qt.MouseButton.ForwardButton, "m-apt")):
        press = QMouseEvent(
            QEvent.Type.MouseButtonPress,
            centre,
            target.mapToGlobal(centre),
            button,
            button,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(target, press)
        assert window.navigator.current == expected
    assert window.details.record_id == "m-apt"
    assert window.tree_model.data(window.mechanisms.view.currentIndex(), RecordRole) == "m-apt"


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
