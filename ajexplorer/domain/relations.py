"""How one record relates to the others, both ways, under the labels every view and export uses."""

from __future__ import annotations

from collections.abc import Iterable

from ajexplorer.domain.i18n import QT_TRANSLATE_NOOP
from ajexplorer.domain.model import Dataset, Record, Relation


def relation_groups(dataset: Dataset, record: Record) -> list[tuple[str, list[Record]]]:
    """Linked records under readable labels, both directions, each listed once; empty groups left out."""

    def resolve(ids: Iterable[str | None]) -> list[Record]:
        return [other for other in (dataset.get(i) for i in ids if i) if other is not None]

    incoming = {relation: dataset.incoming(record.id, relation) for relation in Relation}
    groups: list[tuple[str, list[Record]]] = [
        (QT_TRANSLATE_NOOP("Relations", "Part of"), resolve([record.parent])),
        (QT_TRANSLATE_NOOP("Relations", "Held under"), resolve([record.held_under])),
        (QT_TRANSLATE_NOOP("Relations", "Contains"), dataset.children(record.id)),
        (QT_TRANSLATE_NOOP("Relations", "Events held under it"), dataset.events_under(record.id)),
        (QT_TRANSLATE_NOOP("Relations", "Documents"), resolve(record.documents)),
        (
            QT_TRANSLATE_NOOP("Relations", "Adopted, signed or endorsed at"),
            sorted(incoming[Relation.DOCUMENT], key=lambda other: other.when.sort_key()),
        ),
        (QT_TRANSLATE_NOOP("Relations", "Succeeds"), resolve([record.succeeds])),
        (QT_TRANSLATE_NOOP("Relations", "Succeeded by"), incoming[Relation.SUCCEEDS]),
        (QT_TRANSLATE_NOOP("Relations", "Measures"), resolve([record.subject])),
        (QT_TRANSLATE_NOOP("Relations", "Figures"), incoming[Relation.SUBJECT]),
    ]
    shown = {record.id}
    for _, others in groups:
        shown.update(other.id for other in others)
    related = [r for r in [*resolve(record.related), *incoming[Relation.RELATED]] if r.id not in shown]
    groups.append((QT_TRANSLATE_NOOP("Relations", "Related"), list({r.id: r for r in related}.values())))
    return [(label, others) for label, others in groups if others]
