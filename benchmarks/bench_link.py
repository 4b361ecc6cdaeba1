"""A link handed to the open window: from starting ``ajexplorer ajexplorer://record/ID`` to the window's log
saying it shows that record, beside a bare PySide6 process that only creates its application, in one run.

    python -m benchmarks.bench_link [--runs N]

The window runs from source on Qt's offscreen platform in a throw-away home. Prints JSON: the median and worst
of N hand-overs (the later start's exit, and the record shown) and of N bare processes.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE = "from PySide6.QtWidgets import QApplication; QApplication([])"


def _log(home: Path) -> str:
    return "\n".join(
        path.read_text(encoding="utf-8", errors="replace") for path in home.rglob("ajexplorer.log")
    )


def _wait(home: Path, line: str, timeout: float = 120.0) -> float:
    deadline = time.monotonic() + timeout
    while line not in _log(home):
        if time.monotonic() > deadline:
            raise SystemExit(f"never logged {line!r}")
        time.sleep(0.005)
    return time.monotonic()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    from ajexplorer.domain.app_links import record_url
    from ajexplorer.domain.loading import load_dataset
    from ajexplorer.paths import data_dir

    ids = list(load_dataset(data_dir()).records)
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
        }
        window = subprocess.Popen([sys.executable, "-m", "ajexplorer"], cwd=ROOT, env=env)
        try:
            _wait(home, "Links from later starts come to this window")
            exits, shown, bare = [], [], []
            for run in range(runs):
                record_id = ids[(run * 7) % len(ids)]
                started = time.monotonic()
                subprocess.run(
                    [sys.executable, "-m", "ajexplorer", record_url(record_id)], cwd=ROOT, env=env, check=True
                )
                exits.append(time.monotonic() - started)
                line = f"Link {record_url(record_id)}: showing record {record_id}"
                shown.append(_wait(home, line) - started)
                started = time.monotonic()
                subprocess.run([sys.executable, "-c", BARE], env=env, check=True)
                bare.append(time.monotonic() - started)
        finally:
            window.terminate()
            window.wait()

    def summary(values: list[float]) -> dict[str, float]:
        return {
            "median_ms": round(statistics.median(values) * 1000, 1),
            "max_ms": round(max(values) * 1000, 1),
        }

    print(
        json.dumps(
            {
                "runs": runs,
                "later_start_exits": summary(exits),
                "record_shown": summary(shown),
                "baseline_bare_qt_process": summary(bare),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
