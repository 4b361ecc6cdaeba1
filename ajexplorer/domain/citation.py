"""Citations of a record where researchers keep them: Chicago (note and bibliography) and APA text for the
clipboard, and BibTeX, RIS and CSL-JSON files for Zotero, Mendeley, JabRef and pandoc.

What is cited is always the source document (its publisher, its title, its date "as of" from
``dataset.yaml``), pinned to the paragraphs the record is drawn from, with the record's title and the app's link
to it (``ajexplorer://record/ID``) so the reader can come back. :func:`cite` gathers that once as plain data;
each style or format only writes it out, escaping for its own syntax so that no data text can break a file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ajexplorer.domain.app_links import record_url
from ajexplorer.domain.dates import MONTH_NAMES
from ajexplorer.domain.model import Dataset, Record

_SPACES = re.compile(r"\s+")
_AS_OF = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass(frozen=True, slots=True)
class Cited:
    """One record's citation, as plain text: what every style and format writes."""

    record_id: str
    record_title: str
    source_title: str
    publisher: str
    #: The source's date as ``dataset.yaml`` gives it ("2021", "2021-07"); None when it gives none.
    as_of: str | None
    paragraphs: tuple[int, ...]
    link: str

    @property
    def date_parts(self) -> list[int]:
        """``[2021]`` or ``[2021, 7]``: CSL's date parts; empty without a date."""
        match = _AS_OF.match(self.as_of or "")
        return [int(part) for part in match.groups() if part] if match else []

    @property
    def year(self) -> str | None:
        parts = self.date_parts
        return str(parts[0]) if parts else None

    @property
    def as_of_text(self) -> str:
        """``2021``, ``July 2021`` or ``15 July 2021``."""
        parts = self.date_parts
        if not parts:
            return self.as_of or ""
        words = [str(parts[0])]
        if len(parts) > 1 and 1 <= parts[1] <= 12:
            words.insert(0, MONTH_NAMES[parts[1]])
            if len(parts) > 2:
                words.insert(0, str(parts[2]))
        return " ".join(words)

    @property
    def paragraph_numbers(self) -> str:
        """``3``, ``3, 7`` or ``3-5, 7``: consecutive numbers joined into a range."""
        return paragraph_ranges(self.paragraphs)

    @property
    def paras(self) -> str:
        """``para. 3`` or ``paras. 3, 7``, as Chicago and APA abbreviate them."""
        return f"{'para.' if len(self.paragraphs) == 1 else 'paras.'} {self.paragraph_numbers}"

    @property
    def paragraph_note(self) -> str:
        """``Paragraphs 3, 7: Record title``: what the reference formats carry as their note."""
        label = "Paragraph" if len(self.paragraphs) == 1 else "Paragraphs"
        return f"{label} {self.paragraph_numbers}: {self.record_title}"

    @property
    def key(self) -> str:
        """A citation key: letters, digits and ``:-_`` only, as BibTeX allows."""
        return "ajexplorer:" + re.sub(r"[^A-Za-z0-9_-]+", "-", self.record_id).strip("-")


def cite(dataset: Dataset, record: Record) -> Cited:
    info = dataset.info
    return Cited(
        record_id=record.id,
        record_title=_flat(record.display_title),
        source_title=_flat(info.title),
        publisher=_flat(info.publisher),
        as_of=info.as_of,
        paragraphs=tuple(sorted(set(record.paragraphs))),
        link=record_url(record.id),
    )


def paragraph_ranges(numbers: Iterable[int]) -> str:
    runs: list[list[int]] = []
    for number in sorted(set(numbers)):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(str(run[0]) if len(run) == 1 else f"{run[0]}\u2013{run[-1]}" for run in runs)


def _flat(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


# --- styles for the clipboard -------------------------------------------------------------------------------


def chicago_note(cited: Cited) -> str:
    """Chicago's footnote form: ``ASEAN Secretariat, "Title" (ASEAN Secretariat, 2021), paras. 3, 7 ...``."""
    date = f", as of {cited.as_of_text}" if cited.as_of else ""
    return (
        f"{cited.publisher}, {cited.source_title} ({cited.publisher}{date}), {cited.paras} "
        f"({cited.record_title}), {cited.link}."
    )


def chicago_bibliography(cited: Cited) -> str:
    """Chicago's bibliography entry: author, title, publisher and date, then the paragraphs and the link."""
    date = f", as of {cited.as_of_text}" if cited.as_of else ""
    return (
        f"{cited.publisher}. {cited.source_title}. {cited.publisher}{date}. "
        f"{cited.paras[0].upper()}{cited.paras[1:]} ({cited.record_title}). {cited.link}."
    )


def apa(cited: Cited) -> str:
    """APA 7 for a report whose author is its publisher (so the publisher is not repeated): ``(n.d.)`` when
    the source gives no date."""
    return (
        f"{cited.publisher}. ({cited.year or 'n.d.'}). {cited.source_title} "
        f"({cited.paras}: {cited.record_title}). {cited.link}"
    )


@dataclass(frozen=True, slots=True)
class Style:
    name: str
    #: As a menu shows it.
    title: str
    write: Callable[[Cited], str]


#: Copy citation's styles, the default first.
STYLES: tuple[Style, ...] = (
    Style("chicago-note", "Chicago (note)", chicago_note),
    Style("chicago-bibliography", "Chicago (bibliography)", chicago_bibliography),
    Style("apa", "APA", apa),
)


def style_named(name: str) -> Style:
    for style in STYLES:
        if style.name == name:
            return style
    raise KeyError(name)


# --- files for reference managers ---------------------------------------------------------------------------

_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}


def _bibtex(text: str) -> str:
    return "".join(_BIBTEX_SPECIAL.get(char, char) for char in text)


def to_bibtex(dataset: Dataset, records: Iterable[Record]) -> str:
    """One ``@techreport`` per record: the source as the report, the paragraphs and record in ``note``. The
    author is a body, so it is braced whole (BibTeX would otherwise split it into first and last names)."""
    entries = []
    for record in records:
        cited = cite(dataset, record)
        fields = [
            ("author", f"{{{_bibtex(cited.publisher)}}}"),
            ("title", f"{{{_bibtex(cited.source_title)}}}"),
            ("institution", _bibtex(cited.publisher)),
            ("publisher", _bibtex(cited.publisher)),
        ]
        parts = cited.date_parts
        if parts:
            fields.append(("year", str(parts[0])))
        if len(parts) > 1:
            fields.append(("month", str(parts[1])))
        fields.extend(
            [
                (
                    "note",
                    _bibtex(f"{cited.paragraph_note}. As of {cited.as_of_text or 'an undated edition'}"),
                ),
                ("url", _bibtex(cited.link)),
            ]
        )
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        entries.append(f"@techreport{{{cited.key},\n{body}\n}}\n")
    return "\n".join(entries)


def _ris(text: str) -> str:
    # A value is one line; "ER  -" or a tag at a line's start inside a value would end or add a field.
    return _flat(text)


def to_ris(dataset: Dataset, records: Iterable[Record]) -> str:
    """One ``RPRT`` reference per record, as Zotero, Mendeley and EndNote import them."""
    lines: list[str] = []
    for record in records:
        cited = cite(dataset, record)
        parts = cited.date_parts
        fields = [
            ("TY", "RPRT"),
            ("ID", cited.key),
            ("AU", cited.publisher),
            ("TI", cited.source_title),
            ("PB", cited.publisher),
        ]
        if parts:
            fields.append(("PY", str(parts[0])))
            fields.append(("DA", "/".join([f"{parts[0]:04d}", *(f"{part:02d}" for part in parts[1:])]) + "/"))
        fields.extend(
            [
                ("N1", f"{cited.paragraph_note}. As of {cited.as_of_text or 'an undated edition'}"),
                ("UR", cited.link),
            ]
        )
        lines.extend(f"{tag}  - {_ris(value)}" for tag, value in fields)
        lines.extend(["ER  - ", ""])
    return "\r\n".join(lines)


def csl_items(dataset: Dataset, records: Iterable[Record]) -> list[dict[str, object]]:
    """CSL-JSON items, as pandoc's ``--bibliography`` and Zotero read them."""
    items: list[dict[str, object]] = []
    for record in records:
        cited = cite(dataset, record)
        item: dict[str, object] = {
            "id": cited.key,
            "type": "report",
            "title": cited.source_title,
            "author": [{"literal": cited.publisher}],
            "publisher": cited.publisher,
            "section": cited.paragraph_note,
            "note": f"{cited.paragraph_note}. As of {cited.as_of_text or 'an undated edition'}",
            "URL": cited.link,
        }
        if cited.date_parts:
            item["issued"] = {"date-parts": [cited.date_parts]}
        items.append(item)
    return items


def to_csl_json(dataset: Dataset, records: Iterable[Record]) -> str:
    return json.dumps(csl_items(dataset, records), ensure_ascii=False, indent=2) + "\n"


#: The reference formats, for copying one record's entry: (name, as a menu shows it, writer).
REFERENCE_FORMATS: tuple[tuple[str, str, Callable[[Dataset, Iterable[Record]], str]], ...] = (
    ("bibtex", "BibTeX", to_bibtex),
    ("ris", "RIS", to_ris),
    ("csl-json", "CSL-JSON", to_csl_json),
)
