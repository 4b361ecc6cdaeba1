"""Search on the bundled data: a table of real questions and the records they must find first."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ajexplorer.domain.model import Dataset, Kind
from ajexplorer.domain.search import Filters, QueryError, SearchIndex, parse_query


@pytest.fixture(scope="module")
def index(dataset: Dataset) -> SearchIndex:
    return SearchIndex.from_dataset(dataset)


# (query, expected record, position it must reach: 1 = first)
TABLE = [
    # acronyms and their expansions
    ("TAC", "doc-tac", 1),
    ("what is AMEICC?", "m-ameicc", 1),
    ("JAIF", "m-jaif", 1),
    ("integration fund", "m-jaif", 2),
    ("Japan-ASEAN Integration Fund", "m-jaif", 1),
    ("AOIP", "doc-aoip", 1),
    ("indo-pacific", "doc-aoip", 2),
    ("UHC", "prog-asean-japan-uhc-initiative", 3),
    ("universal health coverage", "m-apt-uhc-network", 3),
    ("HADR", "m-admm-plus", 1),
    ("JICA", "m-jica", 1),
    ("TELMIN", "m-asean-telmin", 1),
    ("ADGMIN", "m-adgmin", 1),
    ("AJCEP", "doc-ajcep-agreement", 1),
    ("Eminent Persons Group", "m-epg", 1),
    ("technical cooperation agreement", "doc-tca", 2),
    # punctuation and case do not matter
    ("ADMM Plus", "m-admm-plus", 1),
    ("admm-plus", "m-admm-plus", 1),
    ("AMMTC Japan", "m-ammtc-japan", 1),
    ("AMMTC+Japan", "m-ammtc-japan", 1),
    ("JENESYS2.0", "prog-jenesys-2-0", 1),
    # prefixes
    ("amei", "m-ameicc", 5),
    ("Koiz", "ev-2005-12-koizumi-pledge-jaif", 1),
    ("smart cit", "m-ascn", 3),
    # typos, ranked after exact matches
    ("Vientianne", "doc-vientiane-vision", 3),
    ("Mekhong", "m-mekong-japan-summit", 1),
    ("cybercrme", "m-ajcc-dialogue", 2),
    ("Eminant Persons", "m-epg", 2),
    # phrases
    ('"Bali Declaration"', "doc-bali-declaration", 1),
    ('"plan of action" 2011', "doc-asean-japan-plan-of-action-2011-2015", 1),
    ('"Vision Statement"', "doc-vision-statement", 2),
    # fields
    ("kind:event accede", "ev-2004-07-tac-accession", 1),
    ("section:economic roadmap", "doc-asean-japan-strategic-economic-cooperation-roadmap", 1),
    ("pillar:economic roadmap", "doc-asean-japan-strategic-economic-cooperation-roadmap", 1),
    ("kind:programme section:socio jenesys", "prog-jenesys", 1),
    ("kind:figure trade 2019", "fig-asean-japan-trade-2019", 1),
    # dates
    ("year:2013 kind:event anniversary", "ev-2013-40th-anniversary", 1),
    ("year:2010..2015 mekong summit", "ev-2015-07-7th-mekong-japan-summit", 2),
    ("jenesys 2019", "prog-jenesys-2019", 2),
    # places
    ("place:bagan", "ev-2014-11-19-asean-japan-defence-ministers-informal-meeting", 1),
    ("place:tokyo commemorative", "ev-2003-12-asean-japan-commemorative-summit", 2),
    ("Siem Reap", "ev-2019-03-02-ajcep-first-protocol-signed-by-9-ams", 2),
    ("Nay Pyi Taw sports", "ev-2017-10-11-1st-amms-japan", 1),
    # natural questions
    ("when did Japan accede to the TAC?", "ev-2004-07-tac-accession", 1),
    ("everything about disaster management", "doc-aadmer", 3),
    ("who is Shinzo Abe", "ev-2015-05-partnership-for-quality-infrastructure-announced", 2),
]


def test_the_table_is_large_enough() -> None:
    assert len(TABLE) >= 40


@pytest.mark.parametrize(("query", "expected", "within"), TABLE)
def test_expected_records_rank_high(index: SearchIndex, query: str, expected: str, within: int) -> None:
    result = index.search(query, limit=10)
    ids = [hit.record_id for hit in result.hits]
    assert expected in ids[:within], f"{query!r} -> {ids[:5]}"


def test_exact_acronym_beats_everything(index: SearchIndex) -> None:
    hits = index.search("TAC").hits
    assert hits[0].tier == 0
    assert all(hit.tier >= hits[0].tier for hit in hits)


def test_typos_rank_below_exact_matches_and_say_so(index: SearchIndex) -> None:
    result = index.search("Vientianne")
    assert result.corrected == {"vientianne": ["vientiane"]}
    assert all(hit.fuzzy for hit in result.hits)
    exact = index.search("Vientiane").hits
    assert exact[0].tier < result.hits[0].tier


def test_short_words_are_not_corrected(index: SearchIndex) -> None:
    result = index.search("Tokio")
    assert result.hits  # five letters: one typo forgiven
    assert not index.search("Tkyo").hits  # four letters: not forgiven


def test_acronyms_find_records_that_only_spell_them_out(index: SearchIndex, dataset: Dataset) -> None:
    only_expanded = [
        r.id
        for r in dataset.records.values()
        if "Japan-ASEAN Integration Fund" in r.summary and "JAIF" not in f"{r.title} {r.summary} {r.acronym}"
    ]
    assert only_expanded, "the data should have a record that names the fund without its acronym"
    found = {hit.record_id for hit in index.search("JAIF", limit=200).hits}
    assert set(only_expanded) <= found


def test_every_word_must_match(index: SearchIndex, dataset: Dataset) -> None:
    """Each hit holds both words, in its own text or in the source paragraphs it is drawn from."""
    hits = index.search("mekong tokyo", limit=50).hits
    assert hits
    for hit in hits:
        record = dataset.records[hit.record_id]
        own = [record.title, record.summary, record.acronym or "", *record.aliases, record.place or ""]
        cited = [dataset.paragraphs[number].text for number in record.paragraphs]
        searched = " ".join(own + cited).lower()
        assert "mekong" in searched and "tokyo" in searched, hit.record_id


def test_a_hit_only_in_a_source_paragraph_leads_to_its_records(index: SearchIndex, dataset: Dataset) -> None:
    hits = index.search("preventive diplomacy").hits
    assert hits
    assert all(10 in dataset.records[hit.record_id].paragraphs for hit in hits)


def test_snippets_mark_the_matched_words(index: SearchIndex) -> None:
    hit = index.search("Koizumi").hits[0]
    assert any(segment.matched and segment.text.lower().startswith("koizumi") for segment in hit.snippet)


def test_ties_are_broken_deterministically(index: SearchIndex) -> None:
    first = [hit.record_id for hit in index.search("summit", limit=50).hits]
    second = [hit.record_id for hit in index.search("SUMMIT", limit=50).hits]
    assert first == second


def test_nothing_found_offers_the_closest_terms(index: SearchIndex) -> None:
    result = index.search("infrastrukture financing")
    assert result.hits  # one typo in a long word is forgiven, and the correction is said
    assert result.corrected == {"infrastrukture": ["infrastructure"]}
    empty = index.search("qqqzzzx")
    assert empty.hits == []
    near = index.search("mekongg delta river basin")
    assert near.hits == [] and near.suggestions


def test_filters_from_controls_combine_with_the_query(index: SearchIndex) -> None:
    result = index.search(
        "summit", limit=100, filters=Filters(kinds=frozenset({Kind.EVENT}), years=(2011, 2011))
    )
    assert result.hits[0].record_id == "ev-2011-11-14th-asean-japan-summit"
    assert all(hit.kind is Kind.EVENT and "2011" in hit.when for hit in result.hits)


def test_filters_alone_list_records(index: SearchIndex) -> None:
    result = index.search("kind:event year:2013", limit=100)
    assert result.hits and all(hit.kind is Kind.EVENT for hit in result.hits)
    assert result.hits[0].when.endswith("2013")


@pytest.mark.parametrize(
    "query", ["kind:planet", "year:20x3", "year:2015..2010", "section:astronomy", "", "   ", "kind:"]
)
def test_invalid_queries_raise_a_clear_error(index: SearchIndex, query: str) -> None:
    with pytest.raises(QueryError):
        index.search(query)


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced quote',
        "AND OR NOT NEAR(",
        "*",
        "^",
        "a" * 10_000,
        "\x00\x01\x1b[31m",
        "jap'an\"; DROP TABLE meta;--",
        "{title}: x",
        "col:val",
        "((((",
        "\u202e\u0301",
        "日本",
        "!!!",
    ],
)
def test_odd_input_gives_results_or_a_clear_error(index: SearchIndex, query: str) -> None:
    try:
        result = index.search(query)
    except QueryError as error:
        message = str(error)
        assert message
    else:
        assert result.total >= len(result.hits)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_no_input_string_raises(index: SearchIndex, text: str) -> None:
    try:
        result = index.search(text)
    except QueryError:
        return
    assert result.total >= len(result.hits)


@given(st.text(max_size=80))
def test_parsing_never_raises_anything_but_a_query_error(text: str) -> None:
    with contextlib.suppress(QueryError):
        parse_query(text, ["economic", "socio-cultural"])


def _every_match(index: SearchIndex, text: str, filters: Filters | None = None) -> frozenset[str] | str:
    """What an unlimited search finds, or its error."""
    try:
        return index.search(text, limit=len(index), filters=filters).matched_ids
    except QueryError as error:
        return str(error)


def _matching(index: SearchIndex, text: str, filters: Filters | None = None) -> frozenset[str] | str:
    try:
        return index.matching_ids(text, filters)
    except QueryError as error:
        return str(error)


@pytest.mark.parametrize(
    "query",
    [
        *(query for query, _expected, _within in TABLE),
        "s",
        "su",
        "summ",
        "mekongg",
        "summiit meeting",
        '"east asia"',
        "kind:event tokyo",
        "year:2013",
        "section:economic",
        "xyzzy",
        "",
        "ASEAN-J",
        "日本",
    ],
)
def test_the_views_get_every_record_a_search_finds(index: SearchIndex, dataset: Dataset, query: str) -> None:
    """The timeline, tree and figures keep what an unlimited search lists, computed without ranking it."""
    assert _matching(index, query) == _every_match(index, query)
    events = Filters(kinds=frozenset({Kind.EVENT}), years=(2005, 2015))
    assert _matching(index, query, events) == _every_match(index, query, events)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet='aeinorstu -"', max_size=12))
def test_every_typed_prefix_matches_the_same_records(index: SearchIndex, text: str) -> None:
    assert _matching(index, text) == _every_match(index, text)
