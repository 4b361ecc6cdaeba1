"""The notebook with 10,000 notes: opening it, and saving a note as the person types, beside a bare SQLite insert.

    python -m benchmarks.bench_notebook [--notes N] [--saves N] [--repeat N]

Prints JSON. ``load_ms``: opening the notebook file (integrity check, schema, reading every note, collection
and saved search into memory), median and best of ``--repeat`` opens. ``note_save_ms``: one keystroke's write
(:meth:`Notebook.set_text` on a note of a few hundred characters, committed in WAL mode), median, p95 and max
of ``--saves`` writes. The baseline, measured in the same run on the same disk: a bare ``INSERT OR REPLACE``
of the same text into a one-table SQLite database in WAL mode with the same synchronous setting, committed
each time; and for the load, a bare ``SELECT *`` of the notes table with the same connection opened. The last
figure is the ratio of the notebook's save p95 to the bare insert's.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from ajexplorer.domain.notebook import NOTEBOOK_FILE, Notebook, paragraph_target, record_target

WORDS = [
    "summit",
    "partnership",
    "follow-up",
    "funding",
    "youth",
    "exchange",
    "figures",
    "preliminary",
    "vision",
    "statement",
    "ministers",
    "connectivity",
    "disaster",
    "resilience",
    "health",
    "coverage",
    "trade",
    "investment",
    "ask",
    "desk",
    "officer",
    "compare",
    "paragraph",
]


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def summary(samples: list[float]) -> dict[str, float]:
    return {
        "median": round(statistics.median(samples), 3),
        "p95": round(p95(samples), 3),
        "max": round(max(samples), 3),
    }


def fill(path: Path, notes: int, chance: random.Random) -> None:
    """A notebook of ``notes`` notes (a tenth starred, a few on paragraphs), 20 collections, 20 searches."""
    notebook = Notebook.open(path)
    assert notebook._db is not None
    db = notebook._db
    db.execute("BEGIN")
    for number in range(notes):
        target = paragraph_target(number // 50 + 1) if number % 50 == 0 else record_target(f"record-{number}")
        text = " ".join(chance.choices(WORDS, k=chance.randint(5, 80)))
        db.execute(
            "INSERT OR REPLACE INTO notes (target, text, starred, title, created, modified) "
            "VALUES (?, ?, ?, ?, '2026-01-01', '2026-01-01')",
            (target, text, int(number % 10 == 0), f"Record {number}"),
        )
    db.execute("COMMIT")
    notebook.close()
    notebook = Notebook.open(path)
    for number in range(20):
        notebook.create_collection(f"Collection {number}")
        for item in range(25):
            notebook.add_to_collection(f"Collection {number}", record_target(f"record-{number * 25 + item}"))
        notebook.save_search(f"Search {number}", f"{WORDS[number]} year:2010..2020")
    notebook.close()


def bare_inserts(folder: Path, texts: list[str]) -> list[float]:
    db = sqlite3.connect(folder / "bare.sqlite3", isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("CREATE TABLE notes (target TEXT PRIMARY KEY, text TEXT)")
    samples = []
    for text in texts:
        start = time.perf_counter()
        db.execute("INSERT OR REPLACE INTO notes VALUES ('record:typed', ?)", (text,))
        samples.append((time.perf_counter() - start) * 1000)
    db.close()
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--saves", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    chance = random.Random(19)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        path = folder / NOTEBOOK_FILE
        fill(path, args.notes, chance)
        bare_reads = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            db = sqlite3.connect(path)
            db.execute("SELECT * FROM notes").fetchall()
            db.close()
            bare_reads.append((time.perf_counter() - start) * 1000)
        loads = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            notebook = Notebook.open(path)
            loads.append((time.perf_counter() - start) * 1000)
            notebook.close()
        note = " ".join(chance.choices(WORDS, k=60))
        texts = [note[: 40 + index % (len(note) - 40)] for index in range(args.saves)]
        notebook = Notebook.open(path)
        saves = []
        for text in texts:
            start = time.perf_counter()
            notebook.set_text(record_target("typed"), text, "The record being written about")
            saves.append((time.perf_counter() - start) * 1000)
        count = len(notebook.notes())
        notebook.close()
        bare = bare_inserts(folder, texts)
        size = path.stat().st_size
    print(
        json.dumps(
            {
                "benchmark": "notebook load and note save",
                "notes": count,
                "file_bytes": size,
                "load_ms": {"median": round(statistics.median(loads), 2), "best": round(min(loads), 2)},
                "baseline_bare_select_ms": {
                    "median": round(statistics.median(bare_reads), 2),
                    "best": round(min(bare_reads), 2),
                },
                "note_save_ms": summary(saves),
                "baseline_bare_insert_ms": summary(bare),
                "save_p95_ratio": round(p95(saves) / p95(bare), 2),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
