"""History lists, as in browsers: on a long press or right-click of Back or Forward, and in the Go menu."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from ajexplorer.domain.i18n import translate

#: A line of a history list: the offset that reaches it (0 for the current step), and its label.
Line = tuple[int, str]


class HistoryMenu(QMenu):
    """A list of steps, filled from ``lines`` each time it opens, so it is never stale.

    Signals:
        offsetChosen(int): the person chose the step this many steps back (negative) or forward (positive).
    """

    offsetChosen = Signal(int)

    def __init__(
        self, title: str, lines: Callable[[], Sequence[Line]], parent: QWidget | None = None
    ) -> None:
        super().__init__(title, parent)
        self._lines = lines
        self.aboutToShow.connect(self.refill)

    def refill(self) -> None:
        self.clear()
        lines = self._lines()
        if not lines:
            self.addAction(translate("History", "No history yet")).setEnabled(False)
            return
        for offset, label in lines:
            action = self.addAction(label.replace("&", "&&"))
            if offset == 0:
                action.setCheckable(True)
                action.setChecked(True)  # where the person is now, as browsers mark it
            action.triggered.connect(lambda _checked=False, offset=offset: self.offsetChosen.emit(offset))


def attach_to_button(button: QToolButton, menu: HistoryMenu) -> None:
    """The list opens on a long press (a click still goes Back or Forward) and on a right-click."""
    button.setMenu(menu)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.DelayedPopup)
    button.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    button.customContextMenuRequested.connect(lambda position: menu.popup(button.mapToGlobal(position)))
