"""The chronology: the timeline's items as a tree a screen reader can walk and a keyboard can browse.

Years are the groups (with their count), the items their rows in time order: date as the source gives it,
title, kind and lane. It follows the navigator like every other view and asks it to select what the person
moves to.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from ajexplorer.domain.i18n import translate
from ajexplorer.gui.visibility import out_of_sight
from ajexplorer.presentation.chronology import COLUMNS, Arranged, Entry, Group, arranged

_Index = QModelIndex | QPersistentModelIndex
#: internalId of a year's row; an item's row carries its year's position plus one.
_TOP = 0
#: Years are expanded a few at a time, this long at most per turn of the event loop, and only in sight: laying
#: out every row of a large dataset at once holds the window for a second (the view asks the model about each).
SLICE_MS = 20
#: Up to this many items, every year is expanded at once (about a millisecond per hundred rows).
EXPAND_AT_ONCE = 5000


class ChronologyModel(QAbstractItemModel):
    """Years, then their items; read-only."""

    def __init__(self, groups: Sequence[Group] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._groups = list(groups)
        self._where: dict[str, tuple[int, int]] = {}
        self._index_groups()

    def set_groups(self, groups: Sequence[Group], where: Mapping[str, tuple[int, int]] | None = None) -> None:
        """``where``: each item's year and row, if known already (see :func:`arranged`)."""
        self.beginResetModel()
        self._groups = list(groups)
        if where is None:
            self._index_groups()
        else:
            self._where = dict(where)
        self.endResetModel()

    def _index_groups(self) -> None:
        self._where = {
            entry.record_id: (g, r)
            for g, group in enumerate(self._groups)
            for r, entry in enumerate(group.entries)
        }

    def entry(self, index: _Index) -> Entry | None:
        if not index.isValid() or index.internalId() == _TOP:
            return None
        return self._groups[index.internalId() - 1].entries[index.row()]

    def index_of(self, record_id: str | None) -> QModelIndex:
        """The row of ``record_id``'s item (first column), or an invalid index if the timeline has none."""
        where = self._where.get(record_id or "")
        if where is None:
            return QModelIndex()
        group, row = where
        return self.createIndex(row, 0, group + 1)

    # --- QAbstractItemModel ------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _TOP and parent.column() == 0:
            return len(self._groups[parent.row()].entries)
        return 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self.entry(index)
        if role == Qt.ItemDataRole.DisplayRole:
            if entry is None:
                return self._groups[index.row()].label if index.column() == 0 else ""
            return entry.cells[index.column()]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            # A year's row has one cell of text; its other cells repeat it rather than read as blanks.
            if entry is None:
                return self._groups[index.row()].label
            return entry.cells[index.column()] or translate("Chronology", "not given")
        if role == Qt.ItemDataRole.ToolTipRole and entry is not None:
            return entry.spoken()
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("Columns", COLUMNS[section]) if 0 <= section < len(COLUMNS) else None
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class ChronologyView(QTreeView):
    """The chronology in a tree, years expanded; the current row follows the navigator.

    Signals:
        recordActivated(str): the person moved to, clicked or pressed Enter on an item.
        filled(): every year of the groups last set is expanded (see :meth:`set_groups`).
    """

    recordActivated = Signal(str)
    filled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chronology")
        self.setAccessibleName(translate("Chronology", "Chronology"))
        self.setAccessibleDescription(
            translate(
                "Chronology",
                "The timeline's events, plans and periods in time order, grouped by year. "
                "Up and Down move through them and select each; Left and Right close and open a year.",
            )
        )
        self.chronology = ChronologyModel(parent=self)
        self.setModel(self.chronology)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setAllColumnsShowFocus(True)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._following = False
        self._current: str | None = None
        self._unexpanded = 0  # the years not expanded yet, counted from the end
        self._expanding = QTimer(self)
        self._expanding.setInterval(0)
        self._expanding.timeout.connect(self._expand_some)
        self.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.activated.connect(self._on_current_row)

    def set_groups(self, groups: Sequence[Group]) -> None:
        self.set_arranged(arranged(groups))

    def set_arranged(self, content: Arranged) -> None:
        """Show the groups, every year expanded, a few years per turn of the event loop while the view is in
        sight (:meth:`filling` says whether that is under way)."""
        self.chronology.set_groups(content.groups, content.where)
        at_once = sum(len(group.entries) for group in content.groups) <= EXPAND_AT_ONCE
        self._unexpanded = 0 if at_once else len(content.groups)
        if at_once:
            self.expandAll()
        # Widths from the texts' own measure: asking the view to size to contents lays out every row (~80 ms).
        metrics = self.fontMetrics()
        padding = 2 * metrics.averageCharWidth() + self.indentation()
        for column, texts in enumerate(content.widest):
            widest = max(
                metrics.horizontalAdvance(text) for text in (translate("Columns", COLUMNS[column]), *texts)
            )
            self.setColumnWidth(column, min(widest + padding, 40 * metrics.averageCharWidth()))
        self._expand_some()

    def filling(self) -> bool:
        """Years are being expanded (out of sight, they wait until the view is shown)."""
        return self._unexpanded > 0 and not out_of_sight(self)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._unexpanded and not self._expanding.isActive():  # painted, so in sight: go on expanding
            self._expanding.start()
        super().paintEvent(event)

    def _expand_some(self) -> None:
        if out_of_sight(self):
            self._expanding.stop()  # expanded rows of a hidden view are all laid out at once when shown
            self.filled.emit()
            return
        deadline = time.perf_counter() + SLICE_MS / 1000
        model = self.chronology
        count = model.rowCount()
        while self._unexpanded > 0:  # at least one year per turn
            self.expand(model.index(count - self._unexpanded, 0))
            self._unexpanded -= 1
            if time.perf_counter() >= deadline:
                break
        if self._unexpanded > 0:
            self._expanding.start()
        else:
            self._expanding.stop()
            if self._current is not None:
                self.set_current(self._current)  # scrolled to again, now that the rows above are all open
            self.filled.emit()

    def set_current(self, record_id: str | None) -> None:
        """Follow the navigator: select and show ``record_id``'s row, or clear the selection if it has none."""
        self._current = record_id
        index = self.chronology.index_of(record_id)
        self._following = True
        try:
            if index.isValid():
                flags = (
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                )
                self.selectionModel().setCurrentIndex(index, flags)
                self.scrollTo(index)
            else:
                self.selectionModel().clearSelection()
        finally:
            self._following = False

    def current_record(self) -> str | None:
        entry = self.chronology.entry(self.currentIndex())
        return entry.record_id if entry is not None else None

    def _on_current_row(self, current: QModelIndex, *_args: object) -> None:
        if self._following:
            return
        entry = self.chronology.entry(current)
        if entry is not None:
            self.recordActivated.emit(entry.record_id)
