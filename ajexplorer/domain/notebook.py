"""The person's notebook: stars, notes, collections and saved searches, kept in SQLite in the user's data folder.

What a person writes must never be lost, so the notebook is written through: every change is committed the moment
it is made, in WAL mode (a writer killed mid-commit leaves the last committed state intact, and another process
can read and write alongside). The whole notebook is also held in memory; when the disk refuses a write (a
read-only folder, a full disk) the change stays in memory, :attr:`Notebook.problem` says why, and
:meth:`Notebook.retry` writes what is pending once it can. A file that is not a readable database is moved aside,
never overwritten, and a fresh one started: :attr:`Notebook.moved_aside` names the old file so it can be offered.

Notes belong to targets: ``record:ID`` or ``paragraph:N``. A note keeps the title its target had when it was
written, so a note on a record that a later edition of the data no longer has still reads sensibly; such notes are
kept and listed as orphaned (:meth:`Notebook.orphans`), never dropped.

This module is plain Python over the standard library's ``sqlite3``: the window, the command line and other
exports (citations, briefings) read a record's note and a collection's records through it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import shutil
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ajexplorer.domain.model import Kind
from ajexplorer.domain.query import Filters

#: The notebook's file name inside the user's data folder.
NOTEBOOK_FILE = "notebook.sqlite3"
#: The schema this code writes; older files are migrated up to it when opened.
SCHEMA_VERSION = 2
#: How long a write waits for another process's write to finish before it counts as failed.
BUSY_TIMEOUT_MS = 5000
MAX_NAME_CHARS = 200
RECORD = "record"
PARAGRAPH = "paragraph"
_log = logging.getLogger("ajexplorer.notebook")


class NotebookError(ValueError):
    """A request the notebook cannot carry out as asked (an empty or duplicate name, an unknown collection)."""


def record_target(record_id: str) -> str:
    return f"{RECORD}:{record_id}"


def paragraph_target(number: int) -> str:
    return f"{PARAGRAPH}:{number}"


def split_target(target: str) -> tuple[str, str]:
    """``("record", ID)`` or ``("paragraph", "N")``; NotebookError for anything else."""
    kind, _, key = target.partition(":")
    if kind not in (RECORD, PARAGRAPH) or not key or (kind == PARAGRAPH and not key.isdigit()):
        raise NotebookError(f"not a record or paragraph: {target!r}")
    return kind, key


def record_id_of(target: str) -> str | None:
    """The record id in a ``record:`` target; None for a paragraph."""
    kind, _, key = target.partition(":")
    return key if kind == RECORD else None


@dataclass(frozen=True, slots=True)
class Note:
    """A star and a note on one target; either may be empty, not both (an entry with neither is removed)."""

    target: str
    text: str = ""
    starred: bool = False
    #: The target's title when the note was last written: what an orphaned note is listed under.
    title: str = ""
    created: str = ""
    modified: str = ""

    @property
    def empty(self) -> bool:
        return not self.starred and not self.text.strip()


@dataclass(frozen=True, slots=True)
class Collection:
    """A named list of targets, in the order they were added."""

    name: str
    targets: tuple[str, ...] = ()
    created: str = ""

    @property
    def record_ids(self) -> tuple[str, ...]:
        return tuple(key for key in map(record_id_of, self.targets) if key is not None)


@dataclass(frozen=True, slots=True)
class SavedSearch:
    """A query and the filter controls' state, re-run on whatever data is open."""

    name: str
    query: str
    filters: Filters = Filters()  # noqa: RUF009 - frozen, so one shared default is safe
    created: str = ""


def filters_to_json(filters: Filters) -> dict[str, Any]:
    return {
        "kinds": sorted(kind.value for kind in filters.kinds),
        "sections": sorted(filters.section_ids),
        "years": list(filters.years) if filters.years is not None else None,
        "place": filters.place,
    }


def filters_from_json(value: object) -> Filters:
    """Filters from stored JSON; anything unreadable is left out rather than refused (the query still runs)."""
    if not isinstance(value, dict):
        return Filters()
    kinds = frozenset(Kind(kind) for kind in value.get("kinds") or () if kind in {k.value for k in Kind})
    section_ids = frozenset(p for p in value.get("sections") or () if isinstance(p, str))
    years_value = value.get("years")
    years = None
    if (
        isinstance(years_value, list)
        and len(years_value) == 2
        and all(isinstance(year, int) and not isinstance(year, bool) for year in years_value)
    ):
        years = (min(years_value), max(years_value))
    place = value.get("place")
    return Filters(kinds, section_ids, years, place if isinstance(place, str) and place else None)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


# --- the file ----------------------------------------------------------------------------------------------


def _v1(db: sqlite3.Connection) -> None:
    db.execute(
        "CREATE TABLE notes (target TEXT PRIMARY KEY, text TEXT NOT NULL DEFAULT '', "
        "starred INTEGER NOT NULL DEFAULT 0, created TEXT NOT NULL, modified TEXT NOT NULL)"
    )
    db.execute(
        "CREATE TABLE collections (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL, "
        "created TEXT NOT NULL)"
    )
    db.execute(
        "CREATE TABLE collection_items (collection INTEGER NOT NULL REFERENCES collections(id) "
        "ON DELETE CASCADE, target TEXT NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (collection, target))"
    )
    db.execute(
        "CREATE TABLE saved_searches (key TEXT PRIMARY KEY, name TEXT NOT NULL, query TEXT NOT NULL, "
        "filters TEXT NOT NULL, created TEXT NOT NULL)"
    )


def _v2(db: sqlite3.Connection) -> None:
    """Notes remember their target's title, so notes on records a new edition dropped still read sensibly."""
    db.execute("ALTER TABLE notes ADD COLUMN title TEXT NOT NULL DEFAULT ''")


#: MIGRATIONS[n] takes a file at schema version n to n + 1. Append; never edit a released step.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1, _v2)
assert len(MIGRATIONS) == SCHEMA_VERSION


class UnusableFileError(Exception):
    """The file exists but is not a database this code can read (corrupt, or from a newer version)."""


def _connect(path: Path) -> sqlite3.Connection:
    """Open (creating if need be) and migrate. Raises UnusableFileError for a damaged file, OSError/sqlite3.Error
    for a place that cannot be written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        try:
            (check,) = db.execute("PRAGMA quick_check").fetchone()
        except sqlite3.DatabaseError as error:
            if isinstance(error, sqlite3.OperationalError) and "locked" in str(error):
                raise
            raise UnusableFileError(str(error)) from None
        if check != "ok":
            raise UnusableFileError(f"the database is damaged ({check})")
        (version,) = db.execute("PRAGMA user_version").fetchone()
        if version > SCHEMA_VERSION:
            raise UnusableFileError(f"it was written by a newer version of the app (schema {version})")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: a killed process never loses a commit
        db.execute("PRAGMA foreign_keys = ON")
        if version < SCHEMA_VERSION:
            _migrate(db, version)
    except BaseException:
        db.close()
        raise
    return db


def _migrate(db: sqlite3.Connection, version: int) -> None:
    """Every step and the new version number in one transaction: a migration happens whole or not at all."""
    db.execute("BEGIN IMMEDIATE")
    try:
        (version,) = db.execute("PRAGMA user_version").fetchone()  # another process may have done it
        for step in MIGRATIONS[version:]:
            step(db)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    _log.info("notebook migrated from schema %d to %d", version, SCHEMA_VERSION)


def _move_aside(path: Path) -> Path:
    """Rename the file (and its WAL and shared-memory files) to a name that says when and why."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.unreadable-{stamp}{path.suffix}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.stem}.unreadable-{stamp}-{counter}{path.suffix}")
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    path.rename(target)
    return target


def _problem(error: BaseException) -> str:
    text = str(error)
    if "full" in text:
        return "the disk is full"
    if "readonly" in text or "read-only" in text or isinstance(error, PermissionError):
        return "the notebook's folder or file is read-only"
    return text or type(error).__name__


# --- the notebook ------------------------------------------------------------------------------------------


class Notebook:
    """The notebook in memory, written through to its file as each change is made.

    Never raises for a file or disk problem: :attr:`problem` says what went wrong, the change is kept in memory
    and :attr:`pending` is true until :meth:`retry` (or the next change) writes it.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None
        self._notes: dict[str, Note] = {}
        self._collections: dict[str, Collection] = {}  # by folded name
        self._searches: dict[str, SavedSearch] = {}  # by folded name
        self._dirty_notes: set[str] = set()
        self._dirty_collections: set[str] = set()
        self._dirty_searches: set[str] = set()
        self._removed: dict[str, set[str]] = {}  # items taken out of a collection, not yet written
        #: Why the notebook cannot be written (None when all is saved).
        self.problem: str | None = None
        #: Where an unreadable file was moved to when a fresh one was started.
        self.moved_aside: Path | None = None
        #: Why that file could not be read.
        self.moved_aside_reason: str | None = None

    @classmethod
    def open(cls, path: Path) -> Notebook:
        """The notebook at ``path``; a fresh one if there is none or it cannot be read (see the module)."""
        notebook = cls(path)
        notebook._open_file()
        return notebook

    @classmethod
    def in_memory(cls) -> Notebook:
        """A notebook that is never written anywhere (tests, the command line)."""
        return cls(None)

    def _open_file(self) -> None:
        assert self.path is not None
        try:
            self._db = _connect(self.path)
        except UnusableFileError as error:
            try:
                self.moved_aside = _move_aside(self.path)
                self.moved_aside_reason = str(error)
                _log.warning(
                    "notebook %s could not be read (%s); moved to %s", self.path, error, self.moved_aside
                )
                self._db = _connect(self.path)
            except (OSError, sqlite3.Error) as again:
                self._fail(again)
                return
        except (OSError, sqlite3.Error) as error:
            self._fail(error)
            self._read_only()
            return
        self._read()

    def _read_only(self) -> None:
        """A file that cannot be written may still be read: its notes show while changes wait in memory."""
        assert self.path is not None
        if not self.path.is_file():
            return
        for mode in ("mode=ro", "immutable=1"):  # immutable: no -shm file can be made beside it either
            try:
                db = sqlite3.connect(f"{self.path.as_uri()}?{mode}", uri=True)
            except sqlite3.Error:
                continue
            try:
                if db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,):
                    self._read(db)
                    return
            except sqlite3.Error:
                continue
            finally:
                db.close()

    def _fail(self, error: BaseException) -> None:
        self.problem = _problem(error)
        _log.warning("notebook %s cannot be written: %s", self.path, error)

    @property
    def saved(self) -> bool:
        """Everything in memory is in the file (always true for an in-memory notebook)."""
        return self.path is None or (self._db is not None and not self.pending)

    @property
    def pending(self) -> bool:
        return bool(self._dirty_notes or self._dirty_collections or self._dirty_searches)

    def _read(self, db: sqlite3.Connection | None = None) -> None:
        db = db or self._db
        assert db is not None
        notes = {
            target: Note(target, text, bool(starred), title, created, modified)
            for target, text, starred, title, created, modified in db.execute(
                "SELECT target, text, starred, title, created, modified FROM notes"
            )
        }
        items: dict[int, list[str]] = {}
        for collection, target in db.execute(
            "SELECT collection, target FROM collection_items ORDER BY collection, position"
        ):
            items.setdefault(collection, []).append(target)
        collections = {
            key: Collection(name, tuple(items.get(row, ())), created)
            for row, key, name, created in db.execute(
                "SELECT id, key, name, created FROM collections ORDER BY id"
            )
        }
        searches = {}
        for key, name, query, filters, created in db.execute(
            "SELECT key, name, query, filters, created FROM saved_searches"
        ):
            try:
                stored = json.loads(filters)
            except ValueError:
                stored = None
            searches[key] = SavedSearch(name, query, filters_from_json(stored), created)
        # What is still waiting to be written wins over what the file holds.
        for target in self._dirty_notes:
            if target in self._notes:
                notes[target] = self._notes[target]
            else:
                notes.pop(target, None)
        self._notes = notes
        for key in self._dirty_collections:
            if key in self._collections:
                collections[key] = self._collections[key]
            else:
                collections.pop(key, None)
        self._collections = collections
        for key in self._dirty_searches:
            if key in self._searches:
                searches[key] = self._searches[key]
            else:
                searches.pop(key, None)
        self._searches = searches

    def reload(self) -> None:
        """Read the file again (another window or process may have written to it); pending changes are kept."""
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._read()

    def close(self) -> None:
        """Write what is pending (if the disk allows) and close the file."""
        self.retry()
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None

    # --- writing -------------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        assert self._db is not None
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def retry(self) -> bool:
        """Write everything pending; True when the notebook is saved in full."""
        if self.path is None:
            return True
        if self._db is None:
            try:
                self._db = _connect(self.path)
            except (UnusableFileError, OSError, sqlite3.Error) as error:
                self._fail(error)
                return False
            self._read()
        try:
            with self._transaction() as db:
                for target in sorted(self._dirty_notes):
                    self._write_note(db, target)
                for key in sorted(self._dirty_collections):
                    self._write_collection(db, key)
                for key in sorted(self._dirty_searches):
                    self._write_search(db, key)
        except sqlite3.Error as error:
            self._fail(error)
            return False
        self._dirty_notes.clear()
        self._dirty_collections.clear()
        self._dirty_searches.clear()
        self._removed.clear()
        if self.problem is not None:
            _log.info("notebook %s saved again", self.path)
        self.problem = None
        return True

    def _write_note(self, db: sqlite3.Connection, target: str) -> None:
        note = self._notes.get(target)
        if note is None:
            db.execute("DELETE FROM notes WHERE target = ?", (target,))
            return
        db.execute(
            "INSERT INTO notes (target, text, starred, title, created, modified) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (target) DO UPDATE SET text = excluded.text, starred = excluded.starred, "
            "title = excluded.title, modified = excluded.modified",
            (note.target, note.text, int(note.starred), note.title, note.created, note.modified),
        )

    def _write_collection(self, db: sqlite3.Connection, key: str) -> None:
        """The collection as held in memory: its items are merged with those another process added."""
        collection = self._collections.get(key)
        row = db.execute("SELECT id FROM collections WHERE key = ?", (key,)).fetchone()
        if collection is None:
            if row is not None:
                db.execute("DELETE FROM collections WHERE id = ?", row)
            return
        if row is None:
            row = db.execute(
                "INSERT INTO collections (key, name, created) VALUES (?, ?, ?) RETURNING id",
                (key, collection.name, collection.created),
            ).fetchone()
        else:
            db.execute("UPDATE collections SET name = ? WHERE id = ?", (collection.name, row[0]))
        (collection_id,) = row
        wanted = set(collection.targets)
        stored = {
            target
            for (target,) in db.execute(
                "SELECT target FROM collection_items WHERE collection = ?", (collection_id,)
            )
        }
        removed = self._removed.get(key, set())
        for target in (stored - wanted) & removed:
            db.execute(
                "DELETE FROM collection_items WHERE collection = ? AND target = ?", (collection_id, target)
            )
        for position, target in enumerate(collection.targets):
            db.execute(
                "INSERT INTO collection_items (collection, target, position) VALUES (?, ?, ?) "
                "ON CONFLICT DO UPDATE SET position = excluded.position",
                (collection_id, target, position),
            )

    def _write_search(self, db: sqlite3.Connection, key: str) -> None:
        search = self._searches.get(key)
        if search is None:
            db.execute("DELETE FROM saved_searches WHERE key = ?", (key,))
            return
        db.execute(
            "INSERT INTO saved_searches (key, name, query, filters, created) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET name = excluded.name, query = excluded.query, "
            "filters = excluded.filters",
            (key, search.name, search.query, json.dumps(filters_to_json(search.filters)), search.created),
        )

    def _changed(
        self, notes: Iterable[str] = (), collections: Iterable[str] = (), searches: Iterable[str] = ()
    ) -> bool:
        """Mark what changed and write it now. True when it reached the file."""
        self._dirty_notes.update(notes)
        self._dirty_collections.update(collections)
        self._dirty_searches.update(searches)
        return self.retry()

    # --- notes and stars -----------------------------------------------------------------------------------

    def note(self, target: str) -> Note | None:
        return self._notes.get(target)

    def record_note(self, record_id: str) -> Note | None:
        """The person's star and note on a record (for briefings, citations and links)."""
        return self._notes.get(record_target(record_id))

    def paragraph_note(self, number: int) -> Note | None:
        return self._notes.get(paragraph_target(number))

    def notes(self) -> list[Note]:
        """Every note and star, most recently changed first."""
        return sorted(self._notes.values(), key=lambda note: (note.modified, note.target), reverse=True)

    def starred(self) -> list[Note]:
        return [note for note in self.notes() if note.starred]

    def with_text(self) -> list[Note]:
        return [note for note in self.notes() if note.text.strip()]

    def set_text(self, target: str, text: str, title: str = "") -> bool:
        """Write a note (committed at once). True when it reached the file."""
        return self._update(target, title, text=text)

    def set_starred(self, target: str, starred: bool, title: str = "") -> bool:
        return self._update(target, title, starred=starred)

    def _update(self, target: str, title: str, **change: Any) -> bool:
        split_target(target)
        now = _now()
        old = self._notes.get(target) or Note(target, created=now)
        new = replace(old, **change, title=title or old.title, modified=now)
        if new == replace(old, modified=now) and target in self._notes:
            return self.saved  # nothing changed
        if new.empty:
            self._notes.pop(target, None)
        else:
            self._notes[target] = new
        return self._changed(notes=[target])

    def marked_records(self) -> tuple[frozenset[str], frozenset[str]]:
        """The ids of starred records and of records with a note: what the views mark."""
        starred = frozenset(
            key for note in self._notes.values() if note.starred and (key := record_id_of(note.target))
        )
        noted = frozenset(
            key for note in self._notes.values() if note.text.strip() and (key := record_id_of(note.target))
        )
        return starred, noted

    def orphans(self, known_records: Callable[[str], bool], paragraphs: int) -> list[Note]:
        """Notes whose record or paragraph the open data does not have: kept, and listed apart."""
        found = []
        for note in self.notes():
            kind, key = split_target(note.target)
            missing = not known_records(key) if kind == RECORD else not 1 <= int(key) <= paragraphs
            if missing:
                found.append(note)
        return found

    # --- collections ---------------------------------------------------------------------------------------

    def collections(self) -> list[Collection]:
        return sorted(self._collections.values(), key=lambda c: c.name.casefold())

    def collection(self, name: str) -> Collection | None:
        return self._collections.get(name.strip().casefold())

    def collection_records(self, name: str) -> tuple[str, ...]:
        """The record ids in a collection, in the order they were added; NotebookError for no such collection."""
        collection = self.collection(name)
        if collection is None:
            raise NotebookError(f"there is no collection named {name!r}")
        return collection.record_ids

    def create_collection(self, name: str) -> Collection:
        name = _clean_name(name)
        if name.casefold() in self._collections:
            raise NotebookError(f"a collection named {name!r} already exists")
        collection = Collection(name, (), _now())
        self._collections[name.casefold()] = collection
        self._changed(collections=[name.casefold()])
        return collection

    def rename_collection(self, old: str, new: str) -> None:
        collection = self._need(old)
        new = _clean_name(new)
        if new.casefold() != old.casefold() and new.casefold() in self._collections:
            raise NotebookError(f"a collection named {new!r} already exists")
        del self._collections[old.casefold()]
        self._collections[new.casefold()] = replace(collection, name=new)
        if new.casefold() == old.casefold():
            self._changed(collections=[new.casefold()])
            return
        # A rename is a new row holding the same items, and the old row gone.
        self._changed(collections=[old.casefold(), new.casefold()])

    def delete_collection(self, name: str) -> None:
        self._need(name)
        del self._collections[name.casefold()]
        self._changed(collections=[name.casefold()])

    def add_to_collection(self, name: str, target: str) -> None:
        split_target(target)
        collection = self._need(name)
        if target not in collection.targets:
            self._collections[name.casefold()] = replace(collection, targets=(*collection.targets, target))
            self._changed(collections=[name.casefold()])

    def remove_from_collection(self, name: str, target: str) -> None:
        collection = self._need(name)
        if target in collection.targets:
            key = name.casefold()
            self._collections[key] = replace(
                collection, targets=tuple(t for t in collection.targets if t != target)
            )
            self._removed.setdefault(key, set()).add(target)
            self._changed(collections=[key])

    def _need(self, name: str) -> Collection:
        collection = self._collections.get(name.strip().casefold())
        if collection is None:
            raise NotebookError(f"there is no collection named {name!r}")
        return collection

    # --- saved searches ------------------------------------------------------------------------------------

    def saved_searches(self) -> list[SavedSearch]:
        return sorted(self._searches.values(), key=lambda s: s.name.casefold())

    def save_search(self, name: str, query: str, filters: Filters = Filters()) -> SavedSearch:  # noqa: B008
        """Save (or replace) a search under ``name``."""
        name = _clean_name(name)
        old = self._searches.get(name.casefold())
        search = SavedSearch(name, query, filters, old.created if old else _now())
        self._searches[name.casefold()] = search
        self._changed(searches=[name.casefold()])
        return search

    def rename_search(self, old: str, new: str) -> None:
        search = self._searches.get(old.strip().casefold())
        if search is None:
            raise NotebookError(f"there is no saved search named {old!r}")
        new = _clean_name(new)
        if new.casefold() != old.strip().casefold() and new.casefold() in self._searches:
            raise NotebookError(f"a saved search named {new!r} already exists")
        del self._searches[old.strip().casefold()]
        self._searches[new.casefold()] = replace(search, name=new)
        self._changed(searches={old.strip().casefold(), new.casefold()})

    def delete_search(self, name: str) -> None:
        if self._searches.pop(name.strip().casefold(), None) is not None:
            self._changed(searches=[name.strip().casefold()])

    # --- bulk ----------------------------------------------------------------------------------------------

    def merge(
        self, notes: Iterable[Note], collections: Iterable[Collection], searches: Iterable[SavedSearch]
    ) -> None:
        """Add what another notebook holds (an import): a note present in both keeps both texts, stars are
        kept, collections take the union of their items; nothing here is lost."""
        changed_notes, changed_collections, changed_searches = [], [], []
        for note in notes:
            mine = self._notes.get(note.target)
            if mine is None:
                merged = note
            else:
                text = mine.text
                if note.text.strip() and note.text.strip() not in mine.text:
                    text = f"{mine.text.rstrip()}\n\n{note.text}" if mine.text.strip() else note.text
                merged = replace(
                    mine, text=text, starred=mine.starred or note.starred, title=mine.title or note.title
                )
            if merged != mine and not merged.empty:
                self._notes[note.target] = merged
                changed_notes.append(note.target)
        for collection in collections:
            key = collection.name.casefold()
            mine_c = self._collections.get(key)
            targets = tuple(dict.fromkeys((*(mine_c.targets if mine_c else ()), *collection.targets)))
            merged_c = Collection(
                mine_c.name if mine_c else collection.name, targets, (mine_c or collection).created
            )
            if merged_c != mine_c:
                self._collections[key] = merged_c
                changed_collections.append(key)
        for search in searches:
            key = search.name.casefold()
            if key not in self._searches:
                self._searches[key] = search
                changed_searches.append(key)
        self._changed(changed_notes, changed_collections, changed_searches)


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise NotebookError("a name cannot be empty")
    if len(name) > MAX_NAME_CHARS:
        raise NotebookError(f"a name can have at most {MAX_NAME_CHARS} characters")
    return name


def copy_file(source: Path, destination: Path) -> None:
    """Copy a notebook file (a moved-aside one, for the person to keep or send), its WAL included."""
    shutil.copyfile(source, destination)
    wal = source.with_name(source.name + "-wal")
    if wal.exists():
        shutil.copyfile(wal, destination.with_name(destination.name + "-wal"))
