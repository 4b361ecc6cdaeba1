"""The File menu keeps its order (datasets, export, print, Quit) whatever order its parts arrive in."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget
from pytestqt.qtbot import QtBot

from ajexplorer.gui.file_menu import DATASETS, EXPORT, PRINT, QUIT, FileMenu
from ajexplorer.gui.mainwindow import MainWindow


def layout(menu: QMenu) -> list[str]:
    return ["-" if action.isSeparator() else action.text() for action in menu.actions()]


def test_sections_keep_their_order_whatever_order_they_are_set_in(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    menu = FileMenu("File", owner)
    quit_action, print_action = QAction("Quit", owner), QAction("Print", owner)
    menu.set_section(QUIT, [quit_action])
    assert layout(menu) == ["Quit"]
    menu.set_section(PRINT, [print_action])
    export = QMenu("Export", owner)
    menu.set_section(EXPORT, [export])
    menu.set_section(DATASETS, [QAction("Open", owner), QAction("Recent", owner)])
    assert layout(menu) == ["Open", "Recent", "-", "Export", "-", "Print", "-", "Quit"]
    menu.set_section(DATASETS, [QAction("Open Again", owner)])  # replaced, not added to
    menu.set_section(PRINT, [])  # an empty section leaves no double separator
    assert layout(menu) == ["Open Again", "-", "Export", "-", "Quit"]
    quit_action.trigger()  # the parts' actions survive being laid out again


def test_an_unknown_section_is_refused(qtbot: QtBot) -> None:
    menu = FileMenu("File")
    with pytest.raises(ValueError, match="no section 'help'"):
        menu.set_section("help", [])
    menu.deleteLater()


def test_the_window_lays_out_exports_and_printing_before_quit(window: MainWindow) -> None:
    assert window.exports is not None
    texts = layout(window.file_menu)
    assert texts[-6:] == ["&Export", "-", "&Print Details…", "Print &Timeline…", "-", "&Quit"]
    assert window.exports.export_menu.menuAction() in window.file_menu.actions()
