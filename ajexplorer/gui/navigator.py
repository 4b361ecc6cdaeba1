"""The one owner of "what is selected" and of the back/forward history."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from ajexplorer.presentation.history import History, SearchState, Step


class Navigator(QObject):
    """Holds the current record and the history; every view follows it and none call each other.

    Each step of the history keeps the search that was showing when its record was chosen (read through
    ``search_state``); Back, Forward and :meth:`jump` hand it back through ``searchRestored`` before the record,
    so the window shows what the person saw. Restoring pushes nothing and keeps the other direction's steps.

    Signals:
        searchRestored(object): a step was returned to; its SearchState is to be shown again. Emitted before
            currentChanged.
        currentChanged(str): the selected record's id ("" when nothing is selected).
        historyChanged(): the steps before or after the current one may have changed.
    """

    searchRestored = Signal(object)
    currentChanged = Signal(str)
    historyChanged = Signal()

    def __init__(
        self, parent: QObject | None = None, *, search_state: Callable[[], SearchState] | None = None
    ) -> None:
        super().__init__(parent)
        self._history = History()
        self._search_state = search_state or SearchState

    @property
    def current(self) -> str | None:
        step = self._history.current
        return step.record_id if step is not None else None

    @property
    def history(self) -> History:
        """The steps, for the history lists and the buttons' tooltips."""
        return self._history

    def can_go_back(self) -> bool:
        return bool(self._history.back)

    def go(self, record_id: str) -> None:
        """Select a record; the current step goes onto the back history and the forward steps are dropped."""
        if not record_id:
            return
        before = self.current
        self._history = self._history.visit(Step(record_id, self._search_state()))
        if record_id != before:
            self.currentChanged.emit(record_id)
            self.historyChanged.emit()

    def back(self) -> None:
        self.jump(-1)

    def forward(self) -> None:
        self.jump(1)

    def jump(self, offset: int) -> None:
        """Return ``offset`` steps back (negative) or forward (positive), with the search of that step."""
        moved = self._history.moved(offset)
        if moved is self._history or moved.current is None:
            return
        self._history = moved
        self.searchRestored.emit(moved.current.search)
        self.currentChanged.emit(moved.current.record_id)
        self.historyChanged.emit()

    def adopt(self, history: History) -> None:
        """Carry on another window's history on the same data (the window rebuilt in another language)."""
        self._history = history
        self.currentChanged.emit(self.current or "")
        self.historyChanged.emit()

    def reset(self, record_id: str | None = None) -> None:
        """Forget the history (a different dataset was opened) and select ``record_id``."""
        self._history = History(current=Step(record_id, self._search_state())) if record_id else History()
        self.currentChanged.emit(record_id or "")
        self.historyChanged.emit()
