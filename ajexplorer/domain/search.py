"""Search: instant, ranked, forgiving of one typo, and aware of acronyms.

The index is SQLite FTS5 (from the standard library): its unicode61 tokenizer folds case and accents and splits on
punctuation, so "ADMM Plus" and "ADMM-Plus" are the same words, and its bm25 ranks within a tier. Our rules sit on
top: an exact title or acronym match first, then a title prefix, then everything else; typo matches below exact
ones. Acronyms and expansions find each other because every record's index row also carries the expansions of the
acronyms it uses and the acronyms of the expansions it spells out.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from difflib import get_close_matches

from ajexplorer.domain.model import Dataset, GlossaryEntry, Kind, Paragraph, Record

MAX_QUERY_CHARS = 1000
MAX_TERMS = 12
TYPO_MIN_LENGTH = 5
_MARK_OPEN = "\ue000"
_MARK_CLOSE = "\ue001"
# Column weights for bm25: title, acronyms and aliases, expansions, summary, place, source paragraphs.
_WEIGHTS = (10.0, 8.0, 3.0, 2.0, 2.0, 0.4)
# Snippets come from the first of these columns that holds a match: summary, source paragraph, title, place.
_SNIPPET_COLUMNS = (3, 5, 0, 4, 1)
_FIELDS = ("kind", "pillar", "year", "place")
# Question and function words people type ("when did Japan accede to the TAC?"); ignored unless alone.
STOPWORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "about",
        "are",
        "as",
        "at",
        "be",
        "by",
        "did",
        "do",
        "does",
        "during",
        "everything",
        "for",
        "from",
        "how",
        "in",
        "is",
        "it",
        "of",
        "on",
        "or",
        "that",
        "the",
        "this",
        "to",
        "was",
        "were",
        "what",
        "when",
        "where",
        "which",
        "who",
        "whom",
        "why",
        "with",
    }
)


class QueryError(ValueError):
    """A query that cannot mean anything (a bad field value, nothing to search for)."""


@dataclass(frozen=True, slots=True)
class Filters:
    """Restrictions from the window's controls or from field syntax; empty means no restriction."""

    kinds: frozenset[Kind] = frozenset()
    pillars: frozenset[str] = frozenset()
    years: tuple[int, int] | None = None
    place: str | None = None

    @property
    def active(self) -> bool:
        return bool(self.kinds or self.pillars or self.years or self.place)

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
            self.pillars & other.pillars if self.pillars and other.pillars else self.pillars or other.pillars,
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


# --- text normalisation ------------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Case- and accent-free text: what the index's tokenizer sees."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words_of(text: str) -> list[str]:
    """Folded words, split on anything that is not a letter or digit ("AMMTC+Japan" -> ammtc, japan)."""
    return [word for word in re.split(r"[^\w]+|_", fold(text)) if word]


def normalised(text: str) -> str:
    return " ".join(words_of(text))


# --- parsing -----------------------------------------------------------------------------------------------

_TOKEN = re.compile(r'"([^"]*)("?)|(\S+)')
_KIND_NAMES = {kind.value: kind for kind in Kind} | {f"{kind.value}s": kind for kind in Kind}


def parse_query(text: str, pillars: Sequence[str] = ()) -> Query:
    """Read the query syntax. Raises QueryError only for field values that cannot mean anything.

    Quotes that are never closed quote to the end; control characters and operator characters are separators;
    input past MAX_QUERY_CHARS is ignored.
    """
    text = "".join(ch if ch.isprintable() else " " for ch in text[:MAX_QUERY_CHARS])
    words: list[str] = []
    phrases: list[tuple[str, ...]] = []
    filters = Filters()
    for match in _TOKEN.finditer(text):
        quoted, _closed, bare = match.groups()
        if quoted is not None:
            phrase = tuple(words_of(quoted))
            if len(phrase) == 1:
                words.extend(phrase)
            elif phrase:
                phrases.append(phrase)
            continue
        field_match = re.match(r"^(\w+):(.*)$", bare)
        if field_match and field_match.group(1).lower() in _FIELDS:
            filters = filters.merged(
                _field_filter(field_match.group(1).lower(), field_match.group(2), pillars)
            )
            continue
        words.extend(words_of(bare))
    meaningful = [word for word in words if word not in STOPWORDS]
    chosen = meaningful if meaningful or phrases else words
    return Query(tuple(dict.fromkeys(chosen))[:MAX_TERMS], tuple(phrases)[:MAX_TERMS], filters)


def _field_filter(name: str, value: str, pillars: Sequence[str]) -> Filters:
    value = value.strip().strip('"')
    if not value:
        raise QueryError(f"'{name}:' needs a value")
    if name == "kind":
        kind = _KIND_NAMES.get(value.lower())
        if kind is None:
            raise QueryError(f"unknown kind '{value}' (use {', '.join(k.value for k in Kind)})")
        return Filters(kinds=frozenset({kind}))
    if name == "pillar":
        wanted = normalised(value)
        chosen = frozenset(
            p for p in pillars if normalised(p).startswith(wanted) or wanted in normalised(p).split()
        )
        if not chosen:
            raise QueryError(f"unknown pillar '{value}' (use {', '.join(pillars)})")
        return Filters(pillars=chosen)
    if name == "year":
        match = re.fullmatch(r"(\d{4})(?:\.\.(\d{4}))?", value)
        if match is None:
            raise QueryError(f"'year:{value}' should be a year (2013) or a range (2010..2015)")
        start = int(match.group(1))
        end = int(match.group(2) or start)
        if end < start:
            raise QueryError(f"'year:{value}' ends before it starts")
        return Filters(years=(start, end))
    return Filters(place=normalised(value))


# --- the index ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Row:
    record: Record
    y0: int
    y1: int


class SearchIndex:
    """An in-memory FTS5 index of records, with the vocabulary needed for typo correction."""

    def __init__(
        self,
        records: Iterable[Record],
        glossary: Sequence[GlossaryEntry] = (),
        paragraphs: dict[int, Paragraph] | None = None,
        pillars: Sequence[str] = (),
        today: dt.date | None = None,
    ) -> None:
        self.pillars = tuple(pillars)
        self._today = today or dt.date.today()
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.execute(
            "CREATE VIRTUAL TABLE fts USING fts5("
            "title, acronyms, expansions, summary, place, source, "
            "tokenize='unicode61 remove_diacritics 2', prefix='2 3 4')"
        )
        self._db.execute(
            "CREATE TABLE meta (id INTEGER PRIMARY KEY, kind TEXT, pillar TEXT, y0 INTEGER, y1 INTEGER, "
            "place TEXT, title_norm TEXT, acronym_norm TEXT, sort REAL)"
        )
        self._rows: list[_Row] = []
        expander = _Expander(glossary)
        paragraph_text = {n: p.text for n, p in (paragraphs or {}).items()}
        fts_rows = []
        meta_rows = []
        for rowid, record in enumerate(records):
            y0, y1 = self._years(record)
            self._rows.append(_Row(record, y0, y1))
            names = " ; ".join(filter(None, [record.acronym, *record.aliases]))
            own_text = " ".join([record.title, names, record.summary])
            source = " ".join(paragraph_text.get(n, "") for n in record.paragraphs)
            fts_rows.append(
                (
                    rowid,
                    record.title,
                    names,
                    expander.expand(own_text),
                    record.summary,
                    record.place or "",
                    source,
                )
            )
            acronyms = " | ".join(
                normalised(name) for name in [record.acronym or "", *record.aliases] if name
            )
            meta_rows.append(
                (
                    rowid,
                    record.kind.value,
                    record.pillar,
                    y0,
                    y1,
                    normalised(record.place or ""),
                    normalised(record.title),
                    f"| {acronyms} |",
                    record.when.sort_key()[1] if record.when.known else 1e9,
                )
            )
        self._db.executemany(
            "INSERT INTO fts(rowid, title, acronyms, expansions, summary, place, source) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            fts_rows,
        )
        self._db.executemany("INSERT INTO meta VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", meta_rows)
        self._db.execute("CREATE INDEX meta_title ON meta(title_norm)")
        self._db.execute("CREATE VIRTUAL TABLE vocab USING fts5vocab(fts, 'row')")
        self._vocabulary = [term for (term,) in self._db.execute("SELECT term FROM vocab")]
        self._known = set(self._vocabulary)
        self._deletes: dict[str, list[str]] = {}
        for term in self._vocabulary:
            if len(term) >= TYPO_MIN_LENGTH - 1 and not term.isdigit():
                for variant in _deletions(term):
                    self._deletes.setdefault(variant, []).append(term)

    @classmethod
    def from_dataset(cls, dataset: Dataset, today: dt.date | None = None) -> SearchIndex:
        return cls(
            dataset.records.values(),
            dataset.glossary,
            dict(dataset.paragraphs),
            [section.id for section in dataset.sections],
            today,
        )

    def _years(self, record: Record) -> tuple[int, int]:
        """The years a record spans, for year filters; ongoing records run to today; undated: none."""
        when = record.when
        start = when.start.year if when.start else (when.end.year if when.end else 0)
        end = when.end.year if when.end else (self._today.year if when.ongoing else start)
        return (start, end) if start else (-1, -1)

    def __len__(self) -> int:
        return len(self._rows)

    # --- searching -----------------------------------------------------------------------------------------

    def search(self, text: str, limit: int = 50, filters: Filters | None = None) -> Result:
        """Ranked hits for ``text``; raises QueryError for a query that cannot mean anything."""
        query = parse_query(text, self.pillars)
        if filters is not None:
            query = replace(query, filters=query.filters.merged(filters))
        if not query.has_text and not query.filters.active:
            raise QueryError("type something to search for")
        result = Result(query)
        if not query.has_text:
            self._filtered_only(result, limit)
            return result
        corrections = self._corrections(query)
        result.corrected = {word: terms for word, terms in corrections.items() if terms}
        missing = [word for word, terms in corrections.items() if not terms]
        if missing:
            result.suggestions = self._suggest(missing)
            return result
        self._run(result, limit)
        if not result.hits and not result.suggestions:
            result.suggestions = self._suggest(list(query.words))
        return result

    def _corrections(self, query: Query) -> dict[str, list[str]]:
        """For each word with no exact or prefix match: the terms one typo away (empty if none)."""
        found: dict[str, list[str]] = {}
        for word in query.words:
            if self._has_prefix(word):
                continue
            found[word] = self._one_typo(word) if len(word) >= TYPO_MIN_LENGTH else []
        return found

    def _has_prefix(self, word: str) -> bool:
        row = self._db.execute(
            "SELECT 1 FROM vocab WHERE term >= ? AND term < ? LIMIT 1", (word, word + "\U0010ffff")
        )
        return row.fetchone() is not None

    def _one_typo(self, word: str) -> list[str]:
        """Terms within one insertion, deletion, substitution or transposition (symmetric-delete lookup)."""
        candidates: set[str] = set(self._deletes.get(word, ()))
        for variant in _deletions(word):
            if variant in self._known:
                candidates.add(variant)
            candidates.update(self._deletes.get(variant, ()))
        return sorted(term for term in candidates if _within_one(word, term))

    def _suggest(self, words: Sequence[str]) -> list[str]:
        suggestions: list[str] = []
        for word in words:
            for term in get_close_matches(word, self._vocabulary, n=3, cutoff=0.6):
                if term not in suggestions:
                    suggestions.append(term)
        return suggestions[:6]

    def _match_expression(self, query: Query, corrected: dict[str, list[str]]) -> str:
        parts: list[str] = []
        for word in query.words:
            if word in corrected:
                parts.append("(" + " OR ".join(f'"{term}"' for term in corrected[word]) + ")")
            else:
                parts.append(f'"{word}"*')
        parts.extend('"' + " ".join(phrase) + '"' for phrase in query.phrases)
        return " AND ".join(parts)

    def _where(self, filters: Filters) -> tuple[str, list[object]]:
        clauses: list[str] = []
        values: list[object] = []
        if filters.kinds:
            clauses.append(f"meta.kind IN ({', '.join('?' * len(filters.kinds))})")
            values.extend(sorted(kind.value for kind in filters.kinds))
        if filters.pillars:
            clauses.append(f"meta.pillar IN ({', '.join('?' * len(filters.pillars))})")
            values.extend(sorted(filters.pillars))
        if filters.years is not None:
            clauses.append("meta.y0 <= ? AND meta.y1 >= ? AND meta.y0 > 0")
            values.extend([filters.years[1], filters.years[0]])
        if filters.place:
            clauses.append("meta.place LIKE ?")
            values.append(f"%{filters.place}%")
        return (" AND " + " AND ".join(clauses)) if clauses else "", values

    def _run(self, result: Result, limit: int) -> None:
        query = result.query
        expression = self._match_expression(query, result.corrected)
        where, values = self._where(query.filters)
        phrase = " ".join(query.words + tuple(w for p in query.phrases for w in p))
        weights = ", ".join(str(weight) for weight in _WEIGHTS)
        sql = (
            "SELECT fts.rowid, bm25(fts, " + weights + ") AS score, "
            "CASE WHEN meta.title_norm = :q OR instr(meta.acronym_norm, '| ' || :q || ' |') > 0 THEN 0 "
            "WHEN instr(meta.acronym_norm, '| ' || :q) > 0 THEN 1 "
            "WHEN substr(meta.title_norm, 1, length(:q)) = :q THEN 2 "
            "WHEN fts.rowid IN (SELECT rowid FROM fts WHERE fts MATCH :title_expr) THEN 3 "
            "ELSE 4 END AS tier, "
            + ", ".join(
                f"snippet(fts, {column}, '{_MARK_OPEN}', '{_MARK_CLOSE}', ' … ', 14)"
                for column in _SNIPPET_COLUMNS
            )
            + " "
            "FROM fts JOIN meta ON meta.id = fts.rowid "
            "WHERE fts MATCH :expr" + where.replace("?", "{}") + " "
            "ORDER BY tier, score, meta.sort, meta.id LIMIT :limit"
        )
        params: dict[str, object] = {
            "q": phrase,
            "expr": expression,
            "title_expr": "{title acronyms} : (" + expression + ")",
            "limit": limit,
        }
        names = []
        for number, value in enumerate(values):
            name = f"v{number}"
            params[name] = value
            names.append(f":{name}")
        sql = sql.format(*names)
        fuzzy = bool(result.corrected)
        try:
            rows = self._db.execute(sql, params).fetchall()
            total_row = self._db.execute(
                "SELECT count(*) FROM fts JOIN meta ON meta.id = fts.rowid WHERE fts MATCH :expr"
                + where.replace("?", "{}").format(*names),
                params,
            ).fetchone()
        except sqlite3.OperationalError as error:  # defensive: the expression is built from clean words
            raise QueryError(f"the query could not be run: {error}") from None
        result.total = int(total_row[0]) if total_row else 0
        for rowid, score, tier, *snippets in rows:
            record = self._rows[rowid].record
            snippet = next((text for text in snippets if _MARK_OPEN in text), record.summary[:160])
            result.hits.append(
                Hit(
                    record.id,
                    record.kind,
                    record.title,
                    record.when.human() if record.when.known else "",
                    -float(score),
                    int(tier) + (10 if fuzzy else 0),
                    _segments(snippet),
                    fuzzy,
                )
            )

    def _filtered_only(self, result: Result, limit: int) -> None:
        where, values = self._where(result.query.filters)
        # Records that start inside the chosen years come before those that only run through them.
        first_year = result.query.filters.years[0] if result.query.filters.years else 0
        sql = "SELECT meta.id FROM meta WHERE 1=1" + where + " ORDER BY meta.y0 < ?, meta.sort, meta.id"
        values = [*values, first_year]
        rows = self._db.execute(sql, values).fetchall()
        result.total = len(rows)
        for (rowid,) in rows[:limit]:
            record = self._rows[rowid].record
            snippet = (Segment(record.summary[:160], False),)
            when = record.when.human() if record.when.known else ""
            result.hits.append(Hit(record.id, record.kind, record.title, when, 0.0, 5, snippet))

    def matching_ids(self, text: str, filters: Filters | None = None) -> frozenset[str]:
        """Every record matching (no limit): what the other views keep while a search is active."""
        result = self.search(text, limit=max(len(self._rows), 1), filters=filters)
        return result.matched_ids


class _Expander:
    """Adds to a text the expansions of the acronyms it uses and the acronyms of expansions it spells out."""

    def __init__(self, glossary: Sequence[GlossaryEntry]) -> None:
        self._by_form: dict[str, GlossaryEntry] = {}
        self._by_expansion: list[tuple[str, GlossaryEntry]] = []
        for entry in glossary:
            for form in entry.forms:
                self._by_form.setdefault(normalised(form), entry)
            self._by_expansion.append((f" {normalised(entry.expansion)} ", entry))
        forms = sorted(self._by_form, key=len, reverse=True)
        self._pattern = (
            re.compile(r"(?<!\w)(?:" + "|".join(re.escape(form) for form in forms) + r")(?!\w)")
            if forms
            else None
        )

    def expand(self, text: str) -> str:
        folded = f" {normalised(text)} "
        added: list[str] = []
        if self._pattern is not None:
            for match in self._pattern.finditer(folded):
                entry = self._by_form[match.group(0)]
                added.append(entry.expansion)
        for expansion, entry in self._by_expansion:
            if expansion.strip() and expansion in folded:
                added.append(entry.acronym)
        return " ; ".join(dict.fromkeys(added))


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _within_one(a: str, b: str) -> bool:
    """True if ``a`` and ``b`` differ by at most one edit (transposition counts as one)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def _segments(snippet: str) -> tuple[Segment, ...]:
    segments: list[Segment] = []
    for part in re.split(f"({_MARK_OPEN}[^{_MARK_CLOSE}]*{_MARK_CLOSE})", snippet):
        if not part:
            continue
        if part.startswith(_MARK_OPEN):
            segments.append(Segment(part[1:-1], True))
        else:
            segments.append(Segment(part, False))
    return tuple(segments)
