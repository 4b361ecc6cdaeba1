"""Tooltips for custom-painted widgets, where the text depends on what is under the mouse."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPointF
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QToolTip, QWidget


def handle_tooltip(widget: QWidget, event: QEvent, text_at: Callable[[QPointF], str | None]) -> bool:
    """Show the text for the point of a tooltip event, or hide any tooltip where there is none.

    Returns whether ``event`` was a tooltip event (and so has been handled).
    """
    if event.type() != QEvent.Type.ToolTip:
        return False
    assert isinstance(event, QHelpEvent)
    text = text_at(QPointF(event.pos()))
    if text:
        QToolTip.showText(event.globalPos(), text, widget)
    else:
        QToolTip.hideText()
        event.ignore()
    return True
