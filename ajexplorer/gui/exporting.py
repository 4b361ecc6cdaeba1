"""Exports painted by Qt: the timeline as PNG or SVG, Markdown as PDF, and printing of documents and the timeline.

Renderers produce bytes in memory and :func:`atomic_write` puts them on disk, so every file error is a Python
``OSError`` with its reason (Qt's writers fail silently) and a failed export never leaves a partial file.
"""

from __future__ import annotations

import contextlib
import math
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QImageWriter,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication

from ajexplorer import APP_NAME, __version__
from ajexplorer.gui.timeline_widget import GUTTER, TimelineWidget

#: Logical pixels per inch of exported drawings: what screens and SVG viewers take a CSS pixel to be.
CSS_DPI = 96.0
#: Horizontal room per year in a whole-timeline export: events a few months apart stand apart.
FULL_PX_PER_YEAR = 80.0
MAX_FULL_WIDTH = 8000.0
MIN_FULL_WIDTH = 1600.0
#: PNGs beyond this many pixels get a smaller scale, so a huge export cannot exhaust memory.
MAX_IMAGE_PIXELS = 60_000_000
PDF_MARGIN_MM = 20.0
DOCUMENT_POINT_SIZE = 10.5


class ExportError(RuntimeError):
    """A renderer could not produce its output (Qt refused to paint on the device)."""


# --- files ---------------------------------------------------------------------------------------------------


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then move it into place: readers never see half a
    file, an existing file survives a failed write, and no temporary file is left behind on failure."""
    descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())  # a full disk may only show here
        temporary.chmod(_file_mode(path))
        temporary.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def _file_mode(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual ones rather than mkstemp's 0600."""
    with contextlib.suppress(OSError):
        return path.stat().st_mode & 0o777
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


# --- the timeline ----------------------------------------------------------------------------------------------


def timeline_canvas(timeline: TimelineWidget, full_extent: bool) -> tuple[QSizeF, tuple[float, float]]:
    """Size in logical pixels and time extent of a timeline export.

    The visible range is exported as the widget shows it. The whole timeline is as wide as it takes for
    events months apart to stand apart and their labels to read, and tall enough for every label row.
    """
    if not full_extent:
        return QSizeF(timeline.size()), timeline.visible_extent()
    t0, t1 = timeline.data_extent()
    wanted = GUTTER + 8.0 + (t1 - t0) * FULL_PX_PER_YEAR
    width = min(max(wanted, MIN_FULL_WIDTH, float(timeline.width())), MAX_FULL_WIDTH)
    return QSizeF(width, timeline.full_height()), (t0, t1)


def timeline_image(timeline: TimelineWidget, full_extent: bool, scale: float = 2.0) -> QImage:
    """The timeline as an image at ``scale`` device pixels per logical pixel (2: crisp on high-DPI screens
    and in print), on the palette's background."""
    size, extent = timeline_canvas(timeline, full_extent)
    scale = min(scale, math.sqrt(MAX_IMAGE_PIXELS / max(size.width() * size.height(), 1.0)))
    image = QImage(
        math.ceil(size.width() * scale),
        math.ceil(size.height() * scale),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    if image.isNull():
        raise ExportError("there is not enough memory for an image this large")
    image.setDevicePixelRatio(scale)
    dots_per_metre = round(CSS_DPI * scale / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(timeline.palette().color(QPalette.ColorRole.Window))
    painter = QPainter()
    if not painter.begin(image):
        raise ExportError("Qt could not paint the image")
    try:
        timeline.paint_to(painter, size, extent)
    finally:
        painter.end()
    image.setText("Software", f"{APP_NAME} {__version__}")
    image.setText("Description", _extent_description(extent))
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    if not writer.write(image):
        raise ExportError(f"Qt could not encode the image as PNG: {writer.errorString()}")
    buffer.close()
    return bytes(data.data())


def timeline_svg(
    timeline: TimelineWidget, full_extent: bool, title: str | None = None, description: str | None = None
) -> bytes:
    """The timeline as SVG: shapes stay vectors and every label stays text (searchable, selectable)."""
    size, extent = timeline_canvas(timeline, full_extent)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setResolution(round(CSS_DPI))
    generator.setSize(size.toSize())
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle(title or f"{APP_NAME} timeline")
    generator.setDescription(description or _extent_description(extent, title))
    painter = QPainter()
    if not painter.begin(generator):
        raise ExportError("Qt could not start the SVG drawing")
    try:
        timeline.paint_to(painter, size, extent)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def write_timeline_svg(
    timeline: TimelineWidget,
    path: Path,
    full_extent: bool,
    title: str | None = None,
    description: str | None = None,
) -> None:
    atomic_write(path, timeline_svg(timeline, full_extent, title, description))


def _years(extent: tuple[float, float]) -> str:
    first, last = math.floor(extent[0]), math.floor(extent[1])
    return str(first) if first == last else f"{first}\N{EN DASH}{last}"


def _extent_description(extent: tuple[float, float], title: str | None = None) -> str:
    return f"{title or 'Timeline'}, {_years(extent)}. Drawn by {APP_NAME} {__version__}."


# --- documents -------------------------------------------------------------------------------------------------


def document_font() -> QFont:
    """The desktop's general font at a comfortable reading size for paper."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
    font.setPointSizeF(DOCUMENT_POINT_SIZE)
    return font


def markdown_document(markdown: str, title: str) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(document_font())
    # CommonMark, as GitHub renders it on the web: Qt's GitHub dialect would underline _emphasis_. No raw
    # HTML, so text from the data can never pull in a resource.
    document.setMarkdown(
        markdown,
        QTextDocument.MarkdownFeature.MarkdownDialectCommonMark
        | QTextDocument.MarkdownFeature.MarkdownNoHTML,
    )
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
    return document


def markdown_pdf(markdown: str, title: str) -> bytes:
    """Markdown typeset as an A4 PDF with margins, page numbers, and title and creator in its metadata."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(PDF_MARGIN_MM, PDF_MARGIN_MM, PDF_MARGIN_MM, PDF_MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(title)
    writer.setCreator(f"{APP_NAME} {__version__}")
    _print_pages(markdown_document(markdown, title), writer)
    buffer.close()
    if data.isEmpty():
        raise ExportError("Qt could not typeset the PDF")
    return bytes(data.data())


def write_markdown_pdf(markdown: str, path: Path, title: str) -> None:
    atomic_write(path, markdown_pdf(markdown, title))


def print_document(document: QTextDocument, printer: QPrinter) -> None:
    """Print a rich-text document on any printer (a PDF printer included), with page numbers."""
    _print_pages(document, printer)


def _print_pages(document: QTextDocument, device: QPdfWriter | QPrinter) -> None:
    """Lay out a copy of ``document`` for the device's pages (the one on screen keeps its layout) and paint
    it page by page, with the title and "Page n of N" at the foot of each."""
    painter = QPainter()
    if not painter.begin(device):
        raise ExportError("the printer could not start printing")
    try:
        copy = document.clone()
        copy.documentLayout().setPaintDevice(device)
        page = device.pageLayout().paintRectPixels(device.logicalDpiX())
        font = QFont(copy.defaultFont())
        font.setPointSizeF(font.pointSizeF() * 0.85)
        footer = QFontMetricsF(font, device).height() * 2.5
        body = QSizeF(page.width(), page.height() - footer)
        copy.setPageSize(body)
        title = copy.metaInformation(QTextDocument.MetaInformation.DocumentTitle)
        count = copy.pageCount()
        for number in range(count):
            if number:
                device.newPage()
            painter.save()
            painter.translate(0, -number * body.height())
            copy.drawContents(painter, QRectF(0, number * body.height(), body.width(), body.height()))
            painter.restore()
            foot = QRectF(0, body.height(), body.width(), footer)
            bottom = Qt.AlignmentFlag.AlignBottom
            painter.setFont(font)
            painter.setPen(QColor("#555555"))
            painter.drawText(foot, int(Qt.AlignmentFlag.AlignLeft | bottom), title)
            painter.drawText(foot, int(Qt.AlignmentFlag.AlignRight | bottom), f"Page {number + 1} of {count}")
    finally:
        painter.end()


def paper_palette(palette: QPalette) -> QPalette:
    """The palette itself if it is light; with a dark theme the style's light palette, so paper stays white."""
    if palette.color(QPalette.ColorRole.Base).lightness() >= 128:
        return palette
    app = QApplication.instance()
    return app.style().standardPalette() if isinstance(app, QApplication) else QPalette()


def print_timeline(
    timeline: TimelineWidget, printer: QPrinter, full_extent: bool, title: str | None = None
) -> None:
    """Print the timeline: the visible range on one page, or the whole span over as many pages as it takes
    at a scale where labels read, each page with a heading and a page number."""
    painter = QPainter()
    if not painter.begin(printer):
        raise ExportError("the printer could not start printing")
    try:
        _paint_timeline_pages(timeline, printer, painter, full_extent, title or f"{APP_NAME} timeline")
    finally:
        painter.end()


def _paint_timeline_pages(
    timeline: TimelineWidget, printer: QPrinter, painter: QPainter, full_extent: bool, title: str
) -> None:
    page = printer.pageLayout().paintRectPixels(printer.resolution())
    scale = printer.resolution() / CSS_DPI
    width, height = page.width() / scale, page.height() / scale
    font = timeline.export_font()
    metrics = QFontMetricsF(font)
    header, footer = metrics.height() * 2.2, metrics.height() * 1.8
    canvas_height = max(min(height - header - footer, timeline.full_height()), 120.0)
    size, extent = timeline_canvas(timeline, full_extent)
    plot_width = max(width - GUTTER - 8.0, 50.0)
    if full_extent:
        years_per_page = plot_width * (extent[1] - extent[0]) / max(size.width() - GUTTER - 8.0, 50.0)
        pages = max(1, math.ceil((extent[1] - extent[0]) / years_per_page - 1e-6))
    else:
        years_per_page, pages = extent[1] - extent[0], 1
    palette = paper_palette(timeline.palette())
    text = palette.color(QPalette.ColorRole.WindowText)
    for number in range(pages):
        if number:
            printer.newPage()
        start = extent[0] + number * years_per_page
        shown = (start, start + years_per_page)
        painter.save()
        painter.scale(scale, scale)
        painter.setFont(font)
        painter.setPen(text)
        heading = f"{title} — {_years(shown)}"
        painter.drawText(QRectF(0, 0, width, header), int(Qt.AlignmentFlag.AlignLeft), heading)
        painter.save()
        painter.translate(0, header)
        timeline.paint_to(painter, QSizeF(width, canvas_height), shown, palette)
        painter.restore()
        painter.setPen(text)
        painter.drawText(
            QRectF(0, header + canvas_height, width, footer),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
            f"Page {number + 1} of {pages}",
        )
        painter.restore()
