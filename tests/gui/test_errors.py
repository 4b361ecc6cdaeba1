"""Faults: unexpected errors become a dialog and a log entry; native crashes are offered at the next start;
both dialogs offer to open the folder with the log."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from ajexplorer.gui.errors import CRASH_LOG, OPEN_FOLDER, ErrorHandler
from ajexplorer.gui.logs import LOG_FILE, DeferredFileHandler
from ajexplorer.gui.mainwindow import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def visible_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    """The app's log file in a temporary data folder, as the start-up sets it up (without taking Qt's
    messages from pytest-qt)."""
    handler = DeferredFileHandler(tmp_path / LOG_FILE)
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield handler.path
    finally:
        root.removeHandler(handler)
        handler.close()


def without_blocking(box: QMessageBox) -> None:
    box.open()


def folder_button(box: QMessageBox) -> QAbstractButton:
    (button,) = [button for button in box.buttons() if button.text() == OPEN_FOLDER]
    return button


def test_an_unexpected_error_is_logged_and_explained_without_a_traceback(
    window: MainWindow, tmp_path: Path, log_file: Path
) -> None:
    opened: list[QUrl] = []
    handler = ErrorHandler(tmp_path, window, present=without_blocking, open_url=opened.append)
    try:
        raise ValueError("a fault deep inside a slot")
    except ValueError:
        handler.handle(*sys.exc_info())
    log = log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log and "a fault deep inside a slot" in log
    (box,) = visible_boxes()
    assert "unexpected problem" in box.text()
    assert "ValueError: a fault deep inside a slot" in box.informativeText()
    assert "Traceback" not in box.text() + box.informativeText()
    assert str(log_file) in box.informativeText()
    assert opened == []
    folder_button(box).click()  # the person asks to see the log
    assert opened == [QUrl.fromLocalFile(str(tmp_path))]
    assert opened[0].isLocalFile() and Path(opened[0].toLocalFile()) == log_file.parent
    assert not box.isVisible()
    window.open_record("m-arf")  # the app carries on
    assert window.details.record_id == "m-arf"


def test_a_native_crash_leaves_a_report_that_the_next_start_offers(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    script = textwrap.dedent(
        f"""
        import faulthandler
        from pathlib import Path
        from PySide6.QtWidgets import QApplication
        from ajexplorer.gui.errors import ErrorHandler
        app = QApplication([])
        ErrorHandler(Path({str(tmp_path)!r})).install()
        faulthandler._sigsegv()
        """
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, timeout=60, check=False
    )
    assert result.returncode != 0
    assert "Segmentation fault" in (tmp_path / CRASH_LOG).read_text(encoding="utf-8")
    opened: list[QUrl] = []
    handler = ErrorHandler(tmp_path, window, open_url=opened.append)
    box = handler.offer_previous_crash(window)
    assert box is not None and "Segmentation fault" in box.detailedText()
    folder_button(box).click()
    assert opened == [QUrl.fromLocalFile(str(tmp_path))]
    box.close()
    assert not (tmp_path / CRASH_LOG).exists()
    assert list(tmp_path.glob("crash-*.log"))
    assert handler.offer_previous_crash(window) is None  # offered once


def test_no_display_gives_a_clear_message_and_a_nonzero_exit() -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}}
    result = subprocess.run(
        [sys.executable, "-m", "ajexplorer"], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 2
    assert "needs a graphical display" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_reaches_the_handler_and_the_app_carries_on(
    window: MainWindow, tmp_path: Path, qtbot: QtBot, log_file: Path
) -> None:
    handler = ErrorHandler(tmp_path, window, present=without_blocking)
    handler.install()
    try:

        def broken_slot(_record_id: str) -> None:
            raise RuntimeError("a slot that fails")

        window.navigator.currentChanged.connect(broken_slot)
        window.open_record("m-apt")
        qtbot.waitUntil(lambda: handler.shown == 1, timeout=3000)
        window.navigator.currentChanged.disconnect(broken_slot)
    finally:
        handler.uninstall()
    assert "a slot that fails" in log_file.read_text(encoding="utf-8")
    for box in visible_boxes():
        box.close()
    assert window.details.record_id == "m-apt"  # the other views still followed


def test_settings_that_cannot_be_read_or_written_mean_defaults(qtbot: QtBot, tmp_path: Path) -> None:
    from ajexplorer.domain.loading import load_dataset
    from ajexplorer.paths import data_dir
    from tests.gui.conftest import make_window

    blocked = tmp_path / "settings.ini"
    blocked.mkdir()  # a folder where the settings file should be: neither readable nor writable as a file
    window = make_window(qtbot, load_dataset(data_dir()), blocked)
    window.restore_state()
    assert window.navigator.current is None
    window.open_record("m-arf")
    window.close()  # saving fails quietly
    assert blocked.is_dir()
