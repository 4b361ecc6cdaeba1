"""The Notebook pane: what the person starred, noted, collected and saved, each opening through the navigator.

The model adapts a plain tree of :class:`Entry` nodes built from the notebook each time it changes; the
model holds every node it hands out (internal pointers) until the next rebuild.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ajexplorer.domain.i18n import translate
from ajexplorer.domain.notebook import PARAGRAPH, Notebook, split_target
from ajexplorer.gui.headers import ModelIndex

EntryRole = Qt.ItemDataRole.UserRole + 1


class EntryKind(Enum):
    HEADING = "heading"
    TARGET = "target"  #: a record or paragraph: opens it
    COLLECTION = "collection"
    SEARCH = "search"  #: a saved search: runs it


@dataclass(eq=False)
class Entry:
    title: str
    kind: EntryKind
    #: The target (record:ID, paragraph:N), the collection's or the search's name.
    key: str = ""
    tip: str = ""
    #: For a target inside a collection: the collection's name.
    collection: str = ""
    parent: Entry | None = None
    children: list[Entry] = field(default_factory=list)

    def add(self, child: Entry) -> Entry:
        child.parent = self
        self.children.append(child)
        return child

    @property
    def row(self) -> int:
        return self.parent.children.index(self) if self.parent is not None else 0


def build_entries(notebook: Notebook, title_of: Callable[[str], str | None], paragraphs: int) -> Entry:
    """The pane's tree: starred, notes, collections, saved searches, and notes the open data lacks."""
    root = Entry("", EntryKind.HEADING)

    def target(parent: Entry, key: str, remembered: str = "", tip: str = "", collection: str = "") -> None:
        title = title_of(key)
        parent.add(Entry(title or remembered or key, EntryKind.TARGET, key, tip, collection))

    known = notebook.orphans(lambda record_id: title_of(f"record:{record_id}") is not None, paragraphs)
    orphaned = {note.target for note in known}
    starred = root.add(Entry(translate("NotebookPanel", "Starred"), EntryKind.HEADING))
    for note in notebook.starred():
        if note.target not in orphaned:
            target(starred, note.target, note.title, note.text[:300])
    notes = root.add(Entry(translate("NotebookPanel", "Notes"), EntryKind.HEADING))
    for note in notebook.with_text():
        if note.target not in orphaned:
            target(notes, note.target, note.title, note.text[:300])
    collections = root.add(Entry(translate("NotebookPanel", "Collections"), EntryKind.HEADING))
    for collection in notebook.collections():
        count = len(collection.targets)
        node = collections.add(
            Entry(
                collection.name,
                EntryKind.COLLECTION,
                collection.name,
                translate("NotebookPanel", "%n item(s)", None, count),
            )
        )
        for key in collection.targets:
            kept = notebook.note(key)
            target(node, key, kept.title if kept else "", collection=collection.name)
    searches = root.add(Entry(translate("NotebookPanel", "Saved searches"), EntryKind.HEADING))
    for search in notebook.saved_searches():
        searches.add(Entry(search.name, EntryKind.SEARCH, search.name, search.query))
    if known:
        lost = root.add(
            Entry(
                translate("NotebookPanel", "Not in the open data"),
                EntryKind.HEADING,
                tip=translate(
                    "NotebookPanel", "Kept: notes on records or paragraphs this dataset does not have"
                ),
            )
        )
        for note in known:
            lost.add(Entry(note.title or note.target, EntryKind.HEADING, note.target, note.text[:300]))
    for heading in root.children:
        heading.title = f"{heading.title} ({len(heading.children)})"
    return root


class NotebookModel(QAbstractItemModel):
    """Adapts the tree from :func:`build_entries`; reset as a whole when the notebook changes."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = Entry("", EntryKind.HEADING)

    @property
    def root(self) -> Entry:
        return self._root

    def set_root(self, root: Entry) -> None:
        self.beginResetModel()
        self._root = root
        self.endResetModel()

    def entry(self, index: ModelIndex) -> Entry:
        if not index.isValid():
            return self._root
        node = index.internalPointer()
        assert isinstance(node, Entry)
        return node

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self.entry(parent).children[row])

    def parent(self, child: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid():
            return QModelIndex()
        up = self.entry(child).parent
        if up is None or up is self._root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.entry(parent).children)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entry(index)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if entry.kind is EntryKind.TARGET and entry.key.startswith(f"{PARAGRAPH}:"):
                return f"¶ {split_target(entry.key)[1]}: {entry.title}"
            return entry.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.tip or None
        if role == Qt.ItemDataRole.FontRole and entry.parent is self._root:
            font = QFont()
            font.setBold(True)
            return font
        if role == EntryRole:
            return entry
        return None


class NotebookPanel(QWidget):
    """The tree of the notebook with its commands.

    Signals:
        targetActivated(str): a starred or noted record or paragraph, or a collection's item, was chosen.
        searchActivated(str): a saved search was chosen (its name).
        newCollectionRequested(), saveSearchRequested(), renameRequested(object), removeRequested(object):
            the buttons (an Entry for the last two).
    """

    targetActivated = Signal(str)
    searchActivated = Signal(str)
    newCollectionRequested = Signal()
    saveSearchRequested = Signal()
    renameRequested = Signal(object)
    removeRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notebook")
        self.setAccessibleName(translate("NotebookPanel", "Notebook"))
        self.model = NotebookModel(self)
        self.view = QTreeView(self)
        self.view.setObjectName("notebookTree")
        self.view.setAccessibleName(translate("NotebookPanel", "Notebook"))
        self.view.setHeaderHidden(True)
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.problem = QLabel(self)
        self.problem.setObjectName("notebookProblem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.hide()
        self.new_collection_button = QPushButton(translate("NotebookPanel", "New collection…"), self)
        self.save_search_button = QPushButton(translate("NotebookPanel", "Save search…"), self)
        self.rename_button = QPushButton(translate("NotebookPanel", "Rename…"), self)
        self.rename_button.setToolTip(
            translate("NotebookPanel", "Rename the chosen collection or saved search")
        )
        self.remove_button = QPushButton(translate("NotebookPanel", "Remove"), self)
        self.remove_button.setToolTip(
            translate("NotebookPanel", "Remove the chosen collection, saved search, item, star or note")
        )
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (
            self.new_collection_button,
            self.save_search_button,
            self.rename_button,
            self.remove_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        self.view.activated.connect(self.activate)
        self.view.clicked.connect(self.activate)
        self.new_collection_button.clicked.connect(self.newCollectionRequested)
        self.save_search_button.clicked.connect(self.saveSearchRequested)
        self.remove_button.clicked.connect(self._remove)
        self.rename_button.clicked.connect(self._rename)

    def show_tree(self, root: Entry) -> None:
        """Show a rebuilt tree, keeping which headings and collections were open."""
        closed = {self._path(i) for i in self._indexes() if not self.view.isExpanded(i)}
        self.model.set_root(root)
        for index in self._indexes():
            self.view.setExpanded(index, self._path(index) not in closed)

    def show_problem(self, text: str | None) -> None:
        self.problem.setText(text or "")
        self.problem.setVisible(bool(text))

    def activate(self, index: QModelIndex) -> None:
        entry = self.model.entry(index)
        if entry.kind is EntryKind.TARGET:
            self.targetActivated.emit(entry.key)
        elif entry.kind is EntryKind.SEARCH:
            self.searchActivated.emit(entry.key)

    def current_entry(self) -> Entry | None:
        index = self.view.currentIndex()
        return self.model.entry(index) if index.isValid() else None

    def _remove(self) -> None:
        entry = self.current_entry()
        if entry is not None and entry.kind is not EntryKind.HEADING:
            self.removeRequested.emit(entry)

    def _rename(self) -> None:
        entry = self.current_entry()
        if entry is not None and entry.kind in (EntryKind.COLLECTION, EntryKind.SEARCH):
            self.renameRequested.emit(entry)

    def _indexes(self, parent: QModelIndex | None = None) -> list[QModelIndex]:
        parent = parent or QModelIndex()
        found = []
        for row in range(self.model.rowCount(parent)):
            index = self.model.index(row, 0, parent)
            if self.model.rowCount(index):
                found.append(index)
                found.extend(self._indexes(index))
        return found

    def _path(self, index: QModelIndex) -> tuple[str, ...]:
        entry: Entry | None = self.model.entry(index)
        path: list[str] = []
        while entry is not None and entry.parent is not None:
            path.append(entry.key or entry.title.split(" (")[0])
            entry = entry.parent
        return tuple(reversed(path))
