"""A one-record briefing: the record, its relations both ways, the cited source text and the acronyms used.

:func:`build_briefing` gathers it as plain data (a view may render it as it likes); :func:`briefing_markdown`
writes it as Markdown. Every piece of data text is escaped, so a title or summary cannot add markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace

from ajexplorer.domain.model import Dataset, GlossaryEntry, Kind, Record, SourceInfo
from ajexplorer.domain.relations import relation_groups

# CommonMark lets any ASCII punctuation be escaped with a backslash; these are the ones that can start
# emphasis, links, code, HTML, tables, strikethrough, entities or a heading's closing marks anywhere in a line.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#])")
# At the start of a line these begin a list item, a thematic break or a setext underline ("-5" does not).
_LINE_START_SPECIAL = re.compile(r"^([-+=](?=[\s=+-]|$))")
_ORDERED_ITEM = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Citation:
    """Paragraphs of the source a fact is drawn from."""

    source_title: str
    publisher: str
    paragraphs: tuple[int, ...]

    @property
    def paragraph_text(self) -> str:
        """``paragraph 3`` or ``paragraphs 3, 7``."""
        label = "paragraph" if len(self.paragraphs) == 1 else "paragraphs"
        return f"{label} {', '.join(map(str, self.paragraphs))}"

    def text(self) -> str:
        """``ASEAN Secretariat, "Overview of ASEAN-Japan Dialogue Relations", paragraphs 3, 7.``"""
        return f'{self.publisher}, "{self.source_title}", {self.paragraph_text}.'


@dataclass(frozen=True, slots=True)
class RelatedItem:
    record_id: str
    title: str
    when: str
    citation: Citation
    #: A figure's value as written (``approximately 13,500 people``), so it stands in the briefing on what it
    #: measures; empty for other records.
    value: str = ""


@dataclass(frozen=True, slots=True)
class RelationGroup:
    """Related records under one readable label, such as "Events held under it"."""

    label: str
    items: tuple[RelatedItem, ...]


@dataclass(frozen=True, slots=True)
class Quote:
    """A cited source paragraph, as written."""

    number: int
    section: str
    text: str
    footnotes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class UsedAcronym:
    """A glossary entry and the forms of it the briefing writes (the acronym itself always first)."""

    entry: GlossaryEntry
    forms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Briefing:
    """Everything a briefing on one record shows, as plain text (not yet escaped for any format)."""

    record_id: str
    title: str
    facts: tuple[tuple[str, str], ...]
    summary: str
    groups: tuple[RelationGroup, ...]
    citation: Citation
    quotes: tuple[Quote, ...]
    glossary: tuple[UsedAcronym, ...]
    attribution: str
    #: The person's own notes on the record and its paragraphs: (what it is on, the text as typed).
    notes: tuple[tuple[str, str], ...] = ()


def build_briefing(dataset: Dataset, record_id: str, notes: Mapping[str, str] | None = None) -> Briefing:
    """The briefing on ``record_id``; raises KeyError for an id the dataset does not have."""
    record = dataset.records.get(record_id)
    if record is None:
        raise KeyError(record_id)
    info = dataset.info
    groups = tuple(
        RelationGroup(label, tuple(_item(info, other) for other in others))
        for label, others in relation_groups(dataset, record)
    )
    sections = dataset.section_titles
    quotes = tuple(
        Quote(number, sections.get(paragraph.section, paragraph.section), paragraph.text, paragraph.footnotes)
        for number in sorted(set(record.paragraphs))
        if (paragraph := dataset.paragraphs.get(number)) is not None
    )
    briefing = Briefing(
        record_id=record.id,
        title=record.display_title,
        facts=_facts(dataset, record),
        summary=record.summary,
        groups=groups,
        citation=_citation(info, record),
        quotes=quotes,
        glossary=(),
        attribution=info.attribution,
        notes=_notes_on(record, notes or {}),
    )
    return replace(briefing, glossary=acronyms_used(dataset.glossary, _texts(briefing)))


def _notes_on(record: Record, notes: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """The person's notes on the record, then on each of its paragraphs (targets as the notebook writes them)."""
    found = []
    if (text := notes.get(f"record:{record.id}", "")).strip():
        found.append(("On this record", text))
    for number in sorted(set(record.paragraphs)):
        if (text := notes.get(f"paragraph:{number}", "")).strip():
            found.append((f"On paragraph {number}", text))
    return tuple(found)


def briefing_markdown(dataset: Dataset, record_id: str, notes: Mapping[str, str] | None = None) -> str:
    """The briefing on ``record_id`` as Markdown, with the person's ``notes`` (by notebook target) in a section
    of their own; raises KeyError for an unknown id."""
    return render_markdown(build_briefing(dataset, record_id, notes))


def collection_markdown(
    dataset: Dataset, name: str, records: Iterable[Record], notes: Mapping[str, str] | None = None
) -> str:
    """A collection as one briefing: its name, a list of its records, then each record's briefing a heading
    level down."""
    chosen = list(records)
    lines = [
        f"# {escape_markdown(name)}",
        "",
        f"A collection of {len(chosen)} record{'s' * (len(chosen) != 1)}:",
        "",
    ]
    lines.extend(
        f"{number}. {escape_markdown(record.display_title)}" for number, record in enumerate(chosen, 1)
    )
    lines.append("")
    parts = ["\n".join(lines)]
    parts.extend(render_markdown(build_briefing(dataset, record.id, notes), level=2) for record in chosen)
    return "\n".join(parts)


def render_markdown(briefing: Briefing, level: int = 1) -> str:
    """``level`` is the depth of the title's heading: 2 inside a collection's briefing."""
    h1, h2, h3 = ("#" * (level + depth) for depth in range(3))
    lines = [f"{h1} {escape_markdown(briefing.title)}", ""]
    lines.extend(f"- **{name}:** {escape_markdown(value)}" for name, value in briefing.facts)
    lines.append("")
    if briefing.summary.strip():
        lines.extend([escape_markdown(briefing.summary), ""])
    if briefing.notes:
        # The person's words, never quoted like the source: a heading of their own, escaped, no block quotes.
        lines.extend([f"{h2} Your notes", "", "_Written by you in AJ Explorer; not part of the source._", ""])
        for label, text in briefing.notes:
            lines.extend([f"**{label}:**", ""])
            for block in re.split(r"\n\s*\n", text.strip()):
                rows = [escape_markdown(row) for row in block.splitlines() if row.strip()]
                lines.extend(["\\\n".join(rows), ""])
    if briefing.groups:
        lines.extend([f"{h2} Relations", ""])
        for group in briefing.groups:
            lines.extend([f"{h3} {escape_markdown(group.label)}", ""])
            for item in group.items:
                when = f" ({escape_markdown(item.when)})" if item.when else ""
                value = f": **{escape_markdown(item.value)}**;" if item.value else ":"
                source = escape_markdown(item.citation.paragraph_text)
                lines.append(f"- {escape_markdown(item.title)}{when}{value} source {source}")
            lines.append("")
    lines.extend([f"{h2} Sources", ""])
    lines.append(f"- This record: {escape_markdown(briefing.citation.text())}")
    cited = {briefing.record_id}
    for group in briefing.groups:
        for item in group.items:
            if item.record_id in cited:
                continue
            cited.add(item.record_id)
            lines.append(f"- {escape_markdown(item.title)}: {escape_markdown(item.citation.text())}")
    lines.append("")
    if briefing.quotes:
        lines.extend([f"{h2} Source text", ""])
        for quote in briefing.quotes:
            lines.append(f"Paragraph {quote.number} ({escape_markdown(quote.section)}):")
            lines.append("")
            lines.append(f"> {escape_markdown(quote.text)}")
            for note in quote.footnotes:
                lines.extend([">", f"> Note: {escape_markdown(note)}"])
            lines.append("")
    if briefing.glossary:
        lines.extend([f"{h2} Glossary", ""])
        for used in briefing.glossary:
            forms = ", ".join(f"**{escape_markdown(form)}**" for form in used.forms)
            mark = "" if used.entry.from_source else " (expansion not given in the source)"
            lines.append(f"- {forms}: {escape_markdown(used.entry.expansion)}{mark}")
        lines.append("")
    lines.append(f"_{escape_markdown(briefing.attribution)}_")
    return "\n".join(lines) + "\n"


def escape_markdown(text: str) -> str:
    """Data text as literal Markdown on one line: whitespace collapsed, every markup character escaped."""
    flat = _SPACES.sub(" ", text).strip()
    escaped = _INLINE_SPECIAL.sub(r"\\\1", flat)
    escaped = _LINE_START_SPECIAL.sub(r"\\\1", escaped)
    return _ORDERED_ITEM.sub(r"\1\\\2", escaped)


def acronyms_used(glossary: Iterable[GlossaryEntry], texts: Iterable[str]) -> tuple[UsedAcronym, ...]:
    """Glossary entries with a form written in ``texts`` as a whole word, in glossary order."""
    joined = "\n".join(texts)
    found: list[UsedAcronym] = []
    for entry in glossary:
        written = [form for form in entry.forms if _written(form, joined)]
        if written:
            forms = (entry.acronym, *(form for form in written if form != entry.acronym))
            found.append(UsedAcronym(entry, forms))
    return tuple(found)


def _written(form: str, text: str) -> bool:
    # Acronyms are matched as written (case matters: "IT" is not "it"); hyphens and "+" bound a word.
    return re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text) is not None


def _facts(dataset: Dataset, record: Record) -> tuple[tuple[str, str], ...]:
    facts = [("Kind", f"{record.kind.label} ({record.type.replace('-', ' ')})")]
    if record.acronym:
        facts.append(("Acronym", record.acronym))
    if record.aliases:
        facts.append(("Also called", "; ".join(record.aliases)))
    if record.when.known or record.when.recurrence:
        facts.append(("When", record.when.human()))
    else:
        facts.append(("When", "date not given"))
    if record.place:
        facts.append(("Place", record.place))
    if record.kind is Kind.FIGURE and record.value is not None:
        facts.append(("Value", record.value_text()))
        if record.measure:
            facts.append(("Measures", record.measure))
    facts.append(("Section", dataset.section_titles.get(record.section, record.section)))
    return tuple(facts)


def _citation(info: SourceInfo, record: Record) -> Citation:
    return Citation(info.title, info.publisher, tuple(sorted(set(record.paragraphs))))


def _item(info: SourceInfo, record: Record) -> RelatedItem:
    when = record.when.human() if record.when.known or record.when.recurrence else ""
    return RelatedItem(record.id, record.display_title, when, _citation(info, record), record.value_text())


def _texts(briefing: Briefing) -> Iterator[str]:
    """Every piece of text the briefing shows, glossary aside."""
    yield briefing.title
    for name, value in briefing.facts:
        yield name
        yield value
    yield briefing.summary
    for group in briefing.groups:
        yield group.label
        for item in group.items:
            yield item.title
            yield item.when
            yield item.value
            yield item.citation.text()
    yield briefing.citation.text()
    for quote in briefing.quotes:
        yield quote.section
        yield quote.text
        yield from quote.footnotes
    yield briefing.attribution
