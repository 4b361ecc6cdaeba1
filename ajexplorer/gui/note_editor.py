"""The note editor in the detail pane: a star, the person's note and the collections, for the selected record
or one of the paragraphs it cites.

There is no Save button: what is typed is written to the notebook a moment after the typing stops, and at once
when the person moves to another record or paragraph, or closes the window.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFocusEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ajexplorer.domain.i18n import QT_TRANSLATE_NOOP, translate
from ajexplorer.domain.model import Dataset
from ajexplorer.domain.notebook import Notebook, NotebookError, paragraph_target, record_target
from ajexplorer.gui.browser import SafeBrowser
from ajexplorer.presentation.note_html import STAR, note_html
from ajexplorer.presentation.words import kind_label

#: How long after the last keystroke a note is written.
SAVE_AFTER_MS = 400
PLACEHOLDER = QT_TRANSLATE_NOOP("NoteEditor", "Your note (saved as you type; **bold**, *italic*, - lists)")


class _NoteText(QPlainTextEdit):
    """Signals:
    focusLost(): the person left the note (it is saved at once).
    """

    focusLost = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.focusLost.emit()
        super().focusOutEvent(event)


class NoteEditor(QWidget):
    """Edits the note and star of one target at a time, writing through to the notebook.

    Signals:
        changed(): the notebook changed here (a note, a star or a collection).
        newCollectionRequested(str): "New collection…" was chosen, to hold this target.
    """

    changed = Signal()
    newCollectionRequested = Signal(str)

    def __init__(self, notebook: Notebook, dataset: Dataset, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteEditor")
        self.setAccessibleName(translate("NoteEditor", "Your note"))
        self._notebook = notebook
        self._dataset = dataset
        self._record_id: str | None = None
        self._target: str | None = None
        self.star = QToolButton(self)
        self.star.setObjectName("starButton")
        self.star.setCheckable(True)
        self.star.setText(STAR)
        self.star.setAccessibleName(translate("NoteEditor", "Star"))
        self.star.setToolTip(translate("NoteEditor", "Star this (Ctrl+D)"))
        self.star.setShortcut("Ctrl+D")
        self.subject = QComboBox(self)
        self.subject.setObjectName("noteSubject")
        self.subject.setAccessibleName(translate("NoteEditor", "Note on"))
        self.subject.setToolTip(
            translate("NoteEditor", "Write about the record, or about one of the paragraphs it cites")
        )
        self.collections = QToolButton(self)
        self.collections.setObjectName("collectionsButton")
        self.collections.setText(translate("NoteEditor", "Collections"))
        self.collections.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.collections_menu = QMenu(self.collections)
        self.collections.setMenu(self.collections_menu)
        self.state = QLabel(self)
        self.state.setObjectName("noteState")
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.text = _NoteText(self)
        self.text.setObjectName("noteText")
        self.text.setAccessibleName(translate("NoteEditor", "Your note"))
        self.text.setPlaceholderText(translate("NoteEditor", PLACEHOLDER))
        self.text.setTabChangesFocus(True)
        self.preview = SafeBrowser(self)
        self.preview.setObjectName("notePreview")
        self.preview.setAccessibleName(translate("NoteEditor", "Your note, as shown"))
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.star)
        bar.addWidget(QLabel(translate("NoteEditor", "Your note on"), self))
        bar.addWidget(self.subject, 1)
        bar.addWidget(self.collections)
        bar.addWidget(self.state)
        three_lines = 3 * self.fontMetrics().lineSpacing() + 2 * self.text.frameWidth() + 8
        for part in (self.text, self.preview):
            part.setMinimumHeight(three_lines)  # the details keep the height; the note grows when dragged
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.text)
        split.addWidget(self.preview)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_AFTER_MS)
        self._timer.timeout.connect(self.flush)
        self._loading = False
        self._unsaved = False  # typed since the last write
        self.text.textChanged.connect(self._typed)
        self.text.focusLost.connect(self.flush)
        self.star.toggled.connect(self._starred)
        self.subject.currentIndexChanged.connect(self._subject_chosen)
        self.collections_menu.aboutToShow.connect(self._fill_collections)
        self.show_record(None)

    @property
    def target(self) -> str | None:
        return self._target

    def set_dataset(self, dataset: Dataset) -> None:
        self.flush()
        self._dataset = dataset
        self.show_record(None)

    def show_record(self, record_id: str | None) -> None:
        """Follow the selection: the record's own note first, its paragraphs in the list."""
        self.flush()
        record = self._dataset.get(record_id) if record_id else None
        self._record_id = record.id if record is not None else None
        self._loading = True
        try:
            self.subject.clear()
            if record is not None:
                self.subject.addItem(
                    translate("NoteEditor", "this {kind}").format(kind=kind_label(record.kind).lower()),
                    record_target(record.id),
                )
                for number in sorted(record.paragraphs):
                    self.subject.addItem(
                        translate("NoteEditor", "¶ {number} of the source").format(number=number),
                        paragraph_target(number),
                    )
        finally:
            self._loading = False
        self._load(record_target(record.id) if record is not None else None)

    def show_target(self, target: str) -> None:
        """Edit ``target`` (one of the subjects listed) directly."""
        position = self.subject.findData(target)
        if position >= 0:
            self.subject.setCurrentIndex(position)

    def reload(self) -> None:
        """Show the notebook's state for the current target again (changed elsewhere: the pane, an import)."""
        self.flush()
        self._load(self._target)

    def _subject_chosen(self, position: int) -> None:
        if self._loading:
            return
        self.flush()
        data = self.subject.itemData(position)
        self._load(data if isinstance(data, str) else None)

    def _load(self, target: str | None) -> None:
        self._target = target
        self._unsaved = False
        note = self._notebook.note(target) if target else None
        self._loading = True
        try:
            self.text.setPlainText(note.text if note else "")
            self.star.setChecked(bool(note and note.starred))
        finally:
            self._loading = False
        for widget in (self.text, self.star, self.subject, self.collections):
            widget.setEnabled(target is not None)
        self._render()
        self._show_state()

    def _typed(self) -> None:
        if not self._loading:
            self._unsaved = True
            self._timer.start()
            self._render()

    def _render(self) -> None:
        self.preview.setHtml(note_html(self.text.toPlainText()))

    def flush(self) -> None:
        """Write the note now if typing is waiting to be saved."""
        self._timer.stop()
        if not self._unsaved or self._target is None:
            return
        self._unsaved = False
        self._notebook.set_text(self._target, self.text.toPlainText(), self._title())
        self._show_state()
        self.changed.emit()

    def _starred(self, on: bool) -> None:
        if self._loading or self._target is None:
            return
        self.flush()
        self._notebook.set_starred(self._target, on, self._title())
        self._show_state()
        self.changed.emit()

    def _title(self) -> str:
        record = self._dataset.get(self._record_id) if self._record_id else None
        if record is None or self._target is None:
            return ""
        if self._target == record_target(record.id):
            return record.display_title
        number = int(self._target.split(":", 1)[1])
        paragraph = self._dataset.paragraphs.get(number)
        return f"¶ {number}: {paragraph.text[:80]}" if paragraph is not None else f"¶ {number}"

    def _show_state(self) -> None:
        problem = self._notebook.problem
        self.state.setText(translate("NoteEditor", "Not saved: kept in memory") if problem else "")
        self.state.setToolTip(problem or "")

    def _fill_collections(self) -> None:
        menu = self.collections_menu
        menu.clear()
        target = self._target
        if target is None:
            return
        for collection in self._notebook.collections():
            action = QAction(collection.name, menu)
            action.setCheckable(True)
            action.setChecked(target in collection.targets)
            action.toggled.connect(lambda on, name=collection.name: self.set_in_collection(name, on))
            menu.addAction(action)
        if menu.actions():
            menu.addSeparator()
        new = menu.addAction(translate("NoteEditor", "New collection…"))
        new.triggered.connect(lambda: self.newCollectionRequested.emit(target))

    def set_in_collection(self, name: str, on: bool) -> None:
        if self._target is None:
            return
        try:
            if on:
                self._notebook.add_to_collection(name, self._target)
            else:
                self._notebook.remove_from_collection(name, self._target)
        except NotebookError:
            return  # removed meanwhile from the pane; the menu is rebuilt when next opened
        self.changed.emit()
