"""The main window: the composition root. It builds the parts, and :meth:`MainWindow._connect_signals` wires
them, grouped by concern. Parts only declare signals; the navigator owns the selection and the history."""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import logging
import math
from collections.abc import Callable, Sequence
from html import escape
from typing import TYPE_CHECKING, TypeVar

import shiboken6
from PySide6.QtCore import QByteArray, QEvent, QObject, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

from ajexplorer import APP_NAME, __version__
from ajexplorer.domain.i18n import QT_TRANSLATE_NOOP, translate
from ajexplorer.domain.model import Dataset, Record
from ajexplorer.domain.query import Filters, QueryError
from ajexplorer.gui.announce import Announcer, set_description
from ajexplorer.gui.detail_pane import DetailPane
from ajexplorer.gui.file_menu import EXPORT, NOTEBOOK, PRINT, QUIT, FileMenu
from ajexplorer.gui.glossary_panel import GlossaryPanel
from ajexplorer.gui.history_menu import HistoryMenu, Line, attach_to_button
from ajexplorer.gui.icons import arrow_icon
from ajexplorer.gui.mechanism_tree import MechanismModel, MechanismPanel
from ajexplorer.gui.navigator import Navigator
from ajexplorer.gui.placeholder import Placeholder
from ajexplorer.gui.screen_fit import (
    DETAIL_LINES,
    PREFERRED,
    clamp,
    first_geometry,
    fits,
    layout_for,
    screen_for,
)
from ajexplorer.gui.search_panel import FilterBar, ResultsPanel, SearchField
from ajexplorer.gui.settings import Settings
from ajexplorer.gui.side_buttons import SideButtons
from ajexplorer.gui.source_view import SourceView
from ajexplorer.gui.theme import ThemeMenu, apply_theme
from ajexplorer.gui.timeline_widget import TimelineWidget
from ajexplorer.presentation.history import SearchState, move_tip, step_label
from ajexplorer.presentation.links import Link, Target
from ajexplorer.presentation.mechanism_tree import build_tree, mechanism_for
from ajexplorer.presentation.record_text import dataset_summary, no_such_record, status_line, tooltip
from ajexplorer.presentation.search_text import dated_hits, query_problem, results_message
from ajexplorer.presentation.themes import Theme
from ajexplorer.presentation.timeline_layout import items_from

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from ajexplorer.domain.export import ExportContext
    from ajexplorer.domain.notebook_search import NotebookSearch
    from ajexplorer.domain.search import SearchIndex
    from ajexplorer.gui.background import BackgroundJob, Turns
    from ajexplorer.gui.chronology_view import ChronologyView
    from ajexplorer.gui.export_actions import ExportController
    from ajexplorer.gui.figures_view import FiguresPanel
    from ajexplorer.gui.notebook_controller import NotebookController

T = TypeVar("T")
#: If no paint has come this long after showing, the deferred start-up work runs anyway.
FIRST_PAINT_FALLBACK_MS = 1500
#: Between two steps of the work after the first paint: a timer rather than a queued call, so that the keys,
#: clicks and timers already waiting are handled before the next step starts (queued calls go first).
STEP_GAP_MS = 1
#: How long the outcome of an export or print stays in the status bar.
STATUS_MESSAGE_MS = 10_000
#: A search lists this many results at most; the first screenful of them (more than the list shows) is
#: painted with the keystroke, the rest follows as soon as that is done.
RESULTS_LIMIT = 200
FIRST_RESULTS = 30
_log = logging.getLogger("ajexplorer")


class MainWindow(QMainWindow):
    """Signals:
    firstPainted(): the window has painted; what waited for that now comes in steps (see _after_first_paint),
        and a link from a later start can be shown already.
    languageRequested(str): View > Language chose a language code, or "system".
    """

    firstPainted = Signal()
    languageRequested = Signal(str)

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
        self.navigator = Navigator(self, search_state=self._search_state)
        self.side_buttons = SideButtons(self)

        self.timeline = TimelineWidget(self)
        self.details = DetailPane(dataset, self)
        self.tree_model = MechanismModel(build_tree(dataset), self.palette(), self)
        self.mechanisms = MechanismPanel(self.tree_model, self)
        self.source = SourceView(dataset, self)
        self.glossary = GlossaryPanel(dataset.glossary, self)
        # Built just after the first paint (see _after_first_paint): hidden at start, and costly to import.
        self.figures: FiguresPanel | None = None
        self.chronology: ChronologyView | None = None
        self.exports: ExportController | None = None
        self.notebook: NotebookController | None = None
        self._search_index: SearchIndex | None = None
        self._index_builder: BackgroundJob[SearchIndex] | None = None
        #: The figures' and the chronology's contents, being prepared on worker threads (see _build_figures).
        self._jobs: list[BackgroundJob[object]] = []
        self._turns: Turns | None = None  # the workers run one at a time (see _job)
        self._parts_built = False
        #: What _after_first_paint has still to do, a step per turn of the event loop.
        self._steps: list[Callable[[], None]] = []
        self._step_due = False
        self._parts_done = False
        self._matches: frozenset[str] | None = None
        #: The pane the Results covered when a search raised them, given back when the search is cleared.
        self._covered_by_results: QDockWidget | None = None
        #: A dock F6 brought forward, and the one it covered (given back when F6 moves on).
        self._peeked: tuple[QDockWidget, QDockWidget] | None = None
        self._rest_of_results = _AfterNextPaint(self, self._show_rest_of_results)
        self._rest_query: tuple[str, Filters] = ("", Filters())
        #: Before each year range dragged on the axis: the filters and the time shown, for Undo Filter Change.
        self._filter_undo: list[tuple[Filters, tuple[float, float]]] = []
        self._picking_years = False
        self._first_paint_hook: _AfterFirstPaint | None = None
        #: True once the window has painted and the work deferred past that is done (see _check_started).
        self.started = False
        self._index_ready = False
        self._search_waits = False  # a search typed before the index was ready runs when it is
        self.search_field = SearchField(self)
        self.results = ResultsPanel(self)
        self.filter_bar = FilterBar(dataset.sections, self._today.year, self)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("centralSplitter")
        self.splitter.addWidget(self.timeline)
        self.splitter.addWidget(self.details)
        # The details hold the answers: as much height as the timeline, and never fewer than a dozen lines.
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.details.browser.setMinimumHeight(self.details.height_for_lines(DETAIL_LINES))
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.mechanisms_dock = self._dock(
            QT_TRANSLATE_NOOP("MainWindow", "Mechanisms"),
            self.mechanisms,
            Qt.DockWidgetArea.LeftDockWidgetArea,
        )
        self.source_dock = self._dock(
            QT_TRANSLATE_NOOP("MainWindow", "Source"), self.source, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.glossary_dock = self._dock(
            QT_TRANSLATE_NOOP("MainWindow", "Glossary"), self.glossary, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.tabifyDockWidget(self.source_dock, self.glossary_dock)
        self.figures_dock = self._dock(
            QT_TRANSLATE_NOOP("MainWindow", "Figures"),
            Placeholder(translate("MainWindow", "Preparing the figures…"), self),
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self.tabifyDockWidget(self.glossary_dock, self.figures_dock)
        self.source_dock.raise_()
        self.results_dock = self._dock(
            QT_TRANSLATE_NOOP("MainWindow", "Results"), self.results, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.tabifyDockWidget(self.mechanisms_dock, self.results_dock)
        self.notebook_dock = self._dock(
            QT_TRANSLATE_NOOP("MainWindow", "Notebook"), QWidget(self), Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.tabifyDockWidget(self.results_dock, self.notebook_dock)
        self.chronology_dock = self._dock(
            QT_TRANSLATE_NOOP("MainWindow", "Chronology"),
            Placeholder(translate("MainWindow", "Preparing the chronology…"), self),
            Qt.DockWidgetArea.LeftDockWidgetArea,
        )
        self.tabifyDockWidget(self.results_dock, self.chronology_dock)
        self.mechanisms_dock.raise_()
        self.resizeDocks([self.mechanisms_dock, self.source_dock], [470, 440], Qt.Orientation.Horizontal)

        self._create_actions()
        self._create_menus_and_toolbar()
        if settings is not None and settings.hide_unmatched():
            self.filter_bar.set_hide_unmatched(True)  # before the signals are wired: nothing to save back
            self.timeline.set_hide_unmatched(True)
        self._load_timeline()
        self.timeline.set_describer(self.describe)
        self._timeline_about = self.timeline.accessibleDescription()
        self._timeline_selected = translate("MainWindow", "nothing")
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
        self.announcer = Announcer(self.statusBar())
        self.announcer.say(dataset_summary(self.dataset))

    # --- construction ---------------------------------------------------------------------------------------

    def _dock(self, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        """``name``: the English title, which also names the dock in the saved layout, whatever the language."""
        title = translate("MainWindow", name)
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{name.lower()}Dock")
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
        self.quit_action = self._action(
            translate("MainWindow", "&Quit"),
            QKeySequence.StandardKey.Quit,
            translate("MainWindow", "Quit the application"),
        )
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.back_action = self._action(
            translate("MainWindow", "&Back"),
            [QKeySequence("Alt+Left"), QKeySequence(QKeySequence.StandardKey.Back)],
            translate("MainWindow", "Go back to the previous record"),
        )
        self.forward_action = self._action(
            translate("MainWindow", "&Forward"),
            [QKeySequence("Alt+Right"), QKeySequence(QKeySequence.StandardKey.Forward)],
            translate("MainWindow", "Go forward again"),
        )
        self._draw_icons()
        self.fit_action = self._action(
            translate("MainWindow", "&Fit Timeline"),
            "Ctrl+0",
            translate("MainWindow", "Show the whole time span"),
        )
        self.zoom_in_action = self._action(
            translate("MainWindow", "Zoom &In"),
            QKeySequence.StandardKey.ZoomIn,
            translate("MainWindow", "Zoom the timeline in"),
        )
        self.zoom_out_action = self._action(
            translate("MainWindow", "Zoom &Out"),
            QKeySequence.StandardKey.ZoomOut,
            translate("MainWindow", "Zoom the timeline out"),
        )
        self.zoom_selection_action = self._action(
            translate("MainWindow", "Zoom to &Selection"),
            "Ctrl+E",
            translate("MainWindow", "Zoom the timeline to the selection"),
        )
        self.next_part_action = self._action(
            translate("MainWindow", "Next Part"),
            "F6",
            translate("MainWindow", "Move the keyboard to the next pane, bringing it forward"),
        )
        self.previous_part_action = self._action(
            translate("MainWindow", "Previous Part"),
            "Shift+F6",
            translate("MainWindow", "Move the keyboard to the previous pane, bringing it forward"),
        )
        self.copy_citation_action = self._action(
            translate("MainWindow", "Copy &Citation"),
            "Ctrl+Shift+C",
            translate("MainWindow", "Copy a citation of the selected record: source, paragraphs, link"),
        )
        self.about_action = self._action(translate("MainWindow", "&About {app}").format(app=APP_NAME))
        self.legend_action = self._action(
            translate("MainWindow", "Timeline &Legend"),
            None,
            translate("MainWindow", "What the timeline's marks mean"),
        )
        self.shortcuts_action = self._action(
            translate("MainWindow", "&Keyboard Shortcuts"),
            "Ctrl+/",
            translate("MainWindow", "Every command that has keys"),
        )
        self.search_help_action = self._action(
            translate("MainWindow", "&Search Syntax"),
            None,
            translate("MainWindow", "How to search, with examples"),
        )
        self.find_action = self._action(
            translate("MainWindow", "&Find…"),
            [QKeySequence("Ctrl+K"), QKeySequence("Ctrl+F")],
            translate("MainWindow", "Search the records"),
        )
        self.undo_filters_action = self._action(
            translate("MainWindow", "&Undo Filter Change"),
            "Ctrl+Z",
            translate("MainWindow", "Put back the filters a drag across the timeline's axis replaced"),
        )
        self.undo_filters_action.setEnabled(False)
        self.clear_filters_action = self._action(
            translate("MainWindow", "Clear &Filters"),
            "Ctrl+Shift+F",
            translate("MainWindow", "Remove every filter"),
        )
        self.chronology_action = self._action(
            translate("MainWindow", "&Chronology List"),
            "Ctrl+Shift+L",
            translate("MainWindow", "The timeline's items as a list in time order"),
        )
        for action in (self.next_part_action, self.previous_part_action):
            self.addAction(action)

    def _create_menus_and_toolbar(self) -> None:
        menu = self.menuBar()
        self.file_menu = FileMenu(translate("MainWindow", "&File"), self)
        menu.addMenu(self.file_menu)
        self.file_menu.set_section(QUIT, [self.quit_action])
        edit_menu = menu.addMenu(translate("MainWindow", "&Edit"))
        edit_menu.addAction(self.undo_filters_action)
        edit_menu.addAction(self.copy_citation_action)
        edit_menu.addAction(self.find_action)
        edit_menu.addAction(self.clear_filters_action)
        view_menu = self.view_menu = menu.addMenu(translate("MainWindow", "&View"))
        for dock in (
            self.mechanisms_dock,
            self.results_dock,
            self.notebook_dock,
            self.chronology_dock,
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
            self.chronology_action,
        ):
            view_menu.addAction(action)
        go_menu = menu.addMenu(translate("MainWindow", "&Go"))
        go_menu.addAction(self.back_action)
        go_menu.addAction(self.forward_action)
        go_menu.addSeparator()
        # History lists: every step in Go > History; the earlier or later ones on Back's and Forward's buttons.
        self.history_menu = HistoryMenu(translate("MainWindow", "&History"), self._history_lines, go_menu)
        go_menu.addMenu(self.history_menu)
        self.back_menu = HistoryMenu(translate("MainWindow", "Back"), lambda: self._history_lines(-1), self)
        self.forward_menu = HistoryMenu(
            translate("MainWindow", "Forward"), lambda: self._history_lines(1), self
        )
        help_menu = menu.addMenu(translate("MainWindow", "&Help"))
        for action in (self.legend_action, self.shortcuts_action, self.search_help_action):
            help_menu.addAction(action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)
        self.toolbar = QToolBar(translate("MainWindow", "Navigation"), self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.addAction(self.back_action)
        self.toolbar.addAction(self.forward_action)
        for action, history in ((self.back_action, self.back_menu), (self.forward_action, self.forward_menu)):
            button = self.toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                attach_to_button(button, history)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.fit_action)
        self.toolbar.addAction(self.zoom_selection_action)
        self.toolbar.addSeparator()
        self.toolbar.addWidget(self.search_field)
        self.addToolBar(self.toolbar)
        self.addToolBarBreak()
        self.filter_toolbar = QToolBar(translate("MainWindow", "Filters"), self)
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
        self.details.browser.linkSelected.connect(self._say_link)
        self.source.browser.linkSelected.connect(self._say_link)
        # ... and every view follows the navigator.
        nav.currentChanged.connect(self._on_current_changed)
        nav.historyChanged.connect(self._update_history_actions)
        nav.searchRestored.connect(self._restore_search)
        for history in (self.history_menu, self.back_menu, self.forward_menu):
            history.offsetChosen.connect(nav.jump)
        # Commands.
        self.quit_action.triggered.connect(self.close)
        self.back_action.triggered.connect(nav.back)
        self.forward_action.triggered.connect(nav.forward)
        self.side_buttons.back.connect(nav.back)
        self.side_buttons.forward.connect(nav.forward)
        self.fit_action.triggered.connect(self.timeline.fit_all)
        self.zoom_in_action.triggered.connect(lambda: self.timeline.zoom_by(1.5))
        self.zoom_out_action.triggered.connect(lambda: self.timeline.zoom_by(1 / 1.5))
        self.zoom_selection_action.triggered.connect(self.timeline.zoom_to_selection)
        self.copy_citation_action.triggered.connect(lambda _checked=False: self.details.copy_citation())
        self.details.copied.connect(lambda text: self.announcer.say(text, STATUS_MESSAGE_MS))
        self.next_part_action.triggered.connect(lambda: self._cycle_focus(1))
        self.previous_part_action.triggered.connect(lambda: self._cycle_focus(-1))
        self.about_action.triggered.connect(self.show_about)
        self.legend_action.triggered.connect(self.show_legend)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.search_help_action.triggered.connect(self.show_search_help)
        # Search and filters: one place computes the matches, every view shows them.
        self.results.recordActivated.connect(nav.go)
        self.search_field.queryChanged.connect(self._run_search)
        self.search_field.escaped.connect(self._give_way_results)
        self.search_field.editingFinished.connect(self._left_search)
        self.search_field.moveRequested.connect(self.results.move)
        self.search_field.acceptRequested.connect(self.results.accept_current)
        self.filter_bar.filtersChanged.connect(self._filters_changed)
        self.filter_bar.yearsChanged.connect(self.timeline.show_years)
        self.filter_bar.hideChanged.connect(self._set_hide_unmatched)
        self.timeline.yearRangePicked.connect(self.pick_years)
        self.undo_filters_action.triggered.connect(self.undo_filter_change)
        self.timeline.viewChanged.connect(self._describe_timeline)
        self.find_action.triggered.connect(self.focus_search)
        self.clear_filters_action.triggered.connect(self.filter_bar.clear)
        self.chronology_action.triggered.connect(self.show_chronology)
        # Views out of sight leave a keystroke's work until their dock is shown (its tab chosen).
        self.mechanisms_dock.visibilityChanged.connect(lambda shown: self._catch_up(shown, self.mechanisms))
        self.source_dock.visibilityChanged.connect(lambda shown: self._catch_up(shown, self.source))
        self.glossary_dock.visibilityChanged.connect(lambda shown: self._catch_up(shown, self.glossary))

    @staticmethod
    def _catch_up(shown: bool, view: MechanismPanel | SourceView | GlossaryPanel | FiguresPanel) -> None:
        if shown:
            view.catch_up()

    # --- search ---------------------------------------------------------------------------------------------

    @property
    def search_index(self) -> SearchIndex:
        """Built on first use, or just after the window first shows, so it never delays the first paint."""
        if self._search_index is None and self._index_builder is not None:
            self._index_built(self._index_builder.wait())
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
        """Work nobody sees at once waits until the window is on screen: the search index, the source text,
        the parts that are hidden at start (the export commands, the notebook, figures, the chronology). Each
        step has a turn of the event loop of its own, so that a key pressed meanwhile is answered between
        them; the long computations go to worker threads (see _prepare)."""
        if self._parts_built or not self.isVisible():  # done already, or closed before it painted
            return
        self._parts_built = True
        # The export commands first: their imports are Python work, which takes three times as long once
        # worker threads (started by the steps after them) share the interpreter with it.
        self._steps = [
            _import_export_painting,
            self._build_exports,
            self._fit_names,  # the tree paints its fitted names twice: before the workers, it paints sooner
            self._finish_start,
            self._prepare_source,
            self._build_notebook,
            self._mark_focus,
            self._build_figures,
            self._build_chronology,
            self._build_menus,
        ]
        self._step_soon()
        self.firstPainted.emit()

    def _next_step(self) -> None:
        self._step_due = False
        if self._steps:
            self._steps.pop(0)()
        if self._steps:
            self._step_soon()
            return
        if not self._parts_done:
            self._parts_done = True
            self._check_started()

    def _step_soon(self) -> None:
        """The next step, on a turn of the event loop of its own (one step per turn, however many are due)."""
        if not self._step_due:
            self._step_due = True
            QTimer.singleShot(STEP_GAP_MS, self, self._next_step)

    def _all_steps_now(self) -> None:
        """What is left of the work after the first paint, at once (a command that needs it came first)."""
        self._after_first_paint()
        while self._steps:
            self._next_step()

    def _fit_names(self) -> None:
        self.mechanisms.shorten_names_apart()
        self.glossary.follow_width()
        # The fields start empty, so their clear buttons are not drawn yet; the first one's icon costs the
        # first paint about 8 ms.
        for field in (self.search_field, self.mechanisms.filter_field, self.glossary.filter_field):
            field.setClearButtonEnabled(True)
        # The mouse's side buttons anywhere in the window (the panes built later join when they are).
        self.side_buttons.watch(self)

    def _prepare_source(self) -> None:
        """The source's first page is built on a worker thread and shown when ready (sooner if a link asks
        for a paragraph: then it is built on the spot, and what the worker brings is not needed)."""
        job: BackgroundJob[object] = self._job(
            "prepare-source", self.source.preparation(), translate("MainWindow", "the source text")
        )
        job.finished.connect(lambda page: self._prepared(job, lambda: self.source.release(page)))
        job.failed.connect(lambda _message: self._prepared(job, self.source.release))
        self._jobs.append(job)
        job.start()

    def _build_menus(self) -> None:
        self._describe_timeline()
        self._build_theme_menu()
        self._build_language_menu()

    def _prepare(
        self,
        dock: QDockWidget,
        texts: tuple[str, str],
        work: Callable[[], object],
        show: Callable[[object], None],
    ) -> None:
        """``work`` (pure, and at 100,000 records seconds long) runs on a worker thread while ``dock`` says
        what is being prepared; ``show`` puts the outcome in the dock on the GUI thread, in the state the
        window is in by then (the selection, the search, the filters). ``texts``: the dock's sentence while
        it waits, and what it shows, named for a failure's message."""
        waiting, what = texts
        # The dock has held a placeholder since the window was built: putting a new widget in it now would lay
        # out and repaint the dock area while the window prepares (tens of ms at 100,000 records).
        placeholder = dock.widget()
        if not isinstance(placeholder, Placeholder):
            placeholder = Placeholder(waiting, self)
            dock.setWidget(placeholder)
        placeholder.setText(waiting)
        job: BackgroundJob[object] = self._job(f"prepare-{dock.objectName()}", work, what)
        job.finished.connect(lambda result: self._prepared(job, lambda: show(result)))
        job.failed.connect(lambda message: self._prepared(job, lambda: placeholder.setText(message)))
        self._jobs.append(job)
        job.start()

    def _job(self, name: str, work: Callable[[], T], what: str) -> BackgroundJob[T]:
        """A worker for ``work`` that runs after the window's other workers are done: one at a time, the GUI
        thread waits far less for the interpreter lock (see :class:`Turns`). The search index comes first, so
        a search typed early waits for it alone."""
        from ajexplorer.gui.background import BackgroundJob, Turns  # noqa: PLC0415 - see _after_first_paint

        if self._turns is None:
            self._turns = Turns()
        return BackgroundJob(name, work, what, self._turns)

    def _prepared(self, job: BackgroundJob[object], then: Callable[[], None]) -> None:
        if not shiboken6.isValid(self):  # the window went (another dataset opened) while the job ran
            return
        if job in self._jobs:
            # What a worker brings waits for a turn of its own, as the steps do: shown in the same turn as a
            # step, the two would hold the window for as long as both take.
            def show() -> None:
                if job not in self._jobs:  # the window closed meanwhile (see closeEvent)
                    return
                self._jobs.remove(job)
                then()
                self._check_started()

            self._steps.insert(0, show)
            self._step_soon()

    def preparing(self) -> bool:
        """Some part is still being prepared past the first paint (the figures, the chronology)."""
        return (
            not self._parts_built
            or bool(self._steps)
            or not self._parts_done
            or bool(self._jobs)
            or (self.chronology is not None and self.chronology.filling())
        )

    def _build_figures(self) -> None:
        self._prepare(
            self.figures_dock,
            (translate("MainWindow", "Preparing the figures…"), translate("MainWindow", "the figures")),
            lambda: _figures_content(self.dataset),
            self._show_figures,
        )

    def _show_figures(self, content: object) -> None:
        from ajexplorer.gui.figures_view import FiguresPanel  # noqa: PLC0415 - see _after_first_paint
        from ajexplorer.presentation.figure_table import FiguresContent  # noqa: PLC0415

        assert isinstance(content, FiguresContent)
        figures = FiguresPanel(self)
        figures.set_content(content)
        figures.set_matches(self._matches)
        figures.set_hide_unmatched(self.timeline.hides_unmatched)
        figures.recordActivated.connect(self.navigator.go)
        self.figures_dock.setWidget(figures)
        self.figures = figures
        self._join_focus_ring(figures, after=self.glossary.view)
        self.figures_dock.visibilityChanged.connect(lambda shown: self._catch_up(shown, figures))
        # Scrolled to the selection once the dock has laid the panel out at its real size.
        QTimer.singleShot(0, figures, lambda: figures.set_current(self.navigator.current))

    def _build_chronology(self) -> None:
        self._prepare(
            self.chronology_dock,
            (
                translate("MainWindow", "Preparing the chronology…"),
                translate("MainWindow", "the chronology"),
            ),
            lambda: _chronology_content(self.dataset, self._today),
            self._show_chronology,
        )

    def _show_chronology(self, groups: object) -> None:
        from ajexplorer.gui.chronology_view import ChronologyView  # noqa: PLC0415 - see _after_first_paint
        from ajexplorer.presentation.chronology import Arranged  # noqa: PLC0415

        assert isinstance(groups, Arranged)
        view = ChronologyView(self)
        self.chronology_dock.setWidget(view)  # first: a view out of sight expands its years when shown
        view.set_arranged(groups)
        view.set_current(self.navigator.current)
        view.recordActivated.connect(self.navigator.go)
        view.filled.connect(self._check_started)
        self.chronology = view
        self._join_focus_ring(view, after=self.timeline)

    def _join_focus_ring(self, pane: QWidget, after: QWidget) -> None:
        """A pane prepared after the first paint takes its place in F6's and Tab's order, with a focus mark."""
        self._focus_ring.insert(self._focus_ring.index(after) + 1, pane)
        self.focus_marks.add(pane)
        QWidget.setTabOrder(after, pane)

    def _build_language_menu(self) -> None:
        """View > Language: System, then each language named in itself; the choice is the settings'."""
        from PySide6.QtGui import QActionGroup  # noqa: PLC0415 - see _after_first_paint

        from ajexplorer.gui.i18n import SYSTEM, choices  # noqa: PLC0415

        chosen = self.settings.language() if self.settings is not None else SYSTEM
        menu = self.view_menu.addMenu(translate("MainWindow", "&Language"))
        menu.setObjectName("languageMenu")
        group = QActionGroup(menu)
        for code, name in ((SYSTEM, translate("MainWindow", "System")), *choices()):
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == chosen)
            action.setData(code)
            group.addAction(action)
        group.triggered.connect(lambda action: self.languageRequested.emit(str(action.data())))

    def take_place_of(self, old: MainWindow) -> None:
        """Shown in place of ``old`` on the same data (another language): its record, search, filters and
        Back/Forward history."""
        self.filter_bar.set_filters(old.filter_bar.filters())
        self.search_field.setText(old.search_field.text())
        self.search_field.flush()
        self._run_search()
        self.navigator.adopt(old.navigator.history)

    def show_chronology(self) -> None:
        """Bring the chronology list forward and give it the keyboard."""
        self._all_steps_now()  # at once, if a shortcut comes before the first paint
        self.chronology_dock.show()
        self.chronology_dock.raise_()
        if self.chronology is not None:
            self.chronology.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _build_exports(self) -> None:
        from ajexplorer.gui.export_actions import ExportController  # noqa: PLC0415 - see _after_first_paint

        self.exports = ExportController(self, self.export_context, self._collections)
        self.navigator.currentChanged.connect(self.exports.set_selection)
        for outcome in (self.exports.saved, self.exports.failed):
            outcome.connect(lambda message: self.announcer.say(message, STATUS_MESSAGE_MS))
        self.file_menu.set_section(EXPORT, [self.exports.export_menu])
        self.file_menu.set_section(PRINT, self.exports.print_actions)

    def _build_theme_menu(self) -> None:
        """View > Theme (the chosen theme itself was applied before the window was built)."""
        current = self.settings.theme() if self.settings is not None else Theme.SYSTEM
        self.theme_menu = ThemeMenu(current, self)
        self.view_menu.addSeparator()
        self.view_menu.addMenu(self.theme_menu)
        self.theme_menu.themeChosen.connect(self.choose_theme)

    def choose_theme(self, value: str) -> None:
        """Apply the theme to the whole application at once and remember it for the next start."""
        theme = Theme(value)
        apply_theme(_app(), theme)
        if self.settings is not None:
            self.settings.set_theme(theme)

    def _build_notebook(self) -> None:
        """The person's notebook, when the settings say where it lives (see :class:`Settings`)."""
        path = self.settings.notebook_path if self.settings is not None else None
        if path is None:
            return
        from ajexplorer.gui.notebook_controller import NotebookController  # noqa: PLC0415 - SQLite, after paint

        notebook = NotebookController(path, self.dataset, self)
        self.notebook = notebook
        self.notebook_dock.setWidget(notebook.panel)
        self.details.set_note_editor(notebook.editor)
        self._focus_ring.extend([notebook.panel.view, notebook.editor.text])
        notebook.targetActivated.connect(self.open_target)
        notebook.searchRequested.connect(self.run_query)
        notebook.marksChanged.connect(self._show_notebook_marks)
        notebook.message.connect(lambda text: self.announcer.say(text, STATUS_MESSAGE_MS))
        notebook.panel.saveSearchRequested.connect(
            lambda: notebook.save_search(self.search_field.text(), self.filter_bar.filters())
        )
        self.navigator.currentChanged.connect(notebook.follow)
        notebook.follow(self.navigator.current or "")
        notebook.refresh()
        self.file_menu.set_section(NOTEBOOK, notebook.actions)

    def _show_notebook_marks(self, starred: frozenset[str], noted: frozenset[str]) -> None:
        self.tree_model.set_marks(starred, noted)
        self.results.model.set_marks(starred, noted)
        self.timeline.set_starred(starred)
        from ajexplorer.domain.notebook_search import asks_notebook  # noqa: PLC0415 - loaded with the notebook

        if asks_notebook(self.search_field.text()):
            self._run_search()  # "is:starred" and the like follow what was just starred, noted or collected

    def open_target(self, target: str) -> None:
        """A record or paragraph chosen in the notebook: selected through the navigator (so Back returns)."""
        kind, _, key = target.partition(":")
        if kind == "record":
            self.open_record(key)
        elif kind == "paragraph" and key.isdigit():
            self.show_paragraph(int(key))

    def run_query(self, query: str, filters: Filters) -> None:
        """Put a query and filters in the controls and search (a saved search re-run on the open data)."""
        self.filter_bar.set_filters(filters)
        self.search_field.setText(query)
        self.search_field.flush()
        self._run_search()

    def export_context(self) -> ExportContext:
        """What File > Export and printing work on: the records in view, the selection, the search, and the
        timeline's range and size as shown."""
        from ajexplorer.domain.export import ExportContext  # noqa: PLC0415 - see _after_first_paint

        return ExportContext(
            self.dataset,
            tuple(self.records_in_view()),
            self.navigator.current,
            query=None if self._matches is None else self.search_field.text(),
            shown_range=self.timeline.visible_extent(),
            canvas=(float(self.timeline.width()), float(self.timeline.height())),
            today=self._today,
            notes={} if self.notebook is None else self.notebook.notes_by_target(),
        )

    def _collections(self) -> list[tuple[str, tuple[str, ...]]]:
        """The notebook's collections and their record ids, for File > Export."""
        if self.notebook is None:
            return []
        return [(found.name, found.record_ids) for found in self.notebook.notebook.collections()]

    def _finish_start(self) -> None:
        """The search index comes from a worker thread: a large dataset's takes seconds to build."""
        if self._search_index is not None:
            self._index_ready = True
            self._check_started()
            return
        if self._index_builder is not None:  # started already, by a search typed before this step came
            return
        from ajexplorer.domain.search import SearchIndex  # noqa: PLC0415 - see _after_first_paint

        dataset, today = self.dataset, self._today
        self._index_builder = self._job(
            "search-index",
            lambda: SearchIndex.from_dataset(dataset, today),
            translate("MainWindow", "the search index"),
        )
        self._index_builder.finished.connect(self._index_built)
        self._index_builder.failed.connect(self._index_failed)
        self._index_builder.start()

    def _index_built(self, index: SearchIndex) -> None:
        if self._index_ready:
            return  # a search waited for it already
        self._search_index = index
        self._index_ready = True
        if gc.get_freeze_count():
            # The app keeps what lives as long as the window out of the collector's scans (see gui.app); the
            # index joins it, or each full collection walks its tables in the middle of a keystroke.
            gc.freeze()
        self._check_started()
        if self._search_waits:
            self._search_waits = False
            self._run_search()

    def _index_failed(self, message: str) -> None:
        self.announcer.say(message)
        if self._search_waits:  # the search typed meanwhile says why it has no results
            self._search_waits = False
            self.results.show_hits([], message)

    def _index_pending(self) -> bool:
        """The search index is still being built on its worker (started now if its step has not come yet)."""
        if self._search_index is not None:
            return False
        if self._index_builder is None:
            self._finish_start()
        return self._index_builder is not None and not self._index_builder.done

    def _check_started(self) -> None:
        """Started: the search index built, and the figures and the chronology in their docks."""
        self.started = self._index_ready and not self.preparing()

    def _searcher(self) -> SearchIndex | NotebookSearch:
        """The index, or with a notebook open, the index and the person's notes searched together."""
        if self.notebook is None:
            return self.search_index
        return self.notebook.searcher(self.search_index)

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def _run_search(self, *_args: object) -> None:
        """Search with the field's text and the filter controls; every view shows the outcome."""
        self._rest_of_results.stop()
        text = self.search_field.text()
        filters = self.filter_bar.filters()
        if not text.strip() and not filters.active:
            self._show_matches(None, ())
            self.results.show_hits([], "")
            if not self.search_field.hasFocus():  # while typing on, the list stays where it is
                self._give_way_results()
            return
        if self._index_pending():
            # The search runs once the index is ready (_index_built), rather than holding the window while it
            # is built: half a second at 100,000 records.
            self._search_waits = True
            self.results.show_hits([], translate("MainWindow", "Preparing the search…"))
            self._raise_results()
            return
        try:
            result = self._searcher().search(text, limit=FIRST_RESULTS, filters=filters)
        except QueryError as error:
            self.results.show_hits([], query_problem(error))
            self.announcer.say(query_problem(error))
            self._show_matches(frozenset(), ())
            self._raise_results()
            return
        if result.total <= len(result.hits):
            matches = result.matched_ids
        else:
            matches = self._searcher().matching_ids(text, filters)
        if len(result.hits) < FIRST_RESULTS:
            self.results.show_hits(dated_hits(self.dataset, result.hits), results_message(result))
            self.announcer.say(results_message(result))
        else:  # the list fills after this keystroke's paint (_show_rest_of_results), and is announced then
            self.results.show_hits(
                dated_hits(self.dataset, result.hits),
                results_message(result, min(result.total, RESULTS_LIMIT)),
            )
            self._rest_query = (text, filters)
            self._rest_of_results.start()
        self._raise_results()  # first: the views it covers then wait until they are shown
        self._show_matches(matches, result.highlight_words)

    def _filters_changed(self) -> None:
        """A filter control changed: search again. Changed by hand, it is the person's own, and an earlier drag's
        Undo would now replace it, so the undo steps are dropped."""
        if not self._picking_years and self._filter_undo:
            self._filter_undo.clear()
            self.undo_filters_action.setEnabled(False)
        self._run_search()

    def pick_years(self, first: int, last: int) -> None:
        """Years dragged across the timeline's axis become the years filter; the filters and time shown before
        are kept for Edit > Undo Filter Change, and the status bar says so."""
        self._filter_undo.append((self.filter_bar.filters(), self.timeline.visible_extent()))
        self.undo_filters_action.setEnabled(True)
        self._picking_years = True
        try:
            self.filter_bar.set_years(first, last)
        finally:
            self._picking_years = False
        self._results_now()
        years = str(first) if first == last else self.timeline.pick_label(first, last)
        keys = self.undo_filters_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.announcer.say(
            translate(
                "MainWindow", "Years filter set to {years}. {keys} puts back the filters before."
            ).format(years=years, keys=keys),
            STATUS_MESSAGE_MS,
        )

    def undo_filter_change(self) -> None:
        """The filters and the time shown before the last drag across the axis, back."""
        if not self._filter_undo:
            return
        filters, (start, end) = self._filter_undo.pop()
        self.undo_filters_action.setEnabled(bool(self._filter_undo))
        self.filter_bar.set_filters(filters)
        self._run_search()
        self._results_now()
        self.timeline.show_extent(start, end)
        self.announcer.say(translate("MainWindow", "Filters put back as they were."), STATUS_MESSAGE_MS)

    def _results_now(self) -> None:
        """The whole results list at once rather than after the next paint, whose announcement would replace
        the status line about to be said."""
        self._rest_of_results.stop()
        if self.filter_bar.filters().active or self.search_field.text().strip():
            self._show_rest_of_results()

    def _set_hide_unmatched(self, hide: bool) -> None:
        """The filter bar's Dim others / Hide others: the timeline follows, and the choice is remembered."""
        self.timeline.set_hide_unmatched(hide)
        if self.figures is not None:
            self.figures.set_hide_unmatched(hide)
        if self.settings is not None:
            self.settings.set_hide_unmatched(hide)

    def _show_rest_of_results(self) -> None:
        """The whole list of the search whose first screenful is shown; nothing if the field or the filters
        changed since (their search, on its way, shows its own)."""
        text, filters = self._rest_query
        if (text, filters) != (self.search_field.text(), self.filter_bar.filters()):
            return
        try:
            result = self._searcher().search(text, limit=RESULTS_LIMIT, filters=filters)
        except QueryError:
            return  # defensive: the same query just ran
        self.results.show_rest(dated_hits(self.dataset, result.hits), results_message(result))
        self.announcer.say(results_message(result))

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
        if not _on_top(self.results_dock):
            shown = [dock for dock in self.tabifiedDockWidgets(self.results_dock) if _on_top(dock)]
            self._covered_by_results = shown[0] if shown else None
        self.results_dock.show()
        self.results_dock.raise_()

    def _left_search(self) -> None:
        """The search field left empty: the results give way, as Esc makes them."""
        if not self.search_field.text().strip() and not self.filter_bar.filters().active:
            self._give_way_results()

    def _give_way_results(self) -> None:
        """A search cleared: the pane the results covered (the tree, usually) comes back, rather than an
        empty list where it was."""
        covered, self._covered_by_results = self._covered_by_results, None
        if covered is not None and _on_top(self.results_dock) and covered.isVisible():
            covered.raise_()

    # --- following the selection ----------------------------------------------------------------------------

    def _on_current_changed(self, record_id: str) -> None:
        current = record_id or None
        self.timeline.set_current(current)
        self.timeline.set_linked(frozenset(self.dataset.linked_events(record_id)) if current else frozenset())
        self.mechanisms.follow(mechanism_for(self.dataset, current))
        self.details.show_record(current)
        self.source.follow(current)
        if self.figures is not None:
            self.figures.set_current(current)
        if self.chronology is not None:
            self.chronology.set_current(current)
        record = self.dataset.get(record_id) if current else None
        self._timeline_selected = (
            tooltip(self.dataset, record_id).replace("\n", ", ")
            if record
            else translate("MainWindow", "nothing")
        )
        self._describe_timeline()
        self.announcer.say(status_line(record) if record else dataset_summary(self.dataset))

    def _describe_timeline(self) -> None:
        """The painted timeline says in words what it shows: the years in view and the selected item."""
        start, end = self.timeline.visible_extent()
        shown = (
            translate("MainWindow", "Showing {start} to {end}").format(
                start=math.floor(start), end=math.floor(end)
            )
            if end > start
            else translate("MainWindow", "Nothing to show")
        )
        set_description(
            self.timeline,
            translate("MainWindow", "{about}. {shown}. Selected: {selected}").format(
                about=self._timeline_about, shown=shown, selected=self._timeline_selected
            ),
        )

    def _update_history_actions(self) -> None:
        """Enabled when there is somewhere to go; the tooltips name where."""
        history = self.navigator.history
        for action, steps, forward in (
            (self.back_action, history.earlier(), False),
            (self.forward_action, history.later(), True),
        ):
            action.setEnabled(bool(steps))
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            tip = move_tip(self.dataset, steps[0][1] if steps else None, keys, forward=forward)
            action.setToolTip(tip)
            action.setStatusTip(tip)

    def _history_lines(self, direction: int = 0) -> list[Line]:
        """A history list's lines: the earlier steps (-1), the later ones (1), or every step with the current
        one among them (0), latest at the top as browsers list them."""
        history = self.navigator.history
        earlier = [(offset, step_label(self.dataset, step)) for offset, step in history.earlier()]
        later = [(offset, step_label(self.dataset, step)) for offset, step in history.later()]
        if direction:
            return earlier if direction < 0 else later
        current = [(0, step_label(self.dataset, history.current))] if history.current is not None else []
        return [*reversed(later), *current, *earlier]

    def _search_state(self) -> SearchState:
        """What the history keeps with each record chosen: the search text, filters and highlighted result."""
        return SearchState(self.search_field.text(), self.filter_bar.filters(), self.results.current_record())

    def _restore_search(self, state: SearchState) -> None:
        """A step returned to: its search text, filters and highlighted result come back (searching once)."""
        self.filter_bar.set_filters(state.filters)
        self.search_field.set_query(state.query)
        self._run_search()
        if state.result is not None and not self.results.highlight(state.result):
            self._show_rest_of_results()  # past the first screenful: the whole list now, not after the paint
            self.results.highlight(state.result)

    def select_default(self) -> None:
        """On a first start, show the dialogue relations themselves: the root of the tree."""
        if self.navigator.current is not None:
            return
        heading = self.tree_model.root.children[0] if self.tree_model.root.children else None
        first = heading.children[0].record if heading is not None and heading.children else None
        if first is not None:
            self.navigator.go(first.id)

    def open_record(self, record_id: str) -> bool:
        """Select a record by id (a link followed); False, and a word in the status bar, if there is none."""
        if self.dataset.get(record_id) is None:
            self.announcer.say(no_such_record(record_id))
            return False
        self.navigator.go(record_id)
        return True

    def open_link(self, text: str) -> bool:
        """An ``ajexplorer://`` link from outside (the command line, the desktop, a later start): its record
        selected or its paragraph shown; a bad link is explained in the status bar and the log, nothing else."""
        from ajexplorer.domain.app_links import RECORD, BadLinkError, check_app_link  # noqa: PLC0415 - links only

        try:
            link = check_app_link(text, self.dataset)
        except BadLinkError as error:
            _log.warning("Link not opened: %s", error)
            self.statusBar().showMessage(
                translate("MainWindow", "Cannot open the link. {error}").format(error=error)
            )
            return False
        if link.target == RECORD:
            self.navigator.go(link.key)
            shown = f"record {self.navigator.current}"
        else:
            self.show_paragraph(int(link.key))
            shown = f"paragraph {link.key}"
        _log.info("Link %s: showing %s", link.url, shown)
        return True

    def bring_to_front(self) -> None:
        """Shown, unminimised and raised, for a link handed over by a later start."""
        self.setWindowState(
            self.windowState() & ~Qt.WindowState.WindowMinimized | Qt.WindowState.WindowActive
        )
        self.show()
        self.raise_()
        self.activateWindow()

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
        """Tooltip text for a record (:func:`~ajexplorer.presentation.record_text.tooltip`)."""
        return tooltip(self.dataset, record_id)

    # --- keyboard, mouse, window ----------------------------------------------------------------------------

    def _say_link(self, link: Link) -> None:
        """Where a link selected with the keyboard leads, in the status bar (and to a screen reader)."""
        record = self.dataset.get(link.value) if link.target is Target.RECORD else None
        if record is not None:
            where = record.display_title
        elif link.target is Target.PARAGRAPH:
            where = translate("MainWindow", "paragraph {number}").format(number=link.value)
        else:
            where = link.value
        self.announcer.say(
            translate("MainWindow", "Link to {where}: Enter follows it").format(where=where),
            STATUS_MESSAGE_MS,
        )

    def _mark_focus(self) -> None:
        """A focus mark on every pane that draws none of its own, and Tab through the panes in reading order:
        search and filters, timeline, tree and lists, details, source (each browser one Tab stop)."""
        from ajexplorer.gui.focus_mark import FocusMarks  # noqa: PLC0415 - see _after_first_paint

        self.focus_marks = FocusMarks(self)
        for pane in self._focus_ring:
            if pane not in (self.search_field, self.timeline):
                self.focus_marks.add(pane)
        self.glossary.view.setTabKeyNavigation(False)
        filters = [
            widget
            for widget in self.filter_bar.findChildren(QWidget)
            if widget.parentWidget() is self.filter_bar and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ]
        order = [self.search_field, *filters, *self._focus_ring[1:]]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def focus_parts(self) -> list[QWidget]:
        """The panes F6 visits, in order: those shown, and those tabbed behind another (brought forward when
        reached); a closed pane is left out."""
        return [
            widget
            for widget in self._focus_ring
            if widget.isVisible()
            and ((dock := self._dock_of(widget)) is None or dock.toggleViewAction().isChecked())
        ]

    def _dock_of(self, widget: QWidget) -> QDockWidget | None:
        return next((dock for dock in self.findChildren(QDockWidget) if dock.isAncestorOf(widget)), None)

    def _cycle_focus(self, step: int) -> None:
        from ajexplorer.gui.focus_mark import on_screen  # noqa: PLC0415 - see _after_first_paint

        parts = self.focus_parts()
        if not parts:
            return
        focused = QApplication.focusWidget()
        position = next(
            (
                i
                for i, widget in enumerate(parts)
                if focused is not None and (focused is widget or widget.isAncestorOf(focused))
            ),
            -1 if step > 0 else 0,
        )
        target = parts[(position + step) % len(parts)]
        # A pane F6 brought forward from behind a tab gives its place back when F6 moves on, so that passing
        # through leaves the docks as the person had them.
        peeked, self._peeked = self._peeked, None
        if peeked is not None and _on_top(peeked[0]) and peeked[1].isVisible():
            peeked[1].raise_()
        dock = self._dock_of(target)
        if dock is not None and not on_screen(target):
            covered = [other for other in self.tabifiedDockWidgets(dock) if _on_top(other)]
            dock.raise_()
            self._peeked = (dock, covered[0]) if covered else None
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab passes over the panes tabbed behind another (Qt keeps them "visible", off screen)."""
        from ajexplorer.gui.focus_mark import on_screen  # noqa: PLC0415 - see _after_first_paint

        start = QApplication.focusWidget()
        for _ in range(len(self.findChildren(QWidget))):
            if not super().focusNextPrevChild(next):
                return False
            now = QApplication.focusWidget()
            if now is None or now is start or on_screen(now):
                return True
        return True

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.tree_model.set_palette(self.palette())
            self._draw_icons()
        super().changeEvent(event)

    def _draw_icons(self) -> None:
        self.back_action.setIcon(arrow_icon(self.palette(), pointing_left=True))
        self.forward_action.setIcon(arrow_icon(self.palette(), pointing_left=False))

    def restore_state(self, open_id: str | None = None) -> None:
        """Geometry, dock and splitter layout from the settings (defaults on anything odd), then the first record:
        ``open_id`` (``--open``) if there is such a record, else the last one. Either way it is the history's
        only entry, so Back never leads to a record the person did not choose in this session."""
        first = open_id if open_id and self.dataset.get(open_id) is not None else None
        if self.settings is None:
            self.fit_to_screen(restored=False)
        else:
            self._restore_layout(self.settings)
            last = self.settings.last_record()
            if first is None and last is not None and self.dataset.get(last) is not None:
                first = last
        if first is not None:
            self.navigator.go(first)
        if open_id and first != open_id:
            self.announcer.say(no_such_record(open_id))

    def _restore_layout(self, settings: Settings) -> None:
        geometry = settings.geometry()
        restored = geometry is not None and self.restoreGeometry(geometry)
        state = settings.window_state()
        if restored and state is not None:
            self.restoreState(state)
        if not self.fit_to_screen(restored):
            return  # a layout made for another screen: the one chosen for this screen stands
        splitter = settings.splitter_state()
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def fit_to_screen(self, restored: bool) -> bool:
        """Keep a restored geometry that fits its screen (True); otherwise size and place the window within
        the available area of the screen it opens on, and arrange the panes for that room (False)."""
        if restored and self.isMaximized():
            return True
        frame = self.frameGeometry() if restored else None
        screen = screen_for(frame)
        available = screen.availableGeometry()
        if restored and frame is not None and fits(frame, available):
            return True
        wanted = self.geometry() if restored else QRect(QPoint(0, 0), PREFERRED)
        self.setGeometry(clamp(self.geometry(), available) if restored else first_geometry(available))
        if self.width() < wanted.width() or self.height() < wanted.height():
            # No room to spare: maximised, so that a window manager's frame and panels are allowed for.
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        self.arrange_panes(available.size())
        return False

    def arrange_panes(self, room: QSize) -> None:
        """Panes on both sides when the screen is wide enough; else the right-hand ones join the left as tabs
        so that the timeline and the details keep a readable width."""
        layout = layout_for(room)
        right = (self.source_dock, self.glossary_dock, self.figures_dock)
        area = (
            Qt.DockWidgetArea.LeftDockWidgetArea
            if layout.single_column
            else Qt.DockWidgetArea.RightDockWidgetArea
        )
        for dock in right:
            if self.dockWidgetArea(dock) != area:
                self.addDockWidget(area, dock)
        anchor = self.mechanisms_dock if layout.single_column else self.source_dock
        for dock in right:
            if dock is not anchor:
                self.tabifyDockWidget(anchor, dock)
        self.setTabPosition(
            Qt.DockWidgetArea.LeftDockWidgetArea,
            QTabWidget.TabPosition.West if layout.single_column else QTabWidget.TabPosition.South,
        )
        self.mechanisms_dock.raise_()
        if not layout.single_column:
            self.source_dock.raise_()
        columns = [self.mechanisms_dock] if layout.single_column else [self.mechanisms_dock, self.source_dock]
        self.resizeDocks(columns, [layout.side_width] * len(columns), Qt.Orientation.Horizontal)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._steps.clear()  # a closed window prepares nothing more (its jobs would start after the clear below)
        for job in self._jobs:
            job.discard()  # what is still being prepared has nowhere to go
        self._jobs.clear()
        if self._index_builder is not None:
            self._index_builder.discard()
        if self.notebook is not None:
            self.notebook.close()  # what was typed last is written before the window goes
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
        as_of = (
            " " + translate("MainWindow", "Its latest facts date from {date}.").format(date=info.as_of)
            if info.as_of
            else ""
        )
        data = translate("MainWindow", "{title} (version {version}).").format(
            title=self.dataset.title, version=self.dataset.version or translate("MainWindow", "not given")
        )
        data += as_of
        from ajexplorer.presentation.help_text import attribution_text  # noqa: PLC0415 - see _help

        label, attribution = attribution_text(info.attribution)
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - dialogs load when first needed

        explorer = translate(
            "MainWindow",
            "An offline explorer of ASEAN-Japan dialogue relations. Every record cites the paragraphs of the "
            "source it is drawn from.",
        )
        data_label = translate("MainWindow", "Data:")
        QMessageBox.about(
            self,
            translate("MainWindow", "About {app}").format(app=APP_NAME),
            f"<h3>{APP_NAME} {__version__}</h3>"
            f"<p>{escape(explorer)}</p>"
            f"<p><b>{escape(data_label)}</b> {escape(data)}</p>"
            f"<p><b>{escape(label)}:</b> {escape(attribution)}</p>",
        )

    # --- help -----------------------------------------------------------------------------------------------

    def _help(self, title: str, html: str, top: QWidget | None = None) -> QDialog:
        from ajexplorer.gui.help_dialogs import help_dialog  # noqa: PLC0415 - loads when help is first asked

        dialog = help_dialog(self, title, html, top)
        dialog.show()
        return dialog

    def show_legend(self) -> QDialog:
        """The timeline's marks, drawn by the timeline's painter from a tiny scene."""
        from ajexplorer.gui.help_dialogs import LEGEND_TEXT, LegendCanvas  # noqa: PLC0415 - see _help

        return self._help(
            translate("MainWindow", "Timeline Legend"), translate("Help", LEGEND_TEXT), LegendCanvas()
        )

    def show_shortcuts(self) -> QDialog:
        """Read from the window's actions as they are now (export and notebook commands included)."""
        from ajexplorer.gui.help_dialogs import action_shortcuts  # noqa: PLC0415 - see _help
        from ajexplorer.presentation.help_text import pane_shortcuts, shortcuts_html  # noqa: PLC0415

        return self._help(
            translate("MainWindow", "Keyboard Shortcuts"),
            shortcuts_html([*action_shortcuts(self.findChildren(QAction)), *pane_shortcuts()]),
        )

    def show_search_help(self) -> QDialog:
        from ajexplorer.presentation.help_text import search_syntax_html  # noqa: PLC0415 - see _help

        return self._help(translate("MainWindow", "Search Syntax"), search_syntax_html())


class _AfterNextPaint(QObject):
    """Calls ``work`` once ``window`` has painted what is pending (its next update request handled) after
    :meth:`start`, unless :meth:`stop` comes first; after ``PAINT_WAIT_MS`` anyway if no paint comes (a
    minimised window)."""

    PAINT_WAIT_MS = 100

    def __init__(self, window: QWidget, work: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._work = work
        self._watching = False
        self._soon = QTimer(self)  # fires once the paint under way is done
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self._run)
        self._fallback = QTimer(self)
        self._fallback.setSingleShot(True)
        self._fallback.setInterval(self.PAINT_WAIT_MS)
        self._fallback.timeout.connect(self._run)

    def start(self) -> None:
        self.stop()
        self._window.installEventFilter(self)
        self._watching = True
        self._fallback.start()

    def stop(self) -> None:
        if self._watching:
            self._window.removeEventFilter(self)
            self._watching = False
        self._soon.stop()
        self._fallback.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._watching and event.type() == QEvent.Type.UpdateRequest:
            self._window.removeEventFilter(self)
            self._watching = False
            self._soon.start()
        return False

    def _run(self) -> None:
        self.stop()
        self._work()


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


def _import_export_painting() -> None:
    """A step of its own before the export commands: the printing and PDF classes' Python side (page sizes
    and all) takes tens of ms to build, too long to share a turn of the event loop with the commands."""
    import ajexplorer.gui.exporting  # noqa: F401, PLC0415


def _figures_content(dataset: Dataset) -> object:
    """On a worker thread, the import included (pure Python: the GUI thread need not wait for it)."""
    from ajexplorer.presentation.figure_table import figures_content  # noqa: PLC0415

    return figures_content(dataset)


def _chronology_content(dataset: Dataset, today: dt.date) -> object:
    """On a worker thread, as _figures_content."""
    from ajexplorer.presentation.chronology import arranged, chronology  # noqa: PLC0415

    return arranged(chronology(dataset, items_from(dataset, today)))


def _on_top(dock: QDockWidget) -> bool:
    """Shown, and not behind another dock's tab."""
    return dock.isVisible() and not dock.visibleRegion().isEmpty()


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication), "the window needs a QApplication"
    return app
