"""Search over the source and the person's notebook together, never mixed up.

The notebook's fields narrow a search to what the person kept: ``is:starred``, ``in:notes`` (only the person's
notes are searched) and ``collection:NAME`` (quotes for names with spaces). The source is searched by
:class:`~ajexplorer.domain.search.SearchIndex` as before; the person's notes are searched here, and each hit
from a note is its own result marked ``own``, with the note's words as its snippet, listed after the hits
from the source. A record found in both appears twice: once for the source, once for the note.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ajexplorer.domain.i18n import translate
from ajexplorer.domain.model import Dataset, Record
from ajexplorer.domain.notebook import Note, Notebook, record_id_of
from ajexplorer.domain.query import Filters, Hit, Query, QueryError, Result, Segment
from ajexplorer.domain.search import SearchIndex, _segments, _snippet, _words_pattern, parse_query, words_of

#: Note hits listed at most, after the source's.
MAX_NOTE_HITS = 50
#: The tier of a hit from a note (the source's tiers run 0-6, 10-16 for close matches).
NOTE_TIER = 20
_FIELD = re.compile(r'(?<!\S)(is|in|collection):(?:"([^"]*)"?|(\S*))', re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class NotebookScope:
    """What the notebook's fields in a query ask for."""

    starred: bool = False
    notes_only: bool = False
    collections: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        return self.starred or self.notes_only or bool(self.collections)


def split_query(text: str) -> tuple[str, NotebookScope]:
    """The query without its notebook fields, and what those fields ask for; QueryError for ``is:`` or
    ``in:`` with a value that means nothing."""
    starred = notes_only = False
    collections: list[str] = []
    for match in _FIELD.finditer(text):
        name = match.group(1).lower()
        value = (match.group(2) if match.group(2) is not None else match.group(3) or "").strip()
        if name == "is":
            if value.lower() not in ("starred", "star"):
                raise QueryError(
                    translate("Search", "'is:{value}' is not known (use is:starred)").format(value=value)
                )
            starred = True
        elif name == "in":
            if value.lower() not in ("notes", "note"):
                raise QueryError(
                    translate("Search", "'in:{value}' is not known (use in:notes)").format(value=value)
                )
            notes_only = True
        else:
            if not value:
                raise QueryError(translate("Search", "'collection:' needs a collection's name"))
            collections.append(value)
    rest = _FIELD.sub(" ", text)
    return " ".join(rest.split()), NotebookScope(starred, notes_only, tuple(collections))


def asks_notebook(text: str) -> bool:
    """True when a query uses the notebook's fields, so its results change with the notebook."""
    try:
        return split_query(text)[1].active
    except QueryError:
        return False


class NotebookSearch:
    """The source's index and the person's notebook, searched as one; same calls as the index."""

    def __init__(self, index: SearchIndex, dataset: Dataset, notebook: Notebook) -> None:
        self.index = index
        self.dataset = dataset
        self.notebook = notebook

    def search(self, text: str, limit: int = 50, filters: Filters | None = None) -> Result:
        rest, scope = split_query(text)
        allowed = self._allowed(scope)
        query = parse_query(rest, self.index.section_ids) if rest.strip() else Query()
        if filters is not None:
            query = replace(query, filters=query.filters.merged(filters))
        if not scope.active:
            result = self.index.search(rest, limit, filters)
        elif scope.notes_only:
            result = Result(query)
        elif query.has_text or query.filters.active:
            result = self.index.search(rest, max(limit, len(self.index)), filters)
            result.hits = [hit for hit in result.hits if allowed is None or hit.record_id in allowed][:limit]
            result.total = len(result.hits)
        else:
            result = Result(query)
            result.hits = [self._listed(record_id) for record_id in self._ordered(allowed or ())][:limit]
            result.total = len(result.hits)
        own = self._note_hits(result.query, allowed, listing=scope.notes_only and not query.has_text)
        result.hits.extend(own[:MAX_NOTE_HITS])
        result.total += len(own)
        return result

    def matching_ids(self, text: str, filters: Filters | None = None) -> frozenset[str]:
        rest, scope = split_query(text)
        if scope.active:
            return self.search(text, limit=max(len(self.index), 1), filters=filters).matched_ids
        # No notebook field: the index's matches (unranked, see SearchIndex.matching_ids) and the notes'.
        found = self.index.matching_ids(rest, filters)
        query = parse_query(rest, self.index.section_ids) if rest.strip() else Query()
        if filters is not None:
            query = replace(query, filters=query.filters.merged(filters))
        own = self._note_hits(query, None, listing=False)
        return found | {hit.record_id for hit in own[:MAX_NOTE_HITS]}

    # --- the parts -----------------------------------------------------------------------------------------

    def _allowed(self, scope: NotebookScope) -> set[str] | None:
        """The records the notebook's fields leave; None when they ask for nothing."""
        if not (scope.starred or scope.collections):
            return None
        allowed: set[str] | None = None
        if scope.starred:
            allowed = set(self.notebook.marked_records()[0])
        for name in scope.collections:
            collection = self.notebook.collection(name)
            if collection is None:
                names = ", ".join(c.name for c in self.notebook.collections()) or "none yet"
                raise QueryError(
                    translate("Search", "there is no collection named '{name}' (yours: {names})").format(
                        name=name, names=names
                    )
                )
            members = set(collection.record_ids)
            allowed = members if allowed is None else allowed & members
        return allowed

    def _ordered(self, record_ids: Iterable[str]) -> list[str]:
        wanted = set(record_ids)
        return [record_id for record_id in self.dataset.records if record_id in wanted]

    def _listed(self, record_id: str) -> Hit:
        record = self.dataset.records[record_id]
        return Hit(
            record.id,
            record.kind,
            record.title,
            _when(record),
            0.0,
            6,
            (Segment(record.summary[:160], False),),
        )

    def _note_hits(self, query: Query, allowed: set[str] | None, *, listing: bool) -> list[Hit]:
        """Notes on records of the open data that hold every word and phrase of the query, as own hits."""
        if not listing and not query.has_text:
            return []
        pattern = _words_pattern(query.highlight_words)
        hits: list[Hit] = []
        for note in self.notebook.with_text():
            record_id = record_id_of(note.target)
            record = self.dataset.get(record_id) if record_id else None
            if record is None or (allowed is not None and record.id not in allowed):
                continue
            if not listing and not _matches(note, query):
                continue
            if query.filters.active and record.id not in self._passing(query.filters):
                continue
            marked = _snippet(note.text, pattern) if pattern is not None else None
            snippet = _segments(marked) if marked is not None else (Segment(note.text[:160], False),)
            hits.append(
                Hit(record.id, record.kind, record.title, _when(record), 0.0, NOTE_TIER, snippet, own=True)
            )
        return hits

    def _passing(self, filters: Filters) -> frozenset[str]:
        return self.index.search("", len(self.index), filters).matched_ids


def _matches(note: Note, query: Query) -> bool:
    words = words_of(note.text)
    if not all(any(word.startswith(wanted) for word in words) for wanted in query.words):
        return False
    joined = f" {' '.join(words)} "
    return all(f" {' '.join(phrase)} " in joined for phrase in query.phrases)


def _when(record: Record) -> str:
    return record.when.human() if record.when.known else ""
