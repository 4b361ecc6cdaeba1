"""Short plain texts about a record or a dataset: the timeline's tooltip, the status line, the summary."""

from __future__ import annotations

from ajexplorer.domain.i18n import translate
from ajexplorer.domain.model import Dataset, Kind, Record
from ajexplorer.presentation.words import kind_label, kinds_count, when_text


def tooltip(dataset: Dataset, record_id: str) -> str:
    """Title, date at its precision, then kind and place, one to a line; the id itself for an unknown id."""
    record = dataset.get(record_id)
    if record is None:
        return record_id
    detail = kind_label(record.kind) + (f" · {record.place}" if record.place else "")
    return "\n".join([record.display_title, when_text(record.when), detail])


def status_line(record: Record) -> str:
    """What the status bar says while a record is selected."""
    return translate("Status", "{kind}: {title}").format(kind=kind_label(record.kind), title=record.title)


def dataset_summary(dataset: Dataset) -> str:
    """How many records of each kind, and where they come from: the status bar with nothing selected."""
    counts = translate("Status", ", ").join(kinds_count(kind, len(dataset.of_kind(kind))) for kind in Kind)
    return translate("Status", "{counts} — from {source}").format(counts=counts, source=dataset.info.title)


def no_such_record(record_id: str) -> str:
    return translate("Status", "There is no record with the id '{id}'.").format(id=record_id)


#: The marks that show, wherever a record appears, that the person starred it or wrote a note on it.
STAR = "★"
NOTE_MARK = "✎"


def notebook_mark(starred: bool, noted: bool) -> str:
    """``★``, ``✎``, both, or nothing."""
    return (STAR if starred else "") + (NOTE_MARK if noted else "")
