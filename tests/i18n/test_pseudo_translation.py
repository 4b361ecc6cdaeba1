"""Every string 40 % longer and accented, as a wordy language makes it: nothing in the window is cut.

A translator that answers every message (the app's and Qt's) with a padded, accented copy of the English
keeps each placeholder, accelerator and tag as it is, so the window builds and runs as in any language.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QSizePolicy, QWidget
from pytestqt.qtbot import QtBot

from ajexplorer.domain import i18n
from ajexplorer.domain.model import Dataset
from ajexplorer.gui.app import application
from ajexplorer.gui.i18n import qt_translate
from ajexplorer.gui.mainwindow import MainWindow
from ajexplorer.gui.settings import Settings
from tests.gui.conftest import TODAY

_KEEP = re.compile(r"(\{[A-Za-z_]*\}|%n|%L?\d+|<[^>]*>|&[a-z]+;|&.|\n)")
_ACCENTED = str.maketrans("aeiouyAEIOUYcnsz", "áéíóúýÁÉÍÓÚÝçñšž")


def pseudo(text: str) -> str:
    """``text`` accented and lengthened by 40 %; placeholders, accelerators, tags and line breaks kept."""
    if not text.strip():
        return text
    parts = _KEEP.split(text)
    shown = "".join(part for index, part in enumerate(parts) if index % 2 == 0)
    body = "".join(part if index % 2 else part.translate(_ACCENTED) for index, part in enumerate(parts))
    return f"{body}{'·' * math.ceil(0.4 * len(shown))}"


class PseudoTranslator(QTranslator):
    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        del context, disambiguation
        text = pseudo(source)
        return text.replace("%n", str(n)) if n >= 0 else text

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def pseudo_translated() -> Iterator[None]:
    app = application()
    translator = PseudoTranslator(app)
    app.installTranslator(translator)
    previous = i18n.use(qt_translate)
    yield
    i18n.use(previous)
    app.removeTranslator(translator)


def test_pseudo_translation_keeps_what_code_fills_in() -> None:
    text = pseudo("Saved {what} to {path} (&Print…)")
    assert "{what}" in text and "{path}" in text and "&P" in text and "á" in text
    assert len(text) >= 1.4 * len("Saved {what} to {path} (&Print…)") - len("{what}{path}&P")


def clipped(widget: QWidget) -> str | None:
    """Why ``widget``'s own text does not fit it, or None."""
    if isinstance(widget, QLabel):
        text = widget.text()
        if not text or widget.wordWrap() or "<" in text:
            return None
        if widget.sizePolicy().horizontalPolicy() is QSizePolicy.Policy.Ignored and widget.toolTip():
            return None  # cut at the edge on purpose, the whole text in its tooltip (the details' citation)
        lines = text.replace("&&", "&").splitlines()
        needed = max(widget.fontMetrics().horizontalAdvance(line) for line in lines)
        room = widget.contentsRect().width()
    elif isinstance(widget, QAbstractButton):
        if not widget.text():
            return None
        text, needed, room = widget.text(), widget.sizeHint().width(), widget.width()
    elif isinstance(widget, QComboBox):
        text = widget.currentText()
        needed = widget.minimumSizeHint().width()
        room = widget.width()
    else:
        return None
    return (
        f"{type(widget).__name__} {widget.objectName() or ''} {text!r}: {needed} > {room}"
        if needed > room
        else None
    )


def shown_widgets(top: QWidget) -> list[QWidget]:
    return [widget for widget in top.findChildren(QWidget) if widget.isVisible() and widget.width() > 0]


@pytest.mark.usefixtures("pseudo_translated")
def test_nothing_is_cut_in_the_main_window_at_1366x768(
    qtbot: QtBot, dataset: Dataset, tmp_path: Path
) -> None:
    """The window as a person has it on a 1366x768 screen: a record selected, its note editor under the
    details, every pane in turn."""
    application()
    settings = Settings(tmp_path / "settings.ini", notebook=tmp_path / "notebook.sqlite3")
    window = MainWindow(dataset, settings, today=TODAY)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.started and window.notebook is not None, timeout=5000)
    window.select_default()
    assert window.menuBar().actions()[0].text() == pseudo("&File")
    QApplication.processEvents()
    widgets = shown_widgets(window)
    texts = [w for w in widgets if isinstance(w, QLabel | QAbstractButton) and getattr(w, "text", str)()]
    assert len(texts) >= 5  # the checks below look at something: buttons and labels of the window itself
    problems = [problem for widget in widgets if (problem := clipped(widget)) is not None]
    # The tabbed panes too: each brought forward in turn.
    for dock in (window.results_dock, window.notebook_dock, window.chronology_dock, window.figures_dock):
        dock.show()
        dock.raise_()
        QApplication.processEvents()
        problems += [problem for widget in shown_widgets(dock) if (problem := clipped(widget)) is not None]
    assert problems == []


def test_the_check_sees_a_cut_label(qtbot: QtBot) -> None:
    label = QLabel(pseudo("Your note on"))
    qtbot.addWidget(label)
    label.setFixedWidth(label.fontMetrics().horizontalAdvance(label.text()) // 2)
    label.show()
    assert clipped(label) is not None
    label.setFixedWidth(label.sizeHint().width())
    assert clipped(label) is None


def test_the_pseudo_translator_is_gone_after_its_test() -> None:
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


@pytest.mark.usefixtures("pseudo_translated")
def test_nothing_is_cut_in_the_help_dialogs(qtbot: QtBot, dataset: Dataset, tmp_path: Path) -> None:
    """Help's dialogs (the legend, the shortcuts, the search syntax) as they open, in the longer language."""
    application()
    window = MainWindow(dataset, Settings(tmp_path / "settings.ini"), today=TODAY)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.started, timeout=5000)
    for show, title in (
        (window.show_legend, "Timeline Legend"),
        (window.show_shortcuts, "Keyboard Shortcuts"),
        (window.show_search_help, "Search Syntax"),
    ):
        dialog = show()
        qtbot.waitExposed(dialog)
        assert dialog.windowTitle() == pseudo(title)  # the longer language reached it
        problems = [problem for widget in shown_widgets(dialog) if (problem := clipped(widget)) is not None]
        assert problems == [], title
        dialog.close()
