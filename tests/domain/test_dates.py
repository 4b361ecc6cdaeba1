"""Partial dates keep the source's precision and are written as people write them."""

from __future__ import annotations

import pytest

from ajexplorer.domain.dates import PartialDate, Precision, Recurrence, When


@pytest.mark.parametrize(
    ("text", "precision", "human"),
    [
        ("2004", Precision.YEAR, "2004"),
        ("2004-07", Precision.MONTH, "July 2004"),
        ("2020-11-12", Precision.DAY, "12 November 2020"),
    ],
)
def test_partial_dates_keep_their_precision(text: str, precision: Precision, human: str) -> None:
    date = PartialDate.parse(text)
    assert date.precision is precision
    assert date.iso() == text
    assert date.human() == human


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2004-13", "month 13"),
        ("2001-02-30", "day 30 is not in February 2001"),
        ("2004/07", "not a date"),
        ("July 2004", "not a date"),
        ("0000", "year 0"),
        ("", "not a date"),
    ],
)
def test_invalid_dates_say_what_is_wrong(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        PartialDate.parse(text)


def test_a_leap_day_is_valid_only_in_leap_years() -> None:
    assert PartialDate.parse("2020-02-29").day == 29
    with pytest.raises(ValueError, match="February 2019"):
        PartialDate.parse("2019-02-29")


def test_a_year_covers_the_whole_year_on_the_axis() -> None:
    year = PartialDate.parse("2004")
    assert year.start_value() == 2004.0
    assert year.end_value() == 2005.0
    day = PartialDate.parse("2004-07-01")
    assert 2004.49 < day.start_value() < day.end_value() < 2004.51


@pytest.mark.parametrize(
    ("when", "text"),
    [
        (When(PartialDate(2011), PartialDate(2015)), "2011-2015"),
        (When(PartialDate(2012), ongoing=True), "since 2012"),
        (When(end=PartialDate(2020)), "until 2020"),
        (When(PartialDate(2012), ongoing=True, recurrence=Recurrence.ANNUAL), "since 2012, annually"),
        (When(recurrence=Recurrence.ANNUAL), "annually"),
        (When(PartialDate(2012, 4, 25), PartialDate(2012, 4, 28)), "25-28 April 2012"),
        (When(PartialDate(2016, 7), PartialDate(2019, 7)), "July 2016 to July 2019"),
        (When(), "date not given"),
    ],
)
def test_spans_are_written_honestly(when: When, text: str) -> None:
    assert when.human() == text


def test_a_span_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValueError, match="before the start"):
        When(PartialDate(2015), PartialDate(2011))


def test_an_ongoing_span_has_no_end() -> None:
    with pytest.raises(ValueError, match="ongoing"):
        When(PartialDate(2012), PartialDate(2015), ongoing=True)


def test_spans_sort_by_start_with_unknown_dates_last() -> None:
    spans = [When(), When(PartialDate(2013)), When(PartialDate(2004, 7)), When(end=PartialDate(2020))]
    ordered = sorted(spans, key=When.sort_key)
    assert [span.human() for span in ordered] == ["July 2004", "2013", "until 2020", "date not given"]
