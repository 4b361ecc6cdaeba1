"""Japanese text drawn by the app has glyphs, on screen and in files: the window's font, the PDF briefing's
and the timeline's fall back to the system's CJK font (Debian: fonts-noto-cjk) rather than drawing boxes."""

from __future__ import annotations

import dataclasses
import io
import re

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QFont, QFontDatabase, QTextLayout
from PySide6.QtWidgets import QApplication

from ajexplorer.domain.export import ExportContext
from ajexplorer.domain.model import Dataset, Section
from ajexplorer.export_formats import format_named
from ajexplorer.gui.app import application
from ajexplorer.gui.exporting import document_font
from ajexplorer.gui.timeline_painter import pixel_font
from tests.gui.conftest import TODAY

JAPANESE = "日本語のメモです。２０１３年１２月、東京にて。"


@pytest.fixture(autouse=True)
def cjk_font() -> None:
    application()
    if not QFontDatabase.families(QFontDatabase.WritingSystem.Japanese):
        pytest.skip("no CJK font installed (Debian: apt-get install fonts-noto-cjk)")


def missing_glyphs(text: str, font: QFont) -> list[str]:
    """The characters of ``text`` that ``font``, with Qt's fallback fonts, draws as an empty box."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    drawn = [index for run in layout.glyphRuns() for index in run.glyphIndexes()]
    assert drawn, "nothing was laid out"
    return [] if 0 not in drawn else [char for char in text if not font_has(char, font)]


def font_has(char: str, font: QFont) -> bool:
    layout = QTextLayout(char, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return all(index != 0 for run in layout.glyphRuns() for index in run.glyphIndexes())


def test_the_window_the_documents_and_the_timeline_draw_japanese() -> None:
    timeline = pixel_font(QApplication.font())
    for font in (QApplication.font(), document_font(), timeline):
        assert missing_glyphs(JAPANESE, font) == [], font.family()


def test_the_check_sees_a_missing_glyph() -> None:
    assert missing_glyphs("\U000f0000", QApplication.font()) != []  # a private-use character no font draws


def embedded_fonts(pdf: bytes) -> list[str]:
    """The PDF's embedded fonts, as "notosanscjkjp" for "QKBAAA+NotoSansCJKjp-Regular"."""
    return [
        name.split("-")[0].lower() for name in re.findall(r"/FontName /\w+\+([\w-]+)", pdf.decode("latin-1"))
    ]


def test_a_japanese_note_in_the_pdf_briefing_is_set_in_a_japanese_font(dataset: Dataset) -> None:
    record = next(iter(dataset.records.values()))
    notes = {f"record:{record.id}": JAPANESE}
    pdf = format_named("pdf").render(ExportContext(dataset, (record,), record.id, today=TODAY, notes=notes))
    japanese = {
        family.replace(" ", "").lower()
        for family in QFontDatabase.families(QFontDatabase.WritingSystem.Japanese)
    }
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Your notes" in text
    assert set(embedded_fonts(pdf)) & japanese  # the note's glyphs come from a font that has them
    plain = format_named("pdf").render(ExportContext(dataset, (record,), record.id, today=TODAY))
    assert not set(embedded_fonts(plain)) & japanese  # and only because the note is Japanese


def test_japanese_lane_titles_go_into_the_svg_timeline(dataset: Dataset) -> None:
    sections = tuple(
        dataclasses.replace(section, title=f"第{number}章 {section.title}")
        for number, section in enumerate(dataset.sections, start=1)
    )
    assert all(isinstance(section, Section) for section in sections)
    renamed = dataclasses.replace(dataset, sections=sections)
    context = ExportContext(renamed, tuple(renamed.records.values()), None, today=TODAY)
    svg = format_named("svg").render(context).decode("utf-8")
    png = format_named("png").render(context)
    assert png.startswith(b"\x89PNG")
    # Qt writes each run of one script as its own text element; a viewer finds a CJK font for them as Qt does.
    drawn = "".join(re.findall(r">([^<]*)</text>", svg))
    assert "第" in drawn and "章" in drawn
