"""What a search asks and what it answers: plain values shared by the index, the window and the CLI.

Kept apart from :mod:`ajexplorer.domain.search` so that the window can build its search controls at start-up
without loading SQLite and the index.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ajexplorer.domain.model import Kind


class QueryError(ValueError):
    """A query that cannot mean anything (a bad field value, nothing to search for)."""


@dataclass(frozen=True, slots=True)
class Filters:
    """Restrictions from the window's controls or from field syntax; empty means no restriction."""

    kinds: frozenset[Kind] = frozenset()
    section_ids: frozenset[str] = frozenset()
    years: tuple[int, int] | None = None
    place: str | None = None

    @property
    def active(self) -> bool:
        return bool(self.kinds or self.section_ids or self.years or self.place)

    def merged(self, other: Filters) -> Filters:
        years = self.years
        if other.years is not None:
            years = (
                other.years
                if years is None
                else (max(years[0], other.years[0]), min(years[1], other.years[1]))
            )
        return Filters(
            self.kinds & other.kinds if self.kinds and other.kinds else self.kinds or other.kinds,
            self.section_ids & other.section_ids
            if self.section_ids and other.section_ids
            else self.section_ids or other.section_ids,
            years,
            other.place or self.place,
        )


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: words (each matched as a prefix), exact phrases, and filters."""

    words: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()
    filters: Filters = Filters()

    @property
    def has_text(self) -> bool:
        return bool(self.words or self.phrases)

    @property
    def highlight_words(self) -> tuple[str, ...]:
        return (*self.words, *(word for phrase in self.phrases for word in phrase))


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    matched: bool


@dataclass(frozen=True, slots=True)
class Hit:
    record_id: str
    kind: Kind
    title: str
    when: str
    score: float
    tier: int
    snippet: tuple[Segment, ...]
    fuzzy: bool = False
    #: Found in the person's own note, not in the source: the snippet is the note's words.
    own: bool = False

    @property
    def snippet_text(self) -> str:
        return "".join(f"[{s.text}]" if s.matched else s.text for s in self.snippet)


@dataclass(slots=True)
class Result:
    query: Query
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    suggestions: list[str] = field(default_factory=list)
    corrected: dict[str, list[str]] = field(default_factory=dict)

    @property
    def matched_ids(self) -> frozenset[str]:
        return frozenset(hit.record_id for hit in self.hits)

    @property
    def highlight_words(self) -> tuple[str, ...]:
        words = list(self.query.highlight_words)
        for candidates in self.corrected.values():
            words.extend(candidates)
        return tuple(words)
