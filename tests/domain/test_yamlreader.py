"""The YAML reader refuses what could harm or mislead, and says where each value was written."""

from __future__ import annotations

import pytest

from ajexplorer.domain.errors import DataError
from ajexplorer.domain.yamlreader import MAX_DEPTH, parse_yaml


def problems_of(text: str | bytes) -> list[str]:
    raw = text if isinstance(text, bytes) else text.encode()
    with pytest.raises(DataError) as caught:
        parse_yaml(raw, "x.yaml")
    return [str(problem) for problem in caught.value.problems]


def test_values_remember_their_line_and_column() -> None:
    located = parse_yaml(b"records:\n  - id: ev-1\n    title: A\n", "x.yaml")
    assert located.value == {"records": [{"id": "ev-1", "title": "A"}]}
    assert located.where(("records", 0, "title")) == (3, 12)
    assert located.where(("records", 0, "title"), key=True) == (3, 5)
    assert located.where(("records", 0, "missing")) == (2, 5)


def test_dates_stay_text_and_numbers_stay_numbers() -> None:
    located = parse_yaml(b"date: 2004-07-15\nvalue: 12.5\nflag: true\nnothing: null\n", "x.yaml")
    assert located.value == {"date": "2004-07-15", "value": 12.5, "flag": True, "nothing": None}


def test_duplicate_keys_are_refused_at_the_second_key() -> None:
    assert problems_of("a: 1\nb: 2\na: 3\n") == ["x.yaml:3:1: a: the key 'a' appears twice in this mapping"]


def test_aliases_and_anchors_are_refused() -> None:
    (problem,) = problems_of("a: &x [1, 2]\nb: *x\n")
    assert problem.startswith("x.yaml:1:4: a: anchors")


def test_tags_that_build_python_objects_are_refused() -> None:
    (problem,) = problems_of("a: !!python/object/apply:os.system ['true']\n")
    assert "python/object/apply:os.system is not allowed" in problem
    assert problem.startswith("x.yaml:1:4:")


def test_deep_nesting_is_refused_without_recursion() -> None:
    (problem,) = problems_of("a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n")
    assert "nested" in problem or "nesting" in problem


def test_bytes_that_are_not_utf8_are_located() -> None:
    (problem,) = problems_of(b"a: ok\nb: caf\xe9\n")
    assert problem == "x.yaml:2:7: (file): the file is not valid UTF-8 (byte 0xe9)"


def test_syntax_errors_name_the_line_and_field() -> None:
    (problem,) = problems_of("records:\n  - id: [unclosed\n  - id: x\n")
    assert problem.startswith("x.yaml:3:")
    assert "YAML syntax error" in problem


def test_several_documents_in_one_file_are_refused() -> None:
    (problem,) = problems_of("a: 1\n---\nb: 2\n")
    assert "one YAML document" in problem
