"""The timeline's one painter: draws a :class:`~ajexplorer.presentation.timeline_scene.Scene` onto any QPainter.

The widget, PNG/SVG/PDF exports, printing and the legend all draw through this module, so what is on screen and
on paper is the same picture. Without a widget::

    scene = scene_from_dataset(dataset, today, matches=ids)       # the whole span; or extent=(t0, t1)
    height = scene.full_height()                                  # room for every lane's rows and labels
    painter = QPainter(image_or_svg_or_printer)
    paint(painter, QRectF(0, 0, 1600, height), scene, palette)    # fills the rect with the palette's Window
    painter.end()

Positions come from :mod:`ajexplorer.presentation.timeline_scene`; this module only chooses colours and draws.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontInfo,
    QFontMetricsF,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
    QStaticText,
)
from PySide6.QtWidgets import QApplication

from ajexplorer.domain.i18n import translate
from ajexplorer.gui.theme import qcolor, rgb_of
from ajexplorer.presentation import timeline_layout as tl
from ajexplorer.presentation.contrast import clearest, dimmed, legible, mix, tint
from ajexplorer.presentation.timeline_scene import (
    AXIS_HEIGHT,
    BADGE_HEIGHT,
    DOT_RADIUS,
    GUTTER,
    RANGE_ROW,
    Geometry,
    Scene,
    any_between,
    badge_width,
    count_label,
    fit_lines,
    partial_centre_x,
    scene_from_dataset,
)

__all__ = ["TimelineColours", "TimelinePainter", "lane_colour", "paint", "pixel_font", "scene_from_dataset"]

MAX_STATIC_TEXTS = 4000
FADED_ALPHA = 0.18  # what a search does not match: present, but out of the way
#: How much of its lane's hue a bar's fill carries (a bar linked to the selection more), and a dimmed one.
RANGE_TINT, LINKED_TINT, FADED_TINT = 0.32, 0.55, 0.08
#: A dimmed badge's fill: its lane's hue faded over the lane.
FADED_BADGE_TINT = 0.25
LIT, LINKED, DIM = 0, 1, 2


def paint(
    painter: QPainter, rect: QRectF, scene: Scene, palette: QPalette, font: QFont | None = None
) -> None:
    """Draw ``scene`` into ``rect`` (in the painter's units) on the palette's Window colour.

    Vectors and real text only (no cached bitmaps, no focus frame), so an SVG keeps its shapes and words and a
    printer gets its full resolution. ``font`` defaults to the application's, sized in pixels so text keeps its
    size against the marks on any device.
    """
    timeline = TimelinePainter(pixel_font(font or QApplication.font()))
    geometry = scene.geometry(rect.width(), rect.height())
    painter.save()
    painter.translate(rect.topLeft())
    painter.fillRect(QRectF(0, 0, rect.width(), rect.height()), palette.color(QPalette.ColorRole.Window))
    timeline.paint(painter, geometry, scene, palette)
    painter.restore()


def pixel_font(font: QFont) -> QFont:
    """``font`` sized in pixels rather than points, so it draws at the same size against the marks on any
    device (a 300 dpi printer, a double-density image)."""
    sized = QFont(font)
    if sized.pixelSize() <= 0:
        sized.setPixelSize(max(1, QFontInfo(font).pixelSize()))
    return sized


def lane_colour(lane: int, lanes: int, palette: QPalette) -> QColor:
    """Lane hues spread evenly around the palette's highlight colour."""
    base = palette.color(QPalette.ColorRole.Highlight)
    hue = (max(base.hsvHue(), 0) + lane * 360 // max(lanes, 1)) % 360
    return QColor.fromHsv(hue, max(base.hsvSaturation(), 120), max(base.value(), 170))


def faded(colour: QColor) -> QColor:
    dim = QColor(colour)
    dim.setAlphaF(FADED_ALPHA)
    return dim


class TimelineColours:
    """Every colour the painter draws with, for one palette and number of lanes, worked out once.

    Marks keep their lane's hue (dimmed ones faded); text is chosen to read on what it is drawn on: at least
    WCAG AA (4.5:1) for lit and dimmed text alike, dimmed text being faded only as far as that allows.
    :meth:`text_on` lists each text colour with its background, for the tests and anyone checking a palette.
    """

    __slots__ = (
        "axis_background",
        "axis_text",
        "badge_fill",
        "badge_text",
        "faded_hues",
        "hues",
        "label",
        "lane_background",
        "range_fill",
        "range_text",
        "title",
    )

    def __init__(self, palette: QPalette, lanes: int) -> None:
        role = QPalette.ColorRole
        text = rgb_of(palette.color(role.Text))
        base = rgb_of(palette.color(role.Base))
        window = rgb_of(palette.color(role.Window))
        backgrounds = [
            rgb_of(palette.color(role.AlternateBase if lane % 2 else role.Base)) for lane in range(lanes)
        ]
        self.hues = [lane_colour(lane, lanes, palette) for lane in range(lanes)]
        self.faded_hues = [faded(colour) for colour in self.hues]
        self.lane_background = [qcolor(background) for background in backgrounds]
        self.axis_background = qcolor(window)
        self.axis_text = qcolor(legible(rgb_of(palette.color(role.WindowText)), [window]))
        self.title = [qcolor(legible(text, [background])) for background in backgrounds]
        #: Per lane: (lit, dimmed) text for labels beside marks.
        self.label = [
            (qcolor(legible(text, [background])), qcolor(dimmed(text, [background])))
            for background in backgrounds
        ]
        #: Per lane: fills of a bar lit, linked to the selection and dimmed (LIT, LINKED, DIM), and their text.
        self.range_fill: list[tuple[QColor, ...]] = []
        self.range_text: list[tuple[QColor, ...]] = []
        #: Per lane: a badge's fill and count, lit then dimmed.
        self.badge_fill: list[tuple[QColor, QColor]] = []
        self.badge_text: list[tuple[QColor, QColor]] = []
        for hue, background in zip(self.hues, backgrounds, strict=True):
            colour = rgb_of(hue)
            fills = [
                tint(colour, background, amount, text) for amount in (RANGE_TINT, LINKED_TINT, FADED_TINT)
            ]
            self.range_fill.append(tuple(qcolor(fill) for fill in fills))
            self.range_text.append(
                (
                    qcolor(legible(text, [fills[LIT]])),
                    qcolor(legible(text, [fills[LINKED]])),
                    qcolor(dimmed(text, [fills[DIM]])),
                )
            )
            dim_fill = mix(colour, background, FADED_BADGE_TINT)
            count = legible(clearest([text, base], colour), [colour])
            self.badge_fill.append((hue, qcolor(dim_fill)))
            self.badge_text.append(
                (qcolor(count), qcolor(dimmed(clearest([text, base], dim_fill), [dim_fill])))
            )

    def text_on(self) -> list[tuple[str, QColor, QColor]]:
        """(what, text, background) for every text the timeline draws."""
        pairs = [("axis labels", self.axis_text, self.axis_background)]
        for lane, background in enumerate(self.lane_background):
            lit, dim = self.label[lane]
            pairs += [
                (f"lane {lane} title", self.title[lane], background),
                (f"lane {lane} label", lit, background),
                (f"lane {lane} dimmed label", dim, background),
            ]
            for state, name in ((LIT, "bar"), (LINKED, "linked bar"), (DIM, "dimmed bar")):
                pairs.append(
                    (
                        f"lane {lane} {name} caption",
                        self.range_text[lane][state],
                        self.range_fill[lane][state],
                    )
                )
            for which, name in ((0, "badge"), (1, "dimmed badge")):
                pairs.append(
                    (f"lane {lane} {name} count", self.badge_text[lane][which], self.badge_fill[lane][which])
                )
        return pairs


class TimelinePainter:
    """Draws scenes in one font. The widget keeps one with ``cached=True`` so laid-out titles, badge bitmaps and
    measured text live across frames (a dense frame is then mostly blits); exports use :func:`paint`."""

    def __init__(self, font: QFont, cached: bool = False, pixel_ratio: float = 1.0) -> None:
        self._font = QFont(font)
        self._metrics = QFontMetricsF(self._font)
        self._cached = cached
        self._pixel_ratio = pixel_ratio
        self._widths: dict[str, float] = {}
        self._static_texts: dict[tuple[float, str], QStaticText] = {}
        self._elisions: dict[tuple[str, int], str] = {}
        self._lane_titles: dict[tuple[str, int], str] = {}
        self._badges: dict[tuple[int, bool, str], QPixmap] = {}
        self._colours: TimelineColours | None = None
        self._palette_key: tuple[int, ...] = ()

    @property
    def font(self) -> QFont:
        return self._font

    def set_font(self, font: QFont) -> None:
        """A new font: everything measured or laid out in the old one is dropped."""
        self._font = QFont(font)
        self._metrics = QFontMetricsF(self._font)
        self.clear()

    def set_pixel_ratio(self, ratio: float) -> None:
        if ratio != self._pixel_ratio:
            self._pixel_ratio = ratio
            self._badges.clear()

    def clear(self) -> None:
        self._widths.clear()
        self._static_texts.clear()
        self._elisions.clear()
        self._lane_titles.clear()
        self._badges.clear()
        self._palette_key = ()

    def measure(self, text: str) -> float:
        """A text's width in this font (cached: measuring text is the costly part of laying it out)."""
        width = self._widths.get(text)
        if width is None:
            width = self._metrics.horizontalAdvance(text)
            self._widths[text] = width
        return width

    def layout(self, scene: Scene, geometry: Geometry) -> tl.Frame:
        """The marks, clusters, bars and labels of ``scene`` on a canvas of ``geometry``."""
        view = geometry.view(scene.extent)
        label_rows, bar_rows = geometry.label_rows(), geometry.range_rows_shown()
        return tl.layout_frame(scene.index, view, self.measure, label_rows, bar_rows)

    # --- drawing ------------------------------------------------------------------------------------------------

    def paint(
        self,
        painter: QPainter,
        geometry: Geometry,
        scene: Scene,
        palette: QPalette,
        frame: tl.Frame | None = None,
    ) -> None:
        """Draw at the painter's origin; ``frame`` is the layout if the caller keeps one (else laid out here)."""
        frame = frame if frame is not None else self.layout(scene, geometry)
        view = geometry.view(scene.extent)
        painter.save()
        painter.setFont(self._font)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colours = self.colours(palette, len(scene.lane_titles))
        self._paint_lanes(painter, geometry, scene, colours)
        self._paint_axis(painter, geometry, view, palette, colours)
        painter.save()
        painter.setClipRect(
            QRectF(GUTTER, AXIS_HEIGHT, geometry.plot_width() + 8, geometry.height - AXIS_HEIGHT)
        )
        painter.translate(GUTTER, 0)
        self._paint_ranges(painter, geometry, scene, frame, palette, colours)
        self._paint_points(painter, geometry, scene, frame, palette, colours)
        self._paint_clusters(painter, geometry, scene, frame, palette, colours)
        self._paint_labels(painter, geometry, scene, frame, colours)
        painter.restore()
        if not self._cached:
            # SVG has no clipping: repaint the titles' column over marks and labels that run into it.
            self._paint_lanes(painter, geometry, scene, colours, GUTTER)
        painter.restore()

    def colours(self, palette: QPalette, lanes: int) -> TimelineColours:
        """The colours of ``palette``, worked out once per palette rather than once per mark."""
        roles = (
            QPalette.ColorRole.Highlight,
            QPalette.ColorRole.Text,
            QPalette.ColorRole.Base,
            QPalette.ColorRole.AlternateBase,
            QPalette.ColorRole.Window,
            QPalette.ColorRole.WindowText,
        )
        key = (lanes, *(palette.color(role).rgba() for role in roles))
        if key != self._palette_key or self._colours is None:
            self._palette_key = key
            self._badges.clear()  # cached badges carry the old colours
            self._colours = TimelineColours(palette, lanes)
        return self._colours

    def _paint_lanes(
        self,
        painter: QPainter,
        geometry: Geometry,
        scene: Scene,
        colours: TimelineColours,
        width: float | None = None,
    ) -> None:
        height = geometry.lane_height()
        width = geometry.width if width is None else width
        for lane, title in enumerate(scene.lane_titles):
            top = geometry.lane_top(lane)
            painter.fillRect(QRectF(0, top, width, height), colours.lane_background[lane])
            painter.fillRect(QRectF(0, top, 4, height), colours.hues[lane])
            painter.setPen(colours.title[lane])
            fitted = self._lane_title(title, height)
            if self._cached:
                static = self._static_text(fitted)
                painter.drawStaticText(QPointF(10, top + (height - static.size().height()) / 2), static)
            else:
                flags = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
                painter.drawText(QRectF(10, top, GUTTER - 16, height), int(flags), fitted)

    def _lane_title(self, title: str, height: float) -> str:
        """A lane's title in as many lines as the lane has room for (the last one shortened if need be)."""
        rows = max(1, int((height - 4) // self._metrics.lineSpacing()))
        fitted = self._lane_titles.get((title, rows))
        if fitted is None:
            fitted = "\u2028".join(fit_lines(title, GUTTER - 16, rows, self._metrics.horizontalAdvance))
            self._lane_titles[(title, rows)] = fitted  # a few lanes, a few heights: small
        return fitted

    def _paint_axis(
        self,
        painter: QPainter,
        geometry: Geometry,
        view: tl.Viewport,
        palette: QPalette,
        colours: TimelineColours,
    ) -> None:
        width, height = geometry.width, geometry.height
        painter.fillRect(QRectF(0, 0, width, AXIS_HEIGHT), colours.axis_background)
        # An opaque mix of Mid over Base looks like a faint line and draws faster than a translucent one.
        grid = _mix(palette.color(QPalette.ColorRole.Mid), palette.color(QPalette.ColorRole.Base), 0.35)
        text = colours.axis_text
        last_right = -math.inf
        ticks = tl.axis_ticks(view)
        # Grid lines are vertical and pixel-aligned: drawn in two batches without antialiasing.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for major in (False, True):
            painter.setPen(QPen(grid, 2 if major else 1))
            painter.drawLines(
                [
                    QLineF(
                        round(GUTTER + view.x(t.value)),
                        AXIS_HEIGHT - (8 if major else 4),
                        round(GUTTER + view.x(t.value)),
                        height,
                    )
                    for t in ticks
                    if t.major is major
                ]
            )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        font = QFont(self._font)
        for tick in ticks:
            x = GUTTER + view.x(tick.value)
            label_width = self.measure(tick.label)
            if x + 3 > last_right and x + 3 + label_width < width:
                painter.setPen(text)
                font.setBold(tick.major)
                painter.setFont(font)
                painter.drawText(QPointF(x + 3, AXIS_HEIGHT - 9), tick.label)
                last_right = x + 3 + label_width + 8
        painter.setFont(self._font)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawLine(QPointF(0, AXIS_HEIGHT), QPointF(width, AXIS_HEIGHT))

    def _paint_ranges(
        self,
        painter: QPainter,
        geometry: Geometry,
        scene: Scene,
        frame: tl.Frame,
        palette: QPalette,
        colours: TimelineColours,
    ) -> None:
        rows_shown = geometry.range_rows_shown()
        plot_width = geometry.plot_width()
        highlight = palette.color(QPalette.ColorRole.Highlight)
        for mark in frame.ranges:
            if mark.row >= rows_shown:
                continue
            lane = mark.item.lane
            single = mark.count == 1
            visible = not single or scene.lit(mark.item.id)
            colour = colours.hues[lane] if visible else colours.faded_hues[lane]
            state = DIM if not visible else LINKED if single and mark.item.id in scene.linked else LIT
            fill = colours.range_fill[lane][state]
            x0 = max(mark.x0, -10.0)
            x1 = min(max(mark.x1, x0 + 3), plot_width + 10)
            rect = QRectF(x0, geometry.range_y(lane, mark.row) + 1, x1 - x0, RANGE_ROW - 3)
            selected = single and mark.item.id == scene.current
            painter.setPen(QPen(highlight, 2) if selected else QPen(colour, 1))
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, 3, 3)
            if rect.width() > 30:
                painter.setPen(colours.range_text[lane][state])
                count = mark.count
                caption = (
                    mark.item.label
                    if single
                    else translate("Timeline", "%n plans and programmes", None, count)
                )
                shown = self._elided(caption, rect.width() - 6)
                painter.drawText(rect.adjusted(3, -2, -3, 2), int(Qt.AlignmentFlag.AlignVCenter), shown)

    def _paint_points(
        self,
        painter: QPainter,
        geometry: Geometry,
        scene: Scene,
        frame: tl.Frame,
        palette: QPalette,
        colours: TimelineColours,
    ) -> None:
        highlight = palette.color(QPalette.ColorRole.Highlight)
        outline = palette.color(QPalette.ColorRole.Text)
        faded_outline = faded(outline)
        base = palette.color(QPalette.ColorRole.Base)
        for mark in frame.points:
            item = mark.item
            y = geometry.mark_y(item.lane)
            lit = scene.lit(item.id)
            colour = colours.hues[item.lane] if lit else colours.faded_hues[item.lane]
            linked = item.id in scene.linked
            if item.shape is tl.Shape.PARTIAL and mark.x_end - mark.x > 2 * DOT_RADIUS:
                # A month or a year: a band over the whole period, so it does not pretend to be a day.
                band = QColor(colour)
                band.setAlphaF(band.alphaF() * 0.35)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(band)
                painter.drawRoundedRect(QRectF(mark.x, y - 4, mark.x_end - mark.x, 8), 4, 4)
            painter.setPen(QPen(outline if lit else faded_outline, 1.6 if linked else 1.0))
            painter.setBrush(colour if item.shape is tl.Shape.DAY else base)
            centre = QPointF(mark.x, y)
            if item.shape is tl.Shape.PARTIAL:
                centre = QPointF(partial_centre_x(mark), y)
                painter.setPen(QPen(colour, 2.0))
                side = 2 * DOT_RADIUS - 2
                painter.drawRect(QRectF(centre.x() - DOT_RADIUS + 1, y - DOT_RADIUS + 1, side, side))
            else:
                painter.drawEllipse(centre, DOT_RADIUS, DOT_RADIUS)
            if linked or item.id == scene.current:
                painter.setPen(QPen(highlight, 2.5 if item.id == scene.current else 1.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(centre, DOT_RADIUS + 4, DOT_RADIUS + 4)
            if item.id in scene.starred:
                _paint_star(painter, QPointF(centre.x(), centre.y() - DOT_RADIUS - 6), highlight)

    def _paint_clusters(
        self,
        painter: QPainter,
        geometry: Geometry,
        scene: Scene,
        frame: tl.Frame,
        palette: QPalette,
        colours: TimelineColours,
    ) -> None:
        """Cached painters blit each badge from a bitmap (shape, colour and count drawn once); others draw them
        as shapes and text."""
        highlight = palette.color(QPalette.ColorRole.Highlight)
        rings: list[tuple[QRectF, bool]] = []
        mark_ys = [geometry.mark_y(lane) - BADGE_HEIGHT / 2 for lane in range(len(scene.lane_titles))]
        # The scene's questions (lit? holds the current record? a linked one?) asked inline: a frame at
        # "fit all" over 100,000 events has hundreds of badges.
        searching = scene.matches is not None
        match_at, linked_at = scene.match_at, scene.linked_at
        current = scene.current_point()
        widths: dict[int, tuple[str, float]] = {}
        for cluster in frame.clusters:
            lane, first, last = cluster.lane, cluster.first, cluster.last
            lit = not searching or any_between(match_at.get(lane), first, last)
            sized = widths.get(cluster.count)
            if sized is None:
                label = count_label(cluster.count)
                sized = widths[cluster.count] = (label, badge_width(self.measure(label)))
            label, width = sized
            rect = QRectF(cluster.x - 2, mark_ys[lane], width, BADGE_HEIGHT)
            if self._cached:
                painter.drawPixmap(rect.topLeft(), self._badge(lane, lit, label, rect, colours))
            else:
                _draw_badge(painter, rect, colours, lane, lit, label)
            holds_current = current is not None and current[0] == lane and first <= current[1] < last
            if holds_current or any_between(linked_at.get(lane), first, last):
                rings.append((rect, holds_current))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for rect, holds_current in rings:
            painter.setPen(QPen(highlight, 2.5 if holds_current else 1.5))
            painter.drawRoundedRect(rect.adjusted(-4, -4, 4, 4), 12, 12)

    def _badge(self, lane: int, lit: bool, label: str, rect: QRectF, colours: TimelineColours) -> QPixmap:
        key = (lane, lit, label)
        badge = self._badges.get(key)
        if badge is None:
            ratio = self._pixel_ratio
            badge = QPixmap(int(rect.width() * ratio) + 2, int(rect.height() * ratio) + 2)
            badge.setDevicePixelRatio(ratio)
            badge.fill(Qt.GlobalColor.transparent)
            painter = QPainter(badge)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setFont(self._font)
            _draw_badge(painter, QRectF(0, 0, rect.width(), rect.height()), colours, lane, lit, label)
            painter.end()
            self._badges[key] = badge
        return badge

    def _paint_labels(
        self, painter: QPainter, geometry: Geometry, scene: Scene, frame: tl.Frame, colours: TimelineColours
    ) -> None:
        ascent = self._metrics.ascent()
        bold = QFont(self._font)
        bold.setBold(True)
        for label in frame.labels:
            lit, dim = colours.label[label.lane]
            painter.setPen(lit if scene.lit(label.item_id) else dim)
            shown = self._elided(label.text, label.width + 1)
            top = geometry.label_y(label.lane, label.row)
            if label.item_id == scene.current:
                painter.setFont(bold)
                painter.drawText(QPointF(label.x, top + ascent + 1), shown)
                painter.setFont(self._font)
            elif self._cached:
                # Laid-out text draws faster than a string; the offset matches drawText's baseline.
                painter.drawStaticText(QPointF(label.x, top + 1), self._static_text(shown))
            else:
                painter.drawText(QPointF(label.x, top + ascent + 1), shown)

    def _elided(self, text: str, width: float) -> str:
        """``text`` shortened with an ellipsis to ``width`` (whole pixels), remembered: labels keep their
        widths from frame to frame."""
        if self.measure(text) <= width:
            return text
        key = (text, int(width))
        shown = self._elisions.get(key)
        if shown is None:
            if len(self._elisions) > MAX_STATIC_TEXTS:
                self._elisions.clear()
            shown = self._metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(width))
            self._elisions[key] = shown
        return shown

    def _static_text(self, text: str, width: float = -1) -> QStaticText:
        """Cached laid-out text (wrapped at ``width`` if given): laying out text is the costly part of drawing it."""
        key = (width, text)
        static = self._static_texts.get(key)
        if static is None:
            if len(self._static_texts) > MAX_STATIC_TEXTS:
                self._static_texts.clear()  # shortened labels vary with zoom: keep the cache bounded
            static = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            if width > 0:
                static.setTextWidth(width)
            static.prepare(font=self._font)
            self._static_texts[key] = static
        return static


def _draw_badge(
    painter: QPainter, rect: QRectF, colours: TimelineColours, lane: int, lit: bool, label: str
) -> None:
    shape = rect.adjusted(0.5, 0.5, -0.5, -0.5)
    which = 0 if lit else 1
    text = colours.badge_text[lane][which]
    painter.setPen(QPen(colours.title[lane] if lit else text, 1))
    painter.setBrush(colours.badge_fill[lane][which])
    painter.drawRoundedRect(shape, 9, 9)
    painter.setPen(text)
    painter.drawText(shape, int(Qt.AlignmentFlag.AlignCenter), label)


def _mix(colour: QColor, background: QColor, amount: float) -> QColor:
    """``amount`` of ``colour`` over ``background``, as an opaque colour."""
    return QColor.fromRgbF(
        colour.redF() * amount + background.redF() * (1 - amount),
        colour.greenF() * amount + background.greenF() * (1 - amount),
        colour.blueF() * amount + background.blueF() * (1 - amount),
    )


def _paint_star(painter: QPainter, centre: QPointF, colour: QColor, radius: float = 4.5) -> None:
    """The person's star over a record's mark: five points, filled."""
    points = [
        QPointF(
            centre.x() + (radius if i % 2 == 0 else radius * 0.45) * math.sin(i * math.pi / 5),
            centre.y() - (radius if i % 2 == 0 else radius * 0.45) * math.cos(i * math.pi / 5),
        )
        for i in range(10)
    ]
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawPolygon(QPolygonF(points))
