"""The notebook in the window: opens it (after the first paint), builds its pane and its editor, says when it
cannot be saved, and exports and imports it.

Built by the main window, which wires its signals; it never reaches into other parts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from ajexplorer.domain.i18n import translate
from ajexplorer.domain.model import Dataset
from ajexplorer.domain.notebook import (
    PARAGRAPH,
    Notebook,
    NotebookError,
    copy_file,
    split_target,
)
from ajexplorer.domain.notebook_io import (
    NotebookContents,
    notebook_from_json,
    notebook_markdown,
    notebook_to_json,
)
from ajexplorer.domain.notebook_search import NotebookSearch
from ajexplorer.domain.query import Filters
from ajexplorer.domain.search import SearchIndex
from ajexplorer.gui.note_editor import NoteEditor
from ajexplorer.gui.notebook_panel import Entry, EntryKind, NotebookPanel, build_entries

#: While the notebook cannot be written, it tries again this often.
RETRY_MS = 15_000
_log = logging.getLogger("ajexplorer.notebook")


def _ask_text(parent: QWidget, title: str, label: str) -> str | None:
    from PySide6.QtWidgets import QInputDialog  # noqa: PLC0415 - dialogs load when first needed

    text, ok = QInputDialog.getText(parent, title, label)
    return text if ok else None


def _ask_file(parent: QWidget, title: str, file_filter: str, save: bool) -> Path | None:
    from PySide6.QtWidgets import QFileDialog  # noqa: PLC0415

    if save:
        name, _ = QFileDialog.getSaveFileName(parent, title, "", file_filter)
    else:
        name, _ = QFileDialog.getOpenFileName(parent, title, "", file_filter)
    return Path(name) if name else None


def _ask_export(parent: QWidget, text: str) -> bool:
    from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("Notebook", "Notebook Not Saved"),
        text,
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    export = box.addButton(translate("Notebook", "Export Notebook…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("Notebook", "Close Without Saving"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(export)
    box.exec()
    return box.clickedButton() is export


def _tell(parent: QWidget, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.open()


class NotebookController(QObject):
    """Owns the open notebook for one window. ``ask_text``, ``ask_file``, ``ask_export`` and ``tell`` are how it
    asks for a name, a file or whether to export unsaved notes, and says what went wrong (dialogs by default);
    a test replaces them.

    Signals:
        marksChanged(object, object): the starred and the noted record ids (frozensets).
        targetActivated(str): the person chose a record or paragraph in the pane.
        searchRequested(str, object): run this saved query with these filters (a Filters).
        message(str): a line for the status bar.
    """

    marksChanged = Signal(object, object)
    targetActivated = Signal(str)
    searchRequested = Signal(str, object)
    message = Signal(str)

    def __init__(
        self,
        path: Path | None,
        dataset: Dataset,
        parent: QWidget,
        *,
        ask_text: Callable[[QWidget, str, str], str | None] = _ask_text,
        ask_file: Callable[[QWidget, str, str, bool], Path | None] = _ask_file,
        tell: Callable[[QWidget, str, str], None] = _tell,
        ask_export: Callable[[QWidget, str], bool] = _ask_export,
    ) -> None:
        super().__init__(parent)
        self._window = parent
        self.ask_text = ask_text
        self.ask_file = ask_file
        self.tell = tell
        self.ask_export = ask_export
        self.notebook = Notebook.open(path) if path is not None else Notebook.in_memory()
        self.dataset = dataset
        self._searcher: NotebookSearch | None = None
        self.panel = NotebookPanel(parent)
        self.editor = NoteEditor(self.notebook, dataset, parent)
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.retry)
        self.export_json_action = QAction(translate("Notebook", "Export Notebook as &JSON…"), self)
        self.export_markdown_action = QAction(translate("Notebook", "Export Notebook as Mar&kdown…"), self)
        self.import_action = QAction(translate("Notebook", "&Import Notebook…"), self)
        self.export_json_action.triggered.connect(self.choose_and_export_json)
        self.export_markdown_action.triggered.connect(self.choose_and_export_markdown)
        self.import_action.triggered.connect(self.choose_and_import)
        self.editor.changed.connect(self.refresh)
        self.editor.newCollectionRequested.connect(self.new_collection)
        self.panel.targetActivated.connect(self.targetActivated)
        self.panel.searchActivated.connect(self.run_saved_search)
        self.panel.newCollectionRequested.connect(lambda: self.new_collection(None))
        self.panel.removeRequested.connect(self.remove)
        self.panel.renameRequested.connect(self.rename)
        self.refresh()
        if self.notebook.moved_aside is not None:
            self._offer_moved_aside(self.notebook.moved_aside)

    @property
    def actions(self) -> list[QAction]:
        return [self.export_json_action, self.export_markdown_action, self.import_action]

    # --- following the window ------------------------------------------------------------------------------

    def follow(self, record_id: str) -> None:
        self.editor.show_record(record_id or None)

    def searcher(self, index: SearchIndex) -> NotebookSearch:
        """The search over the source and this notebook, on the window's index."""
        if self._searcher is None or self._searcher.index is not index:
            self._searcher = NotebookSearch(index, self.dataset, self.notebook)
        return self._searcher

    def notes_by_target(self) -> dict[str, str]:
        """The written notes by target (``record:ID``, ``paragraph:N``), for briefings."""
        return {note.target: note.text for note in self.notebook.with_text()}

    def title_of(self, target: str) -> str | None:
        """A target's title in the open data; None when the data does not have it."""
        try:
            kind, key = split_target(target)
        except NotebookError:
            return None
        if kind == PARAGRAPH:
            paragraph = self.dataset.paragraphs.get(int(key))
            return paragraph.text[:80] if paragraph is not None else None
        record = self.dataset.get(key)
        return record.display_title if record is not None else None

    def refresh(self) -> None:
        """After any change: the pane, the marks everywhere, and whether the notebook is saved."""
        self.panel.show_tree(build_entries(self.notebook, self.title_of, len(self.dataset.paragraphs)))
        starred, noted = self.notebook.marked_records()
        self.marksChanged.emit(starred, noted)
        self._show_problem()

    def _show_problem(self) -> None:
        problem = self.notebook.problem
        if problem is None:
            self.panel.show_problem(None)
            self._retry.stop()
            return
        self.panel.show_problem(
            translate(
                "Notebook",
                "Your notebook cannot be saved: {problem}. What you write is kept while the app runs and is "
                "saved as soon as it can be; File > Export Notebook keeps a copy now.",
            ).format(problem=problem)
        )
        if not self._retry.isActive():
            self._retry.start()

    def retry(self) -> bool:
        saved = self.notebook.retry()
        self._show_problem()
        if saved:
            self.message.emit(translate("Notebook", "Your notebook is saved again."))
        return saved

    def close(self) -> None:
        """Write what is typed and close the file (the window is closing). What the disk still refuses is
        offered for export first: closing must not be where notes are lost."""
        self.editor.flush()
        self._retry.stop()
        if not self.notebook.retry():
            text = translate(
                "Notebook",
                "Some of your notebook could not be saved ({problem}). Export it to a file now to keep it?",
            ).format(problem=self.notebook.problem)
            while self.ask_export(self._window, text):
                path = self.ask_file(
                    self._window, translate("Notebook", "Export Notebook"), "JSON (*.json)", True
                )
                if path is None:
                    continue
                try:
                    self.export_json(path)
                    break
                except OSError as error:
                    text = translate(
                        "Notebook", "{path} could not be written ({error}). Export it elsewhere?"
                    ).format(path=path, error=error.strerror or error)
        self.notebook.close()

    # --- commands ------------------------------------------------------------------------------------------

    def new_collection(self, target: str | None) -> None:
        name = self.ask_text(
            self._window,
            translate("Notebook", "New Collection"),
            translate("Notebook", "Name of the collection:"),
        )
        if name is None:
            return
        try:
            self.notebook.create_collection(name)
            if target is not None:
                self.notebook.add_to_collection(name, target)
        except NotebookError as error:
            self.tell(
                self._window,
                translate("Notebook", "New Collection"),
                translate("Notebook", "The collection was not made: {error}.").format(error=error),
            )
            return
        self.refresh()

    def save_search(self, query: str, filters: Filters) -> None:
        if not query.strip() and not filters.active:
            self.tell(
                self._window,
                translate("Notebook", "Save Search"),
                translate("Notebook", "There is no search to save: type one first."),
            )
            return
        name = self.ask_text(
            self._window, translate("Notebook", "Save Search"), translate("Notebook", "Name of the search:")
        )
        if name is None:
            return
        try:
            self.notebook.save_search(name, query, filters)
        except NotebookError as error:
            self.tell(
                self._window,
                translate("Notebook", "Save Search"),
                translate("Notebook", "The search was not saved: {error}.").format(error=error),
            )
            return
        self.refresh()

    def run_saved_search(self, name: str) -> None:
        for search in self.notebook.saved_searches():
            if search.name == name:
                self.searchRequested.emit(search.query, search.filters)
                return

    def rename(self, entry: Entry) -> None:
        what = (
            translate("Notebook", "Collection")
            if entry.kind is EntryKind.COLLECTION
            else translate("Notebook", "Saved Search")
        )
        name = self.ask_text(
            self._window,
            translate("Notebook", "Rename {what}").format(what=what),
            translate("Notebook", "New name for “{key}”:").format(key=entry.key),
        )
        if name is None:
            return
        try:
            if entry.kind is EntryKind.COLLECTION:
                self.notebook.rename_collection(entry.key, name)
            else:
                self.notebook.rename_search(entry.key, name)
        except NotebookError as error:
            self.tell(
                self._window,
                translate("Notebook", "Rename {what}").format(what=what),
                translate("Notebook", "It was not renamed: {error}.").format(error=error),
            )
            return
        self.refresh()

    def remove(self, entry: Entry) -> None:
        notebook = self.notebook
        if entry.kind is EntryKind.COLLECTION:
            notebook.delete_collection(entry.key)
        elif entry.kind is EntryKind.SEARCH:
            notebook.delete_search(entry.key)
        elif entry.kind is EntryKind.TARGET and entry.collection:
            notebook.remove_from_collection(entry.collection, entry.key)
        elif (
            entry.kind is EntryKind.TARGET
            and entry.parent is not None
            and entry.parent.title.startswith(translate("NotebookPanel", "Starred"))
        ):
            notebook.set_starred(entry.key, False)
        else:
            return  # a note is removed by emptying it, where it is written
        self.editor.reload()
        self.refresh()

    # --- files ---------------------------------------------------------------------------------------------

    def contents(self) -> NotebookContents:
        self.editor.flush()
        return NotebookContents.of(self.notebook)

    def export_json(self, path: Path) -> None:
        _write(path, notebook_to_json(self.contents()))

    def export_markdown(self, path: Path) -> None:
        _write(path, notebook_markdown(self.contents(), self.title_of, f"Notebook: {self.dataset.title}"))

    def import_json(self, path: Path) -> int:
        """Merge an exported notebook into this one; how many notes it held."""
        contents = notebook_from_json(path.read_text(encoding="utf-8"))
        contents.merge_into(self.notebook)
        self.editor.reload()
        self.refresh()
        return len(contents.notes)

    def choose_and_export_json(self) -> None:
        self._export("JSON (*.json)", self.export_json)

    def choose_and_export_markdown(self) -> None:
        self._export("Markdown text (*.md)", self.export_markdown)

    def _export(self, file_filter: str, write: Callable[[Path], None]) -> None:
        path = self.ask_file(self._window, translate("Notebook", "Export Notebook"), file_filter, True)
        if path is None:
            return
        try:
            write(path)
        except OSError as error:
            self.tell(
                self._window,
                translate("Notebook", "Export Notebook"),
                translate("Notebook", "{path} could not be written: {error}.").format(
                    path=path, error=error.strerror or error
                ),
            )
            return
        self.message.emit(translate("Notebook", "Saved your notebook to {path}").format(path=path))

    def choose_and_import(self) -> None:
        path = self.ask_file(self._window, translate("Notebook", "Import Notebook"), "JSON (*.json)", False)
        if path is None:
            return
        try:
            count = self.import_json(path)
        except (OSError, UnicodeDecodeError, NotebookError) as error:
            self.tell(
                self._window,
                translate("Notebook", "Import Notebook"),
                translate("Notebook", "{path} was not imported: {error}.").format(path=path, error=error),
            )
            return
        self.message.emit(
            translate("Notebook", "Imported {count} notes from {path}").format(count=count, path=path)
        )

    def _offer_moved_aside(self, old: Path) -> None:
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

        reason = self.notebook.moved_aside_reason or translate("Notebook", "it could not be read")
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            translate("Notebook", "Notebook"),
            translate(
                "Notebook",
                "Your notebook file could not be read ({reason}). It was moved aside, not deleted, to\n{old}\n"
                "and a new, empty notebook was started. You can save a copy of the old file to keep or send.",
            ).format(reason=reason, old=old),
            QMessageBox.StandardButton.Close,
            self._window,
        )
        save = box.addButton(translate("Notebook", "Save a Copy…"), QMessageBox.ButtonRole.ActionRole)
        save.clicked.connect(lambda: self._save_copy(old))
        self.moved_aside_box = box
        box.open()

    def _save_copy(self, old: Path) -> None:
        path = self.ask_file(
            self._window,
            translate("Notebook", "Save a Copy of the Old Notebook"),
            "SQLite database (*.sqlite3)",
            True,
        )
        if path is None:
            return
        try:
            copy_file(old, path)
        except OSError as error:
            self.tell(
                self._window,
                translate("Notebook", "Notebook"),
                translate("Notebook", "{path} could not be written: {error}.").format(
                    path=path, error=error.strerror or error
                ),
            )


def _write(path: Path, text: str) -> None:
    """Whole or not at all: a temporary file beside the target, then renamed over it."""
    temporary = path.with_name(f".{path.name}.part")
    try:
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)
