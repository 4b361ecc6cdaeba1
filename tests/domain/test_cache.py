"""The cache of checked datasets and their search indexes: used only while it matches the files, ignored and
rebuilt when damaged, never needed (a folder that cannot be written still opens), and never changes a result."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import ajexplorer.paths
from ajexplorer.domain import cachefile, loading
from ajexplorer.domain.errors import DataError
from ajexplorer.domain.loading import cache_slot, digest, load_dataset, user_cache_slot, write_stamp
from ajexplorer.domain.model import Dataset
from ajexplorer.domain.search import SearchIndex, open_index
from ajexplorer.paths import schema_dir
from tests.conftest import FIXTURES, ROOT

TODAY = dt.date(2026, 1, 15)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "dataset"
    shutil.copytree(FIXTURES / "mini", copy)
    return copy


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def _entry(folder: Path, cache: Path, kind: str = "dataset") -> Path:
    return cache_slot(folder, cache, digest(folder, schema_dir())).path(kind)


def _mark_cached_title(folder: Path, cache: Path, title: str) -> None:
    """Rewrite the saved dataset with another title, so a load shows whether it came from the cache."""
    slot = cache_slot(folder, cache, digest(folder, schema_dir()))
    found = cachefile.read(slot.path("dataset"), "dataset", [f"{slot.key}-checked"])
    assert found is not None, "the load did not save the dataset"
    key, dataset = found
    cachefile.write(slot.path("dataset"), "dataset", key, dataclasses.replace(dataset, title=title))


def test_a_second_load_comes_from_the_cache_and_equals_the_files(folder: Path, cache: Path) -> None:
    from_files = load_dataset(folder)
    first = load_dataset(folder, cache_folder=cache)
    assert _entry(folder, cache).is_file()
    second = load_dataset(folder, cache_folder=cache)
    assert first == second == from_files
    assert second.records == from_files.records
    assert second.children("m-dialogue") == from_files.children("m-dialogue")
    assert second.cache is not None and first.cache == second.cache
    _mark_cached_title(folder, cache, "From the cache")
    assert load_dataset(folder, cache_folder=cache).title == "From the cache"


@pytest.mark.parametrize(
    "change",
    [
        lambda folder: (folder / "records" / "main.yaml").write_text(
            (folder / "records" / "main.yaml").read_text(encoding="utf-8").replace("Summit", "Meeting", 1),
            encoding="utf-8",
        ),
        lambda folder: (folder / "glossary.yaml").write_text(
            (folder / "glossary.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
        ),
        lambda folder: shutil.copy(folder / "records" / "main.yaml", folder / "records" / "more.yaml"),
    ],
    ids=["record edited", "glossary touched", "file added"],
)
def test_any_changed_file_means_the_files_are_read_again(folder: Path, cache: Path, change: object) -> None:
    load_dataset(folder, cache_folder=cache)
    _mark_cached_title(folder, cache, "From the cache")
    change(folder)  # type: ignore[operator]
    try:
        reloaded = load_dataset(folder, cache_folder=cache)
    except DataError:  # the added file repeats every id: the files were read and checked, not the cache
        return
    assert reloaded.title != "From the cache"
    assert reloaded == load_dataset(folder)


def test_a_broken_dataset_is_never_cached(folder: Path, cache: Path) -> None:
    records = folder / "records" / "main.yaml"
    records.write_text(
        records.read_text(encoding="utf-8").replace("    series: trade\n", "    colour: blue\n")
    )
    for _ in range(2):
        with pytest.raises(DataError, match="colour"):
            load_dataset(folder, cache_folder=cache)
    assert not _entry(folder, cache).exists()


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: blob[: len(blob) // 2],
        lambda blob: blob.replace(b"Summit", b"Summix", 1),
        lambda blob: b"",
        lambda blob: b"not a cache at all\n" + blob,
    ],
    ids=["cut short", "a letter changed", "empty", "foreign header"],
)
def test_a_damaged_cache_is_ignored_and_rebuilt(folder: Path, cache: Path, damage: object) -> None:
    expected = load_dataset(folder, cache_folder=cache)
    entry = _entry(folder, cache)
    intact = entry.read_bytes()
    entry.write_bytes(damage(intact))  # type: ignore[operator]
    assert load_dataset(folder, cache_folder=cache) == expected
    assert entry.read_bytes() == intact  # written again, whole


def test_a_cache_folder_that_cannot_be_written_still_opens_the_data(folder: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("", encoding="utf-8")
    dataset = load_dataset(folder, cache_folder=blocker / "cache")
    assert dataset == load_dataset(folder)
    index = SearchIndex.from_dataset(dataset, TODAY)
    assert index.matching_ids("summit")
    assert list(tmp_path.glob("**/*.tmp")) == []  # nothing half-written left behind


def test_cache_entries_made_by_other_code_are_not_used(
    folder: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_dataset(folder, cache_folder=cache)
    _mark_cached_title(folder, cache, "From the cache")
    monkeypatch.setattr(cachefile, "code_fingerprint", lambda: "another-version")
    assert load_dataset(folder, cache_folder=cache).title != "From the cache"


def test_a_dataset_saved_without_its_schema_check_does_not_count_for_validate(
    folder: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bundled data skips the schema check while its stamp matches; ``validate`` never does."""
    schema = schema_dir()
    write_stamp(folder, schema)
    monkeypatch.setattr(ajexplorer.paths, "data_dir", lambda: folder)
    load_dataset(folder, schema, cache_folder=cache)  # saved as stamped, not checked
    slot = cache_slot(folder, cache, digest(folder, schema))
    found = cachefile.read(slot.path("dataset"), "dataset", [f"{slot.key}-stamped"])
    assert found is not None
    cachefile.write(slot.path("dataset"), "dataset", found[0], dataclasses.replace(found[1], title="Stamped"))
    assert load_dataset(folder, schema, cache_folder=cache).title == "Stamped"
    assert load_dataset(folder, schema, cache_folder=cache, trust_stamp=False).title != "Stamped"


def test_a_missing_source_text_is_reported_even_with_a_cache(folder: Path, cache: Path) -> None:
    dataset = load_dataset(folder, cache_folder=cache)
    (folder / dataset.info.file).unlink()
    with pytest.raises(DataError, match="is missing"):
        load_dataset(folder, cache_folder=cache)


# --- the search index ----------------------------------------------------------------------------------------


def _results(index: SearchIndex, queries: list[str]) -> list[object]:
    found: list[object] = []
    for query in queries:
        result = index.search(query, limit=20)
        found.append([(hit.record_id, round(hit.score, 6), hit.snippet_text) for hit in result.hits])
        found.append((result.total, result.suggestions, sorted(index.matching_ids(query))))
    return found


def _queries(dataset: Dataset) -> list[str]:
    """Words of the data itself, a typo of one, and a field filter: whatever the dataset holds."""
    record = next(iter(dataset.records.values()))
    words = [word for word in record.title.split() if len(word) > 5][:2] or ["summit"]
    return [*words, words[0][:-1] + "x" + words[0][-1], f"kind:{record.kind.value}", record.title[:2]]


def test_search_results_are_the_same_from_a_cached_index(folder: Path, cache: Path) -> None:
    dataset = load_dataset(folder, cache_folder=cache)
    built = SearchIndex.from_dataset(dataset, TODAY)
    index_file = _entry(folder, cache, "search")
    assert index_file.is_file()
    stamp = index_file.stat().st_mtime_ns
    cached = SearchIndex.from_dataset(load_dataset(folder, cache_folder=cache), TODAY)
    assert index_file.stat().st_mtime_ns == stamp  # read, not built and saved again
    uncached = SearchIndex.from_dataset(load_dataset(folder), TODAY)
    queries = _queries(dataset)
    assert _results(cached, queries) == _results(built, queries) == _results(uncached, queries)


def test_a_damaged_index_cache_is_rebuilt_and_another_day_builds_afresh(folder: Path, cache: Path) -> None:
    dataset = load_dataset(folder, cache_folder=cache)
    expected = _results(SearchIndex.from_dataset(dataset, TODAY), _queries(dataset))
    index_file = _entry(folder, cache, "search")
    intact = index_file.read_bytes()
    index_file.write_bytes(intact[: len(intact) // 3])
    assert _results(SearchIndex.from_dataset(dataset, TODAY), _queries(dataset)) == expected
    assert index_file.read_bytes() == intact
    # Ongoing records' years run to today: an index cached yesterday is not used today.
    SearchIndex.from_dataset(dataset, TODAY + dt.timedelta(days=1))
    assert index_file.read_bytes() != intact


def test_the_command_line_search_gives_the_same_answer_through_its_cache(tmp_path: Path) -> None:
    folder = tmp_path / "dataset"
    shutil.copytree(FIXTURES / "mini", folder)
    env_cache = tmp_path / "user cache"
    command = [sys.executable, "-m", "ajexplorer", "search", "summit", "--json", "--data", str(folder)]
    env = {"AJEXPLORER_CACHE_DIR": str(env_cache), "PATH": "", "QT_QPA_PLATFORM": "offscreen"}
    runs = [
        subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, check=False) for _ in "ab"
    ]
    assert [run.returncode for run in runs] == [0, 0]
    assert runs[0].stdout == runs[1].stdout
    assert sorted(path.suffix for path in env_cache.rglob("*") if path.is_file()) == [
        ".dataset",
        ".search",
        ".search-db",
    ]


# --- the command line's search: the cached index alone ---------------------------------------------------


@pytest.fixture
def user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    chosen = tmp_path / "user cache"
    monkeypatch.setenv("AJEXPLORER_CACHE_DIR", str(chosen))
    return chosen


def _no_dataset(folder: Path, **_options: object) -> Dataset:
    raise AssertionError(f"the dataset in {folder} was opened")


@pytest.mark.usefixtures("user_cache")
def test_a_search_from_the_shell_needs_only_the_cached_index_and_finds_the_same(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dataset = load_dataset(folder)
    expected = _results(SearchIndex.from_dataset(dataset, TODAY), _queries(dataset))
    assert _results(open_index(folder, TODAY), _queries(dataset)) == expected  # opens the data, saves both
    monkeypatch.setattr(loading, "open_dataset", _no_dataset)
    assert _results(open_index(folder, TODAY), _queries(dataset)) == expected
    assert len(open_index(folder, TODAY)) == len(dataset.records)


@pytest.mark.usefixtures("user_cache")
def test_a_search_from_the_shell_after_a_file_changed_reads_the_files(folder: Path) -> None:
    open_index(folder, TODAY)
    records = folder / "records" / "main.yaml"
    records.write_text(records.read_text(encoding="utf-8").replace("Summit", "Meeting"), encoding="utf-8")
    changed = load_dataset(folder)
    queries = ["summit", "meeting", *_queries(changed)]
    assert _results(open_index(folder, TODAY), queries) == _results(
        SearchIndex.from_dataset(changed, TODAY), queries
    )


@pytest.mark.usefixtures("user_cache")
@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: blob[: len(blob) // 2],
        lambda blob: blob[:-200] + bytes(200),
        lambda blob: b"",
    ],
    ids=["cut short", "its end zeroed", "empty"],
)
def test_a_damaged_index_database_is_ignored_and_rebuilt(folder: Path, damage: object) -> None:
    dataset = load_dataset(folder)
    expected = _results(SearchIndex.from_dataset(dataset, TODAY), _queries(dataset))
    open_index(folder, TODAY)
    database = user_cache_slot(folder, digest(folder, schema_dir())).path("search-db")
    intact = database.read_bytes()
    database.write_bytes(damage(intact))  # type: ignore[operator]
    assert _results(open_index(folder, TODAY), _queries(dataset)) == expected
    assert database.read_bytes() == intact  # written again, whole
    database.unlink()
    assert _results(open_index(folder, TODAY), _queries(dataset)) == expected


@pytest.mark.usefixtures("user_cache")
def test_a_search_from_the_shell_reports_a_missing_source_text_despite_the_cache(folder: Path) -> None:
    open_index(folder, TODAY)
    (folder / load_dataset(folder).info.file).unlink()
    with pytest.raises(DataError, match="is missing"):
        open_index(folder, TODAY)
