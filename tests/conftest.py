"""Shared fixtures. GUI tests run on Qt's offscreen platform; every test gets its own settings location."""

from __future__ import annotations

import atexit
import dataclasses
import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Datasets and search indexes are cached in a folder of the test run's own, never the user's.
os.environ["AJEXPLORER_CACHE_DIR"] = tempfile.mkdtemp(prefix="ajexplorer-test-cache-")

from ajexplorer.domain.loading import load_dataset
from ajexplorer.domain.model import Dataset, Record
from ajexplorer.paths import data_dir

atexit.register(shutil.rmtree, os.environ["AJEXPLORER_CACHE_DIR"], ignore_errors=True)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
BROKEN = ROOT / "tests" / "robustness" / "broken"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--run-slow", action="store_true", default=False, help="also run long soaks")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--run-slow"):
        return
    skip = pytest.mark.skip(reason="long-running; use --run-slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    """The bundled dataset, loaded once."""
    return load_dataset(data_dir())


@pytest.fixture(scope="session")
def mini_dataset() -> Dataset:
    """The small example dataset under tests/fixtures/mini."""
    return load_dataset(FIXTURES / "mini")


def with_records(base: Dataset, *records: Record) -> Dataset:
    """The base dataset with these records replacing (same id) or joining its own; every other field kept."""
    merged = dict(base.records)
    merged.update((record.id, record) for record in records)
    return dataclasses.replace(base, records=merged)
