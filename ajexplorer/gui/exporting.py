"""Exports painted by Qt: the timeline as PNG or SVG, Markdown as PDF, and printing of documents and the timeline.

The renderers take an :class:`~ajexplorer.domain.export.ExportContext`, never a window: the format table
(:mod:`ajexplorer.export_formats`) calls them for the command line and the window alike. Renderers produce
bytes in memory and :func:`atomic_write` puts them on disk, so every file error is a Python
``OSError`` with its reason (Qt's writers fail silently) and a failed export never leaves a partial file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import os
import tempfile
import weakref
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QImageWriter,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication

from ajexplorer import APP_NAME, __version__
from ajexplorer.domain.export import ExportContext
from ajexplorer.gui import timeline_painter
from ajexplorer.gui.theme import palette_for
from ajexplorer.presentation.themes import Theme
from ajexplorer.presentation.timeline_scene import GUTTER, Scene, scene_from_dataset

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


# --- the timeline: every drawing of it for export and print goes through paint_timeline --------------------
#
# paint_timeline (drawing) and timeline_canvas (size, span, font) are the one seam between the exports and
# the timeline: both draw the context's scene through the timeline's own painter (gui/timeline_painter.py),
# the same code the window's timeline paints with, never through a widget.

#: The scene of each context while the context lives, so printing many pages lays it out once.
_scenes: weakref.WeakKeyDictionary[ExportContext, Scene] = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class TimelineCanvas:
    """How a timeline export is drawn: its size in logical pixels, the years it shows, the height at which
    every lane has room for all its rows, and the font its text is set in (sized in pixels)."""

    size: QSizeF
    extent: tuple[float, float]
    full_height: float
    font: QFont


def paint_timeline(
    painter: QPainter,
    rect: QRectF,
    context: ExportContext,
    extent: tuple[float, float] | None = None,
    palette: QPalette | None = None,
) -> None:
    """Draw the timeline of ``context`` into ``rect`` (in the painter's units) on any device: image, SVG,
    PDF or printer. The only place the exports and printing draw a timeline.

    It shows ``extent`` in fractional years (by default the context's shown range, or the whole span), with
    the context's search dimming what it did not find and its selection marked, in ``palette``'s colours
    (by default the application's; print passes paper colours). Marks are vectors and labels real text.
    """
    canvas = timeline_canvas(context)
    shown = extent if extent is not None else canvas.extent
    scene = _scene_for(context).showing(shown)
    timeline_painter.paint(painter, rect, scene, palette or QGuiApplication.palette(), canvas.font)


def timeline_canvas(context: ExportContext) -> TimelineCanvas:
    """Size and time extent of a timeline export.

    The shown range is exported at the size the window shows it. The whole timeline is as wide as it takes
    for events months apart to stand apart and their labels to read, and tall enough for every label row.
    """
    scene = _scene_for(context)
    font, full_height = timeline_painter.pixel_font(QApplication.font()), scene.full_height()
    if context.shown_range is not None:
        return TimelineCanvas(QSizeF(*context.canvas), context.shown_range, full_height, font)
    t0, t1 = scene.extent
    wanted = GUTTER + 8.0 + (t1 - t0) * FULL_PX_PER_YEAR
    width = min(max(wanted, MIN_FULL_WIDTH, context.canvas[0]), MAX_FULL_WIDTH)
    return TimelineCanvas(QSizeF(width, full_height), (t0, t1), full_height, font)


def _scene_for(context: ExportContext) -> Scene:
    """The whole span of the context's data, its search and its selection, as the timeline paints them."""
    scene = _scenes.get(context)
    if scene is None:
        selected = context.selected.id if context.selected is not None else None
        linked = frozenset(context.dataset.linked_events(selected)) if selected is not None else frozenset()
        scene = scene_from_dataset(
            context.dataset, context.today or dt.date.today(), None, context.matches, selected, linked
        )
        _scenes[context] = scene
    return scene


# --- the timeline's files ------------------------------------------------------------------------------------


def timeline_image(context: ExportContext, scale: float = 2.0) -> QImage:
    """The timeline as an image at ``scale`` device pixels per logical pixel (2: crisp on high-DPI screens
    and in print), on the palette's background."""
    canvas = timeline_canvas(context)
    size = canvas.size
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
    image.fill(QGuiApplication.palette().color(QPalette.ColorRole.Window))
    painter = QPainter()
    if not painter.begin(image):
        raise ExportError("Qt could not paint the image")
    try:
        paint_timeline(painter, QRectF(QPointF(0, 0), size), context, canvas.extent)
    finally:
        painter.end()
    image.setText("Software", f"{APP_NAME} {__version__}")
    image.setText("Description", _extent_description(canvas.extent))
    image.setText("Title", context.timeline_title)
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


def timeline_png(context: ExportContext) -> bytes:
    return png_bytes(timeline_image(context))


def timeline_svg(context: ExportContext) -> bytes:
    """The timeline as SVG: shapes stay vectors and every label stays text (searchable, selectable)."""
    canvas = timeline_canvas(context)
    size, title = canvas.size, context.timeline_title
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setResolution(round(CSS_DPI))
    generator.setSize(size.toSize())
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle(title)
    generator.setDescription(_extent_description(canvas.extent, title))
    painter = QPainter()
    if not painter.begin(generator):
        raise ExportError("Qt could not start the SVG drawing")
    try:
        paint_timeline(painter, QRectF(QPointF(0, 0), size), context, canvas.extent)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


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


def print_document(document: QTextDocument, printer: QPrinter) -> None:
    """Print a rich-text document on any printer (a PDF printer included), with page numbers."""
    _print_pages(document, printer)


def paginate(document: QTextDocument, page: QSizeF) -> None:
    """Lay ``document`` out on pages of ``page`` size, moving any heading whose text would start on the next
    page to that page too, so that no heading is left alone at a page's foot."""
    document.setPageSize(page)
    layout = document.documentLayout()
    always_before = QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore
    for _ in range(document.blockCount()):  # each move can shift what follows; one move per pass
        block = document.begin()
        while block.isValid():
            following = block.next()
            heading = block.blockFormat()
            if heading.headingLevel() and following.isValid():
                first = int(layout.blockBoundingRect(block).top() // page.height())
                then = int(layout.blockBoundingRect(following).top() // page.height())
                if then > first and not heading.pageBreakPolicy() & always_before:
                    heading.setPageBreakPolicy(always_before)
                    QTextCursor(block).setBlockFormat(heading)
                    break
            block = following
        else:
            return


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
        paginate(copy, body)
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
    """The palette itself if it is light; with a dark theme the app's Light palette (its contrast checked), so
    paper stays white."""
    if palette.color(QPalette.ColorRole.Base).lightness() >= 128:
        return palette
    light = palette_for(Theme.LIGHT)
    return light if light is not None else QPalette()


def print_timeline(context: ExportContext, printer: QPrinter) -> None:
    """Print the timeline: the shown range on one page, or the whole span over as many pages as it takes
    at a scale where labels read, each page with a heading and a page number."""
    painter = QPainter()
    if not painter.begin(printer):
        raise ExportError("the printer could not start printing")
    try:
        _paint_timeline_pages(context, printer, painter)
    finally:
        painter.end()


def _paint_timeline_pages(context: ExportContext, printer: QPrinter, painter: QPainter) -> None:
    page = printer.pageLayout().paintRectPixels(printer.resolution())
    scale = printer.resolution() / CSS_DPI
    width, height = page.width() / scale, page.height() / scale
    canvas = timeline_canvas(context)
    metrics = QFontMetricsF(canvas.font)
    header, footer = metrics.height() * 2.2, metrics.height() * 1.8
    canvas_height = max(min(height - header - footer, canvas.full_height), 120.0)
    size, extent = canvas.size, canvas.extent
    plot_width = max(width - GUTTER - 8.0, 50.0)
    if context.whole_timeline:
        years_per_page = plot_width * (extent[1] - extent[0]) / max(size.width() - GUTTER - 8.0, 50.0)
        pages = max(1, math.ceil((extent[1] - extent[0]) / years_per_page - 1e-6))
    else:
        years_per_page, pages = extent[1] - extent[0], 1
    palette = paper_palette(QGuiApplication.palette())
    text = palette.color(QPalette.ColorRole.WindowText)
    for number in range(pages):
        if number:
            printer.newPage()
        start = extent[0] + number * years_per_page
        shown = (start, start + years_per_page)
        painter.save()
        painter.scale(scale, scale)
        painter.setFont(canvas.font)
        painter.setPen(text)
        heading = f"{context.timeline_title} — {_years(shown)}"
        painter.drawText(QRectF(0, 0, width, header), int(Qt.AlignmentFlag.AlignLeft), heading)
        paint_timeline(painter, QRectF(0, header, width, canvas_height), context, shown, palette)
        painter.setPen(text)
        painter.drawText(
            QRectF(0, header + canvas_height, width, footer),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
            f"Page {number + 1} of {pages}",
        )
        painter.restore()
