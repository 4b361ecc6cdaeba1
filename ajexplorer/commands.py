"""What the command line's subcommands do: validate, export and search. Imported only when one is run, so
that opening the window loads none of it."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from ajexplorer.domain.errors import DataError
from ajexplorer.domain.export import ExportContext
from ajexplorer.domain.loading import open_dataset, write_stamp
from ajexplorer.domain.model import Dataset, Kind, Record
from ajexplorer.domain.search import Filters, QueryError, SearchIndex, open_index
from ajexplorer.export_formats import ExportFormat, Scope, format_named


class UsageError(Exception):
    """A command line that cannot be carried out as given (exit code 2)."""


def _write(stream: TextIO | None, text: str) -> None:
    """Write if there is a console: a windowed build has no stdout or stderr at all."""
    if stream is not None:
        stream.write(text)
        stream.flush()


def _data_dir() -> Path:
    from ajexplorer.paths import data_dir  # noqa: PLC0415 - resolved only when needed

    return data_dir()


def _load(folder: Path | None) -> Dataset:
    return open_dataset(folder or _data_dir())


def _report(error: DataError) -> None:
    _write(sys.stderr, error.summary() + "\n")


def run_validate(folder: Path | None, stamp: bool = False) -> int:
    """Always the full check, schema included, whatever the folder's stamp says."""
    from ajexplorer.paths import data_dir, schema_dir  # noqa: PLC0415

    target = folder or data_dir()
    try:
        dataset = open_dataset(target, trust_stamp=False)
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


def run_export(
    fmt: str,
    output: Path | None,
    folder: Path | None,
    query: str | None = None,
    kinds: Sequence[str] = (),
    record_id: str | None = None,
) -> int:
    """Exit 0 when written, 1 for data that does not load or a file that cannot be written, 2 for bad usage."""
    chosen = format_named(fmt)
    if chosen.scope is Scope.BRIEFING and not record_id:
        _write(sys.stderr, f"ajexplorer export: error: --format {fmt} needs --record ID\n")
        return 2
    if chosen.scope is Scope.BRIEFING and (query is not None or kinds):
        _write(sys.stderr, f"ajexplorer export: error: --query and --kind do not apply to --format {fmt}\n")
        return 2
    try:
        dataset = _load(folder)
    except DataError as error:
        _report(error)
        return 1
    try:
        context = export_context(dataset, chosen, query, kinds, record_id)
        if chosen.drawn_by_qt:
            _start_qt()
        data = chosen.render(context)
    except UsageError as error:
        _write(sys.stderr, f"ajexplorer export: error: {error}\n")
        return 2
    if output is None:
        _write_bytes(data)
        return 0
    try:
        output.write_bytes(data)
    except OSError as error:
        _write(sys.stderr, f"cannot write {output}: {error.strerror or error}\n")
        return 1
    _write(sys.stderr, f"wrote {chosen.describe(context)} to {output}\n")
    return 0


def export_context(
    dataset: Dataset, fmt: ExportFormat, query: str | None, kinds: Sequence[str], record_id: str | None
) -> ExportContext:
    """What the command line's options ask to export; raises UsageError for an unusable request.

    ``--record`` is the briefing's subject, the one record of a records or events export, and the record
    marked on the timeline. The timeline is drawn whole.
    """
    if record_id is not None and record_id not in dataset.records:
        raise UsageError(f"no record with id {record_id!r}")
    records = records_in_view(dataset, query, kinds)
    if record_id is not None and fmt.scope in {Scope.RECORDS, Scope.EVENTS}:
        records = [record for record in records if record.id == record_id]
    searched = query if query is not None else ("" if kinds else None)
    return ExportContext(dataset, tuple(records), record_id, query=searched, today=dt.date.today())


def _start_qt() -> None:
    """An application for Qt to draw with: offscreen, so no window or display is needed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ajexplorer.gui.app import application  # noqa: PLC0415 - Qt loads only for the drawn formats

    application()


def records_in_view(dataset: Dataset, query: str | None = None, kinds: Sequence[str] = ()) -> list[Record]:
    """The records a search and kind filter leave, in data order, as the window shows them."""
    wanted = frozenset(Kind(value) for value in kinds)
    if query is None or not query.strip():
        return [r for r in dataset.records.values() if not wanted or r.kind in wanted]
    index = SearchIndex.from_dataset(dataset, dt.date.today())
    try:
        matches = index.matching_ids(query, Filters(kinds=wanted))
    except QueryError as error:
        raise UsageError(f"invalid query: {error}") from error
    return [record for record in dataset.records.values() if record.id in matches]


def _write_bytes(data: bytes) -> None:
    """Standard output as the exported bytes (text as UTF-8), whatever the console's encoding."""
    stream = sys.stdout
    if stream is None:
        return
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        _write(stream, data.decode("utf-8", errors="replace"))
        return
    stream.flush()
    buffer.write(data)
    buffer.flush()


def run_search(query: str, limit: int, as_json: bool, folder: Path | None) -> int:
    """Exit 0 with results, 1 with none, 2 for a query that cannot mean anything."""
    try:
        index = open_index(folder or _data_dir())
    except DataError as error:
        _report(error)
        return 2
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


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def run(args: argparse.Namespace) -> int:
    """Carry out the parsed subcommand."""
    try:
        if args.command == "validate":
            return run_validate(args.folder or args.validate_data or args.data, args.stamp)
        if args.command == "export":
            return run_export(
                args.format,
                args.output,
                args.export_data or args.data,
                args.query,
                args.kinds or (),
                args.record,
            )
        return run_search(" ".join(args.query), args.limit, args.json, args.search_data or args.data)
    except BrokenPipeError:
        # The reader stopped reading (``| head``) and has what it wanted. Standard output goes nowhere from
        # here, so that Python's own flush at exit cannot fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
