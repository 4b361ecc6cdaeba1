"""First visible, painted window on a real X server (Xvfb with the openbox window manager), measured from outside.

    python -m benchmarks.bench_window [--runs N] [--frozen DIR] [--no-zeal] [--size 1366x768]

Every program is timed the same way (``x11_timing``: process start to the first X Damage on its mapped
top-level window), in alternating runs so that a change in the machine's load affects all alike:

- from source: the app as a user starts it (``.venv/bin/ajexplorer``) against a bare PySide6 main window
  (``bare_window.py``) run by the same interpreter. Target: the app within 1.5 times the bare window.
- frozen (with ``--frozen DIR``, a folder holding the onedir build ``ajexplorer/ajexplorer``, as
  ``bench_frozen`` or the standalone build leaves it): the frozen app against Zeal, the C++ Qt offline
  documentation browser from Debian, when it is installed. Target: within 1.25 times Zeal.
- the floor under both: the reference window (``reference_window.py``, the app's window rebuilt from stock
  Qt widgets with none of the app's code) from source, and, when ``DIR`` also holds them (``bench_frozen``
  leaves them there as ``bare/bare`` and ``reference/reference``), the bare and the reference window frozen
  with the app's spec. What the reference window takes over the bare one is what Qt and PySide charge for a
  window of this shape before any of our code runs; what the app takes over the reference is our code's.

Runs share one throw-away home, so the second and later starts find the settings and the dataset cache that
the first start wrote, as a person's do; bytecode caches are written as a person's Python writes them
(``PYTHONDONTWRITEBYTECODE`` is removed). The first run of each program warms these and is not counted.
Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from benchmarks.x11_timing import WindowTimes, time_first_window, virtual_screen

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"source_app_over_bare": 1.5, "frozen_app_over_zeal": 1.25}


def programs(frozen: Path | None, zeal: bool) -> dict[str, list[str]]:
    scripts = Path(sys.executable).parent
    launcher = scripts / ("ajexplorer.exe" if os.name == "nt" else "ajexplorer")
    found = {
        "source_bare": [sys.executable, str(ROOT / "benchmarks" / "bare_window.py")],
        "source_reference": [sys.executable, str(ROOT / "benchmarks" / "reference_window.py")],
        "source_app": [str(launcher)],
    }
    if frozen is not None:
        found["frozen_app"] = [str(frozen / "ajexplorer" / "ajexplorer")]
        for kind in ("bare", "reference"):
            if (frozen / kind / kind).is_file():
                found[f"frozen_{kind}"] = [str(frozen / kind / kind)]
    if zeal and shutil.which("zeal"):
        found["zeal"] = ["zeal"]
    return found


def summary(times: list[WindowTimes]) -> dict[str, float]:
    painted = [t.painted_ms for t in times]
    return {
        "painted_ms_median": round(statistics.median(painted)),
        "painted_ms_best": round(min(painted)),
        "mapped_ms_median": round(statistics.median(t.mapped_ms for t in times)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--frozen", type=Path, default=None, help="folder holding the onedir build")
    parser.add_argument("--no-zeal", action="store_true")
    parser.add_argument("--size", default="1366x768", help="the virtual screen, WIDTHxHEIGHT")
    args = parser.parse_args()
    width, height = (int(part) for part in args.size.split("x"))
    commands = programs(args.frozen, not args.no_zeal)
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env.pop("QT_QPA_PLATFORM", None)
    env["QTWEBENGINE_CHROMIUM_FLAGS"] = "--no-sandbox"  # Zeal's web view refuses to start as root without it
    results: dict[str, list[WindowTimes]] = {name: [] for name in commands}
    with tempfile.TemporaryDirectory() as home, virtual_screen(width, height) as screen:
        for folder in ("config", "data", "cache"):
            env[f"XDG_{folder.upper()}_HOME"] = str(Path(home) / folder)
        env["HOME"] = home
        for argv in commands.values():
            time_first_window(argv, screen, env)  # warm: file cache, bytecode, settings, dataset cache
        for _ in range(args.runs):
            for name, argv in commands.items():
                results[name].append(time_first_window(argv, screen, env))
    report: dict[str, object] = {
        "benchmark": "process start to first painted window on a real X server (Xvfb + openbox)",
        "screen": args.size,
        "runs": args.runs,
        "python": sys.version.split()[0],
    }
    report.update({name: summary(times) for name, times in results.items()})
    ratios: dict[str, float] = {}
    medians = {name: statistics.median(t.painted_ms for t in times) for name, times in results.items()}
    ratios["source_app_over_bare"] = round(medians["source_app"] / medians["source_bare"], 2)
    ratios["source_reference_over_bare"] = round(medians["source_reference"] / medians["source_bare"], 2)
    if "frozen_app" in medians and "zeal" in medians:
        ratios["frozen_app_over_zeal"] = round(medians["frozen_app"] / medians["zeal"], 2)
        for kind in ("bare", "reference"):
            if f"frozen_{kind}" in medians:
                ratios[f"frozen_{kind}_over_zeal"] = round(medians[f"frozen_{kind}"] / medians["zeal"], 2)
    report["ratios"] = ratios
    report["targets"] = {key: value for key, value in TARGETS.items() if key in ratios}
    report["meets_targets"] = {key: ratios[key] <= TARGETS[key] for key in TARGETS if key in ratios}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
