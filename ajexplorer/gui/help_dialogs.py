"""Help inside the app, offline: the timeline's legend drawn by the timeline's own painter, the keyboard
shortcuts read from the window's actions, and the search syntax."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QPainter, QPaintEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ajexplorer.domain.i18n import QT_TRANSLATE_NOOP, translate
from ajexplorer.gui import timeline_painter
from ajexplorer.presentation.help_text import Shortcut
from ajexplorer.presentation.timeline_layout import Item, Shape
from ajexplorer.presentation.timeline_scene import Scene

#: The legend's lanes: what each mark means, drawn from a tiny scene of invented items.
LEGEND_LANES = (
    QT_TRANSLATE_NOOP("Help", "Dot: an event on a known day"),
    QT_TRANSLATE_NOOP("Help", "Band: known to the month or year"),
    QT_TRANSLATE_NOOP("Help", "Bar: a plan or programme"),
    QT_TRANSLATE_NOOP("Help", "Badge: events too close to tell apart"),
)
LEGEND_TEXT = QT_TRANSLATE_NOOP(
    "Help",
    "<p><b>Dot</b>: an event the source dates to the day. <b>Hollow square on a band</b>: an event the source "
    "dates only to a month or a year; the band covers that month or year. <b>Bar</b>: a plan, work plan or "
    "programme spanning years (an open end runs to today). <b>Badge with a number</b>: that many events too "
    "close to tell apart at this zoom; click it to zoom to exactly them. A ring marks the selected item; "
    "items linked to it are outlined, and what a search or filter leaves out is dimmed.</p>",
)


def legend_scene() -> Scene:
    items = [
        Item("legend-day", 0, 2003.4, 2003.4, translate("Help", "A summit"), Shape.DAY),
        Item("legend-day-2", 0, 2008.7, 2008.7, translate("Help", "A meeting"), Shape.DAY),
        Item("legend-partial", 1, 2005.0, 2006.0, translate("Help", "Known only as 2005"), Shape.PARTIAL),
        Item("legend-range", 2, 2002.0, 2009.0, translate("Help", "A work plan"), Shape.RANGE),
        *(
            Item(
                f"legend-cluster-{n}",
                3,
                2006.0 + n / 365,
                2006.0 + n / 365,
                translate("Help", "An event"),
                Shape.DAY,
            )
            for n in range(4)
        ),
    ]
    return Scene.build(
        items, [translate("Help", lane) for lane in LEGEND_LANES], dt.date(2011, 1, 1), (2000.0, 2011.0)
    )


class LegendCanvas(QWidget):
    """The legend's marks, painted by :func:`timeline_painter.paint` like the timeline and its exports."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legendCanvas")
        self.setAccessibleName(translate("Help", "Timeline legend"))
        self.scene = legend_scene()
        self.setMinimumSize(QSize(560, int(self.scene.full_height())))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        timeline_painter.paint(painter, QRectF(self.rect()), self.scene, self.palette(), self.font())
        painter.end()


def action_shortcuts(actions: Iterable[QAction]) -> list[Shortcut]:
    """Every action with keys, once each, as the platform writes the keys."""
    seen: set[str] = set()
    shortcuts: list[Shortcut] = []
    for action in actions:
        keys = tuple(key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts())
        command = action.text().replace("&", "").rstrip("…").strip()
        if not keys or not command or command in seen:
            continue
        seen.add(command)
        shortcuts.append(Shortcut(command, keys, action.statusTip()))
    return shortcuts


def help_dialog(parent: QWidget, title: str, html: str, top: QWidget | None = None) -> QDialog:
    """A non-modal window with ``top`` (a drawing) above ``html``, closed with Escape or Close."""
    dialog = QDialog(parent)
    dialog.setObjectName("helpDialog")
    dialog.setWindowTitle(title)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    layout = QVBoxLayout(dialog)
    if top is not None:
        layout.addWidget(top)
    text = QTextBrowser(dialog)
    text.setOpenLinks(False)
    text.setHtml(html)
    text.setAccessibleName(title)
    layout.addWidget(text, 1)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(720, 520)
    return dialog


__all__ = ["LEGEND_TEXT", "LegendCanvas", "action_shortcuts", "help_dialog", "legend_scene"]
