"""What the item models and their views share: column titles and column widths."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView

from ajexplorer.domain.i18n import translate

ModelIndex = QModelIndex | QPersistentModelIndex


def column_title(columns: Sequence[str], section: int, orientation: Qt.Orientation, role: int) -> str | None:
    """The title of column ``section`` for the horizontal header's display role; None for anything else."""
    if (
        orientation == Qt.Orientation.Horizontal
        and role == Qt.ItemDataRole.DisplayRole
        and 0 <= section < len(columns)
    ):
        return translate("Columns", columns[section])
    return None


#: Room around a cell's text: the item's margins and the header's padding.
CELL_PADDING = 20


def fit_column(view: QAbstractItemView, header: QHeaderView, column: int, texts: Iterable[str]) -> None:
    """Fix a short column's width to its widest text.

    Qt's ResizeToContents asks the model for every row's size hint, which at start-up costs more than the
    rest of the view; the texts are known, so measure them once.
    """
    title = header.model().headerData(column, Qt.Orientation.Horizontal) if header.model() else None
    widest = max((view.fontMetrics().horizontalAdvance(text) for text in texts), default=0)
    title_width = header.fontMetrics().horizontalAdvance(str(title or ""))
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
    header.resizeSection(column, max(widest, title_width) + CELL_PADDING)
