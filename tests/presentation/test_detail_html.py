"""The detail and source HTML escape all data, link acronyms and follow only the app's links."""

from __future__ import annotations

from dataclasses import replace

from ajexplorer.domain.model import Dataset
from ajexplorer.presentation.detail_html import (
    Colours,
    citation,
    make_marker,
    marked_text,
    record_html,
    source_html,
)
from ajexplorer.presentation.links import Link, Target, parse_link, record_link
from tests.conftest import with_records


def test_markup_in_data_is_shown_as_text(mini_dataset: Dataset) -> None:
    hostile = replace(
        mini_dataset.records["m-summit"],
        title="<b>Bold</b> <img src='file:///etc/passwd'>",
        summary='<a href="http://example.com">click</a> & <script>alert(1)</script>',
    )
    page = record_html(mini_dataset, hostile, make_marker(mini_dataset), Colours())
    assert "<b>Bold</b>" not in page
    assert "&lt;b&gt;Bold&lt;/b&gt;" in page
    assert "<img" not in page
    assert "<script>" not in page
    assert 'href="http' not in page


def test_acronyms_link_to_the_glossary_with_their_expansion(mini_dataset: Dataset) -> None:
    text = marked_text("At the 3rd EPS, trade in USD.", make_marker(mini_dataset), Colours())
    assert 'href="aj:glossary/EPS" title="Example-Partner Summit"' in text
    assert 'title="United States dollar (expansion not given in the source)"' in text
    assert "aj:glossary" not in marked_text("EPSX and XEPS", make_marker(mini_dataset), Colours())


def test_search_words_are_highlighted_without_breaking_escaping(mini_dataset: Dataset) -> None:
    text = marked_text("Trade <b> trade", make_marker(mini_dataset, ["trad"]), Colours(highlight="#123456"))
    assert text.count("background-color:#123456") == 2
    assert "&lt;b&gt;" in text


def test_record_page_shows_relations_both_ways_and_the_source(mini_dataset: Dataset) -> None:
    page = record_html(mini_dataset, mini_dataset.records["m-summit"], make_marker(mini_dataset), Colours())
    assert "Events held under it" in page
    assert record_link("ev-2001-05-04-3rd-eps") in page
    assert "Part of" in page and record_link("m-dialogue") in page
    assert 'href="aj:paragraph/1"' in page and 'href="aj:paragraph/2"' in page
    assert "since 1995" in page


def test_citation_names_the_source_and_paragraphs(mini_dataset: Dataset) -> None:
    assert citation(mini_dataset, mini_dataset.records["m-summit"]) == (
        'Example Secretariat, "Overview of Example Dialogue Relations", 2024, paragraphs 1, 2.'
    )
    undated = replace(mini_dataset, info=replace(mini_dataset.info, as_of=None))
    assert citation(undated, mini_dataset.records["m-summit"]).endswith('Relations", paragraphs 1, 2.')


def test_source_view_lists_records_per_paragraph_and_marks_the_selected(mini_dataset: Dataset) -> None:
    colours = Colours(selected_paragraph="#abcdef")
    page = source_html(
        mini_dataset, mini_dataset.records["fig-trade-2020"], make_marker(mini_dataset), colours
    )
    assert page.count('bgcolor="#abcdef"') == 1
    assert '<a name="p3"></a><table width="100%" cellpadding="6" cellspacing="0" bgcolor="#abcdef">' in page
    assert record_link("fig-trade-2020") in page


def test_only_app_links_are_followed() -> None:
    assert parse_link("aj:record/ev-1") == Link(Target.RECORD, "ev-1")
    assert parse_link("aj:paragraph/13") == Link(Target.PARAGRAPH, "13")
    assert parse_link("aj:glossary/AMMTC%2BJapan") == Link(Target.GLOSSARY, "AMMTC+Japan")
    for url in (
        "http://example.com",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "aj:paragraph/x",
        "aj:other/1",
        "",
    ):
        assert parse_link(url) is None


def test_a_records_page_gives_the_values_of_the_figures_that_measure_it(mini_dataset: Dataset) -> None:
    figure = next(record for record in mini_dataset.records.values() if record.subject)
    approximate = replace(figure, id=f"{figure.id}-approx", value=1500.0, qualifier="approximately")
    dataset = with_records(mini_dataset, approximate)
    subject = dataset.records[figure.subject or ""]
    page = record_html(dataset, subject, make_marker(dataset), Colours())
    section = page[page.index("<h3>Figures</h3>") :]
    assert figure.value_text() in section and "approximately 1,500" in section
    assert figure.when.human() in section
    assert all(f'href="aj:paragraph/{number}"' in section for number in figure.paragraphs)
    # Listed with its value, not again among the relations.
    assert page.count(f'"{record_link(figure.id)}"') == 1
    unmeasured = next(record for record in dataset.records.values() if not dataset.incoming(record.id))
    assert "<h3>Figures</h3>" not in record_html(dataset, unmeasured, make_marker(dataset), Colours())
