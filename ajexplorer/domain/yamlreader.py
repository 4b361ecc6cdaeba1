"""A strict, located YAML reader for data files.

PyYAML's safe loader is safe from code execution but still accepts aliases (the "billion laughs" bomb),
silently keeps the last of two duplicate keys, recurses on deeply nested input and forgets where each value came
from. This reader builds plain Python values from the parser's event stream instead: iteratively (no recursion,
so depth is capped by a rule rather than by the stack), refusing aliases, unknown tags and duplicate keys, and
recording the line and column of every value so later checks can point at the exact field.
It uses libyaml's C parser when PyYAML was built with it.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ajexplorer.domain.errors import DataError, Problem

try:  # libyaml is several times faster; fall back to the pure-Python parser where it is missing.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_DEPTH = 32

PathKey = tuple[str | int, ...]

_STANDARD_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
)
_QUOTED_STYLES = frozenset({"'", '"', "|", ">"})
_resolver = yaml.resolver.Resolver()
_constructor = yaml.constructor.SafeConstructor()


@dataclass(slots=True)
class Located:
    """A parsed YAML document: its value and where each part of it was written."""

    value: Any
    file: str
    marks: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    #: The file's bytes when it was read without marks: they are made from it when first needed.
    source: bytes | None = None

    def where(self, path: PathKey, *, key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of the value at ``path``, or of its nearest written ancestor."""
        if self.source is not None:  # read again, with marks, only for a file that has a problem
            located = parse_yaml(self.source, self.file)
            self.marks, self.key_marks, self.source = located.marks, located.key_marks, None
        table = self.key_marks if key else self.marks
        probe = path
        while True:
            if probe in table:
                return table[probe]
            if key and probe in self.marks:
                return self.marks[probe]
            if not probe:
                return (1, 1)
            probe = probe[:-1]

    def problem(self, path: PathKey, message: str, *, key: bool = False) -> Problem:
        line, column = self.where(path, key=key)
        return Problem(self.file, line, column, field_name(path), message)


def field_name(path: PathKey) -> str:
    """``('records', 3, 'date')`` -> ``records[3].date``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def read_yaml(path: Path, display_name: str, *, keep_marks: bool = True) -> Located:
    """Read one YAML file into plain values with marks; raise DataError naming the file, line and column."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise DataError(
            [Problem(display_name, 1, 1, "", f"cannot read the file: {error.strerror}")]
        ) from None
    if size > MAX_FILE_BYTES:
        message = f"the file is {size:,} bytes, over the limit of {MAX_FILE_BYTES:,}"
        raise DataError([Problem(display_name, 1, 1, "", message)])
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise DataError(
            [Problem(display_name, 1, 1, "", f"cannot read the file: {error.strerror}")]
        ) from None
    return parse_yaml(raw, display_name, keep_marks=keep_marks)


def parse_yaml(raw: bytes, display_name: str, *, keep_marks: bool = True) -> Located:
    """Parse YAML bytes (UTF-8) into a :class:`Located` document.

    Without ``keep_marks`` the document keeps its bytes instead of the place of every value, and finds those
    places again only if asked: a large dataset is mostly valid, and the marks took most of its memory.
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        message = f"the file is not valid UTF-8 (byte 0x{raw[error.start]:02x})"
        raise DataError([Problem(display_name, line, column, "", message)]) from None
    builder = _Builder(display_name, keep_marks=keep_marks)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            builder.feed(event)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        message = f"YAML syntax error: {error.problem or error.context}"
        raise DataError([Problem(display_name, line, column, builder.current_field(), message)]) from None
    except yaml.YAMLError as error:
        raise DataError([Problem(display_name, 1, 1, "", f"YAML error: {error}")]) from None
    if builder.problems:
        raise DataError(builder.problems)
    if not keep_marks:
        return Located(builder.result, display_name, source=raw)
    return Located(builder.result, display_name, builder.marks, builder.key_marks)


class _Frame:
    """A mapping or sequence under construction."""

    __slots__ = ("container", "path", "pending_key")

    def __init__(self, container: dict[Any, Any] | list[Any], path: PathKey) -> None:
        self.container = container
        self.path = path
        self.pending_key: Any = _NO_KEY


_NO_KEY = object()


class _Builder:
    """Turns parser events into Python values, refusing what the data format does not allow."""

    def __init__(self, file: str, *, keep_marks: bool = True) -> None:
        self.file = file
        self.keep_marks = keep_marks
        self.stack: list[_Frame] = []
        self.result: Any = None
        self.documents = 0
        self.marks: dict[PathKey, tuple[int, int]] = {}
        self.key_marks: dict[PathKey, tuple[int, int]] = {}
        self.problems: list[Problem] = []

    def current_field(self) -> str:
        if not self.stack:
            return ""
        frame = self.stack[-1]
        if isinstance(frame.container, dict) and frame.pending_key is not _NO_KEY:
            return field_name((*frame.path, str(frame.pending_key)))
        return field_name(frame.path)

    def _fail(self, event: yaml.Event, message: str, field: str | None = None) -> None:
        line, column = _position(event)
        where = self.current_field() if field is None else field
        self.problems.append(Problem(self.file, line, column, where, message))
        raise _StopReadingError

    def feed(self, event: yaml.Event) -> None:
        try:
            self._feed(event)
        except _StopReadingError:
            raise DataError(self.problems) from None

    def _feed(self, event: yaml.Event) -> None:
        kind = type(event)
        if kind is yaml.ScalarEvent and event.anchor is None:  # type: ignore[attr-defined]  # common case first
            self._add(event, self._scalar(event))  # type: ignore[arg-type]
            return
        if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            self.stack.pop()
            return
        if isinstance(event, yaml.AliasEvent):
            self._fail(event, "aliases (*name) are not allowed in data files")
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self._fail(event, "a data file holds one YAML document, not several")
            return
        if isinstance(event, yaml.StreamStartEvent | yaml.StreamEndEvent | yaml.DocumentEndEvent):
            return
        if isinstance(event, yaml.NodeEvent) and event.anchor is not None:
            self._fail(event, "anchors (&name) are not allowed in data files")
        if isinstance(event, yaml.ScalarEvent):
            self._add(event, self._scalar(event))
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            self._check_tag(event, "map" if isinstance(event, yaml.MappingStartEvent) else "seq")
            if len(self.stack) >= MAX_DEPTH:
                self._fail(event, f"the data is nested more than {MAX_DEPTH} levels deep")
            container: dict[Any, Any] | list[Any] = {} if isinstance(event, yaml.MappingStartEvent) else []
            path = self._add(event, container)
            self.stack.append(_Frame(container, path))
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            self.stack.pop()

    def _check_tag(self, event: yaml.NodeEvent, kind: str) -> None:
        tag = getattr(event, "tag", None)
        if tag not in (None, "!", f"tag:yaml.org,2002:{kind}"):
            self._fail(event, f"the tag {tag} is not allowed in data files")

    def _scalar(self, event: yaml.ScalarEvent) -> Any:
        tag = event.tag
        if tag is None and event.style in _QUOTED_STYLES:
            return event.value  # quoted and block scalars are strings: no resolving needed
        if tag is None or tag == "!":
            plain = event.implicit[0] and tag is None
            tag = _resolver.resolve(yaml.ScalarNode, event.value, (plain, False))  # type: ignore[no-untyped-call]
        if tag not in _STANDARD_TAGS:
            self._fail(event, f"the tag {tag} is not allowed in data files")
        if tag == "tag:yaml.org,2002:timestamp":
            return event.value  # dates stay text: the data format has its own partial dates
        if tag == "tag:yaml.org,2002:str":
            return event.value
        node = yaml.ScalarNode(tag, event.value, style=event.style)
        try:
            return _constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError) as error:
            self._fail(event, f"cannot read the value {event.value!r}: {error}")
        return None  # pragma: no cover - _fail always raises

    def _add(self, event: yaml.NodeEvent, value: Any) -> PathKey:
        keep = self.keep_marks
        mark = _position(event) if keep else (0, 0)
        if not self.stack:
            self.result = value
            self.marks[()] = mark
            return ()
        frame = self.stack[-1]
        if isinstance(frame.container, list):
            path = (*frame.path, len(frame.container))
            frame.container.append(value)
            if keep:
                self.marks[path] = mark
            return path
        if frame.pending_key is _NO_KEY:
            if isinstance(value, dict | list):
                self._fail(event, "a mapping key must be a plain value")
            key = sys.intern(value if isinstance(value, str) else str(value))  # one copy per field name
            if key in frame.container:
                where = field_name((*frame.path, key))
                self._fail(event, f"the key '{key}' appears twice in this mapping", where)
            frame.pending_key = key
            if keep:
                self.key_marks[(*frame.path, key)] = mark
            return frame.path
        key = frame.pending_key
        frame.pending_key = _NO_KEY
        frame.container[key] = value
        path = (*frame.path, key)
        if keep:
            self.marks[path] = mark
        return path


def _position(event: yaml.Event) -> tuple[int, int]:
    """1-based line and column where an event starts (1, 1 when the parser gives none)."""
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


class _StopReadingError(Exception):
    """Internal: stop reading at the first structural problem."""
