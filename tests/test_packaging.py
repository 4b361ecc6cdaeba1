"""The files that make the app a desktop program: icons at every size, generated from the one source image."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QImageReader, QPainter
from PySide6.QtSvg import QSvgRenderer

from ajexplorer.gui.app import WINDOW_ICON_SIZES, application, window_icon

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "packaging" / "icons"
APP_ID = "org.ajexplorer.AJExplorer"


@pytest.fixture(autouse=True)
def _qt() -> None:
    application()


def test_the_windows_icon_holds_each_size_windows_asks_for() -> None:
    reader = QImageReader(str(ICONS / "ajexplorer.ico"))
    sizes = []
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull()
        sizes.append((image.width(), image.height()))
    assert sizes == [(size, size) for size in (16, 24, 32, 48, 64, 128, 256)]


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_each_hicolor_icon_is_the_size_its_folder_says(size: int) -> None:
    image = QImage(str(ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()


def test_the_desktop_entry_and_the_scalable_icon_share_the_app_id() -> None:
    entry = (ROOT / "packaging" / "linux" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f"Icon={APP_ID}" in entry
    svg = ICONS / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert svg.read_bytes() == (ROOT / "resources" / "icons" / "ajexplorer.svg").read_bytes()


def test_the_macos_icon_holds_each_size_finder_and_the_dock_ask_for() -> None:
    reader = QImageReader(str(ICONS / "ajexplorer.icns"))
    assert reader.format() == b"icns"
    sizes = set()
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull() and image.hasAlphaChannel()
        sizes.add((image.width(), image.height()))
    assert sizes == {(size, size) for size in (16, 32, 64, 128, 256, 512, 1024)}


def test_the_window_icon_is_drawn_beforehand_at_each_size_a_window_manager_asks_for() -> None:
    icon = window_icon()
    assert sorted((size.width(), size.height()) for size in icon.availableSizes()) == [
        (size, size) for size in WINDOW_ICON_SIZES
    ]
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "ajexplorer.svg"))
    for size in WINDOW_ICON_SIZES:
        drawn = QImage(str(ROOT / "resources" / "icons" / f"ajexplorer-{size}.png"))
        fresh = QImage(size, size, QImage.Format.Format_ARGB32)
        fresh.fill(Qt.GlobalColor.transparent)
        painter = QPainter(fresh)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        # the PNG is the current SVG drawn at that size (rerun packaging/make_icons.py after changing it)
        assert drawn.convertToFormat(QImage.Format.Format_ARGB32) == fresh
