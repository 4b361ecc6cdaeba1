"""The Figures view: clicking and keys pick bars, the navigator's selection and a search show on them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from pytestqt.qtbot import QtBot

from ajexplorer.domain.model import Dataset
from ajexplorer.gui.figures_view import FiguresPanel, FiguresView

TARGET = "fig-jenesys-2021-participants-target"
JENESYS_2015 = "fig-jenesys-2015-participants"


@pytest.fixture
def view(qtbot: QtBot, dataset: Dataset) -> FiguresView:
    widget = FiguresView()
    qtbot.addWidget(widget)
    widget.set_dataset(dataset)
    widget.resize(800, widget.heightForWidth(800))
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def render(widget: FiguresView, width: int) -> QImage:
    widget.resize(width, widget.heightForWidth(width))
    image = QImage(widget.size(), QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    widget.render(image)
    return image


def pixels_unlike(image: QImage, colour: QColor, area: QRect | None = None) -> int:
    rect = area or image.rect()
    count = 0
    for y in range(rect.top(), rect.bottom() + 1, 2):
        for x in range(rect.left(), rect.right() + 1, 2):
            if image.pixelColor(x, y) != colour:
                count += 1
    return count


def test_clicking_the_target_bar_selects_it_and_asks_for_its_record(view: FiguresView, qtbot: QtBot) -> None:
    position = view.bar_position(TARGET)
    assert position is not None
    row = view.figures_layout().find(TARGET)
    assert row is not None and row.bar.is_target
    with qtbot.waitSignal(view.recordActivated, timeout=1000) as blocker:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=position)
    assert blocker.args == [TARGET]
    assert view.current == TARGET


def test_clicking_between_cards_picks_nothing(view: FiguresView, qtbot: QtBot) -> None:
    with qtbot.assertNotEmitted(view.recordActivated):
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    assert view.current is None


def test_set_current_highlights_the_bar_without_a_signal(view: FiguresView, qtbot: QtBot) -> None:
    row = view.figures_layout().find(JENESYS_2015)
    assert row is not None
    area = QRect(int(row.row.x) + 2, int(row.row.y) + 2, int(row.row.width) - 4, int(row.row.height) - 4)
    before = render(view, 800).copy(area)
    with qtbot.assertNotEmitted(view.recordActivated):
        view.set_current(JENESYS_2015)
    assert view.current == JENESYS_2015
    after = render(view, 800).copy(area)
    assert before != after  # the row is drawn highlighted
    highlight = view.palette().color(QPalette.ColorRole.Highlight)
    border = after.pixelColor(2, after.height() // 2)
    assert abs(border.hue() - highlight.hue()) <= 20 and border != before.pixelColor(2, after.height() // 2)
    assert "¶ 24" in view.accessibleDescription()


def test_a_selection_that_is_not_a_figure_highlights_no_bar(view: FiguresView, qtbot: QtBot) -> None:
    view.set_current(JENESYS_2015)
    with qtbot.assertNotEmitted(view.recordActivated):
        view.set_current("doc-asean-japan-plan-of-action-2011-2015")
    assert view.current is None


def test_up_down_home_end_walk_the_bars(view: FiguresView, qtbot: QtBot) -> None:
    rows = view.figures_layout().rows
    picked: list[str] = []
    view.recordActivated.connect(picked.append)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_End)
    qtbot.keyClick(view, Qt.Key.Key_Down)  # past the end: nothing
    qtbot.keyClick(view, Qt.Key.Key_Home)
    qtbot.keyClick(view, Qt.Key.Key_Up)  # before the start: nothing
    ids = [row.bar.record_id for row in rows]
    assert picked == [ids[0], ids[1], ids[0], ids[-1], ids[0]]
    assert view.current == ids[0]
    assert view.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_a_search_dims_the_bars_it_does_not_match(view: FiguresView) -> None:
    layout = view.figures_layout()
    kept = layout.find(JENESYS_2015)
    dimmed = layout.find("fig-jenesys-2016-participants")
    assert kept is not None and dimmed is not None and dimmed.bar_box is not None
    point = QPoint(int(dimmed.bar_box.x + 3), int(dimmed.bar_box.y + dimmed.bar_box.height / 2))
    normal = render(view, 800).pixelColor(point)
    view.set_matches(frozenset({JENESYS_2015}))
    assert not view.is_dimmed(JENESYS_2015) and view.is_dimmed(dimmed.bar.record_id)
    faded = render(view, 800).pixelColor(point)
    base = view.palette().color(QPalette.ColorRole.Base)

    def distance(a: QColor, b: QColor) -> int:
        return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())

    assert distance(faded, base) < distance(normal, base) / 2
    view.set_matches(None)
    assert not view.is_dimmed(dimmed.bar.record_id)
    assert render(view, 800).pixelColor(point) == normal


@pytest.mark.parametrize("width", [320, 1600])
def test_renders_at_narrow_and_wide_widths(view: FiguresView, width: int) -> None:
    image = render(view, width)
    assert image.height() == view.heightForWidth(width) > 100
    background = view.palette().color(QPalette.ColorRole.Window)
    assert image.pixelColor(1, 1) == background
    assert pixels_unlike(image, background) > image.width() * image.height() // 40
    layout = view.figures_layout(width)
    assert all(text.box.x >= 0 and text.box.right <= width for text in layout.texts())


def test_the_view_shows_each_bars_value_and_citation(view: FiguresView) -> None:
    row = view.figures_layout().find(TARGET)
    assert row is not None
    assert [line.text for line in row.value] == ["target: 900 people"]
    assert row.citation.text == "¶ 24"
    tip = view.tooltip_text(QPointF(row.row.x + row.row.width / 2, row.row.y + row.row.height / 2))
    assert tip is not None
    assert tip.splitlines() == [
        "People involved in JENESYS",
        "target: 900 people",
        "A target, not an outcome",
        "Source: ¶ 24",
    ]
    assert view.tooltip_text(QPointF(1, 1)) is None
    # The citation is drawn: its box holds text-coloured pixels.
    image = render(view, 800)
    box = row.citation.box
    area = QRect(int(box.x), int(box.y), int(box.width) + 1, int(box.height))
    assert pixels_unlike(image, view.palette().color(QPalette.ColorRole.Base), area) > 3


def test_height_follows_width_and_the_panel_scrolls_to_the_current_bar(
    qtbot: QtBot, dataset: Dataset
) -> None:
    panel = FiguresPanel()
    qtbot.addWidget(panel)
    panel.set_dataset(dataset)
    panel.resize(450, 400)
    panel.show()
    qtbot.waitExposed(panel)
    view = panel.view
    assert view.height() == view.heightForWidth(view.width()) > 400
    bar = panel.scroll_area.verticalScrollBar()
    assert bar.value() == 0
    last = view.figures_layout().rows[-1]
    with qtbot.assertNotEmitted(panel.recordActivated):
        panel.set_current(last.bar.record_id)
    assert view.current == last.bar.record_id
    assert bar.value() > 0
    top = last.row.y - bar.value()
    assert top >= 0 and top + last.row.height <= panel.scroll_area.viewport().height()
    picked: list[str] = []
    panel.recordActivated.connect(picked.append)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    first = view.figures_layout().rows[0]
    assert picked == [first.bar.record_id]
    assert (
        bar.value() <= first.row.y and first.row.bottom - bar.value() <= panel.scroll_area.viewport().height()
    )


def test_colours_come_from_the_palette(view: FiguresView) -> None:
    palette = QPalette(view.palette())
    palette.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#2b2c30"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#e8eaed"))
    view.setPalette(palette)
    image = render(view, 800)
    assert image.pixelColor(1, 1) == QColor("#202124")
    card = view.figures_layout().cards[0].frame
    assert image.pixelColor(int(card.x + card.width / 2), int(card.bottom - 4)) == QColor("#2b2c30")


def test_accessible_name_and_size_hints(view: FiguresView) -> None:
    assert view.accessibleName() == "Figures"
    assert view.accessibleDescription()
    assert view.hasHeightForWidth()
    assert view.sizeHint().height() == view.heightForWidth(view.sizeHint().width())
    assert view.minimumSizeHint().width() <= 320


def test_a_series_that_adds_up_shows_its_total_under_its_bars(view: FiguresView) -> None:
    layout = view.figures_layout()
    panel = next(panel for panel in layout.charts if panel.chart.total is not None)
    total = panel.chart.total
    assert total is not None
    shown = " ".join(line.text for line in panel.total)
    assert shown == f"{total.text} {total.citation}"
    assert min(line.box.y for line in panel.total) >= max(row.row.bottom for row in panel.rows) - 1e-6
    # The total is drawn: each of its lines holds text-coloured pixels.
    image = render(view, 800)
    base = view.palette().color(QPalette.ColorRole.Base)
    for line in view.figures_layout().charts[panel.index].total:
        area = QRect(int(line.box.x), int(line.box.y), int(line.box.width) + 1, int(line.box.height))
        assert pixels_unlike(image, base, area) > 3, line.text
