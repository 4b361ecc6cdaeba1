"""Words about the domain's values in the interface's language: kinds, dates at their precision.

The domain's own texts (``Kind.label``, ``When.human()``) stay English: exports and the command line use them
and keep their stable formats. What the window shows goes through these instead. A date keeps its
precision in every language: a year stays a year ("2004", 「2004年」), a month a month.
"""

from __future__ import annotations

from ajexplorer.domain.dates import PartialDate, Precision, Recurrence, When
from ajexplorer.domain.i18n import QT_TRANSLATE_NOOP, translate
from ajexplorer.domain.model import Kind, Record

_KINDS = {
    Kind.EVENT: QT_TRANSLATE_NOOP("Kinds", "Event"),
    Kind.MECHANISM: QT_TRANSLATE_NOOP("Kinds", "Mechanism"),
    Kind.DOCUMENT: QT_TRANSLATE_NOOP("Kinds", "Document"),
    Kind.PROGRAMME: QT_TRANSLATE_NOOP("Kinds", "Programme"),
    Kind.FIGURE: QT_TRANSLATE_NOOP("Kinds", "Figure"),
}
_KIND_PLURALS = {
    Kind.EVENT: QT_TRANSLATE_NOOP("Kinds", "Events"),
    Kind.MECHANISM: QT_TRANSLATE_NOOP("Kinds", "Mechanisms"),
    Kind.DOCUMENT: QT_TRANSLATE_NOOP("Kinds", "Documents"),
    Kind.PROGRAMME: QT_TRANSLATE_NOOP("Kinds", "Programmes"),
    Kind.FIGURE: QT_TRANSLATE_NOOP("Kinds", "Figures"),
}
_MONTHS = (
    "",
    QT_TRANSLATE_NOOP("Dates", "January"),
    QT_TRANSLATE_NOOP("Dates", "February"),
    QT_TRANSLATE_NOOP("Dates", "March"),
    QT_TRANSLATE_NOOP("Dates", "April"),
    QT_TRANSLATE_NOOP("Dates", "May"),
    QT_TRANSLATE_NOOP("Dates", "June"),
    QT_TRANSLATE_NOOP("Dates", "July"),
    QT_TRANSLATE_NOOP("Dates", "August"),
    QT_TRANSLATE_NOOP("Dates", "September"),
    QT_TRANSLATE_NOOP("Dates", "October"),
    QT_TRANSLATE_NOOP("Dates", "November"),
    QT_TRANSLATE_NOOP("Dates", "December"),
)


def kind_label(kind: Kind) -> str:
    """``Event``, ``Mechanism``, … in the interface's language."""
    return translate("Kinds", _KINDS[kind])


def kind_plural(kind: Kind) -> str:
    """``Events``, ``Mechanisms``, … (a filter's choice) in the interface's language."""
    return translate("Kinds", _KIND_PLURALS[kind])


def kinds_count(kind: Kind, count: int) -> str:
    """``12 events`` and the like, with the language's plural forms."""
    texts = {
        Kind.EVENT: translate("Kinds", "%n event(s)", None, count),
        Kind.MECHANISM: translate("Kinds", "%n mechanism(s)", None, count),
        Kind.DOCUMENT: translate("Kinds", "%n document(s)", None, count),
        Kind.PROGRAMME: translate("Kinds", "%n programme(s)", None, count),
        Kind.FIGURE: translate("Kinds", "%n figure(s)", None, count),
    }
    return texts[kind]


def year_text(year: int) -> str:
    return translate("Dates", "{year}").format(year=year)


def date_text(date: PartialDate) -> str:
    """``2004``, ``July 2004`` or ``12 November 2020`` (「2004年」「2004年7月」「2020年11月12日」)."""
    if date.month is None:
        return year_text(date.year)
    month = translate("Dates", _MONTHS[date.month])
    if date.day is None:
        return translate("Dates", "{month} {year}").format(month=month, year=date.year)
    return translate("Dates", "{day} {month} {year}").format(day=date.day, month=month, year=date.year)


def when_text(when: When) -> str:
    """:meth:`When.human` in the interface's language, at the same precision."""
    if when.start is None and when.end is None:
        text = translate("Dates", "date not given")
    elif when.start is None:
        assert when.end is not None
        text = translate("Dates", "until {date}").format(date=date_text(when.end))
    elif when.ongoing:
        text = translate("Dates", "since {date}").format(date=date_text(when.start))
    elif when.end is None or when.end == when.start:
        text = date_text(when.start)
    else:
        text = _range_text(when.start, when.end)
    if when.recurrence is Recurrence.ANNUAL:
        text = (
            translate("Dates", "annually")
            if not when.known
            else translate("Dates", "{when}, annually").format(when=text)
        )
    return text


def _range_text(start: PartialDate, end: PartialDate) -> str:
    same_month = (start.year, start.month) == (end.year, end.month)
    if start.precision is end.precision is Precision.DAY and same_month and start.month is not None:
        return translate("Dates", "{first}-{last} {month} {year}").format(
            first=start.day, last=end.day, month=translate("Dates", _MONTHS[start.month]), year=start.year
        )
    if start.precision is end.precision is Precision.YEAR:
        return translate("Dates", "{first}-{last}").format(
            first=year_text(start.year), last=year_text(end.year)
        )
    return translate("Dates", "{start} to {end}").format(start=date_text(start), end=date_text(end))


#: How the domain writes a qualifier around a value (``Record.value_text``), and the same in words to translate.
_QUALIFIED = {
    "approximately": ("approximately ", "", QT_TRANSLATE_NOOP("Figures", "approximately {value}")),
    "more-than": ("more than ", "", QT_TRANSLATE_NOOP("Figures", "more than {value}")),
    "target": ("target: ", "", QT_TRANSLATE_NOOP("Figures", "target: {value}")),
    "target-more-than": ("target: more than ", "", QT_TRANSLATE_NOOP("Figures", "target: more than {value}")),
    "preliminary": ("", " (preliminary)", QT_TRANSLATE_NOOP("Figures", "{value} (preliminary)")),
    "to-date": ("", " (to date)", QT_TRANSLATE_NOOP("Figures", "{value} (to date)")),
    "reported": ("", " (reported)", QT_TRANSLATE_NOOP("Figures", "{value} (reported)")),
}


def value_text(record: Record) -> str:
    """A figure's value with its qualifier in the interface's language ("approximately" stays said); the
    number and its unit are the data's."""
    text = record.value_text()
    prefix, suffix, words = _QUALIFIED.get(record.qualifier or "", ("", "", ""))
    if not words or not text.startswith(prefix) or not text.endswith(suffix):
        return text
    return translate("Figures", words).format(value=text[len(prefix) : len(text) - len(suffix)])
