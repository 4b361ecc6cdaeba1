"""Search covers the person's notes, marked as theirs, and the notebook's fields narrow it."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ajexplorer.domain.loading import load_dataset
from ajexplorer.domain.model import Dataset
from ajexplorer.domain.notebook import Notebook, record_target
from ajexplorer.domain.notebook_search import NotebookSearch, split_query
from ajexplorer.domain.query import QueryError
from ajexplorer.domain.search import SearchIndex, words_of
from tests.conftest import FIXTURES

OWN_WORD = "quixotically"  # in no dataset: found only in the person's note


@pytest.fixture(scope="module")
def partner_dataset() -> Dataset:
    return load_dataset(FIXTURES / "partner")


@pytest.fixture
def searcher(partner_dataset: Dataset) -> NotebookSearch:
    return NotebookSearch(SearchIndex.from_dataset(partner_dataset), partner_dataset, Notebook.in_memory())


def test_a_note_is_found_and_marked_as_the_persons_own(searcher: NotebookSearch) -> None:
    record = list(searcher.dataset.records.values())[3]
    searcher.notebook.set_text(record_target(record.id), f"Ask the desk officer, {OWN_WORD} so.")
    result = searcher.search(OWN_WORD[:6])
    assert [(hit.record_id, hit.own) for hit in result.hits] == [(record.id, True)]
    snippet = "".join(segment.text for segment in result.hits[0].snippet)
    assert "desk officer" in snippet  # the note's words, never the source's
    assert any(segment.matched and segment.text == OWN_WORD for segment in result.hits[0].snippet)


def test_a_record_found_in_the_source_and_in_a_note_is_listed_for_each_apart(
    searcher: NotebookSearch,
) -> None:
    record = next(iter(searcher.dataset.records.values()))
    word = max(words_of(record.title), key=len)
    searcher.notebook.set_text(record_target(record.id), f"My view on {word}.")
    result = searcher.search(word)
    from_source = [hit for hit in result.hits if hit.record_id == record.id and not hit.own]
    from_note = [hit for hit in result.hits if hit.record_id == record.id and hit.own]
    assert len(from_source) == 1 and len(from_note) == 1
    assert result.hits.index(from_source[0]) < result.hits.index(from_note[0])  # the source's hits come first


def test_is_starred_in_notes_and_collection_narrow_the_search(searcher: NotebookSearch) -> None:
    records = list(searcher.dataset.records.values())
    notebook = searcher.notebook
    notebook.set_starred(record_target(records[1].id), True)
    notebook.set_starred(record_target(records[2].id), True)
    notebook.set_text(record_target(records[4].id), f"{OWN_WORD} thoughts")
    notebook.create_collection("Summit brief")
    notebook.add_to_collection("Summit brief", record_target(records[2].id))
    notebook.add_to_collection("Summit brief", record_target(records[5].id))
    assert {hit.record_id for hit in searcher.search("is:starred").hits} == {records[1].id, records[2].id}
    assert [hit.record_id for hit in searcher.search('collection:"summit brief"').hits] == [
        records[2].id,
        records[5].id,
    ]
    both = searcher.search('is:starred collection:"Summit brief"')
    assert [hit.record_id for hit in both.hits] == [records[2].id]
    notes_only = searcher.search("in:notes")
    assert [(hit.record_id, hit.own) for hit in notes_only.hits] == [(records[4].id, True)]
    title_word = max(words_of(records[4].title), key=len)
    assert searcher.search(f"in:notes {title_word}").hits == []  # the source is not searched
    assert searcher.matching_ids("is:starred") == {records[1].id, records[2].id}


def test_a_word_typed_in_a_starred_search_narrows_within_the_stars(searcher: NotebookSearch) -> None:
    records = list(searcher.dataset.records.values())
    target = records[0]
    searcher.notebook.set_starred(record_target(target.id), True)
    word = max(words_of(target.title), key=len)
    everywhere = {hit.record_id for hit in searcher.search(word).hits}
    starred = {hit.record_id for hit in searcher.search(f"is:starred {word}").hits}
    assert starred == {target.id} and target.id in everywhere


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("is:planet", "is:starred"),
        ("in:drafts", "in:notes"),
        ("collection:", "needs"),
        ("collection:nope", "no collection"),
    ],
)
def test_a_notebook_field_that_means_nothing_says_so(searcher: NotebookSearch, query: str, says: str) -> None:
    with pytest.raises(QueryError, match=says):
        searcher.search(query)


def test_fields_are_taken_out_of_the_query_text() -> None:
    rest, scope = split_query('japan is:starred collection:"A brief" in:notes year:2013')
    assert rest == "japan year:2013"
    assert scope.starred and scope.notes_only and scope.collections == ("A brief",)


QUERY_PIECES = [*'isnc:ol "tarednj\x00*()-', "is:", "in:", "collection:", "starred", "notes", "japan", " "]


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(st.sampled_from(QUERY_PIECES), max_size=20).map("".join))
def test_any_query_gives_results_or_says_why_not(searcher: NotebookSearch, text: str) -> None:
    searcher.notebook.set_text(record_target(next(iter(searcher.dataset.records))), "a note")
    problem = ""
    try:
        result = searcher.search(text)
    except QueryError as error:
        problem = str(error)
    if problem:
        return
    assert all(hit.record_id in searcher.dataset.records for hit in result.hits)


def test_the_views_get_every_record_the_notebook_search_finds(searcher: NotebookSearch) -> None:
    """Matching without ranking (what the timeline and tree keep) finds what an unlimited search lists."""
    records = list(searcher.dataset.records.values())
    searcher.notebook.set_text(record_target(records[3].id), f"Ask the desk officer, {OWN_WORD} so.")
    searcher.notebook.set_starred(record_target(records[1].id), True)
    title_word = max(words_of(records[0].title), key=len)
    for text in (
        OWN_WORD[:5],
        title_word,
        title_word[:3],
        f"is:starred {title_word}",
        "in:notes desk",
        "xyzzy",
    ):
        unlimited = searcher.search(text, limit=len(searcher.index)).matched_ids
        assert searcher.matching_ids(text) == unlimited, text
