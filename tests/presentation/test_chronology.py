"""The chronology: the timeline's items as words, in time order, grouped by year."""

from __future__ import annotations

import dataclasses
import datetime as dt

from ajexplorer.domain.dates import PartialDate, When
from ajexplorer.domain.model import Dataset, Kind
from ajexplorer.presentation.chronology import chronology
from ajexplorer.presentation.timeline_layout import items_from
from tests.conftest import with_records

TODAY = dt.date(2026, 11, 28)


def test_every_timeline_item_is_listed_once_in_time_order(mini_dataset: Dataset) -> None:
    items = items_from(mini_dataset, TODAY)
    groups = chronology(mini_dataset, items)
    listed = [entry.record_id for group in groups for entry in group.entries]
    assert sorted(listed) == sorted(item.id for item in items)
    starts = {item.id: item.start for item in items}
    assert [starts[record_id] for record_id in listed] == sorted(starts[record_id] for record_id in listed)
    assert [group.year for group in groups] == sorted({int(starts[record_id]) for record_id in listed})


def test_years_are_groups_that_say_their_count(mini_dataset: Dataset) -> None:
    for group in chronology(mini_dataset, items_from(mini_dataset, TODAY)):
        count = len(group.entries)
        assert group.label == f"{group.year} ({count} item{'s' if count != 1 else ''})"


def test_a_date_known_to_the_year_or_month_stays_as_the_source_gives_it(mini_dataset: Dataset) -> None:
    event = next(record for record in mini_dataset.records.values() if record.kind is Kind.EVENT)
    year_only = dataclasses.replace(event, when=When(start=PartialDate(2004)))
    month_only = dataclasses.replace(event, id="ev-month", when=When(start=PartialDate(2004, 7)))
    data = with_records(mini_dataset, year_only, month_only)
    entries = {
        entry.record_id: entry
        for group in chronology(data, items_from(data, TODAY))
        for entry in group.entries
    }
    assert entries[event.id].date == "2004"
    assert entries[month_only.id].date == "July 2004"
    assert entries[event.id].kind == "Event"
    assert entries[event.id].lane == data.section_titles[event.section]
    assert not entries[event.id].is_period


def test_periods_are_marked_and_read_with_their_span(mini_dataset: Dataset) -> None:
    entries = [
        entry
        for group in chronology(mini_dataset, items_from(mini_dataset, TODAY))
        for entry in group.entries
    ]
    periods = [entry for entry in entries if entry.is_period]
    assert periods, "the fixture has a plan or programme that spans years"
    for entry in periods:
        record = mini_dataset.records[entry.record_id]
        assert entry.date == record.when.human()
        assert "period" in entry.spoken()
