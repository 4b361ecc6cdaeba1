"""Does the window answer while the work deferred past its first paint runs, on datasets of growing size?

    python -m benchmarks.bench_responsive [--sizes 270,27000,100000] [--output FILE] [--profile FOLDER]

Each dataset runs in a fresh interpreter on Qt's offscreen platform: the real ``MainWindow`` (1600 x 900,
panes on both sides, so the source text is on screen and rendered), shown. From the end of its first paint (the
first frame itself is reported, not probed: it is the start-up's, measured by bench_startup) until every
deferred part is ready (the search index, the figures, the chronology, the source text), a timer on the GUI
thread is due every 10 ms; how much later than due each timeout comes is the lag a key press or a click would
meet then (input events wait in the same queue, and for the same interpreter lock a worker thread may hold).
Reported: the max and p95 lag, how many probes waited more than 100 ms, and the time from the first paint
until all was ready. The baseline, in the same interpreter: the same probe for the same length of time
on the same window once everything is ready (an idle window), so that the machine's own noise is seen.

Then "Hide others" is switched on and off a few times with a search active (its change, to the window's
next paint, is timed), as the filter bar's button does it.

The datasets are the bundled data's clones (``benchmarks/clones.py``; built once and kept in
``~/.cache/ajexplorer-bench``, with the app's dataset cache beside them, so the opening is not measured).
Prints JSON per dataset. Target: max lag 100 ms at every size.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.output import emit

ROOT = Path(__file__).resolve().parent.parent
TARGET_MAX_LAG_MS = 100
WINDOW_SIZE = (1600, 900)
PROBE_INTERVAL_S = 0.01
#: Hide others switched on and off this many times each.
HIDE_ROUNDS = 3
HIDE_QUERY = "summit"


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    position = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[position]


def _summary(lags: list[float]) -> dict[str, float]:
    if not lags:
        return {"probes": 0, "p50_ms": 0.0, "p95_ms": 0.0, "max_ms": 0.0, "over_100_ms": 0}
    return {
        "probes": len(lags),
        "p50_ms": round(statistics.median(lags), 2),
        "p95_ms": round(_percentile(lags, 0.95), 2),
        "max_ms": round(max(lags), 2),
        "over_100_ms": sum(1 for lag in lags if lag > TARGET_MAX_LAG_MS),
    }


# --- the measured interpreter ------------------------------------------------------------------------------


def _probe_class() -> type:
    from PySide6.QtCore import Qt, QTimer

    class Probe(QTimer):
        """A precise timer on the GUI thread every ``PROBE_INTERVAL_S``: how much later than due each
        timeout comes is how long input arriving then would have waited (the event loop was busy, or the GUI
        thread was waiting for the interpreter held by a worker)."""

        def __init__(self) -> None:
            super().__init__()
            self.setTimerType(Qt.TimerType.PreciseTimer)
            self.setInterval(round(PROBE_INTERVAL_S * 1000))
            self.timeout.connect(self._tick)
            self.lags: list[float] = []
            self.stamps: list[float] = []  # when each lag ended, from the start
            self.started_at = self._last = time.perf_counter()

        def begin(self) -> None:
            self.lags, self.stamps = [], []
            self.started_at = self._last = time.perf_counter()
            self.start()

        def end(self) -> None:
            self._tick()  # a block still under way when the work ended counts too
            self.stop()

        def _tick(self) -> None:
            now = time.perf_counter()
            self.lags.append(max(0.0, (now - self._last - PROBE_INTERVAL_S) * 1000))
            self.stamps.append(now - self.started_at)
            self._last = now

    return Probe


def _ready(window: Any) -> bool:
    """Every deferred part done: the index built, the figures and the chronology filled, the source shown."""
    return bool(window.started) and not window.preparing() and window.source.rendered


def _worker(folder: str, profile: Path | None) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import gc

    from PySide6.QtCore import QEvent, QObject, QSize, QTimer
    from PySide6.QtWidgets import QApplication

    from ajexplorer.domain.loading import load_dataset, open_dataset
    from ajexplorer.gui.mainwindow import MainWindow
    from ajexplorer.paths import data_dir

    app = QApplication.instance() or QApplication([])
    dataset = load_dataset(data_dir()) if folder == "bundled" else open_dataset(Path(folder))
    window = MainWindow(dataset, None)
    gc.freeze()  # as the app does once its window is built (gui/app.py)
    window.resize(*WINDOW_SIZE)
    window.arrange_panes(QSize(*WINDOW_SIZE))
    probe = _probe_class()()
    painted: list[float] = []

    framed: list[float] = []

    def frame_done() -> None:
        framed.append(time.perf_counter())
        probe.begin()

    class FirstPaint(QObject):
        """The probe starts once the window's first frame is painted (the first turn of the event loop after
        its first paint event): everything after it is deferred work. The frame itself is bench_startup's."""

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(time.perf_counter())
                QTimer.singleShot(0, frame_done)
                watched.removeEventFilter(self)
            return False

    first_paint = FirstPaint()
    window.installEventFilter(first_paint)
    profiler = None
    if profile is not None:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    window.show()
    window.select_default()
    deadline = time.monotonic() + 900
    while not framed and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.001)
    while not _ready(window) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.001)
    if not _ready(window):
        raise RuntimeError("the deferred work was not done in time")
    ready_s = time.perf_counter() - painted[0]
    probe.end()
    if profiler is not None and profile is not None:
        profiler.disable()
        profiler.dump_stats(str(profile))
    busy = list(probe.lags)
    slowest = sorted(zip(probe.lags, probe.stamps, strict=True), reverse=True)[:5]
    # The baseline: the same probe, as long (at most 5 s), on the window with nothing left to do.
    probe.begin()
    end = time.monotonic() + min(max(ready_s, 1.0), 5.0)
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.001)
    probe.end()
    idle = list(probe.lags)
    hide = _hide_others(app, window)
    window.close()
    print(
        json.dumps(
            {
                "records": len(dataset.records),
                "ready_after_first_paint_s": round(ready_s, 2),
                "first_frame_ms": round((framed[0] - painted[0]) * 1000, 1),
                "lag_while_preparing": _summary(busy),
                "slowest": [{"lag_ms": round(lag, 1), "at_s": round(at, 2)} for lag, at in slowest],
                "lag_idle_baseline": _summary(idle),
                "hide_others_ms": hide,
            }
        )
    )


def _hide_others(app: Any, window: Any) -> dict[str, float]:
    """Hide others switched on and off with a search active, each change timed to the next paint."""
    from PySide6.QtCore import QEvent, QObject

    class Paint(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.done = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.UpdateRequest and not self.done:
                watched.event(event)
                self.done = True
                return True
            return False

    window.search_field.setText(HIDE_QUERY)
    window.search_field.flush()
    window._run_search()
    app.processEvents()
    times: list[float] = []
    watch = Paint()
    window.installEventFilter(watch)
    for _round in range(HIDE_ROUNDS):
        for hide in (True, False):
            watch.done = False
            start = time.perf_counter()
            window.filter_bar.set_hide_unmatched(hide)
            deadline = time.perf_counter() + 5
            while not watch.done and time.perf_counter() < deadline:
                app.processEvents()
            times.append((time.perf_counter() - start) * 1000)
            for _ in range(20):
                app.processEvents()
                time.sleep(0.005)
    window.removeEventFilter(watch)
    return {"changes": len(times), "median": round(statistics.median(times), 1), "max": round(max(times), 1)}


# --- the parent --------------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="270,27000,100000", help="cloned folders' record counts")
    parser.add_argument("--work", type=Path, default=None, help="where the cloned folders are kept")
    parser.add_argument("--profile", type=Path, default=None, help="a folder for each dataset's cProfile")
    parser.add_argument("--output", type=Path, default=None, help="also write the JSON here")
    parser.add_argument("--worker", metavar="FOLDER", help=argparse.SUPPRESS)
    parser.add_argument("--worker-profile", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        _worker(args.worker, args.worker_profile)
        return
    from benchmarks.bench_open import clone_folder

    cache_home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    work: Path = args.work or cache_home / "ajexplorer-bench"
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "AJEXPLORER_CACHE_DIR": str(work / "app-cache"),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="bench-responsive-") as home:
        env["HOME"] = home  # no settings of the person running it
        for size in sizes:
            folder = clone_folder(work, size)
            # Once to fill the app's dataset cache (not measured), then measured.
            command = [sys.executable, "-m", "benchmarks.bench_responsive", "--worker", str(folder)]
            if args.profile is not None:
                args.profile.mkdir(parents=True, exist_ok=True)
                command += ["--worker-profile", str(args.profile / f"responsive-{size}.prof")]
            for attempt in ("warm", "measured"):
                done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT, check=False)
                if done.returncode != 0:
                    raise RuntimeError(
                        f"the responsiveness benchmark at {size} failed:\n{done.stderr[-4000:]}"
                    )
                if attempt == "warm":
                    continue
                entry = json.loads(done.stdout.strip().splitlines()[-1])
                results[str(size)] = entry
                print(
                    f"{entry['records']}: max lag {entry['lag_while_preparing']['max_ms']} ms, ready after "
                    f"{entry['ready_after_first_paint_s']} s",
                    file=sys.stderr,
                )
    document = {
        "benchmark": "input latency while the deferred work runs",
        "description": "From the end of the real window's first paint until the search index, figures, chronology and "
        "source text are ready, a GUI-thread timer due every 10 ms; how late each timeout comes is the lag "
        "input meets then. Baseline: the same probe on the same window once all is ready.",
        "command": "python -m benchmarks.bench_responsive --sizes " + ",".join(map(str, sizes)),
        "window": f"{WINDOW_SIZE[0]}x{WINDOW_SIZE[1]}, offscreen",
        "probe_interval_ms": PROBE_INTERVAL_S * 1000,
        "target_max_lag_ms": TARGET_MAX_LAG_MS,
        "python": platform.python_version(),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs",
        "datasets": results,
    }
    emit(document, args.output)


if __name__ == "__main__":
    main()
