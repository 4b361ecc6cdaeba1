"""The glossary: every acronym with its expansion, filterable, each leading to its record."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from ajexplorer.domain.i18n import QT_TRANSLATE_NOOP, translate
from ajexplorer.domain.model import GlossaryEntry
from ajexplorer.gui.headers import ModelIndex, column_title, fit_column
from ajexplorer.gui.visibility import out_of_sight

COLUMNS = (
    QT_TRANSLATE_NOOP("Columns", "Acronym"),
    QT_TRANSLATE_NOOP("Columns", "Expansion"),
    QT_TRANSLATE_NOOP("Columns", "Expansion given"),
)
EntryRole = Qt.ItemDataRole.UserRole + 1
_Index = ModelIndex


class GlossaryModel(QAbstractTableModel):
    def __init__(self, entries: tuple[GlossaryEntry, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries = entries

    def entry(self, row: int) -> GlossaryEntry:
        return self._entries[row]

    def row_of(self, acronym: str) -> int | None:
        return next((row for row, entry in enumerate(self._entries) if acronym in entry.forms), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return column_title(COLUMNS, section, orientation, role)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return entry.acronym
            if column == 1:
                return entry.expansion
            if column == 2:
                return (
                    translate("Glossary", "in the source")
                    if entry.from_source
                    else translate("Glossary", "not in the source")
                )
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{entry.acronym}: {entry.expansion}"]
            if entry.variants:
                lines.append(translate("Glossary", "Also written: ") + ", ".join(entry.variants))
            if entry.note:
                lines.append(entry.note)
            lines.append(translate("Glossary", "Paragraphs: ") + ", ".join(map(str, entry.paragraphs)))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.FontRole and column == 2 and not entry.from_source:
            from PySide6.QtGui import QFont  # noqa: PLC0415 - only for this rarely-used role

            font = QFont()
            font.setItalic(True)
            return font
        if role == EntryRole:
            return entry.acronym
        return None


class GlossaryPanel(QWidget):
    """Signals:
    recordActivated(str): the user chose an entry that names a record.
    paragraphRequested(int): the user chose an entry without a record; show where it is used.
    """

    recordActivated = Signal(str)
    paragraphRequested = Signal(int)

    def __init__(self, entries: tuple[GlossaryEntry, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("glossary")
        self.setAccessibleName(translate("Glossary", "Glossary"))
        self.model = GlossaryModel(entries, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.filter_field = QLineEdit(self)
        self.filter_field.setObjectName("glossaryFilter")
        self.filter_field.setPlaceholderText(translate("Glossary", "Filter acronyms"))
        self.filter_field.setAccessibleName(translate("Glossary", "Filter acronyms"))
        self.view = QTableView(self)
        self.view.setObjectName("glossaryTable")
        self.view.setAccessibleName(translate("Glossary", "Glossary"))
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        # Expansions wrap rather than being cut (rows take their wrapped height once follow_width runs); the
        # acronyms may not take their width (see _fit_columns).
        self.view.setWordWrap(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        fit_column(self.view, header, 0, [form for entry in entries for form in entry.forms])
        fit_column(
            self.view,
            header,
            2,
            [translate("Glossary", "in the source"), translate("Glossary", "not in the source")],
        )
        self._acronym_width = header.sectionSize(0)
        self._where_width = header.sectionSize(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter_field)
        layout.addWidget(self.view)
        self.filter_field.textChanged.connect(self.proxy.setFilterFixedString)
        self.view.activated.connect(self._on_activated)
        self._follow_waits = False

    def follow_width(self) -> None:
        """Let the columns follow the panel's width and the rows take their wrapped height; called after the
        first paint (Python seeing the view's events builds Qt classes, and sizing every row asks the model for
        every cell, which would cost the first paint). A glossary out of sight (tabbed behind the source, as
        at start) does it when first shown (catch_up): each sizing of its rows holds the window for tens of ms."""
        if out_of_sight(self):
            self._follow_waits = True
            return
        self._follow_waits = False
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.viewport().installEventFilter(self)
        self._fit_columns()

    def catch_up(self) -> None:
        """Do what waited while the panel was out of sight (it is being shown)."""
        if self._follow_waits:
            self.follow_width()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """The acronym column takes its contents' width up to a quarter of the table, the expansions the rest;
        in a narrow panel the "in the source" column gives way, and returns when there is room."""
        room = self.view.viewport().width()
        acronym = min(self._acronym_width, max(60, room // 4))
        self.view.horizontalHeader().resizeSection(0, acronym)
        self.view.setColumnHidden(2, acronym + self._where_width > room * 0.45)

    def show_acronym(self, acronym: str) -> None:
        """Bring an entry into view and select it (clearing a filter that hides it)."""
        row = self.model.row_of(acronym)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.filter_field.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def _on_activated(self, index: QModelIndex) -> None:
        entry = self.model.entry(self.proxy.mapToSource(index).row())
        if entry.record:
            self.recordActivated.emit(entry.record)
        elif entry.paragraphs:
            self.paragraphRequested.emit(entry.paragraphs[0])
