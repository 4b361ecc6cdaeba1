"""Where the keyboard is: a frame in the palette's Highlight colour around the pane that has focus.

Item views and text browsers draw no focus frame of their own in most styles, so after F6 a person could not tell
which pane would take the next key. The frame is a transparent child drawn over the pane (mouse events pass
through), shown while the focus is in the pane or anything inside it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QApplication, QWidget

#: The frame's width in device-independent pixels: thick enough to see at a glance, thin enough to cover nothing.
WIDTH = 2.0


def on_screen(widget: QWidget) -> bool:
    """Whether any of ``widget`` can be seen: a dock tabbed behind another stays "visible" to Qt, off screen."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


class FocusMark(QWidget):
    """The frame over one pane; follows the pane's size and stays above its viewport and scroll bars."""

    def __init__(self, pane: QWidget) -> None:
        super().__init__(pane)
        self.setObjectName("focusMark")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pane = pane
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.pane and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.pane.rect())
        return False

    def set_shown(self, shown: bool) -> None:
        """The pane's events pass through Python only while the mark is shown (to follow its size)."""
        if shown == self.isVisible():
            return
        if shown:
            self.setGeometry(self.pane.rect())
            self.raise_()
            self.pane.installEventFilter(self)
        else:
            self.pane.removeEventFilter(self)
        self.setVisible(shown)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(QPen(self.pane.palette().color(QPalette.ColorRole.Highlight), WIDTH))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(self.rect()).adjusted(WIDTH / 2, WIDTH / 2, -WIDTH / 2, -WIDTH / 2))
        painter.end()


class FocusMarks(QObject):
    """The window's focus marks: one per pane, the one holding the focus shown."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._marks: list[FocusMark] = []
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._follow)

    def add(self, pane: QWidget) -> FocusMark:
        mark = FocusMark(pane)
        self._marks.append(mark)
        self._follow(None, QApplication.focusWidget())
        return mark

    def _follow(self, _old: QWidget | None, now: QWidget | None) -> None:
        for mark in self._marks:
            mark.set_shown(now is not None and (now is mark.pane or mark.pane.isAncestorOf(now)))


__all__ = ["WIDTH", "FocusMark", "FocusMarks", "on_screen"]
