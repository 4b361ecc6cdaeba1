"""History restores what the person saw: the record with its search, filters and highlighted result; the
buttons name where they go; history lists jump to any step; clearing a search gives the tree back; and what
the details show of a record: the values of the figures that measure it."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from ajexplorer.domain.loading import load_dataset
from ajexplorer.domain.model import Dataset, Kind
from ajexplorer.gui.mainwindow import MainWindow
from tests.conftest import FIXTURES
from tests.gui.conftest import make_window


@pytest.fixture(scope="module")
def partner() -> Dataset:
    return load_dataset(FIXTURES / "partner")


@pytest.fixture
def window(qtbot: QtBot, partner: Dataset) -> MainWindow:
    return make_window(qtbot, partner)


def common_words(dataset: Dataset) -> list[str]:
    """Words of five letters or more that several titles share, most shared first: searches with results."""
    counts = Counter(
        word
        for record in dataset.records.values()
        for word in {w.strip(",.()").casefold() for w in record.title.split()}
        if len(word) >= 5 and word.isalpha()
    )
    return [word for word, count in counts.most_common() if count >= 2]


def search(window: MainWindow, text: str) -> None:
    window.search_field.setText(text)
    window.search_field.flush()


def choose_result(window: MainWindow, row: int) -> str:
    """Highlight a result with Down, as from the field, and open it with Enter."""
    window.results.move(-window.results.model.rowCount())
    for _ in range(row):
        window.results.move(1)
    chosen = window.results.current_record()
    assert chosen is not None
    window.results.accept_current()
    return chosen


def on_top(window: MainWindow, dock_name: str) -> bool:
    dock = getattr(window, dock_name)
    return dock.isVisible() and not dock.visibleRegion().isEmpty()


def test_back_and_forward_bring_back_the_search_filters_and_highlighted_result(window: MainWindow) -> None:
    first_word, second_word = common_words(window.dataset)[:2]
    start = next(iter(window.dataset.records))
    window.navigator.go(start)
    bar = window.filter_bar
    kind_counts = Counter(record.kind for record in window.dataset.records.values())
    kind = next(kind for kind, _count in kind_counts.most_common())
    bar.kind.setCurrentIndex(bar.kind.findData(kind))
    search(window, first_word)
    assert window.results.model.rowCount() >= 2, first_word
    chosen = choose_result(window, 1)  # the second result: not the one a fresh search highlights
    first_filters = bar.filters()
    window.clear_filters_action.trigger()
    search(window, second_word)
    later = choose_result(window, 0)
    assert later != chosen

    window.back_action.trigger()
    assert window.navigator.current == chosen
    assert window.search_field.text() == first_word and bar.filters() == first_filters
    assert window.results.current_record() == chosen
    assert window.details.record_id == chosen
    assert on_top(window, "results_dock")

    window.back_action.trigger()
    assert window.navigator.current == start
    assert window.search_field.text() == "" and not bar.filters().active
    assert window.timeline._matches is None
    assert on_top(window, "mechanisms_dock")  # no empty Results list where the tree was
    # Restoring pushed nothing: both steps are still ahead.
    assert [step.record_id for _offset, step in window.navigator.history.later()] == [chosen, later]

    window.forward_action.trigger()
    window.forward_action.trigger()
    assert window.navigator.current == later
    assert window.search_field.text() == second_word and not bar.filters().active
    assert window.results.current_record() == later


def test_the_buttons_tooltips_name_where_they_go(window: MainWindow) -> None:
    first, second = list(window.dataset.records.values())[:2]
    window.navigator.go(first.id)
    window.navigator.go(second.id)
    back = window.toolbar.widgetForAction(window.back_action)
    assert back.toolTip() == f"Back to {first.display_title} (Alt+Left)"
    window.back_action.trigger()
    forward = window.toolbar.widgetForAction(window.forward_action)
    assert forward.toolTip().startswith(f"Forward to {second.display_title}")
    assert back.toolTip().startswith("Nothing earlier")


# A popup menu asks the platform to raise it and grab the keyboard; the offscreen platform cannot, and says so.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_history_lists_jump_to_any_step_and_keep_the_rest(window: MainWindow, qtbot: QtBot) -> None:
    records = list(window.dataset.records.values())[:4]
    for record in records:
        window.navigator.go(record.id)
    button = window.toolbar.widgetForAction(window.back_action)
    assert isinstance(button, QToolButton)
    assert button.menu() is window.back_menu  # a long press opens it; a click still goes back
    assert button.popupMode() is QToolButton.ToolButtonPopupMode.DelayedPopup
    button.customContextMenuRequested.emit(QPoint(2, 2))  # a right-click opens it too
    qtbot.waitUntil(window.back_menu.isVisible, timeout=2000)
    lines = [action.text() for action in window.back_menu.actions()]
    assert lines == [record.display_title.replace("&", "&&") for record in reversed(records[:-1])]
    window.back_menu.actions()[-1].trigger()  # the earliest step
    window.back_menu.close()
    assert window.navigator.current == records[0].id
    assert [step.record_id for _o, step in window.navigator.history.later()] == [r.id for r in records[1:]]

    # Go > History lists every step, latest first, the current one checked; choosing one jumps there.
    window.history_menu.refill()
    actions = window.history_menu.actions()
    assert [action.isChecked() for action in actions] == [False, False, False, True]
    actions[0].trigger()
    assert window.navigator.current == records[-1].id
    assert not window.forward_action.isEnabled() and window.back_action.isEnabled()


def test_clearing_a_search_gives_the_tree_back(window: MainWindow) -> None:
    assert on_top(window, "mechanisms_dock")
    search(window, common_words(window.dataset)[0])
    assert on_top(window, "results_dock")
    search(window, "")
    assert on_top(window, "mechanisms_dock") and not on_top(window, "results_dock")


def test_retyping_a_search_keeps_the_results_and_esc_or_leaving_gives_the_tree_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    field = window.search_field
    word = common_words(window.dataset)[0]
    window.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    for leave in ("esc", "focus"):
        qtbot.keyClicks(field, word)
        field.flush()
        assert on_top(window, "results_dock")
        for _ in word:  # deleted to type another: the list stays where it is, not swapped for the tree
            qtbot.keyClick(field, Qt.Key.Key_Backspace)
        field.flush()
        assert field.text() == "" and on_top(window, "results_dock")
        if leave == "esc":
            qtbot.keyClick(field, Qt.Key.Key_Escape)
        else:
            window.timeline.setFocus()
            qtbot.waitUntil(lambda: not field.hasFocus())
        assert on_top(window, "mechanisms_dock") and not on_top(window, "results_dock"), leave
        field.setFocus()
        qtbot.waitUntil(field.hasFocus)


def test_the_details_show_the_values_of_the_figures_that_measure_a_record(window: MainWindow) -> None:
    figures = [record for record in window.dataset.records.values() if record.kind is Kind.FIGURE]
    subjects = {figure.subject for figure in figures if figure.subject}
    assert any(figure.qualifier == "approximately" for figure in figures)  # the fixture has one to show
    for subject in subjects:
        window.navigator.go(subject)
        text = window.details.browser.toPlainText()
        for figure in (f for f in figures if f.subject == subject):
            line = next((line for line in text.splitlines() if figure.value_text() in line), None)
            assert line is not None, (subject, figure.value_text())
            assert figure.title in text
            assert all(f"¶ {number}" in text for number in figure.paragraphs)
            if figure.when.known:
                assert figure.when.human() in text
