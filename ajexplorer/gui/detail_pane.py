"""The detail pane: everything about the selected record, with its relations and source paragraphs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ajexplorer.domain.i18n import translate
from ajexplorer.domain.model import Dataset
from ajexplorer.gui.browser import SafeBrowser
from ajexplorer.gui.theme import rgb_of
from ajexplorer.presentation.contrast import hex_colour, legible, mix
from ajexplorer.presentation.detail_html import Colours, citation, make_marker, record_html

if (
    TYPE_CHECKING
):  # the text classes' Python side is built when first touched: by a search, after the first paint
    from PySide6.QtGui import QTextBlock, QTextCharFormat, QTextDocument


def restyle(shown: QTextDocument, page: str) -> bool:
    """Give ``shown`` the character formats of ``page``, the same text with other words highlighted, only in
    the blocks whose formats differ: only those are laid out again, where setting the page would lay out all
    of it. False, and ``shown`` untouched, when the texts differ."""
    from PySide6.QtGui import QTextCursor, QTextDocument  # noqa: PLC0415 - see TYPE_CHECKING above

    fresh = QTextDocument()
    fresh.setDefaultStyleSheet(shown.defaultStyleSheet())  # the links' colour, as the shown page has it
    fresh.setHtml(page)  # not laid out: it has no view
    if fresh.blockCount() != shown.blockCount():
        return False
    changed: list[QTextBlock] = []
    old, new = shown.begin(), fresh.begin()
    while new.isValid():
        if old.text() != new.text():
            return False
        if _formats(old) != _formats(new):
            changed.append(new)
        old, new = old.next(), new.next()
    cursor = QTextCursor(shown)
    cursor.beginEditBlock()
    for block in changed:
        for position, length, look in _formats(block):
            cursor.setPosition(position)
            cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(look)
    cursor.endEditBlock()
    return True


def _formats(block: QTextBlock) -> list[tuple[int, int, QTextCharFormat]]:
    runs = []
    part = block.begin()
    while not part.atEnd():
        fragment = part.fragment()
        runs.append((fragment.position(), fragment.length(), fragment.charFormat()))
        part += 1
    return runs


def palette_colours(palette: QPalette) -> Colours:
    """The presentation layer's colours, read from the current palette: each text colour reads (WCAG AA) on
    the page and on a selected paragraph, whatever the desktop's palette holds."""
    role = QPalette.ColorRole
    base = rgb_of(palette.color(role.Base))
    highlight = rgb_of(palette.color(role.Highlight))
    selected = mix(highlight, base, 0.18)
    backgrounds = [base, selected]
    return Colours(
        text=hex_colour(legible(rgb_of(palette.color(role.Text)), backgrounds)),
        muted=hex_colour(legible(rgb_of(palette.color(role.PlaceholderText), over=base), backgrounds)),
        link=hex_colour(legible(rgb_of(palette.color(role.Link)), backgrounds)),
        highlight=hex_colour(highlight),
        highlight_text=hex_colour(legible(rgb_of(palette.color(role.HighlightedText)), [highlight])),
        selected_paragraph=hex_colour(selected),
        background=hex_colour(base),
    )


def link_style(colours: Colours) -> str:
    """The style sheet that gives a page's links their checked colour."""
    return f"a {{ color: {colours.link}; }}"


def show_page(browser: SafeBrowser, html: str, colours: Colours) -> None:
    """Put ``html`` in ``browser`` with its links in the checked link colour."""
    browser.document().setDefaultStyleSheet(link_style(colours))
    browser.setHtml(html)


class DetailPane(QWidget):
    """Signals:
    linkRequested(object): a link in the pane was activated (a Link).
    copied(str): a citation or link went to the clipboard; the text says what, for the status bar.
    """

    linkRequested = Signal(object)
    copied = Signal(str)

    def __init__(self, dataset: Dataset, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("details")
        self.setAccessibleName(translate("DetailPane", "Details"))
        self._dataset = dataset
        self._record_id: str | None = None
        self._words: Sequence[str] = ()
        self._page = ""  # the record's page as last set
        self.browser = SafeBrowser(self)
        self.browser.setObjectName("detailBrowser")
        self.browser.document().setUndoRedoEnabled(False)  # restyle() edits the page: nothing to undo
        self.browser.setAccessibleName(translate("DetailPane", "Details"))
        # Each button copies its first choice on a click; its arrow offers the rest. The menus fill when opened,
        # so the citation styles load only when someone cites.
        self.copy_button = self._copy_button(
            translate("DetailPane", "Copy citation"), "copyCitation", self._fill_citation_menu
        )
        self.copy_button.setToolTip(
            translate(
                "DetailPane", "Copy a citation of this record (Chicago note); the arrow offers other styles"
            )
        )
        self.copy_button.clicked.connect(lambda _checked=False: self.copy_citation())
        self.link_button = self._copy_button(
            translate("DetailPane", "Copy link"), "copyLink", self._fill_link_menu
        )
        self.link_button.setToolTip(
            translate(
                "DetailPane",
                "Copy the link that opens this record in AJ Explorer; the arrow offers its paragraphs",
            )
        )
        self.link_button.clicked.connect(lambda _checked=False: self.copy_link())
        self.status = QLabel(self)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # One line, cut at the pane's edge (the whole text in its tooltip and in Copy citation): a long source
        # title must neither set the window's minimum width nor, wrapped, push a short screen's status bar off.
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.copy_button)
        bar.addWidget(self.link_button)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._layout.addWidget(self.browser, 1)
        self._layout.addLayout(bar)
        self.browser.linkRequested.connect(self.linkRequested)
        self.show_record(None)

    def _copy_button(self, text: str, name: str, fill: Callable[[QMenu], None]) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setObjectName(name)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        button.setEnabled(False)
        menu = QMenu(button)
        menu.aboutToShow.connect(lambda: fill(menu))
        button.setMenu(menu)
        return button

    def _fill_citation_menu(self, menu: QMenu) -> None:
        from ajexplorer.domain.citation import REFERENCE_FORMATS, STYLES  # noqa: PLC0415 - loads when first cited

        menu.clear()
        for style in STYLES:
            action = menu.addAction(style.title)
            action.setObjectName(style.name)
            action.triggered.connect(lambda _checked=False, name=style.name: self.copy_citation(name))
        menu.addSeparator()
        for name, title, _write in REFERENCE_FORMATS:
            action = menu.addAction(
                translate("DetailPane", "As {title} (for a reference manager)").format(title=title)
            )
            action.setObjectName(name)
            action.triggered.connect(lambda _checked=False, name=name: self.copy_reference(name))

    def _fill_link_menu(self, menu: QMenu) -> None:
        menu.clear()
        record = self._dataset.get(self._record_id) if self._record_id else None
        if record is None:
            return
        menu.addAction("Link to This Record").triggered.connect(lambda _checked=False: self.copy_link())
        for number in sorted(set(record.paragraphs)):
            action = menu.addAction(
                translate("DetailPane", "Link to Paragraph {number}").format(number=number)
            )
            action.triggered.connect(lambda _checked=False, number=number: self.copy_link(number))

    @property
    def record_id(self) -> str | None:
        return self._record_id

    def height_for_lines(self, lines: int) -> int:
        """The browser height that shows ``lines`` lines of body text, with its frame and page margins."""
        spacing = self.browser.fontMetrics().lineSpacing()
        margins = 2 * (self.browser.frameWidth() + int(self.browser.document().documentMargin()))
        return lines * spacing + margins

    def set_note_editor(self, editor: QWidget) -> None:
        """Put the person's note under the details (the notebook opens after the first paint)."""
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setObjectName("detailSplitter")
        split.setChildrenCollapsible(False)
        self._layout.replaceWidget(self.browser, split)
        split.addWidget(self.browser)
        split.addWidget(editor)
        split.setStretchFactor(0, 4)  # the details hold the answers; the note is a few lines under them
        split.setStretchFactor(1, 1)
        split.setSizes([self.browser.height(), editor.minimumSizeHint().height()])

    def set_highlight(self, words: Sequence[str]) -> None:
        """Search words to highlight wherever they appear in the pane. A keystroke that changes nothing the
        page shows (the words are not in it) leaves the page as it is: laying it out again costs most of one."""
        self._words = tuple(words)
        record = self._dataset.get(self._record_id) if self._record_id else None
        if record is None:
            return  # the page that asks to select something holds no words to highlight
        marker = make_marker(self._dataset, self._words)
        colours = palette_colours(self.palette())
        page = record_html(self._dataset, record, marker, colours)
        if page != self._page:
            self._page = page
            if not restyle(self.browser.document(), page):
                show_page(self.browser, page, colours)

    def show_record(self, record_id: str | None) -> None:
        record = self._dataset.get(record_id) if record_id else None
        self._record_id = record.id if record is not None else None
        self.copy_button.setEnabled(record is not None)
        self.link_button.setEnabled(record is not None)
        if record is None:
            self._page = ""
            self.browser.setHtml(
                "<h2>Select something to see its details</h2>"
                "<p>Pick an event on the timeline, a mechanism in the tree, or search at the top.</p>"
            )
            self.status.setText("")
            return
        marker = make_marker(self._dataset, self._words)
        colours = palette_colours(self.palette())
        self._page = record_html(self._dataset, record, marker, colours)
        show_page(self.browser, self._page, colours)
        self.status.setText(citation(self._dataset, record))
        self.status.setToolTip(self.status.text())

    def refresh(self) -> None:
        self.show_record(self._record_id)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            # The page's colours come from the palette; the reader keeps their place in it.
            scroll = self.browser.verticalScrollBar().value()
            self.refresh()
            self.browser.verticalScrollBar().setValue(scroll)
        super().changeEvent(event)

    def copy_citation(self, style_name: str | None = None) -> str | None:
        """Put the selected record's citation in ``style_name`` (Chicago note by default) on the clipboard."""
        from ajexplorer.domain.citation import STYLES, cite, style_named  # noqa: PLC0415 - loads when cited

        record = self._dataset.get(self._record_id) if self._record_id else None
        if record is None:
            return None
        style = style_named(style_name) if style_name else STYLES[0]
        text = style.write(cite(self._dataset, record))
        QGuiApplication.clipboard().setText(text)
        self.copied.emit(
            translate("DetailPane", "Copied the {title} citation of {display_title}: {text}").format(
                title=style.title, display_title=record.display_title, text=text
            )
        )
        return text

    def copy_reference(self, format_name: str) -> str | None:
        """Put the selected record's BibTeX, RIS or CSL-JSON entry on the clipboard, to paste or import."""
        from ajexplorer.domain.citation import REFERENCE_FORMATS  # noqa: PLC0415 - loads when cited

        record = self._dataset.get(self._record_id) if self._record_id else None
        if record is None:
            return None
        title, write = next((title, write) for name, title, write in REFERENCE_FORMATS if name == format_name)
        text = write(self._dataset, [record])
        QGuiApplication.clipboard().setText(text)
        self.copied.emit(
            translate("DetailPane", "Copied the {title} entry of {display_title}").format(
                title=title, display_title=record.display_title
            )
        )
        return text

    def copy_link(self, paragraph: int | None = None) -> str | None:
        """Put the link to the selected record (or to one of its paragraphs) on the clipboard."""
        from ajexplorer.domain.app_links import paragraph_url, record_url  # noqa: PLC0415

        record = self._dataset.get(self._record_id) if self._record_id else None
        if record is None:
            return None
        text = record_url(record.id) if paragraph is None else paragraph_url(paragraph)
        what = record.display_title if paragraph is None else f"paragraph {paragraph}"
        QGuiApplication.clipboard().setText(text)
        self.copied.emit(
            translate("DetailPane", "Copied the link to {what}: {text}").format(what=what, text=text)
        )
        return text
