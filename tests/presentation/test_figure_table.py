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
    rows = figure_rows(charts)
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
