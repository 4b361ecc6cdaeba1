"""The quick schema check says yes exactly when jsonschema does, so loading with it is exactly as strict."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ajexplorer.domain.loading import _inline_definitions
from ajexplorer.domain.schemacheck import compile_schema
from ajexplorer.paths import data_dir, schema_dir

SCHEMAS = sorted(schema_dir().glob("*.schema.json"))
DOCUMENTS = {
    "records.schema.json": sorted((data_dir() / "records").glob("*.yaml")),
    "dataset.schema.json": [data_dir() / "dataset.yaml"],
    "glossary.schema.json": [data_dir() / "glossary.yaml"],
    "source.schema.json": [data_dir() / "paragraphs.yaml"],
}
# Values a person could write by mistake: every JSON type, edge cases of each.
ODD_VALUES: list[Any] = [
    None,
    True,
    False,
    0,
    1,
    -3,
    1.0,
    2.5,
    "",
    "x",
    "2019",
    "2019-13",
    "2019-02-03",
    "event",
    "figure",
    "mechanism",
    "m-dialogue",
    "Not An Id",
    "a" * 5000,
    [],
    [1, 1],
    [1, True],
    [1, 1.0],
    [0],
    ["a", "a"],
    ["doc-x", "doc-y"],
    [{"a": 1}, {"a": 1}],
    {},
    {"id": "x"},
]


def _schema(path: Path) -> Any:
    schema = json.loads(path.read_text(encoding="utf-8"))
    return _inline_definitions(schema, schema.get("$defs", {}))


def _documents(schema_name: str) -> list[Any]:
    """Each file of the data, and each list in it cut to one item at a time: small documents keep
    jsonschema quick while every kind of item is tried."""
    found: list[Any] = []
    for path in DOCUMENTS[schema_name]:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        lists = [key for key, value in document.items() if isinstance(value, list)]
        if not lists:
            found.append(document)
        for key in lists:
            for item in document[key][:60]:
                found.append({**{k: v[:2] if k in lists else v for k, v in document.items()}, key: [item]})
    return found


_CACHED: dict[str, list[Any]] = {}


def _small_documents(schema_name: str) -> list[Any]:
    if schema_name not in _CACHED:
        _CACHED[schema_name] = _documents(schema_name)
    return _CACHED[schema_name]


def _items(document: Any) -> list[dict[str, Any]]:
    """The mappings inside a document (records, glossary entries, paragraphs): where mutations go."""
    found: list[dict[str, Any]] = []
    for value in document.values():
        if isinstance(value, list):
            found.extend(item for item in value if isinstance(item, dict))
    return found


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda path: path.name)
def test_every_schema_compiles_and_passes_the_data(path: Path) -> None:
    check = compile_schema(_schema(path))
    assert check is not None, f"{path.name} uses a keyword the quick check does not know"
    for document in DOCUMENTS[path.name]:
        assert check(yaml.safe_load(document.read_text(encoding="utf-8")))


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda path: path.name)
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_the_quick_check_agrees_with_jsonschema_on_mutated_data(path: Path, data: st.DataObject) -> None:
    schema = _schema(path)
    check = compile_schema(schema)
    assert check is not None
    validator = jsonschema.validators.validator_for(schema)(schema)
    document = copy.deepcopy(data.draw(st.sampled_from(_small_documents(path.name))))
    items = _items(document)
    for _ in range(data.draw(st.integers(1, 3))):
        target = data.draw(st.sampled_from([document, *items[:40]]))
        keys = sorted(target)
        action = data.draw(st.sampled_from(["set", "delete", "add", "item"]))
        if action == "set" and keys:
            target[data.draw(st.sampled_from(keys))] = copy.deepcopy(data.draw(st.sampled_from(ODD_VALUES)))
        elif action == "delete" and keys:
            del target[data.draw(st.sampled_from(keys))]
        elif action == "add":
            name = data.draw(st.sampled_from(["colour", "value", "unit", "group", "date", "kind", "end"]))
            target[name] = copy.deepcopy(data.draw(st.sampled_from(ODD_VALUES)))
        else:
            lists = [key for key in keys if isinstance(target[key], list)]
            if lists:
                target[data.draw(st.sampled_from(lists))].append(data.draw(st.sampled_from(ODD_VALUES)))
    assert check(document) == validator.is_valid(document)


def _representatives(documents: list[Any]) -> list[Any]:
    """One small document per distinct set of fields in its item (per kind of record, say)."""
    seen: set[tuple[str, ...]] = set()
    chosen = []
    for document in documents:
        items = _items(document)
        shape = (*sorted(items[0]), str(items[0].get("kind"))) if items else ()
        if shape not in seen:
            seen.add(shape)
            chosen.append(document)
    return chosen[:12]


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda path: path.name)
def test_the_quick_check_agrees_with_jsonschema_on_every_single_change(path: Path) -> None:
    """Each field of each kind of item set to each odd value, removed, or added where it does not belong."""
    schema = _schema(path)
    check = compile_schema(schema)
    assert check is not None
    validator = jsonschema.validators.validator_for(schema)(schema)
    names = sorted(
        {name for document in _small_documents(path.name) for item in _items(document) for name in item}
    )
    for original in _representatives(_small_documents(path.name)):
        item = _items(original)[0]
        changes: list[tuple[str, Any]] = [(name, value) for name in names for value in ODD_VALUES]
        changes += [(name, _DELETE) for name in item]
        for name, value in changes:
            document = copy.deepcopy(original)
            target = _items(document)[0]
            if value is _DELETE:
                del target[name]
            else:
                target[name] = copy.deepcopy(value)
            assert check(document) == validator.is_valid(document), (name, value, target)


_DELETE = object()


def test_a_schema_with_an_unknown_keyword_is_left_to_jsonschema() -> None:
    assert compile_schema({"type": "object", "patternProperties": {"^x": {}}}) is None
    assert compile_schema({"type": "string", "format": "date"}) is None
    assert compile_schema({"enum": [1, "one"]}) is None
