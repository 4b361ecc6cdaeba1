"""Keyboard use end to end: every pane shows where the focus is, F6 visits every pane, Tab goes from pane to pane
(a text browser is one stop; its links are reached with Ctrl+Down/Ctrl+Up or N/P), and a whole tour (search,
select, relation, source paragraph, back, filter, export) is done with key events alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QPalette, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QTextBrowser, QWidget
from pytestqt.qtbot import QtBot

from ajexplorer.domain.loading import load_dataset
from ajexplorer.domain.model import Dataset
from ajexplorer.gui.browser import SafeBrowser
from ajexplorer.gui.focus_mark import on_screen
from ajexplorer.gui.mainwindow import MainWindow
from ajexplorer.presentation.help_text import NEXT_LINK_KEYS, PREVIOUS_LINK_KEYS
from ajexplorer.presentation.links import Target, parse_link
from tests.conftest import FIXTURES
from tests.gui.conftest import make_window

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(scope="module")
def partner() -> Dataset:
    return load_dataset(FIXTURES / "partner")


@pytest.fixture
def window(qtbot: QtBot, partner: Dataset) -> MainWindow:
    return make_window(qtbot, partner)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "the keyboard is nowhere"
    return widget


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key press as a person makes it: to the open menu if there is one, else to the focused widget."""
    target = QApplication.activePopupWidget() or focused()
    qtbot.keyClick(target, key, modifier)
    QApplication.processEvents()


def pane_of(window: MainWindow, widget: QWidget) -> QWidget | None:
    return next((p for p in window.focus_parts() if p is widget or p.isAncestorOf(widget)), None)


def edge_colour(pane: QWidget) -> QColor:
    """The colour at the middle of the pane's left edge, as drawn on screen (its children included)."""
    image = pane.grab().toImage()
    return image.pixelColor(1, image.height() // 2)


def near(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 40


def highlight(window: MainWindow) -> QColor:
    return window.palette().color(QPalette.ColorRole.Highlight)


def test_f6_visits_every_pane_and_each_shows_a_focus_mark(window: MainWindow, qtbot: QtBot) -> None:
    parts = window.focus_parts()
    for widget in (window.details.browser, window.source.browser, window.timeline, window.mechanisms.view):
        assert widget in parts
    # Tabbed behind another pane, yet visited: brought forward when reached.
    assert window.glossary.view in parts and window.figures in parts and window.chronology in parts
    window.search_field.setFocus()
    visited: list[QWidget] = []
    for _ in parts:
        press(qtbot, Qt.Key.Key_F6)
        pane = pane_of(window, focused())
        assert pane is not None and on_screen(pane)
        visited.append(pane)
        if pane is window.search_field:
            continue  # a text field marks its focus with its caret and the style's frame
        assert near(edge_colour(pane), highlight(window)), f"no focus mark on {pane.objectName()}"
    assert visited == [*parts[1:], parts[0]]
    press(qtbot, Qt.Key.Key_F6, SHIFT)
    assert pane_of(window, focused()) is parts[-1]


def test_f6_brings_a_pane_tabbed_away_forward_and_skips_a_closed_one(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.tabifyDockWidget(window.source_dock, window.glossary_dock)
    window.source_dock.raise_()
    QApplication.processEvents()
    assert not on_screen(window.glossary.view)
    window.source.browser.setFocus()
    press(qtbot, Qt.Key.Key_F6)
    assert focused() is window.glossary.view and on_screen(window.glossary.view)
    for _ in window.focus_parts():  # on through the panes tabbed with the source, and out
        press(qtbot, Qt.Key.Key_F6)
        if pane_of(window, focused()) not in (window.glossary.view, window.figures):
            break
    assert on_screen(window.source.browser), "passing through, F6 gives the tab back"
    window.glossary_dock.close()
    assert window.glossary.view not in window.focus_parts()
    window.source_dock.raise_()
    window.source.browser.setFocus()
    press(qtbot, Qt.Key.Key_F6)
    assert pane_of(window, focused()) is not window.glossary.view


def test_a_pane_without_focus_shows_no_mark(window: MainWindow, qtbot: QtBot) -> None:
    for pane in (window.details.browser, window.source.browser, window.mechanisms.view):
        pane.setFocus()
        QApplication.processEvents()
        assert near(edge_colour(pane), highlight(window))
        window.search_field.setFocus()
        QApplication.processEvents()
        assert not near(edge_colour(pane), highlight(window))


def test_tab_goes_from_pane_to_pane_and_a_browser_is_one_stop(window: MainWindow, qtbot: QtBot) -> None:
    window.navigator.go(next(iter(window.dataset.records)))  # details full of links
    window.search_field.setFocus()
    order: list[QWidget] = []
    for _ in range(30):
        press(qtbot, Qt.Key.Key_Tab)
        pane = pane_of(window, focused())
        if pane is not None and (not order or order[-1] is not pane):
            order.append(pane)
        if pane is window.search_field:
            break
    shown = [pane for pane in window.focus_parts() if on_screen(pane)]
    assert order == [*shown[1:], shown[0]], "Tab should reach every pane shown, in reading order"
    window.details.browser.setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert pane_of(window, focused()) is not window.details.browser, "Tab walked into the links"


def links_of(browser: SafeBrowser, target: Target) -> list[str]:
    return [
        href for _start, _end, href in browser.links() if (link := parse_link(href)) and link.target is target
    ]


def select_link(qtbot: QtBot, browser: SafeBrowser, wanted: str) -> None:
    """Ctrl+Down (or N) from link to link until ``wanted`` is the selected one."""
    for count in range(len(browser.links()) + 1):
        if browser.selected_link() == wanted:
            return
        press(
            qtbot,
            Qt.Key.Key_Down if count % 2 else Qt.Key.Key_N,
            CTRL if count % 2 else Qt.KeyboardModifier.NoModifier,
        )
    raise AssertionError(f"{wanted} never selected")


def paragraph_on_screen(window: MainWindow, number: int) -> bool:
    browser = window.source.browser
    block = browser.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            if f"p{number}" in fragments.fragment().charFormat().anchorNames():
                top = browser.document().documentLayout().blockBoundingRect(block).top()
                scrolled = top - browser.verticalScrollBar().value()
                return window.source.isVisible() and 0 <= scrolled < browser.viewport().height()
            fragments += 1
        block = block.next()
    return False


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")  # the menus
def test_the_whole_tour_without_a_mouse(
    window: MainWindow, qtbot: QtBot, partner: Dataset, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A record to look for: one with another record and a source paragraph among its links.
    def relations(record_id: str) -> tuple[list[str], list[str]]:
        window.details.show_record(record_id)
        return (
            [h for h in links_of(window.details.browser, Target.RECORD) if h.rsplit("/", 1)[1] != record_id],
            links_of(window.details.browser, Target.PARAGRAPH),
        )

    chosen = next(r for r in partner.records.values() if all(relations(r.id)))
    window.details.show_record(window.navigator.current)  # back to what the window showed

    # Ctrl+K, type the title, Down to its result, Enter.
    window.timeline.setFocus()
    press(qtbot, Qt.Key.Key_K, CTRL)
    assert focused() is window.search_field
    qtbot.keyClicks(window.search_field, chosen.title)
    press(qtbot, Qt.Key.Key_Return)  # runs the search at once
    rows = window.results.model.rowCount()
    assert rows > 0
    for _ in range(rows):
        press(qtbot, Qt.Key.Key_Up)
    for _ in range(rows):
        if window.results.current_record() == chosen.id:
            break
        press(qtbot, Qt.Key.Key_Down)
    assert window.results.current_record() == chosen.id
    press(qtbot, Qt.Key.Key_Return)
    assert window.navigator.current == chosen.id

    # F6 to the details, with a mark showing where the keyboard is.
    for _ in window.focus_parts():
        if focused() is window.details.browser:
            break
        press(qtbot, Qt.Key.Key_F6)
    assert focused() is window.details.browser
    assert near(edge_colour(window.details.browser), highlight(window))

    # A relation: selected with the link keys, followed with Enter.
    records, _paragraphs = relations(chosen.id)
    select_link(qtbot, window.details.browser, records[0])
    related = parse_link(records[0])
    assert related is not None
    related_record = partner.get(related.value)
    assert related_record is not None
    assert related_record.display_title in window.statusBar().currentMessage(), (
        "the status bar names the link"
    )
    press(qtbot, Qt.Key.Key_Return)
    assert window.navigator.current == related.value
    assert related.value != chosen.id

    # Back (Alt+Left), then a source paragraph of the record.
    press(qtbot, Qt.Key.Key_Left, ALT)
    assert window.navigator.current == chosen.id
    _records, paragraphs = relations(chosen.id)
    window.details.browser.setFocus()
    select_link(qtbot, window.details.browser, paragraphs[-1])
    press(qtbot, Qt.Key.Key_Return)
    paragraph = parse_link(paragraphs[-1])
    assert paragraph is not None
    assert paragraph_on_screen(window, int(paragraph.value))

    # A filter: from the search field, Tab to the kind and choose with the arrow keys.
    press(qtbot, Qt.Key.Key_K, CTRL)
    press(qtbot, Qt.Key.Key_Escape)  # the search cleared
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is window.filter_bar.kind
    press(qtbot, Qt.Key.Key_Down)
    assert window.filter_bar.filters().kinds
    assert window.filter_bar.indicator.text()

    # Export through the File menu: Alt+F, E for Export, the first command, Enter.
    saved = tmp_path / "keyboard-export"
    asked: list[str] = []

    def save_dialog(
        parent: QWidget, caption: str, folder: str, filters: str, chosen_filter: str
    ) -> tuple[str, str]:
        asked.append(caption)
        suffix = Path(folder).suffix
        return str(saved.with_suffix(suffix)), chosen_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    press(qtbot, Qt.Key.Key_F, ALT)
    assert QApplication.activePopupWidget() is window.file_menu
    press(qtbot, Qt.Key.Key_E)
    assert window.exports is not None
    assert QApplication.activePopupWidget() is window.exports.export_menu
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    assert asked, "the export asked for no file name"
    assert list(tmp_path.glob("keyboard-export*")), "nothing was exported"


def test_the_link_keys_are_listed_in_help_and_do_what_it_says(window: MainWindow, qtbot: QtBot) -> None:
    dialog = window.show_shortcuts()
    browser = dialog.findChild(QTextBrowser)
    assert browser is not None
    listed = browser.toPlainText()
    dialog.close()
    details = window.details.browser
    window.navigator.go(next(r for r in window.dataset.records if len(links_in(window, r)) >= 3))
    details.setFocus()
    links = details.links()
    for keys, step in ((NEXT_LINK_KEYS, 1), (PREVIOUS_LINK_KEYS, -1)):
        for key in keys:
            assert key in listed
            second = QTextCursor(details.document())  # a link before it and one after
            second.setPosition(links[1][0])
            second.setPosition(links[1][1], QTextCursor.MoveMode.KeepAnchor)
            details.setTextCursor(second)
            QTest.keySequence(details, QKeySequence(key))
            assert details.selected_link() == links[1 + step][2], f"{key} did not move to the link"


def links_in(window: MainWindow, record_id: str) -> list[tuple[int, int, str]]:
    window.details.show_record(record_id)
    return window.details.browser.links()
