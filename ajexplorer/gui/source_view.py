"""The source document, paragraph by paragraph, each listing the records drawn from it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ajexplorer.domain.i18n import translate
from ajexplorer.domain.model import Dataset
from ajexplorer.gui.browser import SafeBrowser
from ajexplorer.gui.detail_pane import palette_colours, show_page
from ajexplorer.presentation.detail_html import make_marker, source_html


class SourceView(QWidget):
    """Signals:
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
        self._rendered = False
        # Until released, renders wait: at start-up the window paints first and the source follows.
        self._held = True

    def release(self) -> None:
        """Start rendering: the text, then the selected record's first paragraph."""
        if self._held:
            self._held = False
            self.follow(self._record_id)

    def set_highlight(self, words: Sequence[str]) -> None:
        self._words = tuple(words)
        self._render()

    def follow(self, record_id: str | None) -> None:
        """Highlight the selected record's paragraphs and bring the first into view."""
        self._record_id = record_id
        if self._held:
            return
        self._render()
        record = self._dataset.get(record_id) if record_id else None
        if record is not None and record.paragraphs:
            self.show_paragraph(min(record.paragraphs))

    def show_paragraph(self, number: int) -> None:
        self.release()
        self.browser.scrollToAnchor(f"p{number}")

    def refresh(self) -> None:
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and self._rendered:
            self._render()  # the page's colours come from the palette
        super().changeEvent(event)

    def _render(self) -> None:
        if self._held:
            return
        self._rendered = True
        record = self._dataset.get(self._record_id) if self._record_id else None
        scroll = self.browser.verticalScrollBar().value()
        marker = make_marker(self._dataset, self._words)
        colours = palette_colours(self.palette())
        show_page(self.browser, source_html(self._dataset, record, marker, colours), colours)
        self.browser.verticalScrollBar().setValue(scroll)
