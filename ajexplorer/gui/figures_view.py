"""The Figures view: the source's numbers as horizontal bar charts, one chart per series and unit.

Which figures share a chart and where each bar, label and value goes come from
:mod:`ajexplorer.presentation.charts`; this widget measures text with the widget's font, paints the layout with
palette colours (so light and dark themes both work) and turns clicks and keys into ``recordActivated``.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ajexplorer.domain.i18n import translate
from ajexplorer.domain.model import Dataset
from ajexplorer.gui.announce import set_description
from ajexplorer.gui.figures_table import FigureTable
from ajexplorer.gui.theme import qcolor, rgb_of
from ajexplorer.gui.tooltips import handle_tooltip
from ajexplorer.gui.visibility import out_of_sight
from ajexplorer.presentation import charts as ch
from ajexplorer.presentation.contrast import dimmed, legible, mix
from ajexplorer.presentation.figure_table import FiguresContent, card_text, figure_rows
from ajexplorer.presentation.geometry import Box

_LAYOUT_CACHE = 4  # widths kept: the current one and the few a scroll area asks about while it settles
#: From this many bars (about 5 ms of layout per hundred), the charts are laid out only when in sight.
LAZY_FROM_BARS = 2000


def _box(box: Box) -> QRectF:
    return QRectF(box.x, box.y, box.width, box.height)


def _mix(colour: QColor, background: QColor, amount: float) -> QColor:
    """``amount`` of ``colour`` over ``background``, as an opaque colour."""
    return QColor.fromRgbF(
        colour.redF() * amount + background.redF() * (1 - amount),
        colour.greenF() * amount + background.greenF() * (1 - amount),
        colour.blueF() * amount + background.blueF() * (1 - amount),
    )


def _faded(colour: QColor, alpha: float) -> QColor:
    faded = QColor(colour)
    faded.setAlphaF(alpha * colour.alphaF())
    return faded


#: How much of the highlight tints the selected figure's row.
CURRENT_ROW_TINT = 0.16


class ChartColours:
    """The charts' text colours for one palette: each reads (WCAG AA, 4.5:1) on the card and on the selected
    row's tint; a figure a search leaves out is faded only as far as that allows, so it stays readable."""

    __slots__ = ("background", "current_row", "dim_text", "empty", "quiet", "text", "window")

    def __init__(self, palette: QPalette) -> None:
        role = QPalette.ColorRole
        base = rgb_of(palette.color(role.Base))
        text = rgb_of(palette.color(role.Text))
        window = rgb_of(palette.color(role.Window))
        current = mix(rgb_of(palette.color(role.Highlight)), base, CURRENT_ROW_TINT)
        backgrounds = [base, current]
        self.background, self.current_row, self.window = qcolor(base), qcolor(current), qcolor(window)
        #: Titles, labels and values.
        self.text = qcolor(legible(text, backgrounds))
        #: Units, scale and the citations: quieter than the values, still readable.
        self.quiet = qcolor(legible(mix(text, base, 0.62), backgrounds))
        #: Any text of a figure a search leaves out.
        self.dim_text = qcolor(dimmed(text, backgrounds))
        #: "No figures to show", on the window.
        self.empty = qcolor(legible(rgb_of(palette.color(role.WindowText)), [window]))

    def text_on(self) -> list[tuple[str, QColor, QColor]]:
        """(what, text, background) for every text the charts draw."""
        pairs = [("no figures", self.empty, self.window)]
        for background, where in ((self.background, "card"), (self.current_row, "selected row")):
            pairs += [
                (f"text on the {where}", self.text, background),
                (f"quiet text on the {where}", self.quiet, background),
                (f"dimmed text on the {where}", self.dim_text, background),
            ]
        return pairs


class FiguresView(QWidget):
    """Bar charts of the source's figures; its height follows its width (put it in a scroll area).

    Signals:
        recordActivated(str): the user picked a figure (click, or Up/Down/Home/End to another bar).
    """

    recordActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figures")
        self.setAccessibleName(translate("Figures", "Figures"))
        self.setAccessibleDescription(
            translate(
                "Figures",
                "The source's figures as bar charts, each value with its source paragraph. "
                "Up and Down move between bars.",
            )
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setAutoFillBackground(False)
        self._charts: list[ch.Chart] = []
        self._dataset: Dataset | None = None  # the figures' records, for the sum of the bars shown
        self._lanes: dict[str, int] = {}
        self._lane_count = 1
        self._layouts: dict[int, ch.FiguresLayout] = {}
        self._widths: dict[tuple[bool, str], float] = {}
        self._current: str | None = None
        self._matches: frozenset[str] | None = None
        self._hide_unmatched = False
        self._bold: QFont | None = None
        self._colours: ChartColours | None = None
        self._colours_key = 0
        self._bar_ids: frozenset[str] = frozenset()
        #: Out of sight, the charts are not laid out (seconds for tens of thousands of figures): the layout,
        #: and the scroll to the selected bar, wait until the view is shown (catch_up).
        self._layout_waits = False

    # --- data and state in -------------------------------------------------------------------------------

    def set_dataset(self, dataset: Dataset) -> None:
        """Chart the dataset's figures; bars take the colour of their section's lane on the timeline."""
        self._dataset = dataset
        self.set_charts(ch.charts_from(dataset), [section.id for section in dataset.sections])

    def set_content(self, content: FiguresContent) -> None:
        self._dataset = content.dataset
        self.set_charts(content.charts, content.section_ids)

    def set_charts(self, charts: Sequence[ch.Chart], section_ids: Sequence[str] = ()) -> None:
        self._charts = list(charts)
        self._lanes = {section: index for index, section in enumerate(section_ids)}
        self._lane_count = max(len(section_ids), 1)
        ids = self._bar_ids = frozenset(bar.record_id for chart in self._charts for bar in chart.bars)
        if self._current not in ids:
            self._current = None
        self._relayout()

    @property
    def charts(self) -> list[ch.Chart]:
        return list(self._charts)

    @property
    def current(self) -> str | None:
        """The highlighted bar's record, or None when the selection is not a figure."""
        return self._current

    @property
    def matches(self) -> frozenset[str] | None:
        return self._matches

    def set_current(self, record_id: str | None) -> None:
        """Follow the navigator: highlight the record's bar (if it has one) and scroll it into view."""
        if self._waits():
            self._current = record_id if record_id in self._bar_ids else None
            self._layout_waits = True
            return
        row = self.figures_layout().find(record_id)
        self._current = row.bar.record_id if row is not None else None
        if row is not None:
            set_description(self, self.describe(row.bar.record_id))
            self._scroll_to(row)
        self.update()

    def set_matches(self, record_ids: frozenset[str] | None) -> None:
        """While a search is active, bars outside ``record_ids`` are dimmed (or hidden); None shows all."""
        if record_ids == self._matches:
            return
        self._matches = record_ids
        if self._hide_unmatched:
            self._relayout()
        self.update()

    def set_hide_unmatched(self, hide: bool) -> None:
        """Bars outside the matches hidden, and charts left with none dropped, rather than dimmed."""
        if hide != self._hide_unmatched:
            self._hide_unmatched = hide
            self._relayout()

    def _shown_charts(self) -> list[ch.Chart]:
        """The charts as drawn: all of them, or with hiding on, only the bars that match."""
        matches = self._matches
        if not self._hide_unmatched or matches is None:
            return self._charts
        kept = []
        for chart in self._charts:
            bars = tuple(bar for bar in chart.bars if bar.record_id in matches)
            if bars == chart.bars:
                kept.append(chart)
            elif bars:  # a total sums what is shown: the bars left, if they still add up
                total = self._total_of(chart, bars)
                kept.append(dataclasses.replace(chart, bars=bars, total=total))
        return kept

    def _total_of(self, chart: ch.Chart, bars: tuple[ch.Bar, ...]) -> ch.Total | None:
        if chart.total is None or self._dataset is None:
            return None
        records = [self._dataset.records[bar.record_id] for bar in bars]
        return ch.chart_total(self._dataset, records, bars, chart.unit)

    def is_dimmed(self, record_id: str) -> bool:
        return self._matches is not None and record_id not in self._matches

    # --- layout --------------------------------------------------------------------------------------------

    def figures_layout(self, width: int | None = None) -> ch.FiguresLayout:
        """The layout at ``width`` (the widget's own by default), computed once per width and data."""
        key = max(int(width if width is not None else self.width()), 1)
        layout = self._layouts.get(key)
        if layout is None:
            metrics = QFontMetricsF(self.font())
            line_height = math.ceil(metrics.lineSpacing()) + 1.0
            layout = ch.layout_figures(
                self._shown_charts(),
                key,
                lambda text: self._text_width(text, bold=False),
                line_height,
                lambda text: self._text_width(text, bold=True),
            )
            if len(self._layouts) >= _LAYOUT_CACHE:
                self._layouts.pop(next(iter(self._layouts)))
            self._layouts[key] = layout
        return layout

    def _text_width(self, text: str, *, bold: bool) -> float:
        key = (bold, text)
        width = self._widths.get(key)
        if width is None:
            width = QFontMetricsF(self._bold_font() if bold else self.font()).horizontalAdvance(text)
            self._widths[key] = width
        return width

    def _bold_font(self) -> QFont:
        if self._bold is None:
            self._bold = QFont(self.font())
            self._bold.setBold(True)
        return self._bold

    def _relayout(self) -> None:
        self._layouts.clear()
        self.updateGeometry()
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A new width moves every card: the selected bar is brought back into view."""
        super().resizeEvent(event)
        if self._current is not None and event.size().width() != event.oldSize().width():
            QTimer.singleShot(0, self, self._keep_current_in_view)

    def _keep_current_in_view(self) -> None:
        row = self.figures_layout().find(self._current)
        if row is not None:
            self._scroll_to(row)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        if max(width, 1) not in self._layouts and self._waits():
            self._layout_waits = True
            return self.height()  # for now: laid out when shown
        return math.ceil(self.figures_layout(width).height)

    def _waits(self) -> bool:
        """Many figures, and out of sight: their layout waits."""
        return self.many() and out_of_sight(self)

    def catch_up(self) -> None:
        """Lay out what waited while the view was out of sight (it is being shown)."""
        if self._layout_waits and not out_of_sight(self):
            self._layout_waits = False
            self.updateGeometry()
            self.set_current(self._current)

    def sizeHint(self) -> QSize:
        if self.many():  # a layout at a width it will not have would cost as much as the real one
            return QSize(640, max(self.height(), 600))
        return QSize(640, self.heightForWidth(640))

    def many(self) -> bool:
        """So many figures that each layout costs a moment: laid out only in sight, and at its own width."""
        return len(self._bar_ids) >= LAZY_FROM_BARS

    def minimumSizeHint(self) -> QSize:
        return QSize(280, 120)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._widths.clear()
            self._bold = None
            self._relayout()
        super().changeEvent(event)

    def bar_position(self, record_id: str) -> QPoint | None:
        """The middle of a record's bar (or of its value, on a chart without bars): where a click picks it."""
        row = self.figures_layout().find(record_id)
        if row is None:
            return None
        target = row.bar_box if row.bar_box is not None and row.bar_box.width >= 2 else row.value[0].box
        return QPoint(int(target.x + target.width / 2), int(target.y + target.height / 2))

    def _scroll_to(self, row: ch.BarLayout) -> None:
        parent = self.parentWidget()
        area = parent.parentWidget() if parent is not None else None
        if isinstance(area, QScrollArea) and area.widget() is self:
            box = row.row
            area.ensureVisible(
                int(box.x + box.width / 2), int(box.y + box.height / 2), 0, int(box.height / 2 + 24)
            )

    # --- painting ------------------------------------------------------------------------------------------

    def lane_colour(self, section: str) -> QColor:
        """The section's hue as the timeline draws its lane: spread evenly around the palette's highlight."""
        base = self.palette().color(QPalette.ColorRole.Highlight)
        lane = self._lanes.get(section, 0)
        hue = (max(base.hsvHue(), 0) + lane * 360 // self._lane_count) % 360
        return QColor.fromHsv(hue, max(base.hsvSaturation(), 120), max(base.value(), 170))

    def colours(self, palette: QPalette) -> ChartColours:
        """The text colours of ``palette``, worked out once per palette."""
        key = palette.cacheKey()
        if self._colours is None or self._colours_key != key:
            self._colours, self._colours_key = ChartColours(palette), key
        return self._colours

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._layout_waits:  # painted, so in sight: its height and scroll follow at once
            QTimer.singleShot(0, self, self.catch_up)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(event.rect(), palette.color(QPalette.ColorRole.Window))
        layout = self.figures_layout()
        exposed = QRectF(event.rect())
        metrics = QFontMetricsF(self.font())
        bold_metrics = QFontMetricsF(self._bold_font())
        if not layout.charts:
            painter.setPen(ChartColours(palette).empty)
            painter.drawText(
                QRectF(self.rect()),
                int(Qt.AlignmentFlag.AlignCenter),
                translate("Figures", "No figures to show"),
            )
        for card in layout.cards:
            if _box(card.frame).intersects(exposed):
                self._paint_card(painter, palette, card, metrics, bold_metrics)
        painter.end()

    def _paint_card(
        self,
        painter: QPainter,
        palette: QPalette,
        card: ch.CardLayout,
        metrics: QFontMetricsF,
        bold_metrics: QFontMetricsF,
    ) -> None:
        base = palette.color(QPalette.ColorRole.Base)
        text = self.colours(palette).text
        border = _mix(palette.color(QPalette.ColorRole.Mid), base, 0.7)
        colour = self.lane_colour(card.section)
        frame = _box(card.frame)
        painter.setPen(QPen(border, 1))
        painter.setBrush(base)
        painter.drawRoundedRect(frame.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        painter.fillRect(QRectF(frame.x() + 1, frame.y() + 6, 3, frame.height() - 12), colour)
        painter.setFont(self._bold_font())
        painter.setPen(text)
        for line in card.title:
            self._draw_text(painter, line, bold_metrics)
        painter.setFont(self.font())
        for position, panel in enumerate(card.panels):
            if position:
                y = round(panel.box.y - ch.PANEL_GAP / 2) + 0.5
                painter.setPen(QPen(border, 1))
                painter.drawLine(QPointF(panel.box.x, y), QPointF(panel.box.right, y))
            self._paint_panel(painter, palette, panel, colour, metrics, bold_metrics)

    def _paint_panel(
        self,
        painter: QPainter,
        palette: QPalette,
        panel: ch.ChartLayout,
        colour: QColor,
        metrics: QFontMetricsF,
        bold_metrics: QFontMetricsF,
    ) -> None:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        quiet = self.colours(palette).quiet
        grid = _mix(palette.color(QPalette.ColorRole.Mid), base, 0.45)
        painter.setPen(quiet)
        self._draw_text(painter, panel.unit, metrics)
        if panel.plot is not None:
            painter.setPen(QPen(grid, 1))
            for tick in panel.ticks[1:]:
                x = round(tick.x) + 0.5
                for span in panel.grid:
                    painter.drawLine(QPointF(x, span.y), QPointF(x, span.bottom))
            # Values sit on the card, not on the grid: grid lines stop around them.
            for row in panel.rows:
                for line in (*row.value, row.citation):
                    painter.fillRect(_box(line.box).adjusted(-4, 0, 4, 0), base)
            painter.setPen(quiet)
            for tick in panel.ticks:
                if tick.label is not None:
                    self._draw_text(painter, tick.label, metrics)
            painter.setPen(QPen(_mix(text, base, 0.45), 1))
            zero = round(panel.plot.x) + 0.5
            for span in panel.grid:
                painter.drawLine(QPointF(zero, span.y), QPointF(zero, span.bottom))
        for row in panel.rows:
            if row.bar.record_id == self._current:
                self._paint_current_row(painter, palette, row)
        for row in panel.rows:
            self._paint_row(painter, palette, row, colour, metrics, bold_metrics)
        self._paint_total(painter, palette, panel, metrics)

    def _paint_total(
        self, painter: QPainter, palette: QPalette, panel: ch.ChartLayout, metrics: QFontMetricsF
    ) -> None:
        """The sum under the bars in the charts' text colour; its citation as quiet as the bars' citations."""
        total = panel.chart.total
        if total is None or not panel.total:
            return
        colours = self.colours(palette)
        lines = panel.total
        cited = lines[-1] if total.citation else None
        painter.setFont(self.font())
        painter.setPen(colours.text)
        for line in lines:
            if line is cited:
                painter.setPen(colours.quiet)
            self._draw_text(painter, line, metrics)

    def _paint_current_row(self, painter: QPainter, palette: QPalette, row: ch.BarLayout) -> None:
        highlight = palette.color(QPalette.ColorRole.Highlight)
        painter.setPen(QPen(highlight, 2.0 if self.hasFocus() else 1.2))
        painter.setBrush(_faded(highlight, CURRENT_ROW_TINT))
        painter.drawRoundedRect(_box(row.row).adjusted(1, 1, -1, -1), 4, 4)

    def _paint_row(
        self,
        painter: QPainter,
        palette: QPalette,
        row: ch.BarLayout,
        colour: QColor,
        metrics: QFontMetricsF,
        bold_metrics: QFontMetricsF,
    ) -> None:
        dimmed = self.is_dimmed(row.bar.record_id)
        current = row.bar.record_id == self._current
        # Dimmed as opaque mixes over the card, so grid lines do not show through a dimmed bar.
        alpha = 0.28 if dimmed else 1.0
        base = palette.color(QPalette.ColorRole.Base)
        colours = self.colours(palette)
        text = colours.dim_text if dimmed else colours.text
        quiet = colours.dim_text if dimmed else colours.quiet
        fill = _mix(colour, base, alpha)
        if row.bar_box is not None:
            rect = _box(row.bar_box)
            if row.bar.is_target:
                # A target is not an outcome: outlined and hatched, never solid.
                painter.setBrush(_mix(colour, base, 0.14 * alpha))
                painter.setPen(Qt.PenStyle.NoPen)
                painter.drawRect(rect)
                painter.setBrush(QBrush(_mix(colour, base, 0.8 * alpha), Qt.BrushStyle.BDiagPattern))
                painter.drawRect(rect)
                pen = QPen(fill, 1.5, Qt.PenStyle.DashLine)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(rect.adjusted(0.75, 0.75, -0.75, -0.75))
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(fill)
                painter.drawRect(rect)
            if current:
                painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 1.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(rect.adjusted(-1.5, -1.5, 1.5, 1.5))
        label_font = self._bold_font() if current else self.font()
        painter.setFont(label_font)
        painter.setPen(text)
        for line in row.label:
            self._draw_text(painter, line, bold_metrics if current else metrics)
        painter.setPen(text)
        for line in row.value:
            painter.setFont(self._bold_font() if line.bold else self.font())
            self._draw_text(painter, line, bold_metrics if line.bold else metrics)
        painter.setFont(self.font())
        painter.setPen(quiet)
        self._draw_text(painter, row.citation, metrics)

    @staticmethod
    def _draw_text(painter: QPainter, line: ch.TextLine, metrics: QFontMetricsF) -> None:
        baseline = line.box.y + (line.box.height - metrics.height()) / 2 + metrics.ascent()
        painter.drawText(QPointF(line.box.x, baseline), line.text)

    # --- text for people ---------------------------------------------------------------------------------

    def describe(self, record_id: str) -> str:
        """One line for assistive technology: label, value and source paragraphs."""
        layout = self.figures_layout()
        row = layout.find(record_id)
        if row is None:
            return record_id
        bar = row.bar
        series = self._charts[row.chart].series if 0 <= row.chart < len(self._charts) else None
        card = [chart for chart in self._charts if chart.series == series]
        return translate(
            "Figures", "{label}: {value_text}, source {citation}. In the card: {card_text}"
        ).format(label=bar.label, value_text=bar.value_text, citation=bar.citation, card_text=card_text(card))

    def tooltip_text(self, pos: QPointF) -> str | None:
        row = self.figures_layout().hit(pos.x(), pos.y())
        if row is None:
            return None
        bar = row.bar
        lines = [bar.measure, bar.value_text]
        if bar.is_target:
            lines.append(translate("Figures", "A target, not an outcome"))
        lines.append(translate("Figures", "Source: {citation}").format(citation=bar.citation))
        return "\n".join(lines)

    # --- input ---------------------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if handle_tooltip(self, event, self.tooltip_text):
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            row = self.figures_layout().hit(event.position().x(), event.position().y())
            if row is not None:
                self._activate(row)
                event.accept()
                return
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        chorded = (
            Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        if event.modifiers() & chorded:
            super().keyPressEvent(event)  # Alt+Left is Back, Ctrl+... are window commands
            return
        layout = self.figures_layout()
        key = event.key()
        row: ch.BarLayout | None = None
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            row = layout.neighbour(self._current, 1 if key == Qt.Key.Key_Down else -1)
        elif key == Qt.Key.Key_Home:
            row = layout.rows[0] if layout.rows else None
        elif key == Qt.Key.Key_End:
            row = layout.rows[-1] if layout.rows else None
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            row = layout.find(self._current)
        else:
            super().keyPressEvent(event)
            return
        if row is not None:
            self._activate(row)
        event.accept()

    def _activate(self, row: ch.BarLayout) -> None:
        self._current = row.bar.record_id
        set_description(self, self.describe(row.bar.record_id))
        self._scroll_to(row)
        self.update()
        self.recordActivated.emit(row.bar.record_id)


class FiguresPanel(QWidget):
    """The Figures view in a scroll area that keeps it as wide as the panel, or the same figures as a table.

    Signals:
        recordActivated(str): forwarded from the charts or the table.
    """

    recordActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figuresPanel")
        self.setAccessibleName(translate("Figures", "Figures"))
        self.view = FiguresView()
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("figuresScroll")
        self.scroll_area.setAccessibleName(translate("Figures", "Figure charts"))
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self.view)
        self.table = FigureTable()
        self.table_button = QToolButton(self)
        self.table_button.setObjectName("figuresAsTable")
        self.table_button.setText(translate("Figures", "Show as &table"))
        self.table_button.setCheckable(True)
        self.table_button.setAccessibleName(translate("Figures", "Show as table"))
        self.table_button.setToolTip(
            translate("Figures", "Show every figure as a row of a table: value, qualifier, unit, source")
        )
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.scroll_area)
        self.pages.addWidget(self.table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.pages)
        self.setFocusProxy(self.view)
        self.view.recordActivated.connect(self.recordActivated)
        self.table.recordActivated.connect(self.recordActivated)
        self.table_button.toggled.connect(self.show_table)

    def show_table(self, on: bool) -> None:
        """Table or charts; the focus moves with the view shown if it was in the other."""
        shown: QWidget = self.table if on else self.view
        focused = self.focusWidget()
        page = self.pages.currentWidget()
        had_focus = focused is not None and page is not None and page.isAncestorOf(focused)
        self.pages.setCurrentWidget(self.table if on else self.scroll_area)
        self.table_button.setChecked(on)
        self.setFocusProxy(shown)
        if had_focus:
            shown.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_dataset(self, dataset: Dataset) -> None:
        self.view.set_dataset(dataset)
        self.table.set_rows(figure_rows(self.view.charts))

    def set_content(self, content: FiguresContent) -> None:
        """The charts and rows :func:`figures_content` prepared (on a worker thread, for a large dataset)."""
        self.view.set_content(content)
        self.table.set_rows(content.rows)
        if self.view.many():  # taller than any screen: laid out once, at the width left by the scroll bar
            self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)

    def set_current(self, record_id: str | None) -> None:
        self.view.set_current(record_id)
        self.table.set_current(record_id)

    def catch_up(self) -> None:
        """The panel is being shown: what waited while it was out of sight is done."""
        self.view.catch_up()

    def set_matches(self, record_ids: frozenset[str] | None) -> None:
        self.view.set_matches(record_ids)

    def set_hide_unmatched(self, hide: bool) -> None:
        self.view.set_hide_unmatched(hide)

    def sizeHint(self) -> QSize:
        return QSize(640, 600)
