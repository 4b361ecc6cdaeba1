"""What an export is about (:class:`ExportContext`), and records and the glossary as JSON or CSV, for use in
spreadsheets, scripts and other tools."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ajexplorer.domain.model import Dataset, GlossaryEntry, Record

#: Size in logical pixels of the timeline when no window shows one (the command line).
DEFAULT_CANVAS = (1600.0, 900.0)


# Identity, not value, equality: renderers may keep what they build for one context (a laid-out timeline)
# while it lives, and a context is compared to nothing else.
@dataclass(frozen=True, eq=False)
class ExportContext:
    """Everything an export or a print may draw on: plain data, never a window or a widget.

    The window builds one from what it shows, the command line from its options; every renderer of the
    format table (:mod:`ajexplorer.export_formats`) takes one and nothing else.
    """

    dataset: Dataset
    #: The records the search and filters leave, in data order: every record when none is active.
    records: tuple[Record, ...]
    #: The selected record's id, if any: the subject of a briefing, marked on the timeline.
    selection: str | None = None
    #: The search as typed; None when no search or filter is active (then nothing is dimmed on the timeline).
    query: str | None = None
    #: The years the timeline shows on screen, or None for the whole span from the first event to today.
    shown_range: tuple[float, float] | None = None
    #: The timeline's size on screen in logical pixels: a shown range is drawn at this size.
    canvas: tuple[float, float] = DEFAULT_CANVAS
    #: The day "ongoing" runs to.
    today: dt.date | None = None
    #: The person's notes by target (``record:ID``, ``paragraph:N``): briefings show them apart from the source.
    notes: Mapping[str, str] = field(default_factory=dict)
    #: A collection's name: a briefing then covers each of ``records`` instead of the selection.
    collection: str | None = None

    @property
    def whole_timeline(self) -> bool:
        return self.shown_range is None

    @property
    def selected(self) -> Record | None:
        return self.dataset.get(self.selection) if self.selection else None

    @property
    def matches(self) -> frozenset[str] | None:
        """The records a search left, for highlighting; None when nothing is searched or filtered."""
        return None if self.query is None else frozenset(record.id for record in self.records)

    @property
    def timeline_title(self) -> str:
        return f"{self.dataset.title}: timeline"

    @classmethod
    def of(cls, dataset: Dataset, **fields: Any) -> ExportContext:
        """A context over every record of ``dataset``, nothing searched."""
        return cls(dataset, tuple(dataset.records.values()), **fields)


#: Columns of every exported record, in order. Lists are JSON arrays, and in CSV joined with "; ".
RECORD_COLUMNS = (
    "id",
    "kind",
    "type",
    "title",
    "acronym",
    "aliases",
    "date",
    "end",
    "ongoing",
    "recurrence",
    "when",
    "place",
    "section",
    "group",
    "parent",
    "held_under",
    "documents",
    "succeeds",
    "related",
    "summary",
    "paragraphs",
    "value",
    "unit",
    "measure",
    "qualifier",
    "series",
    "subject",
)
LIST_SEPARATOR = "; "


def record_row(record: Record) -> dict[str, Any]:
    """One record as plain values: dates as ISO partial dates (``2004``, ``2004-07``), absent values None."""
    when = record.when
    return {
        "id": record.id,
        "kind": record.kind.value,
        "type": record.type,
        "title": record.title,
        "acronym": record.acronym,
        "aliases": list(record.aliases),
        "date": when.start.iso() if when.start else None,
        "end": when.end.iso() if when.end else None,
        "ongoing": when.ongoing,
        "recurrence": when.recurrence.value if when.recurrence else None,
        "when": when.human() if when.known or when.recurrence else None,
        "place": record.place,
        "section": record.section,
        "group": record.group,
        "parent": record.parent,
        "held_under": record.held_under,
        "documents": list(record.documents),
        "succeeds": record.succeeds,
        "related": list(record.related),
        "summary": record.summary,
        "paragraphs": list(record.paragraphs),
        "value": record.value,
        "unit": record.unit,
        "measure": record.measure,
        "qualifier": record.qualifier,
        "series": record.series,
        "subject": record.subject,
    }


def glossary_row(entry: GlossaryEntry) -> dict[str, Any]:
    return {
        "acronym": entry.acronym,
        "expansion": entry.expansion,
        "from_source": entry.from_source,
        "variants": list(entry.variants),
        "note": entry.note,
        "record": entry.record,
        "paragraphs": list(entry.paragraphs),
    }


def to_json(dataset: Dataset, records: Iterable[Record] | None = None) -> str:
    """The records (all, or those given) and the glossary as a JSON document, with the source's attribution."""
    chosen = dataset.records.values() if records is None else records
    document = {
        "dataset": dataset.title,
        "source": {
            "title": dataset.info.title,
            "publisher": dataset.info.publisher,
            "attribution": dataset.info.attribution,
        },
        "records": [record_row(record) for record in chosen],
        "glossary": [glossary_row(entry) for entry in dataset.glossary],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(item) for item in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    # A cell starting with = + - @ is run as a formula by spreadsheets; quote it as text.
    return f"'{text}" if text[:1] in {"=", "+", "-", "@"} and not _is_number(text) else text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def to_csv(records: Iterable[Record]) -> str:
    """One row per record with :data:`RECORD_COLUMNS`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(RECORD_COLUMNS)
    for record in records:
        row = record_row(record)
        writer.writerow([_cell(row[column]) for column in RECORD_COLUMNS])
    return buffer.getvalue()
