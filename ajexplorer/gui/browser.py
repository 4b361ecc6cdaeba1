"""A text browser that shows our HTML and nothing else: no resources loaded, only the app's links followed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from ajexplorer.presentation.links import Link, parse_link

if TYPE_CHECKING:  # Qt hands QUrls in; Python touching the class first would build its enums at start-up
    from PySide6.QtCore import QUrl


class SafeBrowser(QTextBrowser):
    """Signals:
    linkRequested(object): an ``aj:`` link was activated (a :class:`Link`); other schemes are ignored.
    """

    linkRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self.anchorClicked.connect(self._on_anchor)

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        """Never load anything: images, style sheets and file:// or http:// resources all stay unloaded."""
        return None

    def _on_anchor(self, url: QUrl) -> None:
        link = parse_link(url.toString())
        if link is not None:
            self.linkRequested.emit(link)

    def activate(self, link: Link) -> None:
        """Act as if ``link`` were clicked (keyboard and tests)."""
        self.linkRequested.emit(link)
