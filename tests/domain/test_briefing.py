"""A briefing tells one record's story with its relations, sources and acronyms, and data cannot add markup."""

from __future__ import annotations

from dataclasses import replace

import markdown_it
import pytest

from ajexplorer.domain.briefing import briefing_markdown, build_briefing, escape_markdown
from ajexplorer.domain.model import Dataset, Kind
from tests.conftest import with_records


def section(markdown: str, heading: str) -> str:
    """The text under a ``## heading`` up to the next one of the same level."""
    start = markdown.index(f"\n## {heading}\n")
    end = markdown.find("\n## ", start + 1)
    return markdown[start : end if end != -1 else None]


def test_a_mechanism_lists_its_parent_and_the_events_held_under_it(mini_dataset: Dataset) -> None:
    text = briefing_markdown(mini_dataset, "m-summit")
    assert text.startswith("# Example-Partner Summit (EPS)\n")
    assert "- **Kind:** Mechanism (summit)" in text
    assert "- **When:** since 1995" in text
    relations = section(text, "Relations")
    assert "### Part of\n\n- Example-Partner dialogue relations (since 1990): source paragraph 1" in relations
    assert "### Events held under it\n\n- 3rd Example-Partner Summit (4 May 2001)" in relations
    parent = briefing_markdown(mini_dataset, "m-dialogue")
    assert "### Contains\n\n- Example-Partner Summit (EPS) (since 1995)" in parent
    assert "### Figures\n\n- Trade between Example and Partner, 2020 (2020)" in parent


def test_an_event_lists_its_place_mechanism_and_documents(mini_dataset: Dataset) -> None:
    text = briefing_markdown(mini_dataset, "ev-2001-05-04-3rd-eps")
    assert "- **When:** 4 May 2001" in text
    assert "- **Place:** Springfield" in text
    assert "### Held under\n\n- Example-Partner Summit (EPS) (since 1995)" in text
    assert "### Documents\n\n- Plan of Action 2001-2005 (2001-2005)" in text
    document = briefing_markdown(mini_dataset, "doc-plan-2001-2005")
    assert "### Adopted, signed or endorsed at\n\n- 3rd Example-Partner Summit (4 May 2001)" in document


def test_a_figure_shows_its_value(mini_dataset: Dataset) -> None:
    text = briefing_markdown(mini_dataset, "fig-trade-2020")
    assert "- **Value:** 12.5 USD billion" in text
    assert "- **Measures:** Example-Partner trade" in text


def test_a_bundled_mechanism_lists_children_and_events(dataset: Dataset) -> None:
    mechanism = next(
        record
        for record in dataset.of_kind(Kind.MECHANISM)
        if dataset.children(record.id) and dataset.events_under(record.id)
    )
    briefing = build_briefing(dataset, mechanism.id)
    groups = {group.label: group for group in briefing.groups}
    assert [item.record_id for item in groups["Contains"].items] == [
        child.id for child in dataset.children(mechanism.id)
    ]
    assert [item.record_id for item in groups["Events held under it"].items] == [
        event.id for event in dataset.events_under(mechanism.id)
    ]
    text = briefing_markdown(dataset, mechanism.id)
    for event in dataset.events_under(mechanism.id):
        assert f"{escape_markdown(event.display_title)} ({escape_markdown(event.when.human())})" in text


def test_citations_name_the_source_and_paragraphs(mini_dataset: Dataset) -> None:
    text = briefing_markdown(mini_dataset, "m-summit")
    sources = section(text, "Sources")
    assert (
        '- This record: Example Secretariat, "Overview of Example Dialogue Relations", paragraphs 1, 2.'
        in sources
    )
    assert (
        '- 3rd Example-Partner Summit: Example Secretariat, "Overview of Example Dialogue Relations", '
        "paragraph 2." in sources
    )
    quoted = section(text, "Source text")
    assert (
        "Paragraph 1 (Introduction):\n\n> Example and Partner established dialogue relations in 1990."
        in quoted
    )
    assert "Paragraph 2 (Introduction):\n\n> At the 3rd EPS on 4 May 2001 in Springfield" in quoted
    assert "Trade between Example and Partner reached" not in text  # paragraph 3 is not cited


def test_the_glossary_holds_only_the_acronyms_used(mini_dataset: Dataset) -> None:
    summit = briefing_markdown(mini_dataset, "m-summit")
    glossary = section(summit, "Glossary")
    assert "- **EPS**: Example-Partner Summit\n" in glossary
    assert "USD" not in summit  # in the data, but not in this briefing
    figure = briefing_markdown(mini_dataset, "fig-trade-2020")
    assert "- **USD**: United States dollar (expansion not given in the source)" in figure
    assert "**EPS**" not in figure


def test_the_bundled_glossary_is_limited_to_what_the_text_writes(dataset: Dataset) -> None:
    briefing = build_briefing(dataset, "m-ameicc")
    acronyms = {used.entry.acronym for used in briefing.glossary}
    assert {"AMEICC", "METI", "ACCMSME"} <= acronyms
    assert "JENESYS" not in acronyms
    assert all(used.forms[0] == used.entry.acronym for used in briefing.glossary)
    not_from_source = next(used for used in briefing.glossary if used.entry.acronym == "ASEAN")
    assert not not_from_source.entry.from_source


def test_markup_in_data_is_escaped(mini_dataset: Dataset) -> None:
    hostile = replace(
        mini_dataset.records["ev-2001-05-04-3rd-eps"],
        title="# **Bold** [link](http://example.com) <script>x</script> `code` a|b",
        summary="- not a list\n\n> not a quote\n1. not numbered ![img](x.png) _i_ &amp;",
        place="Spring*field*",
    )
    data = with_records(mini_dataset, hostile)
    text = briefing_markdown(data, hostile.id)
    assert text.startswith(
        "# \\# \\*\\*Bold\\*\\* \\[link\\](http://example.com) \\<script\\>x\\</script\\> \\`code\\` a\\|b\n"
    )
    assert "\\- not a list \\> not a quote 1. not numbered !\\[img\\](x.png) \\_i\\_ \\&amp;" in text
    assert "- **Place:** Spring\\*field\\*" in text
    parent = briefing_markdown(data, "m-summit")
    assert "- \\# \\*\\*Bold\\*\\* \\[link\\]" in parent  # escaped where it is listed as a relation too


def test_rendered_markdown_shows_data_as_plain_text(mini_dataset: Dataset) -> None:
    hostile = replace(
        mini_dataset.records["ev-2001-05-04-3rd-eps"],
        title="**Bold** [link](http://example.com) <b>tag</b>",
        summary="- item\n# heading\n1. first\n---\n> quote ~~gone~~ `code` &copy;",
    )
    html = str(
        markdown_it.MarkdownIt("commonmark")
        .enable(["table", "strikethrough"])
        .render(briefing_markdown(with_records(mini_dataset, hostile), hostile.id))
    )
    for tag in ("<a ", "<b>", "<ol", "<hr", "<code>", "<del>", "<s>", "&copy;"):
        assert tag not in html.split("<h2>Relations", maxsplit=1)[0], tag
    assert "**Bold** [link](http://example.com) &lt;b&gt;tag&lt;/b&gt;" in html
    assert html.count("<blockquote>") == 1  # the cited paragraph only
    assert html.count("<h1>") == 1


def test_the_briefing_ends_with_the_attribution(mini_dataset: Dataset) -> None:
    text = briefing_markdown(mini_dataset, "m-dialogue")
    assert text.endswith("_Invented text written for the test suite._\n")


def test_an_unknown_record_is_a_key_error(mini_dataset: Dataset) -> None:
    with pytest.raises(KeyError):
        briefing_markdown(mini_dataset, "no-such-record")


def test_every_bundled_record_has_a_briefing(dataset: Dataset) -> None:
    for record_id, record in dataset.records.items():
        text = briefing_markdown(dataset, record_id)
        assert text.startswith(f"# {escape_markdown(record.display_title)}\n")
        assert dataset.info.publisher in text


def test_the_persons_notes_have_a_section_of_their_own_never_in_the_quoted_source(
    mini_dataset: Dataset,
) -> None:
    record = next(r for r in mini_dataset.records.values() if r.paragraphs)
    number = sorted(record.paragraphs)[0]
    notes = {
        f"record:{record.id}": "Ask the desk about **this**.\n# not a heading\n\n> not a quote <b>",
        f"paragraph:{number}": "Compare with the 2019 figure.",
        "record:some-other-record": "Not about this record.",
    }
    text = briefing_markdown(mini_dataset, record.id, notes)
    mine = section(text, "Your notes")
    assert "Written by you" in mine
    assert "**On this record:**" in mine and f"**On paragraph {number}:**" in mine
    assert "Ask the desk about \\*\\*this\\*\\*." in mine  # what the person typed is shown, not interpreted
    assert "\\# not a heading" in mine and "\n> " not in mine and "<b>" not in mine
    assert "Compare with the 2019 figure." in mine and "Not about this record." not in text
    quoted = section(text, "Source text")
    assert "Ask the desk" not in quoted and "Compare with" not in quoted
    assert "Your notes" not in briefing_markdown(mini_dataset, record.id)  # no notes, no section


def test_a_collection_briefs_each_of_its_records_in_its_order(mini_dataset: Dataset) -> None:
    from ajexplorer.domain.briefing import collection_markdown

    chosen = list(mini_dataset.records.values())[:3][::-1]
    notes = {f"record:{chosen[1].id}": "My reading of it."}
    text = collection_markdown(mini_dataset, "Briefing for the *summit*", chosen, notes)
    assert text.startswith("# Briefing for the \\*summit\\*\n")
    titles = [f"\n## {escape_markdown(record.display_title)}\n" for record in chosen]
    positions = [text.index(title) for title in titles]
    assert positions == sorted(positions)
    assert text.count("\n### Your notes\n") == 1 and "My reading of it." in text
    assert "\n# " not in text[1:]  # each record's briefing sits one level down


def test_a_briefing_gives_the_values_of_the_figures_that_measure_its_record(mini_dataset: Dataset) -> None:
    figure = next(record for record in mini_dataset.records.values() if record.subject)
    approximate = replace(figure, id=f"{figure.id}-approx", value=1500.0, qualifier="approximately")
    dataset = with_records(mini_dataset, approximate)
    figures = section(briefing_markdown(dataset, figure.subject or ""), "Relations")
    value = escape_markdown(figure.value_text())
    assert (
        f"{escape_markdown(figure.title)} ({escape_markdown(figure.when.human())}): **{value}**;" in figures
    )
    assert "**approximately 1,500" in figures
    # Other relations carry no value.
    assert ": source paragraph" in section(briefing_markdown(dataset, approximate.id), "Relations")
