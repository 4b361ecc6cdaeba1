"""Toolbar icons drawn from the palette.

Drawn rather than taken from ``QStyle.standardIcon``: reaching the style from Python builds the Python side of
QStyle's many enums, about 15 ms before the first paint; two arrows cost a fraction of a millisecond.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPixmap

ICON_SIZES = (16, 22, 24, 32, 48)


def arrow_icon(palette: QPalette, pointing_left: bool) -> QIcon:
    """A filled arrow in the palette's button text colour; Qt greys it out for the disabled state."""
    colour = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addPixmap(_arrow_pixmap(size, colour, pointing_left))
    return icon


def _arrow_pixmap(size: int, colour: QColor, pointing_left: bool) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    unit = size / 16  # the shape is drawn on a 16-unit grid
    points = [(2.0, 8.0), (8.0, 2.5), (8.0, 5.75), (14.0, 5.75), (14.0, 10.25), (8.0, 10.25), (8.0, 13.5)]
    path = QPainterPath()
    for index, (x, y) in enumerate(points):
        point = QPointF((x if pointing_left else 16 - x) * unit, y * unit)
        if index == 0:
            path.moveTo(point)
        else:
            path.lineTo(point)
    path.closeSubpath()
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillPath(path, colour)
    painter.end()
    return pixmap
