"""The tree of mechanisms places each body as the data relates them."""

from __future__ import annotations

import dataclasses

import pytest

from ajexplorer.domain.loading import load_dataset
from ajexplorer.domain.model import Dataset, Kind
from ajexplorer.presentation.mechanism_tree import OTHER_TITLE, build_tree, find, prune
from tests.conftest import FIXTURES

BUNDLED_HEADINGS = [
    "ASEAN-Japan mechanisms",
    "ASEAN-led mechanisms Japan takes part in",
    "Mekong-Japan cooperation",
    "ASEAN bodies",
    "Japanese bodies",
    "Other meetings the source names",
]


@pytest.fixture(scope="module")
def partner() -> Dataset:
    return load_dataset(FIXTURES / "partner")


def headings(dataset: Dataset) -> list[str]:
    return [node.title for node in build_tree(dataset).children]


def shown_ids(dataset: Dataset) -> list[str]:
    return sorted(node.record.id for node in build_tree(dataset).walk() if node.record is not None)


def path_to(dataset: Dataset, record_id: str) -> list[str]:
    node = find(build_tree(dataset), record_id)
    assert node is not None, record_id
    titles = []
    while node is not None and node.title:
        titles.append(node.record.id if node.record is not None else node.title)
        node = node.parent
    return list(reversed(titles))


def test_every_mechanism_appears_exactly_once(dataset: Dataset) -> None:
    root = build_tree(dataset)
    shown = [node.record.id for node in root.walk() if node.record is not None]
    assert sorted(shown) == sorted(m.id for m in dataset.of_kind(Kind.MECHANISM))


def test_asean_led_forums_sit_together(dataset: Dataset) -> None:
    for forum in ("m-arf", "m-apt", "m-eas", "m-eamf", "m-admm-plus"):
        assert path_to(dataset, forum)[0] == "ASEAN-led mechanisms Japan takes part in"


def test_bodies_nest_under_their_parents(dataset: Dataset) -> None:
    assert path_to(dataset, "m-ajct-dialogue")[-2:] == ["m-somtc-japan", "m-ajct-dialogue"]
    assert path_to(dataset, "m-ajcc-dialogue")[-2:] == ["m-somtc-japan", "m-ajcc-dialogue"]
    working_groups = [
        m for m in dataset.of_kind(Kind.MECHANISM) if m.type == "working-group" and m.parent == "m-ameicc"
    ]
    assert len(working_groups) == 7
    assert path_to(dataset, "m-ameicc")[-2:] == ["m-aem-meti", "m-ameicc"]
    assert path_to(dataset, "m-jmt")[-2:] == ["m-jaif", "m-jmt"]


def test_event_counts_are_the_events_held_under_each_body(dataset: Dataset) -> None:
    summit = find(build_tree(dataset), "m-asean-japan-summit")
    assert summit is not None
    assert summit.event_count == len(dataset.events_under("m-asean-japan-summit")) >= 8


def test_pruning_keeps_matches_and_the_branches_leading_to_them(dataset: Dataset) -> None:
    pruned = prune(build_tree(dataset), lambda record: record.id == "m-ajcc-dialogue")
    kept = [node.record.id for node in pruned.walk() if node.record is not None]
    assert kept[-1] == "m-ajcc-dialogue"
    assert "m-somtc-japan" in kept
    assert "m-arf" not in kept


def test_the_bundled_headings_come_from_its_dataset_file(dataset: Dataset) -> None:
    assert [group.title for group in dataset.groups] == BUNDLED_HEADINGS
    assert headings(dataset) == BUNDLED_HEADINGS


def test_headings_follow_the_groups_a_dataset_declares(partner: Dataset) -> None:
    assert headings(partner) == [
        "RAES-Example Partner mechanisms",
        "RAES-led forums Example Partner takes part in",
        "Example Partner bodies",
    ]
    assert path_to(partner, "m-rsf") == ["RAES-led forums Example Partner takes part in", "m-rsf"]
    reordered = dataclasses.replace(partner, groups=tuple(reversed(partner.groups)))
    assert headings(reordered) == list(reversed(headings(partner)))
    assert shown_ids(reordered) == shown_ids(partner)


def test_a_dataset_without_groups_heads_families_by_their_ids(partner: Dataset) -> None:
    plain = dataclasses.replace(partner, groups=())
    assert headings(plain) == ["Raes Ep", "Ep", "Raes Led"]  # first use, file by file
    assert shown_ids(plain) == sorted(m.id for m in partner.of_kind(Kind.MECHANISM))


def test_mechanisms_without_a_group_sit_under_other_bodies(partner: Dataset) -> None:
    records = dict(partner.records)
    records["m-rsf"] = dataclasses.replace(records["m-rsf"], group=None)
    ungrouped = dataclasses.replace(partner, records=records)
    assert headings(ungrouped) == ["RAES-Example Partner mechanisms", "Example Partner bodies", OTHER_TITLE]
    assert path_to(ungrouped, "m-rsf") == [OTHER_TITLE, "m-rsf"]
