"""The mouse's side buttons, Back and Forward, anywhere in the window."""

from __future__ import annotations

from PySide6.QtCore import QChildEvent, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget


class SideButtons(QObject):
    """Watches every widget of the window, each added later too (as it is polished, before it first shows):
    line edits, buttons and views keep the presses they get, so the window alone would miss many. An
    application-wide filter would do it in one place, but it runs Python for every event of every object,
    Qt's own included; while the window prepared, that alone held it for tens of milliseconds at a time.

    Signals:
        back(): the Back side button was pressed.
        forward(): the Forward side button was pressed.
    """

    back = Signal()
    forward = Signal()

    def watch(self, root: QWidget) -> None:
        """Watch ``root`` and every widget in it, but not the menus and dialogs it owns: windows of their own."""
        window = root.window()
        for widget in (root, *root.findChildren(QWidget)):
            if widget.window() is window:
                widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            if event.button() == Qt.MouseButton.BackButton:
                self.back.emit()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.forward.emit()
                return True
        elif kind == QEvent.Type.ChildPolished and isinstance(event, QChildEvent):
            child = event.child()
            if isinstance(child, QWidget) and not child.isWindow():
                self.watch(child)  # its own children were polished first, while it was not watched yet
        return False
