"""The tree of mechanisms places each body as the data relates them."""

from __future__ import annotations

from ajexplorer.domain.model import Dataset, Kind
from ajexplorer.presentation.mechanism_tree import GROUP_TITLES, build_tree, find, prune


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
        assert path_to(dataset, forum)[0] == GROUP_TITLES["asean-led"]
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


def test_pruning_keeps_matches_and_the_branches_leading_to_them(dataset: Dataset) -> None:
    pruned = prune(build_tree(dataset), lambda record: record.id == "m-ajcc-dialogue")
    kept = [node.record.id for node in pruned.walk() if node.record is not None]
    assert kept[-1] == "m-ajcc-dialogue"
    assert "m-somtc-japan" in kept
    assert "m-arf" not in kept
