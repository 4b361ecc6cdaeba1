"""Search in the window: typing, keyboard through results, filters, and the other views following."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ajexplorer.domain.model import Kind
from ajexplorer.gui.mainwindow import MainWindow
from ajexplorer.gui.timeline_widget import AXIS_HEIGHT, GUTTER
from tests.gui.conftest import shown_in_tree


def type_query(window: MainWindow, qtbot: QtBot, text: str) -> None:
    window.focus_search()
    window.search_field.clear()
    qtbot.keyClicks(window.search_field, text)
    qtbot.waitUntil(lambda: window.results.message.text() != "", timeout=3000)


def result_ids(window: MainWindow) -> list[str]:
    model = window.results.model
    return [model.hit(row).record_id for row in range(model.rowCount())]


def test_ctrl_k_and_ctrl_f_focus_the_field_and_escape_clears(window: MainWindow, qtbot: QtBot) -> None:
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search_field
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search_field
    qtbot.keyClicks(window.search_field, "JAIF")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    assert window.search_field.text() == ""
    assert window.timeline._matches is None


def test_results_appear_as_you_type(window: MainWindow, qtbot: QtBot) -> None:
    type_query(window, qtbot, "AMEICC")
    assert result_ids(window)[0] == "m-ameicc"
    assert window.results.message.text().endswith("results.")
    assert window.results_dock.isVisible()


def test_up_down_enter_from_the_field_choose_a_result(window: MainWindow, qtbot: QtBot) -> None:
    type_query(window, qtbot, "summit")
    ids = result_ids(window)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Up)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert window.navigator.current == ids[1]
    assert window.details.record_id == ids[1]
    assert QApplication.focusWidget() is window.search_field


def test_a_query_dims_the_timeline_filters_the_tree_and_highlights_details(
    window: MainWindow, qtbot: QtBot
) -> None:
    type_query(window, qtbot, "cybercrime")
    matches = window.timeline._matches
    assert matches is not None and "m-ajcc-dialogue" in matches
    shown = shown_in_tree(window.mechanisms)
    assert "m-ajcc-dialogue" in shown and "m-arf" not in shown
    window.results.accept_current()
    html = window.details.browser.toHtml()
    assert "background-color" in html and "Cybercrime" in window.details.browser.toPlainText()
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    assert window.timeline._matches is None
    assert "m-arf" in shown_in_tree(window.mechanisms)


def test_nothing_found_says_so_and_offers_terms(window: MainWindow, qtbot: QtBot) -> None:
    type_query(window, qtbot, "mekongg basin river")
    assert window.results.model.rowCount() == 0
    assert window.results.message.text().startswith("No results.")


def test_invalid_query_gives_an_inline_message(window: MainWindow, qtbot: QtBot) -> None:
    type_query(window, qtbot, "kind:planet")
    assert "Cannot search" in window.results.message.text()


def test_filter_controls_apply_to_every_view_and_clear_in_one_step(window: MainWindow, qtbot: QtBot) -> None:
    bar = window.filter_bar
    bar.kind.setCurrentIndex(bar.kind.findData(Kind.DOCUMENT))
    assert bar.indicator.text() == "Filters on" and bar.clear_button.isEnabled()
    ids = result_ids(window)
    assert ids and all(window.dataset.records[i].kind is Kind.DOCUMENT for i in ids)
    assert window.timeline._matches is not None
    type_query(window, qtbot, "plan")
    assert all(window.dataset.records[i].kind is Kind.DOCUMENT for i in result_ids(window))
    window.clear_filters_action.trigger()
    assert not bar.filters().active and not bar.clear_button.isEnabled()
    assert any(window.dataset.records[i].kind is not Kind.DOCUMENT for i in result_ids(window))


def test_query_syntax_filters(window: MainWindow, qtbot: QtBot) -> None:
    type_query(window, qtbot, "kind:event year:2013")
    ids = result_ids(window)
    assert ids and all(window.dataset.records[i].kind is Kind.EVENT for i in ids)


def test_dragging_across_the_axis_picks_a_year_range(window: MainWindow, qtbot: QtBot) -> None:
    timeline = window.timeline
    view = timeline.view
    x0 = int(GUTTER + view.x(2010.2))
    x1 = int(GUTTER + view.x(2014.6))
    y = int(AXIS_HEIGHT / 2)
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=QPoint(x0, y))
    qtbot.mouseMove(timeline, QPoint((x0 + x1) // 2, y))
    qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=QPoint(x1, y))
    assert window.filter_bar.filters().years == (2010, 2014)
    ids = result_ids(window)
    assert ids
    for record_id in ids:
        when = window.dataset.records[record_id].when
        years = [date.year for date in (when.start, when.end) if date is not None]
        assert years and min(years) <= 2014 and (max(years) >= 2010 or when.ongoing)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=120))
def test_any_text_in_any_field_is_safe(window: MainWindow, text: str) -> None:
    window.search_field.setText(text)
    window.search_field.flush()
    window.mechanisms.filter_field.setText(text)
    window.glossary.filter_field.setText(text)
    assert window.results.message.text() != "" or not text.strip()
