"""The search index is built on a worker thread after the first paint: the window answers meanwhile. A search
typed before it is ready runs once it is; asked for directly, the index is waited for rather than failing."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from ajexplorer.domain.model import Dataset
from ajexplorer.domain.search import SearchIndex
from tests.gui.conftest import TODAY, shown_window


class SlowIndex:
    """Stands in for building a large index: blocks until released, then builds the real one."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.threads: list[threading.Thread] = []
        self.real = SearchIndex.from_dataset

    def __call__(self, dataset: Dataset, today: object = None) -> SearchIndex:
        self.threads.append(threading.current_thread())
        while not self.release.wait(0.01):
            time.sleep(0.001)
        return self.real(dataset, TODAY)


def assert_the_event_loop_runs(qtbot: QtBot) -> None:
    """A timer on the GUI thread fires several times: nothing holds the window."""
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.waitUntil(lambda: len(ticks) >= 3, timeout=10000)
    timer.stop()


@pytest.fixture
def slow(monkeypatch: pytest.MonkeyPatch) -> SlowIndex:
    slow = SlowIndex()
    monkeypatch.setattr(SearchIndex, "from_dataset", slow)
    return slow


def test_the_index_is_built_off_the_gui_thread_while_the_window_answers(
    qtbot: QtBot, dataset: Dataset, slow: SlowIndex
) -> None:
    window = shown_window(qtbot, dataset, size=(1200, 800))
    qtbot.waitUntil(lambda: bool(slow.threads), timeout=10000)
    assert slow.threads[0] is not threading.main_thread()
    assert not window.started
    assert_the_event_loop_runs(qtbot)  # while the index builds
    window.navigator.go(next(iter(dataset.records)))  # and the window does what it is asked
    slow.release.set()
    qtbot.waitUntil(lambda: window.started, timeout=10000)
    word = next(iter(dataset.records.values())).title.split()[0]
    assert window.search_index.search(word).hits


def test_a_search_before_the_index_is_ready_waits_for_it(
    qtbot: QtBot, dataset: Dataset, slow: SlowIndex
) -> None:
    window = shown_window(qtbot, dataset, size=(1200, 800))
    qtbot.waitUntil(lambda: bool(slow.threads), timeout=10000)
    threading.Timer(0.2, slow.release.set).start()  # the GUI thread will be waiting, not running timers
    word = next(iter(dataset.records.values())).title.split()[0]
    assert window.search_index.search(word).hits
    assert len(slow.threads) == 1  # built once, on the worker
    qtbot.waitUntil(lambda: window.started, timeout=10000)


def test_a_search_typed_before_the_index_is_ready_runs_when_it_is_while_the_window_answers(
    qtbot: QtBot, dataset: Dataset, slow: SlowIndex
) -> None:
    """Typing while the index is built does not hold the window until it is: the results say the search is
    being prepared, and show the hits for what was typed once the index is ready."""
    window = shown_window(qtbot, dataset, size=(1200, 800))
    qtbot.waitUntil(lambda: bool(slow.threads), timeout=10000)
    safety = threading.Timer(5.0, slow.release.set)  # a window that waited for the index would hang otherwise
    safety.start()
    word = next(iter(dataset.records.values())).title.split()[0]
    window.focus_search()
    qtbot.keyClicks(window.search_field, word)
    window.search_field.flush()
    assert window.results.message.text() == "Preparing the search…"
    assert_the_event_loop_runs(qtbot)  # while the search waits
    slow.release.set()
    qtbot.waitUntil(lambda: window.results.model.rowCount() > 0, timeout=10000)
    expected = window.search_index.search(word, limit=1).hits[0].record_id
    assert window.results.model.hit(0).record_id == expected
    assert len(slow.threads) == 1  # built once, on the worker
    safety.cancel()
