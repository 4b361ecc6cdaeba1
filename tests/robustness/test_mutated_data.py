"""Randomly damaged data files: the loader returns a dataset or a typed, located DataError, and nothing else."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ajexplorer.domain.errors import DataError
from ajexplorer.domain.loading import load_dataset
from ajexplorer.domain.model import Dataset
from tests.conftest import FIXTURES

FILES = ("records/main.yaml", "glossary.yaml", "paragraphs.yaml", "dataset.yaml")


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, bytes]:
    """One file of the example dataset with a few bytes replaced, deleted, inserted or lines shuffled."""
    name = draw(st.sampled_from(FILES))
    data = bytearray((FIXTURES / "mini" / name).read_bytes())
    for _ in range(draw(st.integers(1, 4))):
        operation = draw(st.sampled_from(["replace", "delete", "insert", "swap-lines", "truncate"]))
        position = draw(st.integers(0, max(len(data) - 1, 0)))
        if operation == "replace" and data:
            data[position] = draw(st.integers(0, 255))
        elif operation == "delete" and data:
            del data[position : position + draw(st.integers(1, 20))]
        elif operation == "insert":
            data[position:position] = draw(
                st.sampled_from(
                    [
                        b":",
                        b"- ",
                        b"  ",
                        b"\n",
                        b"&a ",
                        b"*a",
                        b"!!python/name:os.system",
                        b"[",
                        b"{",
                        b'"',
                        b"\xff",
                        b"\t",
                        b"~",
                        b"---\n",
                        b"0x1F",
                        b"2001-02-30",
                    ]
                )
            )
        elif operation == "swap-lines":
            lines = bytes(data).split(b"\n")
            first, second = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[first], lines[second] = lines[second], lines[first]
            data = bytearray(b"\n".join(lines))
        elif operation == "truncate":
            del data[position:]
    return name, bytes(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutation=mutations())
def test_damaged_data_gives_a_dataset_or_a_located_error(mutation: tuple[str, bytes], tmp_path: Path) -> None:
    name, content = mutation
    folder = tmp_path / "mutated"
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(FIXTURES / "mini", folder)
    (folder / name).write_bytes(content)
    outcome: Dataset | DataError
    try:
        outcome = load_dataset(folder)
    except DataError as error:
        outcome = error
    if isinstance(outcome, DataError):
        assert outcome.problems
        for problem in outcome.problems:
            assert problem.file and problem.line >= 1 and problem.column >= 1 and problem.message
    else:
        assert isinstance(outcome, Dataset)
