"""The words and markup of a search: the line above the results, and each result's two lines as HTML.

The Qt layer only places these strings; what they say, and that every piece of data in them is escaped, is
decided (and tested) here, as the detail pane's HTML is in :mod:`ajexplorer.presentation.detail_html`.
"""

from __future__ import annotations

from html import escape

from ajexplorer.domain.query import Hit, QueryError, Result


def results_message(result: Result, listed: int | None = None) -> str:
    """How many results, how many are listed, and which words were read as close matches or could be meant.
    ``listed``: how many the list will hold once it has filled, when only its first screenful is in yet."""
    if not result.hits:
        closest = f" Closest terms: {', '.join(result.suggestions)}." if result.suggestions else ""
        return f"No results.{closest}"
    shown = len(result.hits) if listed is None else max(listed, len(result.hits))
    more = f" (showing the first {shown})" if result.total > shown else ""
    typo = ""
    if result.corrected:
        pairs = (f"{word} → {' / '.join(terms)}" for word, terms in result.corrected.items())
        typo = " Close matches for: " + ", ".join(pairs) + "."
    return f"{result.total} result{'s' if result.total != 1 else ''}{more}.{typo}"


def query_problem(error: QueryError) -> str:
    """A query that cannot mean anything (``kind:planet``), said in the results line instead of results."""
    return f"Cannot search: {error}."


#: How a result found in the person's own note (not in the source) is labelled.
OWN_NOTE_LABEL = "[your note]"


def hit_line(hit: Hit) -> str:
    """One line for a result where no markup is shown (plain list text, screen readers)."""
    when = f" ({hit.when})" if hit.when else ""
    own = f" {OWN_NOTE_LABEL}" if hit.own else ""
    return f"{hit.kind.label}: {hit.title}{when}{own}"


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
    typo = " &middot; <i>close match</i>" if hit.fuzzy else ""
    text, muted = escape(text), escape(muted)
    marked = f" {escape(mark)}" if mark else ""
    if hit.own:
        snippet = f"<b>{escape(OWN_NOTE_LABEL)}</b> <i>{snippet}</i>"
    return (
        f'<div style="color:{text}"><span style="color:{muted}">'
        f"{escape(hit.kind.label)}</span> <b>{escape(hit.title)}</b>{marked}"
        f'<span style="color:{muted}">{when}{typo}</span><br>'
        f'<small style="color:{muted}">{snippet}</small></div>'
    )
