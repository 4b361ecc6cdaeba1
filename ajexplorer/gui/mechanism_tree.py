"""The tree of mechanisms: an item model adapting the pure tree, and the panel with its filter field.

The model's rows never change: a search or the filter field marks the pure tree (which nodes match), and the
view hides the rows that do not and opens the branches that lead to matches. The view is never reset, so the
branches a person opened or closed are as they left them once the search is cleared.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPalette, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ajexplorer.domain.i18n import QT_TRANSLATE_NOOP, translate
from ajexplorer.domain.model import Record
from ajexplorer.gui.headers import ModelIndex, column_title, fit_column
from ajexplorer.gui.theme import qcolor, rgb_of
from ajexplorer.gui.visibility import out_of_sight
from ajexplorer.presentation.contrast import legible
from ajexplorer.presentation.mechanism_tree import TreeNode, mark_matches, tooltip
from ajexplorer.presentation.names import fit_name

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionViewItem
from ajexplorer.presentation.record_text import notebook_mark

COLUMNS = (
    QT_TRANSLATE_NOOP("Columns", "Name"),
    QT_TRANSLATE_NOOP("Columns", "Acronym"),
    QT_TRANSLATE_NOOP("Columns", "Since"),
    QT_TRANSLATE_NOOP("Columns", "Events"),
)
RecordRole = Qt.ItemDataRole.UserRole + 1
# The view asks each painted cell for about ten roles and this model answers a few. Plain ints, compared before
# any other work: Python reading an enum member each time costs the first paint of the tree several ms.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_ACCESSIBLE_TEXT = int(Qt.ItemDataRole.AccessibleTextRole)
_ANSWERED = frozenset({_DISPLAY, _TOOLTIP, _DECORATION, _FONT, _ALIGNMENT, _ACCESSIBLE_TEXT, int(RecordRole)})
_RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
#: Every row's flags, combined once (a Python enum's | costs microseconds, and a layout asks for each row).
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

# A letter mark per category of mechanism, shown as a small badge.
CATEGORY_MARKS = {
    "dialogue-relations": "D",
    "forum": "F",
    "summit": "S",
    "ministerial": "M",
    "senior-officials": "O",
    "consultation": "C",
    "committee": "C",
    "working-group": "W",
    "dialogue": "D",
    "centre": "Ce",
    "fund": "$",
    "team": "T",
    "network": "N",
    "mission": "Mi",
    "task-force": "T",
    "agency": "A",
    "secretariat": "Se",
    "meeting": "M",
}
_Index = ModelIndex


class MechanismModel(QAbstractItemModel):
    """Adapts a :class:`TreeNode` tree, whose shape never changes. Holds the nodes it hands out (internal
    pointers) for its lifetime."""

    def __init__(self, root: TreeNode, palette: QPalette, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._root = root
        self._by_id = {node.record.id: node for node in root.walk() if node.record is not None}
        self._icons: dict[str, QIcon] = {}
        self._palette = palette
        self._starred: frozenset[str] = frozenset()
        self._noted: frozenset[str] = frozenset()

    @property
    def root(self) -> TreeNode:
        return self._root

    @property
    def mechanism_count(self) -> int:
        return len(self._by_id)

    def set_palette(self, palette: QPalette) -> None:
        self._palette = palette
        self._icons.clear()
        if self._root.children:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0))

    def set_marks(self, starred: frozenset[str], noted: frozenset[str]) -> None:
        """The person's stars and notes, shown after a mechanism's name."""
        changed = (self._starred ^ starred) | (self._noted ^ noted)
        self._starred, self._noted = starred, noted
        for record_id in changed:
            index = self.index_of(record_id)
            if index.isValid():
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])

    def node(self, index: _Index) -> TreeNode:
        if not index.isValid():
            return self._root
        node = index.internalPointer()
        assert isinstance(node, TreeNode)
        return node

    def index_of(self, record_id: str) -> QModelIndex:
        return self.index_of_node(self._by_id.get(record_id))

    def index_of_node(self, node: TreeNode | None) -> QModelIndex:
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row, 0, node)

    # --- QAbstractItemModel ---------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # hasIndex() written out: it would call rowCount and columnCount back in Python, and a view lays out
        # every open row through here (tens of thousands for a large dataset).
        if row < 0 or not 0 <= column < len(COLUMNS) or (parent.isValid() and parent.column() != 0):
            return QModelIndex()
        children = self.node(parent).children
        if row >= len(children):
            return QModelIndex()
        return self.createIndex(row, column, children[row])

    def parent(self, child: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid():
            return QModelIndex()
        up = self.node(child).parent
        if up is None or up is self._root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _ROW_FLAGS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return column_title(COLUMNS, section, orientation, role)

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        if role not in _ANSWERED or not index.isValid():
            return None
        node = self.node(index)
        record = node.record
        column = index.column()
        if role == _DISPLAY:
            return self._display(node, column)
        if role == _TOOLTIP:
            return tooltip(node)
        if role == _DECORATION and column == 0 and record is not None:
            return self._icon(record.type)
        if role == _FONT and record is None and column == 0:
            font = QFont()
            font.setBold(True)
            return font
        if role == _ALIGNMENT and column == 3:
            return _RIGHT_ALIGNED
        if role == RecordRole:
            return record.id if record is not None else None
        if role == _ACCESSIBLE_TEXT:
            # An empty cell (no acronym, no date) is read as a word, not as a nameless element.
            return self._display(node, column) or "none"
        return None

    def column_texts(self, column: int) -> list[str]:
        """Every text the column shows, for sizing it."""
        texts: list[str] = []
        pending = list(self._root.children)
        while pending:
            node = pending.pop()
            pending.extend(node.children)
            text = self._display(node, column)
            if text:
                texts.append(text)
        return texts

    def _display(self, node: TreeNode, column: int) -> str | None:
        record = node.record
        if column == 0:
            if record is None:
                return node.title
            mark = notebook_mark(record.id in self._starred, record.id in self._noted)
            return f"{node.title} {mark}" if mark else node.title
        if record is None:
            return None
        if column == 1:
            return record.acronym or ""
        if column == 2:
            start = record.when.start
            return str(start.year) if start is not None else ""
        if column == 3:
            return str(node.event_count) if node.event_count else ""
        return None

    def _icon(self, category: str) -> QIcon:
        icon = self._icons.get(category)
        if icon is None:
            icon = _badge(CATEGORY_MARKS.get(category, "•"), self._palette)
            self._icons[category] = icon
        return icon


def badge_colours(palette: QPalette) -> tuple[QColor, QColor]:
    """A category badge's fill and letter: the palette's highlight, and a letter that reads on it."""
    fill = palette.color(QPalette.ColorRole.Highlight)
    letter = legible(rgb_of(palette.color(QPalette.ColorRole.HighlightedText)), [rgb_of(fill)])
    return fill, qcolor(letter)


def text_on(palette: QPalette) -> list[tuple[str, QColor, QColor]]:
    """(what, text, background) for every text the tree shows: its rows as the view draws them from the
    palette, and the badges' letters."""
    role = QPalette.ColorRole
    fill, letter = badge_colours(palette)
    return [
        ("row", palette.color(role.Text), palette.color(role.Base)),
        ("alternate row", palette.color(role.Text), palette.color(role.AlternateBase)),
        ("selected row", palette.color(role.HighlightedText), palette.color(role.Highlight)),
        ("category badge", letter, fill),
    ]


def _badge(text: str, palette: QPalette) -> QIcon:
    """A round badge with a letter, drawn in palette colours at 1x and 2x for sharp high-DPI rendering."""
    fill, letter = badge_colours(palette)
    icon = QIcon()
    for scale in (1, 2):
        size = 16 * scale
        pixmap = QPixmap(size, size)
        pixmap.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawEllipse(1, 1, size - 2, size - 2)
        font = QFont()
        font.setPixelSize(int(size * (0.62 if len(text) == 1 else 0.48)))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(letter)
        painter.drawText(pixmap.rect(), int(Qt.AlignmentFlag.AlignCenter), text)
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        icon.addPixmap(pixmap)
    return icon


#: Room a row's name loses to the item's margins and the space after its icon.
NAME_MARGINS = 18


class NameDelegate(QStyledItemDelegate):
    """Draws a name shortened so that its siblings can still be told apart (see :func:`fit_name`)."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view
        # Each paint asks for every row in sight, and fitting one name measures it many times over: a branch's
        # names are read once and each name is fitted once per width and font, until the model changes.
        self._siblings: dict[int, list[str]] = {}
        self._fitted: dict[tuple[str, int, int, str], str] = {}
        model = view.model()
        for change in (
            model.dataChanged,
            model.modelReset,
            model.layoutChanged,
            model.rowsInserted,
            model.rowsRemoved,
        ):
            change.connect(self._forget)

    def _forget(self) -> None:
        self._siblings.clear()
        self._fitted.clear()

    def shown_name(self, index: QModelIndex, room: int) -> str:
        """The name as drawn in ``room`` pixels (also what a test or an accessibility check reads)."""
        parent = index.parent()
        branch = parent.internalId() if parent.isValid() else -1
        name = str(index.data() or "")
        key = (name, branch, room, self._view.font().key())
        shown = self._fitted.get(key)
        if shown is None:
            siblings = self._siblings.get(branch)
            if siblings is None:
                model = index.model()
                rows = range(model.rowCount(parent))
                siblings = self._siblings[branch] = [
                    str(model.index(row, 0, parent).data() or "") for row in rows
                ]
            shown = self._fitted[key] = fit_name(
                name, siblings, room, self._view.fontMetrics().horizontalAdvance
            )
        return shown

    def text_room(self, option: QStyleOptionViewItem) -> int:
        return option.rect.width() - option.decorationSize.width() - NAME_MARGINS

    def initStyleOption(self, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        super().initStyleOption(option, index)
        if index.column() == 0 and isinstance(index, QModelIndex):
            option.text = self.shown_name(index, self.text_room(option))


#: The share of the tree's width the small columns may take before they give way to the names.
NAME_SHARE_GIVEN_AWAY = 0.45
#: A tree of more mechanisms than this draws its names apart from the start. Setting the delegate later lays
#: out every open row again through the Python model, which for a large tree stalls the window for longer than
#: the delegate's Qt classes cost the first paint (about a third of a second at 25,000 rows against about 15 ms).
EARLY_NAMES_FROM = 2000


class MechanismPanel(QWidget):
    """A filter field over the tree view.

    Signals:
        recordActivated(str): the user chose a mechanism.
    """

    recordActivated = Signal(str)

    def __init__(self, model: MechanismModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mechanisms")
        self.setAccessibleName(translate("Mechanisms", "Mechanisms"))
        self.model = model
        self.filter_field = QLineEdit(self)
        self.filter_field.setObjectName("mechanismFilter")
        self.filter_field.setPlaceholderText(translate("Mechanisms", "Filter mechanisms"))
        self.filter_field.setAccessibleName(translate("Mechanisms", "Filter mechanisms"))
        self.view = QTreeView(self)
        self.view.setObjectName("mechanismTree")
        self.view.setAccessibleName(translate("Mechanisms", "Mechanisms"))
        self.view.setModel(model)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setIconSize(QSize(16, 16))
        self.view.setIndentation(14)
        # Siblings often share a long prefix ("AMEICC Working Group on ..."): the distinguishing tail stays.
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.names: NameDelegate | None = None
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            fit_column(self.view, header, column, model.column_texts(column))
        self._small_widths = [header.sectionSize(column) for column in (1, 2, 3)]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter_field)
        layout.addWidget(self.view)
        self._following = False
        self._applying = False
        self._searching = False
        self._external_keep: Callable[[Record], bool] | None = None
        self._filter_waits = False
        self._selected_id: str | None = None
        self.filter_field.textChanged.connect(self._apply_filter)
        self.view.selectionModel().currentChanged.connect(self._on_current)
        self.view.expanded.connect(lambda index: self._remember(index, expanded=True))
        self.view.collapsed.connect(lambda index: self._remember(index, expanded=False))
        if model.mechanism_count > EARLY_NAMES_FROM:
            self.shorten_names_apart()
        self.view.expandAll()  # every node starts open

    def shorten_names_apart(self) -> NameDelegate:
        """Draw names so that siblings sharing a long start stay apart, and let the columns follow the panel's
        width. Called after the first paint: a Python delegate, and Python seeing the view's events, build Qt
        classes that would cost the first paint (until then names are elided in the middle); a large tree calls
        it at once (see EARLY_NAMES_FROM)."""
        if self.names is None:
            self.names = NameDelegate(self.view)
            self.view.setItemDelegateForColumn(0, self.names)
            self.view.viewport().installEventFilter(self)
            self._fit_columns()
        return self.names

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """The small columns take their contents' width while the names keep most of the row; in a narrow
        panel the acronym is capped (and elided in the middle) and the dates and counts give way first."""
        header = self.view.header()
        room = self.view.viewport().width()
        acronym, since, events = self._small_widths
        narrow = acronym + since + events > room * NAME_SHARE_GIVEN_AWAY
        for column in (2, 3):
            self.view.setColumnHidden(column, narrow)
        header.resizeSection(1, min(acronym, int(room * 0.25)) if narrow else acronym)

    def _text_keep(self) -> Callable[[Record], bool] | None:
        words = self.filter_field.text().casefold().split()
        if not words:
            return None

        def keep(record: Record) -> bool:
            haystack = " ".join([record.title, record.acronym or "", *record.aliases]).casefold()
            return all(word in haystack for word in words)

        return keep

    def set_external_filter(self, keep: Callable[[Record], bool] | None) -> None:
        """A filter from outside (the search), combined with the panel's own filter field. While the panel is
        hidden (its dock tabbed away) the filter is applied when it shows."""
        self._external_keep = keep
        if out_of_sight(self):
            self._filter_waits = True
            return
        self._apply_filter()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.catch_up()

    def catch_up(self) -> None:
        """Apply the filter that waited while the panel was out of sight (it is being shown)."""
        if self._filter_waits:
            self._apply_filter()
            self.follow(self._selected_id)

    def _apply_filter(self) -> None:
        """Mark the pure tree with what the search and the filter field keep, then show the marks."""
        own = self._text_keep()
        outside = self._external_keep
        keep: Callable[[Record], bool] | None = None
        if own is not None or outside is not None:

            def keep(record: Record) -> bool:
                return (own is None or own(record)) and (outside is None or outside(record))

        self._filter_waits = False
        mark_matches(self.model.root, keep)
        self._searching = keep is not None
        with self._applying_marks():
            self._show_marks(QModelIndex())
        self._keep_selection()

    @contextmanager
    def _applying_marks(self) -> Iterator[None]:
        """While the view follows the marks, its expanded and collapsed signals are not the person's choice."""
        self._applying = True
        try:
            yield
        finally:
            self._applying = False

    def _show_marks(self, parent: QModelIndex) -> None:
        """Hide the rows the marks leave out; open each branch as :meth:`TreeNode.show_expanded` says."""
        view = self.view
        for row, node in enumerate(self.model.node(parent).children):
            hidden = not node.shown
            if view.isRowHidden(row, parent) != hidden:
                view.setRowHidden(row, parent, hidden)
            if hidden or not node.children:
                continue
            index = self.model.index(row, 0, parent)
            self._show_marks(index)
            expand = node.show_expanded(self._searching)
            if view.isExpanded(index) != expand:
                view.setExpanded(index, expand)

    def _remember(self, index: QModelIndex, *, expanded: bool) -> None:
        """The person opened or closed a branch: kept in the tree. Not while a search is on: as in Anki's
        sidebar, what is opened or closed then goes with the search, and clearing it brings back the tree as the
        person left it."""
        if self._applying or self._searching or not index.isValid():
            return
        self.model.node(index).expanded = expanded

    def _keep_selection(self) -> None:
        """After the marks change, the selected row stays selected while it is shown, and the view stays put."""
        index = self.model.index_of(self._selected_id) if self._selected_id else QModelIndex()
        selection = self.view.selectionModel()
        self._following = True
        try:
            if index.isValid() and self.model.node(index).shown:
                if not selection.isSelected(index):
                    selection.select(
                        index,
                        QItemSelectionModel.SelectionFlag.ClearAndSelect
                        | QItemSelectionModel.SelectionFlag.Rows,
                    )
            else:
                selection.clearSelection()
        finally:
            self._following = False

    def follow(self, record_id: str | None) -> None:
        """Select the record's row (if it is a mechanism shown here) without announcing it back."""
        self._selected_id = record_id
        index = self.model.index_of(record_id) if record_id else QModelIndex()
        self._following = True
        try:
            selection = self.view.selectionModel()
            if index.isValid() and self.model.node(index).shown:
                self.view.setCurrentIndex(index)
                self.view.scrollTo(index)
            else:
                selection.clearSelection()
        finally:
            self._following = False

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._following or not current.isValid():
            return
        record_id = self.model.data(current, RecordRole)
        if isinstance(record_id, str):
            self.recordActivated.emit(record_id)
