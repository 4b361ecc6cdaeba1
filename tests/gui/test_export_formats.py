"""Every format of the export table is reachable from the command line and from File > Export, and what each
writes reads back as that format: a new row that either path misses, or that writes the wrong thing, fails."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
import rispy
from bibtexparser.entrypoint import parse_string
from icalendar import Calendar
from pypdf import PdfReader
from PySide6.QtCore import QByteArray
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from ajexplorer.cli import main
from ajexplorer.domain.app_links import parse_app_link
from ajexplorer.domain.calendar import calendar_events
from ajexplorer.domain.export import ExportContext
from ajexplorer.domain.loading import load_dataset
from ajexplorer.domain.model import Kind
from ajexplorer.export_formats import FORMATS, ExportFormat, Scope
from ajexplorer.gui.app import application
from ajexplorer.gui.mainwindow import MainWindow
from ajexplorer.gui.smoke import EXPORT_SIGNATURES
from tests.conftest import FIXTURES

PARTNER = FIXTURES / "partner"


def _ids(rows: list[dict[str, object]]) -> list[object]:
    return [row["id"] for row in rows]


def _json(data: bytes, context: ExportContext) -> None:
    assert _ids(json.loads(data)["records"]) == [record.id for record in context.records]


def _csv(data: bytes, context: ExportContext) -> None:
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    assert _ids(rows) == [record.id for record in context.records]


def _ics(data: bytes, context: ExportContext) -> None:
    uids = [str(event["UID"]).split("@")[0] for event in Calendar.from_ical(data).walk("VEVENT")]
    assert uids == [record.id for record in calendar_events(context.records)] != []


def _png(data: bytes, context: ExportContext) -> None:
    image = QImage.fromData(data)
    assert not image.isNull() and image.width() > 100 and image.text("Title") == context.timeline_title


def _svg(data: bytes, context: ExportContext) -> None:
    assert QSvgRenderer(QByteArray(data)).isValid()
    root = ET.fromstring(data)  # noqa: S314 - our own output
    assert root.findtext("{http://www.w3.org/2000/svg}title") == context.timeline_title


def _pdf(data: bytes, context: ExportContext) -> None:
    reader = PdfReader(io.BytesIO(data))
    text = unicodedata.normalize("NFKC", " ".join(page.extract_text() for page in reader.pages))
    assert context.selected is not None and context.selected.title in " ".join(text.split())
    assert reader.metadata is not None and reader.metadata.title == context.selected.display_title


def _markdown(data: bytes, context: ExportContext) -> None:
    assert context.selected is not None
    assert data.decode("utf-8").startswith(f"# {context.selected.title}")


def _cited_ids(urls: list[str]) -> list[str]:
    return [parse_app_link(url).key for url in urls]


def _bibtex(data: bytes, context: ExportContext) -> None:
    library = parse_string(data.decode("utf-8"))
    assert not library.failed_blocks
    urls = [entry.fields_dict["url"].value for entry in library.entries]
    assert _cited_ids(urls) == [record.id for record in context.records]


def _ris(data: bytes, context: ExportContext) -> None:
    urls = [entry["urls"][0] for entry in rispy.loads(data.decode("utf-8"))]
    assert _cited_ids(urls) == [record.id for record in context.records]


def _csl_json(data: bytes, context: ExportContext) -> None:
    assert _cited_ids([item["URL"] for item in json.loads(data)]) == [record.id for record in context.records]


#: How each kind of file is read back. A format whose suffix is missing here fails the tests below.
READ_BACK: dict[str, Callable[[bytes, ExportContext], None]] = {
    ".json": _json,
    ".csv": _csv,
    ".ics": _ics,
    ".png": _png,
    ".svg": _svg,
    ".pdf": _pdf,
    ".md": _markdown,
    ".bib": _bibtex,
    ".ris": _ris,
    ".csl.json": _csl_json,
}


def test_the_table_is_consistent() -> None:
    """Names and suffixes are unique, each filter names its suffix, and the smoke test and these tests know
    every format."""
    assert len({fmt.name for fmt in FORMATS}) == len({fmt.suffix for fmt in FORMATS}) == len(FORMATS)
    for fmt in FORMATS:
        assert f"(*{fmt.suffix})" in fmt.file_filter
        assert fmt.suffix in READ_BACK, f"add a read-back check for {fmt.name}"
        assert fmt.suffix in EXPORT_SIGNATURES, f"add {fmt.suffix} to the smoke test's signatures"


def test_every_format_is_listed_by_export_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    usage = " ".join(capsys.readouterr().out.split())
    assert f"--format {{{','.join(fmt.name for fmt in FORMATS)}}}" in usage
    for fmt in FORMATS:
        assert f"{fmt.name}: {fmt.help}" in usage


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda fmt: fmt.name)
def test_every_format_is_written_by_the_command_line(
    fmt: ExportFormat, qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dataset = load_dataset(PARTNER)
    subject = next(record.id for record in dataset.of_kind(Kind.EVENT) if record.when.known)
    target = tmp_path / f"out{fmt.suffix}"
    extra = ["--record", subject] if fmt.scope is Scope.BRIEFING else []
    assert main(["export", "--format", fmt.name, "--data", str(PARTNER), "-o", str(target), *extra]) == 0
    context = ExportContext.of(dataset, selection=subject if extra else None)
    READ_BACK[fmt.suffix](target.read_bytes(), context)
    assert f"wrote {fmt.describe(context)} to {target}" in capsys.readouterr().err


def test_every_format_is_offered_by_file_export_and_reads_back(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each entry of File > Export is triggered with its save dialog answered for each file type it offers;
    together they must offer every format of the table, and each file must read back."""
    application()
    window = MainWindow(load_dataset(PARTNER), None)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitUntil(lambda: window.started, timeout=5000)
    assert window.exports is not None
    export_menu = window.exports.export_menu
    assert export_menu.menuAction() in window.file_menu.actions()
    window.open_record(next(record.id for record in window.dataset.of_kind(Kind.EVENT) if record.when.known))
    answer: tuple[str, str] = ("", "")
    offered: list[str] = []

    def ask(parent: QWidget, caption: str, folder: str, filters: str, selected: str) -> tuple[str, str]:
        offered.extend(filters.split(";;"))
        return answer

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    actions = [action for action in export_menu.actions() if not action.isSeparator()]
    for action in actions:  # first only to see what each offers: answering "" writes nothing
        action.trigger()
    assert set(offered) == {fmt.file_filter for fmt in FORMATS}
    assert not list(tmp_path.iterdir())
    for action in actions:
        offered.clear()
        action.trigger()
        for file_filter in list(offered):
            fmt = next(fmt for fmt in FORMATS if fmt.file_filter == file_filter)
            answer = (str(tmp_path / fmt.name), file_filter)  # no suffix: the chosen type's is added
            action.trigger()
            READ_BACK[fmt.suffix](
                (tmp_path / f"{fmt.name}{fmt.suffix}").read_bytes(), window.export_context()
            )
            answer = ("", "")
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(f"{f.name}{f.suffix}" for f in FORMATS)
