"""Short plain texts about a record or a dataset: the timeline's tooltip, the status line, the summary."""

from __future__ import annotations

from ajexplorer.domain.model import Dataset, Kind, Record


def tooltip(dataset: Dataset, record_id: str) -> str:
    """Title, date at its precision, then kind and place, one to a line; the id itself for an unknown id."""
    record = dataset.get(record_id)
    if record is None:
        return record_id
    detail = record.kind.label + (f" · {record.place}" if record.place else "")
    return "\n".join([record.display_title, record.when.human(), detail])


def status_line(record: Record) -> str:
    """What the status bar says while a record is selected."""
    return f"{record.kind.label}: {record.title}"


def dataset_summary(dataset: Dataset) -> str:
    """How many records of each kind, and where they come from: the status bar with nothing selected."""
    counts = ", ".join(f"{len(dataset.of_kind(kind))} {kind.value}s" for kind in Kind)
    return f"{counts} — from {dataset.info.title}"


def no_such_record(record_id: str) -> str:
    return f"There is no record with the id '{record_id}'."


#: The marks that show, wherever a record appears, that the person starred it or wrote a note on it.
STAR = "★"
NOTE_MARK = "✎"


def notebook_mark(starred: bool, noted: bool) -> str:
    """``★``, ``✎``, both, or nothing."""
    return (STAR if starred else "") + (NOTE_MARK if noted else "")
