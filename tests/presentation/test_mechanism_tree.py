"""The tree of mechanisms places each body as the data relates them."""

from __future__ import annotations

import dataclasses

import pytest

from ajexplorer.domain.loading import load_dataset
from ajexplorer.domain.model import Dataset, Kind
from ajexplorer.presentation.mechanism_tree import (
    OTHER_TITLE,
    TreeNode,
    build_tree,
    find,
    mark_matches,
    mechanism_for,
    tooltip,
)
from tests.conftest import FIXTURES, with_records

BUNDLED_HEADINGS = [
    "ASEAN-Japan mechanisms",
    "ASEAN-led mechanisms Japan takes part in",
    "Mekong-Japan cooperation",
    "ASEAN bodies",
    "Japanese bodies",
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
    for forum in ("m-arf", "m-apt", "m-eas", "m-eamf"):
        assert path_to(dataset, forum)[0] == "ASEAN-led mechanisms Japan takes part in"
    assert path_to(dataset, "m-admm-plus")[-2:] == ["m-admm", "m-admm-plus"]


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


def kept_ids(root: TreeNode) -> list[str]:
    return [node.record.id for node in root.walk() if node.record is not None and node.shown]


def nested(root: TreeNode) -> tuple[TreeNode, TreeNode]:
    """A mechanism below another mechanism, and that parent: derived from the tree, whatever the data."""
    child = next(n for n in root.walk() if n.record is not None and n.parent is not None and n.parent.record)
    assert child.parent is not None
    return child, child.parent


def test_marking_keeps_matches_and_the_branches_leading_to_them(partner: Dataset) -> None:
    root = build_tree(partner)
    child, parent = nested(root)
    assert child.record is not None and parent.record is not None
    wanted = child.record.id
    assert mark_matches(root, lambda record: record.id == wanted)
    kept = kept_ids(root)
    assert kept[-1] == wanted
    assert parent.record.id in kept and parent.matches_child and not parent.matches_self
    assert len(kept) < len(partner.of_kind(Kind.MECHANISM))
    heading = root.children[0]
    assert heading.shown and all(
        not other.shown for other in root.children if child not in list(other.walk())
    )
    # The tree keeps its shape: marking removes nothing.
    assert sorted(n.record.id for n in root.walk() if n.record) == sorted(
        m.id for m in partner.of_kind(Kind.MECHANISM)
    )
    assert not mark_matches(root, lambda record: False)
    assert kept_ids(root) == []
    mark_matches(root, None)
    assert sorted(kept_ids(root)) == sorted(m.id for m in partner.of_kind(Kind.MECHANISM))


def test_a_search_opens_branches_to_its_matches_and_the_persons_choice_comes_back(partner: Dataset) -> None:
    root = build_tree(partner)
    child, parent = nested(root)
    assert child.record is not None
    parent.expanded = False  # the person closed it
    wanted = child.record.id
    mark_matches(root, lambda record: record.id == wanted)
    assert parent.show_expanded(searching=True)  # the search shows its match
    assert not parent.expanded  # ... without forgetting the person's choice
    mark_matches(root, None)
    assert not parent.show_expanded(searching=False)
    assert all(node.show_expanded(searching=False) for node in root.walk() if node is not parent)


def test_each_record_belongs_in_the_tree_under_its_mechanism(partner: Dataset) -> None:
    mechanisms = {m.id for m in partner.of_kind(Kind.MECHANISM)}
    for mechanism in mechanisms:
        assert mechanism_for(partner, mechanism) == mechanism
    held = [r for r in partner.records.values() if r.kind is Kind.EVENT and r.held_under in mechanisms]
    assert held
    for event in held:
        assert mechanism_for(partner, event.id) == event.held_under
    assert mechanism_for(partner, None) is None
    assert mechanism_for(partner, "no-such-record") is None
    loose = dataclasses.replace(held[0], id="ev-loose", held_under=None, parent=None)
    assert mechanism_for(with_records(partner, loose), "ev-loose") is None
    under_event = dataclasses.replace(
        held[0], id="doc-under-event", kind=Kind.DOCUMENT, held_under=None, parent=held[0].id
    )
    assert mechanism_for(with_records(partner, under_event), "doc-under-event") == held[0].held_under


def test_tooltips_name_a_heading_or_a_mechanism_with_its_type_and_start(partner: Dataset) -> None:
    root = build_tree(partner)
    heading = root.children[0]
    assert tooltip(heading) == heading.title
    node = heading.children[0]
    assert node.record is not None
    title, detail = tooltip(node).split("\n")
    assert title == node.record.title
    assert detail.endswith(node.record.when.human())
    assert "-" not in detail.split(" · ")[0]


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
