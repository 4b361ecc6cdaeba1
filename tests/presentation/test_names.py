"""Sibling names that share a long start stay distinguishable when shortened."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

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


def _fit_by_trying_every_cut(
    name: str, neighbours: list[str], room: float, width: Callable[[str], float]
) -> str:
    """The plain reading of the rule: try each cut from the longest down, keep the first that fits."""
    if width(name) <= room:
        return name
    start = shared_start(name, neighbours)
    head, tail = name[:start], name[start:]

    def cut_end(text: str) -> str:
        for cut in range(len(text), 0, -1):
            shortened = text[:cut].rstrip() + "…" if cut < len(text) else text
            if width(shortened) <= room:
                return shortened
        return "…"

    if not head:
        return cut_end(name)
    for cut in range(len(head), 0, -1):
        text = head[:cut].rstrip() + "… " + tail if cut < len(head) else name
        if width(text) <= room:
            return text
    return cut_end(head.split(" ", 1)[0] + "… " + tail)


WORDS = st.sampled_from(
    ["ASEAN", "Japan", "Ministers", "Meeting", "on", "the", "Working", "Group", "AMEICC", "A"]
)
NAMES = st.lists(WORDS, min_size=1, max_size=9).map(" ".join)


@given(st.lists(NAMES, min_size=1, max_size=5), st.integers(0, 400), st.integers(3, 12))
def test_a_name_is_cut_where_trying_every_cut_would_cut_it(
    neighbours: list[str], room: int, letter: int
) -> None:
    """Halving finds the same cut as trying each one from the longest down (a longer cut is never narrower)."""
    width: Callable[[str], float] = lambda text: sum(letter + (ord(c) % 5) for c in text)  # noqa: E731
    name = neighbours[0]
    assert fit_name(name, neighbours, room, width) == _fit_by_trying_every_cut(name, neighbours, room, width)
