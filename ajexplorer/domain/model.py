"""The data model: records, glossary, source paragraphs, and a dataset that knows how they relate."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from ajexplorer.domain.dates import When

if TYPE_CHECKING:
    from ajexplorer.domain.cachefile import CacheSlot


class Kind(Enum):
    """What a record is. The order here is the order kinds are listed in the app."""

    EVENT = "event"
    MECHANISM = "mechanism"
    DOCUMENT = "document"
    PROGRAMME = "programme"
    FIGURE = "figure"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Relation(Enum):
    """How one record points at another. Labels read from the pointing record's side."""

    PARENT = "parent"
    HELD_UNDER = "held_under"
    DOCUMENT = "documents"
    SUCCEEDS = "succeeds"
    RELATED = "related"
    SUBJECT = "subject"


@dataclass(frozen=True, slots=True)
class Section:
    """One of the source's sections; records belong to one as their section."""

    id: str
    title: str


@dataclass(frozen=True, slots=True)
class Group:
    """A family of mechanisms: the value records give as ``group``, and the heading the tree shows for it."""

    id: str
    title: str


@dataclass(frozen=True, slots=True)
class Series:
    """A series of figures: the value figure records give as ``series``, and the title its chart shows."""

    id: str
    title: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    number: int
    section: str
    text: str
    footnotes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """The source document and how to attribute it."""

    title: str
    publisher: str
    file: str
    attribution: str
    as_of: str | None = None


@dataclass(frozen=True, slots=True)
class Record:
    """An event, mechanism, document, programme or figure, cited to its source paragraphs."""

    id: str
    kind: Kind
    type: str
    title: str
    section: str
    summary: str
    paragraphs: tuple[int, ...]
    when: When = field(default_factory=When)
    acronym: str | None = None
    aliases: tuple[str, ...] = ()
    place: str | None = None
    group: str | None = None
    parent: str | None = None
    held_under: str | None = None
    documents: tuple[str, ...] = ()
    succeeds: str | None = None
    related: tuple[str, ...] = ()
    value: float | None = None
    unit: str | None = None
    measure: str | None = None
    qualifier: str | None = None
    series: str | None = None
    subject: str | None = None

    @property
    def display_title(self) -> str:
        """Title with the acronym in brackets where it adds something."""
        if self.acronym and self.acronym not in self.title:
            return f"{self.title} ({self.acronym})"
        return self.title

    def references(self) -> Iterator[tuple[Relation, str]]:
        """Every outgoing link of this record, in a stable order."""
        if self.parent:
            yield Relation.PARENT, self.parent
        if self.held_under:
            yield Relation.HELD_UNDER, self.held_under
        for target in self.documents:
            yield Relation.DOCUMENT, target
        if self.succeeds:
            yield Relation.SUCCEEDS, self.succeeds
        for target in self.related:
            yield Relation.RELATED, target
        if self.subject:
            yield Relation.SUBJECT, self.subject

    def value_text(self) -> str:
        """A figure's value as written for people: ``approximately 13,500 people``."""
        if self.value is None:
            return ""
        number = f"{self.value:,.2f}".rstrip("0").rstrip(".") if self.value % 1 else f"{self.value:,.0f}"
        qualifier = {
            "approximately": "approximately ",
            "more-than": "more than ",
            "target": "target: ",
            "target-more-than": "target: more than ",
        }.get(self.qualifier or "", "")
        suffix = {"preliminary": " (preliminary)", "to-date": " (to date)", "reported": " (reported)"}.get(
            self.qualifier or "", ""
        )
        return f"{qualifier}{_with_unit(self.value, number, self.unit)}" + suffix


def _with_unit(value: float, number: str, unit: str | None) -> str:
    """``4th`` for a rank, ``1 project`` for one of a plural unit, ``12.5 USD billion`` otherwise."""
    if unit == "rank" and float(value).is_integer():
        whole = int(value)
        ending = "th" if 10 <= whole % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(whole % 10, "th")
        return f"{number}{ending}"
    if not unit:
        return number
    if value == 1 and unit.endswith("s") and not unit.endswith("ss"):
        unit = unit[:-1]  # "projects", "nations", "ASEAN Member States": one of them
    return f"{number} {unit}"


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    acronym: str
    expansion: str
    from_source: bool
    paragraphs: tuple[int, ...]
    variants: tuple[str, ...] = ()
    note: str | None = None
    record: str | None = None
    plus_partner: bool = False  # the entry is an ASEAN body meeting with the partner ("AMMTC+Japan")

    @property
    def forms(self) -> tuple[str, ...]:
        """Every written form: the acronym first, then its variants."""
        return (self.acronym, *self.variants)


@dataclass(slots=True)
class Dataset:
    """A loaded, validated dataset with the indexes the views need.

    Records keep the order of their files; the derived indexes (children, events held under a mechanism,
    records drawn from a paragraph, incoming links) are computed once here so no view recomputes them.
    """

    info: SourceInfo
    title: str
    sections: tuple[Section, ...]
    paragraphs: Mapping[int, Paragraph]
    records: Mapping[str, Record]
    glossary: tuple[GlossaryEntry, ...]
    version: str | None = None
    groups: tuple[Group, ...] = ()
    series: tuple[Series, ...] = ()
    _children: dict[str, list[str]] = field(init=False, repr=False)
    _incoming: dict[str, list[tuple[Relation, str]]] = field(init=False, repr=False)
    _by_paragraph: dict[int, list[str]] = field(init=False, repr=False)
    _glossary_by_form: dict[str, GlossaryEntry] = field(init=False, repr=False)
    #: Where what is derived from this dataset (its search index) may be cached; None: nowhere.
    cache: CacheSlot | None = field(default=None, compare=False, repr=False, kw_only=True)

    def __post_init__(self) -> None:
        self._children = defaultdict(list)
        self._incoming = defaultdict(list)
        self._by_paragraph = defaultdict(list)
        for record in self.records.values():
            for relation, target in record.references():
                self._incoming[target].append((relation, record.id))
            if record.parent:
                self._children[record.parent].append(record.id)
            for number in record.paragraphs:
                self._by_paragraph[number].append(record.id)
        self._glossary_by_form = {}
        for entry in self.glossary:
            for form in entry.forms:
                self._glossary_by_form.setdefault(form, entry)

    @property
    def section_titles(self) -> dict[str, str]:
        return {section.id: section.title for section in self.sections}

    def get(self, record_id: str) -> Record | None:
        return self.records.get(record_id)

    def of_kind(self, *kinds: Kind) -> list[Record]:
        return [record for record in self.records.values() if record.kind in kinds]

    def children(self, record_id: str) -> list[Record]:
        return [self.records[child] for child in self._children.get(record_id, ())]

    def incoming(self, record_id: str, relation: Relation | None = None) -> list[Record]:
        """Records that point at ``record_id`` (optionally by one relation), in file order."""
        return [
            self.records[source]
            for rel, source in self._incoming.get(record_id, ())
            if relation is None or rel is relation
        ]

    def events_under(self, mechanism_id: str) -> list[Record]:
        """Events held under a mechanism, in time order."""
        events = self.incoming(mechanism_id, Relation.HELD_UNDER)
        return sorted(events, key=lambda record: record.when.sort_key())

    def linked_events(self, record_id: str) -> set[str]:
        """Events tied to a record: held under it, adopting it, or linked from it."""
        record = self.records.get(record_id)
        if record is None:
            return set()
        linked = {source.id for source in self.incoming(record_id) if source.kind is Kind.EVENT}
        for _, target in record.references():
            other = self.records.get(target)
            if other is not None and other.kind is Kind.EVENT:
                linked.add(target)
        return linked

    def records_for_paragraph(self, number: int, limit: int | None = None) -> list[Record]:
        """The records citing paragraph ``number`` (the first ``limit`` of them)."""
        ids = self._by_paragraph.get(number, ())
        return [self.records[record_id] for record_id in (ids if limit is None else ids[:limit])]

    def count_for_paragraph(self, number: int) -> int:
        return len(self._by_paragraph.get(number, ()))

    def glossary_entry(self, form: str) -> GlossaryEntry | None:
        return self._glossary_by_form.get(form)
