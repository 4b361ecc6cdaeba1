"""Load a dataset folder: read every file, check it against its JSON Schema and the rules a schema cannot
express, and build the model. Every problem in every file is collected and raised together as a DataError.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ajexplorer.domain import cachefile
from ajexplorer.domain.cachefile import CacheSlot
from ajexplorer.domain.dates import PartialDate, Recurrence, When
from ajexplorer.domain.errors import DataError, Problem
from ajexplorer.domain.model import (
    Dataset,
    GlossaryEntry,
    Group,
    Kind,
    Paragraph,
    Record,
    Relation,
    Section,
    Series,
    SourceInfo,
)
from ajexplorer.domain.schemacheck import compile_schema

if TYPE_CHECKING:  # the YAML reader loads only when files are read: a cached start never needs it
    from ajexplorer.domain.yamlreader import Located, PathKey

    _RECORD_MARK = tuple[Located, PathKey]


DATASET_FILE = "dataset.yaml"
PARAGRAPHS_FILE = "paragraphs.yaml"
GLOSSARY_FILE = "glossary.yaml"
RECORDS_FOLDER = "records"
STAMP_FILE = "schema-checked.sha256"
CACHE_FILE = "dataset.cache"
MAX_RECORD_FILES = 200

_SCHEMA_FOR = {
    DATASET_FILE: "dataset.schema.json",
    PARAGRAPHS_FILE: "source.schema.json",
    GLOSSARY_FILE: "glossary.schema.json",
}
_RECORDS_SCHEMA = "records.schema.json"


@dataclass(slots=True)
class _Sources:
    """The parsed files of one dataset, keyed by their display names."""

    dataset: Located | None = None
    paragraphs: Located | None = None
    glossary: Located | None = None
    records: tuple[Located, ...] = ()
    unreadable_records: bool = False


def load_dataset(
    folder: Path,
    schema_folder: Path | None = None,
    *,
    trust_stamp: bool = True,
    cache_folder: Path | None = None,
    progress: Progress | None = None,
) -> Dataset:
    """Load and validate the dataset in ``folder``; raise DataError listing every problem found.

    The bundled data ships with a stamp (see :func:`write_stamp`): when it matches the digest of its files and
    schemas, the data has passed the schema check exactly as it is, so that check is skipped
    (``trust_stamp=False`` forces it). Other folders are always checked in full, and every other rule is
    checked on every load.

    With ``cache_folder``, a dataset that passed is saved there, and loaded from there while its files, the
    schemas and this code are unchanged (see :mod:`ajexplorer.domain.cachefile`). A saved dataset whose schema
    check was skipped for its stamp does not count as checked when ``trust_stamp`` is False.

    ``progress`` is called with the steps done and the steps in all as the files are read and checked; it
    may raise (:class:`LoadCancelledError`, say) to stop the load there.
    """
    from ajexplorer.paths import data_dir, schema_dir  # noqa: PLC0415 - keep the domain importable without the app

    if schema_folder is None:
        schema_folder = schema_dir()
    trust_stamp = trust_stamp and folder.resolve() == data_dir().resolve()
    stamped = False
    data_digest: str | None = None
    slot: CacheSlot | None = None
    if trust_stamp:
        data_digest = digest(folder, schema_folder)  # read once: it decides the stamp and both caches
        stamped = _stamp_matches(folder, data_digest)
    if cache_folder is not None:
        slot = cache_slot(folder, cache_folder, data_digest or digest(folder, schema_folder))
    if stamped:
        cached = read_cache(folder, data_digest or "")
        if cached is not None:
            cached.cache = slot
            return cached
    if slot is not None:
        saved = _read_saved(folder, slot, accept_stamped=trust_stamp)
        if saved is not None:
            return saved
    dataset = _load_files(folder, schema_folder, stamped=stamped, progress=progress or _no_progress)
    if slot is not None:
        cachefile.write(slot.path(_DATASET_KIND), _DATASET_KIND, _saved_key(slot, stamped=stamped), dataset)
        dataset.cache = slot
    return dataset


def open_dataset(folder: Path, *, trust_stamp: bool = True, progress: Progress | None = None) -> Dataset:
    """:func:`load_dataset` through the user's cache folder: what the window and the command line use."""
    return load_dataset(folder, trust_stamp=trust_stamp, cache_folder=_user_cache_folder(), progress=progress)


def _user_cache_folder() -> Path:
    from ajexplorer.paths import cache_dir  # noqa: PLC0415 - keep the domain importable without the app

    return cache_dir() / "datasets"


def user_cache_slot(folder: Path, data_digest: str) -> CacheSlot:
    """Where :func:`open_dataset` keeps the caches of ``folder`` while its files have ``data_digest``."""
    return cache_slot(folder, _user_cache_folder(), data_digest)


Progress = Callable[[int, int], None]


class LoadCancelledError(Exception):
    """Raised by a progress callback to stop a load that is no longer wanted."""


def _no_progress(_done: int, _total: int) -> None:
    pass


_DATASET_KIND = "dataset"


def cache_slot(folder: Path, cache_folder: Path, data_digest: str) -> CacheSlot:
    """Where the caches of ``folder`` live: one set per folder, replaced when its files change."""
    name = hashlib.sha256(str(folder.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return CacheSlot(cache_folder, name, f"{data_digest}-{cachefile.code_fingerprint()}")


def _saved_key(slot: CacheSlot, *, stamped: bool) -> str:
    return f"{slot.key}-{'stamped' if stamped else 'checked'}"


def _read_saved(folder: Path, slot: CacheSlot, *, accept_stamped: bool) -> Dataset | None:
    keys = [_saved_key(slot, stamped=False)]
    if accept_stamped:
        keys.append(_saved_key(slot, stamped=True))
    found = cachefile.read(slot.path(_DATASET_KIND), _DATASET_KIND, keys)
    dataset = found[1] if found is not None else None
    if not isinstance(dataset, Dataset) or not (folder / dataset.info.file).is_file():
        return None  # the source text is not in the digest: its absence is a problem the files' load reports
    dataset.cache = slot
    return dataset


def _load_files(folder: Path, schema_folder: Path, *, stamped: bool, progress: Progress) -> Dataset:
    problems: list[Problem] = []
    sources = _read_all(folder, problems, progress)
    steps = 3 + len(sources.records) + 1  # files read, then the schema check, then the model
    if stamped and not problems:
        valid_records = [set(range(_record_count(located))) for located in sources.records]
    else:
        valid_records = _check_schemas(sources, schema_folder, problems)
    progress(steps - 1, steps)
    try:
        dataset = _build(folder, sources, valid_records, problems)
    except (TypeError, ValueError, KeyError, AttributeError) as error:  # only reachable with a forged stamp
        problems.append(
            Problem(_display(folder), 1, 1, "", f"the data is not in the expected shape ({error})")
        )
        dataset = None
    if problems or dataset is None:
        raise DataError(problems)
    return dataset


def _record_count(located: Located) -> int:
    records = located.value.get("records") if isinstance(located.value, dict) else None
    return len(records) if isinstance(records, list) else 0


def data_files(folder: Path) -> list[Path]:
    """The files a dataset is made of, in a fixed order."""
    return [
        folder / DATASET_FILE,
        folder / PARAGRAPHS_FILE,
        folder / GLOSSARY_FILE,
        *sorted((folder / RECORDS_FOLDER).glob("*.yaml")),
    ]


def digest(folder: Path, schema_folder: Path) -> str:
    """SHA-256 over the dataset's files and the schemas, each with its name: changes when any of them does."""
    hasher = hashlib.sha256()
    for path in [*data_files(folder), *sorted(schema_folder.glob("*.schema.json"))]:
        hasher.update(path.name.encode() + b"\0")
        hasher.update(path.read_bytes() if path.is_file() else b"")
        hasher.update(b"\0")
    return hasher.hexdigest()


def stamp_is_current(folder: Path, schema_folder: Path) -> bool:
    return _stamp_matches(folder, digest(folder, schema_folder))


def _stamp_matches(folder: Path, data_digest: str) -> bool:
    try:
        return (folder / STAMP_FILE).read_text(encoding="ascii").strip() == data_digest
    except (OSError, UnicodeDecodeError):
        return False


def _bundled_cache_key(data_digest: str) -> str:
    return f"{data_digest}-{cachefile.code_fingerprint()}"


def write_cache(folder: Path, schema_folder: Path, target: Path) -> Path:
    """Save the fully checked dataset in the form the app loads fastest, for a frozen build's bundled data.

    Only the bundled folder ever reads this cache, and only when it was made from the files beside it, by
    this version of the app and this Python: anything else is ignored and the files are read.
    """
    dataset = load_dataset(folder, schema_folder, trust_stamp=False)
    key = _bundled_cache_key(digest(folder, schema_folder))
    target.write_bytes(cachefile.dumps(_DATASET_KIND, key, dataset))
    return target


def read_cache(folder: Path, data_digest: str) -> Dataset | None:
    """The dataset from the folder's cache when it matches ``data_digest``; None otherwise."""
    found = cachefile.read(folder / CACHE_FILE, _DATASET_KIND, [_bundled_cache_key(data_digest)])
    dataset = found[1] if found is not None else None
    return dataset if isinstance(dataset, Dataset) else None


def write_stamp(folder: Path, schema_folder: Path) -> Path:
    """Record that the folder passed the full check as it is now (``ajexplorer validate --stamp``)."""
    load_dataset(folder, schema_folder, trust_stamp=False)
    stamp = folder / STAMP_FILE
    stamp.write_text(digest(folder, schema_folder) + "\n", encoding="ascii")
    return stamp


def _display(path: Path) -> str:
    """A short name for messages: relative to the working folder when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


def _read(path: Path, problems: list[Problem]) -> Located | None:
    if not path.is_file():
        problems.append(Problem(_display(path), 1, 1, "", "the file is missing"))
        return None
    from ajexplorer.domain.yamlreader import read_yaml  # noqa: PLC0415 - see the imports above

    try:
        return read_yaml(path, _display(path), keep_marks=False)
    except DataError as error:
        problems.extend(error.problems)
        return None


def _read_all(folder: Path, problems: list[Problem], progress: Progress = _no_progress) -> _Sources:
    if not folder.is_dir():
        raise DataError([Problem(_display(folder), 1, 1, "", "the dataset folder does not exist")])
    sources = _Sources()
    sources.dataset = _read(folder / DATASET_FILE, problems)
    sources.paragraphs = _read(folder / PARAGRAPHS_FILE, problems)
    sources.glossary = _read(folder / GLOSSARY_FILE, problems)
    record_files = sorted((folder / RECORDS_FOLDER).glob("*.yaml"))
    if not record_files:
        problems.append(
            Problem(_display(folder / RECORDS_FOLDER), 1, 1, "", "no record files (*.yaml) found")
        )
    elif len(record_files) > MAX_RECORD_FILES:
        message = f"{len(record_files)} record files, over the limit of {MAX_RECORD_FILES}"
        problems.append(Problem(_display(folder / RECORDS_FOLDER), 1, 1, "", message))
        record_files = record_files[:MAX_RECORD_FILES]
    steps = 3 + len(record_files) + 1
    progress(3, steps)
    read: list[Located | None] = []
    for path in record_files:
        read.append(_read(path, problems))
        progress(3 + len(read), steps)
    sources.records = tuple(located for located in read if located is not None)
    sources.unreadable_records = len(sources.records) < len(read)
    return sources


@cache
def _validator(schema_path: Path) -> Any:
    import jsonschema  # noqa: PLC0415 - costly to import; a stamped dataset never needs it

    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(_inline_definitions(schema, schema.get("$defs", {})))


def _inline_definitions(node: Any, definitions: dict[str, Any]) -> Any:
    """The schema with local ``#/$defs/...`` references replaced by their targets.

    Our schemas are not recursive, and resolving a reference is most of jsonschema's cost per record:
    inlining them halves the time to check the bundled data.
    """
    if isinstance(node, dict):
        reference = node.get("$ref")
        if len(node) == 1 and isinstance(reference, str) and reference.startswith("#/$defs/"):
            return _inline_definitions(definitions[reference.removeprefix("#/$defs/")], definitions)
        return {key: _inline_definitions(value, definitions) for key, value in node.items() if key != "$defs"}
    if isinstance(node, list):
        return [_inline_definitions(item, definitions) for item in node]
    return node


def prepare_explanations(schema_folder: Path) -> None:
    """Load what explains a schema violation (jsonschema, every schema compiled): valid data never needs it,
    so a build that left it out would only fail on the first faulty file; this makes it fail now."""
    for path in sorted(schema_folder.glob("*.schema.json")):
        _validator(path)


@cache
def _quick_check(schema_path: Path) -> Callable[[Any], bool]:
    """The schema compiled to a yes/no check (see :mod:`ajexplorer.domain.schemacheck`); one that always says
    no, sending every value to jsonschema, where it cannot be compiled exactly."""
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    check = compile_schema(_inline_definitions(schema, schema.get("$defs", {})))
    return check if check is not None else (lambda _value: False)


def _schema_problems(located: Located, schema_path: Path) -> list[tuple[PathKey, Problem]]:
    """Each schema violation as a located problem, paired with the path it concerns.

    Valid data passes the quick check and never reaches jsonschema, which runs (and is imported) only to
    explain what the quick check refused.
    """
    if _quick_check(schema_path)(located.value):
        return []
    found: list[tuple[PathKey, Problem]] = []
    for error in _validator(schema_path).iter_errors(located.value):
        path: PathKey = tuple(error.absolute_path)
        for problem_path, message, at_key in _explain(error, path):
            found.append((problem_path, located.problem(problem_path, message, key=at_key)))
    return found


def _explain(error: Any, path: PathKey) -> Iterable[tuple[PathKey, str, bool]]:
    """Turn a jsonschema error into plain messages, each placed on the field it is about."""
    validator = error.validator
    instance = error.instance
    if validator == "required" and isinstance(instance, dict):
        for name in error.validator_value:
            if name not in instance:
                yield path, f"the required field '{name}' is missing", False
        return
    if validator == "additionalProperties" and isinstance(instance, dict):
        allowed = set(error.schema.get("properties", {}))
        for name in instance:
            if name not in allowed:
                yield (*path, name), f"unknown field '{name}'", True
        return
    if validator == "enum":
        options = list(error.validator_value)
        shown = ", ".join(str(option) for option in options[:12]) + (", ..." if len(options) > 12 else "")
        yield path, f"{_short(instance)} is not one of the allowed values ({shown})", False
        return
    if validator is False or validator == "false" or error.schema is False:
        yield path, "this field is not allowed on this kind of record", True
        return
    if validator == "type":
        yield path, f"{_short(instance)} should be of type {_types(error.validator_value)}", False
        return
    if validator == "pattern" and path and path[-1] in {"date", "end", "as_of"}:
        yield path, f"{_short(instance)} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD", False
        return
    if validator in {"minItems", "minLength"} and not instance:
        yield path, "must not be empty", False
        return
    yield path, error.message if len(error.message) < 300 else error.message[:297] + "...", False


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _types(value: Any) -> str:
    return " or ".join(value) if isinstance(value, list) else str(value)


def _check_schemas(sources: _Sources, schema_folder: Path, problems: list[Problem]) -> list[set[int]]:
    """Check each file against its schema; return, per record file, the indexes of records that pass."""
    for name, located in (
        (DATASET_FILE, sources.dataset),
        (PARAGRAPHS_FILE, sources.paragraphs),
        (GLOSSARY_FILE, sources.glossary),
    ):
        if located is not None:
            found = _schema_problems(located, schema_folder / _SCHEMA_FOR[name])
            problems.extend(problem for _, problem in found)
    valid: list[set[int]] = []
    for located in sources.records:
        found = _schema_problems(located, schema_folder / _RECORDS_SCHEMA)
        problems.extend(problem for _, problem in found)
        records = located.value.get("records") if isinstance(located.value, dict) else None
        count = len(records) if isinstance(records, list) else 0
        broken = {path[1] for path, _ in found if len(path) > 1 and path[0] == "records"}
        whole_file_broken = any(len(path) <= 1 for path, _ in found)
        valid.append(set() if whole_file_broken else {i for i in range(count) if i not in broken})
    return valid


def _build(
    folder: Path, sources: _Sources, valid_records: list[set[int]], problems: list[Problem]
) -> Dataset | None:
    schema_clean = not problems
    info, title, version = _build_info(folder, sources.dataset, problems)
    groups = _build_groups(sources.dataset, problems)
    series = _build_series(sources.dataset, problems)
    sections, paragraphs = _build_paragraphs(sources.paragraphs, problems)
    records, record_marks = _build_records(sources.records, valid_records, paragraphs, sections, problems)
    # With a record file unreadable, some ids are unknown: a reference to one is not evidence of a fault.
    complete = not sources.unreadable_records
    glossary = _build_glossary(sources.glossary, records if complete else None, paragraphs, problems)
    _check_references(records, record_marks, problems, check_targets=complete)
    _check_groups(records, record_marks, groups, problems)
    _check_series(records, sources.dataset, problems)
    if not schema_clean or info is None or sections is None or paragraphs is None or glossary is None:
        return None
    return Dataset(
        info=info,
        title=title,
        version=version,
        sections=sections,
        paragraphs=paragraphs,
        records=records,
        glossary=glossary,
        groups=groups or (),
        series=series,
    )


def _mapping(located: Located | None) -> dict[str, Any] | None:
    """The document's top-level mapping; None when unreadable (its problems are already reported)."""
    if located is None or not isinstance(located.value, dict):
        return None
    return located.value


def _build_info(
    folder: Path, located: Located | None, problems: list[Problem]
) -> tuple[SourceInfo | None, str, str | None]:
    doc = _mapping(located)
    if doc is None or located is None:
        return None, "", None
    source = doc.get("source")
    if not isinstance(source, dict) or not isinstance(doc.get("title"), str):
        return None, "", None
    try:
        info = SourceInfo(
            title=str(source["title"]),
            publisher=str(source["publisher"]),
            file=str(source["file"]),
            attribution=str(source["attribution"]),
            as_of=str(source["as_of"]) if "as_of" in source else None,
        )
    except KeyError:
        return None, "", None
    source_path = (folder / info.file).resolve()
    if not source_path.is_relative_to(folder.resolve()):
        problems.append(
            located.problem(("source", "file"), "the source file must be inside the dataset folder")
        )
    elif not source_path.is_file():
        problems.append(located.problem(("source", "file"), f"the source text '{info.file}' is missing"))
    version = doc.get("version")
    return info, str(doc["title"]), str(version) if version is not None else None


def _build_groups(located: Located | None, problems: list[Problem]) -> tuple[Group, ...] | None:
    """The families of mechanisms dataset.yaml declares, in its order; empty when it declares none.

    None when the file or one of its groups is unreadable: records' groups cannot be checked then.
    """
    doc = _mapping(located)
    if doc is None or located is None:
        return None
    raw_groups = doc.get("groups", [])
    if not isinstance(raw_groups, list):
        return None
    groups, readable = _titled(located, "groups", raw_groups, "group", problems)
    return tuple(Group(id_, title) for id_, title in groups) if readable else None


def _build_series(located: Located | None, problems: list[Problem]) -> tuple[Series, ...]:
    """The titles dataset.yaml gives the series of figures, for their charts; empty when it gives none."""
    doc = _mapping(located)
    raw_series = doc.get("series", []) if doc is not None and located is not None else []
    if located is None or not isinstance(raw_series, list):
        return ()
    titled, _ = _titled(located, "series", raw_series, "series", problems)
    return tuple(Series(id_, title) for id_, title in titled)


def _check_series(records: dict[str, Record], located: Located | None, problems: list[Problem]) -> None:
    """A series titled in dataset.yaml must be one that figures give: a misspelt id would silently go untitled."""
    doc = _mapping(located)
    raw_series = doc.get("series") if doc is not None else None
    if located is None or not isinstance(raw_series, list):
        return
    used = {record.series for record in records.values() if record.kind is Kind.FIGURE and record.series}
    for index, raw in enumerate(raw_series):
        if isinstance(raw, dict) and isinstance(raw.get("id"), str) and raw["id"] not in used:
            problems.append(
                located.problem(("series", index, "id"), f"no figure has the series '{raw['id']}'")
            )


def _titled(
    located: Located, key: str, raw_list: list[Any], noun: str, problems: list[Problem]
) -> tuple[list[tuple[str, str]], bool]:
    """The ``(id, title)`` pairs of a list of ``{id, title}`` mappings, each id once (a repeat is reported at
    its line); and whether every entry could be read."""
    entries: list[tuple[str, str]] = []
    seen: set[str] = set()
    readable = True
    for index, raw in enumerate(raw_list):
        if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
            readable = False
            continue
        if raw["id"] in seen:
            problems.append(located.problem((key, index, "id"), f"the {noun} '{raw['id']}' is listed twice"))
            continue
        seen.add(raw["id"])
        entries.append((raw["id"], str(raw.get("title", ""))))
    return entries, readable


def _check_groups(
    records: dict[str, Record],
    marks: dict[str, _RECORD_MARK],
    groups: tuple[Group, ...] | None,
    problems: list[Problem],
) -> None:
    """Once a dataset declares its groups, every record's group must be one of them."""
    if not groups:
        return
    declared = [group.id for group in groups]
    for record in records.values():
        if record.group is None or record.group in declared:
            continue
        located, path = marks[record.id]
        shown = ", ".join(declared[:12]) + (", ..." if len(declared) > 12 else "")
        message = f"the group '{record.group}' is not declared in dataset.yaml (declared: {shown})"
        problems.append(located.problem((*path, "group"), message))


def _build_paragraphs(
    located: Located | None, problems: list[Problem]
) -> tuple[tuple[Section, ...] | None, dict[int, Paragraph] | None]:
    doc = _mapping(located)
    if doc is None or located is None:
        return None, None
    raw_sections = doc.get("sections")
    raw_paragraphs = doc.get("paragraphs")
    if not isinstance(raw_sections, list) or not isinstance(raw_paragraphs, list):
        return None, None
    titled, _ = _titled(located, "sections", raw_sections, "section", problems)
    sections = [Section(id_, title) for id_, title in titled]
    section_ids = {section.id for section in sections}
    paragraphs: dict[int, Paragraph] = {}
    for index, raw in enumerate(raw_paragraphs):
        if not isinstance(raw, dict) or not isinstance(raw.get("number"), int):
            continue
        number = raw["number"]
        if number in paragraphs:
            problems.append(
                located.problem(("paragraphs", index, "number"), f"paragraph {number} appears twice")
            )
            continue
        if number != len(paragraphs) + 1:
            message = f"paragraph {number} is out of order: expected {len(paragraphs) + 1}"
            problems.append(located.problem(("paragraphs", index, "number"), message))
        section = str(raw.get("section", ""))
        if section not in section_ids:
            problems.append(located.problem(("paragraphs", index, "section"), f"unknown section '{section}'"))
        footnotes = tuple(str(note) for note in raw.get("footnotes", ()))
        paragraphs[number] = Paragraph(number, section, str(raw.get("text", "")), footnotes)
    return tuple(sections), paragraphs


def _build_records(
    files: tuple[Located, ...],
    valid: list[set[int]],
    paragraphs: dict[int, Paragraph] | None,
    sections: tuple[Section, ...] | None,
    problems: list[Problem],
) -> tuple[dict[str, Record], dict[str, _RECORD_MARK]]:
    records: dict[str, Record] = {}
    marks: dict[str, _RECORD_MARK] = {}
    section_ids = {section.id for section in sections} if sections is not None else None
    for located, good in zip(files, valid, strict=True):
        raw_records = located.value.get("records", []) if isinstance(located.value, dict) else []
        for index, raw in enumerate(raw_records):
            if not isinstance(raw, dict):
                continue
            path: PathKey = ("records", index)
            record_id = raw.get("id")
            if isinstance(record_id, str) and record_id in marks:
                first, first_path = marks[record_id]
                line, _ = first.where((*first_path, "id"))
                message = f"the id '{record_id}' is already used at {first.file}:{line}"
                problems.append(located.problem((*path, "id"), message))
                continue
            if index not in good:
                if isinstance(record_id, str):
                    marks[record_id] = (located, path)  # known id: references to it are not dangling
                continue
            record = _record_from(raw, located, path, paragraphs, section_ids, problems)
            marks[record.id] = (located, path)
            records[record.id] = record
    return records, marks


def _record_from(
    raw: dict[str, Any],
    located: Located,
    path: PathKey,
    paragraphs: dict[int, Paragraph] | None,
    section_ids: set[str] | None,
    problems: list[Problem],
) -> Record:
    when = _when_from(raw, located, path, problems)
    if paragraphs is not None:
        for position, number in enumerate(raw["paragraphs"]):
            if number not in paragraphs:
                message = f"paragraph {number} does not exist (the source has 1-{len(paragraphs)})"
                problems.append(located.problem((*path, "paragraphs", position), message))
    if section_ids is not None and raw["section"] not in section_ids:
        problems.append(located.problem((*path, "section"), f"unknown section '{raw['section']}'"))
    value = raw.get("value")
    return Record(
        id=raw["id"],
        kind=Kind(raw["kind"]),
        type=raw["type"],
        title=raw["title"],
        section=raw["section"],
        summary=raw["summary"],
        paragraphs=tuple(raw["paragraphs"]),
        when=when,
        acronym=raw.get("acronym"),
        aliases=tuple(raw.get("aliases", ())),
        place=raw.get("place"),
        group=raw.get("group"),
        parent=raw.get("parent"),
        held_under=raw.get("held_under"),
        documents=tuple(raw.get("documents", ())),
        succeeds=raw.get("succeeds"),
        related=tuple(raw.get("related", ())),
        value=float(value) if value is not None else None,
        unit=raw.get("unit"),
        measure=raw.get("measure"),
        qualifier=raw.get("qualifier"),
        series=raw.get("series"),
        subject=raw.get("subject"),
    )


# Records share their dates: one object per distinct date and span keeps a large dataset smaller in memory
# and in its cache, which saves a shared object once.
_date = lru_cache(maxsize=65536)(PartialDate.parse)
_when = lru_cache(maxsize=65536)(When)


def _when_from(raw: dict[str, Any], located: Located, path: PathKey, problems: list[Problem]) -> When:
    dates: dict[str, PartialDate | None] = {"date": None, "end": None}
    for name in dates:
        text = raw.get(name)
        if text is None:
            continue
        try:
            dates[name] = _date(text)
        except ValueError as error:
            problems.append(located.problem((*path, name), str(error)))
    recurrence = Recurrence(raw["recurrence"]) if "recurrence" in raw else None
    try:
        return _when(dates["date"], dates["end"], bool(raw.get("ongoing", False)), recurrence)
    except ValueError as error:
        field = "ongoing" if raw.get("ongoing") and "end" in raw else "end"
        problems.append(located.problem((*path, field), str(error)))
        return _when(dates["date"], None, False, recurrence)


# Which kinds each relation may point at, by the kind of the record that points.
_TARGET_KINDS: dict[Relation, dict[Kind, frozenset[Kind]]] = {
    Relation.PARENT: {
        Kind.MECHANISM: frozenset({Kind.MECHANISM}),
        Kind.DOCUMENT: frozenset({Kind.DOCUMENT, Kind.MECHANISM, Kind.PROGRAMME}),
        Kind.PROGRAMME: frozenset({Kind.PROGRAMME, Kind.MECHANISM, Kind.DOCUMENT}),
        Kind.EVENT: frozenset({Kind.EVENT}),
        Kind.FIGURE: frozenset({Kind.FIGURE}),
    },
    Relation.HELD_UNDER: {kind: frozenset({Kind.MECHANISM}) for kind in Kind},
    Relation.DOCUMENT: {kind: frozenset({Kind.DOCUMENT}) for kind in Kind},
}


def _check_references(
    records: dict[str, Record],
    marks: dict[str, _RECORD_MARK],
    problems: list[Problem],
    *,
    check_targets: bool = True,
) -> None:
    for record in records.values():
        located, path = marks[record.id]
        positions: dict[str, int] = {}
        for relation, target in record.references():
            field: PathKey = (*path, relation.value)
            if relation in {Relation.DOCUMENT, Relation.RELATED}:
                position = positions.get(relation.value, 0)
                positions[relation.value] = position + 1
                field = (*field, position)
            if target == record.id:
                problems.append(located.problem(field, f"'{target}' refers to the record itself"))
                continue
            if target not in marks:
                if check_targets:
                    problems.append(located.problem(field, f"no record has the id '{target}'"))
                continue
            other = records.get(target)
            allowed = _TARGET_KINDS.get(relation, {}).get(record.kind)
            if other is not None and allowed is not None and other.kind not in allowed:
                kinds = " or ".join(kind.value for kind in sorted(allowed, key=lambda kind: kind.value))
                message = f"'{target}' is a {other.kind.value}, but {relation.value} must be a {kinds}"
                problems.append(located.problem(field, message))
    _check_cycles(records, marks, problems)


def _check_cycles(
    records: dict[str, Record], marks: dict[str, _RECORD_MARK], problems: list[Problem]
) -> None:
    """Report each parent cycle once, at the record of the cycle that comes first in the files."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start in records:
        chain: list[str] = []
        current: str | None = start
        while current is not None and current in records and state.get(current) is None:
            state[current] = 1
            chain.append(current)
            current = records[current].parent
        if current is not None and state.get(current) == 1:
            cycle = chain[chain.index(current) :]
            located, path = marks[cycle[0]]
            loop = " -> ".join([*cycle, cycle[0]])
            problems.append(located.problem((*path, "parent"), f"the parents form a cycle: {loop}"))
        for record_id in chain:
            state[record_id] = 2


def _build_glossary(
    located: Located | None,
    records: dict[str, Record] | None,
    paragraphs: dict[int, Paragraph] | None,
    problems: list[Problem],
) -> tuple[GlossaryEntry, ...] | None:
    doc = _mapping(located)
    if doc is None or located is None or not isinstance(doc.get("glossary"), list):
        return None
    entries: list[GlossaryEntry] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(doc["glossary"]):
        if (
            not isinstance(raw, dict)
            or not {"acronym", "expansion", "from_source", "paragraphs"} <= raw.keys()
        ):
            continue
        path: PathKey = ("glossary", index)
        entry = GlossaryEntry(
            acronym=str(raw["acronym"]),
            expansion=str(raw["expansion"]),
            from_source=bool(raw["from_source"]),
            paragraphs=tuple(n for n in raw["paragraphs"] if isinstance(n, int)),
            variants=tuple(str(v) for v in raw.get("variants", ())),
            note=raw.get("note"),
            record=raw.get("record"),
            plus_partner=raw.get("plus_partner") is True,
        )
        for form in entry.forms:
            if form in seen:
                message = f"'{form}' is already in the glossary (entry {seen[form] + 1})"
                problems.append(located.problem((*path, "acronym"), message))
            seen.setdefault(form, index)
        if records is not None and entry.record is not None and entry.record not in records:
            problems.append(located.problem((*path, "record"), f"no record has the id '{entry.record}'"))
        if paragraphs is not None:
            for position, number in enumerate(entry.paragraphs):
                if number not in paragraphs:
                    message = f"paragraph {number} does not exist (the source has 1-{len(paragraphs)})"
                    problems.append(located.problem((*path, "paragraphs", position), message))
        entries.append(entry)
    return tuple(entries)
