"""The window fits the screen it opens on: placed on screens of 1366x768, 1920x1080 and 1920x1080 at 2x
(Qt's offscreen platform with a screen configuration, one process per screen)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

SCRIPT = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtWidgets import QApplication, QDockWidget, QTabBar
    from ajexplorer.domain.loading import load_dataset
    from ajexplorer.gui.mainwindow import MainWindow
    from ajexplorer.gui.settings import Settings
    from ajexplorer.paths import data_dir

    app = QApplication([])

    def settings():  # with a notebook, as a person's window has: its note editor sits under the details
        return Settings(Path(sys.argv[1]), notebook=Path(sys.argv[1]).with_suffix(".sqlite"))

    window = MainWindow(load_dataset(data_dir()), settings())
    if len(sys.argv) > 2:  # a geometry remembered from a much larger monitor
        window.setGeometry(QRect(300, 200, 2400, 1500))
        window.close()
        window = MainWindow(load_dataset(data_dir()), settings())
    window.restore_state()
    window.select_default()
    window.show()
    deadline = time.monotonic() + 30  # the work after the first paint comes in steps, on timers
    while not window.started and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.002)
    assert window.started

    def rect(widget):
        top_left = widget.mapToGlobal(widget.rect().topLeft())
        return [top_left.x(), top_left.y(), widget.width(), widget.height()]

    def sibling_names(view, parent):
        # each group of siblings as the tree draws their names (elided to the Name column width)
        model, groups = view.model(), []
        rows = [model.index(row, 0, parent) for row in range(model.rowCount(parent))]
        names = []
        for index in rows:
            room = view.visualRect(index).width() - view.iconSize().width() - 18
            names.append((str(index.data()), window.mechanisms.shorten_names_apart().shown_name(index, room)))
            groups.extend(sibling_names(view, index))
        return [names, *groups]

    window.mechanisms_dock.raise_()
    app.processEvents()
    tree = window.mechanisms.view
    def glossary_cut():
        # expansions taller than their row, once wrapped to the column's width, or narrower than a quarter
        window.glossary_dock.show()
        window.glossary_dock.raise_()
        for _ in range(5):
            app.processEvents()
        table = window.glossary.view
        model = table.model()
        width = table.columnWidth(1)
        cut = [str(model.index(row, 1).data()) for row in range(model.rowCount())
               if table.fontMetrics().boundingRect(QRect(0, 0, width - 6, 10_000), Qt.TextFlag.TextWordWrap,
                   str(model.index(row, 1).data())).height() > table.rowHeight(row)]
        share = width / table.viewport().width()
        window.source_dock.raise_()
        window.mechanisms_dock.raise_()
        for _ in range(5):
            app.processEvents()
        return {"cut": cut, "share": share}

    glossary = glossary_cut()

    def tabs_cut():
        # the dock tabs given less room than their title asks for, along the tab (vertical tabs upright)
        cut = []
        groups = [
            {d.windowTitle() for d in [dock, *window.tabifiedDockWidgets(dock)]}
            for dock in (window.mechanisms_dock, window.source_dock)
        ]
        for bar in window.findChildren(QTabBar):
            # Qt keeps the tab bars of earlier arrangements; the live ones hold a group of tabbed panes
            if not bar.isVisible() or {bar.tabText(i) for i in range(bar.count())} not in groups:
                continue
            vertical = bar.shape() in (QTabBar.Shape.RoundedWest, QTabBar.Shape.RoundedEast)
            for i in range(bar.count()):
                given, wanted = bar.tabRect(i), bar.tabSizeHint(i)  # squeezed below its wish: elided
                if (given.height() < wanted.height()) if vertical else (given.width() < wanted.width()):
                    cut.append(bar.tabText(i))
        return cut
    shown = [dock for dock in window.findChildren(QDockWidget) if not dock.visibleRegion().isEmpty()]
    browser = window.details.browser
    frame = window.frameGeometry()
    available = window.screen().availableGeometry()
    print(json.dumps({
        "available": [available.x(), available.y(), available.width(), available.height()],
        "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
        "parts": {dock.objectName(): rect(dock) for dock in shown}
        | {"timeline": rect(window.timeline), "details": rect(window.details), "status": rect(window.statusBar())},
        "detail_lines": browser.viewport().height() / browser.fontMetrics().lineSpacing(),
        "name_column": tree.columnWidth(0),
        "tree_width": tree.viewport().width(),
        "siblings": sibling_names(tree, tree.rootIndex()),
        "glossary": glossary,
        "tabs_cut": tabs_cut(),
    }))
    window.close()
    """
)

SCREENS = {
    "1366x768": (1366, 768, "1"),
    "1920x1080": (1920, 1080, "1"),
    "1920x1080 at 2x": (1920, 1080, "2"),
}


def open_on(tmp_path: Path, screen: str, *, from_larger_monitor: bool = False) -> dict[str, Any]:
    width, height, scale = SCREENS[screen]
    tmp_path.mkdir(exist_ok=True)
    config = tmp_path / "screens.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "screen",
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": height,
                        "logicalDpi": 96,
                        "logicalDpiX": 96,
                        "logicalDpiY": 96,
                        "dpr": 1,
                    }
                ]
            }
        )
    )
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "QT_SCALE_FACTOR": scale}
    args = [sys.executable, "-c", SCRIPT, str(tmp_path / "settings.ini")]
    result = subprocess.run(
        [*args, "larger"] if from_larger_monitor else args,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        check=False,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def inside(rect: list[int], area: list[int]) -> bool:
    x, y, width, height = rect
    ax, ay, a_width, a_height = area
    return ax <= x and ay <= y and x + width <= ax + a_width and y + height <= ay + a_height


@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_pane_is_on_the_screen_and_the_details_show_a_dozen_lines(tmp_path: Path, screen: str) -> None:
    shown = open_on(tmp_path, screen)
    assert inside(shown["frame"], shown["available"])
    assert {"mechanismsDock", "timeline", "details", "status"} <= set(shown["parts"])
    for name, rect in shown["parts"].items():
        assert inside(rect, shown["available"]), name
        assert rect[2] >= 200 and rect[3] >= 20, name  # wide enough to read, not squeezed to a sliver
    assert shown["detail_lines"] >= 12
    if screen != "1920x1080 at 2x":  # at 2x a 1080-line screen is 540 lines: tabs there may shorten
        assert shown["tabs_cut"] == [], json.dumps(shown["tabs_cut"])  # every pane's tab reads in full


def test_a_wide_screen_keeps_panes_on_both_sides_and_a_narrow_one_tabs_them(tmp_path: Path) -> None:
    wide = open_on(tmp_path / "wide", "1920x1080")
    narrow = open_on(tmp_path / "narrow", "1920x1080 at 2x")
    assert "sourceDock" in wide["parts"]
    assert "sourceDock" not in narrow["parts"]  # a tab beside Mechanisms, so the centre keeps its width
    assert narrow["parts"]["details"][2] >= narrow["available"][2] // 2


def test_a_geometry_from_a_larger_monitor_is_fitted_to_this_one(tmp_path: Path) -> None:
    shown = open_on(tmp_path, "1366x768", from_larger_monitor=True)
    assert inside(shown["frame"], shown["available"])
    assert shown["detail_lines"] >= 12


@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_tree_gives_its_width_to_the_names_and_siblings_read_apart(tmp_path: Path, screen: str) -> None:
    shown = open_on(tmp_path, screen)
    assert shown["name_column"] >= shown["tree_width"] * 0.55
    for siblings in shown["siblings"]:
        drawn = dict(siblings)
        assert len(set(drawn.values())) == len(drawn), [e for e in drawn.values() if "…" in e]


@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_glossary_shows_its_expansions_whole(tmp_path: Path, screen: str) -> None:
    glossary = open_on(tmp_path, screen)["glossary"]
    assert glossary["share"] >= 0.4
    assert glossary["cut"] == []
