"""Opening another data folder: a broken one is explained in a dialog and the bundled data is shown instead."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from ajexplorer.gui.app import load_for_window, show_data_problems
from ajexplorer.gui.mainwindow import MainWindow
from tests.conftest import BROKEN, FIXTURES
from tests.gui.conftest import make_window


@pytest.mark.parametrize("case", sorted(path.name for path in BROKEN.iterdir()))
def test_a_broken_folder_falls_back_to_the_bundled_data_with_located_messages(
    case: str, qtbot: QtBot
) -> None:
    dataset, problem = load_for_window(BROKEN / case)
    assert problem is not None
    assert len(dataset.paragraphs) == 39  # the bundled data
    window = make_window(qtbot, dataset)
    box = show_data_problems(window, BROKEN / case, problem, fallback=True)
    qtbot.addWidget(box)
    assert "was not opened" in box.text()
    assert "bundled dataset is shown instead" in box.informativeText()
    first = problem.problems[0]
    assert f"{first.file}:{first.line}:{first.column}" in box.detailedText()
    assert "Traceback" not in box.detailedText()


def test_a_good_folder_opens(qtbot: QtBot) -> None:
    dataset, problem = load_for_window(FIXTURES / "mini")
    assert problem is None
    window: MainWindow = make_window(qtbot, dataset)
    assert window.dataset.title == "Example dialogue relations"
    assert window.open_record("m-summit")
