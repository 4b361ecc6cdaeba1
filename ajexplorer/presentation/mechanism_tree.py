"""The tree of mechanisms as plain nodes: families of bodies at the top, each body under its parent.

A Qt item model adapts this tree, which never changes shape. A search or filter only marks each node with
whether it, or a node below it, matches (:func:`mark_matches`); the view hides what does not and opens branches
to show what does, while each node keeps the user's own open or closed state for when the search is cleared.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ajexplorer.domain.i18n import QT_TRANSLATE_NOOP, translate
from ajexplorer.domain.model import Dataset, Kind, Record
from ajexplorer.presentation.words import when_text

OTHER_TITLE = QT_TRANSLATE_NOOP("Mechanisms", "Other bodies")


@dataclass(eq=False, slots=True)
class TreeNode:
    """A family heading (record is None) or a mechanism."""

    title: str
    record: Record | None = None
    group: str | None = None
    event_count: int = 0
    parent: TreeNode | None = field(default=None, repr=False)
    children: list[TreeNode] = field(default_factory=list)
    #: Whether the user left this branch open; a search opens branches without changing it.
    expanded: bool = True
    #: Whether the last search or filter kept this node itself, and whether it kept a node below it.
    matches_self: bool = True
    matches_child: bool = True

    @property
    def shown(self) -> bool:
        """Kept by the last search or filter (every node is when none is on)."""
        return self.matches_self or self.matches_child

    def show_expanded(self, searching: bool) -> bool:
        """Open while searching exactly when a match lies below; otherwise as the user left it."""
        return self.matches_child if searching else self.expanded

    @property
    def row(self) -> int:
        return self.parent.children.index(self) if self.parent is not None else 0

    def walk(self) -> Iterator[TreeNode]:
        yield self
        for child in self.children:
            yield from child.walk()

    def add(self, child: TreeNode) -> TreeNode:
        child.parent = self
        self.children.append(child)
        return child


def build_tree(dataset: Dataset) -> TreeNode:
    """Families in the dataset's order; inside each, mechanisms nested by parent and ordered by start, then title.

    Families come as the dataset declares them; a group it does not declare follows, headed by its id, and
    mechanisms with no group come last under "Other bodies". A family with no mechanism is left out.
    """
    mechanisms = dataset.of_kind(Kind.MECHANISM)
    root = TreeNode("")

    def sort_key(record: Record) -> tuple[tuple[int, float, float], str]:
        return record.when.sort_key(), record.title.lower()

    def attach(node: TreeNode) -> None:
        assert node.record is not None
        for child in sorted(
            (c for c in dataset.children(node.record.id) if c.kind is Kind.MECHANISM), key=sort_key
        ):
            attach(node.add(_node(dataset, child)))

    for group, title in group_titles(dataset).items():
        roots = [m for m in mechanisms if m.group == group and not _has_mechanism_parent(dataset, m)]
        if not roots:
            continue
        heading = root.add(TreeNode(title, group=group))
        for record in sorted(roots, key=sort_key):
            attach(heading.add(_node(dataset, record)))
    return root


def group_titles(dataset: Dataset) -> dict[str | None, str]:
    """Each family's heading, in the order the tree shows them (None: mechanisms with no group)."""
    titles: dict[str | None, str] = {group.id: group.title for group in dataset.groups}
    for record in dataset.of_kind(Kind.MECHANISM):
        if record.group is not None and record.group not in titles:
            titles[record.group] = title_from_id(record.group)
    titles[None] = translate("Mechanisms", OTHER_TITLE)
    return titles


def title_from_id(group_id: str) -> str:
    """A readable heading for an undeclared group: ``asean-led`` reads "Asean Led"."""
    return " ".join(word.capitalize() for word in group_id.split("-") if word) or group_id


def _has_mechanism_parent(dataset: Dataset, record: Record) -> bool:
    parent = dataset.get(record.parent) if record.parent else None
    return parent is not None and parent.kind is Kind.MECHANISM


def _node(dataset: Dataset, record: Record) -> TreeNode:
    return TreeNode(record.title, record, record.group, len(dataset.events_under(record.id)))


def mark_matches(root: TreeNode, keep: Callable[[Record], bool] | None) -> bool:
    """Mark every node below ``root`` with whether ``keep`` holds for its mechanism and for any below it;
    ``keep`` None (no search) marks every node kept. True when anything below ``root`` is kept."""

    def mark(node: TreeNode) -> bool:
        below = [mark(child) for child in node.children]  # every child, not only up to the first match
        node.matches_child = any(below)
        node.matches_self = keep is None or (node.record is not None and keep(node.record))
        return node.shown

    mark(root)
    return root.matches_child


def mechanism_for(dataset: Dataset, record_id: str | None) -> str | None:
    """The mechanism the tree shows for a record: itself, or the body it was held under or belongs to."""
    record = dataset.get(record_id) if record_id else None
    seen: set[str] = set()
    while record is not None and record.kind is not Kind.MECHANISM and record.id not in seen:
        seen.add(record.id)
        up = record.held_under or record.parent
        record = dataset.get(up) if up else None
    return record.id if record is not None and record.kind is Kind.MECHANISM else None


def tooltip(node: TreeNode) -> str:
    """A heading's title; a mechanism's full title, then its type and since when."""
    record = node.record
    if record is None:
        return node.title
    return f"{record.title}\n{record.type.replace('-', ' ').capitalize()} · {when_text(record.when)}"


def find(root: TreeNode, record_id: str) -> TreeNode | None:
    return next(
        (node for node in root.walk() if node.record is not None and node.record.id == record_id), None
    )
