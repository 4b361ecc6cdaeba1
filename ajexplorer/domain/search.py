"""Search: instant, ranked, forgiving of one typo, and aware of acronyms.

The index is SQLite FTS5 (from the standard library): its unicode61 tokenizer folds case and accents and splits on
punctuation, so "ADMM Plus" and "ADMM-Plus" are the same words, and its bm25 ranks within a tier. Our rules sit on
top: an exact title or acronym match first, then a title prefix, then everything else; typo matches below exact
ones. Acronyms and expansions find each other because every record's index row also carries the expansions of the
acronyms it uses and the acronyms of the expansions it spells out.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import operator
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from difflib import get_close_matches
from pathlib import Path

from ajexplorer.domain import cachefile
from ajexplorer.domain.cachefile import CacheSlot
from ajexplorer.domain.i18n import translate
from ajexplorer.domain.model import Dataset, GlossaryEntry, Kind, Paragraph, Record
from ajexplorer.domain.query import Filters, Hit, Query, QueryError, Result, Segment

__all__ = [
    "Filters",
    "Hit",
    "Query",
    "QueryError",
    "Result",
    "SearchIndex",
    "Segment",
    "open_index",
    "parse_query",
]

MAX_QUERY_CHARS = 1000
MAX_TERMS = 12
COUNT_CAP = 5000  # results are counted up to this many; more is reported as "5000+"
RANK_WITHIN = 600  # matches ranked by bm25 when there are at most this many; broader ones keep data order
TYPO_MIN_LENGTH = 5
_MARK_OPEN = "\ue000"
_MARK_CLOSE = "\ue001"
# Column weights for bm25: title, acronyms and aliases, expansions, summary, place.
_WEIGHTS = (10.0, 8.0, 3.0, 2.0, 2.0)
# Snippets come from the first of these columns that holds a match: summary, title, place, acronyms.
_SNIPPET_COLUMNS = (3, 0, 4, 1)
_FIELDS = ("kind", "section", "year", "place")
#: Other words people type for a field: the source's sections are also known as the partnership's pillars.
_FIELD_ALIASES = {"pillar": "section"}
# Question and function words people type ("when did Japan accede to the TAC?"); ignored unless alone.
_INDEX_KIND = "search"
_DATABASE_KIND = "search-db"  # the index's SQLite database, a file of its own that a search can open in place
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


def parse_query(text: str, section_ids: Sequence[str] = ()) -> Query:
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
        field = (
            _FIELD_ALIASES.get(field_match.group(1).lower(), field_match.group(1).lower())
            if field_match
            else ""
        )
        if field_match and field in _FIELDS:
            filters = filters.merged(_field_filter(field, field_match.group(2), section_ids))
            continue
        words.extend(words_of(bare))
    meaningful = [word for word in words if word not in STOPWORDS]
    chosen = meaningful if meaningful or phrases else words
    if chosen and len(chosen[-1]) == 1 and (len(chosen) > 1 or filters.active or phrases):
        chosen = chosen[:-1]  # a lone letter being typed: it will narrow the search at the next keystroke
    if len(chosen) == 1 and len(chosen[0]) == 1 and not phrases:
        raise QueryError(translate("Search", "type at least two letters"))
    return Query(tuple(dict.fromkeys(chosen))[:MAX_TERMS], tuple(phrases)[:MAX_TERMS], filters)


def _field_filter(name: str, value: str, section_ids: Sequence[str]) -> Filters:
    value = value.strip().strip('"')
    if not value:
        raise QueryError(translate("Search", "'{name}:' needs a value").format(name=name))
    if name == "kind":
        kind = _KIND_NAMES.get(value.lower())
        if kind is None:
            kinds = ", ".join(k.value for k in Kind)
            raise QueryError(
                translate("Search", "unknown kind '{value}' (use {kinds})").format(value=value, kinds=kinds)
            )
        return Filters(kinds=frozenset({kind}))
    if name == "section":
        wanted = normalised(value)
        chosen = frozenset(
            p for p in section_ids if normalised(p).startswith(wanted) or wanted in normalised(p).split()
        )
        if not chosen:
            sections = ", ".join(section_ids)
            raise QueryError(
                translate("Search", "unknown section '{value}' (use {sections})").format(
                    value=value, sections=sections
                )
            )
        return Filters(section_ids=chosen)
    if name == "year":
        match = re.fullmatch(r"(\d{4})(?:\.\.(\d{4}))?", value)
        if match is None:
            raise QueryError(
                translate("Search", "'year:{value}' should be a year (2013) or a range (2010..2015)").format(
                    value=value
                )
            )
        start = int(match.group(1))
        end = int(match.group(2) or start)
        if end < start:
            raise QueryError(translate("Search", "'year:{value}' ends before it starts").format(value=value))
        return Filters(years=(start, end))
    return Filters(place=normalised(value))


# --- the index ---------------------------------------------------------------------------------------------


_ALL_MATCHES = "SELECT rowid FROM fts WHERE fts MATCH ?"
_first = operator.itemgetter(0)


class SearchIndex:
    """An in-memory FTS5 index of records and source paragraphs, with the vocabulary for typo correction.

    Ranking runs in stages so that a keystroke costs about the same on 300 records as on 100,000: name matches
    (exact, acronym prefix, title prefix) come from an indexed table of names; then FTS5 returns the best
    matches in the title and acronyms, then in every field, each by its bm25 rank with a LIMIT; last come
    records drawn from matching source paragraphs. Snippets are made only for the hits returned.
    """

    def __init__(
        self,
        records: Iterable[Record],
        glossary: Sequence[GlossaryEntry] = (),
        paragraphs: dict[int, Paragraph] | None = None,
        section_ids: Sequence[str] = (),
        today: dt.date | None = None,
    ) -> None:
        self.section_ids = tuple(section_ids)
        self._today = today or dt.date.today()
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        tokenizer = "tokenize='unicode61 remove_diacritics 2', prefix='2 3 4'"
        self._db.execute(
            f"CREATE VIRTUAL TABLE fts USING fts5(title, acronyms, expansions, summary, place, {tokenizer})"
        )
        self._db.execute(f"CREATE VIRTUAL TABLE pfts USING fts5(text, {tokenizer})")
        weights = ", ".join(str(weight) for weight in _WEIGHTS)
        self._db.execute(f"INSERT INTO fts(fts, rank) VALUES ('rank', 'bm25({weights})')")
        self._db.execute(
            "CREATE TABLE meta (id INTEGER PRIMARY KEY, kind TEXT, section TEXT, y0 INTEGER, y1 INTEGER, "
            "place TEXT, sort REAL, record TEXT, shown_when TEXT, paragraphs TEXT)"
        )
        self._db.execute("CREATE TABLE names (name TEXT, id INTEGER, acronym INTEGER)")
        ids: list[str] = []
        self._allowed_cache: tuple[tuple[str, tuple[object, ...]], set[int]] | None = None
        self._cited_by: dict[int, list[int]] = {}
        self._paragraph_text = {number: p.text for number, p in (paragraphs or {}).items()}
        expander = _Expander(glossary)
        fts_rows = []
        meta_rows = []
        name_rows = []
        for rowid, record in enumerate(records):
            y0, y1 = self._years(record)
            ids.append(record.id)
            names = [name for name in (record.acronym, *record.aliases) if name]
            joined = " ; ".join(names)
            fts_rows.append(
                (
                    rowid,
                    record.title,
                    joined,
                    expander.expand(f"{record.title} {joined} {record.summary}"),
                    record.summary,
                    record.place or "",
                )
            )
            meta_rows.append(
                (
                    rowid,
                    record.kind.value,
                    record.section,
                    y0,
                    y1,
                    normalised(record.place or ""),
                    record.when.sort_key()[1] if record.when.known else 1e9,
                    record.id,
                    record.when.human() if record.when.known else "",
                    " ".join(map(str, record.paragraphs)),
                )
            )
            name_rows.append((normalised(record.title), rowid, 0))
            name_rows.extend((normalised(name), rowid, 1) for name in names)
            for number in record.paragraphs:
                self._cited_by.setdefault(number, []).append(rowid)
        self._db.executemany(
            "INSERT INTO fts(rowid, title, acronyms, expansions, summary, place) VALUES (?, ?, ?, ?, ?, ?)",
            fts_rows,
        )
        self._db.executemany(
            "INSERT INTO pfts(rowid, text) VALUES (?, ?)",
            [(number, p.text) for number, p in (paragraphs or {}).items()],
        )
        self._db.executemany("INSERT INTO meta VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", meta_rows)
        self._db.executemany("INSERT INTO names VALUES (?, ?, ?)", name_rows)
        self._db.execute("CREATE INDEX names_by_name ON names(name)")
        self._db.execute("CREATE INDEX meta_by_date ON meta(sort, id)")
        self._db.execute("CREATE VIRTUAL TABLE vocab USING fts5vocab(fts, 'row')")
        self._db.execute("CREATE VIRTUAL TABLE pvocab USING fts5vocab(pfts, 'row')")
        self._vocabulary = sorted(
            {term for (term,) in self._db.execute("SELECT term FROM vocab UNION SELECT term FROM pvocab")}
        )
        self._ids: list[str] | None = ids  # record ids by rowid; a cached index reads them when first needed
        self._count_records = len(ids)
        self._known = set(self._vocabulary)
        self._deletes: dict[str, list[str]] = {}
        for term in self._vocabulary:
            if len(term) >= TYPO_MIN_LENGTH - 1 and not term.isdigit():
                for variant in _deletions(term):
                    self._deletes.setdefault(variant, []).append(term)

    @classmethod
    def from_dataset(cls, dataset: Dataset, today: dt.date | None = None) -> SearchIndex:
        """The index of ``dataset``; from its cache when it has one that matches (see ``Dataset.cache``),
        else built, then saved there. The cache is for one day: ongoing records' years run to today."""
        today = today or dt.date.today()
        slot = dataset.cache
        if slot is not None:
            cached = cls._cached(slot, today, in_memory=True)
            if cached is not None and cached[0]._count_records == len(dataset.records):
                index = cached[0]
                index._ids = list(dataset.records)
                return index
        index = cls(
            dataset.records.values(),
            dataset.glossary,
            dict(dataset.paragraphs),
            [section.id for section in dataset.sections],
            today,
        )
        if slot is not None:
            index._save(slot, today, dataset.info.file)
        return index

    def _save(self, slot: CacheSlot, today: dt.date, source_file: str) -> None:
        """Two files: the database as it is, then what names it (by its SHA-256) with the rest of the index
        and the file of the dataset's source text (without which the dataset does not open)."""
        database = self._db.serialize()
        if not cachefile.write_bytes(slot.path(_DATABASE_KIND), database):
            return
        state = (
            hashlib.sha256(database).hexdigest(),
            self._count_records,
            self._cited_by,
            self._vocabulary,
            self._deletes,
            self.section_ids,
            source_file,
        )
        slot.write(_INDEX_KIND, state, today.isoformat())

    @classmethod
    def _cached(cls, slot: CacheSlot, today: dt.date, *, in_memory: bool) -> tuple[SearchIndex, str] | None:
        """The index saved in ``slot`` for ``today``, and its dataset's source text file; None when there is
        none, or it is damaged, or its database is not the one it names.

        In memory, queries never wait for the disk (the window, keystroke after keystroke); opened in place,
        nothing is read but the pages a query needs (one search from the shell)."""
        state = slot.read(_INDEX_KIND, today.isoformat())
        if state is None:
            return None
        path = slot.path(_DATABASE_KIND)
        try:
            database_digest, count, cited_by, vocabulary, deletes, section_ids, source_file = state
            if in_memory:
                data = path.read_bytes()
                if hashlib.sha256(data).hexdigest() != database_digest:
                    return None
                db = sqlite3.connect(":memory:", check_same_thread=False)
                db.deserialize(data)
            else:
                with path.open("rb") as stream:
                    if hashlib.file_digest(stream, "sha256").hexdigest() != database_digest:
                        return None
                uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
                db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            index = cls.__new__(cls)
            index.section_ids = tuple(section_ids)
            index._today = today
            index._db = db
            index._ids = None
            index._count_records = int(count)
            index._allowed_cache = None
            index._cited_by = cited_by
            index._paragraph_text = dict(db.execute("SELECT rowid, text FROM pfts"))
            index._vocabulary = vocabulary
            index._known = set(vocabulary)
            index._deletes = deletes
        except (OSError, sqlite3.Error, ValueError, TypeError, KeyError):
            return None  # a cache from another SQLite or otherwise unusable: build the index again
        return index, str(source_file)

    def _record_ids(self) -> list[str]:
        if self._ids is None:
            self._ids = [record for (record,) in self._db.execute("SELECT record FROM meta ORDER BY id")]
        return self._ids

    def _shown(self, rowids: Sequence[int]) -> dict[int, _Shown]:
        """What the hits show of these records, read from the index itself: a cached index needs no dataset."""
        shown: dict[int, _Shown] = {}
        for start in range(0, len(rowids), 500):
            chunk = rowids[start : start + 500]
            rows = self._db.execute(
                "SELECT m.id, m.record, m.kind, m.shown_when, m.paragraphs, f.title, f.acronyms, f.summary, "
                f"f.place FROM meta m JOIN fts f ON f.rowid = m.id WHERE m.id IN ({', '.join('?' * len(chunk))})",
                chunk,
            )
            for rowid, record, kind, when, paragraphs, title, names, summary, place in rows:
                numbers = tuple(map(int, paragraphs.split()))
                shown[rowid] = _Shown(record, Kind(kind), title, when, summary, place, names, numbers)
        return shown

    def _years(self, record: Record) -> tuple[int, int]:
        """The years a record spans, for year filters; ongoing records run to today; undated: none."""
        when = record.when
        start = when.start.year if when.start else (when.end.year if when.end else 0)
        end = when.end.year if when.end else (self._today.year if when.ongoing else start)
        return (start, end) if start else (-1, -1)

    def __len__(self) -> int:
        return self._count_records

    # --- searching -----------------------------------------------------------------------------------------

    def search(self, text: str, limit: int = 50, filters: Filters | None = None) -> Result:
        """Ranked hits for ``text``; raises QueryError for a query that cannot mean anything."""
        query = parse_query(text, self.section_ids)
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
        position = bisect.bisect_left(self._vocabulary, word)
        return position < len(self._vocabulary) and self._vocabulary[position].startswith(word)

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

    def _filter_sql(self, filters: Filters) -> tuple[str, list[object]]:
        """A condition on ``meta`` for the filters ('' when there are none) and its parameters."""
        clauses: list[str] = []
        values: list[object] = []
        if filters.kinds:
            clauses.append(f"kind IN ({', '.join('?' * len(filters.kinds))})")
            values.extend(sorted(kind.value for kind in filters.kinds))
        if filters.section_ids:
            clauses.append(f"section IN ({', '.join('?' * len(filters.section_ids))})")
            values.extend(sorted(filters.section_ids))
        if filters.years is not None:
            clauses.append("y0 <= ? AND y1 >= ? AND y0 > 0")
            values.extend([filters.years[1], filters.years[0]])
        if filters.place:
            clauses.append("place LIKE ?")
            values.append(f"%{filters.place}%")
        return " AND ".join(clauses), values

    def _run(self, result: Result, limit: int) -> None:
        query = result.query
        expression = self._match_expression(query, result.corrected)
        condition, values = self._filter_sql(query.filters)
        allowed = self._allowed(condition, values)
        fuzzy = bool(result.corrected)
        ranked: dict[int, int] = {}  # rowid -> tier, in rank order

        def take(rowids: Iterable[int], tier: int) -> None:
            for rowid in rowids:
                if len(ranked) >= limit:
                    return
                if rowid not in ranked and (allowed is None or rowid in allowed):
                    ranked[rowid] = tier + (10 if fuzzy else 0)

        if not fuzzy and not query.phrases:
            self._name_tiers(" ".join(query.words), take, limit + len(ranked))
        for tier, match in ((3, "{title acronyms} : (" + expression + ")"), (4, expression)):
            if len(ranked) < limit:
                take(self._fts_rowids(match, limit + len(ranked), allowed), tier)
        if len(ranked) < limit:
            take(self._paragraph_rowids(expression), 5)
        result.total = max(len(ranked), self._count(expression, allowed))
        shown = self._shown(list(ranked))
        snippets = self._snippets(shown, result.highlight_words)
        for rowid, tier in ranked.items():
            record = shown[rowid]
            snippet = snippets.get(rowid) or record.summary[:160]
            score = float(len(ranked) - len(result.hits))
            result.hits.append(
                Hit(record.id, record.kind, record.title, record.when, score, tier, _segments(snippet), fuzzy)
            )

    def _allowed(self, condition: str, values: list[object]) -> set[int] | None:
        """Rowids passing the filters; kept while the filters stay the same from keystroke to keystroke."""
        if not condition:
            return None
        key = (condition, tuple(values))
        if self._allowed_cache is None or self._allowed_cache[0] != key:
            rows = self._db.execute(f"SELECT id FROM meta WHERE {condition}", values)
            self._allowed_cache = (key, {rowid for (rowid,) in rows})
        return self._allowed_cache[1]

    def _name_tiers(self, phrase: str, take: Callable[[Iterable[int], int], None], limit: int) -> None:
        """Tier 0: a title, acronym or alias equal to the query; 1: an acronym starting with it; 2: a title."""
        if not phrase:
            return
        exact = self._db.execute("SELECT id FROM names WHERE name = ? ORDER BY acronym DESC, id", (phrase,))
        take((rowid for (rowid,) in exact), 0)
        upper = phrase + "\U0010ffff"
        for tier, flag in ((1, 1), (2, 0)):
            rows = self._db.execute(
                "SELECT id FROM names WHERE name >= ? AND name < ? AND acronym = ? LIMIT ?",
                (phrase, upper, flag, limit),
            )
            take((rowid for (rowid,) in rows), tier)

    def _fts_rowids(self, match: str, wanted: int, allowed: set[int] | None) -> Iterator[int]:
        """Matching rowids best first, fetched in growing batches until ``wanted`` pass the filters.

        Filters are applied here rather than in SQL: a rowid constraint makes FTS5 run the match once per
        allowed row, which is far slower than ranking the matches and skipping the few that are filtered out.
        A match broader than RANK_WITHIN rows (two typed letters over a very large dataset) is listed in data
        order: ranking it would cost more than a keystroke allows, and the next letter narrows it.
        """
        (broad,) = self._db.execute(
            "SELECT count(*) > ? FROM (SELECT rowid FROM fts WHERE fts MATCH ? LIMIT ?)",
            (RANK_WITHIN, match, RANK_WITHIN + 1),
        ).fetchone()
        order = "" if broad else " ORDER BY rank"
        batch = wanted
        offset = 0
        passed = 0
        while True:
            try:
                rows = self._db.execute(
                    f"SELECT rowid FROM fts WHERE fts MATCH ?{order} LIMIT ? OFFSET ?", (match, batch, offset)
                ).fetchall()
            except sqlite3.OperationalError as error:  # defensive: expressions are built from clean words
                raise QueryError(f"the query could not be run: {error}") from None
            for (rowid,) in rows:
                if allowed is None or rowid in allowed:
                    passed += 1
                    yield rowid
            if len(rows) < batch or passed >= wanted:
                return
            offset += batch
            batch *= 4

    def _paragraph_rowids(self, expression: str) -> Iterator[int]:
        """Records drawn from the paragraphs that match, best paragraph first."""
        numbers = [
            n
            for (n,) in self._db.execute(
                "SELECT rowid FROM pfts WHERE pfts MATCH ? ORDER BY rank", (expression,)
            )
        ]
        for number in numbers:
            yield from self._cited_by.get(number, ())

    def _count(self, expression: str, allowed: set[int] | None) -> int:
        """How many records match, counted up to COUNT_CAP (unranked rowids are cheap to list)."""
        if allowed is None:
            sql = "SELECT count(*) FROM (SELECT rowid FROM fts WHERE fts MATCH ? LIMIT ?)"
            (count,) = self._db.execute(sql, (expression, COUNT_CAP)).fetchone()
            return int(count)
        count = 0
        for (rowid,) in self._db.execute("SELECT rowid FROM fts WHERE fts MATCH ?", (expression,)):
            if rowid in allowed:
                count += 1
                if count >= COUNT_CAP:
                    break
        return count

    def _snippets(self, shown: dict[int, _Shown], words: Iterable[str]) -> dict[int, str]:
        """Snippets for the returned hits only, made here from the record's own text (or its paragraph).

        Asking FTS5 for snippets of chosen rows makes it re-run the match for each row; marking the query's
        words in at most a few dozen short texts is far cheaper.
        """
        pattern = _words_pattern(words)
        found: dict[int, str] = {}
        if pattern is None:
            return found
        for rowid, record in shown.items():
            texts = [record.summary, record.title, record.place, record.names]
            texts.extend(self._paragraph_text.get(number, "") for number in record.paragraphs)
            for text in texts:
                snippet = _snippet(text, pattern)
                if snippet is not None:
                    found[rowid] = snippet
                    break
        return found

    def _filtered_only(self, result: Result, limit: int) -> None:
        condition, values = self._filter_sql(result.query.filters)
        # Records that start inside the chosen years come before those that only run through them.
        years = result.query.filters.years
        order = "y0 < ?, sort, id" if years else "sort, id"
        sql = f"SELECT id FROM meta WHERE {condition or '1'} ORDER BY {order} LIMIT ?"
        rows = self._db.execute(sql, [*values, *([years[0]] if years else []), limit]).fetchall()
        (result.total,) = self._db.execute(
            f"SELECT count(*) FROM meta WHERE {condition or '1'}", values
        ).fetchone()
        rowids = [rowid for (rowid,) in rows]
        shown = self._shown(rowids)
        for record in map(shown.__getitem__, rowids):
            snippet = (Segment(record.summary[:160], False),)
            result.hits.append(Hit(record.id, record.kind, record.title, record.when, 0.0, 6, snippet))

    def matching_ids(self, text: str, filters: Filters | None = None) -> frozenset[str]:
        """Every record matching (no limit): what the other views keep while a search is active. The same
        records as an unlimited :meth:`search` finds, without ranking them or making their snippets."""
        query = parse_query(text, self.section_ids)
        if filters is not None:
            query = replace(query, filters=query.filters.merged(filters))
        if not query.has_text and not query.filters.active:
            raise QueryError("type something to search for")
        condition, values = self._filter_sql(query.filters)
        if not query.has_text:
            rows = self._db.execute(f"SELECT id FROM meta WHERE {condition or '1'}", values)
            ids = self._record_ids()
            return frozenset(ids[rowid] for (rowid,) in rows)
        corrections = self._corrections(query)
        if any(not terms for terms in corrections.values()):
            return frozenset()  # a word matching nothing, not even with a typo: no hits, only suggestions
        expression = self._match_expression(query, corrections)
        allowed = self._allowed(condition, values)
        rowids: set[int] = set()
        if not corrections and not query.phrases:
            phrase = " ".join(query.words)
            if phrase:
                upper = phrase + "\U0010ffff"
                rows = self._db.execute("SELECT id FROM names WHERE name >= ? AND name < ?", (phrase, upper))
                rowids.update(map(_first, rows))
        try:
            rowids.update(map(_first, self._db.execute(_ALL_MATCHES, (expression,))))
        except sqlite3.OperationalError as error:  # defensive, as in _fts_rowids
            raise QueryError(f"the query could not be run: {error}") from None
        rowids.update(self._paragraph_rowids(expression))
        if allowed is not None:
            rowids &= allowed
        ids = self._record_ids()
        return frozenset([ids[rowid] for rowid in rowids])


@dataclass(frozen=True, slots=True)
class _Shown:
    """What a hit shows of its record, and the texts its snippet is drawn from (the index's own copies)."""

    id: str
    kind: Kind
    title: str
    when: str
    summary: str
    place: str
    names: str
    paragraphs: tuple[int, ...]


def open_index(folder: Path, today: dt.date | None = None) -> SearchIndex:
    """The search index of the dataset folder ``folder`` for the command line: from the user's cache when one
    was made from exactly these files (then no record is loaded: a hit's texts are in the index), else from
    the dataset, opened and checked as usual (which raises DataError for bad data) and the index saved."""
    from ajexplorer.domain.loading import digest, open_dataset, user_cache_slot  # noqa: PLC0415 - only here
    from ajexplorer.paths import schema_dir  # noqa: PLC0415 - keep the domain importable without the app

    today = today or dt.date.today()
    slot = user_cache_slot(folder, digest(folder, schema_dir()))
    cached = SearchIndex._cached(slot, today, in_memory=False)
    if cached is not None and (folder / cached[1]).is_file():
        return cached[0]  # without its source text the dataset does not open: then let that load say so
    return SearchIndex.from_dataset(open_dataset(folder), today)


class _Expander:
    """Adds to a text the expansions of the acronyms it uses and the acronyms of expansions it spells out.

    Works on word sequences with dictionary lookups keyed by first word, so its cost grows with the text,
    not with the glossary.
    """

    def __init__(self, glossary: Sequence[GlossaryEntry]) -> None:
        self._phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for entry in glossary:
            for form in entry.forms:
                self._add(tuple(words_of(form)), entry.expansion)
            self._add(tuple(words_of(entry.expansion)), entry.acronym)

    def _add(self, words: tuple[str, ...], adds: str) -> None:
        if words:
            self._phrases.setdefault(words[0], []).append((words, adds))

    def expand(self, text: str) -> str:
        words = words_of(text)
        added: dict[str, None] = {}
        for position, word in enumerate(words):
            for phrase, adds in self._phrases.get(word, ()):
                if tuple(words[position : position + len(phrase)]) == phrase:
                    added[adds] = None
        return " ; ".join(added)


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


def _words_pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    """Matches any of ``words`` at word starts, case-insensitively."""
    ordered = sorted(set(words), key=len, reverse=True)
    if not ordered:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(word) for word in ordered) + r")\w*", re.IGNORECASE)


SNIPPET_CHARS = 110


def _snippet(text: str, pattern: re.Pattern[str]) -> str | None:
    """About SNIPPET_CHARS characters of ``text`` around its first match, matches marked; None if none."""
    first = pattern.search(text)
    if first is None:
        return None
    begin = max(0, first.start() - SNIPPET_CHARS // 3)
    if begin > 0:
        space = text.find(" ", begin)
        begin = space + 1 if 0 <= space < first.start() else first.start()
    finish = min(len(text), begin + SNIPPET_CHARS)
    if finish < len(text):
        space = text.rfind(" ", first.end(), finish)
        finish = space if space > 0 else finish
    parts: list[str] = ["… " if begin > 0 else ""]
    position = begin
    for match in pattern.finditer(text, begin, finish):
        parts.append(text[position : match.start()])
        parts.append(f"{_MARK_OPEN}{match.group(0)}{_MARK_CLOSE}")
        position = match.end()
    parts.append(text[position:finish])
    parts.append(" …" if finish < len(text) else "")
    return "".join(parts)
