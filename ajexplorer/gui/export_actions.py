"""File > Export and printing: the actions, their save and print dialogs, and what the person is told.

The actions come from the format table (:mod:`ajexplorer.export_formats`): one per records, events and
briefing format, and two for the timeline (the range shown, the whole span) whose save dialogs offer every
timeline format. :meth:`ExportController.export` writes any format to a path without a dialog; the slots only
ask for the path. Files are written atomically, a failure is explained in a message box naming the file and
the reason, and every outcome is announced by a signal the window shows in its status bar.
"""

from __future__ import annotations

import dataclasses
import errno
import functools
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QPageLayout, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QMessageBox, QWidget

from ajexplorer import APP_NAME, __version__
from ajexplorer.domain.export import ExportContext
from ajexplorer.domain.i18n import QT_TRANSLATE_NOOP, translate
from ajexplorer.export_formats import FORMATS, ExportFormat, Scope, format_named, of_scope
from ajexplorer.gui.detail_pane import palette_colours
from ajexplorer.gui.exporting import (
    ExportError,
    atomic_write,
    document_font,
    paper_palette,
    print_document,
    print_timeline,
)
from ajexplorer.presentation.detail_html import make_marker, record_html

_REASONS = {
    errno.ENOSPC: QT_TRANSLATE_NOOP("Export", "the disk is full"),
    errno.EDQUOT: QT_TRANSLATE_NOOP("Export", "the disk quota is used up"),
    errno.EACCES: QT_TRANSLATE_NOOP("Export", "permission denied: the folder cannot be written to"),
    errno.EPERM: QT_TRANSLATE_NOOP("Export", "permission denied: the folder cannot be written to"),
    errno.EROFS: QT_TRANSLATE_NOOP("Export", "the disk is read-only"),
    errno.ENOENT: QT_TRANSLATE_NOOP("Export", "the folder does not exist"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("Export", "part of the folder's path is not a folder"),
    errno.EISDIR: QT_TRANSLATE_NOOP("Export", "a folder of that name is in the way"),
    errno.ENAMETOOLONG: QT_TRANSLATE_NOOP("Export", "the file name is too long"),
}

#: How the menu names each scope, and the action's tip.
_MENU = {
    Scope.RECORDS: (
        QT_TRANSLATE_NOOP("Export", "Records in View as {}…"),
        QT_TRANSLATE_NOOP("Export", "Save the records the search and filters leave as {}"),
    ),
    Scope.EVENTS: (
        QT_TRANSLATE_NOOP("Export", "Events in View as {}…"),
        QT_TRANSLATE_NOOP("Export", "Save the dated events the search and filters leave as {}"),
    ),
    Scope.BRIEFING: (
        QT_TRANSLATE_NOOP("Export", "Briefing on Selection as {}…"),
        QT_TRANSLATE_NOOP("Export", "Save a cited briefing on the selected record as {}"),
    ),
}
#: What a collection exports as: a briefing on its records, or their citations.
COLLECTION_FORMATS = tuple(format_named(name) for name in ("md", "pdf", "bibtex", "ris", "csl-json"))
#: The menu's groups, each set off by a separator.
_GROUPS = ((Scope.RECORDS, Scope.EVENTS), (Scope.TIMELINE,), (Scope.BRIEFING,))


class ExportController(QObject):
    """The export and print commands of one window.

    It knows the window only through what it is given: a parent for its dialogs and a function that returns
    the :class:`ExportContext` of what the window shows (records in view, selection, search, timeline range).

    Signals:
        saved(str): a file was written or a page printed; the message says what and where.
        failed(str): an export or print failed; the message names the file and the reason.
    """

    saved = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        context: Callable[[], ExportContext],
        collections: Callable[[], Sequence[tuple[str, Sequence[str]]]] = tuple,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._context = context
        #: The person's collections: (name, record ids in order).
        self._collections = collections
        self._folder: Path | None = None  # where the last file went: the next dialog starts there
        self._printer: QPrinter | None = None
        #: One action per records, events and briefing format, by format name.
        self.format_actions: dict[str, QAction] = {}
        for fmt in FORMATS:
            if fmt.scope in _MENU:
                text, tip = (translate("Export", words) for words in _MENU[fmt.scope])
                self.format_actions[fmt.name] = self._action(
                    text.format(fmt.menu_title),
                    tip.format(_plain(fmt.menu_title)),
                    functools.partial(self._ask_and_export, fmt),
                )
        timeline_titles = "/".join(_plain(fmt.menu_title) for fmt in of_scope(Scope.TIMELINE))
        self.timeline_action = self._action(
            translate("Export", "&Timeline as {timeline_titles}…").format(timeline_titles=timeline_titles),
            translate("Export", "Save the part of the timeline now shown as an image"),
            lambda: self._ask_and_export_timeline(whole=False),
        )
        self.whole_timeline_action = self._action(
            translate("Export", "&Whole Timeline as {timeline_titles}…").format(
                timeline_titles=timeline_titles
            ),
            translate("Export", "Save the timeline from the first event to today as an image"),
            lambda: self._ask_and_export_timeline(whole=True),
        )
        self.collection_action = self._action(
            translate("Export", "&Collection as Briefing or References…"),
            translate(
                "Export",
                "Save a collection from the Notebook as a briefing on its records, or as BibTeX, RIS or CSL-JSON",
            ),
            self._ask_and_export_collection,
        )
        self.include_notes_action = self._action(
            translate("Export", "Include My &Notes in Briefings"),
            translate(
                "Export",
                "Briefings show your notes on the record and its paragraphs, in a section apart from the source",
            ),
            lambda: None,
        )
        self.include_notes_action.setCheckable(True)
        self.include_notes_action.setChecked(True)
        self.print_details_action = self._action(
            translate("Export", "&Print Details…"),
            translate("Export", "Print the details of the selected record"),
            self.print_details,
        )
        self.print_details_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_timeline_action = self._action(
            translate("Export", "Print &Timeline…"),
            translate("Export", "Print the timeline as it is shown"),
            self.print_timeline,
        )
        self.export_menu = self._build_menu()
        #: The print commands, for the File menu.
        self.print_actions = (self.print_details_action, self.print_timeline_action)
        self.set_selection(context().selection or "")

    def _action(self, text: str, tip: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self._parent)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_menu(self) -> QMenu:
        menu = QMenu(translate("Export", "&Export"), self._parent)
        menu.setObjectName("exportMenu")
        for number, scopes in enumerate(_GROUPS):
            if number:
                menu.addSeparator()
            for scope in scopes:
                if scope is Scope.TIMELINE:
                    menu.addAction(self.timeline_action)
                    menu.addAction(self.whole_timeline_action)
                for fmt in of_scope(scope):
                    if fmt.name in self.format_actions:
                        menu.addAction(self.format_actions[fmt.name])
        menu.addAction(self.collection_action)
        menu.addAction(self.include_notes_action)
        return menu

    def set_selection(self, record_id: str) -> None:
        """Follow the selection: briefings and printing the details need a selected record."""
        selected = bool(record_id)
        for fmt in of_scope(Scope.BRIEFING):
            self.format_actions[fmt.name].setEnabled(selected)
        self.print_details_action.setEnabled(selected)

    # --- exports by path: no dialogs ------------------------------------------------------------------------

    def export(self, fmt: ExportFormat | str, path: Path, whole_timeline: bool = False) -> bool:
        """Write ``fmt`` of what the window shows to ``path`` (the timeline whole, or the range shown);
        False, once the person has been told why, if nothing was written."""
        fmt = format_named(fmt) if isinstance(fmt, str) else fmt
        context = self._context()
        if whole_timeline:
            context = dataclasses.replace(context, shown_range=None)
        if fmt.scope is Scope.BRIEFING and context.selected is None:
            QMessageBox.information(
                self._parent,
                translate("Export", "Nothing Selected"),
                translate("Export", "Select a record first."),
            )
            return False
        return self._write(fmt, context, path)

    def export_collection(self, name: str, fmt: ExportFormat | str, path: Path) -> bool:
        """Write a collection's records to ``path``: a briefing on each, or their citations."""
        fmt = format_named(fmt) if isinstance(fmt, str) else fmt
        context = self._context()
        ids = dict(self._collections()).get(name, ())
        records = tuple(record for key in ids if (record := context.dataset.get(key)) is not None)
        if not records:
            self.failed.emit(
                translate(
                    "Export", "The collection “{name}” has no record in this dataset: nothing to export."
                ).format(name=name)
            )
            return False
        return self._write(fmt, dataclasses.replace(context, records=records, collection=name), path)

    def _write(self, fmt: ExportFormat, context: ExportContext, path: Path) -> bool:
        if not self.include_notes_action.isChecked():
            context = dataclasses.replace(context, notes={})
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            atomic_write(path, fmt.render(context))
        except OSError as error:
            return self._failed(
                translate("Export", "Could not save {name} in {parent}: {reason}.").format(
                    name=path.name, parent=path.parent, reason=_reason(error)
                )
            )
        except ExportError as error:
            return self._failed(
                translate("Export", "Could not save {name} in {parent}: {error}.").format(
                    name=path.name, parent=path.parent, error=error
                )
            )
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._folder = path.parent
        self.saved.emit(
            translate("Export", "Saved {describe} to {path}").format(
                describe=fmt.describe(context), path=path
            )
        )
        return True

    def _failed(self, message: str, title: str = translate("Export", "Export Failed")) -> bool:
        self.failed.emit(message)
        QMessageBox.warning(self._parent, title, message)
        return False

    # --- the slots: ask, then export ------------------------------------------------------------------------

    def _ask_and_export(self, fmt: ExportFormat) -> None:
        context = self._context()
        if fmt.scope is Scope.BRIEFING:
            if context.selected is None:
                return
            # Named by what the person sees, the record's title, not its internal id.
            stem, noun = (
                f"{_slug(context.selected.display_title) or 'record'}-briefing",
                translate("Export", "Briefing"),
            )
        else:
            noun = (
                translate("Export", "Records")
                if fmt.scope is Scope.RECORDS
                else translate("Export", "Events")
            )
            stem = f"{self._stem(context)}-{fmt.scope.value}"
        chosen = self._ask_path(
            translate("Export", "Export {noun} as {plain}").format(noun=noun, plain=_plain(fmt.menu_title)),
            stem,
            [fmt],
        )
        if chosen is not None:
            self.export(fmt, chosen[0])

    def _ask_and_export_collection(self) -> None:
        """Which collection (when there are several), then where and as what: a briefing or citations."""
        names = [name for name, _ids in self._collections()]
        if not names:
            self.failed.emit(translate("Export", "No collections yet: make one in the Notebook pane."))
            return
        name: str | None = names[0]
        if len(names) > 1:
            from PySide6.QtWidgets import QInputDialog  # noqa: PLC0415 - dialogs load when first needed

            name, accepted = QInputDialog.getItem(
                self._parent,
                translate("Export", "Export Collection"),
                translate("Export", "Collection:"),
                names,
                0,
                False,
            )
            if not accepted:
                return
        chosen = self._ask_path(
            translate("Export", "Export Collection {name}").format(name=name),
            _slug(name or "") or "collection",
            COLLECTION_FORMATS,
        )
        if chosen is not None and name is not None:
            self.export_collection(name, chosen[1], chosen[0])

    def _ask_and_export_timeline(self, whole: bool) -> None:
        context = self._context()
        if whole or context.shown_range is None:
            name, caption = f"{self._stem(context)}-timeline", translate("Export", "Export Whole Timeline")
        else:
            t0, t1 = context.shown_range
            name, caption = (
                f"{self._stem(context)}-timeline-{int(t0)}-{int(t1)}",
                translate("Export", "Export Timeline"),
            )
        chosen = self._ask_path(caption, name, of_scope(Scope.TIMELINE))
        if chosen is not None:
            self.export(chosen[1], chosen[0], whole_timeline=whole)

    def _ask_path(
        self, caption: str, stem: str, formats: Sequence[ExportFormat]
    ) -> tuple[Path, ExportFormat] | None:
        """A save dialog in the documents folder (or where the last export went), and the format the name's
        suffix asks for; a name with none of the formats' suffixes gets the chosen file type's."""
        folder = self._folder or _documents_folder()
        filters = [fmt.file_filter for fmt in formats]
        chosen, selected = QFileDialog.getSaveFileName(
            self._parent, caption, str(folder / f"{stem}{formats[0].suffix}"), ";;".join(filters), filters[0]
        )
        if not chosen:
            return None
        path = Path(chosen)
        named = next((fmt for fmt in formats if path.name.lower().endswith(fmt.suffix)), None)
        if named is not None:  # "refs.csl.json" has two dots in its suffix
            return path, named
        fmt = next((fmt for fmt in formats if fmt.file_filter == selected), formats[0])
        return path.with_name(path.name + fmt.suffix), fmt

    @staticmethod
    def _stem(context: ExportContext) -> str:
        return _slug(context.dataset.title) or "ajexplorer"

    # --- printing -------------------------------------------------------------------------------------------

    def printer(self) -> QPrinter:
        """One printer for the window, so choices made in the print dialog carry over to the next print."""
        if self._printer is None:
            self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            self._printer.setCreator(f"{APP_NAME} {__version__}")
        return self._printer

    def print_details(self) -> None:
        record = self._context().selected
        if record is None:
            return
        printer = self.printer()
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setDocName(record.display_title)
        if self._choose_printer(printer, translate("Export", "Print Details")):
            self.print_details_to(printer)

    def print_details_to(self, printer: QPrinter) -> bool:
        """Print the selected record's details in light colours, whatever the screen's theme."""
        context = self._context()
        record = context.selected
        if record is None:
            return False
        dataset = context.dataset
        colours = palette_colours(paper_palette(self._parent.palette()))
        document = QTextDocument()
        document.setDefaultFont(document_font())
        document.setHtml(record_html(dataset, record, make_marker(dataset), colours))
        document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, record.display_title)
        what = translate("Export", "the details of {display_title}").format(
            display_title=record.display_title
        )
        return self._print(printer, lambda: print_document(document, printer), what)

    def print_timeline(self) -> None:
        printer = self.printer()
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        printer.setDocName(self._context().timeline_title)
        if self._choose_printer(printer, translate("Export", "Print Timeline")):
            self.print_timeline_to(printer)

    def print_timeline_to(self, printer: QPrinter, whole_timeline: bool = False) -> bool:
        context = self._context()
        if whole_timeline:
            context = dataclasses.replace(context, shown_range=None)
        return self._print(
            printer, lambda: print_timeline(context, printer), translate("Export", "the timeline")
        )

    def _choose_printer(self, printer: QPrinter, caption: str) -> bool:
        dialog = QPrintDialog(printer, self._parent)
        dialog.setWindowTitle(caption)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _print(self, printer: QPrinter, work: Callable[[], None], what: str) -> bool:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            work()
        except ExportError as error:
            return self._failed(
                translate("Export", "Could not print {what}: {error}.").format(what=what, error=error),
                translate("Export", "Printing Failed"),
            )
        finally:
            QGuiApplication.restoreOverrideCursor()
        to_file = printer.outputFormat() is QPrinter.OutputFormat.PdfFormat and printer.outputFileName()
        self.saved.emit(
            translate("Export", "Saved {what} to {outputFileName}").format(
                what=what, outputFileName=printer.outputFileName()
            )
            if to_file
            else translate("Export", "Sent {what} to the printer").format(what=what)
        )
        return True


def _reason(error: OSError) -> str:
    """The reason in plain words; the OS's own words where there is no better one."""
    if error.errno in _REASONS:
        return translate("Export", _REASONS[error.errno])
    return (error.strerror or str(error) or type(error).__name__).rstrip(".")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].strip("-")


def _plain(menu_title: str) -> str:
    return menu_title.replace("&", "")


def _documents_folder() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(location) if location else Path.home()
    return folder if folder.is_dir() else Path.home()
