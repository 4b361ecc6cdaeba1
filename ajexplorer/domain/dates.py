"""Partial dates and time spans, kept at exactly the precision the source gives.

The source says "in 2013", "in July 2004" or "on 12 November 2020"; a year-only fact must never turn into
1 January. A :class:`PartialDate` remembers its precision, and a :class:`When` adds ranges ("2011-2015"),
open ends ("since 2012"), open starts ("until 2020") and recurrence ("annually").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# Spelled out rather than taken from calendar.month_name, which follows the process locale (Qt sets it).
MONTH_NAMES = (
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class Precision(Enum):
    """How much of a date the source gives."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


@dataclass(frozen=True, order=True, slots=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year {self.year} is out of range")
        if self.month is None and self.day is not None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is not between 1 and 12")
        if self.day is not None and self.month is not None:
            last = _month_length(self.year, self.month)
            if not 1 <= self.day <= last:
                raise ValueError(f"day {self.day} is not in {MONTH_NAMES[self.month]} {self.year}")

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise ValueError saying what is wrong."""
        match = _PARTIAL_DATE.match(text)
        if match is None:
            raise ValueError(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = match.groups()
        return cls(int(year), int(month) if month else None, int(day) if day else None)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    def iso(self) -> str:
        """The ISO 8601 form at this precision: ``2004``, ``2004-07`` or ``2004-07-15``."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def human(self) -> str:
        """How a person writes it: ``2004``, ``July 2004`` or ``12 November 2020``."""
        if self.month is None:
            return str(self.year)
        if self.day is None:
            return f"{MONTH_NAMES[self.month]} {self.year}"
        return f"{self.day} {MONTH_NAMES[self.month]} {self.year}"

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        if self.day is not None and self.month is not None:
            return dt.date(self.year, self.month, self.day)
        month = self.month or 12
        return dt.date(self.year, month, _month_length(self.year, month))

    def start_value(self) -> float:
        """The first instant covered, in fractional years (for drawing on a time axis)."""
        return year_fraction(self.first_day())

    def end_value(self) -> float:
        """The instant just after the last day covered, in fractional years."""
        return year_fraction(self.last_day() + dt.timedelta(days=1))

    def __str__(self) -> str:
        return self.iso()


def _month_length(year: int, month: int) -> int:
    """Days in the month, from datetime's own calendar (the calendar module would bring locale into start-up)."""
    if month == 12:  # December has 31 days in every year datetime knows, 9999 included
        return 31
    return (dt.date(year, month + 1, 1) - dt.date(year, month, 1)).days


def year_fraction(day: dt.date) -> float:
    """A calendar day as a fractional year: 2004-07-01 is about 2004.497."""
    start = dt.date(day.year, 1, 1)
    length = (dt.date(day.year, 12, 31) - start).days + 1
    return day.year + (day - start).days / length


class Recurrence(Enum):
    ANNUAL = "annual"


@dataclass(frozen=True, slots=True)
class When:
    """When a record happened or ran: a point, a range, an open range, or nothing known."""

    start: PartialDate | None = None
    end: PartialDate | None = None
    ongoing: bool = False
    recurrence: Recurrence | None = None

    def __post_init__(self) -> None:
        if self.ongoing and self.end is not None:
            raise ValueError("an ongoing record cannot also have an end")
        if self.ongoing and self.start is None:
            raise ValueError("'ongoing' needs a start date")
        if self.start is not None and self.end is not None and self.end.last_day() < self.start.first_day():
            raise ValueError(f"the end {self.end.human()} is before the start {self.start.human()}")

    @property
    def known(self) -> bool:
        return self.start is not None or self.end is not None

    @property
    def is_range(self) -> bool:
        return self.end is not None or self.ongoing

    def human(self) -> str:
        """``July 2004``, ``2011 to 2015``, ``since 2012, annually``, ``until 2020`` or ``date not given``."""
        if self.start is None and self.end is None:
            text = "date not given"
        elif self.start is None:
            assert self.end is not None
            text = f"until {self.end.human()}"
        elif self.ongoing:
            text = f"since {self.start.human()}"
        elif self.end is None or self.end == self.start:
            text = self.start.human()
        else:
            text = _range_text(self.start, self.end)
        if self.recurrence is Recurrence.ANNUAL:
            text = "annually" if not self.known else f"{text}, annually"
        return text

    def sort_key(self) -> tuple[int, float, float]:
        """Order by start (unknown last), then by end; stable for equal dates."""
        if self.start is not None:
            first = self.start.start_value()
        elif self.end is not None:
            first = self.end.start_value()
        else:
            return (1, 0.0, 0.0)
        last = self.end.end_value() if self.end is not None else first
        return (0, first, last)


def _range_text(start: PartialDate, end: PartialDate) -> str:
    """``25-28 April 2012`` when day and month are shared, else ``July 2016 to July 2019``."""
    same_month = (start.year, start.month) == (end.year, end.month)
    if start.precision is end.precision is Precision.DAY and same_month:
        return f"{start.day}-{end.human()}"
    if start.precision is end.precision is Precision.YEAR:
        return f"{start.year}-{end.year}"
    return f"{start.human()} to {end.human()}"
