"""A real main window on real data, isolated settings, fixed "today"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ajexplorer.domain.model import Dataset
from ajexplorer.gui.app import application
from ajexplorer.gui.mainwindow import MainWindow
from ajexplorer.gui.settings import Settings

TODAY = dt.date(2026, 11, 28)


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings" / "ajexplorer.ini"


def make_window(qtbot: QtBot, dataset: Dataset, settings_file: Path | None = None) -> MainWindow:
    application()
    window = MainWindow(dataset, Settings(settings_file) if settings_file else None, today=TODAY)
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.waitUntil(lambda: window.started, timeout=5000)
    return window


@pytest.fixture
def window(qtbot: QtBot, dataset: Dataset, settings_file: Path) -> MainWindow:
    return make_window(qtbot, dataset, settings_file)
