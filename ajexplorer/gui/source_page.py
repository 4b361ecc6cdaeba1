"""The source's page as a rich-text document: built on a worker thread at start-up, on the spot later.

Imported when the first page is prepared, after the window's first paint: the text classes' Python side
takes milliseconds to build.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QSizeF, QUrl
from PySide6.QtGui import QFont, QTextCursor, QTextDocument, QTextFormat, QTextTable

from ajexplorer.domain.model import Dataset
from ajexplorer.gui.detail_pane import link_style
from ajexplorer.presentation.detail_html import Colours, make_marker, source_pieces

#: A paragraph's table with this property set is tinted as the selected record's.
TINT = QTextFormat.Property.BackgroundBrush
#: Paragraphs put on a page per call of Qt's HTML parser. A call holds the interpreter lock throughout, so a
#: worker filling a page in one call would hold the window for as long (60 ms at 100,000 records).
PARAGRAPHS_PER_CALL = 4
_END = QTextCursor.MoveOperation.End  # read here, on the GUI thread: a Qt enum is built when first read


class PageLook(NamedTuple):
    """What a page takes from its view: read on the GUI thread, handed to whichever thread builds it."""

    colours: Colours
    font: QFont
    margin: float


class PreparedPage(NamedTuple):
    """A page built off the GUI thread, and the colours it was built with."""

    colours: Colours
    document: QTextDocument


class _Page(QTextDocument):
    """Loads nothing, even while no browser owns it (see :class:`~ajexplorer.gui.browser.SafeBrowser`)."""

    def loadResource(self, type: int, name: QUrl | str) -> object:
        return None


def page_document(dataset: Dataset, look: PageLook) -> QTextDocument:
    """The source's page, with no paragraph tinted. The text classes are reentrant, so a worker thread may
    build it (parsing the HTML is most of what showing a page costs). It is not laid out until a view gives
    it its width: given a page size of its own, the view would lay out all of it at once."""
    document = _Page()
    document.setUndoRedoEnabled(False)  # tinting paragraphs edits the page: nothing to undo
    fill(document, dataset, look)
    document.setPageSize(QSizeF(0, 0))
    return document


def fill(document: QTextDocument, dataset: Dataset, look: PageLook) -> None:
    """Put the page in ``document`` (a new one, or the one shown: its colours changed)."""
    document.setDefaultFont(look.font)
    document.setDocumentMargin(look.margin)
    document.setDefaultStyleSheet(link_style(look.colours))
    pieces = source_pieces(dataset, None, make_marker(dataset), look.colours)
    document.setHtml(pieces[0])
    cursor = QTextCursor(document)
    for start in range(1, len(pieces), PARAGRAPHS_PER_CALL):
        cursor.movePosition(_END)
        cursor.insertHtml("\n".join(pieces[start : start + PARAGRAPHS_PER_CALL]))


def is_page(document: QTextDocument) -> bool:
    """``document`` is a page of ours (not the browser's own, empty, first document)."""
    return isinstance(document, _Page)


def paragraph_tables(document: QTextDocument) -> dict[int, QTextTable]:
    """Each paragraph's table on the page, by the number its first cell starts with."""
    tables = {}
    for frame in document.rootFrame().childFrames():
        if isinstance(frame, QTextTable):
            number = document.findBlock(frame.firstPosition()).text().rstrip(".")
            if number.isdigit():
                tables[int(number)] = frame
    return tables
