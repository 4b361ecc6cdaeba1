"""A fast yes/no JSON Schema check, compiled once per schema into plain Python closures.

jsonschema walks the schema afresh for every value and builds a validator object per level; on a large dataset
that was most of the time to open it. Valid data is the common case, so loading asks this check first and runs
jsonschema only on what fails it, for its located messages. The answer must be exactly jsonschema's (Draft
2020-12, no format assertions): the compiler knows the keywords our schemas use and gives up (returns None)
on any other, so a schema it cannot compile exactly is checked by jsonschema alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

# Keywords that only describe: they never change whether a value is valid.
_ANNOTATIONS = frozenset(
    {"$schema", "$id", "$comment", "title", "description", "default", "examples", "deprecated"}
)
_TYPES: dict[str, Check] = {
    "object": lambda value: isinstance(value, dict),
    "array": lambda value: isinstance(value, list),
    "string": lambda value: isinstance(value, str),
    "boolean": lambda value: isinstance(value, bool),
    "null": lambda value: value is None,
    "number": lambda value: isinstance(value, int | float) and not isinstance(value, bool),
    "integer": lambda value: (
        (isinstance(value, int) and not isinstance(value, bool))
        or (isinstance(value, float) and value.is_integer())
    ),
}


class _UnsupportedError(Exception):
    """The schema uses something this compiler does not reproduce exactly."""


def compile_schema(schema: Any) -> Check | None:
    """A function telling whether a value is valid against ``schema``; None when it cannot be exact."""
    try:
        return _compile(schema)
    except _UnsupportedError:
        return None


def _always(_value: Any) -> bool:
    return True


def _never(_value: Any) -> bool:
    return False


def _compile(schema: Any) -> Check:
    if schema is True:
        return _always
    if schema is False:
        return _never
    if not isinstance(schema, dict):
        raise _UnsupportedError
    checks: list[Check] = []
    for keyword, argument in schema.items():
        if keyword in _ANNOTATIONS or keyword in {"then", "else"}:
            continue
        builder = _KEYWORDS.get(keyword)
        if builder is None:
            raise _UnsupportedError
        checks.append(builder(argument, schema))
    if not checks:
        return _always
    if len(checks) == 1:
        return checks[0]
    return lambda value: all(check(value) for check in checks)


def _type(argument: Any, _schema: dict[str, Any]) -> Check:
    names = argument if isinstance(argument, list) else [argument]
    if not names or any(name not in _TYPES for name in names):
        raise _UnsupportedError
    tests = [_TYPES[name] for name in names]
    if len(tests) == 1:
        return tests[0]
    return lambda value: any(test(value) for test in tests)


def _plain_values(values: list[Any]) -> frozenset[str] | None:
    """The values as a set when all are strings (compared exactly); None otherwise."""
    return frozenset(values) if all(isinstance(value, str) for value in values) else None


def _enum(argument: Any, _schema: dict[str, Any]) -> Check:
    if not isinstance(argument, list):
        raise _UnsupportedError
    allowed = _plain_values(argument)
    if allowed is None:
        raise _UnsupportedError
    return lambda value: isinstance(value, str) and value in allowed


def _const(argument: Any, _schema: dict[str, Any]) -> Check:
    if not isinstance(argument, str):
        raise _UnsupportedError
    return lambda value: isinstance(value, str) and value == argument


def _pattern(argument: Any, _schema: dict[str, Any]) -> Check:
    search = re.compile(argument).search
    return lambda value: not isinstance(value, str) or search(value) is not None


def _min_length(argument: Any, _schema: dict[str, Any]) -> Check:
    return lambda value: not isinstance(value, str) or len(value) >= argument


def _max_length(argument: Any, _schema: dict[str, Any]) -> Check:
    return lambda value: not isinstance(value, str) or len(value) <= argument


def _min_items(argument: Any, _schema: dict[str, Any]) -> Check:
    return lambda value: not isinstance(value, list) or len(value) >= argument


def _max_items(argument: Any, _schema: dict[str, Any]) -> Check:
    return lambda value: not isinstance(value, list) or len(value) <= argument


def _minimum(argument: Any, _schema: dict[str, Any]) -> Check:
    if isinstance(argument, bool) or not isinstance(argument, int | float):
        raise _UnsupportedError
    return lambda value: isinstance(value, bool) or not isinstance(value, int | float) or value >= argument


def _json_equal(a: Any, b: Any) -> bool:
    """Equality as JSON Schema counts it: true and 1 differ, 1 and 1.0 do not."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, dict) or isinstance(b, dict):
        return (
            isinstance(a, dict)
            and isinstance(b, dict)
            and a.keys() == b.keys()
            and all(_json_equal(a[key], b[key]) for key in a)
        )
    if isinstance(a, list) or isinstance(b, list):
        return (
            isinstance(a, list)
            and isinstance(b, list)
            and len(a) == len(b)
            and all(_json_equal(x, y) for x, y in zip(a, b, strict=True))
        )
    return bool(a == b)


def _unique(items: list[Any]) -> bool:
    """No two equal items: a set for plain strings or integers, pairwise for anything else."""
    if all(isinstance(item, str) for item in items) or all(
        isinstance(item, int) and not isinstance(item, bool) for item in items
    ):
        return len(set(items)) == len(items)
    return not any(
        _json_equal(items[i], items[j]) for i in range(len(items)) for j in range(i + 1, len(items))
    )


def _unique_items(argument: Any, _schema: dict[str, Any]) -> Check:
    if argument is not True:
        if argument is False:
            return _always
        raise _UnsupportedError
    return lambda value: not isinstance(value, list) or _unique(value)


def _required(argument: Any, _schema: dict[str, Any]) -> Check:
    names = tuple(argument)
    return lambda value: not isinstance(value, dict) or all(name in value for name in names)


def _properties(argument: Any, schema: dict[str, Any]) -> Check:
    checks = {name: _compile(sub) for name, sub in argument.items()}
    extra = schema.get("additionalProperties", True)
    closed = extra is False
    if extra not in (True, False):
        raise _UnsupportedError

    def check(value: Any) -> bool:
        if not isinstance(value, dict):
            return True
        for name, item in value.items():
            test = checks.get(name)
            if test is None:
                if closed:
                    return False
            elif not test(item):
                return False
        return True

    return check


def _additional_properties(argument: Any, schema: dict[str, Any]) -> Check:
    if "properties" in schema:
        return _always  # checked with the properties
    if argument is True:
        return _always
    if argument is False:
        return lambda value: not isinstance(value, dict) or not value
    raise _UnsupportedError


def _items(argument: Any, _schema: dict[str, Any]) -> Check:
    test = _compile(argument)
    return lambda value: not isinstance(value, list) or all(test(item) for item in value)


def _all_of(argument: Any, _schema: dict[str, Any]) -> Check:
    tests = [_compile(sub) for sub in argument]
    return lambda value: all(test(value) for test in tests)


def _if(argument: Any, schema: dict[str, Any]) -> Check:
    condition = _compile(argument)
    then = _compile(schema.get("then", True))
    otherwise = _compile(schema.get("else", True))
    return lambda value: then(value) if condition(value) else otherwise(value)


_KEYWORDS: dict[str, Callable[[Any, dict[str, Any]], Check]] = {
    "type": _type,
    "enum": _enum,
    "const": _const,
    "pattern": _pattern,
    "minLength": _min_length,
    "maxLength": _max_length,
    "minItems": _min_items,
    "maxItems": _max_items,
    "minimum": _minimum,
    "uniqueItems": _unique_items,
    "required": _required,
    "properties": _properties,
    "additionalProperties": _additional_properties,
    "items": _items,
    "allOf": _all_of,
    "if": _if,
}
