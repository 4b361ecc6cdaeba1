"""Fitting the window to the screen it opens on: its size, its place, and a layout chosen by the room there is.

A saved geometry is trusted only while it still fits (a laptop unplugged from a large monitor must not open
a window whose status bar is off-screen); a first start fills a small screen and keeps a large one modest.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMargins, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen

#: The size a first start asks for on a screen with room to spare (logical pixels).
PREFERRED = QSize(1600, 1000)
#: Below this available width the right-hand panes join the left-hand ones as tabs, so the timeline and the
#: details keep a useful width.
SIDE_BY_SIDE_MIN_WIDTH = 1500
#: Room kept for a window manager's frame around a window not yet shown (whose frame Qt cannot know).
FRAME_ALLOWANCE = QMargins(4, 32, 4, 4)
#: Lines of text the detail pane is given at least, when the screen allows it.
DETAIL_LINES = 12


@dataclass(frozen=True)
class Layout:
    """How the panes are arranged for a given available area."""

    #: True: one column of tabbed panes beside the centre; False: panes on both sides.
    single_column: bool
    #: Width of each side column, in logical pixels.
    side_width: int


def screen_for(rect: QRect | None) -> QScreen:
    """The screen that holds most of ``rect`` (its centre), else the primary one."""
    if rect is not None and rect.isValid():
        screen = QGuiApplication.screenAt(rect.center())
        if screen is not None:
            return screen
    screen = QGuiApplication.primaryScreen()
    assert screen is not None, "the window needs a screen"
    return screen


def fits(geometry: QRect, available: QRect, shown: bool = False) -> bool:
    """True if the whole window lies within the available area (no part hidden or under a panel); a window
    not yet shown is given room for its frame."""
    return available.contains(geometry if shown else geometry.marginsAdded(FRAME_ALLOWANCE))


def first_geometry(available: QRect) -> QRect:
    """The client geometry for a first start: the preferred size if it fits, else as much as the screen
    offers, centred in the available area with room for the frame."""
    rect = QRect(QPoint(0, 0), PREFERRED)
    rect.moveCenter(available.center())
    return clamp(rect, available)


def clamp(rect: QRect, available: QRect) -> QRect:
    """``rect`` shrunk and moved so that it and its frame lie within ``available`` (a restored geometry from
    a larger monitor)."""
    room = available.marginsRemoved(FRAME_ALLOWANCE)
    width = min(rect.width(), room.width())
    height = min(rect.height(), room.height())
    x = max(room.left(), min(rect.left(), room.right() + 1 - width))
    y = max(room.top(), min(rect.top(), room.bottom() + 1 - height))
    return QRect(x, y, width, height)


def layout_for(available: QSize) -> Layout:
    """Two side columns when the screen is wide enough for them and a readable centre, else one."""
    single = available.width() < SIDE_BY_SIDE_MIN_WIDTH
    side = int(available.width() * (0.34 if single else 0.24))
    return Layout(single_column=single, side_width=side)
