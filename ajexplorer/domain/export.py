"""Export records and the glossary as JSON or CSV, for use in spreadsheets, scripts and other tools."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from ajexplorer.domain.model import Dataset, GlossaryEntry, Record

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
    "pillar",
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
        "pillar": record.pillar,
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
