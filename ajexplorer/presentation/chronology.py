"""The timeline as a list a person can read in order: the chronology behind the accessible view.

The timeline is painted, so a screen reader cannot walk its marks; this gives the same items in time order as
rows of words (the date as the source gives it, title, kind, lane), grouped by year with their count, for a
tree or table view to show. It takes the timeline's own items so the two never disagree about what is shown.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ajexplorer.domain.i18n import QT_TRANSLATE_NOOP, translate
from ajexplorer.domain.model import Dataset
from ajexplorer.presentation.timeline_layout import Item, Shape
from ajexplorer.presentation.words import kind_label, when_text, year_text

#: Column headings, in the order the rows give their cells.
COLUMNS = (
    QT_TRANSLATE_NOOP("Columns", "Date"),
    QT_TRANSLATE_NOOP("Columns", "Title"),
    QT_TRANSLATE_NOOP("Columns", "Kind"),
    QT_TRANSLATE_NOOP("Columns", "Lane"),
)


@dataclass(frozen=True, slots=True)
class Entry:
    """One timeline item in words."""

    record_id: str
    date: str
    title: str
    kind: str
    lane: str
    is_period: bool

    @property
    def cells(self) -> tuple[str, str, str, str]:
        return (self.date, self.title, self.kind, self.lane)

    def spoken(self) -> str:
        """The whole row as one phrase, for a description or an announcement."""
        period = translate("Chronology", ", period") if self.is_period else ""
        return f"{self.title}; {self.date}; {self.kind.lower()}{period}; {self.lane}"


@dataclass(frozen=True, slots=True)
class Group:
    """The items of one year (by start): a heading with its count, as the timeline clusters what is close."""

    year: int
    entries: tuple[Entry, ...]

    @property
    def label(self) -> str:
        count = len(self.entries)
        return translate("Chronology", "{year} (%n item(s))", None, count).format(year=year_text(self.year))


def chronology(dataset: Dataset, items: Sequence[Item]) -> list[Group]:
    """The timeline's items in time order (start, then end, then title), grouped by the year they start."""
    lanes = [section.title for section in dataset.sections]
    ordered = sorted(items, key=lambda item: (item.start, item.end, item.label, item.id))
    groups: list[Group] = []
    current: list[Entry] = []
    year: int | None = None
    for item in ordered:
        start_year = math.floor(item.start)
        if year is not None and start_year != year:
            groups.append(Group(year, tuple(current)))
            current = []
        year = start_year
        current.append(_entry(dataset, item, lanes))
    if year is not None:
        groups.append(Group(year, tuple(current)))
    return groups


def _entry(dataset: Dataset, item: Item, lanes: Sequence[str]) -> Entry:
    record = dataset.get(item.id)
    lane = lanes[item.lane] if 0 <= item.lane < len(lanes) else ""
    if record is None:  # an item not from the dataset (a test's own): its label is all there is
        return Entry(item.id, "", item.label, "", lane, item.shape is Shape.RANGE)
    return Entry(
        record_id=record.id,
        date=when_text(record.when),
        title=record.title,
        kind=kind_label(record.kind),
        lane=lane,
        is_period=item.shape is Shape.RANGE,
    )


#: Past this many texts in a column, only the longest (by characters) are candidates for its width.
MEASURED_TEXTS = 400


@dataclass(frozen=True)
class Arranged:
    """The groups with what a view needs to show them at once, computed off the GUI thread when large."""

    groups: tuple[Group, ...]
    #: Each item's year and row in it.
    where: Mapping[str, tuple[int, int]]
    #: Per column, the texts that may be its widest: all of them, or the longest few of many.
    widest: tuple[tuple[str, ...], ...]


def arranged(groups: Sequence[Group]) -> Arranged:
    where = {
        entry.record_id: (g, r) for g, group in enumerate(groups) for r, entry in enumerate(group.entries)
    }
    widest = []
    for column in range(len(COLUMNS)):
        texts = {entry.cells[column] for group in groups for entry in group.entries}
        if column == 0:
            texts |= {group.label for group in groups}
        if len(texts) > MEASURED_TEXTS:
            texts = set(heapq.nlargest(MEASURED_TEXTS, texts, key=len))
        widest.append(tuple(sorted(texts)))
    return Arranged(tuple(groups), where, tuple(widest))
