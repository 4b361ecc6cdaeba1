"""The window as a whole: its parts, names, menus, settings, escaping, keyboard focus."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import cast

import pytest
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from ajexplorer.domain.model import Dataset
from ajexplorer.gui.mainwindow import MainWindow
from tests.conftest import with_records
from tests.gui.conftest import TODAY, make_window


def test_main_parts_carry_accessible_names(window: MainWindow) -> None:
    names = {widget.accessibleName() for widget in window.findChildren(QWidget)}
    assert {"Timeline", "Mechanisms", "Details", "Source", "Glossary"} <= names


def test_menus_hold_the_standard_commands(window: MainWindow) -> None:
    menus = {
        action.text().replace("&", ""): cast("QMenu", action.menu()) for action in window.menuBar().actions()
    }
    assert list(menus) == ["File", "Edit", "View", "Go", "Help"]
    texts = {name: [a.text().replace("&", "") for a in menu.actions()] for name, menu in menus.items()}
    assert "Quit" in texts["File"]
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    assert {"Mechanisms", "Source", "Glossary", "Fit Timeline", "Zoom In", "Zoom Out"} <= set(texts["View"])
    assert texts["Go"] == ["Back", "Forward", "", "History"]
    assert texts["Help"] == [
        "Timeline Legend",
        "Keyboard Shortcuts",
        "Search Syntax",
        "",
        "About AJ Explorer",
    ]


def test_view_menu_hides_and_shows_parts(window: MainWindow) -> None:
    toggle = window.source_dock.toggleViewAction()
    toggle.trigger()
    assert not window.source_dock.isVisible()
    toggle.trigger()
    assert window.source_dock.isVisible()


def test_f6_moves_focus_between_the_parts(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    window.timeline.setFocus()
    seen = []
    for _ in range(5):
        window.next_part_action.trigger()
        seen.append(QApplication.focusWidget())
    assert window.mechanisms.view in seen and window.details.browser in seen
    window.previous_part_action.trigger()
    assert QApplication.focusWidget() is seen[-2]


def test_markup_in_data_is_escaped_in_the_detail_pane(qtbot: QtBot, dataset: Dataset) -> None:
    arf = replace(
        dataset.records["m-arf"],
        title="<b>Bold</b><img src='file:///etc/hostname'>",
        summary="<a href='http://example.com/'>link</a> <script>x()</script>",
    )
    hostile = with_records(dataset, arf)
    window = make_window(qtbot, hostile)
    window.open_record("m-arf")
    text = window.details.browser.toPlainText()
    assert "<b>Bold</b><img src='file:///etc/hostname'>" in text
    assert "<a href='http://example.com/'>link</a>" in text
    html = window.details.browser.document().toHtml()
    assert "http://example.com" not in html.replace("&lt;a href='http://example.com/'&gt;", "")
    with qtbot.assertNotEmitted(window.details.linkRequested):
        window.details.browser.anchorClicked.emit(
            __import__("PySide6.QtCore").QtCore.QUrl("http://example.com/")
        )


def test_window_state_and_last_record_survive_a_restart(
    qtbot: QtBot, dataset: Dataset, settings_file: Path
) -> None:
    first = make_window(qtbot, dataset, settings_file)
    first.open_record("m-jaif")
    first.source_dock.hide()
    first.close()
    second = make_window(qtbot, dataset, settings_file)
    second.restore_state()
    assert second.navigator.current == "m-jaif"
    assert not second.source_dock.isVisible()


def test_a_corrupt_settings_file_means_defaults(qtbot: QtBot, dataset: Dataset, settings_file: Path) -> None:
    settings_file.parent.mkdir(parents=True)
    settings_file.write_bytes(
        b"\x00\xff[window]\ngeometry=@ByteArray(\x01\x02garbage\nstate=12\n[navigation]\nrecord=@Variant(\x00)\n"
    )
    window = make_window(qtbot, dataset, settings_file)
    window.restore_state()
    assert window.navigator.current is None
    assert window.source_dock.isVisible()


def test_settings_pointing_at_a_missing_record_are_ignored(
    qtbot: QtBot, dataset: Dataset, settings_file: Path
) -> None:
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text("[navigation]\nrecord=ev-gone\n")
    window = make_window(qtbot, dataset, settings_file)
    window.restore_state()
    assert window.navigator.current is None


def test_open_option_starts_with_a_record(qtbot: QtBot, dataset: Dataset) -> None:
    window = make_window(qtbot, dataset)
    assert window.open_record("doc-tac")
    assert window.details.record_id == "doc-tac"
    assert "Treaty of Amity and Cooperation" in window.details.browser.toPlainText()


def remember(qtbot: QtBot, dataset: Dataset, settings_file: Path, record_id: str) -> None:
    """A previous session that ended on ``record_id``."""
    previous = make_window(qtbot, dataset, settings_file)
    previous.open_record(record_id)
    previous.close()


def test_open_starts_on_its_record_as_the_only_entry_of_the_history(
    qtbot: QtBot, dataset: Dataset, settings_file: Path
) -> None:
    last, wanted = list(dataset.records)[:2]
    remember(qtbot, dataset, settings_file, last)
    window = make_window(qtbot, dataset, settings_file)
    window.restore_state(open_id=wanted)
    assert window.navigator.current == wanted
    assert not window.navigator.can_go_back() and not window.back_action.isEnabled()
    window.back_action.trigger()
    assert window.navigator.current == wanted


def test_open_with_an_unknown_id_says_so_and_starts_where_the_last_session_ended(
    qtbot: QtBot, dataset: Dataset, settings_file: Path
) -> None:
    last = next(iter(dataset.records))
    remember(qtbot, dataset, settings_file, last)
    window = make_window(qtbot, dataset, settings_file)
    window.restore_state(open_id="no-such-record")
    assert window.navigator.current == last and not window.navigator.can_go_back()
    assert "no-such-record" in window.statusBar().currentMessage()


def test_the_start_up_path_opens_the_requested_record_without_the_remembered_one(
    qtbot: QtBot, dataset: Dataset, settings_file: Path, tmp_path: Path
) -> None:
    from ajexplorer.gui import app as start
    from ajexplorer.gui.datasets import DatasetSession
    from ajexplorer.gui.errors import ErrorHandler
    from ajexplorer.gui.settings import Settings

    last, wanted = list(dataset.records)[-2:]
    remember(qtbot, dataset, settings_file, last)
    session = DatasetSession(Settings(settings_file), today=TODAY)
    session.start()
    qtbot.addWidget(session.window)
    start._show_first_window(session, ErrorHandler(tmp_path), None, wanted, start._Phases(False, None))
    window = session.window
    assert window.navigator.current == wanted and window.details.record_id == wanted
    assert not window.back_action.isEnabled()
    session.close()


def test_about_names_the_source_and_data_date(window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QMessageBox

    def close_box() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        assert "ASEAN Secretariat" in box.text() and "2021" in box.text()
        box.accept()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, close_box)
    window.about_action.trigger()


def test_palette_change_rerenders_with_the_new_colours(window: MainWindow) -> None:
    from PySide6.QtGui import QColor, QPalette

    window.open_record("m-arf")
    palette = QPalette(window.palette())
    palette.setColor(QPalette.ColorRole.Base, QColor(20, 20, 20))
    palette.setColor(QPalette.ColorRole.Text, QColor(230, 230, 230))
    window.setPalette(palette)
    assert "#e6e6e6" in window.details.browser.document().toHtml().lower()


def test_back_and_forward_arrows_follow_the_palette(window: MainWindow) -> None:
    from PySide6.QtGui import QColor, QPalette

    def arrow_colour() -> QColor:
        image = window.back_action.icon().pixmap(32, 32).toImage()
        return image.pixelColor(image.width() // 2, image.height() // 2)  # inside the arrow's shaft

    assert arrow_colour().lightness() < 100  # dark arrows on the light default palette
    palette = QPalette(window.palette())
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(235, 235, 235))
    window.setPalette(palette)
    assert arrow_colour().lightness() > 200
    assert not window.forward_action.icon().isNull()


def test_copy_citation_gives_the_sources_date_and_says_what_it_copied(window: MainWindow) -> None:
    record = next(record for record in window.dataset.records.values() if record.paragraphs)
    window.navigator.go(record.id)
    window.copy_citation_action.trigger()
    copied = QApplication.clipboard().text()
    assert window.dataset.info.as_of and window.dataset.info.as_of in copied
    assert window.dataset.info.title in copied
    assert copied in window.statusBar().currentMessage()
    assert window.statusBar().currentMessage().startswith("Copied the")


def test_keyboard_shortcuts_are_read_from_the_actions_themselves(window: MainWindow) -> None:
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QTextBrowser

    extra = QAction("Invented Command", window)
    extra.setShortcut(QKeySequence("Ctrl+Alt+J"))
    dialog = window.show_shortcuts()
    browser = dialog.findChild(QTextBrowser)
    assert browser is not None
    text = browser.toPlainText()
    dialog.close()
    for action in (
        window.back_action,
        window.find_action,
        window.copy_citation_action,
        window.next_part_action,
    ):
        assert action.text().replace("&", "").rstrip("…") in text
        assert action.shortcut().toString(QKeySequence.SequenceFormat.NativeText) in text
    assert "Invented Command" in text and "Ctrl+Alt+J" in text


def test_the_legend_draws_every_kind_of_mark_with_the_timelines_painter(window: MainWindow) -> None:
    from ajexplorer.gui.help_dialogs import LegendCanvas
    from ajexplorer.gui.timeline_painter import TimelinePainter, pixel_font

    dialog = window.show_legend()
    canvas = dialog.findChild(LegendCanvas)
    assert canvas is not None
    geometry = canvas.scene.geometry(canvas.width(), canvas.height())
    frame = TimelinePainter(pixel_font(canvas.font())).layout(canvas.scene, geometry)
    assert frame.points and frame.clusters and frame.ranges
    image = canvas.grab().toImage()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
    assert len(colours) > 20  # marks, lane colours and text, not an empty box
    dialog.close()


def test_search_syntax_gives_examples_and_about_names_the_source_once(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox, QTextBrowser

    dialog = window.show_search_help()
    browser = dialog.findChild(QTextBrowser)
    assert browser is not None
    text = browser.toPlainText()
    dialog.close()
    assert "kind:event" in text and "year:2010..2015" in text and '"' in text
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, html: shown.append(html))
    window.show_about()
    after_label = shown[0].split("<b>Source:</b>", 1)[1].strip()
    assert after_label and not after_label.startswith("Source")  # read "Source: Source: ..." before
