"""A text browser that shows our HTML and nothing else: no resources loaded, only the app's links followed.

One Tab stop: Tab leaves the browser, as it does any other pane, instead of walking through hundreds of links.
Links are reached as in a browser's caret mode: Ctrl+Down or N selects the next link, Ctrl+Up or P the previous
one (:data:`~ajexplorer.presentation.help_text.NEXT_LINK_KEYS`, listed in Help > Keyboard Shortcuts), and Enter
follows the selected link."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from ajexplorer.presentation.help_text import NEXT_LINK_KEYS, PREVIOUS_LINK_KEYS
from ajexplorer.presentation.links import Link, parse_link

if TYPE_CHECKING:  # Qt hands QUrls in; Python touching the class first would build its enums at start-up
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QKeyEvent


class SafeBrowser(QTextBrowser):
    """Signals:
    linkRequested(object): an ``aj:`` link was activated (a :class:`Link`); other schemes are ignored.
    linkSelected(object): the keyboard selected an ``aj:`` link (a :class:`Link`), not yet followed.
    """

    linkRequested = Signal(object)
    linkSelected = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self.setTabChangesFocus(True)
        self.anchorClicked.connect(self._on_anchor)

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        """Never load anything: images, style sheets and file:// or http:// resources all stay unloaded."""
        return None

    def _on_anchor(self, url: QUrl) -> None:
        link = parse_link(url.toString())
        if link is not None:
            self.linkRequested.emit(link)

    def links(self) -> list[tuple[int, int, str]]:
        """Every link shown, in reading order, as (start, end, href); a link split by formatting counts once."""
        found: list[tuple[int, int, str]] = []
        block = self.document().begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                href = fragment.charFormat().anchorHref() if fragment.charFormat().isAnchor() else ""
                start, end = fragment.position(), fragment.position() + fragment.length()
                if href and found and found[-1][2] == href and found[-1][1] == start:
                    found[-1] = (found[-1][0], end, href)
                elif href:
                    found.append((start, end, href))
                fragments += 1
            block = block.next()
        return found

    def selected_link(self) -> str | None:
        """The href of the link the keyboard selected, if the selection is exactly one link."""
        cursor = self.textCursor()
        for start, end, href in self.links():
            if cursor.selectionStart() == start and cursor.selectionEnd() == end:
                return href
        return None

    def move_to_link(self, step: int) -> bool:
        """Select the next (``step`` > 0) or previous link after the selection, or from the top of the view when
        nothing is selected; scrolled into view. False when there is no further link."""
        from PySide6.QtGui import QTextCursor  # noqa: PLC0415 - only once a key asks for a link

        cursor = self.textCursor()
        if cursor.hasSelection():
            here = cursor.selectionEnd() if step > 0 else cursor.selectionStart()
        else:
            here = self.cursorForPosition(QPoint(0, 0)).position()
        links = self.links()
        ahead = (
            [link for link in links if link[0] >= here]
            if step > 0
            else [link for link in reversed(links) if link[1] <= here]
        )
        if not ahead:
            return False
        start, end, href = ahead[0]
        chosen = QTextCursor(self.document())
        chosen.setPosition(start)
        chosen.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(chosen)
        self.ensureCursorVisible()
        link = parse_link(href)
        if link is not None:
            self.linkSelected.emit(link)
        return True

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab leaves: a text browser's own Tab would first walk through every link on the page."""
        return QTextEdit.focusNextPrevChild(self, next)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtGui import QKeySequence  # noqa: PLC0415 - see the imports above

        pressed = QKeySequence(event.keyCombination()).toString()
        if pressed in NEXT_LINK_KEYS or pressed in PREVIOUS_LINK_KEYS:
            self.move_to_link(1 if pressed in NEXT_LINK_KEYS else -1)
            return
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            href = self.selected_link()
            if href is not None:
                from PySide6.QtCore import QUrl  # noqa: PLC0415 - see the import above

                self._on_anchor(QUrl(href))
                return
        super().keyPressEvent(event)

    def activate(self, link: Link) -> None:
        """Act as if ``link`` were clicked (keyboard and tests)."""
        self.linkRequested.emit(link)
