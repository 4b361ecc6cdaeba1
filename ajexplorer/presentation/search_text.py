"""The words and markup of a search: the line above the results, and each result's two lines as HTML.

The Qt layer only places these strings; what they say, and that every piece of data in them is escaped, is
decided (and tested) here, as the detail pane's HTML is in :mod:`ajexplorer.presentation.detail_html`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from html import escape

from ajexplorer.domain.i18n import QT_TRANSLATE_NOOP, translate
from ajexplorer.domain.model import Dataset
from ajexplorer.domain.query import Hit, QueryError, Result
from ajexplorer.presentation.words import kind_label, when_text


def results_message(result: Result, listed: int | None = None) -> str:
    """How many results, how many are listed, and which words were read as close matches or could be meant.
    ``listed``: how many the list will hold once it has filled, when only its first screenful is in yet."""
    if not result.hits:
        closest = (
            " " + translate("Search", "Closest terms: {terms}.").format(terms=", ".join(result.suggestions))
            if result.suggestions
            else ""
        )
        return translate("Search", "No results.") + closest
    shown = len(result.hits) if listed is None else max(listed, len(result.hits))
    more = (
        translate("Search", " (showing the first {shown})").format(shown=shown)
        if result.total > shown
        else ""
    )
    typo = ""
    if result.corrected:
        pairs = (f"{word} → {' / '.join(terms)}" for word, terms in result.corrected.items())
        typo = " " + translate("Search", "Close matches for: {pairs}.").format(pairs=", ".join(pairs))
    total = result.total
    return translate("Search", "%n result(s){more}.", None, total).format(more=more) + typo


def dated_hits(dataset: Dataset, hits: Sequence[Hit]) -> list[Hit]:
    """The hits with their dates in the interface's language (the index keeps the English of exports)."""
    dated = []
    for hit in hits:
        record = dataset.get(hit.record_id)
        known = record is not None and record.when.known
        dated.append(dataclasses.replace(hit, when=when_text(record.when)) if known and record else hit)
    return dated


def query_problem(error: QueryError) -> str:
    """A query that cannot mean anything (``kind:planet``), said in the results line instead of results."""
    return translate("Search", "Cannot search: {error}.").format(error=error)


#: How a result found in the person's own note (not in the source) is labelled.
OWN_NOTE_LABEL = QT_TRANSLATE_NOOP("Search", "[your note]")


def hit_line(hit: Hit) -> str:
    """One line for a result where no markup is shown (plain list text, screen readers)."""
    when = f" ({hit.when})" if hit.when else ""
    own = " " + translate("Search", OWN_NOTE_LABEL) if hit.own else ""
    return f"{kind_label(hit.kind)}: {hit.title}{when}{own}"


def hit_html(hit: Hit, text: str, muted: str, mark: str = "") -> str:
    """Kind, title and date on the first line; the snippet with its matched words in bold on the second.

    ``text`` and ``muted`` are CSS colours from the caller's palette; every piece of data is escaped. A hit
    from the person's note says so before its snippet, which is set in italics: the note's words, never the
    source's. ``mark`` is the record's notebook mark (a star), shown after its title.
    """
    snippet = "".join(
        f"<b>{escape(segment.text)}</b>" if segment.matched else escape(segment.text)
        for segment in hit.snippet
    )
    when = f" &middot; {escape(hit.when)}" if hit.when else ""
    close = translate("Search", "close match")
    typo = f" &middot; <i>{escape(close)}</i>" if hit.fuzzy else ""
    text, muted = escape(text), escape(muted)
    marked = f" {escape(mark)}" if mark else ""
    if hit.own:
        snippet = f"<b>{escape(translate('Search', OWN_NOTE_LABEL))}</b> <i>{snippet}</i>"
    return (
        f'<div style="color:{text}"><span style="color:{muted}">'
        f"{escape(kind_label(hit.kind))}</span> <b>{escape(hit.title)}</b>{marked}"
        f'<span style="color:{muted}">{when}{typo}</span><br>'
        f'<small style="color:{muted}">{snippet}</small></div>'
    )
