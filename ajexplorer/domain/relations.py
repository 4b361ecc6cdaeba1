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
        ("Part of", resolve([record.parent])),
        ("Held under", resolve([record.held_under])),
        ("Contains", dataset.children(record.id)),
        ("Events held under it", dataset.events_under(record.id)),
        ("Documents", resolve(record.documents)),
        (
            QT_TRANSLATE_NOOP("Relations", "Adopted, signed or endorsed at"),
            sorted(incoming[Relation.DOCUMENT], key=lambda other: other.when.sort_key()),
        ),
        ("Succeeds", resolve([record.succeeds])),
        ("Succeeded by", incoming[Relation.SUCCEEDS]),
        ("Measures", resolve([record.subject])),
        ("Figures", incoming[Relation.SUBJECT]),
    ]
    shown = {record.id}
    for _, others in groups:
        shown.update(other.id for other in others)
    related = [r for r in [*resolve(record.related), *incoming[Relation.RELATED]] if r.id not in shown]
    groups.append(("Related", list({r.id: r for r in related}.values())))
    return [(label, others) for label, others in groups if others]
