"""The File menu, laid out in one place.

Its commands come from several parts, some built after the window first paints (the exports), some by the
dataset session: each hands its items to a named section, and the menu lays the sections out again in the
order of :data:`SECTIONS`, set off by separators. No part inserts items relative to another's.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

DATASETS = "datasets"
EXPORT = "export"
NOTEBOOK = "notebook"
PRINT = "print"
QUIT = "quit"
#: The File menu's sections, top to bottom.
SECTIONS = (DATASETS, EXPORT, NOTEBOOK, PRINT, QUIT)


class FileMenu(QMenu):
    """A QMenu whose items are set section by section (:meth:`set_section`)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._sections: dict[str, tuple[QAction | QMenu, ...]] = {}
        self._separators: list[QAction] = []

    def set_section(self, name: str, items: Sequence[QAction | QMenu]) -> None:
        """Put ``items`` (actions or submenus) in section ``name``, replacing what it held."""
        if name not in SECTIONS:
            raise ValueError(f"the File menu has no section {name!r}")
        self._sections[name] = tuple(items)
        self._lay_out()

    def _lay_out(self) -> None:
        # removeAction leaves the parts' actions alive; only the separators are the menu's own.
        for action in self.actions():
            self.removeAction(action)
        for separator in self._separators:
            separator.deleteLater()
        self._separators.clear()
        filled = [self._sections[name] for name in SECTIONS if self._sections.get(name)]
        for number, items in enumerate(filled):
            if number:
                self._separators.append(self.addSeparator())
            for item in items:
                if isinstance(item, QMenu):
                    self.addMenu(item)
                else:
                    self.addAction(item)
