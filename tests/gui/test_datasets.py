"""Opening other datasets from the File menu: the window is replaced, a broken folder changes nothing, the
recent list is kept in the settings."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from ajexplorer.domain.loading import LoadCancelledError, Progress, load_dataset
from ajexplorer.domain.model import Dataset
from ajexplorer.gui import datasets
from ajexplorer.gui.app import application
from ajexplorer.gui.datasets import DatasetSession
from ajexplorer.gui.mainwindow import MainWindow
from ajexplorer.gui.settings import MAX_RECENT, RecentDataset, Settings
from ajexplorer.paths import data_dir
from tests.conftest import BROKEN, FIXTURES
from tests.gui.conftest import TODAY

PARTNER = FIXTURES / "partner"
MINI = FIXTURES / "mini"
BUNDLED_TITLE = "ASEAN-Japan Dialogue Relations"
PARTNER_TITLE = "Example Partner Dialogue Relations"


def visible_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def problem_boxes(window: MainWindow) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


def menu_texts(session: DatasetSession) -> list[str]:
    assert session.recent_menu is not None
    return [action.text() for action in session.recent_menu.actions() if not action.isSeparator()]


def recent_entries(session: DatasetSession) -> list[tuple[str, str]]:
    """Each entry's number and title (its text up to the elided path), and the folder it opens."""
    assert session.recent_menu is not None
    return [
        (action.text().split(" — ")[0] + " — ", action.data())
        for action in session.recent_menu.actions()
        if isinstance(action.data(), str)
    ]


def file_menu_texts(window: MainWindow) -> list[str]:
    return [
        action.text().replace("&", "") for action in window.file_menu.actions() if not action.isSeparator()
    ]


def show(qtbot: QtBot, session: DatasetSession) -> MainWindow:
    window = session.window
    window.resize(1400, 900)
    window.select_default()
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.started, timeout=5000)
    return window


def gone(window: MainWindow) -> bool:
    return not shiboken6.isValid(window)


@pytest.fixture
def settings(settings_file: Path) -> Settings:
    return Settings(settings_file)


@pytest.fixture
def session(qtbot: QtBot, settings: Settings) -> Iterator[DatasetSession]:
    application()
    started = DatasetSession(settings, today=TODAY)
    assert started.start() is None
    show(qtbot, started)
    yield started
    started.close()
    qtbot.waitUntil(lambda: not visible_windows(), timeout=5000)


def test_the_file_menu_holds_the_dataset_commands_before_quit(session: DatasetSession) -> None:
    texts = file_menu_texts(session.window)
    assert texts[:3] == ["Open Dataset…", "Open Recent", "Open Bundled Dataset"] and texts[-1] == "Quit"
    assert session.window.file_menu.actions()[3].isSeparator()
    assert session.open_action is not None and session.open_action.shortcut().toString() == "Ctrl+O"
    assert session.bundled_action is not None
    assert session.bundled_action.isChecked() and not session.bundled_action.isEnabled()
    assert menu_texts(session) == ["No recent datasets", "&Clear Recent"]


def test_opening_the_partner_dataset_replaces_the_window(
    qtbot: QtBot, session: DatasetSession, settings: Settings
) -> None:
    old = session.window
    old.source_dock.hide()
    old.resize(780, 760)  # within the offscreen screen, which restoreGeometry keeps windows inside
    size = old.size()
    with qtbot.waitSignal(session.windowChanged):
        assert session.open_folder(PARTNER)
    window = session.window
    assert window is not old
    assert window.dataset.title == PARTNER_TITLE
    assert PARTNER_TITLE in window.windowTitle()
    assert session.folder == PARTNER.resolve() and not session.showing_bundled
    # Its records, in the tree two levels below the dialogue relations and on the timeline.
    index = window.tree_model.index_of("m-wg-maritime")
    assert index.isValid()
    assert (
        window.tree_model.data(index.parent().parent().parent()) == "RAES-Example Partner dialogue relations"
    )
    qtbot.waitUntil(lambda: window.started, timeout=5000)
    window.timeline.fit_all()
    assert window.timeline.item_position("ev-2001-11-05-1st-summit") is not None
    assert window.details.record_id == "m-raes-ep-dialogue"
    # The layout carries over; only the new window is left.
    assert not window.source_dock.isVisible()
    assert window.height() == size.height()
    assert window.width() == max(size.width(), window.minimumSizeHint().width())
    assert visible_windows() == [window]
    qtbot.waitUntil(lambda: gone(old), timeout=5000)
    # The menu now offers the bundled data back and lists the partner first.
    assert session.bundled_action is not None
    assert session.bundled_action.isEnabled() and not session.bundled_action.isChecked()
    assert recent_entries(session) == [(f"&1 {PARTNER_TITLE} — ", str(PARTNER.resolve()))]
    assert menu_texts(session)[0].endswith(str(PARTNER.resolve())[-10:])
    assert settings.recent_datasets() == [RecentDataset(PARTNER.resolve(), PARTNER_TITLE)]
    assert settings.last_dataset() == PARTNER.resolve()


def test_the_menu_asks_for_a_folder_and_opens_it(
    qtbot: QtBot, session: DatasetSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[Path] = []

    def pick(_parent: object, start: Path) -> Path:
        asked.append(start)
        return PARTNER

    monkeypatch.setattr(datasets, "ask_for_folder", pick)
    assert session.open_action is not None
    session.open_action.trigger()
    assert session.window.dataset.title == PARTNER_TITLE
    assert asked == [Path.home()]
    monkeypatch.setattr(datasets, "ask_for_folder", lambda _parent, _start: None)  # cancelled
    before = session.window
    assert session.open_action is not None
    session.open_action.trigger()
    assert session.window is before


@pytest.mark.parametrize("case", ["yaml-syntax", "invalid-date", "dangling-reference", "empty-folder"])
def test_a_broken_folder_is_explained_and_the_current_window_stays(
    case: str, qtbot: QtBot, session: DatasetSession, settings: Settings
) -> None:
    window = session.window
    dataset = window.dataset
    window.open_record("m-arf")
    assert not session.open_folder(BROKEN / case)
    assert session.window is window and window.dataset is dataset and window.isVisible()
    assert window.navigator.current == "m-arf"
    assert session.showing_bundled
    (box,) = problem_boxes(window)
    assert "was not opened" in box.text() and case in box.text()
    assert box.informativeText().startswith("The current dataset stays open.")
    assert "bundled dataset is shown instead" not in box.informativeText()
    lines = box.detailedText().splitlines()
    assert lines and all(":" in line for line in lines)
    file, line, column = lines[0].split(":")[:3]
    assert case in file and line.isdigit() and column.isdigit()
    assert "Traceback" not in box.detailedText()
    box.accept()
    assert settings.recent_datasets() == [] and settings.last_dataset() is None
    assert visible_windows() == [window]


def test_a_broken_folder_keeps_another_open_dataset(qtbot: QtBot, session: DatasetSession) -> None:
    assert session.open_folder(PARTNER)
    window = session.window
    assert not session.open_folder(BROKEN / "duplicate-id")
    assert session.window is window and window.dataset.title == PARTNER_TITLE
    (box,) = problem_boxes(window)
    assert "duplicate-id/records/main.yaml:" in box.detailedText()
    box.accept()


def test_open_bundled_dataset_switches_back(
    qtbot: QtBot, session: DatasetSession, settings: Settings
) -> None:
    first = session.window
    assert session.open_folder(PARTNER)
    partner = session.window
    assert session.bundled_action is not None
    session.bundled_action.trigger()
    window = session.window
    assert window is not partner and window.dataset.title == BUNDLED_TITLE
    assert session.showing_bundled and session.folder == data_dir().resolve()
    assert session.bundled_action.isChecked() and not session.bundled_action.isEnabled()
    assert not session.open_bundled()  # already shown: nothing to do
    assert settings.last_dataset() is None
    assert visible_windows() == [window]
    qtbot.waitUntil(lambda: gone(first) and gone(partner), timeout=5000)
    # Still in the recent list, from where it opens again.
    assert session.recent_menu is not None
    session.recent_menu.actions()[0].trigger()
    assert session.window.dataset.title == PARTNER_TITLE
    assert visible_windows() == [session.window]


def test_a_broken_bundled_dataset_keeps_the_open_one(
    qtbot: QtBot, session: DatasetSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert session.open_folder(PARTNER)
    window = session.window
    monkeypatch.setattr(datasets, "bundled_folder", (BROKEN / "parent-cycle").resolve)
    assert session.bundled_action is not None
    session.bundled_action.trigger()
    assert session.window is window and window.dataset.title == PARTNER_TITLE
    assert not session.bundled_action.isChecked() and session.bundled_action.isEnabled()
    (box,) = problem_boxes(window)
    assert "parent-cycle/records/main.yaml:" in box.detailedText()
    box.accept()


def test_many_switches_leave_one_window(qtbot: QtBot, session: DatasetSession) -> None:
    replaced: list[MainWindow] = []
    for folder in (PARTNER, MINI, PARTNER, MINI):
        replaced.append(session.window)
        assert session.open_folder(folder)
        assert visible_windows() == [session.window]
    assert session.open_bundled()
    replaced.append(session.window)
    qtbot.waitUntil(lambda: all(gone(window) for window in replaced[:-1]), timeout=5000)
    assert visible_windows() == [session.window]
    assert recent_entries(session)[:2] == [
        ("&1 Example dialogue relations — ", str(MINI.resolve())),
        (f"&2 {PARTNER_TITLE} — ", str(PARTNER.resolve())),
    ]


def test_a_missing_recent_folder_is_shown_disabled_and_the_list_can_be_cleared(
    qtbot: QtBot, session: DatasetSession, settings: Settings, tmp_path: Path
) -> None:
    copy = tmp_path / "copy of partner"
    shutil.copytree(PARTNER, copy)
    assert session.open_folder(copy)
    assert session.open_folder(PARTNER)
    shutil.rmtree(copy)
    assert session.recent_menu is not None
    session.recent_menu.aboutToShow.emit()
    actions = [a for a in session.recent_menu.actions() if not a.isSeparator()]
    assert [a.isEnabled() for a in actions] == [True, False, True]
    assert actions[1].text().endswith("(missing)")
    clear = actions[-1]
    assert clear.text() == "&Clear Recent"
    clear.trigger()
    assert settings.recent_datasets() == []
    assert menu_texts(session) == ["No recent datasets", "&Clear Recent"]
    assert session.window.dataset.title == PARTNER_TITLE


def test_a_folder_a_person_opened_is_shown_at_the_next_start(qtbot: QtBot, settings_file: Path) -> None:
    application()
    first = DatasetSession(Settings(settings_file), today=TODAY)
    first.start()
    assert first.open_folder(PARTNER)
    first.close()
    second = DatasetSession(Settings(settings_file), today=TODAY)
    assert second.start() is None
    assert second.window.dataset.title == PARTNER_TITLE
    second.close()


def test_a_folder_given_with_data_is_not_remembered_for_the_next_start(
    qtbot: QtBot, settings_file: Path
) -> None:
    application()
    first = DatasetSession(Settings(settings_file), today=TODAY)
    assert first.start(PARTNER) is None
    assert first.window.dataset.title == PARTNER_TITLE
    first.close()
    second = DatasetSession(Settings(settings_file), today=TODAY)
    assert second.start() is None
    assert second.window.dataset.title == BUNDLED_TITLE
    assert [entry.title for entry in second.recent()] == [PARTNER_TITLE]
    second.close()


def test_a_remembered_folder_that_broke_falls_back_once(
    qtbot: QtBot, settings_file: Path, tmp_path: Path
) -> None:
    application()
    folder = tmp_path / "partner"
    shutil.copytree(PARTNER, folder)
    settings = Settings(settings_file)
    settings.set_last_dataset(folder)
    (folder / "glossary.yaml").write_text("glossary: [", encoding="utf-8")
    session = DatasetSession(settings, today=TODAY)
    refused = session.start()
    assert refused is not None and refused.folder == folder.resolve()
    assert "glossary.yaml" in str(refused.error)
    assert session.showing_bundled and session.window.dataset.title == BUNDLED_TITLE
    assert settings.last_dataset() is None
    session.close()


# --- the recent list in the settings file, without a window ---------------------------------------------------


def test_the_recent_list_survives_a_new_settings_object(settings_file: Path) -> None:
    settings = Settings(settings_file)
    settings.add_recent_dataset(MINI, "Mini")
    settings.add_recent_dataset(PARTNER, 'Partner, with a comma; and "quotes" — and ü')
    again = Settings(settings_file)
    assert again.recent_datasets() == [
        RecentDataset(PARTNER.resolve(), 'Partner, with a comma; and "quotes" — and ü'),
        RecentDataset(MINI.resolve(), "Mini"),
    ]


def test_the_recent_list_drops_duplicates_and_keeps_the_newest_eight(
    settings_file: Path, tmp_path: Path
) -> None:
    settings = Settings(settings_file)
    folders = [tmp_path / f"set-{number}" for number in range(12)]
    for folder in folders:
        settings.add_recent_dataset(folder, folder.name)
    settings.add_recent_dataset(folders[5], "renamed")
    settings.add_recent_dataset(tmp_path / "set-9" / ".." / "set-9", "set-9 again")
    recent = Settings(settings_file).recent_datasets()
    assert len(recent) == MAX_RECENT
    assert [entry.title for entry in recent] == [
        "set-9 again",
        "renamed",
        "set-11",
        "set-10",
        "set-8",
        "set-7",
        "set-6",
        "set-4",
    ]


@pytest.mark.parametrize(
    "stored",
    [
        "recent=garbage",
        'recent="{\\"folder\\": \\"/x\\"}"',
        "recent=@ByteArray(\\x1\\x2)",
        "recent=12",
        'recent="[1, null, \\"x\\"]"',
        'recent="[{\\"folder\\": \\"relative/path\\", \\"title\\": \\"T\\"}]"',
        'recent="[{\\"folder\\": 7, \\"title\\": \\"T\\"}]"',
        "recent=@Variant(\\0)",
    ],
)
def test_a_corrupt_recent_list_means_an_empty_one(settings_file: Path, stored: str) -> None:
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text(f"[datasets]\n{stored}\nlast=@Variant(\\0)\n", encoding="utf-8")
    settings = Settings(settings_file)
    assert settings.recent_datasets() == []
    assert settings.last_dataset() is None


def test_a_recent_entry_without_a_usable_title_is_named_after_its_folder(settings_file: Path) -> None:
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text(
        '[datasets]\nrecent="[{\\"folder\\": \\"/data/sets/ours\\", \\"title\\": 3}, \\"junk\\"]"\n',
        encoding="utf-8",
    )
    assert Settings(settings_file).recent_datasets() == [RecentDataset(Path("/data/sets/ours"), "ours")]


def test_an_unreadable_settings_file_means_defaults(settings_file: Path) -> None:
    settings_file.parent.mkdir(parents=True)
    settings_file.write_bytes(b"\x00\xff[datasets]\nrecent=\xff\xfe[\nlast=\x00\n")
    settings = Settings(settings_file)
    assert settings.recent_datasets() == []
    assert settings.last_dataset() is None


def test_a_long_source_title_does_not_widen_the_window(qtbot: QtBot, session: DatasetSession) -> None:
    """The citation under the details wraps: another dataset's longer publisher keeps the window narrowable."""
    bundled_minimum = session.window.minimumSizeHint().width()
    with qtbot.waitSignal(session.windowChanged):
        assert session.open_folder(PARTNER)
    window = show(qtbot, session)
    window.navigator.go(next(iter(window.dataset.records)))
    assert window.minimumSizeHint().width() <= bundled_minimum + 20


# --- reading a folder in the background ----------------------------------------------------------------------


class SlowLoad:
    """Stands in for reading a large folder: many steps, each reported, until released or cancelled."""

    def __init__(self, result: Path = PARTNER, crash: Exception | None = None) -> None:
        self.result = result
        self.crash = crash
        self.release = threading.Event()
        self.steps = 0
        self.stopped = threading.Event()
        self.thread: threading.Thread | None = None

    def __call__(self, folder: Path, *, progress: Progress | None = None, **_: object) -> Dataset:
        if folder.resolve() != PARTNER.resolve():
            return load_dataset(folder)  # only the partner folder is slow
        self.thread = threading.current_thread()
        try:
            while not self.release.is_set():
                self.steps += 1
                if progress is not None:
                    progress(min(self.steps, 99), 100)
                time.sleep(0.01)
        except LoadCancelledError:
            self.stopped.set()
            raise
        if self.crash is not None:
            raise self.crash
        return load_dataset(self.result)


def progress_dialog() -> QProgressDialog | None:
    found = [
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, QProgressDialog)
        and widget.objectName() == "datasetProgress"
        and widget.isVisible()
    ]
    return found[0] if found else None


def press_cancel(dialog: QProgressDialog) -> None:
    button = dialog.findChild(QPushButton)
    assert button is not None and button.text() == "Cancel"
    button.click()


def test_a_folder_is_read_off_the_gui_thread_and_cancel_keeps_the_current_dataset(
    qtbot: QtBot, session: DatasetSession, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow = SlowLoad()
    monkeypatch.setattr(datasets, "open_dataset", slow)
    old = session.window
    ticks: list[int] = []
    ticker = QTimer()
    ticker.timeout.connect(lambda: ticks.append(1))
    ticker.start(20)
    seen: dict[str, object] = {}

    def cancel_when_shown() -> None:
        dialog = progress_dialog()
        if dialog is None:
            QTimer.singleShot(20, cancel_when_shown)
            return
        qtbot.waitUntil(lambda: dialog.value() > 0, timeout=5000)
        seen["value"] = dialog.value()
        seen["ticks"] = len(ticks)
        press_cancel(dialog)

    QTimer.singleShot(0, cancel_when_shown)
    assert not session.open_folder(PARTNER)
    ticker.stop()
    assert slow.thread is not None and slow.thread is not threading.main_thread()
    value, ticked = seen.get("value"), seen.get("ticks")
    assert isinstance(value, int) and value > 0  # the dialog showed the progress
    assert isinstance(ticked, int) and ticked > 0  # the event loop ran during the load
    assert slow.stopped.wait(5)  # the reading itself stopped
    assert session.window is old and old.isVisible()
    assert old.dataset.title == BUNDLED_TITLE and session.showing_bundled
    assert settings.recent_datasets() == [] and settings.last_dataset() is None
    assert problem_boxes(old) == []
    qtbot.waitUntil(lambda: progress_dialog() is None, timeout=5000)


def test_a_load_that_finishes_replaces_the_window(
    qtbot: QtBot, session: DatasetSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow = SlowLoad()
    monkeypatch.setattr(datasets, "open_dataset", slow)
    QTimer.singleShot(300, slow.release.set)
    with qtbot.waitSignal(session.windowChanged):
        assert session.open_folder(PARTNER)
    assert session.window.dataset.title == PARTNER_TITLE
    assert progress_dialog() is None


def test_a_second_open_while_one_is_under_way_is_refused(
    qtbot: QtBot, session: DatasetSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow = SlowLoad()
    monkeypatch.setattr(datasets, "open_dataset", slow)
    answers: list[bool] = []

    def second() -> None:
        answers.append(session.open_folder(MINI))
        slow.release.set()

    QTimer.singleShot(100, second)
    assert session.open_folder(PARTNER)
    assert answers == [False]
    assert session.window.dataset.title == PARTNER_TITLE


def test_an_unexpected_failure_while_reading_reaches_the_gui_thread(
    qtbot: QtBot, session: DatasetSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow = SlowLoad(crash=RuntimeError("disk on fire"))
    monkeypatch.setattr(datasets, "open_dataset", slow)
    QTimer.singleShot(50, slow.release.set)
    old = session.window
    with pytest.raises(RuntimeError, match="disk on fire"):
        session.open_folder(PARTNER)
    assert session.window is old and old.dataset.title == BUNDLED_TITLE


def test_cancelling_the_folder_given_at_start_shows_the_bundled_data(
    qtbot: QtBot, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    application()
    monkeypatch.setattr(datasets, "open_dataset", SlowLoad())

    def cancel_when_shown() -> None:
        dialog = progress_dialog()
        if dialog is None:
            QTimer.singleShot(20, cancel_when_shown)
        else:
            press_cancel(dialog)

    QTimer.singleShot(0, cancel_when_shown)
    started = DatasetSession(settings, today=TODAY)
    assert started.start(PARTNER) is None  # cancelled: nothing to report
    try:
        assert started.showing_bundled
        assert started.window.dataset.title == BUNDLED_TITLE
    finally:
        started.close()
