"""The bundled dataset is complete and faithful, checked against the source text itself.

These tests read the source document and work out what the dataset must contain: which paragraphs exist, which
acronyms the text expands or uses, which dates and numbers it states. They fail when the data misses any.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pytest

from ajexplorer.domain.dates import MONTH_NAMES, PartialDate
from ajexplorer.domain.model import Dataset, Kind, Record
from ajexplorer.paths import data_dir

MONTHS = MONTH_NAMES[1:]
MONTH = "|".join(MONTHS)
SHARED_SOURCE = Path(__file__).resolve().parents[3] / "shared" / "source"


@cache
def source_text() -> str:
    return (data_dir() / "source" / "overview-of-asean-japan-dialogue-relations.txt").read_text(
        encoding="utf-8"
    )


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def cited(dataset: Dataset, number: int) -> list[Record]:
    return dataset.records_for_paragraph(number)


def record_texts(records: Iterable[Record]) -> str:
    return " ".join(
        " ".join([r.title, r.summary, *(r.aliases), r.acronym or "", r.measure or ""]) for r in records
    )


# --- the source paragraphs -------------------------------------------------------------------------------


def test_the_shipped_source_is_the_published_extraction() -> None:
    original = SHARED_SOURCE / "overview-of-asean-japan-dialogue-relations.txt"
    if not original.is_file():
        pytest.skip("the original extraction is not beside this checkout")
    assert source_text() == original.read_text(encoding="utf-8")


def test_paragraph_numbers_in_the_text_all_exist(dataset: Dataset) -> None:
    numbered = {int(n) for n in re.findall(r"^(?:- )?(\d+)\. ", source_text(), flags=re.MULTILINE)}
    assert numbered <= set(dataset.paragraphs)
    assert set(dataset.paragraphs) == set(range(1, max(numbered) + 1))
    starts = re.findall(r"^(?:- |\d+\. )", source_text(), flags=re.MULTILINE)
    assert len(starts) == len(dataset.paragraphs)


def test_paragraph_text_is_kept_as_written(dataset: Dataset) -> None:
    # Page breaks leave a lone "-" and the footnote's line inside paragraph 18; the split text skips both.
    lines = [
        line for line in source_text().splitlines() if line.strip() not in {"-"} and not line.startswith("¹")
    ]
    body = squeeze("\n".join(lines))
    for paragraph in dataset.paragraphs.values():
        assert squeeze(paragraph.text) in body, f"paragraph {paragraph.number} differs from the source"
    assert "Nay Pvi Taw" in dataset.paragraphs[13].text  # the source's misspelling is kept in the source view


def test_every_paragraph_is_cited(dataset: Dataset) -> None:
    uncited = [number for number in dataset.paragraphs if not cited(dataset, number)]
    assert uncited == []


# --- acronyms ----------------------------------------------------------------------------------------------


def expanded_acronyms() -> dict[str, set[int]]:
    """Forms the source puts in brackets after their expansion: "Treaty of Amity and Cooperation (TAC)"."""
    found: dict[str, set[int]] = {}
    for number, text in paragraph_texts().items():
        for content in re.findall(r"\(([^()]+)\)", text):
            form = re.sub(r"^\d+(st|nd|rd|th) ", "", content.strip())
            if form[:1].islower() or len(form.split()) > 4:
                continue
            if any(sum(ch.isupper() for ch in word) >= 2 for word in form.split()):
                found.setdefault(form, set()).add(number)
    return found


def acronym_core(token: str) -> str:
    """The comparable core of a capitalised token: trailing digits and a plural 's' dropped."""
    core = re.sub(r"\d+$", "", token)
    return core[:-1] if core.endswith("s") and core[:-1].isupper() else core


def used_acronyms() -> dict[str, set[int]]:
    found: dict[str, set[int]] = {}
    for number, text in paragraph_texts().items():
        for token in re.split(r"[^A-Za-z0-9]+", text):
            core = acronym_core(token)
            if len(core) >= 2 and core.isupper() and core.isalpha() and not re.fullmatch(r"[IVX]+", core):
                found.setdefault(core, set()).add(number)
    return found


@cache
def paragraph_texts() -> dict[int, str]:
    from ajexplorer.domain.loading import load_dataset

    return {n: p.text for n, p in load_dataset(data_dir()).paragraphs.items()}


def test_every_expanded_acronym_is_in_the_glossary_as_from_the_source(dataset: Dataset) -> None:
    missing = []
    for form, numbers in sorted(expanded_acronyms().items()):
        entry = dataset.glossary_entry(form)
        if entry is None or not entry.from_source:
            missing.append(f"{form} (paragraphs {sorted(numbers)})")
    assert missing == []


def test_every_acronym_used_is_in_the_glossary(dataset: Dataset) -> None:
    parts = {
        acronym_core(part)
        for entry in dataset.glossary
        for form in entry.forms
        for part in re.split(r"[^A-Za-z0-9]+", form)
    }
    missing = sorted(
        f"{token} {sorted(numbers)}" for token, numbers in used_acronyms().items() if token not in parts
    )
    assert missing == []


def test_expansions_are_the_sources_own_or_marked_as_not(dataset: Dataset) -> None:
    """An expansion marked as from the source is written in the source; any other carries a note."""
    # Compare letters only, with bracketed acronyms removed: "Ministers (AEM) - Minister" reads as one phrase.
    letters = re.sub(r"[^a-z]", "", re.sub(r"\([^()]*\)", "", source_text()).lower())
    for entry in dataset.glossary:
        if entry.from_source:
            assert re.sub(r"[^a-z]", "", entry.expansion.lower()) in letters, entry.acronym
        else:
            assert entry.note, f"{entry.acronym}: an expansion not from the source needs a note saying so"


def test_glossary_paragraphs_really_use_the_acronym(dataset: Dataset) -> None:
    texts = paragraph_texts()
    for entry in dataset.glossary:
        for number in entry.paragraphs:
            assert any(form in texts[number] for form in entry.forms) or entry.expansion in texts[number], (
                f"{entry.acronym} is not in paragraph {number}"
            )


# --- dates -------------------------------------------------------------------------------------------------


def stated_dates(text: str) -> tuple[set[str], set[int]]:
    """ISO dates at day or month precision the text states, and the bare years it mentions."""
    exact: set[str] = set()
    for first, last, month, year in re.findall(rf"\b(\d{{1,2}})(?:-(\d{{1,2}}))? ({MONTH}) (\d{{4}})", text):
        m = MONTHS.index(month) + 1
        exact.add(PartialDate(int(year), m, int(first)).iso())
        if last:
            exact.add(PartialDate(int(year), m, int(last)).iso())
    for month, year in re.findall(rf"(?<!\d )\b({MONTH}) (\d{{4}})", text):
        exact.add(PartialDate(int(year), MONTHS.index(month) + 1).iso())
    years = {int(y) for y in re.findall(r"(?<![A-Za-z0-9])((?:19|20)\d{2})(?![0-9])", text)}
    return exact, years


def record_dates(records: Iterable[Record]) -> tuple[set[str], set[int]]:
    isos: set[str] = set()
    years: set[int] = set()
    for record in records:
        for date in (record.when.start, record.when.end):
            if date is not None:
                isos.add(date.iso())
                years.add(date.year)
    return isos, years


def test_every_stated_date_is_in_a_record_citing_its_paragraph(dataset: Dataset) -> None:
    missing = []
    for number, text in paragraph_texts().items():
        records = cited(dataset, number)
        isos, years = record_dates(records)
        words = record_texts(records)
        exact, bare_years = stated_dates(text)
        missing += [f"paragraph {number}: {iso}" for iso in sorted(exact - isos)]
        values = {r.value for r in records if r.kind is Kind.FIGURE}
        glossary = " ".join(
            f"{e.expansion} {e.note or ''}" for e in dataset.glossary if number in e.paragraphs
        )
        missing += [
            f"paragraph {number}: {y}"
            for y in sorted(bare_years)
            if y not in years and y not in values and str(y) not in words and str(y) not in glossary
        ]
    assert missing == []


def test_dated_happenings_are_events(dataset: Dataset) -> None:
    """Every day-precise date the text states belongs to an event (not only to a plan or a body)."""
    missing = []
    for number, text in paragraph_texts().items():
        events = [r for r in cited(dataset, number) if r.kind is Kind.EVENT]
        isos, _ = record_dates(events)
        exact, _ = stated_dates(text)
        missing += [f"paragraph {number}: {iso}" for iso in sorted(exact - isos) if len(iso) == 10]
    assert missing == []


# --- numbers -----------------------------------------------------------------------------------------------


def stated_numbers(text: str) -> set[float]:
    """Quantities in the text, leaving out years, ordinals, day numbers, ranges and numbers inside names."""
    text = re.sub(rf"\b\d{{1,2}}(?:-\d{{1,2}})? (?:{MONTH})", " ", text)
    numbers = set()
    for token in re.findall(r"(?<![\w.,\-])\d+(?:,\d{3})*(?:\.\d+)?(?![\w\-]|\.\d)", text):
        value = float(token.replace(",", ""))
        if token.isdigit() and 1900 <= value <= 2100:
            continue
        numbers.add(value)
    return numbers


def test_every_stated_number_is_a_figure_or_told_in_a_record(dataset: Dataset) -> None:
    missing = []
    for number, text in paragraph_texts().items():
        records = cited(dataset, number)
        values = {r.value for r in records if r.kind is Kind.FIGURE}
        words = record_texts(records)
        for value in stated_numbers(text):
            written = f"{value:,.2f}".rstrip("0").rstrip(".")
            if value not in values and written not in words and written.replace(",", "") not in words:
                missing.append(f"paragraph {number}: {written}")
    assert missing == []


def test_figures_keep_the_qualifiers_of_the_text(dataset: Dataset) -> None:
    for figure in dataset.of_kind(Kind.FIGURE):
        texts = " ".join(paragraph_texts()[n] for n in figure.paragraphs)
        if figure.qualifier == "approximately":
            assert "approximately" in texts, figure.id
        if figure.qualifier == "preliminary":
            assert "preliminary" in " ".join(
                dataset.paragraphs[n].footnotes[0]
                for n in figure.paragraphs
                if dataset.paragraphs[n].footnotes
            ), figure.id


# --- wording -----------------------------------------------------------------------------------------------


MISSPELLINGS = ("Nay Pvi Taw", "Siem Riep", "Pilar 2")


def test_records_use_correct_spellings(dataset: Dataset) -> None:
    for record in dataset.records.values():
        text = " ".join([record.title, record.summary, record.place or "", *record.aliases])
        for wrong in MISSPELLINGS:
            assert wrong not in text, f"{record.id}: {wrong}"


def test_summaries_are_in_our_own_words(dataset: Dataset) -> None:
    """No summary copies ten or more consecutive words from the paragraphs it cites.

    Names are not wording: every record title, alias and glossary expansion is blanked out first, so quoting
    "ASEAN Centre for Public Health Emergencies and Emerging Diseases" is fine, copying a sentence is not.
    """
    run = 10
    names = sorted(
        {
            name.lower()
            for r in dataset.records.values()
            for name in (r.title, *r.aliases)
            if len(name.split()) > 2
        }
        | {entry.expansion.lower() for entry in dataset.glossary if len(entry.expansion.split()) > 2},
        key=len,
        reverse=True,
    )
    names_pattern = re.compile("|".join(re.escape(name) for name in names))

    def words(text: str) -> list[str]:
        return re.findall(r"[\w'-]+", names_pattern.sub(" NAME ", text.lower()))

    copied = []
    for record in dataset.records.values():
        source_words = words(" ".join(paragraph_texts()[n] for n in record.paragraphs))
        source_runs = {tuple(source_words[i : i + run]) for i in range(len(source_words) - run + 1)}
        summary = words(record.summary)
        hits = [
            " ".join(summary[i : i + run])
            for i in range(len(summary) - run + 1)
            if tuple(summary[i : i + run]) in source_runs
        ]
        if hits:
            copied.append(f"{record.id}: {hits[0]}")
    assert copied == []


def test_every_record_is_well_formed_for_its_kind(dataset: Dataset) -> None:
    for record in dataset.records.values():
        if record.kind is Kind.MECHANISM:
            assert record.group, record.id
        if record.kind is Kind.FIGURE:
            assert record.value is not None and record.unit and record.series, record.id
        assert record.summary.strip() and record.summary != record.title, record.id
