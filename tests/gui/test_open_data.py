"""Opening another data folder at start (``--data``): a broken one is explained in a dialog and the bundled data
is shown instead."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ajexplorer.gui.app import application, show_data_problems
from ajexplorer.gui.datasets import DatasetSession
from ajexplorer.gui.settings import Settings
from tests.conftest import BROKEN, FIXTURES
from tests.gui.conftest import TODAY


@pytest.mark.parametrize("case", sorted(path.name for path in BROKEN.iterdir()))
def test_a_broken_folder_falls_back_to_the_bundled_data_with_located_messages(
    case: str, qtbot: QtBot, settings_file: Path
) -> None:
    application()
    session = DatasetSession(Settings(settings_file), today=TODAY)
    refused = session.start(BROKEN / case)
    assert refused is not None and refused.folder == (BROKEN / case).resolve()
    window = session.window
    assert len(window.dataset.paragraphs) == 39  # the bundled data
    assert session.showing_bundled
    box = show_data_problems(window, refused.folder, refused.error, fallback=True)
    assert "was not opened" in box.text()
    assert "bundled dataset is shown instead" in box.informativeText()
    first = refused.error.problems[0]
    assert f"{first.file}:{first.line}:{first.column}" in box.detailedText()
    assert str(first) in box.informativeText()  # the first problems are read without opening the details
    assert "Traceback" not in box.detailedText()
    assert session.recent() == []  # a folder that never opened is not offered again
    session.close()


def test_a_good_folder_opens(qtbot: QtBot, settings_file: Path) -> None:
    application()
    session = DatasetSession(Settings(settings_file), today=TODAY)
    assert session.start(FIXTURES / "mini") is None
    window = session.window
    assert window.dataset.title == "Example dialogue relations"
    assert window.open_record("m-summit")
    assert [entry.title for entry in session.recent()] == ["Example dialogue relations"]
    session.close()
