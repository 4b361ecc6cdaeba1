"""The figures in words: every value with its qualifier, unit and source, in the Figures panel's order."""

from __future__ import annotations

import pytest

from ajexplorer.domain.loading import load_dataset
from ajexplorer.domain.model import Dataset
from ajexplorer.presentation.charts import charts_from
from ajexplorer.presentation.figure_table import card_text, figure_rows, qualifier_words
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def partner() -> Dataset:
    return load_dataset(FIXTURES / "partner")


def test_every_bar_is_a_row_in_the_charts_order(partner: Dataset) -> None:
    charts = charts_from(partner)
    rows = [row for row in figure_rows(charts) if row.record_id]  # a total's row stands for no record
    assert [row.record_id for row in rows] == [bar.record_id for chart in charts for bar in chart.bars]
    for row in rows:
        record = partner.records[row.record_id]
        assert row.value == record.value_text()
        assert row.qualifier == qualifier_words(record.qualifier)
        assert row.source.startswith("paragraph")
        assert all(str(number) in row.source for number in record.paragraphs)


def test_qualifiers_are_words() -> None:
    assert qualifier_words("approximately") == "approximately"
    assert qualifier_words("target-more-than") == "target, more than"
    assert qualifier_words("preliminary") == "preliminary"
    assert qualifier_words(None) == ""


def test_a_card_reads_its_title_then_each_value_in_order(partner: Dataset) -> None:
    charts = charts_from(partner)
    series = next(chart.series for chart in charts if len(chart.bars) > 1)
    card = [chart for chart in charts if chart.series == series]
    text = card_text(card)
    assert text.startswith(card[0].title)
    positions = [text.index(f"{bar.label}: {bar.value_text}") for chart in card for bar in chart.bars]
    assert positions == sorted(positions)
    assert card_text([]) == ""


def test_a_charts_total_is_a_row_after_its_figures(partner: Dataset) -> None:
    charts = charts_from(partner)
    totalled = [chart for chart in charts if chart.total is not None]
    assert totalled, "the partner fixture has a series that adds up"
    rows = figure_rows(charts)
    assert len(rows) == sum(len(chart.bars) for chart in charts) + len(totalled)
    for chart in totalled:
        assert chart.total is not None
        last_bar = max(
            i for i, row in enumerate(rows) if row.record_id in {bar.record_id for bar in chart.bars}
        )
        total = rows[last_bar + 1]
        assert (total.record_id, total.chart) == ("", chart.title)
        assert total.label == f"Sum of {len(chart.total.counted)} figures"
        assert total.value == chart.total.value_text
        assert all(str(number) in total.source for number in chart.total.paragraphs)
        assert chart.total.text in card_text([c for c in charts if c.series == chart.series])
