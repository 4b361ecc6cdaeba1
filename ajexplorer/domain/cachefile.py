"""Files that save work already done (a checked dataset, its search index), never trusted beyond what they
were made from.

A cache file is one header line, then a pickle. The header names the kind of file, this version of the app and
of Python, the key of what it was made from (the digest of the dataset's files, schemas and loading code) and the
SHA-256 of the pickle: a file written for other files, by other code, or cut short or damaged on disk is
ignored, and the work is done again. Files are written whole or not at all (a temporary file, then a rename),
and a cache that cannot be written (a read-only folder, a full disk) only costs the time it would have saved.
Deleting any of them at any time is safe.

Pickle runs code from what it reads; these files are read only from the app's own folders (the bundled data,
the user's cache folder), where anyone able to write could already run code as the user.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from functools import cache
from itertools import repeat
from pathlib import Path
from typing import Any, BinaryIO

# The modules whose code decides what a loaded dataset holds, or how it is saved: when any changes, older caches
# are not used.
_SHAPING_MODULES = (
    "cachefile",
    "loading",
    "model",
    "dates",
    "yamlreader",
    "errors",
    "schemacheck",
    "search",
    "query",
)


def _header_prefix(kind: str, key: str) -> bytes:
    from ajexplorer import __version__  # noqa: PLC0415 - the package root imports nothing back

    python = ".".join(map(str, sys.version_info[:2]))
    return f"ajexplorer-{kind}-cache {__version__} python-{python} {key} ".encode("ascii")


class _Pickler(pickle.Pickler):
    """Saves slotted dataclasses as their field values, which load several times faster than the generic
    way (a dataset is mostly records, dates and their parts)."""

    def reducer_override(self, obj: Any) -> Any:
        cls = type(obj)
        if cls.__dict__.get("__dataclass_fields__") is not None and "__slots__" in cls.__dict__:
            # One tuple per object, the class then its values: the pickler keeps every tuple it saved until
            # the end, so a second one per object (for the values alone) would cost a large dataset tens of MiB.
            return _rebuilt, (cls, *[getattr(obj, name) for name in _field_names(cls)])
        return NotImplemented


def _field_names(cls: type) -> tuple[str, ...]:
    names: tuple[str, ...] | None = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(field.name for field in fields(cls))
    return names


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
_set = object.__setattr__
_consume: Callable[[Iterable[object]], None] = deque[object](maxlen=0).extend


def _rebuilt(cls: type, *values: Any) -> Any:
    """An instance of a slotted dataclass from its field values, without running its constructor (the values
    were checked when it first ran)."""
    obj: Any = object.__new__(cls)
    _consume(map(_set, repeat(obj), _FIELD_NAMES.get(cls) or _field_names(cls), values))  # the loop runs in C
    return obj


def _pickled(value: Any) -> io.BytesIO:
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=5).dump(value)
    return buffer


def _header(kind: str, key: str, payload: memoryview) -> bytes:
    return _header_prefix(kind, key) + hashlib.sha256(payload).hexdigest().encode("ascii") + b"\n"


def dumps(kind: str, key: str, value: Any) -> bytes:
    """The bytes of a cache file holding ``value``, made from what ``key`` names."""
    payload = _pickled(value).getbuffer()
    return _header(kind, key, payload) + payload


def loads(blob: bytes, kind: str, keys: Iterable[str]) -> tuple[str, Any] | None:
    """The key and value a cache file holds when it was made from one of ``keys`` and is whole; else None."""
    end = blob.find(b"\n", 0, 1024)
    if end < 0:
        return None
    line = blob[:end]
    for key in keys:
        prefix = _header_prefix(kind, key)
        if not line.startswith(prefix):
            continue
        payload = memoryview(blob)[end + 1 :]
        if hashlib.sha256(payload).hexdigest().encode("ascii") != line[len(prefix) :]:
            return None
        try:
            return key, pickle.loads(payload)  # noqa: S301 - see the module's docstring
        except Exception:  # noqa: BLE001 - a damaged cache means doing the work again, whatever it raises
            return None
    return None


def read(path: Path, kind: str, keys: Iterable[str]) -> tuple[str, Any] | None:
    """:func:`loads` on the file at ``path``; None when it cannot be read."""
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    return loads(blob, kind, keys)


def write(path: Path, kind: str, key: str, value: Any) -> bool:
    """Save ``value`` at ``path`` atomically; False (and nothing written) when the folder does not allow it.

    The pickle goes straight to the file, hashed on the way, and the header's digest is filled in last: a large
    dataset's pickle is never held whole in memory beside the dataset itself."""
    prefix = _header_prefix(kind, key)

    def fill(stream: BinaryIO) -> None:
        stream.write(prefix + b"0" * 64 + b"\n")  # the digest's place, the same length
        hashing = _HashingWriter(stream)
        _Pickler(hashing, protocol=5).dump(value)
        stream.seek(0)
        stream.write(prefix + hashing.hasher.hexdigest().encode("ascii") + b"\n")

    return _write_atomically(path, fill)


class _HashingWriter:
    """A file to pickle to that also hashes what it is given."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.hasher = hashlib.sha256()

    def write(self, data: bytes | memoryview) -> int:
        self.hasher.update(data)
        return self.stream.write(data)


def write_bytes(path: Path, *parts: bytes | memoryview) -> bool:
    """Save ``parts`` one after the other as the file at ``path``, atomically; False when it cannot be."""

    def fill(stream: BinaryIO) -> None:
        for part in parts:
            stream.write(part)

    return _write_atomically(path, fill)


def _write_atomically(path: Path, fill: Callable[[BinaryIO], None]) -> bool:
    """A temporary file filled, then renamed to ``path``: readers see the old file or the new one, whole."""
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(handle, "wb") as stream:
            fill(stream)
        Path(temporary).replace(path)
    except OSError:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        return False
    return True


@cache
def code_fingerprint() -> str:
    """A digest of the code that shapes a loaded dataset and its index, where its source files can be read
    (a checkout or an installed wheel); in a frozen build, the app's version in the header stands for it."""
    hasher = hashlib.sha256()
    folder = Path(__file__).resolve().parent
    for name in _SHAPING_MODULES:
        try:
            hasher.update((folder / f"{name}.py").read_bytes())
        except OSError:
            hasher.update(name.encode())
    return hasher.hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class CacheSlot:
    """Where the caches of one dataset folder live, and the key they must match: the dataset's own file
    (``<name>.dataset``) and what is derived from it (``<name>.<kind>``)."""

    folder: Path
    name: str
    key: str

    def path(self, kind: str) -> Path:
        return self.folder / f"{self.name}.{kind}"

    def read(self, kind: str, detail: str = "") -> Any | None:
        """The value cached for this dataset under ``kind``, when it matches (and ``detail`` too)."""
        found = read(self.path(kind), kind, [f"{self.key}-{detail}" if detail else self.key])
        return None if found is None else found[1]

    def write(self, kind: str, value: Any, detail: str = "") -> bool:
        return write(self.path(kind), kind, f"{self.key}-{detail}" if detail else self.key, value)
