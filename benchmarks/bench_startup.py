"""Start-up: process start to first paint of the full window, beside a bare PySide6 window, in one run.

    python benchmarks/bench_startup.py [--runs N]

Each run starts a fresh interpreter on Qt's offscreen platform. The child notes the monotonic clock at its
window's first paint; the parent noted it just before starting the process. Prints JSON with the median and
best of N runs for both (run alternately: bare, app, bare, app...), and their ratio. Target: the full window's
first paint within 1.5 times the bare window's.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

TARGET_RATIO = 1.5

CHILD = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(time.monotonic(), flush=True)
            QTimer.singleShot(0, QApplication.instance().quit)
            QApplication.instance().removeEventFilter(self)
        return False

if sys.argv[1] == "bare":
    app = QApplication(["bare"])
    window = QMainWindow()
    window.resize(1600, 1000)
else:
    import datetime as dt
    from ajexplorer.gui.app import application
    from ajexplorer.domain.loading import load_dataset
    from ajexplorer.gui.mainwindow import MainWindow
    from ajexplorer.paths import data_dir
    app = application(["ajexplorer"])
    window = MainWindow(load_dataset(data_dir()), None)
    window.resize(1600, 1000)
    window.select_default()
watcher = FirstPaint()
app.installEventFilter(watcher)
window.show()
app.exec()
"""


def one_run(kind: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", CHILD, kind], capture_output=True, text=True, env=env, timeout=120, check=True
    )
    painted = float(result.stdout.strip().splitlines()[-1])
    return (painted - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    one_run("bare")  # warm the file cache for both
    one_run("app")
    bare: list[float] = []
    app: list[float] = []
    for _ in range(args.runs):  # alternating, so that a change in the machine's load affects both alike
        bare.append(one_run("bare"))
        app.append(one_run("app"))
    print(
        json.dumps(
            {
                "benchmark": "process start to first paint (offscreen)",
                "runs": args.runs,
                "bare_window_ms": {"median": round(statistics.median(bare)), "best": round(min(bare))},
                "app_window_ms": {"median": round(statistics.median(app)), "best": round(min(app))},
                "ratio_median": round(statistics.median(app) / statistics.median(bare), 2),
                "target_ratio": TARGET_RATIO,
                "meets_target": statistics.median(app) / statistics.median(bare) <= TARGET_RATIO,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
