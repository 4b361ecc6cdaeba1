"""Rendering by Qt: the timeline as PNG and SVG, Markdown as PDF, printing, and atomic writing of files.

Renderers take the context of what a window shows (records in view, selection, search, timeline range), so
each test builds one from a real window and checks the file a person would get."""

from __future__ import annotations

import dataclasses
import errno
import inspect
import os
import stat
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import cast

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPageLayout, QTextDocument
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from ajexplorer import APP_NAME
from ajexplorer.domain.export import ExportContext
from ajexplorer.domain.model import Dataset, Kind
from ajexplorer.gui import exporting
from ajexplorer.gui.exporting import (
    MAX_FULL_WIDTH,
    atomic_write,
    markdown_document,
    markdown_pdf,
    paginate,
    print_document,
    print_timeline,
    timeline_canvas,
    timeline_image,
    timeline_svg,
)
from ajexplorer.gui.mainwindow import MainWindow

SVG = "{http://www.w3.org/2000/svg}"


def pdf_printer(
    path: Path, orientation: QPageLayout.Orientation = QPageLayout.Orientation.Portrait
) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageOrientation(orientation)
    return printer


def pdf_text(path: Path) -> tuple[int, str]:
    """Page count and the text of all pages, whitespace collapsed (Qt's PDFs space words with tabs) and
    ligatures ("ﬁ") split back into letters."""
    reader = PdfReader(path)
    text = unicodedata.normalize("NFKC", " ".join(page.extract_text() for page in reader.pages))
    return len(reader.pages), " ".join(text.split())


def shown(window: MainWindow) -> ExportContext:
    """What the window shows, the timeline's range as on screen."""
    return window.export_context()


def whole(window: MainWindow) -> ExportContext:
    return dataclasses.replace(window.export_context(), shown_range=None)


def colours(image: QImage) -> set[int]:
    step = max(1, image.width() // 200)
    return {image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), 7)}


def test_visible_png_is_the_widget_at_twice_its_pixels(window: MainWindow) -> None:
    timeline = window.timeline
    image = timeline_image(shown(window))
    assert image.devicePixelRatio() == 2.0
    assert (image.width(), image.height()) == (timeline.width() * 2, timeline.height() * 2)
    assert len(colours(image)) > 10
    first, last = (int(t) for t in timeline.visible_extent())
    assert image.text("Description").startswith(f"Timeline, {first}\N{EN DASH}{last}.")


def test_whole_timeline_is_wide_enough_to_read_and_capped(window: MainWindow) -> None:
    timeline = window.timeline
    timeline.zoom_by(8)
    context = whole(window)
    canvas = timeline_canvas(context)
    assert canvas.extent == timeline.data_extent()
    assert timeline.width() < canvas.size.width() <= MAX_FULL_WIDTH
    assert canvas.size.height() == timeline.full_height()
    image = timeline_image(context, scale=1.0)
    assert (image.width(), image.height()) == (round(canvas.size.width()), round(canvas.size.height()))
    assert len(colours(image)) > 10


def test_exporting_leaves_the_widget_as_it_was(window: MainWindow) -> None:
    timeline = window.timeline
    timeline.zoom_by(3)
    view = timeline.view
    frame = timeline._layout()
    timeline_image(whole(window), scale=1.0)
    timeline_svg(shown(window))
    assert timeline.view == view
    assert timeline._layout() is frame


def test_the_shown_range_is_what_the_window_shows(window: MainWindow) -> None:
    """Zoomed in, the shown range's image differs from the whole span's and from before the zoom."""
    before = timeline_image(shown(window), scale=1.0)
    window.timeline.zoom_by(4)
    after = timeline_image(shown(window), scale=1.0)
    assert after.size() == before.size()
    assert after != before


def test_svg_has_size_title_and_real_text(window: MainWindow, dataset: Dataset, tmp_path: Path) -> None:
    path = tmp_path / "timeline.svg"
    context = whole(window)
    atomic_write(path, timeline_svg(context))
    root = ET.parse(path).getroot()  # noqa: S314 - our own output
    assert root.tag == f"{SVG}svg"
    assert root.get("width") and root.get("height")
    view_box = [float(value) for value in (root.get("viewBox") or "").split()]
    size = timeline_canvas(context).size
    assert view_box == pytest.approx([0, 0, size.width(), size.height()], abs=0.01)
    assert root.findtext(f"{SVG}title") == f"{dataset.title}: timeline"
    assert (root.findtext(f"{SVG}desc") or "").startswith(f"{dataset.title}: timeline, ")
    texts = {"".join(element.itertext()).strip() for element in root.iter(f"{SVG}text")}
    events = {record.title for record in dataset.of_kind(Kind.EVENT)}
    assert texts & events, "event labels are written as text"
    assert dataset.sections[0].title in texts  # the lane titles too
    assert not list(root.iter(f"{SVG}image")), "badges are vectors, not embedded bitmaps"


def test_markdown_pdf_is_a4_with_metadata_and_page_numbers(qtbot: QtBot, tmp_path: Path) -> None:
    paragraphs = "\n\n".join(
        f"Paragraph {number} of the briefing, long enough to wrap. " * 4 for number in range(80)
    )
    path = tmp_path / "long.pdf"
    atomic_write(path, markdown_pdf(f"# A long briefing\n\n{paragraphs}\n", "A long briefing"))
    reader = PdfReader(path)
    assert len(reader.pages) >= 2
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    assert reader.metadata is not None
    assert reader.metadata.title == "A long briefing"
    assert (reader.metadata.creator or "").startswith(APP_NAME)
    pages, text = pdf_text(path)
    assert "A long briefing" in text and f"Page 2 of {pages}" in text


def pdf_fonts(path: Path) -> set[str]:
    """The base font names a PDF's pages use ("/DejaVuSans-Oblique")."""
    fonts: set[str] = set()
    for page in PdfReader(path).pages:
        resources = cast(DictionaryObject, page["/Resources"].get_object())
        used = cast(DictionaryObject, resources["/Font"].get_object())
        fonts |= {str(cast(DictionaryObject, used[key].get_object())["/BaseFont"]) for key in used}
    return fonts


def test_markdown_pdf_reads_emphasis_as_italic_and_ignores_raw_html(qtbot: QtBot, tmp_path: Path) -> None:
    markdown = "# Title\n\n_attributed_ and <b>not bold</b> <img src='x.png'>\n"
    path = tmp_path / "small.pdf"
    path.write_bytes(markdown_pdf(markdown, "Title"))
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(markdown_pdf(markdown.replace("_", ""), "Title"))
    pages, text = pdf_text(path)
    assert (
        pages == 1 and "Title attributed and <b>not bold</b> <img src='x.png'>" in text
    )  # HTML left as text
    slanted = {font for font in pdf_fonts(path) if "Oblique" in font or "Italic" in font}
    assert slanted and not slanted & pdf_fonts(plain)  # the emphasis, and only it, is set in italic
    formats = {}
    document = markdown_document(markdown, "Title")  # kept: its blocks live only as long as it does
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            formats[fragments.fragment().text()] = fragments.fragment().charFormat()
            fragments += 1
        block = block.next()
    assert formats["attributed"].fontItalic() and not formats["attributed"].fontUnderline()
    rest = formats[" and <b>not bold</b> <img src='x.png'>"]
    assert not rest.fontItalic() and rest.fontWeight() == QFont.Weight.Normal and not rest.isImageFormat()


def test_print_document_to_a_pdf_printer(qtbot: QtBot, tmp_path: Path) -> None:
    document = QTextDocument()
    document.setHtml("<h1>Printed heading</h1><p>Body text.</p>")
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, "Printed")
    path = tmp_path / "document.pdf"
    print_document(document, pdf_printer(path))
    pages, text = pdf_text(path)
    assert pages == 1 and "Printed heading" in text and "Page 1 of 1" in text


def test_print_timeline_visible_on_one_page_whole_over_several(window: MainWindow, tmp_path: Path) -> None:
    landscape = QPageLayout.Orientation.Landscape
    visible = tmp_path / "visible.pdf"
    print_timeline(shown(window), pdf_printer(visible, landscape))
    pages, text = pdf_text(visible)
    lane = window.dataset.sections[0].title
    assert pages == 1 and f"{window.dataset.title}: timeline" in text and lane in text
    all_of_it = tmp_path / "whole.pdf"
    print_timeline(whole(window), pdf_printer(all_of_it, landscape))
    pages, text = pdf_text(all_of_it)
    assert pages > 1 and f"Page {pages} of {pages}" in text


def test_paper_stays_light_under_a_dark_theme(window: MainWindow) -> None:
    original = QGuiApplication.palette()
    palette = QGuiApplication.palette()
    for role in (palette.ColorRole.Base, palette.ColorRole.AlternateBase, palette.ColorRole.Window):
        palette.setColor(role, QColor("#202020"))
    QGuiApplication.setPalette(palette)
    try:
        assert exporting.paper_palette(palette).color(palette.ColorRole.Base).lightness() >= 128
        image = timeline_image(shown(window), scale=1.0)
        assert QColor(image.pixel(2, image.height() - 2)).lightness() < 128  # images keep the screen's look
    finally:
        QGuiApplication.setPalette(original)


def test_files_and_print_draw_the_timeline_only_through_paint_timeline() -> None:
    """Files and paper draw the timeline in one function, through the timeline's own painter (the code the
    window paints with), never through a widget."""
    package = Path(exporting.__file__).resolve().parent.parent
    sources = {
        path.relative_to(package).as_posix(): path.read_text(encoding="utf-8")
        for path in package.rglob("*.py")
    }
    through_widget = [
        name for name, text in sources.items() if name != "gui/timeline_widget.py" and ".paint_to(" in text
    ]
    assert through_widget == []
    assert sources["gui/exporting.py"].count("timeline_painter.paint(") == 1
    assert "timeline_painter.paint(" in inspect.getsource(exporting.paint_timeline)
    assert "TimelineWidget" not in sources["gui/exporting.py"]


def test_atomic_write_replaces_and_keeps_permissions(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    atomic_write(path, b"first")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask
    path.chmod(0o640)
    atomic_write(path, b"second")
    assert path.read_bytes() == b"second"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(item.name for item in tmp_path.iterdir()) == ["out.txt"]


def test_atomic_write_failures_leave_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder_in_the_way = tmp_path / "taken"
    folder_in_the_way.mkdir()
    with pytest.raises(IsADirectoryError):
        atomic_write(folder_in_the_way, b"data")
    with pytest.raises(FileNotFoundError):
        atomic_write(tmp_path / "missing" / "out.txt", b"data")
    existing = tmp_path / "keep.txt"
    existing.write_bytes(b"old")

    def disk_full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space"):
        atomic_write(existing, b"new")
    assert existing.read_bytes() == b"old"
    assert sorted(item.name for item in tmp_path.iterdir()) == ["keep.txt", "taken"]


def test_no_heading_is_left_alone_at_a_page_foot(qtbot: QtBot) -> None:
    page = QSizeF(400, 300)
    for lines in range(1, 16):  # the heading falls at every height of the first page in turn
        filler = "\n\n".join(f"Line {n} of the text before." for n in range(lines))
        document = markdown_document(f"{filler}\n\n## Source text\n\nThe text under the heading.\n", "t")
        paginate(document, page)
        layout = document.documentLayout()
        block = document.begin()
        while block.isValid() and block.text() != "Source text":
            block = block.next()
        heading_page = layout.blockBoundingRect(block).top() // page.height()
        text_page = layout.blockBoundingRect(block.next()).top() // page.height()
        assert heading_page == text_page, lines
