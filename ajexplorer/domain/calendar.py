"""Events as an iCalendar (RFC 5545) file, with dates only as precise as the source gives them.

Every event is all-day. An event the source dates to a month or a year spans that month or year, and its
description says so, so a calendar never shows a made-up day as if it were known. Undated events are left
out. The output depends on the data alone (DTSTAMP included), so exporting twice gives identical bytes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator

from ajexplorer.domain.dates import PartialDate, Precision, Recurrence, When
from ajexplorer.domain.model import Dataset, Kind, Record

PRODID = "-//AJ Explorer//AJ Explorer//EN"
UID_DOMAIN = "ajexplorer"
#: DTSTAMP when the dataset states no as-of date: the Unix epoch, so the output never follows the clock.
FALLBACK_STAMP = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
#: RFC 5545, 3.1: content lines are folded at 75 octets, not counting the CRLF.
LINE_OCTETS = 75
CRLF = "\r\n"

# Control characters other than tab are not allowed in TEXT values (RFC 5545, 3.3.11); newlines are escaped.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_PRECISION_WORD = {Precision.DAY: "day", Precision.MONTH: "month", Precision.YEAR: "year"}


def to_ics(dataset: Dataset, records: Iterable[Record], stamp: dt.datetime | None = None) -> str:
    """A VCALENDAR with one all-day VEVENT per dated event among ``records``; other kinds are skipped.

    ``stamp`` is the DTSTAMP of every event. By default it is the dataset's as-of date (the start of it, at
    midnight UTC) or 1970-01-01 when the dataset gives none: derived from the data, never from the clock,
    so the same data always gives the same bytes.
    """
    moment = default_stamp(dataset) if stamp is None else stamp
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(dataset.title)}",
    ]
    for record in calendar_events(records):
        lines.extend(_vevent(dataset, record, moment))
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + CRLF for line in lines)


def calendar_events(records: Iterable[Record]) -> Iterator[Record]:
    """The records a calendar can hold: events with at least one known date, in the order given."""
    for record in records:
        if record.kind is Kind.EVENT and record.when.known:
            yield record


def default_stamp(dataset: Dataset) -> dt.datetime:
    """Midnight UTC at the start of the dataset's as-of date, or 1970-01-01 when it has none or it is unreadable."""
    as_of = dataset.info.as_of
    if as_of:
        try:
            first = PartialDate.parse(as_of.strip()).first_day()
        except ValueError:
            return FALLBACK_STAMP
        return dt.datetime(first.year, first.month, first.day, tzinfo=dt.UTC)
    return FALLBACK_STAMP


def event_span(when: When) -> tuple[dt.date, dt.date] | None:
    """First day and the day after the last (DTEND is exclusive) covered by what the source says, or None.

    An ongoing event has no known end, so it spans only its start day, month or year. With only an end
    ("until 2020") the span is that end day, month or year.
    """
    if when.start is not None:
        last = when.end if when.end is not None else when.start
        return when.start.first_day(), last.last_day() + dt.timedelta(days=1)
    if when.end is not None:
        return when.end.first_day(), when.end.last_day() + dt.timedelta(days=1)
    return None


def date_note(when: When) -> str:
    """One honest sentence (or two) on how precisely the source dates an event."""
    start, end = when.start, when.end
    if start is None and end is None:
        text = "The source gives no date."
    elif start is None:
        assert end is not None
        text = f"The source gives only the end ({_as_given(end)}) and no start; the entry covers that end."
    elif when.ongoing:
        text = _ongoing_note(start)
    elif end is None or end == start:
        text = _single_note(start)
    else:
        text = _range_note(start, end, when)
    if when.recurrence is Recurrence.ANNUAL:
        text += " It recurs annually; the source gives no other dates, so only this entry is listed."
    return text


def _single_note(date: PartialDate) -> str:
    if date.precision is Precision.DAY:
        return f"The source gives the day ({date.human()})."
    return (
        f"The source gives only the {_PRECISION_WORD[date.precision]} ({date.human()}); "
        f"the entry spans the whole {_PRECISION_WORD[date.precision]}."
    )


def _range_note(start: PartialDate, end: PartialDate, when: When) -> str:
    if start.precision is end.precision is Precision.DAY:
        return f"The source gives the days: {when.human()}."
    if start.precision is end.precision:
        word = _PRECISION_WORD[start.precision]
        return (
            f"The source gives only the {word}s: {when.human()}; "
            f"the entry spans from the start of the first {word} to the end of the last."
        )
    return (
        f"The source gives {when.human()} ({_as_given(start)} to {_as_given(end)}); "
        "the entry spans from the first day to the last day those dates cover."
    )


def _as_given(date: PartialDate) -> str:
    """``July 2004, to the month``: a date with the precision the source gives it."""
    return f"{date.human()}, to the {_PRECISION_WORD[date.precision]}"


def _ongoing_note(start: PartialDate) -> str:
    if start.precision is Precision.DAY:
        return (
            f"Ongoing since {start.human()}; the source gives no end, so the entry covers only the first day."
        )
    word = _PRECISION_WORD[start.precision]
    return (
        f"Ongoing since {start.human()}; the source gives only the {word} it began and no end, "
        f"so the entry spans {start.human()} alone."
    )


def citation_text(dataset: Dataset, record: Record) -> str:
    """``Source: ASEAN Secretariat, "Overview ...", paragraphs 3, 7.``"""
    numbers = sorted(record.paragraphs)
    label = "paragraph" if len(numbers) == 1 else "paragraphs"
    info = dataset.info
    return f'Source: {info.publisher}, "{info.title}", {label} {", ".join(map(str, numbers))}.'


def _vevent(dataset: Dataset, record: Record, stamp: dt.datetime) -> list[str]:
    span = event_span(record.when)
    assert span is not None  # calendar_events keeps dated events only
    first, after = span
    description = "\n\n".join(
        part
        for part in (record.summary.strip(), citation_text(dataset, record), date_note(record.when))
        if part
    )
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape_text(record.id)}@{UID_DOMAIN}",
        f"DTSTAMP:{_utc_text(stamp)}",
        f"DTSTART;VALUE=DATE:{first:%Y%m%d}",
        f"DTEND;VALUE=DATE:{after:%Y%m%d}",
        f"SUMMARY:{escape_text(record.display_title)}",
    ]
    if record.place:
        lines.append(f"LOCATION:{escape_text(record.place)}")
    lines.append(f"DESCRIPTION:{escape_text(description)}")
    lines.append("TRANSP:TRANSPARENT")
    lines.append("END:VEVENT")
    return lines


def _utc_text(moment: dt.datetime) -> str:
    """A naive datetime is taken as UTC; an aware one is converted to it."""
    utc = moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)
    return f"{utc:%Y%m%dT%H%M%SZ}"


def escape_text(text: str) -> str:
    r"""A TEXT value (RFC 5545, 3.3.11): ``\`` ``;`` ``,`` escaped, newlines as ``\n``, other controls dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold_line(line: str) -> str:
    """Fold a content line at 75 octets of UTF-8, never inside a character; continuations start with a space."""
    if len(line.encode("utf-8")) <= LINE_OCTETS:
        return line
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    limit = LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append("".join(current))
            current, size = [], 0
            limit = LINE_OCTETS - 1  # the leading space of a continuation line counts
        current.append(char)
        size += width
    pieces.append("".join(current))
    return (CRLF + " ").join(pieces)
