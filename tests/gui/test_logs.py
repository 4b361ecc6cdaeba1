"""The app's and Qt's messages go to one rotating log in the user's data folder, set up by the start-up path."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import qDebug, qWarning
from pytestqt.qtbot import QtBot

from ajexplorer.gui import logs
from ajexplorer.gui.logs import LOG_FILE, LogSetup, init_log

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def setup(tmp_path: Path) -> Iterator[LogSetup]:
    installed = init_log(tmp_path)
    try:
        yield installed
    finally:
        installed.close()


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


@pytest.mark.qt_log_ignore("a warning after the log is closed")
def test_qt_messages_go_to_the_log_and_back_to_the_test_harness_after(
    tmp_path: Path, qtlog: object, qtbot: QtBot
) -> None:
    installed = init_log(tmp_path)
    try:
        qWarning("a warning from inside Qt")
        qDebug("chatter below the log's level")
    finally:
        installed.close()
    text = read(tmp_path / LOG_FILE)
    assert "WARNING  qt: a warning from inside Qt" in text
    assert "chatter" not in text
    seen = [record.message for record in qtlog.records]  # type: ignore[attr-defined]
    assert "a warning from inside Qt" not in seen
    qWarning("a warning after the log is closed")  # pytest-qt has its handler back
    assert "a warning after the log is closed" in [record.message for record in qtlog.records]  # type: ignore[attr-defined]


def test_records_wait_until_the_window_is_up_and_an_error_writes_at_once(
    setup: LogSetup, tmp_path: Path
) -> None:
    log = logging.getLogger("ajexplorer.test")
    log.info("the app started")
    log.warning("something a person should know")
    assert not setup.file.opened and read(setup.path) == ""  # nothing written before the first paint
    log.error("something went wrong")
    text = read(setup.path)
    assert "the app started" in text and "something a person should know" in text
    assert text.index("the app started") < text.index("something a person should know")
    assert text.index("something a person should know") < text.index("something went wrong")


def test_the_file_opens_once_the_window_is_up(setup: LogSetup, tmp_path: Path) -> None:
    logging.getLogger("ajexplorer.test").info("the app started")
    setup.open_file()
    assert "the app started" in read(setup.path)


def test_python_warnings_and_records_left_at_exit_reach_the_file(tmp_path: Path) -> None:
    installed = init_log(tmp_path)
    try:
        logging.getLogger("ajexplorer.test").info("a short session")
        with warnings.catch_warnings():
            warnings.simplefilter("always")
            warnings.warn("an old call", UserWarning, stacklevel=1)
    finally:
        installed.close()
    text = read(tmp_path / LOG_FILE)
    assert "a short session" in text and "py.warnings" in text and "an old call" in text


def test_the_log_rotates_and_keeps_three_old_files(
    setup: LogSetup, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 2000)
    log = logging.getLogger("ajexplorer.test")
    for number in range(200):
        log.error("line %d %s", number, "x" * 60)
    names = sorted(path.name for path in tmp_path.iterdir())
    assert names == [LOG_FILE, f"{LOG_FILE}.1", f"{LOG_FILE}.2", f"{LOG_FILE}.3"]
    assert all(path.stat().st_size <= 2200 for path in tmp_path.iterdir())
    assert "line 199" in read(tmp_path / LOG_FILE)


def test_a_folder_that_cannot_be_written_loses_the_log_not_the_app(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    installed = init_log(blocked)
    try:
        logging.getLogger("ajexplorer.test").error("nowhere to write this")
        installed.open_file()
    finally:
        installed.close()
    assert blocked.read_text(encoding="utf-8") == ""


def test_the_start_up_path_writes_the_log_in_the_data_folder(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "ajexplorer", "--report-startup"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    (log,) = (tmp_path / "data").rglob(LOG_FILE)
    text = read(log)
    assert " starting: Qt " in text and text.rstrip().endswith("stopped")
    # Qt's offscreen platform warns when the window is shown; that message came through Qt's handler.
    assert "WARNING  qt" in text and "propagateSizeHints" in text
