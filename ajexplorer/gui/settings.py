"""Window state that survives a restart, read defensively.

QSettings reports no error for a corrupt file and hands back whatever it parsed, so every value is type-checked
here and anything odd means the default. The file's location is passed in, never looked up globally, so tests
and portable installs choose their own.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

_GEOMETRY = "window/geometry"
_STATE = "window/state"
_SPLITTER = "window/splitter"
_RECORD = "navigation/record"
_MAX_BLOB = 64 * 1024


class Settings:
    """Typed access to the settings file; never raises on bad content."""

    def __init__(self, path: Path) -> None:
        self._store = QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def usable(self) -> bool:
        return self._store.status() == QSettings.Status.NoError

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

    def last_record(self) -> str | None:
        try:
            value = self._store.value(_RECORD)
        except Exception:  # noqa: BLE001 - see _blob
            return None
        return value if isinstance(value, str) and 0 < len(value) <= 200 else None

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
