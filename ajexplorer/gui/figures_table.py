"""The figures as a table: every value with its qualifier, unit and source, one row each, for reading or
copying rather than comparing lengths. The rows come from :mod:`ajexplorer.presentation.figure_table`."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ajexplorer.domain.i18n import translate
from ajexplorer.presentation.figure_table import COLUMNS, FigureRow

_Index = QModelIndex | QPersistentModelIndex


class FigureTableModel(QAbstractTableModel):
    """One row per figure, in the Figures panel's order; read-only."""

    def __init__(self, rows: Sequence[FigureRow] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows = list(rows)

    def set_rows(self, rows: Sequence[FigureRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_of(self, record_id: str | None) -> int:
        return next((i for i, row in enumerate(self._rows) if row.record_id == record_id), -1)

    def figure(self, row: int) -> FigureRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        text = self._rows[index.row()].cells[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return text or "none"  # read as a word, not as a blank cell
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return translate("Columns", COLUMNS[section]) if 0 <= section < len(COLUMNS) else None
        return str(section + 1)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class FigureTable(QTableView):
    """The figure table; the selected row follows the navigator and moving to a row selects its figure.

    Signals:
        recordActivated(str): the person moved to or pressed Enter on a figure.
    """

    recordActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figuresTable")
        self.setAccessibleName(translate("FiguresTable", "Figures table"))
        self.setAccessibleDescription(
            translate("FiguresTable", "Every figure with its value, qualifier, unit and source paragraphs")
        )
        self.figures = FigureTableModel(parent=self)
        self.setModel(self.figures)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)
        self._following = False
        self._sized = False
        self.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.activated.connect(self._on_current_row)

    def set_rows(self, rows: Sequence[FigureRow]) -> None:
        self.figures.set_rows(rows)
        self._sized = False
        if self.isVisible():
            self._size_columns()

    def showEvent(self, event: QShowEvent) -> None:
        if not self._sized:  # sizing lays out every row: done when the table is first seen, not at start-up
            self._size_columns()
        super().showEvent(event)

    def _size_columns(self) -> None:
        self._sized = True
        self.resizeColumnsToContents()

    def set_current(self, record_id: str | None) -> None:
        row = self.figures.row_of(record_id)
        self._following = True
        try:
            if row < 0:
                self.selectionModel().clearSelection()
                return
            index = self.figures.index(row, 0)
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.selectionModel().setCurrentIndex(index, flags)
            self.scrollTo(index)
        finally:
            self._following = False

    def _on_current_row(self, current: QModelIndex, *_args: object) -> None:
        if self._following:
            return
        figure = self.figures.figure(current.row()) if current.isValid() else None
        if figure is not None and figure.record_id:  # a total's row stands for no record
            self.recordActivated.emit(figure.record_id)
