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
    kept = _longest(len(head), lambda cut: head[:cut].rstrip() + ellipsis + " " + tail, room, width)
    if kept is not None:
        return kept
    first = head.split(" ", 1)[0]
    return _cut_end(first + ellipsis + " " + tail, room, width, ellipsis)


def _cut_end(text: str, room: float, width: Callable[[str], float], ellipsis: str) -> str:
    if width(text) <= room:
        return text
    return _longest(len(text), lambda cut: text[:cut].rstrip() + ellipsis, room, width) or ellipsis


def _longest(
    longest: int, shortened: Callable[[int], str], room: float, width: Callable[[str], float]
) -> str | None:
    """``shortened(cut)`` for the largest ``cut`` below ``longest`` (and above 0) that fits ``room``, or None.

    Found by halving rather than by trying each cut from the longest down: a longer cut never makes a narrower
    text, and a paint fits every name in sight, each measured a few times instead of once per letter."""
    # shortened(low) is known to fit (or low is 0); shortened(high) does not (or is the whole text).
    low, high = 0, longest
    while high - low > 1:
        middle = (low + high) // 2
        if width(shortened(middle)) <= room:
            low = middle
        else:
            high = middle
    return shortened(low) if low > 0 else None
