"""What the results line says, and each result's HTML: escaped data, matched words in bold (no Qt)."""

from __future__ import annotations

import re
from html import unescape

from hypothesis import given
from hypothesis import strategies as st

from ajexplorer.domain.model import Dataset, Kind
from ajexplorer.domain.query import Hit, Query, QueryError, Result, Segment
from ajexplorer.presentation.record_text import dataset_summary, status_line, tooltip
from ajexplorer.presentation.search_text import hit_html, hit_line, query_problem, results_message


def a_hit(
    title: str = "Summit", when: str = "2013", snippet: tuple[Segment, ...] = (), fuzzy: bool = False
) -> Hit:
    return Hit("r-1", Kind.EVENT, title, when, 1.0, 0, snippet, fuzzy)


def test_the_results_line_counts_and_says_when_only_the_first_are_listed() -> None:
    assert results_message(Result(Query(), [a_hit()], total=1)) == "1 result."
    assert results_message(Result(Query(), [a_hit(), a_hit()], total=2)) == "2 results."
    assert results_message(Result(Query(), [a_hit()] * 3, total=250)) == "250 results (showing the first 3)."


def test_the_results_line_names_words_read_as_close_matches() -> None:
    result = Result(Query(), [a_hit()], total=1, corrected={"sumit": ["summit", "summits"]})
    assert results_message(result) == "1 result. Close matches for: sumit → summit / summits."


def test_no_results_offers_the_closest_terms_when_there_are_any() -> None:
    assert results_message(Result(Query(), [], total=0)) == "No results."
    assert results_message(Result(Query(), [], suggestions=["mekong", "maritime"])) == (
        "No results. Closest terms: mekong, maritime."
    )


def test_a_query_that_cannot_mean_anything_is_said_in_the_results_line() -> None:
    assert query_problem(QueryError("unknown kind 'planet'")) == "Cannot search: unknown kind 'planet'."


def test_a_hit_shows_kind_title_date_and_the_snippet_with_matched_words_in_bold() -> None:
    hit = a_hit(
        "ASEAN-Japan Summit", "Nov 2013", (Segment("the ", False), Segment("summit", True)), fuzzy=True
    )
    html = hit_html(hit, "#101010", "#777777")
    assert "<b>ASEAN-Japan Summit</b>" in html
    assert "the <b>summit</b>" in html
    assert "Nov 2013" in html and "close match" in html
    assert 'style="color:#101010"' in html and 'style="color:#777777"' in html
    assert "close match" not in hit_html(a_hit(), "#000", "#555")
    assert hit_line(hit) == "Event: ASEAN-Japan Summit (Nov 2013)"
    assert hit_line(a_hit(when="")) == "Event: Summit"


def test_markup_in_a_hit_is_shown_as_text() -> None:
    hostile = "<img src='file:///etc/passwd'> &amp; <b>"
    html = hit_html(a_hit(hostile, hostile, (Segment(hostile, True),)), '"><script>', "#555")
    assert "<img" not in html and "<script>" not in html and "<b><b>" not in html
    assert html.count("&lt;img src=&#x27;file:///etc/passwd&#x27;&gt; &amp;amp; &lt;b&gt;") == 3


@given(
    title=st.text(max_size=60),
    when=st.text(max_size=20),
    snippet=st.text(max_size=60),
    colour=st.text(max_size=20),
)
def test_any_data_in_a_hit_is_shown_as_text_never_as_markup(
    title: str, when: str, snippet: str, colour: str
) -> None:
    hit = a_hit(title, when, (Segment(snippet, True), Segment(snippet, False)))
    html = hit_html(hit, colour, colour)
    tags = re.findall(r"<(/?\w+)", html)
    assert set(tags) <= {"div", "/div", "span", "/span", "b", "/b", "br", "small", "/small", "i", "/i"}
    assert tags.count("b") == 2  # the title and the one matched segment
    text = unescape(re.sub(r"<[^>]*>", "", html))
    assert title in text and snippet in text


def test_tooltip_status_and_summary_speak_of_the_record_and_the_data(mini_dataset: Dataset) -> None:
    record = next(r for r in mini_dataset.records.values() if r.kind is Kind.EVENT)
    lines = tooltip(mini_dataset, record.id).split("\n")
    assert lines[0] == record.display_title
    assert lines[1] == record.when.human()
    assert lines[2] == record.kind.label + (f" · {record.place}" if record.place else "")
    assert tooltip(mini_dataset, "no-such-id") == "no-such-id"
    assert status_line(record) == f"Event: {record.title}"
    summary = dataset_summary(mini_dataset)
    events = len(mini_dataset.of_kind(Kind.EVENT))
    assert f"{events} event{'s' if events != 1 else ''}" in summary  # one event is not "1 events"
    assert summary.endswith(mini_dataset.info.title)
