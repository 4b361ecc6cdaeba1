"""The one owner of "what is selected" and of the back/forward history."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

MAX_HISTORY = 500


class Navigator(QObject):
    """Holds the current record and the history; every view follows it and none call each other.

    Signals:
        currentChanged(str): the selected record's id ("" when nothing is selected).
        historyChanged(): whether Back or Forward is possible may have changed.
    """

    currentChanged = Signal(str)
    historyChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._current: str | None = None
        self._back: list[str] = []
        self._forward: list[str] = []

    @property
    def current(self) -> str | None:
        return self._current

    def can_go_back(self) -> bool:
        return bool(self._back)

    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def go(self, record_id: str) -> None:
        """Select a record; the previous one goes onto the back history."""
        if not record_id or record_id == self._current:
            return
        if self._current is not None:
            self._back.append(self._current)
            del self._back[:-MAX_HISTORY]
        self._forward.clear()
        self._set(record_id)

    def back(self) -> None:
        if not self._back:
            return
        if self._current is not None:
            self._forward.append(self._current)
        self._set(self._back.pop())

    def forward(self) -> None:
        if not self._forward:
            return
        if self._current is not None:
            self._back.append(self._current)
        self._set(self._forward.pop())

    def reset(self, record_id: str | None = None) -> None:
        """Forget the history (a different dataset was opened) and select ``record_id``."""
        self._back.clear()
        self._forward.clear()
        self._current = record_id
        self.currentChanged.emit(record_id or "")
        self.historyChanged.emit()

    def _set(self, record_id: str) -> None:
        self._current = record_id
        self.currentChanged.emit(record_id)
        self.historyChanged.emit()
