"""Generate the app's icons from the one source image, resources/icons/ajexplorer.svg.

    python packaging/make_icons.py

Writes hicolor PNGs (16-512 px) and the scalable SVG under packaging/icons/hicolor/, the Windows .ico and the
macOS .icns, and the window's icon at the sizes window managers ask for (resources/icons/ajexplorer-SIZE.png:
rendering the SVG at each size when the window first shows would delay its first paint).
Uses Qt's own SVG renderer, so no other tool is needed. The output is committed; rerun after changing the SVG.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "ajexplorer.svg"
APP_ID = "org.ajexplorer.AJExplorer"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
WINDOW_SIZES = (16, 32, 48, 64, 128)  # kept in step with ajexplorer.gui.app.WINDOW_ICON_SIZES
# macOS icon element types holding PNG data, by pixel size; the @2x types reuse the image twice the point size.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
    (b"ic10", 1024),
)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not QImageWriter(buffer, QByteArray(b"png")).write(image):
        raise RuntimeError("Qt could not encode the icon as PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """A Windows icon holding one PNG-compressed image per size, so each place Windows shows it gets a sharp
    one. Qt's ICO writer stores a single image, hence this small writer (the format: header, directory, data).
    """
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    directory, blobs = b"", b""
    for size, blob in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an icon directory
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset + len(blobs))
        blobs += blob
    return header + directory + blobs


def icns_bytes(images: dict[int, bytes]) -> bytes:
    """A macOS icon: a header, then one element (type, length, PNG data) per size Finder and the Dock use."""
    elements = b"".join(
        kind + struct.pack(">I", 8 + len(images[size])) + images[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(elements)) + elements


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"cannot read {SOURCE}", file=sys.stderr)
        return 1
    target = ROOT / "packaging" / "icons" / "hicolor"
    for size in SIZES:
        folder = target / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        render(renderer, size).save(str(folder / f"{APP_ID}.png"))
    for size in WINDOW_SIZES:
        render(renderer, size).save(str(SOURCE.parent / f"ajexplorer-{size}.png"))
    scalable = target / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable / f"{APP_ID}.svg")
    ico = {size: png_bytes(render(renderer, size)) for size in ICO_SIZES}
    (ROOT / "packaging" / "icons" / "ajexplorer.ico").write_bytes(ico_bytes(ico))
    icns = {size: png_bytes(render(renderer, size)) for size in sorted({size for _, size in ICNS_TYPES})}
    (ROOT / "packaging" / "icons" / "ajexplorer.icns").write_bytes(icns_bytes(icns))
    del app
    print(f"wrote icons for {APP_ID} under {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
