"""What the window prepares after its first paint (the figures, the chronology) is computed on worker threads:
each pane says it is being prepared until then, and shows the window's state as it is when ready, not as it
was when the work began. A failure is said in words; a window closed meanwhile is left in peace."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ajexplorer.domain.model import Dataset, Kind
from ajexplorer.domain.query import Filters
from ajexplorer.gui import background
from ajexplorer.gui.app import application
from ajexplorer.gui.background import BackgroundJob, JobFailedError
from ajexplorer.gui.chronology_view import ChronologyView
from ajexplorer.gui.figures_view import FiguresPanel
from ajexplorer.gui.placeholder import Placeholder
from ajexplorer.presentation import chronology as chronology_module
from ajexplorer.presentation import figure_table
from tests.gui.conftest import TODAY, shown_window


class Held:
    """Wraps a pure function so that it runs (on its worker) only once released; notes the threads it ran on."""

    def __init__(self, function: Callable[..., Any]) -> None:
        self.function = function
        self.release = threading.Event()
        self.threads: list[threading.Thread] = []

    def __call__(self, *args: Any) -> Any:
        self.threads.append(threading.current_thread())
        self.release.wait(30)
        return self.function(*args)


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Held, Held]]:
    figures = Held(figure_table.figures_content)
    chronology = Held(chronology_module.arranged)
    monkeypatch.setattr(figure_table, "figures_content", figures)
    monkeypatch.setattr(chronology_module, "arranged", chronology)
    yield figures, chronology
    figures.release.set()  # never leave a worker waiting
    chronology.release.set()


def test_a_job_runs_off_the_gui_thread_and_delivers_on_it(qtbot: QtBot) -> None:
    application()
    ran_on: list[threading.Thread] = []
    delivered_on: list[threading.Thread] = []

    def work() -> int:
        ran_on.append(threading.current_thread())
        return 42

    job: BackgroundJob[int] = BackgroundJob("test-job", work, "the answer")
    job.finished.connect(lambda _result: delivered_on.append(threading.current_thread()))
    with qtbot.waitSignal(job.finished, timeout=10000) as blocker:
        job.start()
    assert blocker.args == [42]
    assert ran_on and ran_on[0] is not threading.main_thread()
    assert delivered_on == [threading.main_thread()]
    assert job.wait() == 42


def test_a_failing_job_says_what_could_not_be_prepared_and_why(qtbot: QtBot) -> None:
    application()

    def work() -> int:
        raise ValueError("row 12 has no value")

    job: BackgroundJob[int] = BackgroundJob("test-job", work, "the figures")
    finished: list[object] = []
    job.finished.connect(finished.append)
    with qtbot.waitSignal(job.failed, timeout=10000) as blocker:
        job.start()
    message = str(blocker.args[0])
    assert message == "Could not prepare the figures: row 12 has no value"
    assert "Traceback" not in message and not finished
    with pytest.raises(JobFailedError, match="Could not prepare the figures: row 12 has no value"):
        job.wait()


def test_a_discarded_job_delivers_nothing(qtbot: QtBot) -> None:
    application()
    release = threading.Event()
    job: BackgroundJob[int] = BackgroundJob("test-job", lambda: release.wait(30) and 1, "the answer")
    finished: list[object] = []
    job.finished.connect(finished.append)
    job.start()
    job.discard()
    release.set()
    job.wait()
    qtbot.wait(50)
    assert finished == []


def test_the_switch_interval_comes_back_when_the_jobs_end(qtbot: QtBot) -> None:
    import sys

    application()
    usual = sys.getswitchinterval()
    release = threading.Event()
    job: BackgroundJob[bool] = BackgroundJob("test-job", lambda: release.wait(30), "the answer")
    job.start()
    assert sys.getswitchinterval() == background.SWITCH_INTERVAL_S  # the GUI thread gets the lock back soon
    release.set()
    job.wait()
    assert sys.getswitchinterval() == usual


def test_jobs_that_share_turns_run_one_at_a_time_in_the_order_started(qtbot: QtBot) -> None:
    application()
    turns = background.Turns()
    release = threading.Event()
    running: list[str] = []
    overlapped: list[bool] = []

    def work(name: str) -> str:
        overlapped.append(bool(running))
        running.append(name)
        if name == "first":
            release.wait(30)
        running.remove(name)
        return name

    jobs = [
        BackgroundJob(f"test-{name}", functools.partial(work, name), name, turns)
        for name in ("first", "second")
    ]
    for job in jobs:
        job.start()
    qtbot.waitUntil(lambda: running == ["first"], timeout=10000)
    qtbot.wait(50)
    assert running == ["first"]  # the second waits for its turn
    release.set()
    assert [job.wait() for job in jobs] == ["first", "second"]
    assert overlapped == [False, False]


def test_a_job_discarded_while_it_waits_for_its_turn_does_no_work(qtbot: QtBot) -> None:
    application()
    turns = background.Turns()
    release = threading.Event()
    ran: list[str] = []
    first: BackgroundJob[bool] = BackgroundJob("test-first", lambda: release.wait(30), "the answer", turns)
    second: BackgroundJob[None] = BackgroundJob(
        "test-second", lambda: ran.append("second"), "the answer", turns
    )
    first.start()
    second.start()
    second.discard()
    release.set()
    first.wait()
    second.wait()
    assert ran == []


def test_the_panes_say_they_are_being_prepared_then_show_the_state_reached_meanwhile(
    qtbot: QtBot, dataset: Dataset, held: tuple[Held, Held]
) -> None:
    figures_work, chronology_work = held
    window = shown_window(qtbot, dataset)
    qtbot.waitUntil(lambda: bool(figures_work.threads), timeout=10000)
    assert figures_work.threads[0] is not threading.main_thread()
    # Meanwhile each pane says what it is doing, and the window is not started.
    for dock, text in ((window.figures_dock, "figures"), (window.chronology_dock, "chronology")):
        placeholder = dock.widget()
        assert isinstance(placeholder, Placeholder)
        assert placeholder.text() == f"Preparing the {text}…"
    assert window.figures is None and window.chronology is None and not window.started
    # The person selects a record of the timeline and searches before the panes are ready ...
    from ajexplorer.presentation.timeline_layout import items_from

    on_timeline = {item.id for item in items_from(dataset, TODAY)}
    figure = next(record for record in dataset.of_kind(Kind.FIGURE) if record.value is not None)
    event = next(record for record in dataset.records.values() if record.id in on_timeline)
    window.navigator.go(figure.id)
    window.run_query(figure.title.split()[0], Filters())
    matches = frozenset(record.id for record in window.records_in_view())
    assert figure.id in matches and len(matches) < len(dataset.records)
    figures_work.release.set()
    qtbot.waitUntil(lambda: window.figures is not None, timeout=10000)
    # ... the figures, once ready, show that state; the chronology, prepared next, is not ready yet ...
    figures: object = window.figures  # (not narrowed to None by the checks above)
    assert isinstance(figures, FiguresPanel) and window.figures_dock.widget() is figures
    window.figures_dock.raise_()
    qtbot.waitUntil(lambda: figures.view.current == figure.id)
    assert figures.view.matches == matches
    qtbot.waitUntil(lambda: bool(chronology_work.threads), timeout=10000)
    assert chronology_work.threads[0] is not threading.main_thread()
    assert window.chronology is None and not window.started
    window.navigator.go(event.id)
    chronology_work.release.set()
    qtbot.waitUntil(lambda: window.started, timeout=10000)
    # ... and so does the chronology.
    shown: object = window.chronology
    assert isinstance(shown, ChronologyView) and window.chronology_dock.widget() is shown
    assert shown.current_record() == event.id
    # They follow what comes next as any view does.
    window.navigator.go(event.id)
    assert shown.current_record() == event.id
    other = next(record for record in dataset.of_kind(Kind.FIGURE) if record.id != figure.id)
    window.navigator.go(other.id)
    assert figures.view.current == other.id


@pytest.mark.parametrize("select_meanwhile", [False, True])
def test_the_sources_first_page_is_built_off_the_gui_thread_and_marks_the_selection_of_the_moment(
    qtbot: QtBot, dataset: Dataset, monkeypatch: pytest.MonkeyPatch, select_meanwhile: bool
) -> None:
    """At 100,000 records building the source's page takes as long as showing it: the first one is built on a
    worker. The page is the same whatever is selected: a record selected meanwhile has its paragraphs tinted
    on it, and the page shown is the one a render from scratch gives."""
    from ajexplorer.gui import source_page

    work = Held(source_page.source_pieces)  # type: ignore[attr-defined]  # the name the page calls
    monkeypatch.setattr(source_page, "source_pieces", work)
    window = shown_window(qtbot, dataset)
    qtbot.waitUntil(lambda: bool(work.threads), timeout=10000)
    assert work.threads[0] is not threading.main_thread()
    assert not window.source.rendered and not window.started
    if select_meanwhile:
        cited = next(r for r in dataset.records.values() if r.paragraphs and r.id != window.navigator.current)
        window.navigator.go(cited.id)
    selected = dataset.get(window.navigator.current or "")
    work.release.set()
    qtbot.waitUntil(lambda: window.source.rendered, timeout=10000)
    shown = window.source.browser.toHtml()
    assert len(work.threads) == 1
    assert window.source.marked() == (set(selected.paragraphs) if selected is not None else set())
    window.source.refresh()  # a render from scratch, on the spot
    assert window.source.browser.toHtml() == shown


def test_the_page_parsed_a_few_paragraphs_at_a_time_is_the_page_parsed_at_once(dataset: Dataset) -> None:
    """A worker fills the source's page in small parser calls (each holds the interpreter lock); the page is
    the one the whole HTML gives, headings, tables and links alike."""
    from PySide6.QtGui import QFont, QTextDocument

    from ajexplorer.gui import source_page
    from ajexplorer.gui.detail_pane import link_style
    from ajexplorer.presentation.detail_html import Colours, make_marker, source_html

    application()
    look = source_page.PageLook(Colours(), QFont(), 4.0)
    whole = QTextDocument()
    whole.setDefaultFont(look.font)
    whole.setDocumentMargin(look.margin)
    whole.setDefaultStyleSheet(link_style(look.colours))
    whole.setHtml(source_html(dataset, None, make_marker(dataset), look.colours))
    assert source_page.page_document(dataset, look).toHtml() == whole.toHtml()


def test_closing_the_window_while_the_panes_are_prepared_is_quiet(
    qtbot: QtBot, dataset: Dataset, held: tuple[Held, Held]
) -> None:
    figures_work, chronology_work = held
    window = shown_window(qtbot, dataset)
    qtbot.waitUntil(lambda: bool(figures_work.threads), timeout=10000)
    window.close()
    figures_work.release.set()
    chronology_work.release.set()
    for _ in range(20):  # what the workers send back arrives, and is dropped (a Qt warning fails the test)
        QApplication.processEvents()
        qtbot.wait(10)
    assert window.figures is None and window.chronology is None
    assert chronology_work.threads == []  # its turn came after the close: nobody wanted it any more


def test_a_window_closed_before_its_steps_are_done_prepares_nothing_more(
    qtbot: QtBot, dataset: Dataset, held: tuple[Held, Held], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A window closed (or replaced, as a change of language does) while it still prepares its parts starts no
    further worker: the figures and the chronology come after the source, which is held here."""
    from ajexplorer.gui import source_page

    figures_work, chronology_work = held
    source_work = Held(source_page.source_pieces)  # type: ignore[attr-defined]  # the name the page calls
    monkeypatch.setattr(source_page, "source_pieces", source_work)
    window = shown_window(qtbot, dataset)
    qtbot.waitUntil(lambda: bool(source_work.threads), timeout=10000)
    window.close()
    source_work.release.set()
    qtbot.wait(300)
    assert figures_work.threads == [] and chronology_work.threads == []
    assert window.figures is None and window.chronology is None


def test_a_pane_whose_preparation_fails_says_so(
    qtbot: QtBot, dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_dataset: Dataset) -> object:
        raise RuntimeError("a chart with no bars")

    monkeypatch.setattr(figure_table, "figures_content", broken)
    window = shown_window(qtbot, dataset)
    qtbot.waitUntil(lambda: window.started, timeout=10000)
    placeholder = window.figures_dock.widget()
    assert isinstance(placeholder, Placeholder)
    assert placeholder.text() == "Could not prepare the figures: a chart with no bars"
    assert window.figures is None
    window.navigator.go(next(iter(dataset.records)))  # the rest of the window goes on


def test_a_large_chronology_opens_its_years_a_few_at_a_time_and_only_in_sight(
    qtbot: QtBot, dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ajexplorer.gui import chronology_view
    from ajexplorer.presentation.timeline_layout import items_from

    monkeypatch.setattr(chronology_view, "EXPAND_AT_ONCE", 0)  # as large as a hundred thousand records
    monkeypatch.setattr(chronology_view, "SLICE_MS", 0)  # one year per turn of the event loop
    window = shown_window(qtbot, dataset)
    qtbot.waitUntil(lambda: window.started, timeout=10000)
    view = ChronologyView()
    window.chronology_dock.setWidget(view)  # tabbed behind the tree: out of sight
    groups = chronology_module.chronology(dataset, items_from(dataset, TODAY))
    view.set_groups(groups)
    years = view.model().rowCount()
    assert years == len(groups) > 2

    def expanded() -> int:
        return sum(view.isExpanded(view.model().index(row, 0)) for row in range(years))

    qtbot.wait(50)
    assert expanded() == 0 and not view.filling()  # nothing is laid out for a view nobody sees
    window.show_chronology()
    qtbot.waitUntil(lambda: expanded() > 0, timeout=5000)
    assert expanded() < years  # a year per turn: the window answers in between
    qtbot.waitUntil(lambda: not view.filling(), timeout=10000)
    assert expanded() == years


def test_many_figures_are_laid_out_once_their_pane_is_shown_and_only_at_its_width(
    qtbot: QtBot, dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ajexplorer.gui import figures_view

    monkeypatch.setattr(
        figures_view, "LAZY_FROM_BARS", 1
    )  # as many figures as a hundred thousand records give
    window = shown_window(qtbot, dataset)
    qtbot.waitUntil(lambda: window.started, timeout=10000)
    assert window.figures is not None
    view = window.figures.view
    view._layouts.clear()  # as if the charts had just come: nothing laid out for the pane behind its tab
    view._relayout()
    figure = next(record for record in dataset.of_kind(Kind.FIGURE) if record.value is not None)
    window.navigator.go(figure.id)
    qtbot.wait(50)
    assert view._layouts == {} and view.current == figure.id
    window.figures_dock.raise_()
    qtbot.waitUntil(lambda: bool(view._layouts), timeout=5000)
    qtbot.waitUntil(lambda: view.height() == view.heightForWidth(view.width()), timeout=5000)
    assert list(view._layouts) == [view.width()]  # laid out once, at the width it has: each costs a moment
    row = view.figures_layout().find(figure.id)
    assert row is not None  # the selected bar is in the panel's scrolled view
    scroll = window.figures.scroll_area.verticalScrollBar().value()
    viewport = window.figures.scroll_area.viewport().height()
    assert scroll <= row.row.y and row.row.y + row.row.height <= scroll + viewport + 1


def test_dim_others_after_hide_others_shows_every_item_again_without_building_the_timeline_anew(
    qtbot: QtBot, dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ajexplorer.presentation import timeline_layout

    window = shown_window(qtbot, dataset)
    qtbot.waitUntil(lambda: window.started, timeout=10000)
    figure = next(record for record in dataset.of_kind(Kind.FIGURE) if record.value is not None)
    window.run_query(figure.title.split()[0], Filters())
    every = window.timeline.scene.index
    window.filter_bar.set_hide_unmatched(True)
    assert len(window.timeline.scene.index.order) < len(every.order)
    built: list[object] = []
    real = timeline_layout.TimelineIndex.build

    def counted(*args: Any) -> timeline_layout.TimelineIndex:
        built.append(args)
        return real(*args)

    monkeypatch.setattr(timeline_layout.TimelineIndex, "build", counted)
    window.filter_bar.set_hide_unmatched(False)
    assert window.timeline.scene.index is every and built == []  # every item back, nothing built again
    assert window.timeline.scene.matches == frozenset(record.id for record in window.records_in_view())


def test_the_mechanism_tree_gives_an_index_exactly_where_it_has_one(qtbot: QtBot, dataset: Dataset) -> None:
    """Its index() skips Qt's hasIndex() (a layout of every open row asks it tens of thousands of times)."""
    from PySide6.QtCore import QModelIndex

    from ajexplorer.gui.mechanism_tree import MechanismModel
    from ajexplorer.presentation.mechanism_tree import build_tree

    application()
    model = MechanismModel(build_tree(dataset), QApplication.palette())
    parents = [QModelIndex()]
    checked = 0
    while parents:
        parent = parents.pop()
        rows, columns = model.rowCount(parent), model.columnCount(parent)
        for row in range(-1, rows + 2):
            for column in range(-1, columns + 2):
                index = model.index(row, column, parent)
                inside = 0 <= row < rows and 0 <= column < columns
                assert index.isValid() == inside, (row, column)
                if inside:
                    assert (index.row(), index.column(), index.parent()) == (row, column, parent)
                    checked += 1
                    if column == 0:
                        parents.append(index)
                    elif column == 1:
                        assert model.rowCount(index) == 0 and not model.index(0, 0, index).isValid()
    assert checked > len(dataset.records) // 10


def test_a_large_tree_draws_its_names_apart_from_the_start_so_no_later_step_lays_it_out_again(
    qtbot: QtBot, dataset: Dataset
) -> None:
    """Setting the names' delegate after the first paint makes the view lay out every open row again through
    the Python model (a third of a second at 25,000 rows): a large tree has it from the start."""
    import dataclasses

    from PySide6.QtCore import QModelIndex

    from ajexplorer.gui.headers import ModelIndex
    from ajexplorer.gui.mechanism_tree import EARLY_NAMES_FROM, MechanismModel, MechanismPanel
    from ajexplorer.presentation.mechanism_tree import TreeNode

    class Counted(MechanismModel):
        asked = 0

        def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
            Counted.asked += 1
            return super().rowCount(parent)

    mechanism = dataset.of_kind(Kind.MECHANISM)[0]
    root = TreeNode("")
    heading = root.add(TreeNode("Bodies", group="bodies"))
    for number in range(EARLY_NAMES_FROM + 500):
        copy = dataclasses.replace(
            mechanism, id=f"{mechanism.id}-{number}", title=f"{mechanism.title} {number}"
        )
        heading.add(TreeNode(copy.title, record=copy))
    application()
    model = Counted(root, QApplication.palette())
    panel = MechanismPanel(model)
    qtbot.addWidget(panel)
    panel.resize(400, 600)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.names is not None  # drawn apart from the first paint on
    Counted.asked = 0
    panel.shorten_names_apart()  # what the window does after its first paint
    QApplication.processEvents()
    assert Counted.asked < model.mechanism_count // 10, "the tree was laid out again"


def test_the_glossary_sizes_its_wrapped_rows_only_once_it_is_shown(qtbot: QtBot, dataset: Dataset) -> None:
    """Sizing each row to its wrapped expansion asks for every cell, again on every resize: tabbed behind the
    source at start, the glossary leaves it until its tab is chosen, then its rows take their height."""
    from PySide6.QtWidgets import QHeaderView

    window = shown_window(qtbot, dataset)
    qtbot.waitUntil(lambda: window.started, timeout=10000)
    rows = window.glossary.view.verticalHeader()
    assert rows.sectionResizeMode(0) != QHeaderView.ResizeMode.ResizeToContents  # out of sight: not yet
    window.glossary_dock.raise_()
    qtbot.waitUntil(
        lambda: rows.sectionResizeMode(0) == QHeaderView.ResizeMode.ResizeToContents, timeout=5000
    )
    view = window.glossary.view
    tallest = max(view.rowHeight(row) for row in range(view.model().rowCount()))
    assert tallest > view.fontMetrics().height() * 1.5  # a long expansion wraps onto a second line
