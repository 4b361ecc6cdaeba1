"""What keeps a dataset of a hundred thousand records quick gives the same answers as the plain way."""

from __future__ import annotations

import dataclasses
import random

import pytest

from ajexplorer.domain.model import Dataset, Kind
from ajexplorer.presentation import charts, detail_html
from ajexplorer.presentation import chronology as chronology_module
from ajexplorer.presentation.chronology import arranged, chronology
from ajexplorer.presentation.detail_html import Colours, make_marker, source_html
from ajexplorer.presentation.links import record_link
from ajexplorer.presentation.timeline_layout import items_from
from tests.gui.conftest import TODAY


def test_whether_figures_overlap_is_decided_as_by_comparing_every_pair(dataset: Dataset) -> None:
    """Figures of made-up subjects, measures, qualifiers and years: the grouped check agrees with every pair
    compared (:func:`charts._overlap`), on overlapping sets and on sets that add up."""
    figures = list(dataset.of_kind(Kind.FIGURE))
    # Subjects among which some are parts of others (a work plan held under a programme), and some not.
    parts = [record for record in dataset.records.values() if record.parent or record.held_under][:6]
    subjects = [None, *sorted({record.subject for record in figures if record.subject})[:6]]
    subjects += [name for record in parts for name in (record.id, record.parent or record.held_under)]
    measures = sorted({record.measure or "" for record in figures})[:3]
    years = [record.when for record in figures]
    rng = random.Random(18)
    outcomes = set()
    for _ in range(2000):
        sample = [
            dataclasses.replace(
                record,
                subject=rng.choice(subjects),
                measure=rng.choice(measures),
                qualifier=rng.choice([None, None, None, "to-date", "approximately"]),
                when=rng.choice(years),
            )
            for record in rng.sample(figures, rng.randint(2, 7))
        ]
        pairwise = any(
            charts._overlap(dataset, first, second)
            for position, first in enumerate(sample)
            for second in sample[position + 1 :]
        )
        assert charts._any_overlap(dataset, sample) == pairwise, [record.id for record in sample]
        outcomes.add(pairwise)
    assert outcomes == {True, False}


def test_a_paragraph_cited_by_many_records_lists_the_first_and_counts_the_rest(
    dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    number, records = max(
        ((number, dataset.records_for_paragraph(number)) for number in dataset.paragraphs),
        key=lambda pair: len(pair[1]),
    )
    assert len(records) > 3
    full = source_html(dataset, None, make_marker(dataset), Colours())
    assert all(record_link(record.id) in full for record in records)
    assert "more" not in full.split(f'name="p{number}"')[1].split("</table>")[0]
    monkeypatch.setattr(detail_html, "RECORDS_LISTED", 3)
    page = source_html(dataset, None, make_marker(dataset), Colours())
    paragraph = page.split(f'name="p{number}"')[1].split("</table>")[0]
    assert [record_link(record.id) in paragraph for record in records] == [True] * 3 + [False] * (
        len(records) - 3
    )
    assert f", and {len(records) - 3} more" in paragraph


def test_the_chronology_arranged_for_a_view_finds_every_item_and_its_widest_texts(
    dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    groups = chronology(dataset, items_from(dataset, TODAY))
    monkeypatch.setattr(chronology_module, "MEASURED_TEXTS", 5)  # as if there were thousands of texts
    content = arranged(groups)
    for g, group in enumerate(groups):
        for r, entry in enumerate(group.entries):
            assert content.where[entry.record_id] == (g, r)
    for column, texts in enumerate(content.widest):
        every = {entry.cells[column] for group in groups for entry in group.entries}
        if column == 0:
            every |= {group.label for group in groups}
        longest = max(len(text) for text in every)
        assert len(texts) == min(5, len(every)) and max(len(text) for text in texts) == longest
