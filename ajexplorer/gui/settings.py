"""Window state and recently opened datasets that survive a restart, read defensively.

QSettings reports no error for a corrupt file and hands back whatever it parsed, so every value is type-checked
here and anything odd means the default. The file's location is passed in, never looked up globally, so tests
and portable installs choose their own.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from ajexplorer.presentation.themes import Theme, parse_theme

_GEOMETRY = "window/geometry"
_STATE = "window/state"
_SPLITTER = "window/splitter"
_RECORD = "navigation/record"
_RECENT = "datasets/recent"
_LAST_DATASET = "datasets/last"
_THEME = "view/theme"
_LANGUAGE = "interface/language"
_HIDE_UNMATCHED = "filters/hide_unmatched"
_MAX_BLOB = 64 * 1024
_MAX_PATH = 4096
_MAX_TITLE = 300
#: How many recently opened datasets the File menu lists.
MAX_RECENT = 8


@dataclass(frozen=True, slots=True)
class RecentDataset:
    """A dataset folder someone opened, with the title it had then (shown in the menu)."""

    folder: Path
    title: str


def _same_folder_key(folder: Path) -> str:
    return os.path.normcase(os.path.normpath(str(folder)))


def _folder(value: object) -> Path | None:
    """An absolute folder path from a stored value; None for anything else."""
    if not isinstance(value, str) or not 0 < len(value) <= _MAX_PATH or "\0" in value:
        return None
    path = Path(value)
    return path if path.is_absolute() else None


class Settings:
    """Typed access to the settings file; never raises on bad content."""

    def __init__(self, path: Path, notebook: Path | None = None) -> None:
        self._store = QSettings(str(path), QSettings.Format.IniFormat)
        #: Where the person's notebook lives (in the user's data folder); None: the window keeps no notebook.
        self.notebook_path = notebook

    def _blob(self, key: str) -> QByteArray | None:
        try:
            value = self._store.value(key)
        except Exception:  # noqa: BLE001 - a corrupt file must mean defaults, whatever Qt raises
            return None
        if isinstance(value, QByteArray) and 0 < value.size() <= _MAX_BLOB:
            return value
        return None

    def geometry(self) -> QByteArray | None:
        return self._blob(_GEOMETRY)

    def window_state(self) -> QByteArray | None:
        return self._blob(_STATE)

    def splitter_state(self) -> QByteArray | None:
        return self._blob(_SPLITTER)

    def _value(self, key: str) -> object:
        try:
            return self._store.value(key)
        except Exception:  # noqa: BLE001 - see _blob
            return None

    def last_record(self) -> str | None:
        value = self._value(_RECORD)
        return value if isinstance(value, str) and 0 < len(value) <= 200 else None

    def recent_datasets(self) -> list[RecentDataset]:
        """Most recent first, without duplicates, at most MAX_RECENT; empty when the stored value is odd."""
        text = self._value(_RECENT)
        if not isinstance(text, str) or len(text) > _MAX_BLOB:
            return []
        try:
            items = json.loads(text)
        except ValueError:
            return []
        if not isinstance(items, list):
            return []
        found: list[RecentDataset] = []
        seen: set[str] = set()
        for item in items:
            if not isinstance(item, dict):
                continue
            folder = _folder(item.get("folder"))
            title = item.get("title")
            if folder is None or _same_folder_key(folder) in seen:
                continue
            if not isinstance(title, str) or not title.strip():
                title = folder.name or str(folder)
            seen.add(_same_folder_key(folder))
            found.append(RecentDataset(folder, title[:_MAX_TITLE]))
            if len(found) == MAX_RECENT:
                break
        return found

    def add_recent_dataset(self, folder: Path, title: str) -> list[RecentDataset]:
        """Put ``folder`` first (once) and return the new list."""
        entry = RecentDataset(folder.resolve(), title.strip()[:_MAX_TITLE] or folder.name)
        key = _same_folder_key(entry.folder)
        others = [item for item in self.recent_datasets() if _same_folder_key(item.folder) != key]
        entries = [entry, *others][:MAX_RECENT]
        self._write_recent(entries)
        return entries

    def clear_recent_datasets(self) -> None:
        self._store.remove(_RECENT)
        self._store.sync()

    def _write_recent(self, entries: list[RecentDataset]) -> None:
        items = [{"folder": str(entry.folder), "title": entry.title} for entry in entries]
        self._store.setValue(_RECENT, json.dumps(items))
        self._store.sync()

    def last_dataset(self) -> Path | None:
        """The folder a person last chose to open, to show again at the next start; None: the bundled data."""
        return _folder(self._value(_LAST_DATASET))

    def set_last_dataset(self, folder: Path | None) -> None:
        if folder is None:
            self._store.remove(_LAST_DATASET)
        else:
            self._store.setValue(_LAST_DATASET, str(folder.resolve()))
        self._store.sync()

    def theme(self) -> Theme:
        """View > Theme as last chosen; following the desktop when unset or odd."""
        return parse_theme(self._value(_THEME))

    def set_theme(self, theme: Theme) -> None:
        self._store.setValue(_THEME, theme.value)
        self._store.sync()

    def language(self) -> str:
        """The language chosen in View > Language (a code such as ``ja``), or ``system``: the system's."""
        value = self._value(_LANGUAGE)
        return value if isinstance(value, str) and value.isascii() and 0 < len(value) <= 16 else "system"

    def set_language(self, choice: str) -> None:
        self._store.setValue(_LANGUAGE, choice)
        self._store.sync()

    def hide_unmatched(self) -> bool:
        """Whether what a search or filter leaves out is hidden (True) or dimmed (the default)."""
        return self._value(_HIDE_UNMATCHED) in (True, "true")

    def set_hide_unmatched(self, hide: bool) -> None:
        self._store.setValue(_HIDE_UNMATCHED, "true" if hide else "false")
        self._store.sync()

    def save(
        self, *, geometry: QByteArray, state: QByteArray, splitter: QByteArray, record: str | None
    ) -> None:
        """Write everything at once; a read-only or unwritable location is silently left as it was."""
        self._store.setValue(_GEOMETRY, geometry)
        self._store.setValue(_STATE, state)
        self._store.setValue(_SPLITTER, splitter)
        if record:
            self._store.setValue(_RECORD, record)
        else:
            self._store.remove(_RECORD)
        self._store.sync()
