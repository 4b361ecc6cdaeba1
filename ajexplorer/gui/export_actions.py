"""File > Export and printing: the actions, their save and print dialogs, and what the person is told.

Each export has a method that takes the target path (``export_csv(path)`` and so on) and does the work
without any dialog; the slots only ask for the path and call it. Files are written atomically, a failure is
explained in a message box naming the file and the reason, and success is reported in the status bar.
"""

from __future__ import annotations

import errno
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QPageLayout, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QMessageBox

from ajexplorer import APP_NAME, __version__
from ajexplorer.domain.briefing import briefing_markdown
from ajexplorer.domain.calendar import to_ics
from ajexplorer.domain.export import to_csv, to_json
from ajexplorer.domain.model import Record
from ajexplorer.gui.detail_pane import palette_colours
from ajexplorer.gui.exporting import (
    ExportError,
    atomic_write,
    document_font,
    markdown_pdf,
    paper_palette,
    png_bytes,
    print_document,
    print_timeline,
    timeline_image,
    timeline_svg,
)
from ajexplorer.presentation.detail_html import make_marker, record_html

if TYPE_CHECKING:
    from ajexplorer.gui.mainwindow import MainWindow

CSV_FILTER = "CSV table (*.csv)"
JSON_FILTER = "JSON document (*.json)"
ICS_FILTER = "iCalendar file (*.ics)"
PNG_FILTER = "PNG image (*.png)"
SVG_FILTER = "SVG drawing (*.svg)"
PDF_FILTER = "PDF document (*.pdf)"
MARKDOWN_FILTER = "Markdown text (*.md)"
STATUS_TIMEOUT_MS = 10_000

_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EACCES: "permission denied: the folder cannot be written to",
    errno.EPERM: "permission denied: the folder cannot be written to",
    errno.EROFS: "the disk is read-only",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "part of the folder's path is not a folder",
    errno.EISDIR: "a folder of that name is in the way",
    errno.ENAMETOOLONG: "the file name is too long",
}


class ExportController(QObject):
    """The export and print commands of one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._folder: Path | None = None  # where the last file went: the next dialog starts there
        self._printer: QPrinter | None = None
        #: When set, failures are only recorded in ``last_failure`` (the smoke test runs with no one to click).
        self.quiet = False
        self.last_failure: str | None = None
        self.csv_action = self._action(
            "Records in View as &CSV…",
            "Save the records the search and filters leave as a table",
            self._ask_csv,
        )
        self.json_action = self._action(
            "Records in View as &JSON…",
            "Save the records the search and filters leave as JSON",
            self._ask_json,
        )
        self.ics_action = self._action(
            "Events in View as i&Calendar…",
            "Save the dated events the search and filters leave as a calendar file",
            self._ask_ics,
        )
        self.timeline_action = self._action(
            "&Timeline as PNG/SVG…", "Save the part of the timeline now shown as an image", self._ask_timeline
        )
        self.whole_timeline_action = self._action(
            "&Whole Timeline as PNG/SVG…",
            "Save the timeline from the first event to today as an image",
            lambda: self._ask_timeline(full_extent=True),
        )
        self.briefing_pdf_action = self._action(
            "Briefing on Selection as &PDF…",
            "Save a cited briefing on the selected record as a PDF",
            self._ask_briefing_pdf,
        )
        self.briefing_markdown_action = self._action(
            "Briefing on Selection as &Markdown…",
            "Save a cited briefing on the selected record as Markdown text",
            self._ask_briefing_markdown,
        )
        self.print_details_action = self._action(
            "&Print Details…", "Print the details of the selected record", self.print_details
        )
        self.print_details_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_timeline_action = self._action(
            "Print &Timeline…", "Print the timeline as it is shown", self.print_timeline
        )
        self.export_menu: QMenu | None = None
        window.navigator.currentChanged.connect(self._update_actions)
        self._update_actions()

    def _action(self, text: str, tip: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self._window)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def populate(self, menu: QMenu) -> None:
        """Add the Export submenu and the print commands to ``menu`` (the File menu), above Quit if it is there."""
        quit_action = self._window.quit_action
        before = quit_action if quit_action in menu.actions() else None
        export_menu = QMenu("&Export", menu)
        export_menu.setObjectName("exportMenu")
        for action in (self.csv_action, self.json_action, self.ics_action):
            export_menu.addAction(action)
        export_menu.addSeparator()
        export_menu.addAction(self.timeline_action)
        export_menu.addAction(self.whole_timeline_action)
        export_menu.addSeparator()
        export_menu.addAction(self.briefing_pdf_action)
        export_menu.addAction(self.briefing_markdown_action)
        self.export_menu = export_menu
        if before is None:
            menu.addMenu(export_menu)
            menu.addSeparator()
            menu.addAction(self.print_details_action)
            menu.addAction(self.print_timeline_action)
            return
        menu.insertMenu(before, export_menu)
        menu.insertSeparator(before)
        menu.insertAction(before, self.print_details_action)
        menu.insertAction(before, self.print_timeline_action)
        menu.insertSeparator(before)

    def _selected(self) -> Record | None:
        current = self._window.navigator.current
        return self._window.dataset.get(current) if current else None

    def _update_actions(self, *_args: object) -> None:
        selected = self._selected() is not None
        for action in (self.briefing_pdf_action, self.briefing_markdown_action, self.print_details_action):
            action.setEnabled(selected)

    # --- exports by path: no dialogs ------------------------------------------------------------------------

    def export_csv(self, path: Path) -> bool:
        records = self._window.records_in_view()
        return self._save(path, lambda: to_csv(records).encode("utf-8"), _count(len(records), "record"))

    def export_json(self, path: Path) -> bool:
        dataset, records = self._window.dataset, self._window.records_in_view()
        return self._save(
            path, lambda: to_json(dataset, records).encode("utf-8"), _count(len(records), "record")
        )

    def export_ics(self, path: Path) -> bool:
        text = to_ics(self._window.dataset, self._window.records_in_view())
        return self._save(path, lambda: text.encode("utf-8"), _count(text.count("BEGIN:VEVENT"), "event"))

    def export_timeline(self, path: Path, full_extent: bool = False) -> bool:
        """An SVG if the name ends in .svg, a PNG otherwise."""
        timeline = self._window.timeline
        title = f"{self._window.dataset.title}: timeline"
        what = "the whole timeline" if full_extent else "the timeline"

        def render() -> bytes:
            if path.suffix.lower() == ".svg":
                return timeline_svg(timeline, full_extent, title)
            image = timeline_image(timeline, full_extent)
            image.setText("Title", title)
            return png_bytes(image)

        return self._save(path, render, what)

    def export_briefing_pdf(self, path: Path) -> bool:
        record = self._require_selection()
        if record is None:
            return False
        markdown = briefing_markdown(self._window.dataset, record.id)
        title = record.display_title
        return self._save(path, lambda: markdown_pdf(markdown, title), f"the briefing on {title}")

    def export_briefing_markdown(self, path: Path) -> bool:
        record = self._require_selection()
        if record is None:
            return False
        markdown = briefing_markdown(self._window.dataset, record.id)
        return self._save(path, lambda: markdown.encode("utf-8"), f"the briefing on {record.display_title}")

    def _require_selection(self) -> Record | None:
        record = self._selected()
        if record is None:
            QMessageBox.information(self._window, "Nothing Selected", "Select a record first.")
        return record

    def _save(self, path: Path, render: Callable[[], bytes], what: str) -> bool:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            atomic_write(path, render())
        except OSError as error:
            self._failed(f"Could not save {path.name} in {path.parent}", _reason(error))
            return False
        except ExportError as error:
            self._failed(f"Could not save {path.name} in {path.parent}", str(error))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._folder = path.parent
        self._window.statusBar().showMessage(f"Saved {what} to {path}", STATUS_TIMEOUT_MS)
        return True

    def _failed(self, headline: str, reason: str) -> None:
        self.last_failure = f"{headline}: {reason}."
        if self.quiet:
            return
        QMessageBox.warning(self._window, "Export Failed", self.last_failure)

    # --- the slots: ask, then export ------------------------------------------------------------------------

    def _ask_csv(self) -> None:
        path = self._ask_path("Export Records as CSV", f"{self._stem()}-records", [CSV_FILTER])
        if path is not None:
            self.export_csv(path)

    def _ask_json(self) -> None:
        path = self._ask_path("Export Records as JSON", f"{self._stem()}-records", [JSON_FILTER])
        if path is not None:
            self.export_json(path)

    def _ask_ics(self) -> None:
        path = self._ask_path("Export Events as iCalendar", f"{self._stem()}-events", [ICS_FILTER])
        if path is not None:
            self.export_ics(path)

    def _ask_timeline(self, full_extent: bool = False) -> None:
        if full_extent:
            name, caption = f"{self._stem()}-timeline", "Export Whole Timeline"
        else:
            t0, t1 = self._window.timeline.visible_extent()
            name, caption = f"{self._stem()}-timeline-{int(t0)}-{int(t1)}", "Export Timeline"
        path = self._ask_path(caption, name, [PNG_FILTER, SVG_FILTER])
        if path is not None:
            self.export_timeline(path, full_extent)

    def _ask_briefing_pdf(self) -> None:
        record = self._selected()
        if record is not None:
            path = self._ask_path("Export Briefing as PDF", f"{record.id}-briefing", [PDF_FILTER])
            if path is not None:
                self.export_briefing_pdf(path)

    def _ask_briefing_markdown(self) -> None:
        record = self._selected()
        if record is not None:
            path = self._ask_path("Export Briefing as Markdown", f"{record.id}-briefing", [MARKDOWN_FILTER])
            if path is not None:
                self.export_briefing_markdown(path)

    def _ask_path(self, caption: str, stem: str, filters: list[str]) -> Path | None:
        """A save dialog in the documents folder (or where the last export went); the first filter's suffix
        is added to a name that has none of the filters' suffixes."""
        folder = self._folder or _documents_folder()
        suggested = folder / f"{stem}{_suffix(filters[0])}"
        chosen, selected = QFileDialog.getSaveFileName(
            self._window, caption, str(suggested), ";;".join(filters), filters[0]
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() not in {_suffix(item) for item in filters}:
            path = path.with_name(path.name + _suffix(selected if selected in filters else filters[0]))
        return path

    def _stem(self) -> str:
        return _slug(self._window.dataset.title) or "ajexplorer"

    # --- printing -------------------------------------------------------------------------------------------

    def printer(self) -> QPrinter:
        """One printer for the window, so choices made in the print dialog carry over to the next print."""
        if self._printer is None:
            self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            self._printer.setCreator(f"{APP_NAME} {__version__}")
        return self._printer

    def print_details(self) -> None:
        record = self._selected()
        if record is None:
            return
        printer = self.printer()
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setDocName(record.display_title)
        if self._choose_printer(printer, "Print Details"):
            self.print_details_to(printer)

    def print_details_to(self, printer: QPrinter) -> bool:
        """Print the selected record's details in light colours, whatever the screen's theme."""
        record = self._selected()
        if record is None:
            return False
        dataset = self._window.dataset
        colours = palette_colours(paper_palette(self._window.details.palette()))
        document = QTextDocument()
        document.setDefaultFont(document_font())
        document.setHtml(record_html(dataset, record, make_marker(dataset), colours))
        document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, record.display_title)
        what = f"the details of {record.display_title}"
        return self._print(printer, lambda: print_document(document, printer), what)

    def print_timeline(self) -> None:
        printer = self.printer()
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        printer.setDocName(f"{self._window.dataset.title}: timeline")
        if self._choose_printer(printer, "Print Timeline"):
            self.print_timeline_to(printer)

    def print_timeline_to(self, printer: QPrinter, full_extent: bool = False) -> bool:
        title = f"{self._window.dataset.title}: timeline"
        timeline = self._window.timeline
        return self._print(
            printer, lambda: print_timeline(timeline, printer, full_extent, title), "the timeline"
        )

    def _choose_printer(self, printer: QPrinter, caption: str) -> bool:
        dialog = QPrintDialog(printer, self._window)
        dialog.setWindowTitle(caption)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _print(self, printer: QPrinter, work: Callable[[], None], what: str) -> bool:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            work()
        except ExportError as error:
            QMessageBox.warning(self._window, "Printing Failed", f"Could not print {what}: {error}.")
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        to_file = printer.outputFormat() is QPrinter.OutputFormat.PdfFormat and printer.outputFileName()
        done = f"Saved {what} to {printer.outputFileName()}" if to_file else f"Sent {what} to the printer"
        self._window.statusBar().showMessage(done, STATUS_TIMEOUT_MS)
        return True


def _reason(error: OSError) -> str:
    """The reason in plain words; the OS's own words where there is no better one."""
    if error.errno in _REASONS:
        return _REASONS[error.errno]
    return (error.strerror or str(error) or type(error).__name__).rstrip(".")


def _suffix(file_filter: str) -> str:
    match = re.search(r"\*(\.\w+)", file_filter)
    return match.group(1) if match else ""


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].strip("-")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _documents_folder() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(location) if location else Path.home()
    return folder if folder.is_dir() else Path.home()
