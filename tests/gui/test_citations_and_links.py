"""In the window: Copy citation in each style and Copy link put what they say on the clipboard and say so in
the status bar; a link from outside selects its record or shows its paragraph, and a bad one is explained
without changing anything; a collection exports as a briefing (with the person's notes set apart) and as
references."""

from __future__ import annotations

from pathlib import Path

import pytest
import rispy
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from ajexplorer.domain.app_links import paragraph_url, parse_app_link, record_url
from ajexplorer.domain.citation import STYLES, cite
from ajexplorer.domain.loading import load_dataset
from ajexplorer.domain.model import Dataset, Record
from ajexplorer.gui.app import application
from ajexplorer.gui.mainwindow import MainWindow
from ajexplorer.gui.settings import Settings
from tests.conftest import FIXTURES
from tests.gui.conftest import TODAY


@pytest.fixture(scope="module")
def partner() -> Dataset:
    return load_dataset(FIXTURES / "partner")


@pytest.fixture
def window(qtbot: QtBot, partner: Dataset, tmp_path: Path) -> MainWindow:
    application()
    settings = Settings(tmp_path / "ajexplorer.ini", notebook=tmp_path / "notebook.sqlite3")
    window = MainWindow(partner, settings, today=TODAY)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitUntil(lambda: window.started, timeout=5000)
    assert window.notebook is not None
    return window


def cited_record(dataset: Dataset) -> Record:
    return next(record for record in dataset.records.values() if len(set(record.paragraphs)) > 1)


def clipboard() -> str:
    return QGuiApplication.clipboard().text()


def open_menu(menu: QMenu) -> list[str]:
    menu.aboutToShow.emit()
    return [action.text() for action in menu.actions() if not action.isSeparator()]


def test_copy_citation_offers_each_style_and_says_what_it_copied(window: MainWindow) -> None:
    record = cited_record(window.dataset)
    window.open_record(record.id)
    details = window.details
    details.copy_button.click()
    expected = STYLES[0].write(cite(window.dataset, record))
    assert clipboard() == expected
    assert window.statusBar().currentMessage().startswith(f"Copied the {STYLES[0].title} citation of ")
    menu = details.copy_button.menu()
    offered = open_menu(menu)
    assert [style.title for style in STYLES] == offered[: len(STYLES)]
    for style in STYLES:
        QGuiApplication.clipboard().clear()
        next(action for action in menu.actions() if action.objectName() == style.name).trigger()
        assert clipboard() == style.write(cite(window.dataset, record))
        assert window.dataset.info.publisher in clipboard() and record_url(record.id) in clipboard()
        assert style.title in window.statusBar().currentMessage()
    next(action for action in menu.actions() if action.objectName() == "ris").trigger()
    (entry,) = rispy.loads(clipboard())
    assert parse_app_link(entry["urls"][0]).key == record.id
    window.copy_citation_action.trigger()  # Edit > Copy Citation: the first style
    assert clipboard() == expected


def test_copy_link_gives_the_records_and_its_paragraphs_links(window: MainWindow) -> None:
    record = cited_record(window.dataset)
    window.open_record(record.id)
    window.details.link_button.click()
    assert parse_app_link(clipboard()).key == record.id
    assert clipboard() in window.statusBar().currentMessage()
    menu = window.details.link_button.menu()
    numbers = sorted(set(record.paragraphs))
    assert open_menu(menu) == ["Link to This Record", *(f"Link to Paragraph {n}" for n in numbers)]
    menu.actions()[-1].trigger()
    assert clipboard() == paragraph_url(numbers[-1])


def test_the_copy_buttons_wait_for_a_record(qtbot: QtBot, partner: Dataset) -> None:
    application()
    window = MainWindow(partner, None, today=TODAY)
    qtbot.addWidget(window)
    assert not window.details.copy_button.isEnabled() and not window.details.link_button.isEnabled()


def test_a_link_selects_its_record_and_back_returns(window: MainWindow) -> None:
    first, second = list(window.dataset.records)[:2]
    window.open_record(first)
    assert window.open_link(record_url(second))
    assert window.navigator.current == second
    window.navigator.back()
    assert window.navigator.current == first


def test_a_paragraph_link_shows_the_paragraph(window: MainWindow) -> None:
    window.glossary_dock.raise_()
    number = max(window.dataset.paragraphs)
    assert window.open_link(paragraph_url(number))
    assert not window.source_dock.visibleRegion().isEmpty()


@pytest.mark.parametrize(
    ("link", "says"),
    [
        ("ajexplorer://record/no-such-record", "does not have"),
        ("ajexplorer://paragraph/99999", "no paragraph 99999"),
        ("ajexplorer://open?everything", "Not a link AJ Explorer can open"),
        ("ajexplorer://record/" + "x" * 100_000, "too long"),
    ],
)
def test_a_bad_link_says_why_and_changes_nothing(window: MainWindow, link: str, says: str) -> None:
    first = next(iter(window.dataset.records))
    window.open_record(first)
    assert not window.open_link(link)
    assert window.navigator.current == first
    message = window.statusBar().currentMessage()
    assert message.startswith("Cannot open the link.") and says in message and len(message) < 300


def test_a_collection_exports_as_a_briefing_with_notes_apart_and_as_references(
    window: MainWindow, tmp_path: Path
) -> None:
    assert window.notebook is not None and window.exports is not None
    notebook = window.notebook.notebook
    chosen = list(window.dataset.records.values())[1:4]
    notebook.create_collection("For the summit")
    for record in chosen:
        notebook.add_to_collection("For the summit", f"record:{record.id}")
    notebook.set_text(f"record:{chosen[0].id}", "Check this against the minutes.")
    briefing = tmp_path / "summit.md"
    assert window.exports.export_collection("For the summit", "md", briefing)
    text = briefing.read_text(encoding="utf-8")
    assert text.startswith("# For the summit\n")
    assert [record.display_title in text for record in chosen] == [True] * 3
    notes_at = text.index("### Your notes")
    assert text.index("Check this against the minutes.") > notes_at
    assert "> Check this" not in text
    references = tmp_path / "summit.ris"
    assert window.exports.export_collection("For the summit", "ris", references)
    urls = [entry["urls"][0] for entry in rispy.loads(references.read_text(encoding="utf-8"))]
    assert [parse_app_link(url).key for url in urls] == [record.id for record in chosen]
    assert "Saved" in window.statusBar().currentMessage()


def test_an_empty_or_unknown_collection_writes_nothing(window: MainWindow, tmp_path: Path) -> None:
    assert window.exports is not None
    assert not window.exports.export_collection("Nothing here", "bibtex", tmp_path / "x.bib")
    assert not (tmp_path / "x.bib").exists()
    assert "nothing to export" in window.statusBar().currentMessage()


def test_a_briefing_carries_the_notes_unless_asked_not_to(window: MainWindow, tmp_path: Path) -> None:
    assert window.notebook is not None and window.exports is not None
    record = cited_record(window.dataset)
    number = sorted(record.paragraphs)[-1]
    window.notebook.notebook.set_text(f"paragraph:{number}", "A thought on this paragraph.")
    window.open_record(record.id)
    with_notes = tmp_path / "with.md"
    assert window.exports.export("md", with_notes)
    text = with_notes.read_text(encoding="utf-8")
    assert f"**On paragraph {number}:**\n\nA thought on this paragraph." in text
    window.exports.include_notes_action.trigger()  # unchecked: a briefing to share without them
    without = tmp_path / "without.md"
    assert window.exports.export("md", without)
    assert "A thought" not in without.read_text(encoding="utf-8") and "Your notes" not in without.read_text(
        encoding="utf-8"
    )
