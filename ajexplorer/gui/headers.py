"""What the item models share: column titles in a horizontal header."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

ModelIndex = QModelIndex | QPersistentModelIndex


def column_title(columns: Sequence[str], section: int, orientation: Qt.Orientation, role: int) -> str | None:
    """The title of column ``section`` for the horizontal header's display role; None for anything else."""
    if (
        orientation == Qt.Orientation.Horizontal
        and role == Qt.ItemDataRole.DisplayRole
        and 0 <= section < len(columns)
    ):
        return columns[section]
    return None
