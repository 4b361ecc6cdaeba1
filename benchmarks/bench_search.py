"""Search speed: index build time and per-keystroke latency, beside a plain substring scan of the same records.

    python benchmarks/bench_search.py [--records N]

For each real query, every prefix from two characters on is searched, as a person typing would; latencies
are reported as p50/p95 in milliseconds, on the bundled data and on N synthetic records (default 100,000).
Targets: p95 under 5 ms on the bundled data and under 16 ms at 100,000 records.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import time
from collections.abc import Callable, Sequence

from ajexplorer.domain.loading import load_dataset
from ajexplorer.domain.model import Dataset, Record
from ajexplorer.domain.search import QueryError, SearchIndex, fold
from ajexplorer.paths import data_dir
from benchmarks.synthetic import synthetic_dataset

QUERIES = (
    "TAC",
    "AMEICC",
    "integration fund",
    "disaster management",
    "Vientiane",
    "Mekong",
    "cybercrime",
    "ADMM Plus",
    "AMMTC Japan",
    "plan of action",
    "kind:event summit",
    "year:2013 anniversary",
    "place:tokyo",
    "smart cities",
    "quality infrastructure",
    "JENESYS 2019",
    "economic resilience",
    "technical cooperation",
    "Eminent Persons Group",
    "Nay Pyi Taw",
)


def prefixes(queries: Sequence[str]) -> list[str]:
    return [query[:end] for query in queries for end in range(2, len(query) + 1)]


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def latencies(run: Callable[[str], object], typed: list[str]) -> dict[str, float]:
    samples = []
    for text in typed:
        start = time.perf_counter()
        with contextlib.suppress(QueryError):  # a lone letter is a clear "keep typing", also timed
            run(text)
        samples.append((time.perf_counter() - start) * 1000)
    return {
        "p50_ms": round(statistics.median(samples), 3),
        "p95_ms": round(percentile(samples, 0.95), 3),
        "max_ms": round(max(samples), 3),
    }


def substring_scan(records: list[Record]) -> Callable[[str], object]:
    """The baseline: case-folded substring match of every word over title and summary, no ranking."""
    haystacks = [
        (record.id, fold(f"{record.title} {record.acronym or ''} {record.summary}")) for record in records
    ]

    def run(text: str) -> object:
        words = fold(text).split()
        return [rid for rid, hay in haystacks if all(word in hay for word in words)][:50]

    return run


def measure(dataset: Dataset, typed: list[str]) -> dict[str, object]:
    start = time.perf_counter()
    index = SearchIndex.from_dataset(dataset)
    build_ms = (time.perf_counter() - start) * 1000
    records = list(dataset.records.values())
    return {
        "records": len(records),
        "index_build_ms": round(build_ms, 1),
        "keystroke": latencies(lambda text: index.search(text, limit=50), typed),
        "substring_scan_baseline": latencies(substring_scan(records), typed),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=100_000)
    args = parser.parse_args()
    dataset = load_dataset(data_dir())
    typed = prefixes(QUERIES)
    bundled = measure(dataset, typed)
    large = measure(synthetic_dataset(dataset, args.records), typed)
    print(
        json.dumps(
            {
                "benchmark": "search per keystroke",
                "queries": len(QUERIES),
                "typed_prefixes": len(typed),
                "bundled": bundled,
                "synthetic": large,
                "targets": {"bundled_p95_ms": 5, "synthetic_p95_ms": 16},
                "meets_targets": bundled["keystroke"]["p95_ms"] < 5 and large["keystroke"]["p95_ms"] < 16,  # type: ignore[index]
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
