"""The notebook as files a person keeps: JSON (a full copy that imports back) and Markdown (to read or paste).

JSON is the backup and moving format: what :func:`notebook_to_json` writes, :func:`notebook_from_json` reads
back unchanged, and an import merges into the open notebook (nothing in it is replaced). A file that is not a
notebook is refused with the field that is wrong, before anything is merged.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ajexplorer.domain.notebook import (
    Collection,
    Note,
    Notebook,
    NotebookError,
    SavedSearch,
    filters_from_json,
    filters_to_json,
    split_target,
)

FORMAT = "ajexplorer-notebook"
FORMAT_VERSION = 1
#: An import larger than this is refused before it is parsed.
MAX_IMPORT_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class NotebookContents:
    """Everything a notebook holds, as plain values: what exports write and imports read."""

    notes: tuple[Note, ...] = ()
    collections: tuple[Collection, ...] = ()
    searches: tuple[SavedSearch, ...] = ()

    @classmethod
    def of(cls, notebook: Notebook) -> NotebookContents:
        notes = sorted(notebook.notes(), key=lambda note: note.target)
        return cls(tuple(notes), tuple(notebook.collections()), tuple(notebook.saved_searches()))

    def merge_into(self, notebook: Notebook) -> None:
        notebook.merge(self.notes, self.collections, self.searches)


def notebook_to_json(contents: NotebookContents, exported: dt.datetime | None = None) -> str:
    when = (exported or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds")
    document = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "exported": when,
        "notes": [
            {
                "target": note.target,
                "title": note.title,
                "starred": note.starred,
                "text": note.text,
                "created": note.created,
                "modified": note.modified,
            }
            for note in contents.notes
        ],
        "collections": [
            {"name": c.name, "created": c.created, "items": list(c.targets)} for c in contents.collections
        ],
        "saved_searches": [
            {"name": s.name, "query": s.query, "filters": filters_to_json(s.filters), "created": s.created}
            for s in contents.searches
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def notebook_from_json(text: str) -> NotebookContents:
    """Read an exported notebook; NotebookError naming the field for anything that is not one."""
    if len(text) > MAX_IMPORT_BYTES:
        raise NotebookError("the file is too large to be a notebook")
    try:
        document = json.loads(text)
    except ValueError as error:
        raise NotebookError(f"not JSON: {error}") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise NotebookError(f'not an exported notebook (no "format": "{FORMAT}")')
    version = document.get("version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise NotebookError(f"version: {version!r} is not one this version of the app reads")
    notes = tuple(_note(item, f"notes[{i}]") for i, item in enumerate(_list(document, "notes")))
    collections = tuple(
        _collection(item, f"collections[{i}]") for i, item in enumerate(_list(document, "collections"))
    )
    searches = tuple(
        _search(item, f"saved_searches[{i}]") for i, item in enumerate(_list(document, "saved_searches"))
    )
    return NotebookContents(notes, collections, searches)


def _list(document: dict[str, Any], key: str) -> list[Any]:
    value = document.get(key, [])
    if not isinstance(value, list):
        raise NotebookError(f"{key}: should be a list")
    return value


def _text(item: dict[str, Any], key: str, where: str, *, required: bool = False) -> str:
    value = item.get(key, None if required else "")
    if not isinstance(value, str):
        raise NotebookError(f"{where}.{key}: should be text")
    return value


def _object(item: object, where: str) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise NotebookError(f"{where}: should be an object")
    return item


def _target(value: str, where: str) -> str:
    try:
        split_target(value)
    except NotebookError as error:
        raise NotebookError(f"{where}: {error}") from None
    return value


def _note(item: object, where: str) -> Note:
    entry = _object(item, where)
    starred = entry.get("starred", False)
    if not isinstance(starred, bool):
        raise NotebookError(f"{where}.starred: should be true or false")
    return Note(
        _target(_text(entry, "target", where, required=True), f"{where}.target"),
        _text(entry, "text", where),
        starred,
        _text(entry, "title", where),
        _text(entry, "created", where),
        _text(entry, "modified", where),
    )


def _collection(item: object, where: str) -> Collection:
    entry = _object(item, where)
    name = _text(entry, "name", where, required=True).strip()
    if not name:
        raise NotebookError(f"{where}.name: cannot be empty")
    items = entry.get("items", [])
    if not isinstance(items, list) or not all(isinstance(target, str) for target in items):
        raise NotebookError(f"{where}.items: should be a list of targets")
    targets = tuple(_target(target, f"{where}.items[{i}]") for i, target in enumerate(items))
    return Collection(name, tuple(dict.fromkeys(targets)), _text(entry, "created", where))


def _search(item: object, where: str) -> SavedSearch:
    entry = _object(item, where)
    name = _text(entry, "name", where, required=True).strip()
    if not name:
        raise NotebookError(f"{where}.name: cannot be empty")
    return SavedSearch(
        name,
        _text(entry, "query", where, required=True),
        filters_from_json(entry.get("filters")),
        _text(entry, "created", where),
    )


def notebook_markdown(
    contents: NotebookContents, title_of: Callable[[str], str | None], heading: str = "Notebook"
) -> str:
    """The notebook to read: starred items, notes (the person's own Markdown, as written), collections and
    saved searches. ``title_of`` gives a target's title in the open data (None when it has none: the note's
    remembered title is used and the item is marked as not in the data)."""

    def name(target: str, remembered: str = "") -> str:
        title = title_of(target)
        if title is not None:
            return f"{title} ({target})"
        return f"{remembered or target} ({target}, not in the open data)"

    remembered = {note.target: note.title for note in contents.notes}
    lines = [f"# {heading}", ""]
    starred = [note for note in contents.notes if note.starred]
    if starred:
        lines += ["## Starred", ""]
        lines += [f"- {name(note.target, note.title)}" for note in starred]
        lines.append("")
    noted = [note for note in contents.notes if note.text.strip()]
    if noted:
        lines += ["## Notes", ""]
        for note in noted:
            lines += [f"### {name(note.target, note.title)}", "", note.text.strip(), ""]
    for collection in contents.collections:
        lines += [f"## Collection: {collection.name}", ""]
        lines += [f"- {name(target, remembered.get(target, ''))}" for target in collection.targets] or [
            "(empty)"
        ]
        lines.append("")
    if contents.searches:
        lines += ["## Saved searches", ""]
        for search in contents.searches:
            filters = filters_to_json(search.filters)
            shown = ", ".join(f"{key}: {value}" for key, value in filters.items() if value)
            lines.append(f"- {search.name}: `{search.query}`" + (f" ({shown})" if shown else ""))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
