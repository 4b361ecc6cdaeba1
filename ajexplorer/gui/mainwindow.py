"""The main window: the composition root. It builds the parts, and :meth:`MainWindow._connect_signals` wires
them, grouped by concern. Parts only declare signals; the navigator owns the selection and the history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QMouseEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QSplitter,
    QToolBar,
    QWidget,
)

from ajexplorer import APP_NAME, __version__
from ajexplorer.domain.model import Dataset, Kind, Record
from ajexplorer.domain.query import QueryError
from ajexplorer.gui.detail_pane import DetailPane
from ajexplorer.gui.glossary_panel import GlossaryPanel
from ajexplorer.gui.icons import arrow_icon
from ajexplorer.gui.mechanism_tree import MechanismModel, MechanismPanel
from ajexplorer.gui.navigator import Navigator
from ajexplorer.gui.search_panel import FilterBar, ResultsPanel, SearchField
from ajexplorer.gui.settings import Settings
from ajexplorer.gui.source_view import SourceView
from ajexplorer.gui.timeline_widget import TimelineWidget
from ajexplorer.presentation.links import Link, Target
from ajexplorer.presentation.mechanism_tree import build_tree
from ajexplorer.presentation.timeline_layout import items_from

if TYPE_CHECKING:
    from ajexplorer.domain.search import SearchIndex
    from ajexplorer.gui.background import IndexBuilder
    from ajexplorer.gui.export_actions import ExportController
    from ajexplorer.gui.figures_view import FiguresPanel

#: If no paint has come this long after showing, the deferred start-up work runs anyway.
FIRST_PAINT_FALLBACK_MS = 1500


class MainWindow(QMainWindow):
    def __init__(
        self,
        dataset: Dataset,
        settings: Settings | None = None,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.dataset = dataset
        self.settings = settings
        self._today = today or dt.date.today()
        self.setWindowTitle(dataset.title)  # Qt adds the application's name after it
        self.navigator = Navigator(self)

        self.timeline = TimelineWidget(self)
        self.details = DetailPane(dataset, self)
        self.tree_model = MechanismModel(build_tree(dataset), self.palette(), self)
        self.mechanisms = MechanismPanel(self.tree_model, self)
        self.source = SourceView(dataset, self)
        self.glossary = GlossaryPanel(dataset.glossary, self)
        # Built just after the first paint (see _after_first_paint): hidden at start, and costly to import.
        self.figures: FiguresPanel | None = None
        self.exports: ExportController | None = None
        self._search_index: SearchIndex | None = None
        self._index_builder: IndexBuilder | None = None
        self._matches: frozenset[str] | None = None
        self._first_paint_hook: _AfterFirstPaint | None = None
        #: True once the window has painted and the work deferred past that is done.
        self.started = False
        self.search_field = SearchField(self)
        self.results = ResultsPanel(self)
        self.filter_bar = FilterBar(dataset.sections, self._today.year, self)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("centralSplitter")
        self.splitter.addWidget(self.timeline)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.mechanisms_dock = self._dock("Mechanisms", self.mechanisms, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.source_dock = self._dock("Source", self.source, Qt.DockWidgetArea.RightDockWidgetArea)
        self.glossary_dock = self._dock("Glossary", self.glossary, Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.source_dock, self.glossary_dock)
        self.figures_dock = self._dock("Figures", QWidget(self), Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.glossary_dock, self.figures_dock)
        self.source_dock.raise_()
        self.results_dock = self._dock("Results", self.results, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.tabifyDockWidget(self.mechanisms_dock, self.results_dock)
        self.mechanisms_dock.raise_()
        self.resizeDocks([self.mechanisms_dock, self.source_dock], [470, 440], Qt.Orientation.Horizontal)

        self._create_actions()
        self._create_menus_and_toolbar()
        self._load_timeline()
        self.timeline.set_describer(self.describe)
        self._connect_signals()
        self._focus_ring: list[QWidget] = [
            self.search_field,
            self.timeline,
            self.mechanisms.view,
            self.results.view,
            self.details.browser,
            self.source.browser,
            self.glossary.view,
        ]
        self._update_history_actions()
        self.statusBar().showMessage(self._summary())

    # --- construction ---------------------------------------------------------------------------------------

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{title.lower()}Dock")
        dock.setAccessibleName(title)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        return dock

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | Sequence[QKeySequence] | None = None,
        tip: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, list | tuple):
            # A platform's standard key may equal the explicit one; a repeated sequence is ambiguous to Qt.
            unique = {sequence.toString(): sequence for sequence in shortcut if not sequence.isEmpty()}
            action.setShortcuts(list(unique.values()))
        elif isinstance(shortcut, QKeySequence):
            action.setShortcut(shortcut)
        elif isinstance(shortcut, str | QKeySequence.StandardKey):
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(
                f"{tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
                if shortcut
                else tip
            )
        return action

    def _create_actions(self) -> None:
        self.quit_action = self._action("&Quit", QKeySequence.StandardKey.Quit, "Quit the application")
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.back_action = self._action(
            "&Back",
            [QKeySequence("Alt+Left"), QKeySequence(QKeySequence.StandardKey.Back)],
            "Go back to the previous record",
        )
        self.forward_action = self._action(
            "&Forward",
            [QKeySequence("Alt+Right"), QKeySequence(QKeySequence.StandardKey.Forward)],
            "Go forward again",
        )
        self._draw_icons()
        self.fit_action = self._action("&Fit Timeline", "Ctrl+0", "Show the whole time span")
        self.zoom_in_action = self._action(
            "Zoom &In", QKeySequence.StandardKey.ZoomIn, "Zoom the timeline in"
        )
        self.zoom_out_action = self._action(
            "Zoom &Out", QKeySequence.StandardKey.ZoomOut, "Zoom the timeline out"
        )
        self.zoom_selection_action = self._action(
            "Zoom to &Selection", "Ctrl+E", "Zoom the timeline to the selection"
        )
        self.next_part_action = self._action("Next Part", "F6")
        self.previous_part_action = self._action("Previous Part", "Shift+F6")
        self.copy_citation_action = self._action(
            "Copy &Citation", "Ctrl+Shift+C", "Copy the source and paragraphs of the selected record"
        )
        self.about_action = self._action(f"&About {APP_NAME}")
        self.find_action = self._action(
            "&Find…", [QKeySequence("Ctrl+K"), QKeySequence("Ctrl+F")], "Search the records"
        )
        self.clear_filters_action = self._action("Clear &Filters", "Ctrl+Shift+F", "Remove every filter")
        for action in (self.next_part_action, self.previous_part_action):
            self.addAction(action)

    def _create_menus_and_toolbar(self) -> None:
        menu = self.menuBar()
        self.file_menu = menu.addMenu("&File")
        self.file_menu.addAction(self.quit_action)
        edit_menu = menu.addMenu("&Edit")
        edit_menu.addAction(self.copy_citation_action)
        edit_menu.addAction(self.find_action)
        edit_menu.addAction(self.clear_filters_action)
        view_menu = menu.addMenu("&View")
        for dock in (
            self.mechanisms_dock,
            self.results_dock,
            self.source_dock,
            self.glossary_dock,
            self.figures_dock,
        ):
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addSeparator()
        for action in (
            self.fit_action,
            self.zoom_in_action,
            self.zoom_out_action,
            self.zoom_selection_action,
        ):
            view_menu.addAction(action)
        go_menu = menu.addMenu("&Go")
        go_menu.addAction(self.back_action)
        go_menu.addAction(self.forward_action)
        help_menu = menu.addMenu("&Help")
        help_menu.addAction(self.about_action)
        self.toolbar = QToolBar("Navigation", self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.addAction(self.back_action)
        self.toolbar.addAction(self.forward_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.fit_action)
        self.toolbar.addAction(self.zoom_selection_action)
        self.toolbar.addSeparator()
        self.toolbar.addWidget(self.search_field)
        self.addToolBar(self.toolbar)
        self.addToolBarBreak()
        self.filter_toolbar = QToolBar("Filters", self)
        self.filter_toolbar.setObjectName("filterToolbar")
        self.filter_toolbar.setMovable(False)
        self.filter_toolbar.addWidget(self.filter_bar)
        self.addToolBar(self.filter_toolbar)

    def _load_timeline(self) -> None:
        titles = [section.title for section in self.dataset.sections]
        self.timeline.set_items(items_from(self.dataset, self._today), titles, self._today)

    def _connect_signals(self) -> None:
        nav = self.navigator
        # Requests to select something all go to the navigator ...
        self.timeline.recordActivated.connect(nav.go)
        self.mechanisms.recordActivated.connect(nav.go)
        self.glossary.recordActivated.connect(nav.go)
        self.glossary.paragraphRequested.connect(self.show_paragraph)
        self.details.linkRequested.connect(self.follow_link)
        self.source.linkRequested.connect(self.follow_link)
        # ... and every view follows the navigator.
        nav.currentChanged.connect(self._on_current_changed)
        nav.historyChanged.connect(self._update_history_actions)
        # Commands.
        self.quit_action.triggered.connect(self.close)
        self.back_action.triggered.connect(nav.back)
        self.forward_action.triggered.connect(nav.forward)
        self.fit_action.triggered.connect(self.timeline.fit_all)
        self.zoom_in_action.triggered.connect(lambda: self.timeline.zoom_by(1.5))
        self.zoom_out_action.triggered.connect(lambda: self.timeline.zoom_by(1 / 1.5))
        self.zoom_selection_action.triggered.connect(self.timeline.zoom_to_selection)
        self.copy_citation_action.triggered.connect(self.details.copy_citation)
        self.next_part_action.triggered.connect(lambda: self._cycle_focus(1))
        self.previous_part_action.triggered.connect(lambda: self._cycle_focus(-1))
        self.about_action.triggered.connect(self.show_about)
        # Search and filters: one place computes the matches, every view shows them.
        self.results.recordActivated.connect(nav.go)
        self.search_field.queryChanged.connect(self._run_search)
        self.search_field.moveRequested.connect(self.results.move)
        self.search_field.acceptRequested.connect(self.results.accept_current)
        self.filter_bar.filtersChanged.connect(self._run_search)
        self.timeline.yearRangePicked.connect(self.filter_bar.set_years)
        self.find_action.triggered.connect(self.focus_search)
        self.clear_filters_action.triggered.connect(self.filter_bar.clear)

    # --- search ---------------------------------------------------------------------------------------------

    @property
    def search_index(self) -> SearchIndex:
        """Built on first use, or just after the window first shows, so it never delays the first paint."""
        if self._search_index is None and self._index_builder is not None:
            self._search_index = self._index_builder.wait()
        if self._search_index is None:
            from ajexplorer.domain.search import SearchIndex  # noqa: PLC0415 - SQLite loads after the first paint

            self._search_index = SearchIndex.from_dataset(self.dataset, self._today)
        return self._search_index

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._first_paint_hook is None:
            self._first_paint_hook = _AfterFirstPaint(self, self._after_first_paint)
            # A window that never paints (shown minimised) still gets its parts.
            QTimer.singleShot(FIRST_PAINT_FALLBACK_MS, self, self._after_first_paint)

    def _after_first_paint(self) -> None:
        """Work nobody sees at once waits until the window is on screen: the source text, the parts that are
        hidden at start (figures, the export commands), then the search index."""
        if self.figures is not None or not self.isVisible():  # done already, or closed before it painted
            return
        self.source.release()
        # Mouse back/forward buttons anywhere in the window. Every event of the application passes through
        # this filter, so it starts once the window is up rather than slowing the start.
        _app().installEventFilter(self)
        self._build_figures()
        self._build_exports()
        QTimer.singleShot(0, self, self._finish_start)

    def _build_figures(self) -> None:
        from ajexplorer.gui.figures_view import FiguresPanel  # noqa: PLC0415 - see _after_first_paint

        figures = FiguresPanel(self)
        figures.set_dataset(self.dataset)
        figures.set_matches(self._matches)
        figures.recordActivated.connect(self.navigator.go)
        self.figures_dock.setWidget(figures)
        self.figures = figures
        self._focus_ring.append(figures.view)
        # Scrolled to the selection once the dock has laid the panel out at its real size.
        QTimer.singleShot(0, figures, lambda: figures.set_current(self.navigator.current))

    def _build_exports(self) -> None:
        from ajexplorer.gui.export_actions import ExportController  # noqa: PLC0415 - see _after_first_paint

        self.exports = ExportController(self)
        self.exports.populate(self.file_menu)

    def _finish_start(self) -> None:
        """The search index comes from a worker thread: a large dataset's takes seconds to build."""
        if self._search_index is not None:
            self.started = True
            return
        from ajexplorer.gui.background import IndexBuilder  # noqa: PLC0415 - see _after_first_paint

        self._index_builder = IndexBuilder(self.dataset, self._today)
        self._index_builder.built.connect(self._index_built)
        self._index_builder.start()

    def _index_built(self, index: SearchIndex) -> None:
        if self._search_index is None:
            self._search_index = index
        self.started = True

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def _run_search(self, *_args: object) -> None:
        """Search with the field's text and the filter controls; every view shows the outcome."""
        text = self.search_field.text()
        filters = self.filter_bar.filters()
        if not text.strip() and not filters.active:
            self._show_matches(None, ())
            self.results.show_hits([], "")
            return
        try:
            result = self.search_index.search(text, limit=200, filters=filters)
        except QueryError as error:
            self.results.show_hits([], f"Cannot search: {error}.")
            self._show_matches(frozenset(), ())
            self._raise_results()
            return
        if result.hits:
            shown = len(result.hits)
            more = f" (showing the first {shown})" if result.total > shown else ""
            typo = ""
            if result.corrected:
                pairs = (f"{word} → {' / '.join(terms)}" for word, terms in result.corrected.items())
                typo = " Close matches for: " + ", ".join(pairs) + "."
            message = f"{result.total} result{'s' if result.total != 1 else ''}{more}.{typo}"
        else:
            closest = f" Closest terms: {', '.join(result.suggestions)}." if result.suggestions else ""
            message = f"No results.{closest}"
        if result.total <= len(result.hits):
            matches = result.matched_ids
        else:
            matches = self.search_index.matching_ids(text, filters)
        self.results.show_hits(result.hits, message)
        self._show_matches(matches, result.highlight_words)
        self._raise_results()

    def records_in_view(self) -> list[Record]:
        """The records the search and filters leave, in data order; every record when none is active."""
        if self._matches is None:
            return list(self.dataset.records.values())
        return [record for record in self.dataset.records.values() if record.id in self._matches]

    def _show_matches(self, matches: frozenset[str] | None, words: Sequence[str]) -> None:
        """None: no search is active and every view shows everything."""
        self._matches = matches
        self.timeline.set_matches(matches)
        if self.figures is not None:
            self.figures.set_matches(matches)
        self.mechanisms.set_external_filter(
            None if matches is None else (lambda record: record.id in matches)
        )
        self.details.set_highlight(words)
        self.source.set_highlight(words)

    def _raise_results(self) -> None:
        self.results_dock.show()
        self.results_dock.raise_()

    # --- following the selection ----------------------------------------------------------------------------

    def _on_current_changed(self, record_id: str) -> None:
        current = record_id or None
        self.timeline.set_current(current)
        self.timeline.set_linked(frozenset(self.dataset.linked_events(record_id)) if current else frozenset())
        self.mechanisms.follow(self._tree_target(current))
        self.details.show_record(current)
        self.source.follow(current)
        if self.figures is not None:
            self.figures.set_current(current)
        record = self.dataset.get(record_id) if current else None
        self.statusBar().showMessage(f"{record.kind.label}: {record.title}" if record else self._summary())

    def _tree_target(self, record_id: str | None) -> str | None:
        """The mechanism the tree shows for a record: itself, or the body it was held under or belongs to."""
        record = self.dataset.get(record_id) if record_id else None
        while record is not None and record.kind is not Kind.MECHANISM:
            up = record.held_under or record.parent
            record = self.dataset.get(up) if up else None
        return record.id if record is not None else None

    def _update_history_actions(self) -> None:
        self.back_action.setEnabled(self.navigator.can_go_back())
        self.forward_action.setEnabled(self.navigator.can_go_forward())

    def select_default(self) -> None:
        """On a first start, show the dialogue relations themselves: the root of the tree."""
        if self.navigator.current is not None:
            return
        heading = self.tree_model.root.children[0] if self.tree_model.root.children else None
        first = heading.children[0].record if heading is not None and heading.children else None
        if first is not None:
            self.navigator.go(first.id)

    def open_record(self, record_id: str) -> bool:
        """Select a record by id (from ``--open`` or the last session); False if there is no such record."""
        if self.dataset.get(record_id) is None:
            self.statusBar().showMessage(f"There is no record with the id '{record_id}'.")
            return False
        self.navigator.go(record_id)
        return True

    def follow_link(self, link: Link) -> None:
        if link.target is Target.RECORD:
            self.open_record(link.value)
        elif link.target is Target.PARAGRAPH:
            self.show_paragraph(int(link.value))
        elif link.target is Target.GLOSSARY:
            self.glossary_dock.show()
            self.glossary_dock.raise_()
            self.glossary.show_acronym(link.value)

    def show_paragraph(self, number: int) -> None:
        self.source_dock.show()
        self.source_dock.raise_()
        self.source.show_paragraph(number)

    def describe(self, record_id: str) -> str:
        """Tooltip text for a record: title, date at its precision, kind, place."""
        record = self.dataset.get(record_id)
        if record is None:
            return record_id
        lines = [record.display_title, record.when.human()]
        detail = record.kind.label + (f" · {record.place}" if record.place else "")
        lines.append(detail)
        return "\n".join(lines)

    def _summary(self) -> str:
        counts = ", ".join(f"{len(self.dataset.of_kind(kind))} {kind.value}s" for kind in Kind)
        return f"{counts} — from {self.dataset.info.title}"

    # --- keyboard, mouse, window ----------------------------------------------------------------------------

    def _cycle_focus(self, step: int) -> None:
        visible = [widget for widget in self._focus_ring if widget.isVisible()]
        if not visible:
            return
        focused = QApplication.focusWidget()
        if focused is None:
            visible[0 if step > 0 else -1].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        position = next(
            (i for i, widget in enumerate(visible) if widget is focused or widget.isAncestorOf(focused)),
            -1 if step > 0 else 0,
        )
        visible[(position + step) % len(visible)].setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.MouseButtonPress
            and isinstance(event, QMouseEvent)
            and isinstance(watched, QWidget)
            and watched.window() is self
        ):
            if event.button() == Qt.MouseButton.BackButton:
                self.navigator.back()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.navigator.forward()
                return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.tree_model.set_palette(self.palette())
            self._draw_icons()
        super().changeEvent(event)

    def _draw_icons(self) -> None:
        self.back_action.setIcon(arrow_icon(self.palette(), pointing_left=True))
        self.forward_action.setIcon(arrow_icon(self.palette(), pointing_left=False))

    def restore_state(self) -> None:
        """Geometry, dock and splitter layout and the last record from the settings; defaults on anything odd."""
        if self.settings is None:
            return
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1600, 1000)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.splitter_state()
        if splitter is not None:
            self.splitter.restoreState(splitter)
        last = self.settings.last_record()
        if last is not None and self.dataset.get(last) is not None:
            self.navigator.go(last)

    def closeEvent(self, event: QCloseEvent) -> None:
        _app().removeEventFilter(self)
        if self.settings is not None:
            self.settings.save(
                geometry=QByteArray(self.saveGeometry()),
                state=QByteArray(self.saveState()),
                splitter=QByteArray(self.splitter.saveState()),
                record=self.navigator.current,
            )
        super().closeEvent(event)

    def show_about(self) -> None:
        info = self.dataset.info
        as_of = f" Its latest facts date from {info.as_of}." if info.as_of else ""
        data = f"{self.dataset.title} (version {self.dataset.version or 'not given'}).{as_of}"
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - dialogs load when first needed

        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"<h3>{APP_NAME} {__version__}</h3>"
            "<p>An offline explorer of ASEAN-Japan dialogue relations. Every record cites the paragraphs of the "
            "source it is drawn from.</p>"
            f"<p><b>Data:</b> {escape(data)}</p>"
            f"<p><b>Source:</b> {escape(info.attribution)}</p>",
        )


class _AfterFirstPaint(QObject):
    """Calls ``work`` once, just after ``window`` has first painted.

    A zero timer set when the window shows fires before its first paint, so work queued that way still
    delays the first frame; this waits for the paint itself.
    """

    def __init__(self, window: QWidget, work: Callable[[], None]) -> None:
        super().__init__(window)
        self._work = work
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._work)
        return False


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication), "the window needs a QApplication"
    return app
