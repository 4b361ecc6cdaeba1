"""Opening dataset folders of growing size, and searching them from the shell, each beside a baseline.

    python -m benchmarks.bench_open [--sizes 270,2700] [--runs N] [--work FOLDER] [--output FILE]

The folders are cloned from the bundled data (see ``benchmarks/clones.py``: new ids, every reference valid)
into a work folder outside the repository (default: ``~/.cache/ajexplorer-bench``), built once and reused
while the bundled data is unchanged; each is checked with ``validate`` when built. The default sizes are a
quick run; ``--sizes 270,2700,27000,100000`` is the full one.

Every figure comes from a fresh interpreter, with a cache folder of its own, and is the median of ``--runs``:

- ``parse_s``: the baseline, importing PyYAML, reading every YAML file and parsing it with its C loader,
  nothing else (opening a folder imports PyYAML too: the app loads it only then);
- ``first_open_s``: loading the folder with an empty cache (full check, then the cache is written);
- ``cached_open_s``: loading it again, through the cache;
- ``peak_rss_mib`` of each of those processes;
- ``cli_search_s``: ``ajexplorer search QUERY --data FOLDER`` as a person runs it, wall clock, repeated (the
  first run fills the cache); its baseline ``fts_query_s`` is a bare SQLite FTS5 query, in its own
  interpreter, on a prebuilt index of the same records' titles and summaries; and its ratio to the same
  search on the bundled data.

Prints JSON (``--output`` also writes it to a file) that names each figure's unit, baseline and target.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.output import emit

ROOT = Path(__file__).resolve().parent.parent
BUILDER_VERSION = "1"
QUICK_SIZES = (270, 2_700)
TARGETS = {
    "first_open_ratio_to_parse": 1.5,
    "cached_open_s_at_27000": 0.5,
    "cli_search_ratio_to_bundled": 2.0,
    "peak_rss_mib_at_100000": 350,
}


# --- what runs in the measured interpreters ----------------------------------------------------------------


def _peak_rss_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024, 1)


def _worker(mode: str, folder: Path) -> None:
    """Time one thing in this fresh interpreter; print seconds and peak memory as JSON."""
    if mode == "parse":
        # PyYAML is imported inside the timing, as opening a folder imports it (the app loads it only then).
        start = time.perf_counter()
        import yaml

        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        for path in sorted([*folder.glob("*.yaml"), *(folder / "records").glob("*.yaml")]):
            yaml.load(path.read_bytes(), Loader=loader)  # noqa: S506 - a safe loader
        seconds = time.perf_counter() - start
    else:
        from ajexplorer.domain.loading import open_dataset

        start = time.perf_counter()
        open_dataset(folder)
        seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "peak_rss_mib": _peak_rss_mib()}))


# --- the parent --------------------------------------------------------------------------------------------


def _run(arguments: list[str], cache: Path) -> tuple[float, str]:
    """Wall-clock seconds of one process with its own cache folder, and its output."""
    env = {**os.environ, "AJEXPLORER_CACHE_DIR": str(cache), "PYTHONDONTWRITEBYTECODE": "1"}
    start = time.perf_counter()
    done = subprocess.run(arguments, env=env, capture_output=True, text=True, cwd=ROOT, check=False)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(arguments)} failed:\n{done.stderr}")
    return seconds, done.stdout


def _measure(mode: str, folder: Path, cache: Path) -> dict[str, float]:
    _, output = _run([sys.executable, "-m", "benchmarks.bench_open", "--worker", mode, str(folder)], cache)
    result: dict[str, float] = json.loads(output)
    return result


def _median(values: list[float], digits: int = 3) -> float:
    return round(statistics.median(values), digits)


def _fts_database(folder: Path, target: Path) -> Path:
    """A bare FTS5 index of the records' titles and summaries: the least any search from the shell does."""
    import yaml  # see _worker: imported where it is used

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    target.unlink(missing_ok=True)
    db = sqlite3.connect(target)
    db.execute("CREATE VIRTUAL TABLE fts USING fts5(id, title, summary)")
    for path in sorted((folder / "records").glob("*.yaml")):
        records = yaml.load(path.read_bytes(), Loader=loader)["records"]  # noqa: S506 - a safe loader
        db.executemany(
            "INSERT INTO fts VALUES (?, ?, ?)", [(r["id"], r["title"], r["summary"]) for r in records]
        )
    db.commit()
    db.close()
    return target


_FTS_QUERY = (
    "import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); "
    "rows = db.execute('SELECT id, title FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT 20', (sys.argv[2],))"
    ".fetchall(); print(len(rows))"
)


def _bundled_digest() -> str:
    hasher = hashlib.sha256(BUILDER_VERSION.encode())
    data = ROOT / "data"
    for path in sorted([*data.glob("*.yaml"), *(data / "records").glob("*.yaml")]):
        hasher.update(path.read_bytes())
    return hasher.hexdigest()


def clone_folder(work: Path, count: int) -> Path:
    """The cloned folder of ``count`` records, built (and validated) unless an up-to-date one exists."""
    from benchmarks.clones import build_clone

    folder = work / f"clone-{count}"
    built = folder / ".built"
    wanted = _bundled_digest()
    if built.is_file() and built.read_text(encoding="ascii") == wanted:
        return folder
    build_clone(ROOT / "data", folder, count)
    with tempfile.TemporaryDirectory() as cache:
        done = subprocess.run(
            [sys.executable, "-m", "ajexplorer", "validate", str(folder)],
            env={**os.environ, "AJEXPLORER_CACHE_DIR": cache},
            capture_output=True,
            text=True,
            check=False,
        )
    if done.returncode != 0:
        raise RuntimeError(f"the clone of {count} records does not validate:\n{done.stderr[-3000:]}")
    built.write_text(wanted, encoding="ascii")
    return folder


def measure_size(folder: Path, count: int, runs: int, query: str, scratch: Path) -> dict[str, Any]:
    parse, first, cached, search, fts = [], [], [], [], []
    fts_db = _fts_database(folder, scratch / f"fts-{count}.sqlite")
    for run in range(runs):
        cache = scratch / f"cache-{count}-{run}"
        parse.append(_measure("parse", folder, cache))
        first.append(_measure("open", folder, cache))
        cached.append(_measure("open", folder, cache))
        command = [sys.executable, "-m", "ajexplorer", "search", query, "--data", str(folder)]
        _run(command, cache)  # the first search fills the search index's cache
        search.append(_run(command, cache)[0])
        fts.append(_run([sys.executable, "-c", _FTS_QUERY, str(fts_db), query], cache)[0])
    parse_s = _median([m["seconds"] for m in parse])
    first_s = _median([m["seconds"] for m in first])
    return {
        # the folder holds whole copies of the bundled records, so a little more than asked for
        "records": sum(
            path.read_text(encoding="utf-8").count("\n- id: ") for path in (folder / "records").glob("*.yaml")
        ),
        "files_bytes": sum(path.stat().st_size for path in folder.rglob("*.yaml")),
        "parse_s": parse_s,
        "first_open_s": first_s,
        "first_open_ratio_to_parse": round(first_s / parse_s, 2),
        "cached_open_s": _median([m["seconds"] for m in cached]),
        "peak_rss_mib": {
            "parse": _median([m["peak_rss_mib"] for m in parse], 1),
            "first_open": _median([m["peak_rss_mib"] for m in first], 1),
            "cached_open": _median([m["peak_rss_mib"] for m in cached], 1),
        },
        "cli_search_s": _median(search),
        "fts_query_s": _median(fts),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes", default=",".join(map(str, QUICK_SIZES)), help="record counts, comma-separated"
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--query", default="summit")
    parser.add_argument("--work", type=Path, default=None, help="where the cloned folders are kept")
    parser.add_argument("--output", type=Path, default=None, help="also write the JSON here")
    parser.add_argument("--worker", nargs=2, metavar=("MODE", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        _worker(args.worker[0], Path(args.worker[1]))
        return
    cache_home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    work: Path = args.work or cache_home / "ajexplorer-bench"
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-open-") as scratch_name:
        scratch = Path(scratch_name)
        bundled_search = []
        for run in range(args.runs):
            command = [sys.executable, "-m", "ajexplorer", "search", args.query]
            cache = scratch / f"cache-bundled-{run}"
            _run(command, cache)
            bundled_search.append(_run(command, cache)[0])
        bundled_s = _median(bundled_search)
        for count in sizes:
            folder = clone_folder(work, count)
            result = measure_size(folder, count, args.runs, args.query, scratch)
            result["cli_search_ratio_to_bundled"] = round(result["cli_search_s"] / bundled_s, 2)
            results.append(result)
    document = {
        "benchmark": "open dataset folders",
        "description": "Open time (first, through an empty cache; then cached), peak memory and a repeated "
        "search from the shell, on folders cloned from the bundled data; baselines: parsing the same YAML "
        "with PyYAML's C loader, a bare SQLite FTS5 query, the same search on the bundled data.",
        "command": "python -m benchmarks.bench_open --sizes " + ",".join(map(str, sizes)),
        "units": {"*_s": "seconds, median of runs", "peak_rss_mib": "MiB, peak resident set of the process"},
        "runs": args.runs,
        "query": args.query,
        "python": platform.python_version(),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs",
        "bundled_cli_search_s": bundled_s,
        "targets": TARGETS,
        "sizes": results,
    }
    emit(document, args.output)


if __name__ == "__main__":
    main()
