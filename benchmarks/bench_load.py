"""Loading the bundled dataset, beside a baseline that only reads and parses the same files.

    python benchmarks/bench_load.py [--repeat N]

Prints JSON: median and best times in milliseconds for the load from a checkout (parse, semantic checks,
model; the JSON Schema check is skipped while the data's stamp is current), for the load a frozen build does
(digest of the files, then the checked cache written at build time), for the load with the schema check
forced, and for the baseline (read bytes and yaml.load with the C loader), and the ratios to the last. Target:
the load from the files with every check, the JSON Schema check included, within 1.5 times the baseline.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import yaml

from ajexplorer.domain.loading import CACHE_FILE, digest, load_dataset, read_cache, write_cache
from ajexplorer.paths import data_dir, schema_dir

TARGET_RATIO = 1.5


def baseline(folder: Path) -> int:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    count = 0
    for path in sorted([*folder.glob("*.yaml"), *(folder / "records").glob("*.yaml")]):
        document = yaml.load(path.read_bytes(), Loader=loader)  # noqa: S506 - a safe loader
        count += len(document) if document else 0
    return count


def timed(function: object, repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()  # type: ignore[operator]
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    folder = data_dir()
    if (folder / CACHE_FILE).exists():
        parser.error(f"{folder / CACHE_FILE} exists: a checkout's load would read it; remove it first")
    load_dataset(folder)  # warm caches: schema compilation, imports
    full = timed(lambda: load_dataset(folder), args.repeat)
    with tempfile.TemporaryDirectory() as scratch:
        frozen = Path(scratch) / "data"
        shutil.copytree(folder, frozen)
        write_cache(frozen, schema_dir(), frozen / CACHE_FILE)
        cached = timed(lambda: read_cache(frozen, digest(frozen, schema_dir())), args.repeat)
    unstamped = timed(lambda: load_dataset(folder, trust_stamp=False), args.repeat)
    base = timed(lambda: baseline(folder), args.repeat)
    dataset = load_dataset(folder)
    checked_ratio = statistics.median(unstamped) / statistics.median(base)
    print(
        json.dumps(
            {
                "benchmark": "load bundled dataset",
                "records": len(dataset.records),
                "files_bytes": sum(p.stat().st_size for p in folder.rglob("*.yaml")),
                "load_ms": {"median": round(statistics.median(full), 2), "best": round(min(full), 2)},
                "frozen_cached_load_ms": {
                    "median": round(statistics.median(cached), 2),
                    "best": round(min(cached), 2),
                },
                "load_with_schema_check_ms": {
                    "median": round(statistics.median(unstamped), 2),
                    "best": round(min(unstamped), 2),
                },
                "baseline_read_and_parse_ms": {
                    "median": round(statistics.median(base), 2),
                    "best": round(min(base), 2),
                },
                "ratio_median": round(statistics.median(full) / statistics.median(base), 2),
                "cached_ratio_median": round(statistics.median(cached) / statistics.median(base), 2),
                "checked_ratio_median": round(checked_ratio, 2),
                "target_checked_ratio": TARGET_RATIO,
                "meets_target": checked_ratio <= TARGET_RATIO,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
