"""Names that share a long start with their neighbours ("AMEICC Working Group on ...") are told apart by
their ends; when room is short it is the shared start that gives way."""

from __future__ import annotations

from collections.abc import Callable, Sequence


def shared_start(name: str, neighbours: Sequence[str]) -> int:
    """Where ``name``'s own part begins: the length of the longest run of whole words it shares, from the
    start, with any of its ``neighbours`` (0 if none)."""
    words = name.split(" ")
    longest = 0
    for other in neighbours:
        if other == name:
            continue
        others = other.split(" ")
        count = 0
        while count < min(len(words), len(others)) - 1 and words[count] == others[count]:
            count += 1
        longest = max(longest, count)
    return len(" ".join(words[:longest])) + (1 if longest else 0)


def fit_name(
    name: str,
    neighbours: Sequence[str],
    room: float,
    width: Callable[[str], float],
    ellipsis: str = "…",
) -> str:
    """``name`` shortened to ``room`` (measured by ``width``), keeping the part that tells it from its
    neighbours: the shared start is cut first, then the end of what is left."""
    if width(name) <= room:
        return name
    start = shared_start(name, neighbours)
    head, tail = name[:start], name[start:]
    if not head:
        return _cut_end(name, room, width, ellipsis)
    # Keep as much of the shared start as fits before the distinguishing tail (at least its first word).
    for cut in range(len(head), 0, -1):
        text = head[:cut].rstrip() + ellipsis + " " + tail if cut < len(head) else name
        if width(text) <= room:
            return text
    first = head.split(" ", 1)[0]
    return _cut_end(first + ellipsis + " " + tail, room, width, ellipsis)


def _cut_end(text: str, room: float, width: Callable[[str], float], ellipsis: str) -> str:
    for cut in range(len(text), 0, -1):
        shortened = text[:cut].rstrip() + ellipsis if cut < len(text) else text
        if width(shortened) <= room:
            return shortened
    return ellipsis
