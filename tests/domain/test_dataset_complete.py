"""The bundled dataset is complete and faithful, checked against the source text itself.

These tests read the source document shipped in the data folder (pinned by its checksum) and work out from it
alone what the dataset must contain: its sections and numbered paragraphs, word for word; the acronyms it
expands or uses; the dates and numbers it states, and the qualifiers it puts on them. They compare both ways,
so a paragraph shortened or dropped from ``paragraphs.yaml``, a date or a qualifier lost from a record, or a
date a record adds that its paragraphs do not state, each fails a test.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ajexplorer.domain.dates import MONTH_NAMES, PartialDate
from ajexplorer.domain.loading import load_dataset
from ajexplorer.domain.model import Dataset, Kind, Record
from ajexplorer.paths import data_dir

MONTHS = MONTH_NAMES[1:]
MONTH = "|".join(MONTHS)
FOOTNOTE_MARKS = "¹²³⁴⁵⁶⁷⁸⁹⁰"


# --- reading the source text itself -------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceDocument:
    """The source file cut up by its own layout, without looking at the dataset's paragraphs."""

    headings: tuple[str, ...]
    section_of: dict[int, int]  # paragraph number -> index of its heading
    paragraphs: dict[int, str]
    footnotes: dict[int, tuple[str, ...]]  # paragraph number -> its footnotes, marker included


def source_path() -> Path:
    return data_dir() / load_dataset(data_dir()).info.file


@cache
def source_text() -> str:
    return source_path().read_text(encoding="utf-8")


def ends_a_sentence(text: str) -> bool:
    return re.search(rf"[.!?:][\"'\u201d\u2019]?[{FOOTNOTE_MARKS}]*$", text) is not None


@cache
def source() -> SourceDocument:
    """Paragraphs start with "- N. ", "N. " or a bare "- " (a number lost in extraction: the next one).

    A line that starts none of these continues the paragraph before it when that paragraph stopped mid-sentence
    (a page break); otherwise it is a section heading. Lone "-" lines are page-break debris; lines starting with
    a footnote mark are footnotes, attached to the paragraph that carries the mark.
    """
    lines = [line.strip() for line in source_text().splitlines()]
    lines = [line for line in lines[1:] if line and line != "-"]  # the first line is the document's title
    headings: list[str] = []
    section_of: dict[int, int] = {}
    paragraphs: dict[int, str] = {}
    notes: list[str] = []
    current = 0
    for line in lines:
        if line[0] in FOOTNOTE_MARKS:
            notes.append(line)
            continue
        start = re.match(r"^(?:- (?:(\d+)\. )?|(\d+)\. )(.*)$", line)
        if start:
            number = start.group(1) or start.group(2)
            current = int(number) if number else current + 1
            assert current not in paragraphs, f"paragraph {current} appears twice in the source"
            paragraphs[current] = start.group(3)
            section_of[current] = len(headings) - 1
        elif current and not ends_a_sentence(paragraphs[current]):
            joiner = "" if paragraphs[current].endswith("-") else " "
            paragraphs[current] += joiner + line
        else:
            headings.append(line)
    footnotes: dict[int, tuple[str, ...]] = {}
    for note in notes:
        owners = [n for n, text in paragraphs.items() if note[0] in text]
        assert len(owners) == 1, f"footnote {note!r} is marked in paragraphs {owners}"
        footnotes[owners[0]] = (*footnotes.get(owners[0], ()), note)
    return SourceDocument(tuple(headings), section_of, paragraphs, footnotes)


def paragraph_texts() -> dict[int, str]:
    return source().paragraphs


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def cited(dataset: Dataset, number: int) -> list[Record]:
    return dataset.records_for_paragraph(number)


def record_texts(records: Iterable[Record]) -> str:
    return " ".join(
        " ".join([r.title, r.summary, *(r.aliases), r.acronym or "", r.measure or ""]) for r in records
    )


# --- the shipped source and its paragraphs ------------------------------------------------------------------


def test_the_shipped_source_is_pinned_by_its_checksum() -> None:
    """Every file under the data's ``source/`` has a ``.sha256`` beside it, and matches it."""
    folder = source_path().parent
    texts = [path for path in folder.iterdir() if path.suffix != ".sha256"]
    assert source_path() in texts
    for path in texts:
        pin = path.with_name(path.name + ".sha256")
        assert pin.is_file(), f"{path.name} has no checksum file"
        expected, name = pin.read_text(encoding="ascii").split()
        assert name == path.name
        assert hashlib.sha256(path.read_bytes()).hexdigest() == expected, (
            f"{path.name} is not the pinned text"
        )


def test_sections_are_the_sources_headings_in_order(dataset: Dataset) -> None:
    assert [section.title for section in dataset.sections] == list(source().headings)
    ids = [section.id for section in dataset.sections]
    wrong = [
        f"paragraph {number}: {dataset.paragraphs[number].section}"
        for number, heading in source().section_of.items()
        if number in dataset.paragraphs and dataset.paragraphs[number].section != ids[heading]
    ]
    assert wrong == []


def test_the_paragraphs_are_the_sources_both_ways(dataset: Dataset) -> None:
    """The same numbers, each paragraph's text the source's own to the letter (spacing aside)."""
    assert sorted(paragraph_texts()) == list(range(1, len(paragraph_texts()) + 1)), "the source's numbering"
    assert sorted(dataset.paragraphs) == sorted(paragraph_texts())
    differing = []
    for number, text in paragraph_texts().items():
        ours, theirs = squeeze(dataset.paragraphs[number].text), squeeze(text)
        if ours != theirs:
            at = next((i for i, (a, b) in enumerate(zip(ours, theirs, strict=False)) if a != b), None)
            at = min(len(ours), len(theirs)) if at is None else at
            differing.append(f"paragraph {number} differs at {theirs[max(0, at - 20) : at + 20]!r}")
    assert differing == []


def test_footnotes_are_the_sources_both_ways(dataset: Dataset) -> None:
    ours = {n: p.footnotes for n, p in dataset.paragraphs.items() if p.footnotes}
    assert ours == source().footnotes


def test_every_paragraph_is_cited(dataset: Dataset) -> None:
    uncited = [number for number in dataset.paragraphs if not cited(dataset, number)]
    assert uncited == []


# --- acronyms ----------------------------------------------------------------------------------------------


def bracketed_forms() -> list[tuple[int, str, str]]:
    """Every bracket of the source with the text before it: (paragraph, form, preceding text)."""
    found = []
    for number, text in paragraph_texts().items():
        for match in re.finditer(r"\(([^()]+)\)", text):
            form = re.sub(r"^\d+(st|nd|rd|th) ", "", match.group(1).strip())
            found.append((number, form, text[: match.start()]))
    return found


def expanded_acronyms() -> dict[str, set[int]]:
    """Forms the source puts in brackets after their expansion: "Treaty of Amity and Cooperation (TAC)"."""
    found: dict[str, set[int]] = {}
    for number, form, _ in bracketed_forms():
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


def letters(text: str) -> str:
    """Letters and digits only, so "Ministers (AEM) - Minister" and "Ministers - Minister" compare equal."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


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
    written = letters(re.sub(r"\([^()]*\)", "", source_text()))
    for entry in dataset.glossary:
        if entry.from_source:
            assert letters(entry.expansion) in written, entry.acronym
        else:
            assert entry.note, f"{entry.acronym}: an expansion not from the source needs a note saying so"


def test_expansions_are_whole_where_the_source_brackets_the_acronym(dataset: Dataset) -> None:
    """Where the source writes "Expansion (KEY)", the entry keyed KEY gives the whole of it, not a part.

    The expansion must end at the bracket ("... Diseases 2019 (COVID-19)") or run on across it ("Treaty of
    Amity and Cooperation (TAC) in Southeast Asia"): dropping a word or the year next to the bracket fails.
    """
    brackets: dict[str, list[tuple[str, str]]] = {}
    for number, form, before in bracketed_forms():
        after = paragraph_texts()[number][len(before) :].split(")", 1)[1]
        unbracketed = re.sub(r"\([^()]*\)", "", before)
        brackets.setdefault(form, []).append((letters(unbracketed), letters(after)))
    partial = []
    for entry in dataset.glossary:
        if not entry.from_source or entry.acronym not in brackets:
            continue
        expansion = letters(entry.expansion)
        if not any(
            any(
                (before + after).startswith(expansion, start)
                for start in range(max(0, len(before) - len(expansion)), len(before))
            )
            for before, after in brackets[entry.acronym]
        ):
            partial.append(entry.acronym)
    assert partial == []


def test_glossary_paragraphs_really_use_the_acronym(dataset: Dataset) -> None:
    texts = paragraph_texts()
    for entry in dataset.glossary:
        for number in entry.paragraphs:
            assert any(form in texts[number] for form in entry.forms) or entry.expansion in texts[number], (
                f"{entry.acronym} is not in paragraph {number}"
            )


PLUS_JAPAN = re.compile(r"(?:\s*[+\u2013-]\s*|\s+Plus\s+)Japan\b")


def is_plus_japan(form: str) -> bool:
    """``AMMTC+Japan``, ``AMMDM Plus Japan``, ``SOMTC - Japan`` (any dash): an ASEAN body's form with Japan."""
    return PLUS_JAPAN.search(form) is not None and not form.startswith("Japan")


def test_plus_japan_bodies_are_keyed_and_marked_as_such(dataset: Dataset) -> None:
    """An entry is keyed by the form its expansion expands, and says whether that is the "+Japan" body.

    ASEAN's own body (SOMTC) and its meeting with Japan (SOMTC+Japan) are different things: a "+Japan" form
    is never a variant of the bare acronym's entry, the entry keyed by it is marked ``plus_partner``, and the
    expansion the source gives right before "(X+Japan)" belongs to the entry keyed "X+Japan".
    """
    wrong = []
    for entry in dataset.glossary:
        if entry.plus_partner != is_plus_japan(entry.acronym):
            wrong.append(f"{entry.acronym}: plus_partner is {entry.plus_partner}")
        if not entry.plus_partner:
            wrong += [f"{entry.acronym}: variant {v}" for v in entry.variants if is_plus_japan(v)]
    for number, form, before in bracketed_forms():
        holder = dataset.glossary_entry(form)
        if holder is None:
            continue  # an unlisted acronym fails the tests above
        source_expands = holder.from_source and letters(before).endswith(letters(holder.expansion))
        if is_plus_japan(form) and holder.acronym != form:
            wrong.append(f"paragraph {number}: ({form}) is not the key of its entry {holder.acronym}")
        if source_expands and form in holder.variants and is_plus_japan(form) != holder.plus_partner:
            wrong.append(f"paragraph {number}: {holder.acronym} is expanded as ({form})")
    assert wrong == []


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
    for month, year in re.findall(rf"\b({MONTH}) (?:until|to|-) (?:{MONTH}) (\d{{4}})", text):
        exact.add(PartialDate(int(year), MONTHS.index(month) + 1).iso())  # "from June until October 2018"
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


def test_every_record_date_is_stated_by_its_paragraphs(dataset: Dataset) -> None:
    """The other way: a record dates nothing more precisely than its paragraphs do, and invents no year."""
    invented = []
    for record in dataset.records.values():
        text = " ".join(paragraph_texts()[n] for n in record.paragraphs)
        exact, _ = stated_dates(text)
        years = {int(y) for y in re.findall(r"(?:19|20)\d{2}(?![0-9])", text)}  # "JENESYS2016" too
        for date in (record.when.start, record.when.end):
            if date is None:
                continue
            # a year among the years written, a month or a day among the dates stated
            stated = any(iso.startswith(date.iso()) for iso in exact) if date.month else date.year in years
            if not stated:
                invented.append(f"{record.id}: {date.iso()}")
    assert invented == []


def test_dated_happenings_are_events(dataset: Dataset) -> None:
    """Every day-precise date the text states belongs to an event (not only to a plan or a body)."""
    missing = []
    for number, text in paragraph_texts().items():
        events = [r for r in cited(dataset, number) if r.kind is Kind.EVENT]
        isos, _ = record_dates(events)
        exact, _ = stated_dates(text)
        missing += [f"paragraph {number}: {iso}" for iso in sorted(exact - isos) if len(iso) == 10]
    assert missing == []


# Events that happen to a document already made: the document's own date is not theirs.
LATER_EVENTS = {"accession", "entry-into-force", "implementation"}


def test_documents_carry_the_date_they_were_made(dataset: Dataset) -> None:
    """A document that a dated event signed, adopted, endorsed or concluded carries a date no later than that.

    The source dates documents through their events ("signed on 14 April 2008", "adopted at ... on 29 July
    2020"); the document itself must say when it dates from, or the timeline and its details lose it.
    """
    undated = []
    for document in dataset.of_kind(Kind.DOCUMENT):
        makers = [
            event
            for event in dataset.incoming(document.id)
            if event.kind is Kind.EVENT and document.id in event.documents and event.type not in LATER_EVENTS
        ]
        dated = [event.when.start for event in makers if event.when.start is not None]
        if not dated:
            continue
        first = min(dated, key=lambda date: date.first_day())
        start = document.when.start
        if start is None or start.first_day() > first.first_day():
            undated.append(f"{document.id}: {start.iso() if start else 'no date'}, made {first.iso()}")
    assert undated == []


def test_what_the_source_says_recurs_is_recurring(dataset: Dataset) -> None:
    """A paragraph that says something is "annual" or held or renewed "annually" has an annual record."""
    missing = []
    for number, text in paragraph_texts().items():
        if re.search(r"\bannual(ly)?\b", text, flags=re.IGNORECASE) is None:
            continue
        if not any(record.when.recurrence for record in cited(dataset, number)):
            missing.append(f"paragraph {number}")
    assert missing == []


def test_numbered_versions_succeed_what_they_are_versions_of(dataset: Dataset) -> None:
    """ "MIDV 2.0" succeeds the MIDV: a record named by another's name and a version number says so."""
    names: dict[str, set[str]] = {}
    for record in dataset.records.values():
        for name in (record.title, record.acronym, *record.aliases):
            if name:
                names.setdefault(name, set()).add(record.id)
    wrong = []
    for record in dataset.records.values():
        version = re.fullmatch(r"(.+?)\s?\d+\.\d+", record.title)
        if version is None or version.group(1) not in names:
            continue
        bases = names[version.group(1)]
        previous = dataset.get(record.succeeds) if record.succeeds else None
        if previous is None or not ({previous.id, previous.parent} & bases):
            wrong.append(f"{record.id} does not succeed {sorted(bases)}")
    assert wrong == []


def test_bodies_sit_in_their_own_family(dataset: Dataset) -> None:
    """The tree nests a body under its parent: a parent of another family would show it in the wrong one
    (the ADMM-Plus, which Japan takes part in, listed among ASEAN's own bodies under the ADMM)."""
    wrong = []
    for mechanism in dataset.of_kind(Kind.MECHANISM):
        parent = dataset.get(mechanism.parent) if mechanism.parent else None
        if parent is not None and parent.kind is Kind.MECHANISM and parent.group != mechanism.group:
            wrong.append(f"{mechanism.id} ({mechanism.group}) under {parent.id} ({parent.group})")
    assert wrong == []


# --- numbers and their qualifiers --------------------------------------------------------------------------


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


# The words by which the source qualifies a number written after them, and the qualifier each means.
QUALIFYING_WORDS = {
    "approximately": "approximately",
    "about": "approximately",
    "around": "approximately",
    "more than": "more-than",
    "over": "more-than",
    "at least": "more-than",
    "aims to": "target",
    "aiming to": "target",
    "target of": "target",
    "to date": "to-date",
    "so far": "to-date",
    "reported": "reported",
    "preliminary": "preliminary",
}
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
ORDINAL_WORDS = (
    "",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
)
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}


def qualifiers_in(text: str) -> set[str]:
    return {
        qualifier
        for words, qualifier in QUALIFYING_WORDS.items()
        if re.search(rf"\b{words}\b", text, flags=re.IGNORECASE)
    }


def sentences(text: str) -> list[str]:
    """Sentences, a footnote mark staying with the sentence it ends."""
    return re.split(rf"(?<=\.)\s+(?=[A-Z])|(?<=\.[{FOOTNOTE_MARKS}])\s*", text)


def occurrences(value: float, unit: str | None, sentence: str) -> Iterable[int]:
    """Where ``value`` is written in the sentence: ``13,500``, ``10 million``, ``one``, ``fourth`` (a rank)."""
    sentence = re.sub(rf"\b\d{{1,2}}(?:-\d{{1,2}})? (?:{MONTH})", lambda m: "#" * len(m.group()), sentence)
    pattern = r"(?<![\w.,\-])(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s+(thousand|million|billion))?(?![\w\-]|\.\d)"
    for match in re.finditer(pattern, sentence):
        written = float(match.group(1).replace(",", ""))
        if value in (written, written * SCALES.get(match.group(2) or "", 1.0)):
            yield match.start()
    words = ORDINAL_WORDS if unit == "rank" else NUMBER_WORDS
    if value.is_integer() and 0 < value < len(words):
        for match in re.finditer(rf"\b{words[int(value)]}\b", sentence, flags=re.IGNORECASE):
            yield match.start()


def qualifiers_before(sentence: str, at: int, footnotes: dict[str, str]) -> set[str]:
    """The qualifiers the source puts on the number at ``at``: words earlier in its sentence (or in the
    bracket it sits in), and the footnote the sentence is marked with."""
    before = sentence[:at]
    opened = before.rfind("(")
    if opened > before.rfind(")"):
        before = before[opened + 1 :]
    found = qualifiers_in(before)
    for mark, note in footnotes.items():
        if mark in sentence:
            found |= qualifiers_in(note)
    return found


def figure_qualifiers(record: Record) -> set[str]:
    """``target-more-than`` is both."""
    if record.qualifier is None:
        return set()
    return {"target", "more-than"} if record.qualifier == "target-more-than" else {record.qualifier}


def test_figures_keep_the_qualifiers_of_the_text_both_ways(dataset: Dataset) -> None:
    """Each figure's value is written in its paragraphs with exactly the qualifiers the figure carries.

    A figure whose sentence says "approximately", "more than", "over", "aims to", "aiming to", "to date",
    "reported", or that is marked by a footnote saying "preliminary", must carry that qualifier; a figure with
    a qualifier must find it there. Where the same number is written more than once, one place must agree.
    """
    wrong = []
    for figure in dataset.of_kind(Kind.FIGURE):
        assert figure.value is not None
        found: list[set[str]] = []
        for number in figure.paragraphs:
            marks = {note[0]: note for note in source().footnotes.get(number, ())}
            for sentence in sentences(paragraph_texts()[number]):
                found += [
                    qualifiers_before(sentence, at, marks)
                    for at in occurrences(figure.value, figure.unit, sentence)
                ]
        if not found:
            wrong.append(
                f"{figure.id}: {figure.value} is not written in paragraphs {list(figure.paragraphs)}"
            )
        elif figure_qualifiers(figure) not in found:
            wrong.append(f"{figure.id}: {figure.qualifier}, the text says {[sorted(q) for q in found]}")
    assert wrong == []


def test_figures_counted_to_date_do_not_span_a_period(dataset: Dataset) -> None:
    """ "To date, one project" under a 2021-2025 plan is a count so far, not a figure for the whole period."""
    spanning = [
        f.id for f in dataset.of_kind(Kind.FIGURE) if f.qualifier == "to-date" and f.when.end is not None
    ]
    assert spanning == []


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
