"""The iCalendar export reads back in a real iCalendar parser, with dates no more precise than the source."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import icalendar
from hypothesis import given
from hypothesis import strategies as st

from ajexplorer.domain.calendar import LINE_OCTETS, escape_text, fold_line, to_ics
from ajexplorer.domain.dates import PartialDate, Recurrence, When
from ajexplorer.domain.model import Dataset, Kind
from tests.conftest import with_records

EVENT_ID = "ev-2001-05-04-3rd-eps"


def events_of(text: str) -> dict[str, icalendar.Component]:
    calendar = icalendar.Calendar.from_ical(text)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def one_event(mini: Dataset, when: When) -> icalendar.Component:
    record = replace(mini.records[EVENT_ID], when=when)
    events = events_of(to_ics(mini, [record]))
    assert len(events) == 1
    return events[f"{EVENT_ID}@ajexplorer"]


def span(event: icalendar.Component) -> tuple[dt.date, dt.date]:
    return event.decoded("DTSTART"), event.decoded("DTEND")


def description(event: icalendar.Component) -> str:
    return str(event["DESCRIPTION"])


def test_the_calendar_has_its_header_and_one_event_per_dated_event(dataset: Dataset) -> None:
    text = to_ics(dataset, dataset.records.values())
    calendar = icalendar.Calendar.from_ical(text)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    assert "AJ Explorer" in str(calendar["PRODID"])
    assert str(calendar["X-WR-CALNAME"]) == dataset.title
    dated = [r for r in dataset.of_kind(Kind.EVENT) if r.when.known]
    events = calendar.walk("VEVENT")
    assert len(events) == len(dated)
    assert [str(event["UID"]) for event in events] == [f"{record.id}@ajexplorer" for record in dated]


def test_a_known_event_has_its_day_place_and_citation(dataset: Dataset) -> None:
    events = events_of(to_ics(dataset, dataset.records.values()))
    summit = events["ev-2019-11-04-22nd-asean-japan-summit@ajexplorer"]
    assert str(summit["SUMMARY"]) == "22nd ASEAN-Japan Summit"
    assert span(summit) == (dt.date(2019, 11, 4), dt.date(2019, 11, 5))
    assert str(summit["LOCATION"]) == "Bangkok, Thailand"
    text = description(summit)
    assert '"Overview of ASEAN-Japan Dialogue Relations", paragraph 33.' in text
    assert "ASEAN Secretariat" in text
    assert "The source gives the day (4 November 2019)." in text


def test_a_bundled_month_precision_event_spans_its_month_and_says_so(dataset: Dataset) -> None:
    events = events_of(to_ics(dataset, dataset.records.values()))
    event = events["ev-2015-05-partnership-for-quality-infrastructure-announced@ajexplorer"]
    assert span(event) == (dt.date(2015, 5, 1), dt.date(2015, 6, 1))
    assert "The source gives only the month (May 2015)" in description(event)


def test_month_precision_spans_the_whole_month(mini_dataset: Dataset) -> None:
    event = one_event(mini_dataset, When(PartialDate(2004, 7)))
    assert span(event) == (dt.date(2004, 7, 1), dt.date(2004, 8, 1))
    assert "The source gives only the month (July 2004)" in description(event)
    assert event["DTSTART"].params["VALUE"] == "DATE"


def test_year_precision_spans_the_whole_year(mini_dataset: Dataset) -> None:
    event = one_event(mini_dataset, When(PartialDate(2004)))
    assert span(event) == (dt.date(2004, 1, 1), dt.date(2005, 1, 1))
    assert "The source gives only the year (2004)" in description(event)


def test_a_range_runs_from_the_start_to_the_end_inclusive(mini_dataset: Dataset) -> None:
    days = one_event(mini_dataset, When(PartialDate(2012, 4, 25), PartialDate(2012, 4, 28)))
    assert span(days) == (dt.date(2012, 4, 25), dt.date(2012, 4, 29))
    assert "25-28 April 2012" in description(days)
    months = one_event(mini_dataset, When(PartialDate(2018, 6), PartialDate(2018, 10)))
    assert span(months) == (dt.date(2018, 6, 1), dt.date(2018, 11, 1))
    assert "only the months" in description(months)
    mixed = one_event(mini_dataset, When(PartialDate(2016, 7), PartialDate(2019)))
    assert span(mixed) == (dt.date(2016, 7, 1), dt.date(2020, 1, 1))
    assert "July 2016, to the month" in description(mixed)


def test_an_ongoing_event_covers_only_its_start(mini_dataset: Dataset) -> None:
    event = one_event(mini_dataset, When(PartialDate(2004), ongoing=True))
    assert span(event) == (dt.date(2004, 1, 1), dt.date(2005, 1, 1))
    assert "Ongoing since 2004" in description(event)
    assert "RRULE" not in event
    day = one_event(mini_dataset, When(PartialDate(2004, 3, 2), ongoing=True))
    assert span(day) == (dt.date(2004, 3, 2), dt.date(2004, 3, 3))
    assert "ongoing since 2 march 2004" in description(day).lower()


def test_annual_recurrence_is_said_not_invented(mini_dataset: Dataset) -> None:
    event = one_event(mini_dataset, When(PartialDate(2009), recurrence=Recurrence.ANNUAL))
    assert span(event) == (dt.date(2009, 1, 1), dt.date(2010, 1, 1))
    assert "recurs annually" in description(event)
    assert "RRULE" not in event


def test_undated_events_and_other_kinds_are_left_out(mini_dataset: Dataset) -> None:
    undated = replace(mini_dataset.records[EVENT_ID], id="ev-undated", when=When())
    annual_only = replace(
        mini_dataset.records[EVENT_ID], id="ev-annual", when=When(recurrence=Recurrence.ANNUAL)
    )
    data = with_records(mini_dataset, undated, annual_only)
    events = events_of(to_ics(data, data.records.values()))
    assert list(events) == [f"{EVENT_ID}@ajexplorer"]


def test_an_event_known_only_by_its_end_says_so(mini_dataset: Dataset) -> None:
    event = one_event(mini_dataset, When(end=PartialDate(2020)))
    assert span(event) == (dt.date(2020, 1, 1), dt.date(2021, 1, 1))
    assert "only the end" in description(event)


def test_long_non_ascii_text_folds_and_reads_back_unchanged(mini_dataset: Dataset) -> None:
    title = "日本・ASEAN友好協力 " * 12 + "Hội nghị; Cấp cao, \\ ASEAN\u2013Nhật Bản"
    summary = "Line one, with a comma; a semicolon \\ and a backslash.\nLine two: 東京で開催された。" * 3
    record = replace(mini_dataset.records[EVENT_ID], title=title, summary=summary, place="東京, 日本")
    text = to_ics(mini_dataset, [record])
    raw = text.encode("utf-8")
    assert raw.endswith(b"\r\n")
    physical = raw.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in physical)
    assert max(len(line) for line in physical) <= LINE_OCTETS
    for line in physical:
        line.decode("utf-8")  # a fold never cuts a character in two
    assert any(line.startswith(b" ") for line in physical)
    event = events_of(text)[f"{EVENT_ID}@ajexplorer"]
    assert str(event["SUMMARY"]) == title
    assert str(event["LOCATION"]) == "東京, 日本"
    assert description(event).startswith(summary)


def test_output_is_byte_identical_and_the_stamp_comes_from_the_data(mini_dataset: Dataset) -> None:
    first = to_ics(mini_dataset, mini_dataset.records.values())
    assert first == to_ics(mini_dataset, list(mini_dataset.records.values()))
    event = events_of(first)[f"{EVENT_ID}@ajexplorer"]
    assert event.decoded("DTSTAMP") == dt.datetime(2024, 1, 1, tzinfo=dt.UTC)  # as_of: "2024"
    no_date = replace(mini_dataset, info=replace(mini_dataset.info, as_of=None))
    assert "DTSTAMP:19700101T000000Z\r\n" in to_ics(no_date, no_date.records.values())


def test_an_explicit_stamp_is_written_in_utc(mini_dataset: Dataset) -> None:
    tokyo = dt.timezone(dt.timedelta(hours=9))
    text = to_ics(mini_dataset, mini_dataset.records.values(), dt.datetime(2024, 6, 1, 9, 30, tzinfo=tokyo))
    assert "DTSTAMP:20240601T003000Z\r\n" in text
    naive = to_ics(mini_dataset, mini_dataset.records.values(), dt.datetime(2024, 6, 1, 9, 30))
    assert "DTSTAMP:20240601T093000Z\r\n" in naive


def test_text_values_are_escaped() -> None:
    assert escape_text("a,b;c\\d\ne\r\nf\x07") == "a\\,b\\;c\\\\d\\ne\\nf"


@given(st.text(max_size=400))
def test_folding_keeps_every_character_and_the_octet_limit(text: str) -> None:
    line = "DESCRIPTION:" + escape_text(text)
    folded = fold_line(line)
    pieces = folded.split("\r\n")
    assert all(len(piece.encode("utf-8")) <= LINE_OCTETS for piece in pieces)
    assert all(piece.startswith(" ") for piece in pieces[1:])
    assert "".join([pieces[0], *(piece[1:] for piece in pieces[1:])]) == line
