"""Search in the window: the field, the ranked results, and the filter controls."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from ajexplorer.domain.i18n import translate
from ajexplorer.domain.model import Kind, Section
from ajexplorer.domain.query import Filters, Hit
from ajexplorer.presentation.record_text import notebook_mark
from ajexplorer.presentation.search_text import hit_html, hit_line
from ajexplorer.presentation.words import kind_plural

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QStyleOptionViewItem

#: The search runs once the keys already typed are handled: a key pressed while a search runs waits in the
#: queue and restarts the timer, so a fast typist's keys are searched together, and no fixed wait is added.
DEBOUNCE_MS = 0
HitRole = Qt.ItemDataRole.UserRole + 1
#: The section filter's width at rest, in characters: most section titles read whole.
SECTION_CHARACTERS = 24
_Index = QModelIndex | QPersistentModelIndex


class SearchField(QLineEdit):
    """The toolbar's search field: typing is debounced; Up, Down and Enter drive the results list.

    Signals:
        queryChanged(str): the text settled after typing.
        moveRequested(int): Up (-1) or Down (+1) was pressed.
        acceptRequested(): Enter was pressed.
        escaped(): Esc cleared the field (the person is done with the search, not retyping it).
    """

    queryChanged = Signal(str)
    moveRequested = Signal(int)
    acceptRequested = Signal()
    escaped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchField")
        self.setAccessibleName(translate("Search", "Search"))
        self.setPlaceholderText(
            translate("Search", "Search: words, acronyms, kind:event, year:2013, place:tokyo  (Ctrl+K)")
        )
        self.setMinimumWidth(420)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(lambda: self.queryChanged.emit(self.text()))
        self.textChanged.connect(lambda _text: self._timer.start())

    def flush(self) -> None:
        """Run the pending search now (Enter, tests)."""
        if self._timer.isActive():
            self._timer.stop()
            self.queryChanged.emit(self.text())

    def set_query(self, text: str) -> None:
        """Put ``text`` in the field without a search of its own: the caller runs it (history restored)."""
        self.setText(text)
        self._timer.stop()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.flush()
            self.moveRequested.emit(1 if key == Qt.Key.Key_Down else -1)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.flush()
            self.acceptRequested.emit()
            return
        if key == Qt.Key.Key_Escape:
            self.clear()
            self.flush()
            self.escaped.emit()
            return
        super().keyPressEvent(event)


class ResultsModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[Hit] = []
        self._starred: frozenset[str] = frozenset()
        self._noted: frozenset[str] = frozenset()

    def set_marks(self, starred: frozenset[str], noted: frozenset[str]) -> None:
        """The person's stars and notes, shown after each result's title."""
        self._starred, self._noted = starred, noted
        if self._hits:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._hits) - 1, 0))

    def mark(self, row: int) -> str:
        record_id = self._hits[row].record_id
        return notebook_mark(record_id in self._starred, record_id in self._noted)

    def set_hits(self, hits: list[Hit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def extend_hits(self, hits: list[Hit]) -> bool:
        """The full list of a search whose first rows are shown: the rest added after them, the rows shown
        left in place. False (nothing changed) when the first rows are not the shown ones."""
        shown = len(self._hits)
        if len(hits) < shown or [hit.record_id for hit in hits[:shown]] != [h.record_id for h in self._hits]:
            return False
        self._hits[:shown] = hits[:shown]
        if len(hits) > shown:
            self.beginInsertRows(QModelIndex(), shown, len(hits) - 1)
            self._hits.extend(hits[shown:])
            self.endInsertRows()
        return True

    def hit(self, row: int) -> Hit:
        return self._hits[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            mark = self.mark(index.row())
            return f"{hit_line(hit)} {mark}" if mark else hit_line(hit)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "".join(segment.text for segment in hit.snippet)
        if role == HitRole:
            return hit.record_id
        return None


class HitDelegate(QStyledItemDelegate):
    """Two lines per hit (:func:`~ajexplorer.presentation.search_text.hit_html`), in the palette's colours.
    One document lays out every row in turn: making one per row cost as much as the rest of the paint."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: Made when the first hit is drawn: the text classes' Python side is built when first touched, and the
        #: results show only after a search.
        self._page: QTextDocument | None = None

    def _document(
        self, option: QStyleOptionViewItem, hit: Hit, selected: bool, mark: str = ""
    ) -> QTextDocument:
        palette = option.palette
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        muted = palette.color(role if selected else QPalette.ColorRole.PlaceholderText).name()
        document = self._page
        if document is None:
            from PySide6.QtGui import QTextDocument  # noqa: PLC0415 - see __init__

            document = self._page = QTextDocument(self)
            document.setDocumentMargin(3)
        if document.defaultFont() != option.font:
            document.setDefaultFont(option.font)  # costly even when the font is the same
        document.setHtml(hit_html(hit, palette.color(role).name(), muted, mark))
        document.setTextWidth(max(option.rect.width(), 100))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        from PySide6.QtWidgets import QStyle  # noqa: PLC0415 - its enums cost ~15 ms; results show later

        model = index.model()
        assert isinstance(model, ResultsModel)
        hit = model.hit(index.row())
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        document = self._document(option, hit, selected, model.mark(index.row()))
        painter.save()
        rect = option.rect
        painter.translate(rect.topLeft())
        painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        from PySide6.QtGui import QAbstractTextDocumentLayout  # noqa: PLC0415 - see __init__

        context = QAbstractTextDocumentLayout.PaintContext()
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        metrics = option.fontMetrics
        # The title and two lines of snippet: one line cut most snippets before the words that matched.
        return QSize(200, int(metrics.height() * 3.6) + 8)


class ResultsPanel(QWidget):
    """The ranked results with a line saying how many, or why there are none.

    Signals:
        recordActivated(str): the user chose a result.
    """

    recordActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("results")
        self.setAccessibleName(translate("Search", "Search results"))
        self.message = QLabel(self)
        self.message.setObjectName("resultsMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.model = ResultsModel(self)
        self.view = QListView(self)
        self.view.setObjectName("resultsList")
        self.view.setAccessibleName(translate("Search", "Search results"))
        self.view.setModel(self.model)
        self.view.setItemDelegate(HitDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setUniformItemSizes(True)
        self.view.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        self.view.activated.connect(self._activate)
        self.view.clicked.connect(self._activate)

    def show_hits(self, hits: list[Hit], message: str) -> None:
        self.model.set_hits(hits)
        self.message.setText(message)
        if hits:
            self.view.setCurrentIndex(self.model.index(0, 0))

    def current_record(self) -> str | None:
        """The highlighted result's record id (None with no results)."""
        record_id = self.model.data(self.view.currentIndex(), HitRole)
        return record_id if isinstance(record_id, str) else None

    def highlight(self, record_id: str | None) -> bool:
        """Make the result for ``record_id`` the highlighted one; False if it is not among the results."""
        model = self.model
        row = next((r for r in range(model.rowCount()) if model.hit(r).record_id == record_id), None)
        if row is not None:
            self.view.setCurrentIndex(model.index(row, 0))
            self.view.scrollTo(model.index(row, 0))
        return row is not None

    def show_rest(self, hits: list[Hit], message: str) -> None:
        """The whole list, when the first rows shown were its first screenful: the rows and the current one
        stay where they are."""
        if not self.model.extend_hits(hits):
            row = self.view.currentIndex().row()
            self.show_hits(hits, message)
            if 0 < row < len(hits):
                self.view.setCurrentIndex(self.model.index(row, 0))
        self.message.setText(message)

    def move(self, step: int) -> None:  # type: ignore[override]
        """Move the current result (from the search field's Up/Down)."""
        count = self.model.rowCount()
        if not count:
            return
        row = self.view.currentIndex().row()
        row = 0 if row < 0 else max(0, min(count - 1, row + step))
        self.view.setCurrentIndex(self.model.index(row, 0))

    def accept_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self._activate(index)

    def _activate(self, index: QModelIndex) -> None:
        record_id = self.model.data(index, HitRole)
        if isinstance(record_id, str):
            self.recordActivated.emit(record_id)


class FilterBar(QWidget):
    """Kind, section and year range, as controls; visibly on while any is set, with one action to clear them.

    Signals:
        filtersChanged(): a control changed.
        yearsChanged(int, int): the year range became these years (first, last), so the timeline can go there.
        hideChanged(bool): what does not match is now hidden (True) or dimmed (False).
    """

    filtersChanged = Signal()
    yearsChanged = Signal(int, int)
    hideChanged = Signal(bool)
    FIRST_YEAR = 1970

    def __init__(self, sections: tuple[Section, ...], last_year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filters")
        self.setAccessibleName(translate("Search", "Filters"))
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(translate("Search", "Kind filter"))
        self.kind.addItem(translate("Search", "All kinds"), None)
        for kind in Kind:
            self.kind.addItem(kind_plural(kind), kind)
        self.section = QComboBox(self)
        self.section.setAccessibleName(translate("Search", "Section filter"))
        self.section.addItem(translate("Search", "All sections"), None)
        for section in sections:
            self.section.addItem(section.title, section.id)
        # Sized for a short title, so the bar fits a narrow window; the list that opens shows every title whole.
        self.section.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.section.setMinimumContentsLength(SECTION_CHARACTERS)
        self.section.view().setMinimumWidth(self.section.view().sizeHintForColumn(0) + 24)
        self.year_from = self._year_box(translate("Search", "From year"), self.FIRST_YEAR, last_year)
        self.year_to = self._year_box(translate("Search", "To year"), self.FIRST_YEAR, last_year)
        self.others = QComboBox(self)
        self.others.setObjectName("unmatchedChoice")
        self.others.setAccessibleName(translate("Search", "What does not match"))
        self.others.setToolTip(translate("Search", "Dim or hide what the search and filters leave out"))
        self.others.addItem(translate("Search", "Dim others"), False)
        self.others.addItem(translate("Search", "Hide others"), True)
        self.indicator = QLabel(self)
        self.indicator.setObjectName("filtersIndicator")
        self.clear_button = QPushButton(translate("Search", "Clear filters"), self)
        self.clear_button.setObjectName("clearFilters")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        for widget in (
            self.kind,
            self.section,
            QLabel(translate("Search", "Years"), self),
            self.year_from,
            QLabel(translate("Search", "to"), self),
            self.year_to,
            self.others,
        ):
            layout.addWidget(widget)
        layout.addWidget(self.indicator)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        self._quiet = False
        self._years: tuple[int, int] | None = None
        self.others.currentIndexChanged.connect(lambda _row: self.hideChanged.emit(self.hide_unmatched()))
        self.kind.currentIndexChanged.connect(self._changed)
        self.section.currentIndexChanged.connect(self._changed)
        self.year_from.valueChanged.connect(self._changed)
        self.year_to.valueChanged.connect(self._changed)
        self.clear_button.clicked.connect(self.clear)
        self._update_indicator()

    def _year_box(self, name: str, low: int, high: int) -> QSpinBox:
        box = QSpinBox(self)
        box.setAccessibleName(name)
        box.setRange(low - 1, high)
        box.setSpecialValueText(translate("Search", "any"))
        box.setValue(low - 1)
        return box

    def filters(self) -> Filters:
        kind = self.kind.currentData()
        section = self.section.currentData()
        low, high = self.year_from.value(), self.year_to.value()
        years = None
        if low >= self.FIRST_YEAR or high >= self.FIRST_YEAR:
            start = low if low >= self.FIRST_YEAR else self.FIRST_YEAR
            end = high if high >= self.FIRST_YEAR else self.year_to.maximum()
            years = (min(start, end), max(start, end))
        return Filters(
            kinds=frozenset({kind}) if isinstance(kind, Kind) else frozenset(),
            section_ids=frozenset({section}) if isinstance(section, str) else frozenset(),
            years=years,
        )

    def hide_unmatched(self) -> bool:
        """True: what does not match is hidden; False: it is dimmed."""
        return bool(self.others.currentData())

    def set_hide_unmatched(self, hide: bool) -> None:
        self.others.setCurrentIndex(1 if hide else 0)

    def set_years(self, start: int, end: int) -> None:
        with self._as_one_change():
            self.year_from.setValue(start)
            self.year_to.setValue(end)

    def set_filters(self, filters: Filters) -> None:
        """Set the controls to ``filters`` (a saved search): one kind, one section, a year range."""
        self._quiet = True
        try:
            kind = next(iter(filters.kinds)) if len(filters.kinds) == 1 else None
            section = next(iter(filters.section_ids)) if len(filters.section_ids) == 1 else None
            self.kind.setCurrentIndex(_position(self.kind, kind))
            self.section.setCurrentIndex(_position(self.section, section))
            start, end = filters.years or (self.year_from.minimum(), self.year_to.minimum())
            self.year_from.setValue(start)
            self.year_to.setValue(end)
        finally:
            self._quiet = False
        self._update_indicator()
        self._follow_years()

    def clear(self) -> None:
        with self._as_one_change():
            self.kind.setCurrentIndex(0)
            self.section.setCurrentIndex(0)
            self.year_from.setValue(self.year_from.minimum())
            self.year_to.setValue(self.year_to.minimum())

    @contextmanager
    def _as_one_change(self) -> Iterator[None]:
        """Several controls set together announce one change, after the last (and even if one raised)."""
        self._quiet = True
        try:
            yield
        finally:
            self._quiet = False
        self._changed()

    def _changed(self, *_args: object) -> None:
        if self._quiet:
            return
        self._update_indicator()
        self.filtersChanged.emit()
        self._follow_years()

    def _follow_years(self) -> None:
        """A year range newly set is announced once (a kind or section changed leaves the timeline alone)."""
        years = self.filters().years
        if years != self._years:
            self._years = years
            if years is not None:
                self.yearsChanged.emit(*years)

    def _update_indicator(self) -> None:
        active = self.filters().active
        self.indicator.setText(translate("Search", "Filters on") if active else "")
        font = self.indicator.font()
        font.setBold(True)
        self.indicator.setFont(font)
        self.clear_button.setEnabled(active)


def _position(box: QComboBox, data: object) -> int:
    """The row holding ``data`` (the first, "All", when none does)."""
    return next((row for row in range(box.count()) if data is not None and box.itemData(row) == data), 0)
