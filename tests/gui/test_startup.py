"""What the window leaves out of its first paint is there, complete, once it has started."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from ajexplorer.gui.mainwindow import MainWindow


def test_each_filter_field_offers_its_clear_button_once_the_window_is_up(
    window: MainWindow, qtbot: QtBot
) -> None:
    for field in (window.search_field, window.mechanisms.filter_field, window.glossary.filter_field):
        field.setFocus()
        qtbot.keyClicks(field, "asean")
        buttons = [button for button in field.findChildren(QToolButton) if button.isVisible()]
        assert len(buttons) == 1, field.objectName()
        qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
        assert field.text() == "", field.objectName()
