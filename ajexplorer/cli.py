"""The command line: ``validate``, ``export`` and ``--version``; with no command, the window opens."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from ajexplorer import APP_NAME, __version__
from ajexplorer.domain.errors import DataError
from ajexplorer.domain.export import to_csv, to_json
from ajexplorer.domain.loading import load_dataset, write_stamp
from ajexplorer.domain.model import Dataset, Kind
from ajexplorer.domain.search import QueryError, SearchIndex


def _write(stream: TextIO | None, text: str) -> None:
    """Write if there is a console: a windowed build has no stdout or stderr at all."""
    if stream is not None:
        stream.write(text)
        stream.flush()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ajexplorer",
        description=f"{APP_NAME}: explore ASEAN-Japan dialogue relations, every fact cited to its source.",
        epilog="With no command, the window opens.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--data", type=Path, metavar="DIR", help="open another dataset folder")
    parser.add_argument("--open", metavar="ID", dest="open_id", help="start with this record selected")
    parser.add_argument(
        "--smoke-test", action="store_true", help="open the window, exercise it once, report and exit"
    )
    parser.add_argument("--report-startup", action="store_true", help=argparse.SUPPRESS)  # for benchmarks
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    validate = commands.add_parser(
        "validate", help="check a dataset and list every problem", description="Check a dataset folder."
    )
    validate.add_argument(
        "folder", nargs="?", type=Path, metavar="DIR", help="dataset folder (default: bundled)"
    )
    validate.add_argument(
        "--stamp", action="store_true", help="when valid, record it so loading may skip the schema check"
    )

    export = commands.add_parser("export", help="write every record as JSON or CSV")
    export.add_argument("--format", choices=("json", "csv"), default="json")
    export.add_argument("--output", "-o", type=Path, metavar="FILE", help="write here instead of stdout")
    export.add_argument("--data", type=Path, metavar="DIR", dest="export_data", help="dataset folder")

    search = commands.add_parser(
        "search",
        help="search the records and print the ranked results",
        description="Search titles, acronyms, summaries, places, the glossary and the source. "
        'Fields: kind:event pillar:economic year:2013 year:2010..2015 place:tokyo; "quoted phrases".',
    )
    search.add_argument("query", nargs="+", help="what to look for")
    search.add_argument("--json", action="store_true", help="print JSON instead of text")
    search.add_argument("--limit", type=int, default=10, metavar="N", help="at most N results (default 10)")
    search.add_argument("--data", type=Path, metavar="DIR", dest="search_data", help="dataset folder")
    return parser


def _load(folder: Path | None) -> Dataset:
    if folder is None:
        from ajexplorer.paths import data_dir  # noqa: PLC0415 - resolved only when needed

        folder = data_dir()
    return load_dataset(folder)


def _report(error: DataError) -> None:
    _write(sys.stderr, error.summary() + "\n")


def run_validate(folder: Path | None, stamp: bool = False) -> int:
    """Always the full check, schema included, whatever the folder's stamp says."""
    from ajexplorer.paths import data_dir, schema_dir  # noqa: PLC0415

    target = folder or data_dir()
    try:
        dataset = load_dataset(target, trust_stamp=False)
        if stamp:
            written = write_stamp(target, schema_dir())
            _write(sys.stderr, f"stamped {written}\n")
    except DataError as error:
        _report(error)
        return 1
    counts = ", ".join(_count(len(dataset.of_kind(kind)), kind.value) for kind in Kind)
    _write(
        sys.stdout,
        f"OK: {counts}, {len(dataset.glossary)} glossary entries, "
        f"{len(dataset.paragraphs)} source paragraphs\n",
    )
    return 0


def run_export(fmt: str, output: Path | None, folder: Path | None) -> int:
    try:
        dataset = _load(folder)
    except DataError as error:
        _report(error)
        return 1
    text = to_json(dataset) if fmt == "json" else to_csv(dataset.records.values())
    if output is None:
        _write(sys.stdout, text)
        return 0
    try:
        output.write_text(text, encoding="utf-8", newline="")
    except OSError as error:
        _write(sys.stderr, f"cannot write {output}: {error.strerror}\n")
        return 1
    _write(sys.stderr, f"wrote {len(dataset.records)} records to {output}\n")
    return 0


def run_search(query: str, limit: int, as_json: bool, folder: Path | None) -> int:
    """Exit 0 with results, 1 with none, 2 for a query that cannot mean anything."""
    try:
        dataset = _load(folder)
    except DataError as error:
        _report(error)
        return 2
    index = SearchIndex.from_dataset(dataset)
    try:
        result = index.search(query, limit=max(limit, 1))
    except QueryError as error:
        _write(sys.stderr, f"invalid query: {error}\n")
        return 2
    if as_json:
        document = {
            "query": query,
            "total": result.total,
            "results": [
                {
                    "id": hit.record_id,
                    "kind": hit.kind.value,
                    "title": hit.title,
                    "when": hit.when,
                    "score": round(hit.score, 4),
                    "typo": hit.fuzzy,
                    "snippet": hit.snippet_text,
                }
                for hit in result.hits
            ],
            "suggestions": result.suggestions,
        }
        _write(sys.stdout, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        for hit in result.hits:
            when = f" ({hit.when})" if hit.when else ""
            _write(sys.stdout, f"{hit.record_id}\t{hit.kind.value}\t{hit.score:.2f}\t{hit.title}{when}\n")
            _write(sys.stdout, f"    {hit.snippet_text}\n")
        if not result.hits:
            hint = f" Did you mean: {', '.join(result.suggestions)}?" if result.suggestions else ""
            _write(sys.stderr, f"No results.{hint}\n")
    return 0 if result.hits else 1


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "validate":
        return run_validate(args.folder or args.data, args.stamp)
    if args.command == "export":
        return run_export(args.format, args.output, args.export_data or args.data)
    if args.command == "search":
        return run_search(" ".join(args.query), args.limit, args.json, args.search_data or args.data)
    if args.smoke_test:
        from ajexplorer.gui.smoke import run_smoke_test  # noqa: PLC0415 - Qt loads only when needed

        return run_smoke_test(args.data)
    from ajexplorer.gui.app import run_gui  # noqa: PLC0415 - Qt loads only when the window is wanted

    return run_gui(data_folder=args.data, open_id=args.open_id, report_startup=args.report_startup)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
