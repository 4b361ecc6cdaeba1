"""Frozen builds, side by side with baseline windows frozen with the same spec settings.

    python -m benchmarks.bench_frozen [--runs N] [--skip-build] [--onefile]

Builds (unless --skip-build) the app, the bare window (``bare_window.py``, the yardstick of the targets) and
the reference window (``reference_window.py``: the app's window rebuilt from stock widgets, none of the app's
code) as onedir bundles, and the app and the bare window as onefile with --onefile, into build/bench/; then
prints JSON: onedir size and file count, onefile size, process start to first paint
(offscreen, median and best of N), the clock at each step of start-up that each reports (``phases_ms_median``),
and peak memory after start and after a search. Targets: onedir at most 1.2x the bare window's size,
start-up at most 1.5x, peak memory at most 40 MiB above.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "bench"


#: What is built: the app, and the two baseline windows frozen with the same spec (see their scripts).
KINDS = ("app", "bare", "reference")


def executable_name(kind: str) -> str:
    return "ajexplorer" if kind == "app" else kind


def build(kind: str, onefile: bool) -> Path:
    env = {**os.environ, "AJ_ONEFILE": "1" if onefile else "0"}
    if kind != "app":
        env["AJ_BARE_ENTRY"] = str(ROOT / "benchmarks" / f"{kind}_window.py")
    dist = OUT / ("onefile" if onefile else "onedir")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(OUT / "work" / kind),
            str(ROOT / "packaging" / "ajexplorer.spec"),
        ],
        check=True,
        env=env,
        cwd=ROOT,
    )
    name = executable_name(kind)
    return dist / name if onefile else dist / name / name


def folder_size(path: Path) -> tuple[int, int]:
    files = [p for p in path.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def run_once(executable: Path) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    argument = "--report-startup" if executable.name == executable_name("app") else "--report"
    start = time.monotonic()
    result = subprocess.run(
        [str(executable), argument], capture_output=True, text=True, env=env, timeout=120, check=True
    )
    figures = dict(line.split() for line in result.stdout.splitlines() if line.count(" ") == 1)
    sample = {
        "first_paint_ms": (float(figures["first_paint_monotonic"]) - start) * 1000,
        "peak_after_start_mib": int(figures["peak_memory_after_start_kib"]) / 1024,
        "peak_after_search_mib": int(
            figures.get("peak_memory_after_search_kib", figures["peak_memory_after_start_kib"])
        )
        / 1024,
    }
    for key, value in figures.items():  # the app's own clock at each step of start-up
        if key.startswith("phase_"):
            sample[key.removesuffix("_monotonic") + "_ms"] = (float(value) - start) * 1000
    return sample


def summarise(samples: list[dict[str, float]]) -> dict[str, object]:
    paint = [s["first_paint_ms"] for s in samples]
    summary: dict[str, object] = {
        "first_paint_ms_median": round(statistics.median(paint)),
        "first_paint_ms_best": round(min(paint)),
        "peak_after_start_mib": round(max(s["peak_after_start_mib"] for s in samples), 1),
        "peak_after_search_mib": round(max(s["peak_after_search_mib"] for s in samples), 1),
    }
    phases = [key for key in samples[0] if key.startswith("phase_")]
    if phases:
        summary["phases_ms_median"] = {
            key.removeprefix("phase_").removesuffix("_ms"): round(statistics.median(s[key] for s in samples))
            for key in phases
        }
    return summary


def measure(executables: dict[str, Path], runs: int) -> dict[str, dict[str, object]]:
    """Runs alternate between the executables so that a change in the machine's load affects both alike."""
    for executable in executables.values():
        run_once(executable)  # warm the file cache
    samples: dict[str, list[dict[str, float]]] = {kind: [] for kind in executables}
    for _ in range(runs):
        for kind, executable in executables.items():
            samples[kind].append(run_once(executable))
    return {kind: summarise(found) for kind, found in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--onefile", action="store_true")
    args = parser.parse_args()
    report: dict[str, object] = {
        "benchmark": "frozen builds against baseline windows frozen with the same spec"
    }
    onedir: dict[str, Path] = {}
    for kind in KINDS:
        name = executable_name(kind)
        onedir[kind] = OUT / "onedir" / name / name if args.skip_build else build(kind, onefile=False)
    onefile: dict[str, Path] = {}
    if args.onefile:
        onefile = {kind: build(kind, onefile=True) for kind in ("app", "bare")}
    timings = measure(onedir, args.runs)
    single_timings = measure(onefile, max(3, args.runs // 2)) if onefile else {}
    for kind, executable in onedir.items():
        size, count = folder_size(executable.parent)
        entry: dict[str, object] = {"onedir_mib": round(size / 2**20, 1), "onedir_files": count}
        entry.update(timings[kind])
        if kind in onefile:
            entry["onefile_mib"] = round(onefile[kind].stat().st_size / 2**20, 1)
            entry["onefile_first_paint_ms_median"] = single_timings[kind]["first_paint_ms_median"]
        report[kind] = entry
    app, bare, reference = report["app"], report["bare"], report["reference"]
    assert isinstance(app, dict) and isinstance(bare, dict) and isinstance(reference, dict)
    report["ratios"] = {
        "onedir_size": round(app["onedir_mib"] / bare["onedir_mib"], 2),
        "first_paint": round(app["first_paint_ms_median"] / bare["first_paint_ms_median"], 2),
        # what Qt and PySide charge for a window of the app's shape, and what the app's own code adds to it
        "reference_first_paint": round(reference["first_paint_ms_median"] / bare["first_paint_ms_median"], 2),
        "first_paint_over_reference": round(
            app["first_paint_ms_median"] / reference["first_paint_ms_median"], 2
        ),
        "extra_peak_memory_mib": round(app["peak_after_search_mib"] - bare["peak_after_start_mib"], 1),
    }
    report["targets"] = {"onedir_size": 1.2, "first_paint": 1.5, "extra_peak_memory_mib": 40}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
