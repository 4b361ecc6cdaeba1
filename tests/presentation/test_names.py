"""Sibling names that share a long start stay distinguishable when shortened."""

from __future__ import annotations

from ajexplorer.presentation.names import fit_name, shared_start

GROUPS = [
    "Working Group on Automobile Industry",
    "Working Group on Chemical Industry",
    "Working Group on Human Resources Development",
]


def test_the_shared_start_is_the_words_in_common_with_a_neighbour() -> None:
    assert GROUPS[0][shared_start(GROUPS[0], GROUPS) :] == "Automobile Industry"
    assert shared_start("Forum", GROUPS) == 0


def test_shortened_siblings_keep_the_part_that_tells_them_apart() -> None:
    for room in (14, 20, 26):
        shown = [fit_name(name, GROUPS, room, len) for name in GROUPS]
        assert len(set(shown)) == len(GROUPS), shown
        assert all(len(text) <= room for text in shown), shown
    assert fit_name(GROUPS[1], GROUPS, 22, len).endswith("Chemical Industry")


def test_a_name_that_fits_is_left_whole_and_a_lone_name_is_cut_at_its_end() -> None:
    assert fit_name(GROUPS[0], GROUPS, 100, len) == GROUPS[0]
    assert fit_name("A very long lone name", [], 10, len) == "A very lo…"
