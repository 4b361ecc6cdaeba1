"""A real main window on real data, isolated settings, fixed "today"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QDockWidget
from pytestqt.qtbot import QtBot

from ajexplorer.domain.model import Dataset
from ajexplorer.gui.app import application
from ajexplorer.gui.mainwindow import MainWindow
from ajexplorer.gui.mechanism_tree import MechanismPanel, RecordRole
from ajexplorer.gui.settings import Settings

TODAY = dt.date(2026, 11, 28)


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings" / "ajexplorer.ini"


def shown_window(
    qtbot: QtBot, dataset: Dataset, settings_file: Path | None = None, size: tuple[int, int] = (1600, 1000)
) -> MainWindow:
    """The window shown and painted, while it may still be preparing what waits for its first paint."""
    application()
    window = MainWindow(dataset, Settings(settings_file) if settings_file else None, today=TODAY)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window


def make_window(qtbot: QtBot, dataset: Dataset, settings_file: Path | None = None) -> MainWindow:
    """The window shown, active, and done with what waited for its first paint."""
    window = shown_window(qtbot, dataset, settings_file)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.waitUntil(lambda: window.started, timeout=5000)
    return window


@pytest.fixture
def window(qtbot: QtBot, dataset: Dataset, settings_file: Path) -> MainWindow:
    return make_window(qtbot, dataset, settings_file)


def shown_in_tree(panel: MechanismPanel) -> list[str]:
    """The mechanisms whose rows the tree shows (not hidden by a search or filter), in tree order, to a person
    looking at it: its dock brought forward first, as a tree tabbed away catches up with the search when shown."""
    dock = panel.parentWidget()
    if isinstance(dock, QDockWidget):
        dock.raise_()
    model, view = panel.model, panel.view
    shown: list[str] = []

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            if view.isRowHidden(row, parent):
                continue
            index = model.index(row, 0, parent)
            record_id = model.data(index, RecordRole)
            if isinstance(record_id, str):
                shown.append(record_id)
            walk(index)

    walk(QModelIndex())
    return shown
