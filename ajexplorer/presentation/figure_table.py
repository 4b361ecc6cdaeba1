"""The figures as rows of words: what the "Show as table" view lists and what a screen reader reads per card.

A chart's bars say their value by length; here every value is written out with its unit, its qualifier in
words ("approximately", "target", "preliminary") and the paragraphs it comes from, in the order the cards show
them, so the figures can be read without seeing the bars.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ajexplorer.domain.i18n import QT_TRANSLATE_NOOP, translate
from ajexplorer.domain.model import Dataset
from ajexplorer.presentation.charts import Bar, Chart, Total, charts_from

#: Column headings, in the order the rows give their cells.
COLUMNS = (
    QT_TRANSLATE_NOOP("Columns", "Chart"),
    QT_TRANSLATE_NOOP("Columns", "Figure"),
    QT_TRANSLATE_NOOP("Columns", "Value"),
    QT_TRANSLATE_NOOP("Columns", "Qualifier"),
    QT_TRANSLATE_NOOP("Columns", "Unit"),
    QT_TRANSLATE_NOOP("Columns", "Source"),
)

_QUALIFIERS = {
    "approximately": QT_TRANSLATE_NOOP("Figures", "approximately"),
    "more-than": QT_TRANSLATE_NOOP("Figures", "more than"),
    "target": QT_TRANSLATE_NOOP("Figures", "target"),
    "target-more-than": QT_TRANSLATE_NOOP("Figures", "target, more than"),
    "preliminary": QT_TRANSLATE_NOOP("Figures", "preliminary"),
    "to-date": QT_TRANSLATE_NOOP("Figures", "to date"),
    "reported": QT_TRANSLATE_NOOP("Figures", "reported"),
}


def qualifier_words(qualifier: str | None) -> str:
    """``"target-more-than"`` -> ``"target, more than"``; an exact figure has none."""
    if not qualifier:
        return ""
    return (
        translate("Figures", _QUALIFIERS[qualifier])
        if qualifier in _QUALIFIERS
        else qualifier.replace("-", " ")
    )


@dataclass(frozen=True, slots=True)
class FigureRow:
    """One figure in words; ``value`` is the record's own wording (``approximately 13,500 people``).

    A chart's total is a row of its own after its figures, with no record (``record_id`` empty).
    """

    record_id: str
    chart: str
    label: str
    value: str
    qualifier: str
    unit: str
    source: str

    @property
    def cells(self) -> tuple[str, str, str, str, str, str]:
        return (self.chart, self.label, self.value, self.qualifier, self.unit, self.source)


def figure_rows(charts: Sequence[Chart]) -> list[FigureRow]:
    """Every bar of every chart, in the order the Figures panel shows them, each chart's total after its bars."""
    rows: list[FigureRow] = []
    for chart in charts:
        rows += [_row(chart, bar) for bar in chart.bars]
        if chart.total is not None:
            rows.append(_total_row(chart, chart.total))
    return rows


def _total_row(chart: Chart, total: Total) -> FigureRow:
    counted = len(total.counted)
    return FigureRow(
        record_id="",
        chart=chart.title,
        label=translate("Figures", "Sum of %n figure(s)", None, counted),
        value=total.value_text,
        qualifier=qualifier_words("approximately" if total.approximate else None),
        unit=chart.unit,
        source=_source(total.paragraphs),
    )


def _row(chart: Chart, bar: Bar) -> FigureRow:
    return FigureRow(
        record_id=bar.record_id,
        chart=chart.title,
        label=bar.label,
        value=bar.value_text,
        qualifier=qualifier_words(bar.qualifier),
        unit=chart.unit,
        source=_source(bar.paragraphs),
    )


def _source(paragraphs: Sequence[int]) -> str:
    if not paragraphs:
        return translate("Figures", "no paragraph given")
    numbers = ", ".join(str(number) for number in sorted(paragraphs))
    count = len(paragraphs)
    return translate("Figures", "paragraph(s) {numbers}", None, count).format(numbers=numbers)


def card_text(charts: Sequence[Chart]) -> str:
    """A card (a series' charts) read in order: its title, then each value with qualifier, unit and source."""
    if not charts:
        return ""
    parts = [charts[0].title + "."]
    for chart in charts:
        for bar in chart.bars:
            qualifier = qualifier_words(bar.qualifier)
            note = f" ({qualifier})" if qualifier and qualifier not in bar.value_text else ""
            parts.append(f"{bar.label}: {bar.value_text}{note}, {_source(bar.paragraphs)}.")
        if chart.total is not None:
            parts.append(f"{chart.total.text}, {_source(chart.total.paragraphs)}.")
    return " ".join(parts)


@dataclass(frozen=True)
class FiguresContent:
    """What the Figures panel shows of a dataset, computed off the GUI thread (seconds at 100,000 records)."""

    dataset: Dataset
    charts: tuple[Chart, ...]
    rows: tuple[FigureRow, ...]
    section_ids: tuple[str, ...]


def figures_content(dataset: Dataset) -> FiguresContent:
    """The dataset's charts and the same figures as the table's rows."""
    charts = tuple(charts_from(dataset))
    return FiguresContent(
        dataset, charts, tuple(figure_rows(charts)), tuple(section.id for section in dataset.sections)
    )
