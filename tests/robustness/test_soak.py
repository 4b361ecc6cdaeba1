"""A soak: thousands of seeded random actions on the real window; no exception, no Qt warning, flat memory.

The normal run does 800 actions (about half a minute); `pytest --run-slow` adds a 15,000-action soak.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ajexplorer.domain.model import Dataset
from ajexplorer.gui.mainwindow import MainWindow
from ajexplorer.presentation.links import Link, Target
from tests.gui.conftest import make_window

WORDS = [
    "jaif",
    "summit",
    "kind:event",
    "year:2013",
    "AMEICC",
    "disaster",
    "mekhong",
    '"plan of',
    "place:tokyo",
    "pillar:economic",
    "",
    "zz",
    "ADMM Plus",
    "year:2015..2010",
    "JENESYS2",
    "integration fund",
]


def resident_mib() -> float:
    """Current resident memory of this process, from /proc (Linux)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * 4096 / 2**20


def dark(palette: QPalette) -> QPalette:
    changed = QPalette(palette)
    changed.setColor(QPalette.ColorRole.Window, QColor(32, 32, 36))
    changed.setColor(QPalette.ColorRole.Base, QColor(24, 24, 28))
    changed.setColor(QPalette.ColorRole.Text, QColor(230, 230, 230))
    changed.setColor(QPalette.ColorRole.WindowText, QColor(230, 230, 230))
    return changed


def actions(window: MainWindow, rng: random.Random) -> list[Callable[[], None]]:
    ids = list(window.dataset.records)
    light = QPalette(window.palette())
    tree = window.mechanisms.view
    glossary = window.glossary

    def tree_select() -> None:
        model = window.tree_model
        index = model.index(rng.randrange(max(model.rowCount(), 1)), 0) if model.rowCount() else None
        while index is not None and index.isValid() and model.rowCount(index) and rng.random() < 0.7:
            index = model.index(rng.randrange(model.rowCount(index)), 0, index)
        if index is not None and index.isValid():
            tree.setCurrentIndex(index)

    def search() -> None:
        window.search_field.setText(rng.choice(WORDS))
        window.search_field.flush()
        if window.results.model.rowCount() and rng.random() < 0.5:
            window.results.accept_current()

    def glossary_pick() -> None:
        glossary.filter_field.setText(rng.choice(["", "a", "japan", "fund", "x"]))
        if glossary.proxy.rowCount():
            glossary.view.activated.emit(glossary.proxy.index(rng.randrange(glossary.proxy.rowCount()), 0))

    figures = window.figures
    assert figures is not None

    def figure_step() -> None:
        window.figures_dock.raise_()
        key = rng.choice([Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Home, Qt.Key.Key_End])
        QApplication.sendEvent(
            figures.view, QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier)
        )
        figures.view.repaint()

    return [
        lambda: window.navigator.go(rng.choice(ids)),
        figure_step,
        tree_select,
        lambda: window.timeline.recordActivated.emit(rng.choice(ids)),
        lambda: window.details.browser.activate(Link(Target.RECORD, rng.choice(ids))),
        lambda: window.details.browser.activate(Link(Target.PARAGRAPH, str(rng.randint(1, 39)))),
        window.navigator.back,
        window.navigator.forward,
        search,
        glossary_pick,
        lambda: window.filter_bar.kind.setCurrentIndex(rng.randrange(window.filter_bar.kind.count())),
        window.filter_bar.clear,
        lambda: window.timeline.zoom_by(rng.choice([0.5, 0.8, 1.25, 2.0, 8.0]), rng.uniform(0, 1200)),
        lambda: window.timeline.pan_by(rng.uniform(-0.5, 0.5)),
        window.timeline.fit_all,
        lambda: window.resize(rng.randint(700, 1800), rng.randint(500, 1100)),
        lambda: window.setPalette(dark(light) if rng.random() < 0.5 else light),
        lambda: window.mechanisms.filter_field.setText(rng.choice(["", "asean", "ajc", "zz"])),
    ]


def soak(window: MainWindow, count: int, seed: int = 2026) -> tuple[float, float]:
    rng = random.Random(seed)
    steps = actions(window, rng)
    app = QApplication.instance()
    assert app is not None
    early = 0.0
    for number in range(count):
        rng.choice(steps)()
        if number % 5 == 0:
            window.timeline.repaint()
            app.processEvents()
        if number == 99:
            early = resident_mib()
    return early, resident_mib()


def run_soak(qtbot: QtBot, dataset: Dataset, count: int, allowance_mib: float) -> None:
    window = make_window(qtbot, dataset)
    early, late = soak(window, count)
    print(f"\nsoak of {count} actions: resident memory {early:.1f} MiB after 100, {late:.1f} MiB at the end")
    assert late - early < allowance_mib
    assert window.isVisible()
    window.filter_bar.clear()
    window.search_field.clear()
    window.search_field.flush()
    assert window.timeline._matches is None  # clearing search and filters shows everything again


#: Resident memory may grow by this much after the first 100 actions. The seeded 800-action run grows by 6 to
#: 9 MiB (caches filling: fonts, pixmaps, text layouts), depending on what ran before it in the same process; a
#: leak of 7 KiB per action (a page of HTML, a small pixmap) took it to 10.5 MiB and failed. The margin is thin:
#: resident memory is a noisy measure, and a second pass of the same actions varied more with what ran before.
ALLOWANCE_MIB = 10
#: The 15,000-action run grew by 17.9 MiB: after the caches fill it still grows by about 0.9 KiB per action.
#: One and a half times that passes it as it is and fails anything that doubles the slow growth.
LONG_ALLOWANCE_MIB = 27


def test_soak(qtbot: QtBot, dataset: Dataset) -> None:
    run_soak(qtbot, dataset, 800, allowance_mib=ALLOWANCE_MIB)


@pytest.mark.slow
def test_long_soak(qtbot: QtBot, dataset: Dataset) -> None:
    run_soak(qtbot, dataset, 15000, allowance_mib=LONG_ALLOWANCE_MIB)
