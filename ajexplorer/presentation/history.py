"""Back/Forward history as steps the person took: each a record and the search that was showing when it was
chosen, so that going back brings back what they saw, not only the record.

Pure data and texts; the window's navigator holds a :class:`History` and the Qt layer shows it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ajexplorer.domain.i18n import translate
from ajexplorer.domain.model import Dataset
from ajexplorer.domain.query import Filters
from ajexplorer.presentation.words import kind_plural

#: How many earlier steps are kept.
MAX_HISTORY = 500


@dataclass(frozen=True, slots=True)
class SearchState:
    """The search field's text, the filter controls, and the highlighted result (a record id, or None)."""

    query: str = ""
    filters: Filters = field(default_factory=Filters)
    result: str | None = None


@dataclass(frozen=True, slots=True)
class Step:
    """One place in the history: a record and the search that was showing when it was chosen."""

    record_id: str
    search: SearchState = field(default_factory=SearchState)


@dataclass(frozen=True, slots=True)
class History:
    """The steps before the current one (oldest first), the current step, and the steps after it (nearest
    first). Every change returns a new History."""

    back: tuple[Step, ...] = ()
    current: Step | None = None
    forward: tuple[Step, ...] = ()

    def visit(self, step: Step) -> History:
        """A record chosen: the current step goes back and the forward steps are dropped. The same record
        chosen again (from another search) only updates the current step's search."""
        if self.current is None:
            return History(current=step)
        if step.record_id == self.current.record_id:
            return replace(self, current=step)
        return History((*self.back, self.current)[-MAX_HISTORY:], step, ())

    def moved(self, offset: int) -> History:
        """``offset`` steps back (negative) or forward (positive); unchanged if there are not that many."""
        if self.current is None or offset == 0:
            return self
        if offset < 0:
            count = -offset
            if count > len(self.back):
                return self
            passed = self.back[len(self.back) - count + 1 :]
            return History(
                self.back[: len(self.back) - count],
                self.back[-count],
                (*passed, self.current, *self.forward),
            )
        if offset > len(self.forward):
            return self
        passed = self.forward[: offset - 1]
        return History(
            (*self.back, self.current, *passed)[-MAX_HISTORY:],
            self.forward[offset - 1],
            self.forward[offset:],
        )

    def earlier(self) -> list[tuple[int, Step]]:
        """The steps Back leads to, nearest first, with the offset that reaches each."""
        return [(-position, step) for position, step in enumerate(reversed(self.back), start=1)]

    def later(self) -> list[tuple[int, Step]]:
        """The steps Forward leads to, nearest first, with the offset that reaches each."""
        return [(position, step) for position, step in enumerate(self.forward, start=1)]


# --- texts ---------------------------------------------------------------------------------------------------


def step_title(dataset: Dataset, step: Step) -> str:
    """The record's display title (the id itself if the open data has no such record)."""
    record = dataset.get(step.record_id)
    return record.display_title if record is not None else step.record_id


def search_words(dataset: Dataset, search: SearchState) -> str:
    """What search and filters a step brings back, in words: ``search "ADMM", documents, 2010-2015``."""
    parts: list[str] = []
    if search.query.strip():
        parts.append(translate("History", "search \u201c{query}\u201d").format(query=search.query.strip()))
    filters = search.filters
    parts.extend(kind_plural(kind).lower() for kind in sorted(filters.kinds, key=lambda kind: kind.value))
    titles = dataset.section_titles
    parts.extend(titles.get(section, section) for section in sorted(filters.section_ids))
    if filters.years is not None:
        start, end = filters.years
        parts.append(str(start) if start == end else f"{start}\u2013{end}")
    if filters.place:
        parts.append(translate("History", "place {place}").format(place=filters.place))
    return translate("History", ", ").join(parts)


def step_label(dataset: Dataset, step: Step) -> str:
    """A history list's line: the record's title, then the search it brings back, if any."""
    title = step_title(dataset, step)
    words = search_words(dataset, step.search)
    return f"{title} \u2014 {words}" if words else title


def move_tip(dataset: Dataset, step: Step | None, keys: str, *, forward: bool = False) -> str:
    """The Back (or Forward) button's tooltip, naming where it goes and the search it brings back:
    ``Back to ASEAN-Japan Summit — search "ADMM" (Alt+Left)``; with nowhere to go, it says so."""
    shortcut = f" ({keys})" if keys else ""
    if step is None:
        nowhere = (
            translate("History", "Nothing later to go forward to")
            if forward
            else translate("History", "Nothing earlier to go back to")
        )
        return nowhere + shortcut
    place = step_label(dataset, step)
    moving = (
        translate("History", "Forward to {place}") if forward else translate("History", "Back to {place}")
    )
    return moving.format(place=place) + shortcut
