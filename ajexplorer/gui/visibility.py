"""Views that nobody can see wait: their updates are noted and done when they are shown."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def out_of_sight(widget: QWidget) -> bool:
    """Nothing of it on screen in a window that is shown: a dock closed, or tabbed away (Qt keeps those
    visible but moves them out of the window). Its work can wait until it is shown again (``catch_up``).
    A widget whose window is not shown yet works at once, so that what it shows is ready on showing."""
    return widget.window().isVisible() and (not widget.isVisible() or widget.visibleRegion().isEmpty())
