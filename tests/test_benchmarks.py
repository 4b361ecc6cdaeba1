"""The README's performance figures are what the benchmarks printed, and the benchmarks compare like with like.

No timing is asserted here: these tests check the README against the benchmarks' kept JSON, how a verdict is
worded, the order of the start-up runs, and that the reference window has the app's menus and shortcuts.
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QToolBar
from pytestqt.qtbot import QtBot

from ajexplorer.domain.model import Dataset
from ajexplorer.gui.app import application
from ajexplorer.gui.mainwindow import MainWindow
from benchmarks import bench_startup, report
from benchmarks.reference_window import build_window


def test_the_readme_table_is_the_rendering_of_the_kept_results() -> None:
    """`python -m benchmarks.report` wrote it: editing a figure by hand, or a new run kept without
    rewriting the README, fails here."""
    readme = report.README.read_text(encoding="utf-8")
    results = report.read_results()
    assert {"load", "search", "timeline", "startup"} <= results.keys()
    assert report.replaced(readme, report.render(results)) == readme


def test_every_row_gives_its_target_and_says_met_or_missed() -> None:
    rendered = report.render(report.read_results())
    rows = [line for line in rendered.splitlines() if line.startswith("| `")]
    assert len(rows) == len(report.BENCHMARKS)
    for row in rows:
        verdict = row.rstrip(" |").rsplit("|", 1)[1]
        assert "met (" in verdict or "**missed**" in verdict or "not measured" in verdict, row


def kept(name: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads((report.RESULTS / f"{name}.json").read_text(encoding="utf-8"))
    return result


def test_a_figure_over_its_target_is_reported_missed_by_how_much() -> None:
    search = copy.deepcopy(kept("search"))
    search["synthetic"]["keystroke"]["p95_ms"] = 19.3
    search["bundled"]["keystroke"]["p95_ms"] = 3.9
    verdict = report.search_row(search).verdict
    assert "bundled met (3.9 ms)" in verdict
    assert "**missed** by 3.3 ms (19.3 ms)" in verdict
    timeline = copy.deepcopy(kept("timeline"))
    for view in ("fit_all", "mid_zoom", "close_zoom"):
        timeline[view]["max_ms"] = 10.0
    assert report.timeline_row(timeline).verdict.startswith("worst (fit all) met (10.0 ms)")
    timeline["mid_zoom"]["max_ms"] = 24.3
    assert report.timeline_row(timeline).verdict == "worst (mid zoom) **missed** by 8.3 ms (24.3 ms)"
    startup = copy.deepcopy(kept("startup"))
    startup["ratio_median"] = 1.46
    assert report.startup_row(startup).verdict == "met (1.46x)"
    startup["ratio_median"] = 2.0
    assert report.startup_row(startup).verdict == "**missed**: 2.00x, 0.50 over 1.5x"


def test_the_load_figure_is_the_load_with_every_check_including_the_schema() -> None:
    load = kept("load")
    row = report.load_row(load)
    checked = load["load_with_schema_check_ms"]["median"]
    assert row.figure.startswith(f"every check, the JSON Schema check included: {report._number(checked)} ms")
    assert load["checked_ratio_median"] == pytest.approx(
        checked / load["baseline_read_and_parse_ms"]["median"], abs=0.02
    )


def test_startup_runs_alternate(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    order: list[str] = []

    def one_run(kind: str) -> float:
        order.append(kind)
        return 100.0 if kind == "bare" else 140.0

    monkeypatch.setattr(bench_startup, "one_run", one_run)
    monkeypatch.setattr(sys, "argv", ["bench_startup", "--runs", "3"])
    bench_startup.main()
    assert order == ["bare", "app"] * 4  # a warm-up of each, then bare and app in turn
    printed = json.loads(capsys.readouterr().out)
    assert printed["ratio_median"] == 1.4
    assert printed["meets_target"] is True


def structure(window: QMainWindow) -> dict[str, object]:
    """A window's commands as a person meets them: each menu's items by their shortcuts, tool bars, docks."""
    actions = window.findChildren(QAction)
    return {
        "menus": [
            (
                menu.text(),
                [
                    [key.toString() for key in item.shortcuts()]
                    for item in menu.menu().actions()  # type: ignore[attr-defined]
                    if not item.isSeparator()
                ],
            )
            for menu in window.menuBar().actions()
        ],
        "actions_with_a_shortcut": sum(1 for action in actions if action.shortcuts()),
        "key_sequences": sum(len(action.shortcuts()) for action in actions),
        "toolbars": [
            (bar.windowTitle(), len([item for item in bar.actions() if not item.isSeparator()]))
            for bar in window.findChildren(QToolBar)
        ],
        "docks": sorted(dock.windowTitle() for dock in window.findChildren(QDockWidget)),
    }


def test_the_reference_window_has_the_apps_menus_shortcuts_toolbars_and_docks(
    qtbot: QtBot, dataset: Dataset
) -> None:
    """As the README describes it: the app's window at its first paint, rebuilt from stock widgets."""
    application()
    app_window = MainWindow(dataset, None)  # not shown: what it has before its first paint
    qtbot.addWidget(app_window)
    reference = build_window()
    qtbot.addWidget(reference)
    expected = structure(app_window)
    assert expected["actions_with_a_shortcut"] == 15 and expected["key_sequences"] == 16  # as the README says
    items = [keys for _menu, entries in expected["menus"] for keys in entries]  # type: ignore[attr-defined]
    assert len(items) == 24 and sum(1 for keys in items if keys) == 13  # as the README says
    assert structure(reference) == expected


def test_the_readme_describes_the_reference_window_with_the_counted_figures() -> None:
    readme = " ".join(Path(report.README).read_text(encoding="utf-8").split())
    assert "the same five menus with the same 24 items (13 with a shortcut)" in readme
    assert "(15 actions with a shortcut, 16 key sequences, as the app's;" in readme


def test_each_keystroke_dataset_is_held_to_its_own_target() -> None:
    keystroke = copy.deepcopy(kept("keystroke"))
    names = list(keystroke["datasets"])
    for name in names:
        keystroke["datasets"][name]["keystroke"]["p95_ms"] = keystroke["datasets"][name]["target_p95_ms"]
    assert "**missed**" not in report.keystroke_row(keystroke).verdict
    last = keystroke["datasets"][names[-1]]
    last["keystroke"]["p95_ms"] = last["target_p95_ms"] + 12.5
    verdicts = report.keystroke_row(keystroke).verdict.split("; ")
    assert (
        verdicts[-1]
        == f"{last['records']:,} **missed** by 12.5 ms ({report._number(last['keystroke']['p95_ms'])} ms)"
    )
    assert all("met (" in verdict for verdict in verdicts[:-1])
