"""Loading reports every problem with its file, line, column and field; valid data builds the model."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ajexplorer.domain.errors import DataError
from ajexplorer.domain.loading import load_dataset
from ajexplorer.domain.model import Dataset, Kind
from tests.conftest import BROKEN, FIXTURES

# Each broken folder holds one fault; the expected problem: file, line, field and a phrase of the message.
EXPECTED = {
    "yaml-syntax": ("records/main.yaml", 30, "records[2].summary", "YAML syntax error"),
    "wrong-type": ("records/main.yaml", 50, "records[4].paragraphs", "should be of type array"),
    "unknown-key": ("records/main.yaml", 33, "records[2].venue", "unknown field 'venue'"),
    "missing-field": ("records/main.yaml", 35, "records[3]", "required field 'summary' is missing"),
    "duplicate-id": ("records/main.yaml", 44, "records[4].id", "already used at"),
    "duplicate-key": ("records/main.yaml", 39, "records[3].title", "appears twice"),
    "dangling-reference": (
        "records/main.yaml",
        33,
        "records[2].held_under",
        "no record has the id 'm-summitt'",
    ),
    "wrong-kind-reference": ("records/main.yaml", 34, "records[2].documents[0]", "must be a document"),
    "parent-cycle": ("records/main.yaml", 12, "records[0].parent", "m-dialogue -> m-summit -> m-dialogue"),
    "invalid-date": ("records/main.yaml", 31, "records[2].date", "day 30 is not in February 2001"),
    "invalid-range": ("records/main.yaml", 43, "records[3].end", "before the start"),
    "paragraph-out-of-range": (
        "records/main.yaml",
        50,
        "records[4].paragraphs[1]",
        "paragraph 9 does not exist",
    ),
    "python-tag": (
        "records/main.yaml",
        32,
        "records[2].place",
        "python/object/apply:os.system is not allowed",
    ),
    "alias-bomb": ("records/main.yaml", 1, "a", "anchors (&name) are not allowed"),
    "deep-nesting": ("records/main.yaml", 2, "records[0].id", "nesting depth"),
    "non-utf8": ("records/main.yaml", 49, "", "not valid UTF-8"),
    "empty-folder": ("dataset.yaml", 1, "", "the file is missing"),
    "missing-source-text": ("dataset.yaml", 7, "source.file", "source text 'source/overview.txt' is missing"),
    "glossary-duplicate": ("glossary.yaml", 7, "glossary[1].acronym", "'EPS' is already in the glossary"),
    "undeclared-group": ("records/main.yaml", 15, "records[1].group", "'asean-japn' is not declared"),
}


def test_every_broken_fixture_is_covered() -> None:
    assert sorted(path.name for path in BROKEN.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_each_fault_is_reported_where_it_is(case: str) -> None:
    file, line, field, phrase = EXPECTED[case]
    with pytest.raises(DataError) as caught:
        load_dataset(BROKEN / case)
    matching = [
        problem
        for problem in caught.value.problems
        if problem.file.endswith(f"{case}/{file}") and problem.line == line and problem.field == field
    ]
    assert matching, caught.value.summary()
    assert phrase in matching[0].message
    assert matching[0].column >= 1


def test_a_fault_in_one_record_file_does_not_cause_false_alarms_elsewhere() -> None:
    with pytest.raises(DataError) as caught:
        load_dataset(BROKEN / "yaml-syntax")
    assert len(caught.value.problems) == 1


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    folder = tmp_path / "two-faults"
    shutil.copytree(FIXTURES / "mini", folder)
    records = folder / "records" / "main.yaml"
    text = (
        records.read_text()
        .replace('date: "2001-05-04"', 'date: "2001-13"')
        .replace("held_under: m-summit", "held_under: m-x")
    )
    records.write_text(text)
    with pytest.raises(DataError) as caught:
        load_dataset(folder)
    fields = {problem.field for problem in caught.value.problems}
    assert fields == {"records[2].date", "records[2].held_under"}


def test_a_huge_file_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    folder = tmp_path / "huge"
    shutil.copytree(FIXTURES / "mini", folder)
    (folder / "records" / "huge.yaml").write_text("records:\n" + "  # padding\n" * 500_000)
    with pytest.raises(DataError) as caught:
        load_dataset(folder)
    (problem,) = caught.value.problems
    assert problem.file.endswith("huge.yaml")
    assert "over the limit" in problem.message


def test_the_example_dataset_builds_its_relations(mini_dataset: Dataset) -> None:
    summit = mini_dataset.records["m-summit"]
    assert summit.acronym == "EPS"
    assert [child.id for child in mini_dataset.children("m-dialogue")] == ["m-summit"]
    assert [event.id for event in mini_dataset.events_under("m-summit")] == ["ev-2001-05-04-3rd-eps"]
    assert mini_dataset.linked_events("doc-plan-2001-2005") == {"ev-2001-05-04-3rd-eps"}
    assert [record.id for record in mini_dataset.records_for_paragraph(3)] == ["fig-trade-2020"]
    assert mini_dataset.records["fig-trade-2020"].value_text() == "12.5 USD billion"
    assert mini_dataset.glossary_entry("EPS") is not None
    assert len(mini_dataset.of_kind(Kind.EVENT)) == 1


def test_the_bundled_dataset_loads(dataset: Dataset) -> None:
    assert len(dataset.paragraphs) == 39
    assert len(dataset.sections) == 6
    assert len(dataset.of_kind(Kind.EVENT)) >= 80
    for kind in Kind:
        assert dataset.of_kind(kind), f"no {kind.value} records"


def test_the_bundled_data_stamp_is_current() -> None:
    """The shipped stamp must match the data: after editing data/, run `ajexplorer validate --stamp`."""
    from ajexplorer.domain.loading import stamp_is_current
    from ajexplorer.paths import data_dir, schema_dir

    assert stamp_is_current(data_dir(), schema_dir()), "data/ changed: run `ajexplorer validate --stamp`"


def test_a_stale_stamp_means_the_full_check(tmp_path: Path) -> None:
    from ajexplorer.domain.loading import digest, stamp_is_current, write_stamp
    from ajexplorer.paths import schema_dir

    folder = tmp_path / "stamped"
    shutil.copytree(FIXTURES / "mini", folder)
    write_stamp(folder, schema_dir())
    assert stamp_is_current(folder, schema_dir())
    records = folder / "records" / "main.yaml"
    records.write_text(records.read_text().replace("    series: trade\n", "    colour: blue\n"))
    assert not stamp_is_current(folder, schema_dir())
    with pytest.raises(DataError) as caught:
        load_dataset(folder)
    assert any("unknown field 'colour'" in problem.message for problem in caught.value.problems)
    # Only the bundled data's stamp is trusted: a matching stamp elsewhere still gets the full check.
    (folder / "schema-checked.sha256").write_text(digest(folder, schema_dir()))
    with pytest.raises(DataError):
        load_dataset(folder)


def _stamped_copy(tmp_path: Path) -> tuple[Path, str]:
    from ajexplorer.domain.loading import digest, write_stamp
    from ajexplorer.paths import schema_dir

    folder = tmp_path / "bundled"
    shutil.copytree(FIXTURES / "mini", folder)
    write_stamp(folder, schema_dir())
    return folder, digest(folder, schema_dir())


def test_a_cache_loads_the_same_dataset_as_the_files(tmp_path: Path) -> None:
    from ajexplorer.domain.loading import CACHE_FILE, read_cache, write_cache
    from ajexplorer.paths import schema_dir

    folder, data_digest = _stamped_copy(tmp_path)
    write_cache(folder, schema_dir(), folder / CACHE_FILE)
    cached = read_cache(folder, data_digest)
    from_files = load_dataset(folder)
    assert cached is not None
    assert cached.records == from_files.records
    assert cached.glossary == from_files.glossary
    assert cached.paragraphs == from_files.paragraphs
    assert cached.children("m-dialogue") == from_files.children("m-dialogue")


def test_a_cache_that_does_not_match_is_ignored(tmp_path: Path) -> None:
    from ajexplorer.domain.loading import CACHE_FILE, read_cache, write_cache
    from ajexplorer.paths import schema_dir

    folder, data_digest = _stamped_copy(tmp_path)
    cache = write_cache(folder, schema_dir(), folder / CACHE_FILE)
    assert read_cache(folder, "0" * 64) is None  # the files changed since the cache was made
    blob = cache.read_bytes()
    cache.write_bytes(blob[: len(blob) // 2])  # cut short
    assert read_cache(folder, data_digest) is None
    cache.write_bytes(blob.replace(b"ajexplorer-dataset-cache", b"another-program-cache"))
    assert read_cache(folder, data_digest) is None


def test_only_the_bundled_folder_reads_its_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache holding a different title shows which path was taken."""
    import dataclasses

    import ajexplorer.paths
    from ajexplorer.domain import cachefile
    from ajexplorer.domain.loading import CACHE_FILE, _bundled_cache_key
    from ajexplorer.paths import schema_dir

    folder, data_digest = _stamped_copy(tmp_path)
    schema = schema_dir()
    marked = dataclasses.replace(load_dataset(folder), title="From the cache")
    (folder / CACHE_FILE).write_bytes(cachefile.dumps("dataset", _bundled_cache_key(data_digest), marked))
    assert load_dataset(folder, schema).title != "From the cache"  # not the bundled folder
    monkeypatch.setattr(ajexplorer.paths, "data_dir", lambda: folder)
    assert load_dataset(folder, schema).title == "From the cache"
    # Once the files change, the stale cache is passed over and the files are read.
    glossary = folder / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    (folder / "schema-checked.sha256").unlink()
    assert load_dataset(folder, schema).title != "From the cache"


def test_figure_values_read_as_people_write_them(mini_dataset: Dataset) -> None:
    import dataclasses

    figure = mini_dataset.records["fig-trade-2020"]
    assert dataclasses.replace(figure, value=4, unit="rank", qualifier="preliminary").value_text() == (
        "4th (preliminary)"
    )
    assert dataclasses.replace(figure, value=12, unit="rank", qualifier=None).value_text() == "12th"
    assert dataclasses.replace(figure, value=22, unit="rank", qualifier=None).value_text() == "22nd"
    assert dataclasses.replace(figure, value=1, unit="projects", qualifier="to-date").value_text() == (
        "1 project (to date)"
    )
    assert dataclasses.replace(figure, value=2, unit="projects", qualifier=None).value_text() == "2 projects"
    assert dataclasses.replace(
        figure, value=13500, unit="people", qualifier="approximately"
    ).value_text() == ("approximately 13,500 people")


def test_a_dataset_names_its_groups_in_order(mini_dataset: Dataset) -> None:
    from ajexplorer.domain.model import Group

    assert mini_dataset.groups == (Group("asean-japan", "Example-Partner mechanisms"),)


def test_groups_are_optional(tmp_path: Path) -> None:
    folder = tmp_path / "no-groups"
    shutil.copytree(FIXTURES / "mini", folder)
    description = folder / "dataset.yaml"
    text = description.read_text(encoding="utf-8")
    description.write_text(text[: text.index("groups:")], encoding="utf-8")
    loaded = load_dataset(folder)
    assert loaded.groups == ()
    assert loaded.records["m-summit"].group == "asean-japan"


def test_a_group_declared_twice_is_reported_where_it_is(tmp_path: Path) -> None:
    folder = tmp_path / "twice"
    shutil.copytree(FIXTURES / "mini", folder)
    description = folder / "dataset.yaml"
    text = description.read_text(encoding="utf-8")
    description.write_text(text + "  - id: asean-japan\n    title: Again\n", encoding="utf-8")
    lines = description.read_text(encoding="utf-8").splitlines()
    with pytest.raises(DataError) as caught:
        load_dataset(folder)
    (problem,) = caught.value.problems
    assert (problem.field, problem.line) == ("groups[1].id", len(lines) - 1)
    assert "'asean-japan' is listed twice" in problem.message
