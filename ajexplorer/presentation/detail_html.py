"""The detail pane's and source view's HTML, built from escaped data only.

Every piece of data passes through :func:`html.escape` before it is placed in markup, so a title containing
``<b>`` or ``<img src=...>`` shows as those characters. Links use only the app's ``aj:`` scheme. Colours come
from the caller (the Qt layer reads them from the palette), so dark and light themes both work.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape

from ajexplorer.domain.i18n import translate
from ajexplorer.domain.model import Dataset, GlossaryEntry, Kind, Record, Relation
from ajexplorer.domain.relations import relation_groups
from ajexplorer.presentation.links import glossary_link, paragraph_link, record_link
from ajexplorer.presentation.words import kind_label, value_text, when_text


@dataclass(frozen=True, slots=True)
class Colours:
    """Colours from the palette, as CSS colour strings."""

    text: str = "#000000"
    muted: str = "#555555"
    link: str = "#0b57d0"
    highlight: str = "#ffe680"
    highlight_text: str = "#000000"
    selected_paragraph: str = "#e8f0fe"
    background: str = "#ffffff"

    def text_on(self) -> list[tuple[str, str, str]]:
        """(what, text, background) for every text the pages draw: on the page, and in a selected paragraph."""
        pairs = [("search match", self.highlight_text, self.highlight)]
        for background, where in ((self.background, "page"), (self.selected_paragraph, "selected paragraph")):
            pairs += [
                (f"text on the {where}", self.text, background),
                (f"quiet text on the {where}", self.muted, background),
                (f"links on the {where}", self.link, background),
            ]
        return pairs


@dataclass(frozen=True, slots=True)
class Marker:
    """What to mark in text: the glossary forms to link, and search words to highlight."""

    acronyms: re.Pattern[str] | None
    glossary: dict[str, GlossaryEntry]
    highlight: re.Pattern[str] | None = None


def make_marker(dataset: Dataset, highlight_words: Sequence[str] = ()) -> Marker:
    forms = {form: entry for entry in dataset.glossary for form in entry.forms}
    return Marker(
        _acronym_pattern(tuple(sorted(forms, key=len, reverse=True))),
        forms,
        highlight_pattern(highlight_words),
    )


@lru_cache(maxsize=8)
def _acronym_pattern(forms: tuple[str, ...]) -> re.Pattern[str] | None:
    if not forms:
        return None
    alternatives = "|".join(re.escape(form) for form in forms)
    return re.compile(rf"(?<![\w+\-])(?:{alternatives})(?![\w+])")


def highlight_pattern(words: Sequence[str]) -> re.Pattern[str] | None:
    """Case-insensitive match of any of ``words`` at the start of a word (search matches prefixes)."""
    cleaned = sorted({word for word in words if word.strip()}, key=len, reverse=True)
    if not cleaned:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(word) for word in cleaned) + r")", re.IGNORECASE)


def marked_text(text: str, marker: Marker, colours: Colours) -> str:
    """Escaped text with acronyms linked to the glossary (expansion on hover) and search words highlighted."""
    if marker.acronyms is None:
        return _highlighted(text, marker, colours)
    parts: list[str] = []
    position = 0
    for match in marker.acronyms.finditer(text):
        parts.append(_highlighted(text[position : match.start()], marker, colours))
        form = match.group(0)
        entry = marker.glossary[form]
        tip = entry.expansion + (
            "" if entry.from_source else translate("Details", " (expansion not given in the source)")
        )
        parts.append(
            f'<a href="{glossary_link(entry.acronym)}" title="{escape(tip)}" '
            f'style="color:{colours.text}; text-decoration: none; border-bottom: 1px dotted;">'
            f"{_highlighted(form, marker, colours)}</a>"
        )
        position = match.end()
    parts.append(_highlighted(text[position:], marker, colours))
    return "".join(parts)


def _highlighted(text: str, marker: Marker, colours: Colours) -> str:
    if marker.highlight is None or not text:
        return escape(text)
    parts: list[str] = []
    position = 0
    for match in marker.highlight.finditer(text):
        if match.end() == match.start():
            continue
        parts.append(escape(text[position : match.start()]))
        parts.append(
            f'<span style="background-color:{colours.highlight}; color:{colours.highlight_text};">'
            f"{escape(match.group(0))}</span>"
        )
        position = match.end()
    parts.append(escape(text[position:]))
    return "".join(parts)


def highlight_spans(text: str, marker: Marker) -> list[tuple[int, int]]:
    """Where :func:`marked_text` highlights search words in ``text``, as (start, end) offsets: the same
    matches, made within the pieces the glossary's acronyms cut the text into, so a view can highlight
    plain text exactly as the HTML would."""
    if marker.highlight is None or not text:
        return []
    pieces: list[tuple[int, int]] = []
    position = 0
    if marker.acronyms is not None:
        for match in marker.acronyms.finditer(text):
            pieces += [(position, match.start()), (match.start(), match.end())]
            position = match.end()
    pieces.append((position, len(text)))
    return [
        (start + found.start(), start + found.end())
        for start, end in pieces
        if end > start
        for found in marker.highlight.finditer(text[start:end])
        if found.end() > found.start()
    ]


def citation(dataset: Dataset, record: Record) -> str:
    """How to cite a record's source: publisher, title, the source's date when known, and paragraph numbers."""
    numbers = sorted(record.paragraphs)
    count = len(numbers)
    info = dataset.info
    dated = f", {info.as_of}" if info.as_of else ""
    return translate("Details", '{publisher}, "{title}"{dated}, paragraph(s) {numbers}.', None, count).format(
        publisher=info.publisher, title=info.title, dated=dated, numbers=", ".join(map(str, numbers))
    )


# --- the record page ---------------------------------------------------------------------------------------


def record_html(dataset: Dataset, record: Record, marker: Marker, colours: Colours) -> str:
    """The detail page for one record."""
    sections = dataset.section_titles
    facts: list[tuple[str, str]] = [
        (translate("Details", "Kind"), escape(f"{kind_label(record.kind)} ({record.type.replace('-', ' ')})"))
    ]
    if record.acronym:
        facts.append((translate("Details", "Acronym"), marked_text(record.acronym, marker, colours)))
    if record.aliases:
        facts.append(
            (
                translate("Details", "Also called"),
                "; ".join(marked_text(alias, marker, colours) for alias in record.aliases),
            )
        )
    if record.when.known or record.when.recurrence:
        facts.append((translate("Details", "When"), escape(when_text(record.when))))
    if record.place:
        facts.append((translate("Details", "Place"), escape(record.place)))
    if record.kind is Kind.FIGURE:
        facts.append((translate("Details", "Value"), escape(value_text(record))))
        if record.measure:
            facts.append((translate("Details", "Measures"), escape(record.measure)))
    facts.append((translate("Details", "Section"), escape(sections.get(record.section, record.section))))
    rows = "".join(
        f'<tr><td style="color:{colours.muted}; padding-right:12px;">{name}</td><td>{value}</td></tr>'
        for name, value in facts
    )
    parts = [
        f"<h2>{marked_text(record.title, marker, colours)}</h2>",
        f'<table cellspacing="0" cellpadding="2">{rows}</table>',
        f"<p>{marked_text(record.summary, marker, colours)}</p>",
    ]
    figures = [other for other in dataset.incoming(record.id, Relation.SUBJECT) if other.kind is Kind.FIGURE]
    if figures:
        parts.append(figures_html(figures, marker, colours))
    # The figures listed above with their values are not listed again among the relations.
    listed = {figure.id for figure in figures}
    relations = [
        (name, others)
        for name, others in relation_groups(dataset, record)
        if not {other.id for other in others} <= listed
    ]
    if relations:
        relations_heading = translate("Details", "Relations")
        parts.append(f"<h3>{escape(relations_heading)}</h3>")
        parts.append('<table cellspacing="0" cellpadding="2">')
        for name, records in relations:
            links = "<br>".join(_record_anchor(other, colours) for other in records)
            parts.append(
                f'<tr><td valign="top" style="color:{colours.muted}; padding-right:12px;">'
                f"{escape(translate('Relations', name))}</td>"
                f"<td>{links}</td></tr>"
            )
        parts.append("</table>")
    source_heading = translate("Details", "Source")
    parts.append(f"<h3>{escape(source_heading)}</h3>")
    for number in sorted(record.paragraphs):
        paragraph = dataset.paragraphs.get(number)
        if paragraph is None:
            continue
        heading = escape(translate("Details", "Paragraph {number}").format(number=number)) + (
            f" &middot; {escape(sections.get(paragraph.section, paragraph.section))}"
        )
        parts.append(f'<p><a href="{paragraph_link(number)}">{heading}</a><br>')
        parts.append(f"{marked_text(paragraph.text, marker, colours)}</p>")
        parts.extend(
            f'<p style="color:{colours.muted};"><small>{escape(note)}</small></p>'
            for note in paragraph.footnotes
        )
    parts.append(f'<p style="color:{colours.muted};"><small>{escape(citation(dataset, record))}</small></p>')
    return "\n".join(parts)


def figures_html(figures: Sequence[Record], marker: Marker, colours: Colours) -> str:
    """What the figures that measure a record say, under its summary: each value with its unit and qualifier
    ("approximately 13,500 people"), what it counts, its date and the paragraph it is cited to."""
    rows = []
    for figure in figures:
        facts = [escape(when_text(figure.when))] if figure.when.known else []
        facts.extend(
            f'<a href="{paragraph_link(number)}">&para;&nbsp;{number}</a>'
            for number in sorted(figure.paragraphs)
        )
        after = (
            f'<span style="color:{colours.muted};"> &middot; {" &middot; ".join(facts)}</span>'
            if facts
            else ""
        )
        title = _highlighted(figure.title, marker, colours)
        rows.append(
            f'<tr><td valign="top" style="padding-right:12px; white-space: nowrap;">'
            f"<b>{_highlighted(value_text(figure), marker, colours)}</b></td>"
            f'<td valign="top"><a href="{record_link(figure.id)}">{title}</a>{after}</td></tr>'
        )
    heading = translate("Details", "Figures")
    return f'<h3>{escape(heading)}</h3><table cellspacing="0" cellpadding="2">{"".join(rows)}</table>'


def _record_anchor(record: Record, colours: Colours) -> str:
    when = when_text(record.when) if record.when.known else ""
    suffix = f' <span style="color:{colours.muted};">&middot; {escape(when)}</span>' if when else ""
    return f'<a href="{record_link(record.id)}">{escape(record.display_title)}</a>{suffix}'


# --- the source view ---------------------------------------------------------------------------------------


#: A paragraph of the source lists this many of the records drawn from it, then their number: a list of
#: thousands (a large dataset of the researcher's own) is read by no one, and would make the page take
#: seconds to lay out on every selection.
RECORDS_LISTED = 50


def source_html(dataset: Dataset, selected: Record | None, marker: Marker, colours: Colours) -> str:
    """The source document, paragraph by paragraph, each with the records drawn from it (the first
    :data:`RECORDS_LISTED` of them)."""
    return "\n".join(source_pieces(dataset, selected, marker, colours))


def source_pieces(dataset: Dataset, selected: Record | None, marker: Marker, colours: Colours) -> list[str]:
    """:func:`source_html` in pieces that may be added to a page one after another: the heading, then each
    paragraph, with the title of the section that follows it, if any (so that a piece never starts with a
    heading: a rich-text cursor would merge it into the line before)."""
    marked = set(selected.paragraphs) if selected is not None else set()
    titles = dataset.section_titles
    parts = [f"<h2>{escape(dataset.info.title)}</h2>\n<p><i>{escape(dataset.info.attribution)}</i></p>"]
    section = None
    for number, paragraph in sorted(dataset.paragraphs.items()):
        if paragraph.section != section:
            section = paragraph.section
            parts[-1] += f"\n<h3>{escape(titles.get(section, section))}</h3>"  # ends the piece before
        background = f' bgcolor="{colours.selected_paragraph}"' if number in marked else ""
        links = ", ".join(
            f'<a href="{record_link(other.id)}">{escape(other.acronym or other.title)}</a>'
            for other in dataset.records_for_paragraph(number, RECORDS_LISTED)
        )
        if (more := dataset.count_for_paragraph(number) - RECORDS_LISTED) > 0:
            links += escape(translate("Details", ", and %n more", None, more))
        notes = "".join(f"<br><small>{escape(note)}</small>" for note in paragraph.footnotes)
        records_word = escape(translate("Details", "Records:"))
        none_word = escape(translate("Details", "none"))
        parts.append(
            f'<a name="p{number}"></a><table width="100%" cellpadding="6" cellspacing="0"{background}><tr>'
            f'<td valign="top" width="36" style="white-space: nowrap;"><b>{number}.</b></td>'
            f"<td>{marked_text(paragraph.text, marker, colours)}{notes}"
            f'<br><small style="color:{colours.muted};">{records_word} {links or none_word}</small></td></tr></table>'
        )
    return parts
