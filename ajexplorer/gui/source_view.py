"""The source document, paragraph by paragraph, each listing the records drawn from it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QTextEdit, QVBoxLayout, QWidget

from ajexplorer.domain.i18n import translate
from ajexplorer.domain.model import Dataset
from ajexplorer.gui.browser import SafeBrowser
from ajexplorer.gui.detail_pane import palette_colours
from ajexplorer.gui.visibility import out_of_sight
from ajexplorer.presentation.detail_html import Colours, highlight_spans, make_marker

if TYPE_CHECKING:  # imported when the first page is prepared, after the window's first paint
    from PySide6.QtGui import QTextDocument, QTextTable

    from ajexplorer.gui.source_page import PageLook, PreparedPage

#: The paragraph's text ends where the first line break (footnotes, the records' links) starts.
_LINE_BREAK = "\u2028"


class SourceView(QWidget):
    """The page is built once (again only when the palette changes: its colours are in it); selecting a
    record tints that record's paragraphs over it, and the search words are highlighted over it (as extra
    selections) only in the paragraphs on screen, again as it scrolls, so a click or a keystroke touches a
    few lines whatever the size of the data. Hidden, it waits until shown to render or highlight.

    Signals:
    linkRequested(object): a link was activated (a Link).
    """

    linkRequested = Signal(object)

    def __init__(self, dataset: Dataset, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("source")
        self.setAccessibleName(translate("SourceView", "Source"))
        self._dataset = dataset
        self._record_id: str | None = None
        self._words: Sequence[str] = ()
        self.browser = SafeBrowser(self)
        self.browser.setObjectName("sourceBrowser")
        self.browser.setAccessibleName(translate("SourceView", "Source"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.browser.linkRequested.connect(self.linkRequested)
        self.browser.verticalScrollBar().valueChanged.connect(self._highlight_on_screen)
        self._rendered = False
        self._colours: Colours | None = None  # the page's, as rendered
        self._tables: dict[int, QTextTable] = {}  # each paragraph's, on the page shown
        self._marked: set[int] = set()  # the paragraphs tinted now
        self._spans: list[tuple[int, int]] = []  # where the words are highlighted now
        # What waits for the view to be shown: a render (and the paragraph to bring into view), a highlight.
        self._render_waits = False
        self._highlight_waits = False
        self._paragraph_waits: int | None = None
        # Until released, renders wait: at start-up the window paints first and the source follows.
        self._held = True

    def release(self, page: PreparedPage | None = None) -> None:
        """Start rendering: the text, then the selected record's first paragraph. ``page``: the page prepared
        on a worker thread (see :meth:`preparation`), shown if the palette is still the one it was built for."""
        if not self._held:
            return
        self._held = False
        if page is not None and page.colours == self._look().colours:
            self._show(page.document, page.colours)
        self.follow(self._record_id)

    def preparation(self) -> Callable[[], PreparedPage]:
        """The page, as work for a worker thread (at 100,000 records building it takes as long as showing it);
        its look read here, on the GUI thread."""
        from ajexplorer.gui.source_page import PreparedPage, page_document  # noqa: PLC0415 - see above

        dataset, look = self._dataset, self._look()
        gui_thread = self.thread()

        def work() -> PreparedPage:
            document = page_document(dataset, look)
            document.moveToThread(gui_thread)  # from the worker, its thread until now, to the view's
            return PreparedPage(look.colours, document)

        return work

    @property
    def rendered(self) -> bool:
        """The text has been put on the page (it waits while the view is out of sight)."""
        return self._rendered

    def marked(self) -> set[int]:
        """The paragraphs tinted as the selected record's, read from the page."""
        from ajexplorer.gui.source_page import TINT  # noqa: PLC0415 - see above

        return {number for number, table in self._tables.items() if table.format().hasProperty(TINT)}

    def set_highlight(self, words: Sequence[str]) -> None:
        self._words = tuple(words)
        if self._held or not self._rendered:
            return
        if out_of_sight(self):
            self._highlight_waits = True
            return
        self._highlight_on_screen()

    def follow(self, record_id: str | None) -> None:
        """Tint the selected record's paragraphs and bring the first into view."""
        self._record_id = record_id
        if self._held:
            return
        record = self._dataset.get(record_id) if record_id else None
        first = min(record.paragraphs) if record is not None and record.paragraphs else None
        if self._rendered:
            self._mark()  # a few tables' formats: cheap, shown or not
        if out_of_sight(self):
            self._render_waits = self._render_waits or not self._rendered
            self._paragraph_waits = first
            return
        if not self._rendered:
            self._render()
        if first is not None:
            self.show_paragraph(first)

    def show_paragraph(self, number: int) -> None:
        self.release()
        if (self._render_waits or not self._rendered) and out_of_sight(self):
            self._render_waits = True
            self._paragraph_waits = number
            return
        self.catch_up()
        self.browser.scrollToAnchor(f"p{number}")

    def refresh(self) -> None:
        """Build the page again (its texts or colours changed)."""
        if self._held:
            return
        if out_of_sight(self):
            self._render_waits = True
            return
        self._render()

    def highlighted(self) -> list[tuple[int, int, str]]:
        """The highlighted words around the screen: the number of the paragraph each is in, where it starts
        in the page, and the word as shown."""
        found = []
        for selection in self.browser.extraSelections():
            cursor = selection.cursor
            table = cursor.currentTable()
            number = table.cellAt(0, 0).firstCursorPosition().block().text().rstrip(".") if table else ""
            found.append(
                (int(number) if number.isdigit() else 0, cursor.selectionStart(), cursor.selectedText())
            )
        return found

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.catch_up()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._highlight_on_screen()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and self._rendered:
            self.refresh()  # the page's colours come from the palette
        super().changeEvent(event)

    def catch_up(self) -> None:
        """Do what waited while the view was out of sight (it is being shown)."""
        if self._render_waits:
            self._render()
        elif self._highlight_waits:
            self._highlight_waits = False
            self._highlight_on_screen()
        if self._paragraph_waits is not None and self._rendered:
            number, self._paragraph_waits = self._paragraph_waits, None
            self.browser.scrollToAnchor(f"p{number}")

    def _look(self) -> PageLook:
        from ajexplorer.gui.source_page import PageLook  # noqa: PLC0415 - see above

        return PageLook(
            palette_colours(self.palette()),
            self.browser.document().defaultFont(),
            self.browser.document().documentMargin(),
        )

    def _render(self) -> None:
        """Build the page here and now (the first one usually comes from a worker: :meth:`preparation`), in
        the document shown if it is a page already."""
        from ajexplorer.gui.source_page import fill, is_page, page_document  # noqa: PLC0415 - see above

        if self._held:
            return
        look, shown = self._look(), self.browser.document()
        if is_page(shown):
            fill(shown, self._dataset, look)
            self._show(shown, look.colours)
        else:
            self._show(page_document(self._dataset, look), look.colours)

    def _show(self, document: QTextDocument, colours: Colours) -> None:
        from ajexplorer.gui.source_page import is_page, paragraph_tables  # noqa: PLC0415 - see above

        self._render_waits = self._highlight_waits = False
        self._rendered = True
        self._colours = colours
        scroll = self.browser.verticalScrollBar().value()
        self._tables = paragraph_tables(document)
        self._marked = set()
        # Tinted before the browser lays a new page out: a table's format changed on a page being laid out
        # has the layout brought up to it on the spot.
        self._mark()
        if document is not self.browser.document():
            previous = self.browser.document()
            document.setParent(self.browser)
            self.browser.setDocument(document)  # deletes the browser's own document, not a page given to it
            # Told apart by its class: asking the browser's own document for its parent (a private Qt class)
            # builds Qt types, 57 ms. Deleted now: a deferred delete waits for an event loop a test may not run.
            if is_page(previous):
                shiboken6.delete(previous)
        self._spans = []  # a new page has none
        self.browser.setExtraSelections([])
        self.browser.verticalScrollBar().setValue(scroll)
        self._highlight_on_screen()

    def _mark(self) -> None:
        """Tint the selected record's paragraphs, and only those (the page itself has none tinted)."""
        record = self._dataset.get(self._record_id) if self._record_id else None
        wanted = set(record.paragraphs) & self._tables.keys() if record is not None else set()
        if wanted == self._marked or self._colours is None:
            return
        tint = QColor(self._colours.selected_paragraph)
        for number in wanted ^ self._marked:
            table = self._tables[number]
            look = table.format()
            if number in wanted:
                look.setBackground(tint)
            else:
                look.clearBackground()
            table.setFormat(look)
        self._marked = wanted

    def _highlight_on_screen(self) -> None:
        """Highlight the search words as the HTML page would (:func:`highlight_spans`), in the paragraphs on
        screen and just beyond its edges."""
        if not self._rendered:
            return
        marker = make_marker(self._dataset, self._words)
        if marker.highlight is None:
            if self._spans:
                self._spans = []
                self.browser.setExtraSelections([])
            return
        # The text classes' Python side is built when first touched; the source highlights after the first paint.
        from PySide6.QtGui import QTextCharFormat, QTextCursor  # noqa: PLC0415

        colours = palette_colours(self.palette())
        look = QTextCharFormat()
        look.setBackground(QColor(colours.highlight))
        look.setForeground(QColor(colours.highlight_text))
        document = self.browser.document()
        layout = document.documentLayout()
        top = self.browser.verticalScrollBar().value()
        height = self.browser.viewport().height()
        middle = self.browser.viewport().width() / 2  # in the paragraphs' text, not between the tables
        margin = height // 4  # a little beyond the edges, so that a small scroll shows no gap
        first = layout.hitTest(QPointF(middle, max(0, top - margin)), Qt.HitTestAccuracy.FuzzyHit)
        last = layout.hitTest(QPointF(middle, top + height + margin), Qt.HitTestAccuracy.FuzzyHit)
        block = document.findBlock(max(first, 0))
        end = document.findBlock(last) if last >= 0 else document.lastBlock()
        selections: list[QTextEdit.ExtraSelection] = []
        while block.isValid():
            cursor = QTextCursor(block)
            table = cursor.currentTable()
            if table is not None and table.cellAt(cursor).column() == 1:
                text = block.text().split(_LINE_BREAK, 1)[0]
                for start, stop in highlight_spans(text, marker):
                    words = QTextCursor(block)
                    words.setPosition(block.position() + start)
                    words.setPosition(block.position() + stop, QTextCursor.MoveMode.KeepAnchor)
                    selection = QTextEdit.ExtraSelection()
                    selection.cursor = words
                    selection.format = look
                    selections.append(selection)
            if block == end:
                break
            block = block.next()
        spans = [
            (selection.cursor.selectionStart(), selection.cursor.selectionEnd()) for selection in selections
        ]
        if spans != self._spans:  # setting them repaints the whole view, even when nothing changed
            self._spans = spans
            self.browser.setExtraSelections(selections)
