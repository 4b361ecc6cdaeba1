"""Rectangles in canvas units, shared by the timeline's and the charts' pure layouts (no Qt here).

A box holds the points from its top-left corner up to, but not including, its right and bottom edges: a point on
the edge two boxes share belongs to one of them only, so a click between two bars picks exactly one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Box:
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x < self.right and self.y <= y < self.bottom

    def overlaps(self, other: Box) -> bool:
        """Whether the two share some area (touching edges do not count, nor rounding errors of sums)."""
        eps = 1e-6
        return (
            self.x < other.right - eps
            and other.x < self.right - eps
            and self.y < other.bottom - eps
            and other.y < self.bottom - eps
        )

    def adjusted(self, left: float, top: float, right: float, bottom: float) -> Box:
        """The box with each edge moved by the given amount (as QRectF.adjusted)."""
        return Box(self.x + left, self.y + top, self.width - left + right, self.height - top + bottom)
