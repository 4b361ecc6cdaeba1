"""Citations read the way reference managers read them: BibTeX through bibtexparser (JabRef's and pybtex's
format), RIS through rispy (Zotero's and Mendeley's import format), and CSL-JSON rendered by citeproc-py (the
CSL processor's Python port, as pandoc renders it). Each names the source, its publisher, its "as of" date, the
record's paragraphs and the app's link to it, whatever characters the data holds."""

from __future__ import annotations

import dataclasses
import json

import pytest
import rispy
from bibtexparser.entrypoint import parse_string
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from ajexplorer.domain.app_links import parse_app_link
from ajexplorer.domain.citation import (
    STYLES,
    Style,
    cite,
    paragraph_ranges,
    to_bibtex,
    to_csl_json,
    to_ris,
)
from ajexplorer.domain.loading import load_dataset
from ajexplorer.domain.model import Dataset, Record
from tests.conftest import FIXTURES

#: Every character BibTeX, RIS or JSON treat specially, and a line that would end a RIS reference.
HOSTILE = 'Fund {50%} & "$5_000" #1 ~ ^ \\ back\nER  - \n{unbalanced'


@pytest.fixture(scope="module")
def partner_dataset() -> Dataset:
    """A dataset with an "as of" date and records citing one paragraph and several."""
    return load_dataset(FIXTURES / "partner")


def records(dataset: Dataset, count: int = 3) -> list[Record]:
    """Records with one paragraph and with several, derived from the data."""
    several = [record for record in dataset.records.values() if len(set(record.paragraphs)) > 1]
    one = [record for record in dataset.records.values() if len(set(record.paragraphs)) == 1]
    return (several[:1] + one[:1] + several[1:] + one[1:])[:count]


def numbers(record: Record) -> list[str]:
    return [str(number) for number in sorted(set(record.paragraphs))]


def render_bibliography(csl_json: str) -> list[str]:
    """CSL-JSON as citeproc-py renders it, in the CSL style it ships with."""
    source = CiteProcJSON(json.loads(csl_json))
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    for key in source:
        bibliography.register(Citation([CitationItem(key)]))
    return [str(entry) for entry in bibliography.bibliography()]


def test_paragraph_ranges_join_consecutive_numbers() -> None:
    assert paragraph_ranges([7, 3, 4, 5, 9, 3]) == "3\u20135, 7, 9"
    assert paragraph_ranges([12]) == "12"


@pytest.mark.parametrize("style", STYLES, ids=lambda style: style.name)
def test_each_style_names_source_publisher_date_paragraphs_and_link(
    partner_dataset: Dataset, style: Style
) -> None:
    info = partner_dataset.info
    assert info.as_of is not None
    for record in records(partner_dataset):
        text = style.write(cite(partner_dataset, record))
        assert info.title in text and info.publisher in text and info.as_of in text
        assert paragraph_ranges(record.paragraphs) in text
        assert record.display_title in text
        link = text.split()[-1].rstrip(".")
        assert parse_app_link(link).key == record.id


def test_styles_differ_as_the_styles_do(partner_dataset: Dataset) -> None:
    cited = cite(partner_dataset, records(partner_dataset)[0])
    note, bibliography, apa = (style.write(cited) for style in STYLES)
    assert note.startswith(f"{cited.publisher}, {cited.source_title} (")  # a note runs on with commas
    assert bibliography.startswith(f"{cited.publisher}. {cited.source_title}. ")  # a bibliography with stops
    assert apa.startswith(f"{cited.publisher}. ({cited.year}). ")  # APA: the year after the author
    assert "paras." in note and "Paras." in bibliography


def test_apa_without_a_date_says_no_date(partner_dataset: Dataset) -> None:
    undated = dataclasses.replace(partner_dataset, info=dataclasses.replace(partner_dataset.info, as_of=None))
    assert "(n.d.)" in STYLES[2].write(cite(undated, records(undated)[0]))


def test_bibtex_reads_back_with_bibtexparser(partner_dataset: Dataset) -> None:
    chosen = records(partner_dataset)
    library = parse_string(to_bibtex(partner_dataset, chosen))
    assert not library.failed_blocks
    assert [entry.key for entry in library.entries] == [cite(partner_dataset, r).key for r in chosen]
    info = partner_dataset.info
    for entry, record in zip(library.entries, chosen, strict=True):
        fields = {name: field.value for name, field in entry.fields_dict.items()}
        assert entry.entry_type == "techreport"
        assert fields["author"] == f"{{{info.publisher}}}"  # a body: braced whole, never split into names
        assert fields["title"] == f"{{{info.title}}}"
        assert fields["institution"] == fields["publisher"] == info.publisher
        assert fields["year"] == info.as_of
        assert all(number in fields["note"] for number in numbers(record))
        assert parse_app_link(fields["url"]).key == record.id


def test_ris_reads_back_with_rispy(partner_dataset: Dataset) -> None:
    chosen = records(partner_dataset)
    entries = rispy.loads(to_ris(partner_dataset, chosen))
    assert len(entries) == len(chosen)
    info = partner_dataset.info
    for entry, record in zip(entries, chosen, strict=True):
        assert entry["type_of_reference"] == "RPRT"
        assert entry["authors"] == [info.publisher]
        assert entry["title"] == info.title
        assert entry["publisher"] == info.publisher
        assert entry["year"] == info.as_of
        (note,) = entry["notes"]
        assert record.display_title in note and all(number in note for number in numbers(record))
        (url,) = entry["urls"]
        assert parse_app_link(url).key == record.id


def test_csl_json_renders_with_citeproc(partner_dataset: Dataset) -> None:
    chosen = records(partner_dataset)
    text = to_csl_json(partner_dataset, chosen)
    rendered = render_bibliography(text)
    info = partner_dataset.info
    assert len(rendered) == len(chosen)
    links = {cite(partner_dataset, record).link for record in chosen}
    for entry in rendered:
        assert info.publisher in entry and info.title in entry and f"({info.as_of})" in entry
        assert any(link in entry for link in links)
    for item, record in zip(json.loads(text), chosen, strict=True):
        assert all(number in item["note"] for number in numbers(record))


def test_hostile_text_cannot_break_any_format(partner_dataset: Dataset) -> None:
    """A title, publisher and source title full of special characters read back as written (whitespace
    collapsed), and each file still holds exactly one reference."""
    info = dataclasses.replace(partner_dataset.info, title=HOSTILE, publisher=HOSTILE)
    dataset = dataclasses.replace(partner_dataset, info=info)
    record = dataclasses.replace(records(dataset)[0], title=HOSTILE)
    flat = " ".join(HOSTILE.split())

    (entry,) = parse_string(to_bibtex(dataset, [record])).entries
    assert latex_text(entry.fields_dict["title"].value) == f"{{{flat}}}"

    (reference,) = rispy.loads(to_ris(dataset, [record]))
    assert reference["title"] == flat and flat in reference["notes"][0]

    (item,) = json.loads(to_csl_json(dataset, [record]))
    assert item["title"] == flat and flat in item["note"]
    assert flat in render_bibliography(to_csl_json(dataset, [record]))[0]


def latex_text(value: str) -> str:
    """Undo our escapes the way LaTeX reads them."""
    for escaped, char in (
        (r"\textbackslash{}", "\\"),
        (r"\{", "{"),
        (r"\}", "}"),
        (r"\&", "&"),
        (r"\%", "%"),
        (r"\$", "$"),
        (r"\#", "#"),
        (r"\_", "_"),
        (r"\^{}", "^"),
        (r"\~{}", "~"),
    ):
        value = value.replace(escaped, char)
    return value


def test_a_month_in_as_of_reaches_every_format(partner_dataset: Dataset) -> None:
    dated = dataclasses.replace(
        partner_dataset, info=dataclasses.replace(partner_dataset.info, as_of="2022-07")
    )
    record = records(dated)[0]
    assert "as of July 2022" in STYLES[0].write(cite(dated, record))
    (entry,) = parse_string(to_bibtex(dated, [record])).entries
    assert entry.fields_dict["month"].value == "7"
    (reference,) = rispy.loads(to_ris(dated, [record]))
    assert reference["date"] == "2022/07/"
    (item,) = json.loads(to_csl_json(dated, [record]))
    assert item["issued"] == {"date-parts": [[2022, 7]]}
