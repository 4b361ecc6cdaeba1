"""The source document, paragraph by paragraph, each listing the records drawn from it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QTextEdit, QVBoxLayout, QWidget

from ajexplorer.domain.i18n import translate
from ajexplorer.domain.model import Dataset
from ajexplorer.gui.browser import SafeBrowser
from ajexplorer.gui.detail_pane import palette_colours, show_page
from ajexplorer.gui.visibility import out_of_sight
from ajexplorer.presentation.detail_html import Colours, highlight_spans, make_marker, source_html

#: The paragraph's text ends where the first line break (footnotes, the records' links) starts.
_LINE_BREAK = "\u2028"


class PreparedPage(NamedTuple):
    """The source's HTML for one selection and palette, built off the GUI thread."""

    record_id: str | None
    colours: Colours
    html: str


class SourceView(QWidget):
    """The page is rendered when the selection changes; the search words are highlighted over it (as extra
    selections) only in the paragraphs on screen, again as it scrolls, so a keystroke touches a few lines
    whatever the size of the data. Hidden, it does nothing until shown.

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
        self._spans: list[tuple[int, int]] = []  # where the words are highlighted now
        # What waits for the view to be shown: a render (and the paragraph to bring into view), a highlight.
        self._render_waits = False
        self._highlight_waits = False
        self._paragraph_waits: int | None = None
        # Until released, renders wait: at start-up the window paints first and the source follows.
        self._held = True
        self._prepared: PreparedPage | None = None

    def release(self, page: PreparedPage | None = None) -> None:
        """Start rendering: the text, then the selected record's first paragraph. ``page``: the text prepared
        on a worker thread (see :meth:`preparation`), used when it is still the page to show."""
        if self._held:
            self._held = False
            self._prepared = page
            try:
                self.follow(self._record_id)
            finally:
                self._prepared = None

    def preparation(self) -> Callable[[], PreparedPage]:
        """What the first render would put on the page, as pure work for a worker thread (at 100,000 records
        building the page's HTML takes as long as showing it); read here, on the GUI thread, from the palette
        and the selection as they are now."""
        dataset, record_id = self._dataset, self._record_id
        colours = palette_colours(self.palette())

        def work() -> PreparedPage:
            record = dataset.get(record_id) if record_id else None
            return PreparedPage(
                record_id, colours, source_html(dataset, record, make_marker(dataset), colours)
            )

        return work

    @property
    def rendered(self) -> bool:
        """The text has been put on the page (it waits while the view is out of sight)."""
        return self._rendered

    def set_highlight(self, words: Sequence[str]) -> None:
        self._words = tuple(words)
        if self._held or not self._rendered:
            return
        if out_of_sight(self):
            self._highlight_waits = True
            return
        self._highlight_on_screen()

    def follow(self, record_id: str | None) -> None:
        """Highlight the selected record's paragraphs and bring the first into view."""
        self._record_id = record_id
        if self._held:
            return
        record = self._dataset.get(record_id) if record_id else None
        first = min(record.paragraphs) if record is not None and record.paragraphs else None
        if out_of_sight(self):
            self._render_waits = True
            self._paragraph_waits = first
            return
        self._render()
        if first is not None:
            self.show_paragraph(first)

    def show_paragraph(self, number: int) -> None:
        self.release()
        if self._render_waits and out_of_sight(self):
            self._paragraph_waits = number
            return
        self.catch_up()
        self.browser.scrollToAnchor(f"p{number}")

    def refresh(self) -> None:
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
            if self._paragraph_waits is not None:
                number, self._paragraph_waits = self._paragraph_waits, None
                self.browser.scrollToAnchor(f"p{number}")
        elif self._highlight_waits:
            self._highlight_waits = False
            self._highlight_on_screen()

    def _render(self) -> None:
        if self._held:
            return
        self._render_waits = self._highlight_waits = False
        self._rendered = True
        record = self._dataset.get(self._record_id) if self._record_id else None
        scroll = self.browser.verticalScrollBar().value()
        # The page without the search words: those are laid over it, on screen only (_highlight_on_screen).
        colours = palette_colours(self.palette())
        prepared = self._prepared
        if prepared is not None and prepared.record_id == self._record_id and prepared.colours == colours:
            page = prepared.html
        else:
            page = source_html(self._dataset, record, make_marker(self._dataset), colours)
        show_page(self.browser, page, colours)
        self._spans = []  # a new page has none
        self.browser.setExtraSelections([])
        self.browser.verticalScrollBar().setValue(scroll)
        self._highlight_on_screen()

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
