"""The notebook in the window: notes saved as typed, stars and notes marked wherever a record appears, the
Notebook pane opening records through the navigator, saved searches re-run, and a notebook that cannot be read
or written said so without losing a word."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from ajexplorer.domain.model import Dataset, Kind
from ajexplorer.domain.notebook import NOTEBOOK_FILE, Notebook, paragraph_target, record_target
from ajexplorer.domain.query import Filters
from ajexplorer.gui.app import application
from ajexplorer.gui.mainwindow import MainWindow
from ajexplorer.gui.mechanism_tree import RecordRole
from ajexplorer.gui.notebook_controller import NotebookController
from ajexplorer.gui.notebook_panel import EntryKind, NotebookModel, build_entries
from ajexplorer.gui.settings import Settings
from ajexplorer.presentation.note_html import NOTE_MARK, STAR
from ajexplorer.presentation.search_text import OWN_NOTE_LABEL
from tests.gui.conftest import TODAY

OWN_WORD = "quixotically"


def open_window(qtbot: QtBot, dataset: Dataset, folder: Path) -> MainWindow:
    application()
    window = MainWindow(
        dataset, Settings(folder / "settings.ini", notebook=folder / "data" / NOTEBOOK_FILE), today=TODAY
    )
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.started, timeout=5000)
    return window


def controller(window: MainWindow) -> NotebookController:
    assert window.notebook is not None, "the notebook opens after the first paint"
    return window.notebook


def a_mechanism(window: MainWindow) -> str:
    """The first mechanism the tree lists (derived from the loaded data)."""
    model = window.tree_model
    heading = model.index(0, 0)
    record_id = model.data(model.index(0, 0, heading), RecordRole)
    assert isinstance(record_id, str)
    return record_id


def an_event(dataset: Dataset) -> str:
    return next(
        record.id for record in dataset.records.values() if record.kind is Kind.EVENT and record.when.known
    )


def saved_text(folder: Path, target: str) -> str | None:
    """What the notebook's file holds, read by a notebook of its own (as another process would)."""
    note = Notebook.open(folder / "data" / NOTEBOOK_FILE).note(target)
    return note.text if note else None


@pytest.fixture
def window(qtbot: QtBot, dataset: Dataset, tmp_path: Path) -> MainWindow:
    return open_window(qtbot, dataset, tmp_path)


def test_typing_a_note_saves_it_with_no_save_button_and_marks_the_record(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    record_id = a_mechanism(window)
    window.navigator.go(record_id)
    editor = controller(window).editor
    qtbot.keyClicks(editor.text, "Check **this** again")
    qtbot.waitUntil(lambda: saved_text(tmp_path, record_target(record_id)) == "Check **this** again")
    assert 'font-weight:700;">this</span>' in editor.preview.toHtml()  # shown rendered, not as typed
    assert "**" not in editor.preview.toPlainText()
    row = window.tree_model.index_of(record_id)
    assert str(window.tree_model.data(row)).endswith(NOTE_MARK)


def test_closing_the_window_writes_what_was_just_typed(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    record_id = a_mechanism(window)
    window.navigator.go(record_id)
    qtbot.keyClicks(controller(window).editor.text, "typed just before closing")
    window.close()
    assert saved_text(tmp_path, record_target(record_id)) == "typed just before closing"


def test_moving_to_another_record_writes_the_note_at_once(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    first = a_mechanism(window)
    window.navigator.go(first)
    qtbot.keyClicks(controller(window).editor.text, "first record's note")
    window.navigator.go(an_event(window.dataset))
    assert saved_text(tmp_path, record_target(first)) == "first record's note"
    assert controller(window).editor.text.toPlainText() == ""


def test_a_star_shows_in_the_tree_the_results_and_the_timeline(qtbot: QtBot, window: MainWindow) -> None:
    mechanism = a_mechanism(window)
    event = an_event(window.dataset)
    window.navigator.go(event)
    window.timeline.zoom_to_selection()  # drawn as a point of its own, not inside a cluster
    assert window.timeline.item_position(event) is not None
    before = window.timeline.grab().toImage()
    controller(window).editor.star.click()
    assert window.timeline.grab().toImage() != before  # the timeline draws the star
    window.navigator.go(mechanism)
    controller(window).editor.star.click()
    assert str(window.tree_model.data(window.tree_model.index_of(mechanism))).endswith(STAR)
    window.search_field.setText("is:starred")
    window.search_field.flush()
    rows = window.results.model
    shown = {rows.data(rows.index(row, 0), Qt.ItemDataRole.UserRole + 1) for row in range(rows.rowCount())}
    assert shown == {mechanism, event}
    lines = [str(rows.data(rows.index(row, 0))) for row in range(rows.rowCount())]
    assert all(line.endswith(STAR) for line in lines)


def test_the_notebook_pane_opens_records_through_the_navigator(
    qtbot: QtBot, window: MainWindow, qtmodeltester: object
) -> None:
    mechanism = a_mechanism(window)
    event = an_event(window.dataset)
    notebook = controller(window)
    window.navigator.go(mechanism)
    notebook.editor.star.click()
    window.navigator.go(event)
    panel = notebook.panel
    starred = panel.model.index(0, 0)
    assert panel.model.rowCount(starred) == 1
    panel.activate(panel.model.index(0, 0, starred))
    assert window.navigator.current == mechanism
    window.navigator.back()
    assert window.navigator.current == event  # history included
    qtmodeltester.check(panel.model)  # type: ignore[attr-defined]


def test_collections_are_made_filled_and_searched(qtbot: QtBot, window: MainWindow) -> None:
    notebook = controller(window)
    notebook.ask_text = lambda *_args: "Briefing for the 2026 summit"
    mechanism = a_mechanism(window)
    window.navigator.go(mechanism)
    notebook.new_collection(record_target(mechanism))
    event = an_event(window.dataset)
    window.navigator.go(event)
    notebook.editor.set_in_collection("Briefing for the 2026 summit", on=True)
    assert notebook.notebook.collection_records("briefing for the 2026 summit") == (mechanism, event)
    window.search_field.setText('collection:"Briefing for the 2026 summit"')
    window.search_field.flush()
    assert window.results.model.rowCount() == 2
    assert window.records_in_view() == [
        record for record in window.dataset.records.values() if record.id in {mechanism, event}
    ]


def test_a_saved_search_runs_again_with_its_filters(qtbot: QtBot, window: MainWindow) -> None:
    notebook = controller(window)
    section = window.dataset.sections[0].id
    window.filter_bar.set_filters(Filters(section_ids=frozenset({section})))
    window.search_field.setText("japan")
    window.search_field.flush()
    expected = window.results.model.rowCount()
    notebook.ask_text = lambda *_args: "Japan in the first section"
    notebook.panel.saveSearchRequested.emit()
    window.filter_bar.clear()
    window.search_field.clear()
    window.search_field.flush()
    searches = notebook.panel.model.index(3, 0)
    assert notebook.panel.model.entry(notebook.panel.model.index(0, 0, searches)).kind is EntryKind.SEARCH
    notebook.panel.activate(notebook.panel.model.index(0, 0, searches))
    assert window.search_field.text() == "japan"
    assert window.filter_bar.filters().section_ids == {section}
    assert window.results.model.rowCount() == expected > 0


def test_search_finds_the_persons_note_and_says_it_is_theirs(qtbot: QtBot, window: MainWindow) -> None:
    record_id = a_mechanism(window)
    window.navigator.go(record_id)
    notebook = controller(window)
    qtbot.keyClicks(notebook.editor.text, f"My own {OWN_WORD} reading")
    notebook.editor.flush()
    window.search_field.setText(OWN_WORD)
    window.search_field.flush()
    rows = window.results.model
    assert rows.rowCount() == 1
    assert OWN_NOTE_LABEL in str(rows.data(rows.index(0, 0)))


def test_a_paragraph_the_record_cites_can_be_starred_and_noted(qtbot: QtBot, window: MainWindow) -> None:
    record = next(record for record in window.dataset.records.values() if record.paragraphs)
    number = min(record.paragraphs)
    window.navigator.go(record.id)
    editor = controller(window).editor
    editor.show_target(paragraph_target(number))
    qtbot.keyClicks(editor.text, "the paragraph itself")
    editor.star.click()
    note = controller(window).notebook.note(paragraph_target(number))
    assert note is not None and note.starred and note.text == "the paragraph itself"
    assert controller(window).notebook.note(record_target(record.id)) is None  # not the record's note
    starred = controller(window).panel.model.index(0, 0)
    assert str(
        controller(window).panel.model.data(controller(window).panel.model.index(0, 0, starred))
    ).startswith(f"¶ {number}")


def test_an_unreadable_notebook_is_moved_aside_said_and_offered(
    qtbot: QtBot, dataset: Dataset, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / NOTEBOOK_FILE).write_bytes(b"this is not a database " * 100)
    window = open_window(qtbot, dataset, tmp_path)
    notebook = controller(window)
    old = notebook.notebook.moved_aside
    assert old is not None and old.read_bytes() == b"this is not a database " * 100
    box = notebook.moved_aside_box
    assert box.isVisible() and str(old) in box.text()
    copy = tmp_path / "kept.sqlite3"
    notebook.ask_file = lambda *_args: copy
    save = next(button for button in box.buttons() if button.text() == "Save a Copy…")
    save.click()
    assert copy.read_bytes() == old.read_bytes()
    box.close()


def test_a_notebook_that_cannot_be_written_keeps_notes_and_exports_them(
    qtbot: QtBot, dataset: Dataset, tmp_path: Path
) -> None:
    (tmp_path / "data").write_text("a file where the data folder should be", encoding="utf-8")
    window = open_window(qtbot, dataset, tmp_path)
    notebook = controller(window)
    assert notebook.panel.problem.isVisible() and "cannot be saved" in notebook.panel.problem.text()
    record_id = a_mechanism(window)
    window.navigator.go(record_id)
    qtbot.keyClicks(notebook.editor.text, "kept in memory")
    notebook.editor.flush()
    assert notebook.editor.state.text() == "Not saved: kept in memory"
    exported = tmp_path / "notebook.json"
    notebook.ask_file = lambda *_args: exported
    notebook.choose_and_export_json()
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert [note["text"] for note in document["notes"]] == ["kept in memory"]
    (tmp_path / "data").unlink()
    assert notebook.retry()
    assert not notebook.panel.problem.isVisible()
    assert saved_text(tmp_path, record_target(record_id)) == "kept in memory"


def test_the_file_menu_exports_and_imports_the_notebook(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    texts = [action.text() for action in window.file_menu.actions()]
    assert "Export Notebook as &JSON…" in texts and "&Import Notebook…" in texts
    notebook = controller(window)
    record_id = a_mechanism(window)
    window.navigator.go(record_id)
    notebook.editor.star.click()
    markdown = tmp_path / "notebook.md"
    notebook.ask_file = lambda *_args: markdown
    notebook.choose_and_export_markdown()
    title = window.dataset.records[record_id].display_title
    assert f"- {title} (record:{record_id})" in markdown.read_text(encoding="utf-8")
    incoming = tmp_path / "incoming.json"
    incoming.write_text(
        json.dumps(
            {
                "format": "ajexplorer-notebook",
                "version": 1,
                "notes": [{"target": record_target(record_id), "text": "imported words"}],
            }
        ),
        encoding="utf-8",
    )
    notebook.ask_file = lambda *_args: incoming
    notebook.choose_and_import()
    assert notebook.editor.text.toPlainText() == "imported words"
    assert notebook.editor.star.isChecked()  # the star already there is kept


def test_the_notebook_model_holds_to_qt_rules(qtmodeltester: object) -> None:
    notebook = Notebook.in_memory()
    notebook.set_starred(record_target("a"), True, "A")
    notebook.set_text(record_target("b"), "note", "B")
    notebook.set_text(record_target("gone"), "orphan", "Gone")
    notebook.create_collection("C")
    notebook.add_to_collection("C", record_target("a"))
    notebook.add_to_collection("C", paragraph_target(2))
    notebook.save_search("S", "japan")
    titles = {record_target("a"): "A", record_target("b"): "B", paragraph_target(2): "two"}
    model = NotebookModel()
    model.set_root(build_entries(notebook, titles.get, paragraphs=10))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    headings = [str(model.data(model.index(row, 0))) for row in range(model.rowCount(QModelIndex()))]
    assert headings == [
        "Starred (1)",
        "Notes (1)",
        "Collections (1)",
        "Saved searches (1)",
        "Not in the open data (1)",
    ]


def test_collections_and_saved_searches_are_renamed_from_the_pane(qtbot: QtBot, window: MainWindow) -> None:
    notebook = controller(window)
    notebook.notebook.create_collection("Draft")
    notebook.notebook.save_search("Search", "japan")
    notebook.refresh()
    panel = notebook.panel
    collection = panel.model.index(0, 0, panel.model.index(2, 0))
    panel.view.setCurrentIndex(collection)
    notebook.ask_text = lambda *_args: "Briefing"
    panel.rename_button.click()
    search = panel.model.index(0, 0, panel.model.index(3, 0))
    panel.view.setCurrentIndex(search)
    notebook.ask_text = lambda *_args: "Japan, all of it"
    panel.rename_button.click()
    assert [c.name for c in notebook.notebook.collections()] == ["Briefing"]
    assert [s.name for s in notebook.notebook.saved_searches()] == ["Japan, all of it"]
    assert str(panel.model.data(panel.model.index(0, 0, panel.model.index(2, 0)))) == "Briefing"


def test_closing_with_notes_the_disk_refused_offers_to_export_them(
    qtbot: QtBot, dataset: Dataset, tmp_path: Path
) -> None:
    (tmp_path / "data").write_text("a file where the data folder should be", encoding="utf-8")
    window = open_window(qtbot, dataset, tmp_path)
    notebook = controller(window)
    window.navigator.go(a_mechanism(window))
    qtbot.keyClicks(notebook.editor.text, "only in memory")
    asked: list[str] = []

    def export(_parent: object, text: str) -> bool:
        asked.append(text)
        return True

    notebook.ask_export = export
    exported = tmp_path / "rescued.json"
    notebook.ask_file = lambda *_args: exported
    window.close()
    assert len(asked) == 1 and "could not be saved" in asked[0]
    notes = json.loads(exported.read_text(encoding="utf-8"))["notes"]
    assert [note["text"] for note in notes] == ["only in memory"]


def test_a_starred_search_follows_what_is_starred(qtbot: QtBot, window: MainWindow) -> None:
    window.search_field.setText("is:starred")
    window.search_field.flush()
    assert window.results.model.rowCount() == 0
    window.navigator.go(a_mechanism(window))
    controller(window).editor.star.click()
    assert window.results.model.rowCount() == 1
    controller(window).editor.star.click()
    assert window.results.model.rowCount() == 0
