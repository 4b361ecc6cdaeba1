"""The interface in another language for one test, then English again for the rest of the run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from ajexplorer.gui.app import application
from ajexplorer.gui.i18n import ENGLISH, JAPANESE, Translation


@pytest.fixture
def translation() -> Iterator[Translation]:
    """The application's translators, left in English whatever the test chose."""
    chosen = Translation(application())
    yield chosen
    chosen.apply(ENGLISH)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture
def japanese(translation: Translation) -> Translation:
    assert translation.apply(JAPANESE), "the Japanese translation did not load"
    return translation


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings" / "ajexplorer.ini"
