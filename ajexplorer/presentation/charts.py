"""The source's figures as charts: which numbers share a chart, and where every bar, label and value goes.

Numbers share a chart only when they share a series and a unit that can be put on one axis: amounts in US dollars
and in yen are never drawn against each other, while "USD" and "USD million" are the same currency on two scales
and share one. Every bar keeps the record's own wording of its value ("approximately", "target:",
"(preliminary)") and the paragraphs it comes from. The layout is a pure function of the charts, the width and
the font's measurements, so that nothing overlapping or clipped depends on a display to be found.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum

from ajexplorer.domain.i18n import translate
from ajexplorer.domain.model import Dataset, Kind, Record
from ajexplorer.presentation.geometry import Box
from ajexplorer.presentation.words import value_text

TextWidth = Callable[[str], float]


class ChartStyle(Enum):
    """How a chart shows its values."""

    BARS = "bars"  # lengths on a shared zero-based scale
    VALUES = "values"  # nothing to compare on a scale (one value, or ranks): values as cards


@dataclass(frozen=True, slots=True)
class Bar:
    """One figure record as drawn: ``value`` is in the chart's unit, ``value_text`` in the record's own words."""

    record_id: str
    label: str
    value: float
    qualifier: str | None
    value_text: str
    citation: str
    measure: str
    paragraphs: tuple[int, ...]
    is_target: bool = False


@dataclass(frozen=True, slots=True)
class Total:
    """The sum of a chart's figures where they add up: ``text`` says what was summed and what was left out."""

    value: float
    value_text: str  # "approximately 35,900 people"
    text: str  # "Sum of 11 of the figures shown (targets left out: JENESYS2021): approximately …"
    paragraphs: tuple[int, ...]
    counted: tuple[str, ...]  # record ids summed
    left_out: tuple[str, ...]  # targets shown but not summed
    approximate: bool = False

    @property
    def citation(self) -> str:
        return citation_text(self.paragraphs)


@dataclass(frozen=True, slots=True)
class Chart:
    """Figures of one series in one unit; charts of one series are drawn as panels under one title."""

    key: str
    series: str
    title: str
    unit: str
    bars: tuple[Bar, ...]
    style: ChartStyle
    section: str
    scale_max: float | None = None  # a natural full scale (100 per cent); None: from the values
    total: Total | None = None  # where the figures add up

    @property
    def unit_text(self) -> str:
        return (
            translate("Figures", "Unit: {unit}").format(unit=self.unit)
            if self.unit
            else translate("Figures", "No unit")
        )


_SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_PER_CENT_UNITS = {"per cent", "percent", "%"}
_ORDINAL_UNITS = {"rank", "position"}
_STOP_WORDS = {"under", "in", "to", "of", "by", "for", "with", "and", "the", "from"}


def unit_scale(unit: str) -> tuple[str, float]:
    """``"USD million"`` -> ``("USD", 1e6)``: amounts in one currency on different scales share an axis."""
    words = unit.split()
    if len(words) >= 2 and words[-1].lower() in _SCALE_WORDS:
        return " ".join(words[:-1]), _SCALE_WORDS[words[-1].lower()]
    return unit, 1.0


def citation_text(paragraphs: Sequence[int]) -> str:
    """``¶ 35``, or ``¶ 24, 25`` for several paragraphs."""
    return "¶ " + ", ".join(str(number) for number in sorted(paragraphs)) if paragraphs else ""


# --- charts from the dataset ---------------------------------------------------------------------------------


def charts_from(dataset: Dataset) -> list[Chart]:
    """The dataset's figures as charts, in the order the source first gives them."""
    groups: dict[tuple[str, str], list[Record]] = {}
    for record in dataset.of_kind(Kind.FIGURE):
        if record.value is None or not math.isfinite(record.value):
            continue  # the schema requires a number; without a finite one there is nothing to draw
        base, _ = unit_scale(record.unit or "")
        groups.setdefault((record.series or record.id, base), []).append(record)
    in_series: dict[str, list[Record]] = {}
    for (series, _), records in groups.items():
        in_series.setdefault(series, []).extend(records)
    position = {record_id: index for index, record_id in enumerate(dataset.records)}
    titles = {series.id: series.title for series in dataset.series}  # from dataset.yaml

    def first(records: list[Record]) -> tuple[int, int]:
        return min((n for r in records for n in r.paragraphs), default=0), position[records[0].id]

    # A series' charts stay together (they share a card), series in the order the source gives them.
    ordered = sorted(groups.items(), key=lambda item: (first(in_series[item[0][0]]), first(item[1])))
    return [
        _chart(
            dataset,
            series,
            base,
            records,
            title=titles.get(series) or _fallback_title(series, in_series[series]),
            by_subject=len({record.subject for record in in_series[series]}) > 1,
        )
        for (series, base), records in ordered
    ]


def _chart(
    dataset: Dataset, series: str, base: str, records: list[Record], *, title: str, by_subject: bool
) -> Chart:
    if all(record.when.known for record in records):
        records = sorted(records, key=lambda record: record.when.sort_key())
    units = [record.unit or "" for record in records]
    unit = max(dict.fromkeys(units), key=units.count)  # the most common; the first on a tie
    _, chart_factor = unit_scale(unit)
    labels = _labels(dataset, records, by_subject=by_subject)
    bars = tuple(
        Bar(
            record_id=record.id,
            label=label,
            value=(record.value or 0.0) * unit_scale(record.unit or "")[1] / chart_factor,
            qualifier=record.qualifier,
            value_text=value_text(record),
            citation=citation_text(record.paragraphs),
            measure=record.measure or record.title,
            paragraphs=tuple(sorted(record.paragraphs)),
            is_target=(record.qualifier or "").startswith("target"),
        )
        for record, label in zip(records, labels, strict=True)
    )
    ordinal = base.lower() in _ORDINAL_UNITS
    per_cent = base.lower() in _PER_CENT_UNITS
    style = ChartStyle.VALUES if ordinal or (len(bars) == 1 and not per_cent) else ChartStyle.BARS
    summable = not (ordinal or per_cent)
    return Chart(
        key=f"{series}|{base}",
        series=series,
        title=title,
        unit=unit,
        bars=bars,
        style=style,
        section=records[0].section,
        scale_max=100.0 if per_cent else None,
        total=chart_total(dataset, records, bars, unit) if summable else None,
    )


# --- totals --------------------------------------------------------------------------------------------------


def chart_total(dataset: Dataset, records: Sequence[Record], bars: Sequence[Bar], unit: str) -> Total | None:
    """The sum of the figures, when they add up; None when a sum would count something twice or mix things.

    They add up when all measure the same kind of thing (the records' ``type``) in one unit, and no two
    overlap: the same subject counted twice for the same measure or over a shared period (a running "to date"
    count next to its parts), or a programme's figure next to one of its own parts' (a multi-year total and
    its yearly editions). Targets are outcomes not yet reached: they are left out of the sum, and the label
    names them. "approximately" in any summed figure makes the total approximate; "more than" makes it a floor, and
    a preliminary or running ("to date") part makes it preliminary or running too.
    """
    pairs = list(zip(records, bars, strict=True))
    counted = [(record, bar) for record, bar in pairs if not bar.is_target]
    if len(counted) < 2 or len({record.type for record, _ in pairs}) != 1:
        return None
    if _any_overlap(dataset, [record for record, _ in counted]):
        return None
    value = math.fsum(bar.value for _, bar in counted)
    qualifiers = {record.qualifier for record, _ in counted}
    approximate = "approximately" in qualifiers
    number = _total_number(value, [bar.value for _, bar in counted])
    amount = f"{number} {unit}" if unit else number
    if approximate:
        amount = translate("Figures", "approximately {value}").format(value=amount)
    elif "more-than" in qualifiers:  # at least one part is a floor: so is the sum
        amount = translate("Figures", "more than {value}").format(value=amount)
    if "preliminary" in qualifiers:  # a part may still change: so may the sum
        amount = translate("Figures", "{value} (preliminary)").format(value=amount)
    if "to-date" in qualifiers:  # a part is still counting: so is the sum
        amount = translate("Figures", "{value} (to date)").format(value=amount)
    left_out = [bar for _, bar in pairs if bar.is_target]
    count = len(counted)
    if left_out:
        text = translate(
            "Figures", "Sum of %n of the figures shown (targets left out: {targets}): {total}", None, count
        ).format(targets=", ".join(bar.label for bar in left_out), total=amount)
    else:
        text = translate("Figures", "Sum of the %n figures shown: {total}", None, count).format(total=amount)
    return Total(
        value=value,
        value_text=amount,
        text=text,
        paragraphs=tuple(sorted({n for _, bar in counted for n in bar.paragraphs})),
        counted=tuple(bar.record_id for _, bar in counted),
        left_out=tuple(bar.record_id for bar in left_out),
        approximate=approximate,
    )


def _overlap(dataset: Dataset, first: Record, second: Record) -> bool:
    """Whether summing the two would count some of the same people, projects or money twice."""
    if first.subject is None or second.subject is None:
        return first.subject == second.subject and _periods_meet(first, second)
    if first.subject == second.subject:
        # Two measures of one subject (invited to Japan, invited from Japan) add up, and so does one measure
        # over separate years; one measure twice over a shared period does not, nor does a running count.
        if "to-date" in {first.qualifier, second.qualifier}:
            return True
        return first.measure == second.measure and _periods_meet(first, second)
    return _within(dataset, first.subject, second.subject) or _within(dataset, second.subject, first.subject)


def _any_overlap(dataset: Dataset, records: Sequence[Record]) -> bool:
    """Whether any two of ``records`` :func:`_overlap`, without comparing every pair (a series of a large
    dataset has tens of thousands of figures): records are grouped by what could make two of them overlap."""
    by_subject: dict[str | None, list[Record]] = {}
    for record in records:
        by_subject.setdefault(record.subject, []).append(record)
    for subject, group in by_subject.items():
        if len(group) < 2:
            continue
        if subject is None:
            if _periods_overlap(group):
                return True
            continue
        if any(record.qualifier == "to-date" for record in group):
            return True
        by_measure: dict[str | None, list[Record]] = {}
        for record in group:
            by_measure.setdefault(record.measure, []).append(record)
        if any(len(same) > 1 and _periods_overlap(same) for same in by_measure.values()):
            return True
    subjects = {subject for subject in by_subject if subject is not None}
    for subject in subjects:
        # The subject's wholes, as _within walks them: another subject among them counts some of it twice.
        seen = {subject}
        whole = dataset.get(subject)
        current = (whole.parent or whole.held_under) if whole is not None else None
        while current is not None and current not in seen:
            if current in subjects:
                return True
            seen.add(current)
            whole = dataset.get(current)
            current = (whole.parent or whole.held_under) if whole is not None else None
    return False


def _periods_overlap(records: Sequence[Record]) -> bool:
    """Whether :func:`_periods_meet` holds for any two of ``records`` (at least two)."""
    spans = []
    for record in records:
        start = record.when.start or record.when.end
        end = record.when.end or record.when.start
        if start is None or end is None:
            return True  # an unknown period meets every other
        spans.append((start.year, math.inf if record.when.ongoing else end.year))
    if any(first > last for first, last in spans):  # a period ending before it starts: every pair, as written
        return any(
            _spans_meet(spans[i], spans[j]) for i in range(len(spans)) for j in range(i + 1, len(spans))
        )
    spans.sort()
    reach = spans[0][1]
    for first, last in spans[1:]:
        if first <= reach:
            return True
        reach = max(reach, last)
    return False


def _spans_meet(one: tuple[int, float], other: tuple[int, float]) -> bool:
    return one[0] <= other[1] and other[0] <= one[1]


def _within(dataset: Dataset, part: str, whole: str) -> bool:
    """Whether ``part`` is ``whole`` or one of its parts (through the parent and held-under links)."""
    seen: set[str] = set()
    current: str | None = part
    while current is not None and current not in seen:
        if current == whole:
            return True
        seen.add(current)
        record = dataset.get(current)
        current = (record.parent or record.held_under) if record is not None else None
    return False


def _periods_meet(first: Record, second: Record) -> bool:
    """Whether the two periods share a year; unknown periods are taken to meet (nothing tells them apart)."""
    spans = []
    for record in (first, second):
        start = record.when.start or record.when.end
        end = record.when.end or record.when.start
        if start is None or end is None:
            return True
        spans.append((start.year, math.inf if record.when.ongoing else end.year))
    (first_start, first_end), (second_start, second_end) = spans
    return first_start <= second_end and second_start <= first_end


def _total_number(value: float, values: Sequence[float]) -> str:
    """A sum with no more decimals than its parts need (at most two): ``35,900``, ``16.78``."""
    decimals = 0
    for part in values:
        decimals = max(decimals, next((d for d in range(3) if abs(round(part, d) - part) < 1e-9), 2))
    return f"{value:,.{decimals}f}"


def _fallback_title(series: str, records: list[Record]) -> str:
    if len(records) == 1:
        return records[0].title
    measures = {record.measure for record in records}
    if len(measures) == 1 and records[0].measure:
        return records[0].measure
    return series.replace("-", " ").capitalize()


def _labels(dataset: Dataset, records: list[Record], *, by_subject: bool) -> list[str]:
    """Name bars by their subject (a programme, a work plan) when the series has several, else by measure."""
    if by_subject:
        labels = []
        for record in records:
            label = _short_name(dataset, record)
            shared = [other for other in records if other.subject == record.subject]
            if len(shared) > 1:
                note = _distinct_part(record.measure or "", [other.measure or "" for other in shared])
                if note:
                    label = f"{label}: {note}"
            labels.append(label)
    else:
        labels = [record.measure or record.title for record in records]
    # Whatever still reads the same is told apart by the records' own titles.
    return [
        record.title if labels.count(label) > 1 else label
        for record, label in zip(records, labels, strict=True)
    ]


def _short_name(dataset: Dataset, record: Record) -> str:
    subject = dataset.get(record.subject) if record.subject else None
    when = record.when.human() if record.when.known else ""
    if subject is None:
        return when or record.measure or record.title
    name = subject.acronym or subject.title
    return f"{name}, {when}" if when and when not in name else name


def _distinct_part(measure: str, measures: list[str]) -> str:
    """What sets one measure apart from the others: the words they share at either end removed."""
    split = [other.split() for other in measures]
    words = measure.split()
    head = 0
    while head < len(words) and all(len(other) > head and other[head] == words[head] for other in split):
        head += 1
    tail = 0
    while tail < len(words) - head and all(
        len(other) > tail and other[-1 - tail] == words[-1 - tail] for other in split
    ):
        tail += 1
    kept = words[head : len(words) - tail]
    while kept and kept[-1].lower() in _STOP_WORDS:
        kept.pop()
    while kept and kept[0].lower() in _STOP_WORDS:
        kept.pop(0)
    return " ".join(kept)


# --- text fitting ----------------------------------------------------------------------------------------------

ELLIPSIS = "…"


def elide(text: str, width: float, text_width: TextWidth) -> str:
    """``text`` cut with an ellipsis to fit ``width`` (empty if not even the ellipsis fits)."""
    if text_width(text) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        middle = (low + high + 1) // 2
        if text_width(text[:middle].rstrip() + ELLIPSIS) <= width:
            low = middle
        else:
            high = middle - 1
    if low == 0:
        return ELLIPSIS if text_width(ELLIPSIS) <= width else ""
    return text[:low].rstrip() + ELLIPSIS


def wrap(text: str, width: float, text_width: TextWidth, max_lines: int) -> list[str]:
    """Greedy word wrap into at most ``max_lines`` lines, each within ``width``; the last elided if need be."""
    words = text.split()
    lines: list[str] = []
    index = 0
    while index < len(words) and len(lines) < max_lines:
        if len(lines) == max_lines - 1:
            lines.append(elide(" ".join(words[index:]), width, text_width))
            return lines
        line = words[index]
        index += 1
        while index < len(words) and text_width(f"{line} {words[index]}") <= width:
            line = f"{line} {words[index]}"
            index += 1
        lines.append(elide(line, width, text_width))
    return lines


# --- layout ------------------------------------------------------------------------------------------------------

MARGIN = 12.0  # around the view
GUTTER = 16.0  # between cards
PAD = 14.0  # inside a card's frame
GAP = 8.0  # between a label, its bar and its value
ROW_GAP = 8.0  # between rows with the label beside the bar
STACKED_ROW_GAP = 14.0  # between rows with the label above the bar: more air tells one row from the next
PANEL_GAP = 16.0  # between the panels of one card (one per unit)
MIN_COLUMN = 540.0  # cards narrower than this would squeeze their bars: fewer columns instead
MAX_COLUMNS = 4
MIN_BAR = 110.0  # shorter plots cannot tell values apart: the value text moves below the bar
MIN_LABEL = 110.0
LABEL_SHARE = 0.36
MAX_LABEL_LINES = 3
MAX_TITLE_LINES = 3
MAX_VALUE_LINES = 3


@dataclass(frozen=True, slots=True)
class TextLine:
    """One line of text and the box it fills (``y`` is its top)."""

    text: str
    box: Box
    bold: bool = False


@dataclass(frozen=True, slots=True)
class Tick:
    """A grid line; labelled unless labels every step would crowd each other."""

    value: float
    x: float
    label: TextLine | None


@dataclass(frozen=True, slots=True)
class BarLayout:
    """One bar's row: ``row`` is what a click hits and what is highlighted."""

    bar: Bar
    chart: int
    row: Box
    label: tuple[TextLine, ...]
    bar_box: Box | None
    value: tuple[TextLine, ...]
    citation: TextLine

    def texts(self) -> Iterator[TextLine]:
        yield from self.label
        yield from self.value
        yield self.citation


@dataclass(frozen=True, slots=True)
class ChartLayout:
    """One chart, drawn as a panel of its card: its unit, its rows and (for bars) its scale."""

    chart: Chart
    index: int
    box: Box
    unit: TextLine
    plot: Box | None  # the bars' area: where the scale starts
    ticks: tuple[Tick, ...]
    rows: tuple[BarLayout, ...]
    grid: tuple[
        Box, ...
    ] = ()  # where grid lines run: the whole plot, or only beside each bar when labels sit above
    total: tuple[TextLine, ...] = ()  # the sum, then its citation; empty: the figures do not add up

    def texts(self) -> Iterator[TextLine]:
        yield self.unit
        for tick in self.ticks:
            if tick.label is not None:
                yield tick.label
        for row in self.rows:
            yield from row.texts()
        yield from self.total


@dataclass(frozen=True, slots=True)
class CardLayout:
    """A series' charts under its title, in one frame."""

    frame: Box
    title: tuple[TextLine, ...]
    panels: tuple[ChartLayout, ...]

    @property
    def section(self) -> str:
        return self.panels[0].chart.section

    def texts(self) -> Iterator[TextLine]:
        yield from self.title
        for panel in self.panels:
            yield from panel.texts()


@dataclass(frozen=True, slots=True)
class FiguresLayout:
    width: float
    height: float
    cards: tuple[CardLayout, ...]
    charts: tuple[ChartLayout, ...]  # every panel, in the charts' order
    rows: tuple[BarLayout, ...]  # every bar, chart by chart: the keyboard's order

    def find(self, record_id: str | None) -> BarLayout | None:
        return next((row for row in self.rows if row.bar.record_id == record_id), None)

    def hit(self, x: float, y: float) -> BarLayout | None:
        return next((row for row in self.rows if row.row.contains(x, y)), None)

    def neighbour(self, record_id: str | None, step: int) -> BarLayout | None:
        """The next (step > 0) or previous bar; the first or last when none is current; None past the ends."""
        if not self.rows:
            return None
        ids = [row.bar.record_id for row in self.rows]
        if record_id not in ids:
            return self.rows[0] if step > 0 else self.rows[-1]
        index = ids.index(record_id) + step
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def texts(self) -> Iterator[TextLine]:
        for card in self.cards:
            yield from card.texts()


@dataclass(frozen=True, slots=True)
class _Metrics:
    text: TextWidth
    bold: TextWidth
    line: float


def layout_figures(
    charts: Sequence[Chart],
    width: float,
    text_width: TextWidth,
    line_height: float,
    bold_width: TextWidth | None = None,
) -> FiguresLayout:
    """Place the charts, a card per series, in as many columns as fit (each card in the shortest column).

    Titles and card values are measured with ``bold_width`` (the bold font), everything else with
    ``text_width``. Nothing is placed outside ``0..width`` and no two texts or rows overlap.
    """
    metrics = _Metrics(text_width, bold_width or text_width, line_height)
    groups: list[list[int]] = []
    for index, chart in enumerate(charts):
        if groups and charts[groups[-1][0]].series == chart.series:
            groups[-1].append(index)
        else:
            groups.append([index])
    usable = max(width - 2 * MARGIN, 1.0)
    columns = max(1, min(MAX_COLUMNS, len(groups), int((usable + GUTTER) // (MIN_COLUMN + GUTTER))))
    column_width = (usable - (columns - 1) * GUTTER) / columns
    bottoms = [MARGIN] * columns
    cards: list[CardLayout] = []
    for group in groups:
        column = bottoms.index(min(bottoms))
        x = MARGIN + column * (column_width + GUTTER)
        card = _layout_card(
            [(index, charts[index]) for index in group], x, bottoms[column], column_width, metrics
        )
        cards.append(card)
        bottoms[column] = card.frame.bottom + GUTTER
    height = max(bottoms) - GUTTER + MARGIN if cards else 2 * MARGIN
    panels = tuple(panel for card in cards for panel in card.panels)
    return FiguresLayout(
        width, height, tuple(cards), panels, tuple(row for panel in panels for row in panel.rows)
    )


def _lines(
    texts: Sequence[str], x: float, y: float, line_height: float, measure: TextWidth, bold: bool = False
) -> tuple[TextLine, ...]:
    return tuple(
        TextLine(text, Box(x, y + n * line_height, measure(text), line_height), bold)
        for n, text in enumerate(texts)
    )


def _layout_card(
    charts: list[tuple[int, Chart]], x: float, y: float, width: float, metrics: _Metrics
) -> CardLayout:
    inner_x = x + PAD
    inner = max(width - 2 * PAD, 1.0)
    title_text = charts[0][1].title
    title = _lines(
        wrap(title_text, inner, metrics.bold, MAX_TITLE_LINES),
        inner_x,
        y + PAD,
        metrics.line,
        metrics.bold,
        True,
    )
    top = y + PAD + len(title) * metrics.line
    panels: list[ChartLayout] = []
    for position, (index, chart) in enumerate(charts):
        if position:
            top += PANEL_GAP
        panel = _layout_panel(index, chart, inner_x, top, inner, metrics)
        panels.append(panel)
        top = panel.box.bottom
    return CardLayout(Box(x, y, width, top - y + PAD), title, tuple(panels))


def _layout_panel(
    index: int, chart: Chart, x: float, top: float, width: float, metrics: _Metrics
) -> ChartLayout:
    unit = _lines([elide(chart.unit_text, width, metrics.text)], x, top, metrics.line, metrics.text)[0]
    rows_top = unit.box.bottom + STACKED_ROW_GAP / 2 + 2
    if chart.style is ChartStyle.BARS:
        rows, plot, ticks, grid = _bar_rows(index, chart, x, rows_top, width, metrics)
    else:
        rows = _value_rows(index, chart, x, rows_top, width, metrics)
        plot, ticks, grid = None, [], []
    bottom = max(
        [
            rows_top,
            *(row.row.bottom for row in rows),
            *(tick.label.box.bottom for tick in ticks if tick.label),
        ]
    )
    total: tuple[TextLine, ...] = ()
    if chart.total is not None:
        total = _total_lines(chart.total, x, bottom + GAP, width, metrics)
        bottom = max(line.box.bottom for line in total)
    return ChartLayout(
        chart,
        index,
        Box(x, top, width, bottom - top),
        unit,
        plot,
        tuple(ticks),
        tuple(rows),
        tuple(grid),
        total,
    )


def _total_lines(total: Total, x: float, y: float, width: float, metrics: _Metrics) -> tuple[TextLine, ...]:
    """The sum's label wrapped under the bars, its citation after the last line or below it."""
    lines = _lines(wrap(total.text, width, metrics.text, MAX_TITLE_LINES), x, y, metrics.line, metrics.text)
    if not total.citation:
        return lines
    shown = elide(total.citation, width, metrics.text)
    shown_width = metrics.text(shown)
    last = lines[-1].box if lines else Box(x, y - metrics.line, 0.0, metrics.line)
    if last.right + GAP + shown_width <= x + width:
        return (*lines, TextLine(shown, Box(last.right + GAP, last.y, shown_width, metrics.line)))
    return (*lines, TextLine(shown, Box(x, last.bottom, shown_width, metrics.line)))


def _tail(
    bar: Bar, x: float, y: float, room: float, metrics: _Metrics, *, bold: bool = False
) -> tuple[tuple[TextLine, ...], TextLine]:
    """The value text then the citation from ``x``: one line when they fit in ``room``, else wrapped."""
    value_measure = metrics.bold if bold else metrics.text
    line = metrics.line
    value_width = value_measure(bar.value_text)
    citation_width = metrics.text(bar.citation)
    if value_width + GAP + citation_width <= room + 1e-6:  # sums of widths carry rounding errors
        value = _lines([bar.value_text], x, y, line, value_measure, bold)
        return value, TextLine(bar.citation, Box(x + value_width + GAP, y, citation_width, line))
    value = _lines(
        wrap(bar.value_text, room, value_measure, MAX_VALUE_LINES), x, y, line, value_measure, bold
    )
    last = value[-1].box if value else Box(x, y - line, 0.0, line)
    shown = elide(bar.citation, room, metrics.text)
    width = metrics.text(shown)
    if last.right + GAP + width <= x + room:
        return value, TextLine(shown, Box(last.right + GAP, last.y, width, line))
    return value, TextLine(shown, Box(x, last.bottom, width, line))


def _bar_rows(
    index: int, chart: Chart, x: float, top: float, width: float, metrics: _Metrics
) -> tuple[list[BarLayout], Box, list[Tick], list[Box]]:
    """Label beside the bar when the plot keeps room to compare; else above it, the value after or below."""
    measure, line = metrics.text, metrics.line
    tails = [measure(bar.value_text) + GAP + measure(bar.citation) for bar in chart.bars]
    tail = max(tails)
    longest = max(measure(bar.label) for bar in chart.bars)
    label_width = min(longest, max(LABEL_SHARE * width, MIN_LABEL))
    side = width - label_width - 2 * GAP - tail >= MIN_BAR
    if side:
        plot_x = x + label_width + GAP
        room = width - label_width - GAP  # for the bar, the gap after it and its value
    else:
        label_width = width
        plot_x = x
        room = width
    inline = side or room - GAP - tail >= MIN_BAR
    plot_width = _plot_width(chart, room, tails) if inline else width
    gap = ROW_GAP if side else STACKED_ROW_GAP
    scale, _ = chart_scale(chart)
    thickness = max(round(line * 0.9), 8.0)
    rows: list[BarLayout] = []
    y = top
    for bar in chart.bars:
        label_lines = wrap(bar.label, label_width, measure, MAX_LABEL_LINES)
        length = min(max(bar.value, 0.0) / scale * plot_width, plot_width)
        if side:
            content = max(len(label_lines), 1) * line
            label = _lines(label_lines, x, y, line, measure)
            bar_y = y + (content - thickness) / 2
            value, citation = _tail(
                bar, plot_x + length + GAP, y + (content - line) / 2, room - length - GAP, metrics
            )
            content = max(content, citation.box.bottom - y, *(text.box.bottom - y for text in value))
        else:
            label = _lines(label_lines, x, y, line, measure)
            bar_top = y + len(label_lines) * line + 2
            bar_y = bar_top + (line - thickness) / 2
            if inline:  # the value follows the bar on its line
                value, citation = _tail(bar, plot_x + length + GAP, bar_top, room - length - GAP, metrics)
            else:
                value, citation = _tail(bar, x, bar_top + line + 2, width, metrics)
            content = max(citation.box.bottom, *(text.box.bottom for text in value)) - y
        bar_box = Box(plot_x, bar_y, length, thickness)
        row = Box(x - PAD / 2, y - gap / 2, width + PAD, content + gap)
        rows.append(BarLayout(bar, index, row, label, bar_box, value, citation))
        y += content + gap
    plot = Box(plot_x, top - gap / 2, plot_width, y - top)
    ticks = _ticks(chart, plot_x, plot_width, y - gap / 2 + 2, metrics)
    if side:
        grid = [plot]
    else:
        grid = [
            Box(plot_x, row.bar_box.y - 3, plot_width, row.bar_box.height + 6) for row in rows if row.bar_box
        ]
    return rows, plot, ticks, grid


def _plot_width(chart: Chart, room: float, tails: list[float]) -> float:
    """The widest plot that leaves every bar room for its value after it.

    Reserving the longest value's width after the longest bar is always safe; but a long value on a short bar
    needs less, so the plot may stretch until the tightest bar meets the edge.
    """
    safe = room - GAP - max(tails)
    scale, _ = chart_scale(chart)
    wider = min(
        [
            room,
            *(
                (room - GAP - tail) * scale / bar.value
                for bar, tail in zip(chart.bars, tails, strict=True)
                if bar.value > 0
            ),
        ]
    )
    return max(safe, wider)


def _value_rows(
    index: int, chart: Chart, x: float, top: float, width: float, metrics: _Metrics
) -> list[BarLayout]:
    """Cards: the label, then the value in bold and the citation, beside it when there is room."""
    measure, line = metrics.text, metrics.line
    tail = max(metrics.bold(bar.value_text) + GAP + measure(bar.citation) for bar in chart.bars)
    longest = max(measure(bar.label) for bar in chart.bars)
    room = width - GAP - tail
    side = room >= min(longest, max(MIN_LABEL, 0.4 * width))
    label_width = min(longest, room) if side else width
    gap = ROW_GAP if side else STACKED_ROW_GAP
    rows: list[BarLayout] = []
    y = top
    for bar in chart.bars:
        label = _lines(wrap(bar.label, label_width, measure, MAX_LABEL_LINES), x, y, line, measure)
        if side:
            value, citation = _tail(bar, x + width - tail, y, tail, metrics, bold=True)
        else:
            value, citation = _tail(
                bar, x, label[-1].box.bottom + 2 if label else y, width, metrics, bold=True
            )
        content = max(y, citation.box.bottom, *(text.box.bottom for text in (*label, *value))) - y
        row = Box(x - PAD / 2, y - gap / 2, width + PAD, content + gap)
        rows.append(BarLayout(bar, index, row, label, None, value, citation))
        y += content + gap
    return rows


def chart_scale(chart: Chart) -> tuple[float, float]:
    """The value at a bar's full length and the grid step: a round step, the scale as tight as it allows."""
    largest = max((max(bar.value, 0.0) for bar in chart.bars), default=0.0)
    if chart.scale_max is not None and largest <= chart.scale_max:
        return chart.scale_max, _nice_step(chart.scale_max / 4)  # a natural full scale: 0 to 100 per cent
    if largest <= 0:
        return 1.0, 1.0
    candidates = []
    for intervals in range(4, 9):
        step = _nice_step(largest / intervals)
        candidates.append((step * math.ceil(largest / step - 1e-9), -step))
    scale, step = min(candidates)
    return scale, -step


def _ticks(chart: Chart, x: float, width: float, y: float, metrics: _Metrics) -> list[Tick]:
    """A grid line at every step, labelled at every step, or every other, or fewer, so labels stay apart."""
    scale, step = chart_scale(chart)
    count = math.floor(scale / step + 1e-9)
    values = [n * step for n in range(count + 1)]
    for stride in range(1, count + 1):
        labels: dict[int, TextLine] = {}
        last_right = -math.inf
        for n in range(0, count + 1, stride):
            text = _number(values[n], step)
            text_w = metrics.text(text)
            tick_x = x + values[n] / scale * width
            left = min(max(tick_x - text_w / 2, x), x + width - text_w)
            if left < last_right + 2 * GAP or left < x - 0.01:
                break
            labels[n] = TextLine(text, Box(left, y, text_w, metrics.line))
            last_right = left + text_w
        else:
            return [Tick(value, x + value / scale * width, labels.get(n)) for n, value in enumerate(values)]
    return [Tick(value, x + value / scale * width, None) for value in values]


def _nice_step(raw: float) -> float:
    """The smallest of 1, 2, 2.5 and 5 times a power of ten that is at least ``raw``."""
    power = 10.0 ** math.floor(math.log10(raw))
    for multiple in (1.0, 2.0, 2.5, 5.0, 10.0):
        if multiple * power >= raw * (1 - 1e-9):
            return multiple * power
    return 10.0 * power


def _number(value: float, step: float) -> str:
    """A grid value with as many decimals as the step needs: ``2.5``, ``0.25``, ``2,000``."""
    decimals = next((d for d in range(7) if abs(round(step, d) - step) < 1e-9 * max(step, 1.0)), 6)
    return f"{value:,.{decimals}f}"
