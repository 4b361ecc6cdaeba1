"""The notebook as JSON (exported and imported back unchanged, merged without loss) and as Markdown."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ajexplorer.domain.model import Kind
from ajexplorer.domain.notebook import Collection, Note, Notebook, NotebookError, SavedSearch, record_target
from ajexplorer.domain.notebook_io import (
    NotebookContents,
    notebook_from_json,
    notebook_markdown,
    notebook_to_json,
)
from ajexplorer.domain.query import Filters

targets = st.one_of(
    st.text(min_size=1, max_size=20).map(record_target),
    st.integers(min_value=1, max_value=500).map(lambda number: f"paragraph:{number}"),
)
notes = st.builds(Note, targets, st.text(max_size=200), st.booleans(), st.text(max_size=40))
filters = st.builds(
    Filters,
    st.frozensets(st.sampled_from(list(Kind))),
    st.frozensets(st.text(min_size=1, max_size=10), max_size=3),
    st.none() | st.tuples(st.integers(1970, 2030), st.integers(1970, 2030)).map(lambda y: (min(y), max(y))),
    st.none() | st.text(min_size=1, max_size=10),
)
names = st.text(min_size=1, max_size=30).filter(lambda name: name.strip() == name and name)
contents = st.builds(
    NotebookContents,
    st.lists(notes, max_size=8, unique_by=lambda note: note.target).map(tuple),
    st.lists(
        st.builds(Collection, names, st.lists(targets, max_size=5, unique=True).map(tuple)),
        max_size=4,
        unique_by=lambda c: c.name,
    ).map(tuple),
    st.lists(
        st.builds(SavedSearch, names, st.text(max_size=40), filters), max_size=4, unique_by=lambda s: s.name
    ).map(tuple),
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(contents)
def test_json_reads_back_exactly_what_was_written(written: NotebookContents) -> None:
    assert notebook_from_json(notebook_to_json(written)) == written


def test_a_whole_notebook_survives_export_and_import_into_an_empty_one(tmp_path: Path) -> None:
    source = Notebook.open(tmp_path / "a.sqlite3")
    source.set_text(record_target("r1"), "My **own** words\n- one\n- two", "Record one")
    source.set_starred(record_target("r2"), True, "Record two")
    source.set_starred("paragraph:4", True, "¶ 4")
    source.create_collection("Briefing for the 2026 summit")
    source.add_to_collection("Briefing for the 2026 summit", record_target("r2"))
    source.add_to_collection("Briefing for the 2026 summit", record_target("r1"))
    source.save_search(
        "Economic, 2010s", "trade", Filters(section_ids=frozenset({"economic"}), years=(2010, 2019))
    )
    exported = notebook_to_json(NotebookContents.of(source))
    target = Notebook.open(tmp_path / "b.sqlite3")
    notebook_from_json(exported).merge_into(target)
    again = Notebook.open(tmp_path / "b.sqlite3")  # from the file, not memory
    assert NotebookContents.of(again) == NotebookContents.of(source)


def test_an_import_merges_and_never_replaces_what_is_there(tmp_path: Path) -> None:
    mine = Notebook.open(tmp_path / "mine.sqlite3")
    mine.set_text(record_target("r1"), "what I wrote here")
    mine.create_collection("Shared")
    mine.add_to_collection("Shared", record_target("r1"))
    theirs = NotebookContents(
        (Note(record_target("r1"), "what I wrote elsewhere", starred=True),),
        (Collection("shared", (record_target("r2"),)),),
    )
    theirs.merge_into(mine)
    note = mine.note(record_target("r1"))
    assert note is not None and note.starred
    assert "what I wrote here" in note.text and "what I wrote elsewhere" in note.text
    assert mine.collection_records("Shared") == ("r1", "r2")
    theirs.merge_into(mine)  # importing the same file twice adds nothing
    assert mine.note(record_target("r1")) == note


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("{", "not JSON"),
        ('{"records": []}', "not an exported notebook"),
        ('{"format": "ajexplorer-notebook", "version": 99}', "version"),
        ('{"format": "ajexplorer-notebook", "version": 1, "notes": {}}', "notes: should be a list"),
        (
            '{"format": "ajexplorer-notebook", "version": 1, "notes": [{"target": "planet:x"}]}',
            "notes[0].target",
        ),
        ('{"format": "ajexplorer-notebook", "version": 1, "notes": [{"target": 3}]}', "notes[0].target"),
        (
            '{"format": "ajexplorer-notebook", "version": 1, "notes": [{"target": "record:a", "starred": "yes"}]}',
            "notes[0].starred",
        ),
        (
            '{"format": "ajexplorer-notebook", "version": 1, "collections": [{"name": " "}]}',
            "collections[0].name",
        ),
        (
            '{"format": "ajexplorer-notebook", "version": 1, "collections": [{"name": "a", "items": ["x"]}]}',
            "collections[0].items[0]",
        ),
    ],
)
def test_a_file_that_is_not_a_notebook_is_refused_naming_the_field(text: str, says: str) -> None:
    with pytest.raises(NotebookError, match=re.escape(says)):
        notebook_from_json(text)


def test_json_is_plain_and_dated() -> None:
    written = notebook_to_json(NotebookContents(), dt.datetime(2026, 1, 2, tzinfo=dt.UTC))
    document = json.loads(written)
    assert document["format"] == "ajexplorer-notebook" and document["exported"].startswith("2026-01-02")


def test_markdown_sets_the_notes_apart_and_says_what_the_data_lacks() -> None:
    written = NotebookContents(
        (
            Note(record_target("r1"), "I think **this** matters.", True, "Old title"),
            Note(record_target("gone"), "Still mine.", False, "A record since dropped"),
        ),
        (Collection("Summit", (record_target("r1"), record_target("gone"))),),
        (SavedSearch("Trade", "trade", Filters(years=(2010, 2019))),),
    )
    titles = {record_target("r1"): "The current title"}
    text = notebook_markdown(written, titles.get, "Notebook: Test data")
    assert text.startswith("# Notebook: Test data\n")
    assert "## Starred\n\n- The current title (record:r1)" in text
    assert "### The current title (record:r1)\n\nI think **this** matters." in text
    assert "A record since dropped (record:gone, not in the open data)" in text
    assert "## Collection: Summit" in text
    assert "- Trade: `trade` (years: [2010, 2019])" in text
