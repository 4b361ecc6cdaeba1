"""Timeline rendering on 100,000 synthetic events, beside a frame of an empty timeline in the same run.

    python benchmarks/bench_timeline.py [--events N] [--frames N]

Prints JSON: the time to build the view (index + first layout) and, for "fit all", a mid zoom and a close
zoom, the median and worst frame times (layout + paint into an offscreen image), plus the same for an empty
view. Target: every frame under 16 ms. Frames are the widget's, painted by ``gui/timeline_painter``; the
same painter is also timed without a widget (``timeline_painter.paint``, as exports and printing call it:
vectors and real text, nothing cached), for information.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from ajexplorer.domain.loading import load_dataset
from ajexplorer.gui import timeline_painter
from ajexplorer.gui.timeline_widget import TimelineWidget
from ajexplorer.paths import data_dir
from ajexplorer.presentation import timeline_layout as tl
from benchmarks.synthetic import synthetic_dataset

TODAY = dt.date(2026, 11, 28)


def frame_times(widget: TimelineWidget, frames: int, pan: bool = True, warmup: int = 3) -> list[float]:
    """Milliseconds per frame: each frame pans a little (so layout is recomputed) and paints.

    A few warm-up frames fill the per-zoom caches first, as a person's first frame after zooming does.
    """
    image = QImage(widget.size(), QImage.Format.Format_ARGB32_Premultiplied)
    for _ in range(warmup):
        widget.render(image)
    gc.collect()
    samples = []
    for number in range(frames):
        if pan:
            widget.pan_by(0.01 if number % 2 == 0 else -0.01)
        start = time.perf_counter()
        widget.render(image)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def export_paint_times(widget: TimelineWidget, frames: int) -> list[float]:
    """Milliseconds per picture of the widget's scene drawn by ``timeline_painter.paint`` with no widget."""
    image = QImage(widget.size(), QImage.Format.Format_ARGB32_Premultiplied)
    rect = QRectF(0, 0, widget.width(), widget.height())
    palette, font = widget.palette(), widget.export_font()
    samples = []
    for _ in range(frames):
        painter = QPainter(image)
        start = time.perf_counter()
        timeline_painter.paint(painter, rect, widget.scene, palette, font)
        samples.append((time.perf_counter() - start) * 1000)
        painter.end()
    return samples


def summary(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "median_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[int(len(ordered) * 0.95) - 1], 2),
        "max_ms": round(ordered[-1], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--frames", type=int, default=60)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    dataset = load_dataset(data_dir())
    big = synthetic_dataset(dataset, args.events)
    titles = [section.title for section in dataset.sections]

    empty = TimelineWidget()
    empty.resize(1400, 480)
    empty.set_items([], titles, TODAY)
    baseline = frame_times(empty, args.frames)

    widget = TimelineWidget()
    widget.resize(1400, 480)
    start = time.perf_counter()
    items = tl.items_from(big, TODAY)
    widget.set_items(items, titles, TODAY)
    frame_times(widget, 1, pan=False, warmup=0)
    build_ms = (time.perf_counter() - start) * 1000
    gc.freeze()  # as the app does once its data is loaded: long-lived objects leave the collector's scans

    results: dict[str, object] = {}
    widget.fit_all()
    results["fit_all"] = summary(frame_times(widget, args.frames))
    widget.zoom_by(8)  # about seven years across
    results["mid_zoom"] = summary(frame_times(widget, args.frames))
    export = summary(export_paint_times(widget, max(args.frames // 4, 5)))
    widget.zoom_by(60)  # about six weeks across
    results["close_zoom"] = summary(frame_times(widget, args.frames))
    worst = max(float(entry["max_ms"]) for entry in results.values())  # type: ignore[index]
    print(
        json.dumps(
            {
                "benchmark": "timeline frames",
                "events": len(items),
                "build_view_ms": round(build_ms, 1),
                "empty_view": summary(baseline),
                **results,
                "target_ms": 16,
                "worst_frame_ms": round(worst, 2),
                "meets_target": worst < 16,
                "export_paint_mid_zoom": export,
            },
            indent=2,
        )
    )
    del app


if __name__ == "__main__":
    main()
