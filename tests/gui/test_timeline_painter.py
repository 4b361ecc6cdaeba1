"""The timeline painter draws a scene built from a dataset, with no widget: the path exports and printing take."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, QSizeF
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtSvg import QSvgGenerator
from pytestqt.qtbot import QtBot

from ajexplorer.domain.loading import load_dataset
from ajexplorer.domain.model import Dataset
from ajexplorer.gui.app import application
from ajexplorer.gui.timeline_painter import lane_colour, paint, scene_from_dataset
from ajexplorer.gui.timeline_widget import TimelineWidget
from ajexplorer.presentation import timeline_layout as tl
from ajexplorer.presentation import timeline_scene as ts
from tests.conftest import FIXTURES

TODAY = dt.date(2026, 11, 28)
SIZE = QSize(1200, 520)


@pytest.fixture(scope="module")
def partner() -> Dataset:
    return load_dataset(FIXTURES / "partner")


@pytest.fixture
def palette() -> QPalette:
    app = application()
    return app.style().standardPalette()


def render(scene: ts.Scene, palette: QPalette, rect: QRectF | None = None) -> QImage:
    image = QImage(SIZE, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#ff00ff"))
    painter = QPainter(image)
    paint(painter, rect or QRectF(0, 0, SIZE.width(), SIZE.height()), scene, palette)
    painter.end()
    return image


def a_day_event(scene: ts.Scene) -> tuple[tl.Item, tuple[float, float]]:
    """A day-precise event drawn alone (not in a cluster) in this scene at SIZE, and where its dot is."""
    geometry = scene.geometry(SIZE.width(), SIZE.height())
    frame = tl.layout_frame(scene.index, geometry.view(scene.extent), lambda text: 7.0 * len(text))
    mark = next(mark for mark in frame.points if mark.item.shape is tl.Shape.DAY)
    return mark.item, (ts.GUTTER + mark.x, geometry.mark_y(mark.item.lane))


def test_a_dataset_paints_without_a_widget_in_its_lane_colours(partner: Dataset, palette: QPalette) -> None:
    scene = scene_from_dataset(partner, TODAY)
    image = render(scene, palette)
    item, (x, y) = a_day_event(scene)
    assert (
        image.pixelColor(int(x), int(y)).rgb() == lane_colour(item.lane, len(partner.sections), palette).rgb()
    )
    assert image.pixelColor(2, SIZE.height() - 2) != QColor("#ff00ff")  # the whole rect is painted


def test_what_a_search_does_not_match_is_dimmed(partner: Dataset, palette: QPalette) -> None:
    scene = scene_from_dataset(partner, TODAY)
    item, (x, y) = a_day_event(scene)
    lit = render(scene.emphasised(matches=frozenset({item.id})), palette).pixelColor(int(x), int(y))
    dimmed = render(scene.emphasised(matches=frozenset()), palette).pixelColor(int(x), int(y))
    background = palette.color(QPalette.ColorRole.Base)
    assert lit.rgb() == lane_colour(item.lane, len(partner.sections), palette).rgb()
    distance = sum(
        abs(a - b)
        for a, b in (
            (dimmed.red(), background.red()),
            (dimmed.green(), background.green()),
            (dimmed.blue(), background.blue()),
        )
    )
    assert dimmed != lit and distance < 120  # close to the lane's background


def test_painting_into_a_rect_stays_inside_it(partner: Dataset, palette: QPalette) -> None:
    scene = scene_from_dataset(partner, TODAY)
    rect = QRectF(100, 60, 900, 400)
    image = render(scene, palette, rect)
    assert image.pixelColor(50, 30) == QColor("#ff00ff")
    assert image.pixelColor(1100, 500) == QColor("#ff00ff")
    assert image.pixelColor(101, 61) != QColor("#ff00ff")
    assert image.pixelColor(999, 459) != QColor("#ff00ff")


def test_the_widget_exports_through_the_same_painter(
    qtbot: QtBot, partner: Dataset, palette: QPalette
) -> None:
    """``paint_to`` on a widget and ``paint`` on the widget's scene give the same picture."""
    widget = TimelineWidget()
    qtbot.addWidget(widget)
    widget.resize(SIZE)
    widget.set_items(tl.items_from(partner, TODAY), [section.title for section in partner.sections], TODAY)
    widget.zoom_by(3)
    widget.set_matches(frozenset(list(widget.scene.index.position)[:5]))
    from_widget = QImage(SIZE, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(from_widget)
    widget.paint_to(painter, QSizeF(SIZE), palette=palette)
    painter.end()
    image = QImage(SIZE, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    paint(painter, QRectF(0, 0, SIZE.width(), SIZE.height()), widget.scene, palette, widget.export_font())
    painter.end()
    assert from_widget == image


def test_svg_keeps_lane_titles_and_labels_as_text(partner: Dataset, palette: QPalette) -> None:
    scene = scene_from_dataset(partner, TODAY)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(2400, int(scene.full_height())))
    painter = QPainter(generator)
    paint(painter, QRectF(0, 0, 2400, scene.full_height()), scene, palette)
    painter.end()
    svg = bytes(data.data()).decode()
    assert all(section.title.split()[0] in svg for section in partner.sections)
    item, _ = a_day_event(scene)
    assert item.label.split()[0] in svg


def test_badges_dim_with_a_search_and_ring_the_current_record(partner: Dataset, palette: QPalette) -> None:
    scene = scene_from_dataset(partner, TODAY, extent=(1800.0, 2200.0))  # far out: events gather
    geometry = scene.geometry(SIZE.width(), SIZE.height())
    frame = tl.layout_frame(scene.index, geometry.view(scene.extent), lambda text: 7.0 * len(text))
    cluster = frame.clusters[0]
    members = frozenset(item.id for item in scene.members(cluster))
    rect = ts.badge_rect(cluster, geometry, 7.0)
    fill = (int(ts.GUTTER + rect.x + 5), int(rect.y + rect.height / 2))
    ring = (int(ts.GUTTER + rect.x - 4), int(rect.y + rect.height / 2))
    colour = lane_colour(cluster.lane, len(partner.sections), palette).rgb()
    plain = render(scene, palette)
    assert plain.pixelColor(*fill).rgb() == colour
    assert render(scene.emphasised(matches=members), palette).pixelColor(*fill).rgb() == colour
    assert render(scene.emphasised(matches=frozenset()), palette).pixelColor(*fill).rgb() != colour
    highlight = palette.color(QPalette.ColorRole.Highlight)
    current = render(scene.emphasised(current=min(members)), palette).pixelColor(*ring)
    assert plain.pixelColor(*ring) != current
    assert abs(current.hue() - highlight.hue()) < 10
