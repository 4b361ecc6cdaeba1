"""Figures as charts: which numbers share a chart, what each bar says, and a layout that never overlaps."""

from __future__ import annotations

import functools
import itertools
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ajexplorer.domain.dates import PartialDate, When
from ajexplorer.domain.errors import DataError
from ajexplorer.domain.loading import load_dataset
from ajexplorer.domain.model import Dataset, Kind, Record
from ajexplorer.paths import data_dir
from ajexplorer.presentation import charts as ch
from tests.conftest import FIXTURES, with_records

LINE = 17.0


def measure(text: str) -> float:
    return 7.0 * len(text)


def bold(text: str) -> float:
    return 7.7 * len(text)


@functools.cache
def bundled_charts() -> list[ch.Chart]:
    """For property tests, which must not take the (large) dataset fixture as an argument."""
    return ch.charts_from(load_dataset(data_dir()))


def chart_of(charts: list[ch.Chart], record_id: str) -> ch.Chart:
    return next(chart for chart in charts if any(bar.record_id == record_id for bar in chart.bars))


def bar_of(charts: list[ch.Chart], record_id: str) -> ch.Bar:
    return next(bar for chart in charts for bar in chart.bars if bar.record_id == record_id)


# --- charts from the bundled data --------------------------------------------------------------------------


def test_every_figure_is_in_exactly_one_bar(dataset: Dataset) -> None:
    figures = [record.id for record in dataset.of_kind(Kind.FIGURE)]
    bars = [bar.record_id for chart in ch.charts_from(dataset) for bar in chart.bars]
    assert len(figures) > 20
    assert sorted(bars) == sorted(figures)


def test_dollars_and_yen_never_share_a_chart(dataset: Dataset) -> None:
    charts = ch.charts_from(dataset)
    currencies_seen: set[str] = set()
    for chart in charts:
        units = {dataset.records[bar.record_id].unit or "" for bar in chart.bars}
        bases = {ch.unit_scale(unit)[0] for unit in units}
        assert len(bases) == 1, (chart.title, units)
        currencies_seen |= bases & {"USD", "JPY"}
    assert currencies_seen == {"USD", "JPY"}
    usd = chart_of(charts, "fig-iai-work-plan-i-japan-value-usd")
    jpy = chart_of(charts, "fig-iai-work-plan-i-japan-value-jpy")
    assert usd is not jpy
    assert (usd.unit, jpy.unit) == ("USD million", "JPY million")


def test_dollars_on_two_scales_share_one_axis_and_keep_their_own_wording(dataset: Dataset) -> None:
    charts = ch.charts_from(dataset)
    chart = chart_of(charts, "fig-iai-work-plan-iv-japan-value-usd")
    assert chart.unit == "USD million"
    assert [bar.label for bar in chart.bars] == [
        "IAI Work Plan I",
        "IAI Work Plan II",
        "IAI Work Plan III",
        "IAI Work Plan IV (2021-2025)",
    ]
    small = bar_of(charts, "fig-iai-work-plan-iv-japan-value-usd")
    assert small.value == pytest.approx(0.31598996)
    assert small.value_text == "315,989.96 USD (to date)"


def test_bars_keep_the_qualifier_and_the_records_wording(dataset: Dataset) -> None:
    bars = [bar for chart in ch.charts_from(dataset) for bar in chart.bars]
    for bar in bars:
        record = dataset.records[bar.record_id]
        assert bar.qualifier == record.qualifier
        assert bar.value_text == record.value_text()
        assert bar.measure == record.measure
    texts = {bar.record_id: bar.value_text for bar in bars}
    assert texts["fig-jenesys-2015-participants"] == "approximately 1,800 people"
    assert texts["fig-japan-fdi-flows-to-asean-2019"] == "20.4 USD billion (preliminary)"
    assert texts["fig-sport-for-tomorrow-people-reached"] == "target: more than 10,000,000 people"


def test_targets_are_targets_and_nothing_else_is(dataset: Dataset) -> None:
    bars = [bar for chart in ch.charts_from(dataset) for bar in chart.bars]
    targets = {bar.record_id: bar for bar in bars if bar.is_target}
    assert set(targets) == {
        "fig-jenesys-2021-participants-target",
        "fig-sport-for-tomorrow-people-reached",
        "fig-sport-for-tomorrow-nations-reached",
    }
    assert targets["fig-jenesys-2021-participants-target"].value_text == "target: 900 people"
    assert targets["fig-jenesys-2021-participants-target"].label == "JENESYS2021"
    assert targets["fig-sport-for-tomorrow-nations-reached"].value_text == "target: more than 100 nations"


def test_all_jenesys_participants_share_one_chart_in_time_order(dataset: Dataset) -> None:
    charts = ch.charts_from(dataset)
    jenesys = chart_of(charts, "fig-jenesys-2015-participants")
    expected = {
        record.id for record in dataset.of_kind(Kind.FIGURE) if record.series == "jenesys-participants"
    }
    assert {bar.record_id for bar in jenesys.bars} == expected
    keys = [dataset.records[bar.record_id].when.sort_key() for bar in jenesys.bars]
    assert keys == sorted(keys)
    assert jenesys.bars[0].record_id == "fig-jenesys-2007-2012-invited-to-japan"
    assert jenesys.bars[-1].record_id == "fig-jenesys-2021-participants-target"
    assert jenesys.unit == "people" and jenesys.style is ch.ChartStyle.BARS


def test_bars_sharing_a_subject_are_told_apart_by_what_they_measure(dataset: Dataset) -> None:
    charts = ch.charts_from(dataset)
    assert (
        bar_of(charts, "fig-jenesys-2-0-invited-to-japan").label
        == "JENESYS2.0, 2013-2015: People invited to Japan"
    )
    assert (
        bar_of(charts, "fig-jenesys-2-0-japanese-invited-to-ams").label
        == "JENESYS2.0, 2013-2015: Japanese invited to ASEAN Member States"
    )
    for chart in charts:
        labels = [bar.label for bar in chart.bars]
        assert len(labels) == len(set(labels)), chart.title


def test_iai_projects_are_counted_per_work_plan(dataset: Dataset) -> None:
    chart = chart_of(ch.charts_from(dataset), "fig-iai-work-plan-ii-japan-projects")
    assert chart.unit == "projects"
    assert [(bar.label, bar.value) for bar in chart.bars] == [
        ("IAI Work Plan I", 47),
        ("IAI Work Plan II", 87),
        ("IAI Work Plan III", 11),
        ("IAI Work Plan IV (2021-2025)", 1),
    ]


def test_trade_and_investment_2019_are_split_by_unit_and_ranks_are_not_bars(dataset: Dataset) -> None:
    charts = [chart for chart in ch.charts_from(dataset) if chart.series == "trade-fdi-2019"]
    assert [(chart.unit, len(chart.bars)) for chart in charts] == [
        ("USD billion", 2),
        ("rank", 2),
        ("per cent", 1),
    ]
    styles = [chart.style for chart in charts]
    assert styles == [ch.ChartStyle.BARS, ch.ChartStyle.VALUES, ch.ChartStyle.BARS]
    assert ch.chart_scale(charts[2])[0] == 100.0  # a share is drawn against the whole


def test_citations_name_the_paragraphs(dataset: Dataset) -> None:
    charts = ch.charts_from(dataset)
    assert bar_of(charts, "fig-jenesys-2021-participants-target").citation == "¶ 24"
    assert bar_of(charts, "fig-asean-japan-trade-2019").citation == "¶ 14"
    assert ch.citation_text([25, 24]) == "¶ 24, 25"


def test_charts_come_in_a_stable_order_following_the_source(dataset: Dataset) -> None:
    first = ch.charts_from(dataset)
    assert first == ch.charts_from(dataset)
    keys = [chart.key for chart in first]
    assert keys[0] == "trade-fdi-2019|USD"
    assert keys[-1] == "iai-support-projects-joint-asean-6|projects"
    series = [chart.series for chart in first]
    # A series' charts are next to each other: they are drawn as panels of one card.
    assert [name for name, _ in itertools.groupby(series)] == list(dict.fromkeys(series))
    firsts = [min(bar.paragraphs[0] for bar in chart.bars) for chart in first]
    assert firsts == sorted(firsts)


def test_a_dataset_with_one_figure_gives_one_card_titled_by_it(mini_dataset: Dataset) -> None:
    charts = ch.charts_from(mini_dataset)
    assert len(charts) == 1
    (bar,) = charts[0].bars
    record = mini_dataset.records[bar.record_id]
    assert charts[0].title == record.title
    assert charts[0].style is ch.ChartStyle.VALUES
    assert bar.value_text == "12.5 USD billion"


# --- text fitting ----------------------------------------------------------------------------------------------


def test_wrap_keeps_lines_within_the_width_and_elides_what_does_not_fit() -> None:
    text = "Japanese invited to ASEAN Member States under the first JENESYS programme"
    lines = ch.wrap(text, 100, measure, 2)
    assert len(lines) == 2
    assert all(measure(line) <= 100 for line in lines)
    assert lines[-1].endswith(ch.ELLIPSIS)
    assert ch.wrap(text, 10_000, measure, 2) == [text]
    assert ch.wrap("Supercalifragilistic", 70, measure, 3) == [ch.elide("Supercalifragilistic", 70, measure)]
    assert measure(ch.elide("Supercalifragilistic", 70, measure)) <= 70
    assert ch.elide("abc", 3, measure) == ""


# --- layout --------------------------------------------------------------------------------------------------


def check_layout(layout: ch.FiguresLayout, charts: list[ch.Chart], width: float) -> None:
    """Everything inside the width, no two texts or rows overlapping, every bar once and in its row."""
    texts = list(layout.texts())
    for text in texts:
        assert text.box.x >= -1e-6 and text.box.right <= width + 1e-6, text
        assert text.box.width > 0 and text.text
    for a, b in itertools.combinations(texts, 2):
        assert not a.box.overlaps(b.box), (a, b)
    for card in layout.cards:
        assert card.frame.x >= 0 and card.frame.right <= width + 1e-6
        assert card.frame.bottom <= layout.height
        for panel in card.panels:
            for text in panel.texts():
                assert card.frame.x < text.box.x and text.box.right < card.frame.right
                assert card.frame.y < text.box.y and text.box.bottom < card.frame.bottom
    for one, other in itertools.combinations(layout.cards, 2):
        assert not one.frame.overlaps(other.frame)
    for first, second in itertools.combinations(layout.rows, 2):
        assert not first.row.overlaps(second.row), (first.bar.label, second.bar.label)
    for row in layout.rows:
        boxes = [text.box for text in row.texts()]
        if row.bar_box is not None:
            boxes.append(row.bar_box)
            for text in texts:
                assert not row.bar_box.overlaps(text.box), (row.bar.label, text)
        for box in boxes:
            assert row.row.x <= box.x and box.right <= row.row.right, (row.bar.label, box)
            assert row.row.y <= box.y and box.bottom <= row.row.bottom, (row.bar.label, box)
    assert [row.bar for row in layout.rows] == [bar for chart in charts for bar in chart.bars]


@pytest.mark.parametrize("width", [300, 800, 2500])
def test_the_layout_fits_and_never_overlaps(dataset: Dataset, width: int) -> None:
    charts = ch.charts_from(dataset)
    layout = ch.layout_figures(charts, width, measure, LINE, bold)
    check_layout(layout, charts, width)
    assert layout.height > 200


@settings(max_examples=30, deadline=None)
@given(width=st.floats(min_value=300, max_value=3000), char=st.floats(min_value=5.0, max_value=10.0))
def test_the_layout_holds_at_any_width_and_font(width: float, char: float) -> None:
    charts = bundled_charts()
    layout = ch.layout_figures(
        charts, width, lambda text: char * len(text), char * 2.3, lambda t: char * 1.1 * len(t)
    )
    check_layout(layout, charts, width)


def test_bar_lengths_are_to_scale_within_a_chart(dataset: Dataset) -> None:
    layout = ch.layout_figures(ch.charts_from(dataset), 800, measure, LINE, bold)
    for panel in layout.charts:
        if panel.chart.style is not ch.ChartStyle.BARS:
            assert all(row.bar_box is None for row in panel.rows)
            continue
        assert panel.plot is not None
        scale, _ = ch.chart_scale(panel.chart)
        for row in panel.rows:
            assert row.bar_box is not None
            assert row.bar_box.x == panel.plot.x
            assert row.bar_box.width == pytest.approx(row.bar.value / scale * panel.plot.width)
            assert row.bar_box.right <= panel.plot.right + 1e-6


def test_wide_views_use_columns_and_narrow_ones_stack_labels_over_bars(dataset: Dataset) -> None:
    charts = ch.charts_from(dataset)
    narrow = ch.layout_figures(charts, 300, measure, LINE, bold)
    wide = ch.layout_figures(charts, 2500, measure, LINE, bold)
    assert len({card.frame.x for card in narrow.cards}) == 1
    assert len({card.frame.x for card in wide.cards}) == ch.MAX_COLUMNS
    assert wide.height < narrow.height / 2
    row = narrow.find("fig-jenesys-2015-participants")
    assert row is not None and row.bar_box is not None
    assert row.label[-1].box.bottom <= row.bar_box.y  # the label sits above its bar
    row = wide.find("fig-jenesys-2015-participants")
    assert row is not None and row.bar_box is not None
    assert row.label[0].box.right < row.bar_box.x  # and beside it when there is room


def test_a_series_split_by_unit_is_one_card_with_a_panel_per_unit(dataset: Dataset) -> None:
    layout = ch.layout_figures(ch.charts_from(dataset), 800, measure, LINE, bold)
    card = next(card for card in layout.cards if card.panels[0].chart.series == "iai-support-value")
    assert [panel.unit.text for panel in card.panels] == ["Unit: USD million", "Unit: JPY million"]
    assert [line.text for line in card.title] == [
        "Value of the IAI projects supported by Japan, by work plan"
    ]


def test_the_layout_finds_bars_by_id_position_and_order(dataset: Dataset) -> None:
    layout = ch.layout_figures(ch.charts_from(dataset), 800, measure, LINE, bold)
    row = layout.find("fig-jenesys-2021-participants-target")
    assert row is not None and row.bar_box is not None
    middle = (row.bar_box.x + row.bar_box.width / 2, row.bar_box.y + row.bar_box.height / 2)
    assert layout.hit(*middle) is row
    assert row.citation.text == "¶ 24"
    assert layout.hit(1, 1) is None
    assert layout.neighbour(None, 1) is layout.rows[0]
    assert layout.neighbour(None, -1) is layout.rows[-1]
    assert layout.neighbour(layout.rows[0].bar.record_id, -1) is None
    assert layout.neighbour(layout.rows[0].bar.record_id, 1) is layout.rows[1]


def test_grid_labels_stay_apart_and_on_round_values(dataset: Dataset) -> None:
    charts = ch.charts_from(dataset)
    for width in (300, 800, 2500):
        layout = ch.layout_figures(charts, width, measure, LINE, bold)
        for panel in layout.charts:
            if panel.chart.style is not ch.ChartStyle.BARS:
                continue
            labelled = [tick for tick in panel.ticks if tick.label is not None]
            assert labelled and labelled[0].value == 0
            scale, step = ch.chart_scale(panel.chart)
            assert max(bar.value for bar in panel.chart.bars) <= scale
            assert all(abs(tick.value / step - round(tick.value / step)) < 1e-9 for tick in panel.ticks)
            for a, b in itertools.pairwise(labelled):
                assert a.label is not None and b.label is not None
                assert b.label.box.x - a.label.box.right >= ch.GAP


def test_an_empty_dataset_lays_out_to_nothing() -> None:
    layout = ch.layout_figures([], 500, measure, LINE)
    assert layout.rows == () and layout.cards == ()
    assert layout.neighbour(None, 1) is None


# --- chart titles come from the dataset ------------------------------------------------------------------


PARTNER = FIXTURES / "partner"


def test_charts_take_their_titles_from_the_dataset_and_title_the_rest_from_their_figures() -> None:
    partner = load_dataset(PARTNER)
    titles = {series.id: series.title for series in partner.series}
    charts = {chart.series: chart for chart in ch.charts_from(partner)}
    assert {"raes-ep-trade", "youth-exchange-participants"} <= titles.keys() <= charts.keys()
    for series, title in titles.items():
        assert charts[series].title == title
    untitled = [chart for series, chart in charts.items() if series not in titles]
    assert untitled
    for chart in untitled:
        (bar,) = chart.bars
        assert chart.title == partner.records[bar.record_id].title


def test_a_title_given_for_a_series_no_figure_has_is_reported_where_it_is(tmp_path: Path) -> None:
    folder = tmp_path / "partner"
    shutil.copytree(PARTNER, folder)
    description = folder / "dataset.yaml"
    text = description.read_text(encoding="utf-8")
    description.write_text(text + "  - id: raes-ep-trad\n    title: A misspelt series\n", encoding="utf-8")
    lines = description.read_text(encoding="utf-8").splitlines()
    with pytest.raises(DataError) as caught:
        load_dataset(folder)
    (problem,) = caught.value.problems
    assert (problem.field, problem.line) == ("series[2].id", len(lines) - 1)
    assert "no figure has the series 'raes-ep-trad'" in problem.message


# --- totals ------------------------------------------------------------------------------------------------------


def _programme(base: Dataset, record_id: str, *, parent: str | None = None) -> Record:
    return Record(
        id=record_id,
        kind=Kind.PROGRAMME,
        type="programme",
        title=record_id.replace("-", " ").title(),
        section=base.sections[0].id,
        summary="A programme.",
        paragraphs=(),
        parent=parent,
    )


def _figure(
    base: Dataset,
    record_id: str,
    value: float,
    *,
    subject: str,
    years: tuple[int, int],
    paragraph: int,
    qualifier: str | None = None,
    unit: str = "people",
    measure: str = "participants",
    kind_of_measure: str = "participants",
) -> Record:
    first, last = years
    return Record(
        id=record_id,
        kind=Kind.FIGURE,
        type=kind_of_measure,
        title=f"{measure}, {record_id}",
        section=base.sections[0].id,
        summary="A figure.",
        paragraphs=(paragraph,),
        when=When(PartialDate(first), PartialDate(last) if last != first else None),
        value=value,
        unit=unit,
        measure=measure,
        qualifier=qualifier,
        series="exchange-totals",
        subject=subject,
    )


def _exchange(base: Dataset, *figures: Record) -> ch.Chart:
    """The ``exchange-totals`` chart of the last figure's unit; three editions of a programme are their subjects."""
    programmes = [
        _programme(base, "prog-exchange"),
        *(_programme(base, f"prog-exchange-{n}", parent="prog-exchange") for n in (1, 2, 3)),
    ]
    dataset = with_records(base, *programmes, *figures)
    unit = ch.unit_scale(figures[-1].unit or "")[0]
    return next(chart for chart in ch.charts_from(dataset) if chart.key == f"exchange-totals|{unit}")


def _editions(base: Dataset, *, qualifier: str | None = "approximately") -> list[Record]:
    return [
        _figure(base, "fig-a", 1200, subject="prog-exchange-1", years=(2015, 2015), paragraph=3),
        _figure(
            base,
            "fig-b",
            850,
            subject="prog-exchange-2",
            years=(2016, 2016),
            paragraph=4,
            qualifier=qualifier,
        ),
        _figure(base, "fig-c", 430, subject="prog-exchange-3", years=(2017, 2017), paragraph=4),
    ]


def test_figures_that_add_up_show_their_sum_cited_to_their_paragraphs(mini_dataset: Dataset) -> None:
    figures = _editions(mini_dataset, qualifier=None)
    chart = _exchange(mini_dataset, *figures)
    assert chart.total is not None
    expected = sum(record.value or 0 for record in figures)
    assert chart.total.value == pytest.approx(expected)
    assert chart.total.value_text == f"{expected:,.0f} people"
    assert chart.total.text == f"Sum of the {len(figures)} figures shown: {expected:,.0f} people"
    paragraphs = sorted({n for record in figures for n in record.paragraphs})
    assert chart.total.paragraphs == tuple(paragraphs)
    assert chart.total.citation == "¶ " + ", ".join(map(str, paragraphs))
    assert not chart.total.approximate


def test_one_approximate_figure_makes_the_sum_approximate(mini_dataset: Dataset) -> None:
    chart = _exchange(mini_dataset, *_editions(mini_dataset, qualifier="approximately"))
    assert chart.total is not None and chart.total.approximate
    assert chart.total.value_text.startswith("approximately ")
    assert chart.total.text.endswith(": " + chart.total.value_text)


def test_a_target_is_left_out_of_the_sum_and_named(mini_dataset: Dataset) -> None:
    editions = _editions(mini_dataset)
    target = _figure(
        mini_dataset,
        "fig-d",
        9000,
        subject="prog-exchange-3",
        years=(2018, 2018),
        paragraph=9,
        qualifier="target",
    )
    chart = _exchange(mini_dataset, *editions, target)
    assert chart.total is not None
    assert chart.total.value == pytest.approx(sum(record.value or 0 for record in editions))
    assert chart.total.left_out == (target.id,)
    assert target.id not in chart.total.counted and 9 not in chart.total.paragraphs
    label = next(bar.label for bar in chart.bars if bar.record_id == target.id)
    assert f"Sum of {len(editions)} of the figures shown" in chart.total.text
    assert label in chart.total.text


@pytest.mark.parametrize(
    "odd_one",
    [
        # another unit on the same scale's base cannot be added
        {"unit": "nations"},
        # another kind of measure (money next to people) cannot be added
        {"kind_of_measure": "funding"},
        # the same edition's participants counted twice over the same year
        {"subject": "prog-exchange-1", "years": (2015, 2015)},
        # a running count next to the edition's own figure
        {"subject": "prog-exchange-2", "years": (2019, 2019), "qualifier": "to-date", "measure": "invited"},
        # the whole programme's multi-year total next to its yearly editions
        {"subject": "prog-exchange", "years": (2015, 2017)},
    ],
    ids=["unit", "measure", "counted-twice", "to-date", "whole-and-parts"],
)
def test_figures_that_would_mix_things_or_count_twice_have_no_sum(
    mini_dataset: Dataset, odd_one: dict[str, object]
) -> None:
    fields: dict[str, object] = {"subject": "prog-exchange-1", "years": (2020, 2020), **odd_one}
    extra = _figure(mini_dataset, "fig-z", 5000, paragraph=7, **fields)  # type: ignore[arg-type]
    chart = _exchange(mini_dataset, *_editions(mini_dataset), extra)
    assert chart.total is None


def test_two_measures_of_one_programme_add_up(mini_dataset: Dataset) -> None:
    """People invited one way and the other under one programme are different people: both are counted."""
    figures = [
        _figure(mini_dataset, "fig-in", 700, subject="prog-exchange-1", years=(2015, 2016), paragraph=3),
        _figure(
            mini_dataset,
            "fig-out",
            60,
            subject="prog-exchange-1",
            years=(2015, 2016),
            paragraph=3,
            measure="out",
        ),
    ]
    chart = _exchange(mini_dataset, *figures)
    assert chart.total is not None and chart.total.value == pytest.approx(760)


def test_the_total_is_laid_out_under_the_bars_without_overlap(mini_dataset: Dataset) -> None:
    chart = _exchange(mini_dataset, *_editions(mini_dataset))
    for width in (320, 600, 1400):
        layout = ch.layout_figures([chart], width, measure, LINE, bold)
        panel = layout.charts[0]
        assert panel.total, width
        assert " ".join(line.text for line in panel.total).startswith("Sum of the 3")
        assert min(line.box.y for line in panel.total) >= max(row.row.bottom for row in panel.rows) - 1e-6
        assert max(line.box.bottom for line in panel.total) <= panel.box.bottom + 1e-6
        assert all(line.box.x >= 0 and line.box.right <= width for line in panel.total)
        texts = list(layout.texts())
        for first, second in itertools.combinations(texts, 2):
            assert not first.box.overlaps(second.box), (first.text, second.text)


@pytest.mark.parametrize(
    ("qualifier", "reads"),
    [
        ("more-than", "more than {value}"),
        ("preliminary", "{value} (preliminary)"),
        ("to-date", "{value} (to date)"),
        ("reported", "{value}"),
    ],
)
def test_a_floor_a_preliminary_or_a_running_part_carries_into_the_sum(
    mini_dataset: Dataset, qualifier: str, reads: str
) -> None:
    figures = _editions(mini_dataset, qualifier=qualifier)
    chart = _exchange(mini_dataset, *figures)
    assert chart.total is not None
    plain = f"{sum(record.value or 0 for record in figures):,.0f} people"
    assert chart.total.value_text == reads.format(value=plain)
