"""Where start-up time goes, from source: import time per module, then the first frame widget by widget.

    python -m benchmarks.profile_startup [--runs N] [--top K]

Two measurements, each the median of N fresh interpreters (bytecode caches written first, as a person's Python
writes them):

- ``imports``: ``python -X importtime`` of everything the window imports before it shows, each module's own
  time (without its imports), summed by owner: the app's modules, PySide6/shiboken (loading Qt's libraries,
  building the Python enums of the classes touched, the signature support), and the standard library and
  other packages. The top K modules are listed by name.
- ``first_frame``: in one process on Qt's offscreen platform, the clock at each step: imports done, dataset
  loaded (through the user's cache, as the window reads it), window built, shown, and the first paint of
  every widget; the widgets whose paint took longest are listed (the time until the next widget's paint
  starts). The frame ends when the work the window defers past its first paint would start. The same run
  times every Python enum PySide builds before that (it builds a class's enums when Python first touches the
  class): those importing QtWidgets builds, which a bare window pays too, and the rest, by the Qt class our
  code touched.

Prints JSON. Needs no display. Use ``bench_window`` for the figure a person sees on a real X server.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import statistics
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Reaching PySide6's ``Qt`` namespace for the first time builds the Python enums of the whole namespace; it is
# timed on its own so that it is not charged to whichever module of ours happens to import ``Qt`` first.
IMPORTS = (
    "import time, PySide6.QtCore; t = time.perf_counter(); PySide6.QtCore.Qt; "
    "print((time.perf_counter() - t) * 1000); import ajexplorer.cli, ajexplorer.gui.app"
)

FRAME = r"""
import enum, json, sys, time
T0 = time.monotonic()
# PySide builds a Python enum for each enum of a Qt class when Python first touches the class: timed one by one.
made = []
create = enum.EnumType._create_

def timed_create(cls, *args, **kwargs):
    started = time.perf_counter()
    built = create(cls, *args, **kwargs)
    made.append((built, time.perf_counter() - started))
    return built

enum.EnumType._create_ = timed_create
import PySide6.QtWidgets  # what the bare window imports: the enums built so far are its cost as much as ours
shared_enums = len(made)
from ajexplorer.gui.app import application
from ajexplorer.domain.loading import open_dataset
from ajexplorer.gui import mainwindow
from ajexplorer.paths import data_dir
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget
marks = {"imports": time.monotonic()}
app = application(["ajexplorer"])
dataset = open_dataset(data_dir())  # through the user's cache, as the window reads it
marks["dataset_loaded"] = time.monotonic()
done = []
deferred = mainwindow.MainWindow._after_first_paint

def after_first_paint(self):
    # called from a zero timer set at the window's first paint event: runs once the whole frame is painted
    done.append(time.monotonic())

mainwindow.MainWindow._after_first_paint = after_first_paint
window = mainwindow.MainWindow(dataset, None)
window.resize(1366, 740)
window.select_default()
marks["window_built"] = time.monotonic()
paints = []

class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            paints.append((time.monotonic(), self.objectName()))
        return False

# One filter per widget, not one on the application: a filter on the application is handed every object of
# every event, and wrapping those for Python builds enums that the app itself never builds before it paints.
watches = []
for widget in [window, *window.findChildren(QWidget)]:
    name = type(widget).__name__
    parent = widget.parent() if name == "QWidget" else None
    if parent is not None:  # a viewport or a container: name it after what holds it
        name = f"{type(parent).__name__}/{name}"
    watch = Watch(widget)
    watch.setObjectName(name)
    widget.installEventFilter(watch)
    watches.append(watch)
window.show()
marks["shown"] = time.monotonic()
deadline = time.monotonic() + 10
while not done and time.monotonic() < deadline:
    app.processEvents()
marks["first_frame_painted"] = done[0] if done else time.monotonic()
paints.append((marks["first_frame_painted"], "end"))
enums = [(built.__qualname__, seconds) for built, seconds in made]
print(json.dumps({"start": T0, "marks": marks, "paints": paints, "enums": enums, "shared_enums": shared_enums}))
"""


def _env() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def _owner(module: str) -> str:
    if module.startswith("ajexplorer"):
        return "app"
    if module.startswith(("PySide6", "shiboken6", "shibokensupport", "signature_bootstrap")):
        return "pyside"
    return "stdlib_and_others"


def import_times(runs: int) -> tuple[dict[str, list[int]], list[float]]:
    """Each module's own import time in microseconds, one entry per run; and the Qt namespace's enums (ms)."""
    found: dict[str, list[int]] = defaultdict(list)
    namespace: list[float] = []
    pattern = re.compile(r"import time:\s+(\d+) \|\s+\d+ \|\s*(\S+)")
    for _ in range(runs):
        result = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", IMPORTS],
            capture_output=True,
            text=True,
            env=_env(),
            cwd=ROOT,
            check=True,
        )
        namespace.append(float(result.stdout.strip()))
        for line in result.stderr.splitlines():
            match = pattern.match(line)
            if match:
                found[match.group(2)].append(int(match.group(1)))
    return found, namespace


def first_frame(runs: int) -> list[dict[str, object]]:
    samples = []
    for _ in range(runs):
        result = subprocess.run(
            [sys.executable, "-c", FRAME], capture_output=True, text=True, env=_env(), cwd=ROOT, check=True
        )
        samples.append(json.loads(result.stdout.strip().splitlines()[-1]))
    return samples


def enum_costs(frames: list[dict[str, object]]) -> dict[str, dict[str, float]]:
    """The Python enums PySide built before the first frame: those importing QtWidgets builds (a bare window
    builds them too) and those our code's first touch of a Qt class builds, summed by class (median run)."""
    shared: list[tuple[float, float]] = []
    ours: list[tuple[float, float]] = []
    by_class: dict[str, list[float]] = defaultdict(list)
    for sample in frames:
        built = sample["enums"]
        split = sample["shared_enums"]
        assert isinstance(built, list) and isinstance(split, int)
        shared.append((split, sum(seconds for _, seconds in built[:split]) * 1000))
        ours.append((len(built) - split, sum(seconds for _, seconds in built[split:]) * 1000))
        per_class: dict[str, float] = defaultdict(float)
        for name, seconds in built[split:]:
            per_class[name.rpartition(".")[0] or name] += seconds * 1000
        for owner, cost in per_class.items():
            by_class[owner].append(cost)
    runs = len(frames)
    return {
        "shared": {
            "count": statistics.median(n for n, _ in shared),
            "ms": round(statistics.median(ms for _, ms in shared), 1),
        },
        "ours": {
            "count": statistics.median(n for n, _ in ours),
            "ms": round(statistics.median(ms for _, ms in ours), 1),
        },
        "by_class_ms": {
            owner: round(sum(costs) / runs, 1)
            for owner, costs in sorted(by_class.items(), key=lambda item: -sum(item[1]))
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    import_times(1)  # writes the bytecode caches
    modules, namespace = import_times(args.runs)
    median_us = {name: statistics.median(times) for name, times in modules.items()}
    by_owner: dict[str, float] = defaultdict(float)
    for name, micros in median_us.items():
        by_owner[_owner(name)] += micros
    top = sorted(median_us.items(), key=lambda item: -item[1])[: args.top]

    first_frame(1)  # writes the dataset's cache, as a person's first start does
    frames = first_frame(args.runs)
    steps: dict[str, list[float]] = defaultdict(list)
    widget_costs: dict[str, list[float]] = defaultdict(list)
    for sample in frames:
        start = float(sample["start"])  # type: ignore[arg-type]
        marks = sample["marks"]
        assert isinstance(marks, dict)
        for name, moment in marks.items():
            steps[name].append((float(moment) - start) * 1000)
        paints = sample["paints"]
        assert isinstance(paints, list)
        for (moment, widget), (following, _) in itertools.pairwise(paints):
            widget_costs[widget].append((following - moment) * 1000)
    slowest = sorted(
        ((widget, sum(costs) / len(frames)) for widget, costs in widget_costs.items()),
        key=lambda item: -item[1],
    )[: args.top]
    enums = enum_costs(frames)
    report = {
        "benchmark": "where start-up time goes, from source (offscreen)",
        "python": sys.version.split()[0],
        "runs": args.runs,
        "import_ms_by_owner": {owner: round(total / 1000, 1) for owner, total in sorted(by_owner.items())},
        "qt_namespace_enums_ms": round(statistics.median(namespace), 1),
        "slowest_imports_ms": {name: round(micros / 1000, 1) for name, micros in top},
        "steps_ms_median": {name: round(statistics.median(times)) for name, times in steps.items()},
        "slowest_first_paints_ms": {widget: round(cost, 1) for widget, cost in slowest},
        "qt_enums_before_first_paint": {
            "shared_with_bare_window": enums["shared"],
            "ours": enums["ours"],
            "ours_by_class_ms": dict(list(enums["by_class_ms"].items())[: args.top]),
        },
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
