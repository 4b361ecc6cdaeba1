"""File > Export and printing from the window: every export parsed back, dialogs, errors and enabled states.

The controller tells what happened through its signals (the window shows them in the status bar) and through
message boxes, which the tests record instead of showing."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from icalendar import Calendar
from pypdf import PdfReader
from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from ajexplorer.domain.calendar import calendar_events
from ajexplorer.domain.export import RECORD_COLUMNS
from ajexplorer.domain.model import Kind
from ajexplorer.export_formats import format_named
from ajexplorer.gui import export_actions
from ajexplorer.gui.export_actions import ExportController
from ajexplorer.gui.mainwindow import MainWindow

SVG = "{http://www.w3.org/2000/svg}"
CSV_FILTER, PNG_FILTER, SVG_FILTER = (format_named(name).file_filter for name in ("csv", "png", "svg"))


def an_event(window: MainWindow) -> str:
    """A dated event of whatever dataset the window shows."""
    return next(record.id for record in window.dataset.of_kind(Kind.EVENT) if record.when.known)


@pytest.fixture
def exports(window: MainWindow) -> ExportController:
    """The window's own controller, as its File menu offers it."""
    assert window.exports is not None
    return window.exports


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes are recorded instead of shown."""
    shown: list[str] = []

    def record(parent: QWidget | None, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        shown.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", record)
    monkeypatch.setattr(QMessageBox, "information", record)
    return shown


def type_query(window: MainWindow, qtbot: QtBot, text: str) -> None:
    window.focus_search()
    window.search_field.clear()
    qtbot.keyClicks(window.search_field, text)
    qtbot.waitUntil(lambda: window.results.message.text() != "", timeout=3000)


def pdf_text(path: Path) -> tuple[int, str]:
    reader = PdfReader(path)
    text = unicodedata.normalize("NFKC", " ".join(page.extract_text() for page in reader.pages))
    return len(reader.pages), " ".join(text.split())


def csv_ids(path: Path) -> tuple[list[str], list[str]]:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    return rows[0], [row[0] for row in rows[1:]]


def test_menu_entries(window: MainWindow, exports: ExportController) -> None:
    actions = window.file_menu.actions()
    texts = [action.text() for action in actions if not action.isSeparator()]
    assert texts == ["&Export", "&Print Details…", "Print &Timeline…", "&Quit"]
    assert exports.export_menu is not None
    assert [action.text() for action in exports.export_menu.actions() if not action.isSeparator()] == [
        "Records in View as &CSV…",
        "Records in View as &JSON…",
        "Records in View as &BibTeX…",
        "Records in View as &RIS…",
        "Records in View as CS&L-JSON…",
        "Events in View as i&Calendar…",
        "&Timeline as PNG/SVG…",
        "&Whole Timeline as PNG/SVG…",
        "Briefing on Selection as &PDF…",
        "Briefing on Selection as &Markdown…",
        "&Collection as Briefing or References…",
        "Include My &Notes in Briefings",
    ]
    assert exports.print_details_action.shortcut() == QKeySequence("Ctrl+P")


def test_selection_actions_follow_the_selection(window: MainWindow, exports: ExportController) -> None:
    selection_actions = (
        exports.format_actions["pdf"],
        exports.format_actions["md"],
        exports.print_details_action,
    )
    assert window.navigator.current is None
    assert not any(action.isEnabled() for action in selection_actions)
    assert exports.format_actions["csv"].isEnabled() and exports.print_timeline_action.isEnabled()
    window.open_record(an_event(window))
    assert all(action.isEnabled() for action in selection_actions)
    window.navigator.reset(None)
    assert not any(action.isEnabled() for action in selection_actions)


def test_csv_holds_the_records_in_view_also_after_a_search(
    window: MainWindow, exports: ExportController, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "all.csv"
    assert exports.export("csv", path)
    header, ids = csv_ids(path)
    assert header == list(RECORD_COLUMNS)
    assert ids == [record.id for record in window.records_in_view()] == list(window.dataset.records)
    assert str(path) in window.statusBar().currentMessage()
    type_query(window, qtbot, "JENESYS")
    in_view = [record.id for record in window.records_in_view()]
    assert 0 < len(in_view) < len(window.dataset.records)
    assert exports.export("csv", tmp_path / "found.csv")
    assert csv_ids(tmp_path / "found.csv")[1] == in_view


def test_json_holds_the_records_in_view(
    window: MainWindow, exports: ExportController, tmp_path: Path
) -> None:
    path = tmp_path / "records.json"
    assert exports.export("json", path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert [row["id"] for row in document["records"]] == [record.id for record in window.records_in_view()]
    assert document["dataset"] == window.dataset.title


def test_ics_holds_the_dated_events_in_view(
    window: MainWindow, exports: ExportController, tmp_path: Path
) -> None:
    path = tmp_path / "events.ics"
    assert exports.export("ics", path)
    assert path.read_bytes().count(b"\r\n") > 10  # CRLF lines survive writing
    calendar = Calendar.from_ical(path.read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == len(list(calendar_events(window.records_in_view()))) > 0
    assert "events" in window.statusBar().currentMessage()


def test_timeline_as_svg_and_png(window: MainWindow, exports: ExportController, tmp_path: Path) -> None:
    svg = tmp_path / "timeline.svg"
    assert exports.export("svg", svg, whole_timeline=True)
    root = ET.parse(svg).getroot()  # noqa: S314 - our own output
    assert root.get("width") and root.get("height") and root.get("viewBox")
    assert window.dataset.title in (root.findtext(f"{SVG}title") or "")
    texts = {"".join(element.itertext()).strip() for element in root.iter(f"{SVG}text")}
    assert texts & {record.title for record in window.records_in_view()}
    png = tmp_path / "timeline.png"
    assert exports.export("png", png)
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 0 and image.height() > 0
    assert len({image.pixel(x, image.height() // 2) for x in range(0, image.width(), 5)}) > 3
    assert image.text("Title").endswith("timeline")


def test_briefing_as_pdf_and_markdown(window: MainWindow, exports: ExportController, tmp_path: Path) -> None:
    record = an_event(window)
    window.open_record(record)
    title = window.dataset.records[record].display_title
    pdf = tmp_path / "briefing.pdf"
    assert exports.export("pdf", pdf)
    pages, text = pdf_text(pdf)
    assert pages >= 1 and title in text
    reader = PdfReader(pdf)
    assert reader.metadata is not None and title in (reader.metadata.title or "")
    markdown = tmp_path / "briefing.md"
    assert exports.export("md", markdown)
    assert f"# {title}" in markdown.read_text(encoding="utf-8")
    assert str(markdown) in window.statusBar().currentMessage()


def test_briefing_with_nothing_selected_says_so(
    window: MainWindow, exports: ExportController, warnings: list[str], tmp_path: Path
) -> None:
    assert not exports.export("pdf", tmp_path / "nothing.pdf")
    assert warnings and "Select a record" in warnings[0]
    assert not list(tmp_path.iterdir())


class FakePrintDialog:
    """Stands in for QPrintDialog: "prints to file" as a person choosing PDF output would."""

    output: Path
    accept = True

    def __init__(self, printer: QPrinter, parent: QWidget | None = None) -> None:
        self.printer = printer

    def setWindowTitle(self, title: str) -> None:
        self.title = title

    def exec(self) -> int:
        self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer.setOutputFileName(str(self.output))
        return int(QDialog.DialogCode.Accepted if self.accept else QDialog.DialogCode.Rejected)


@pytest.fixture
def print_dialog(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> type[FakePrintDialog]:
    FakePrintDialog.output = tmp_path / "printed.pdf"
    FakePrintDialog.accept = True
    monkeypatch.setattr(export_actions, "QPrintDialog", FakePrintDialog)
    return FakePrintDialog


def test_print_details_and_timeline(
    window: MainWindow, exports: ExportController, print_dialog: type[FakePrintDialog]
) -> None:
    record = an_event(window)
    window.open_record(record)
    exports.print_details_action.trigger()
    pages, text = pdf_text(print_dialog.output)
    assert pages >= 1 and window.dataset.records[record].title in text and "Page 1 of" in text
    print_dialog.output.unlink()
    exports.print_timeline_action.trigger()
    pages, text = pdf_text(print_dialog.output)
    assert pages == 1 and window.dataset.sections[0].title in text
    assert str(print_dialog.output) in window.statusBar().currentMessage()


def test_cancelled_print_prints_nothing(
    window: MainWindow, exports: ExportController, print_dialog: type[FakePrintDialog]
) -> None:
    print_dialog.accept = False
    exports.print_timeline_action.trigger()
    assert not print_dialog.output.exists()


def test_save_dialog_suggests_a_name_and_adds_the_suffix(
    window: MainWindow, exports: ExportController, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    asked: list[tuple[str, str, str]] = []
    answer = (str(tmp_path / "mine"), CSV_FILTER)

    def ask(parent: QWidget, caption: str, directory: str, filters: str, selected: str) -> tuple[str, str]:
        asked.append((caption, directory, filters))
        return answer

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    exports.format_actions["csv"].trigger()
    assert Path(asked[0][1]).name == "asean-japan-dialogue-relations-records.csv"
    assert Path(asked[0][1]).parent.is_dir()
    assert csv_ids(tmp_path / "mine.csv")[0] == list(RECORD_COLUMNS)
    answer = (str(tmp_path / "picture"), SVG_FILTER)
    exports.whole_timeline_action.trigger()
    assert asked[-1][2] == f"{PNG_FILTER};;{SVG_FILTER}"
    assert ET.parse(tmp_path / "picture.svg").getroot().tag == f"{SVG}svg"  # noqa: S314 - our own output
    assert Path(asked[-1][1]).parent == tmp_path  # the next dialog opens where the last file went
    answer = ("", "")
    exports.format_actions["json"].trigger()
    assert sorted(item.name for item in tmp_path.iterdir()) == ["mine.csv", "picture.svg"]


def test_unwritable_targets_explain_and_leave_no_temporary_file(
    window: MainWindow,
    exports: ExportController,
    warnings: list[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    failures: list[str] = []
    exports.failed.connect(failures.append)
    assert not exports.export("csv", tmp_path / "no such folder" / "records.csv")
    assert "records.csv" in warnings[-1] and "the folder does not exist" in warnings[-1]
    (tmp_path / "taken.json").mkdir()
    assert not exports.export("json", tmp_path / "taken.json")
    assert "taken.json" in warnings[-1] and "a folder of that name is in the way" in warnings[-1]
    existing = tmp_path / "events.ics"
    existing.write_text("old", encoding="utf-8")

    def disk_full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    assert not exports.export("ics", existing)
    assert "events.ics" in warnings[-1] and "the disk is full" in warnings[-1]
    assert existing.read_text(encoding="utf-8") == "old"
    assert len(warnings) == 3 and all(
        message.startswith("Export Failed: Could not save") for message in warnings
    )
    assert [f"Export Failed: {message}" for message in failures] == warnings
    assert window.statusBar().currentMessage() == failures[-1]  # also where the last outcome stays in view
    assert sorted(item.name for item in tmp_path.iterdir()) == ["events.ics", "taken.json"]


def test_a_briefing_is_suggested_a_name_from_the_records_title(
    window: MainWindow, exports: ExportController, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def ask(parent: QWidget, caption: str, directory: str, filters: str, selected: str) -> tuple[str, str]:
        asked.append(Path(directory).name)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    record = window.dataset.records[an_event(window)]
    window.navigator.go(record.id)
    exports.format_actions["pdf"].trigger()
    first_word = next(word for word in re.split(r"[^a-z0-9]+", record.display_title.lower()) if word)
    assert asked[0].startswith(first_word) and asked[0].endswith("-briefing.pdf")
    assert record.id not in asked[0]
