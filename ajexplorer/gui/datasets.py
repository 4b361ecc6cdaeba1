"""Which dataset the window shows: opening another folder, the recent list, going back to the bundled data.

A MainWindow is built for one dataset, so opening another builds a new window in the old one's place (same
geometry and layout) and then closes the old one. A folder that fails to load changes nothing: its problems are
listed in a dialog and the current window stays as it was.

A folder is read on a thread of its own: the window keeps answering, a progress dialog appears when reading
takes more than a moment, and its Cancel leaves everything as it was.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QByteArray, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCursor, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from ajexplorer.domain.errors import DataError
from ajexplorer.domain.i18n import translate
from ajexplorer.domain.loading import LoadCancelledError, open_dataset
from ajexplorer.domain.model import Dataset
from ajexplorer.gui.file_menu import DATASETS
from ajexplorer.gui.i18n import Translation
from ajexplorer.gui.mainwindow import MainWindow
from ajexplorer.gui.settings import RecentDataset, Settings
from ajexplorer.paths import data_dir

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

MAX_LISTED_PROBLEMS = 40
SHOWN_PROBLEMS = 3  # in the dialog itself, where each is read at once; the details list up to the maximum
_PATH_WIDTH = 420  # pixels of folder path shown in a recent entry before it is elided in the middle
PROGRESS_AFTER_MS = 400  # a load that ends sooner (a cached folder) shows no dialog at all


def problems_text(error: DataError) -> str:
    lines = [str(problem) for problem in error.problems[:MAX_LISTED_PROBLEMS]]
    if len(error.problems) > MAX_LISTED_PROBLEMS:
        lines.append(f"... and {len(error.problems) - MAX_LISTED_PROBLEMS} more")
    return "\n".join(lines)


def show_data_problems(
    parent: QWidget | None, folder: Path, error: DataError, fallback: bool, *, current_kept: bool = False
) -> QMessageBox:
    """A dialog listing every located problem; says what the app does instead.

    ``fallback``: the bundled dataset is shown instead; ``current_kept``: the dataset already open stays.
    """
    from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - dialogs load when first needed

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("Datasets", "The dataset could not be opened"))
    count = len(error.problems)
    box.setText(
        translate(
            "Datasets", "The dataset in {folder} has %n problem(s) and was not opened.", None, count
        ).format(folder=folder)
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    shown = [str(problem) for problem in error.problems[:SHOWN_PROBLEMS]]
    more = count - len(shown)
    if more > 0:
        shown.append(
            translate("Datasets", "... and {more} more (Show Details lists them all)").format(more=more)
        )
    instead = ""
    if fallback:
        instead = translate("Datasets", "The bundled dataset is shown instead.\n\n")
    elif current_kept:
        instead = translate("Datasets", "The current dataset stays open.\n\n")
    box.setInformativeText(instead + "\n".join(shown))
    box.setDetailedText(problems_text(error))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def ask_for_folder(parent: QWidget, start: Path) -> Path | None:
    """The folder a person picks, or None if they cancel (a function of its own so tests can replace it)."""
    from PySide6.QtWidgets import QFileDialog  # noqa: PLC0415 - dialogs load when first needed

    chosen = QFileDialog.getExistingDirectory(
        parent, translate("Datasets", "Open Dataset"), str(start), QFileDialog.Option.ShowDirsOnly
    )
    return Path(chosen) if chosen else None


def bundled_folder() -> Path:
    return data_dir().resolve()


@dataclass(frozen=True, slots=True)
class Refused:
    """A folder that could not be opened, and why."""

    folder: Path
    error: DataError


class _Load(QObject):
    """One folder being read on a worker thread; reports back to the GUI thread through its signals."""

    progressed = Signal(int, int)
    ended = Signal()

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.dataset: Dataset | None = None
        self.error: DataError | None = None
        self.crash: BaseException | None = None
        self.cancelled = threading.Event()
        self.done = threading.Event()

    def run(self) -> None:
        """On the worker thread."""
        try:
            self.dataset = open_dataset(self.folder, progress=self._progress)
        except DataError as error:
            self.error = error
        except LoadCancelledError:
            pass
        except Exception as error:  # noqa: BLE001 - handed to the GUI thread, which raises it there
            self.crash = error
        self.done.set()
        self.ended.emit()

    def _progress(self, done: int, total: int) -> None:
        if self.cancelled.is_set():
            raise LoadCancelledError
        self.progressed.emit(done, total)


def load_in_background(folder: Path, parent: QWidget | None) -> Dataset | None:
    """The dataset in ``folder``, read on a worker thread while the event loop keeps running; None when the
    person cancels (or the application quits meanwhile). Raises DataError for a folder with problems."""
    from PySide6.QtWidgets import QProgressDialog  # noqa: PLC0415 - dialogs load when first needed

    load = _Load(folder)
    loop = QEventLoop()
    dialog = QProgressDialog(
        translate("Datasets", "Opening the dataset in {folder}…").format(folder=folder),
        translate("Datasets", "Cancel"),
        0,
        0,
        parent,
    )
    dialog.setObjectName("datasetProgress")
    dialog.setWindowTitle(translate("Datasets", "Opening Dataset"))
    dialog.setWindowModality(Qt.WindowModality.NonModal)
    dialog.setMinimumDuration(PROGRESS_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def progressed(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)

    cancelled = False

    def cancel() -> None:
        nonlocal cancelled
        cancelled = True
        load.cancelled.set()  # the worker stops at its next step; its result is dropped
        loop.quit()

    load.progressed.connect(progressed)
    load.ended.connect(loop.quit)
    dialog.canceled.connect(cancel)
    worker = threading.Thread(target=load.run, name="dataset-load", daemon=True)
    worker.start()
    loop.exec()
    load.cancelled.set()  # if the loop ended for another reason (the application quitting), stop too
    dialog.canceled.disconnect(cancel)
    dialog.close()
    dialog.deleteLater()
    if cancelled or not load.done.is_set():  # the worker drops its result when it notices
        return None
    if load.crash is not None:
        raise load.crash
    if load.error is not None:
        raise load.error
    return load.dataset


@contextmanager
def _busy() -> Iterator[None]:
    QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class DatasetSession(QObject):
    """Owns the current MainWindow and the folder of the dataset it shows; adds the dataset commands to its
    File menu and keeps the recent list in the settings."""

    #: The window now showing (after a switch); the old one is closed and scheduled for deletion.
    windowChanged = Signal(object)
    #: An old window has been deleted: what it held can now be collected.
    windowRetired = Signal()

    def __init__(
        self,
        settings: Settings | None,
        today: dt.date | None = None,
        parent: QObject | None = None,
        translation: Translation | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        #: The application's translators; None: the language cannot be changed (tests, measurements).
        self.translation = translation
        self._today = today
        self._window: MainWindow | None = None
        self._retired: list[MainWindow] = []
        self.folder: Path = bundled_folder()
        self.open_action: QAction | None = None
        self.recent_menu: QMenu | None = None
        self.bundled_action: QAction | None = None
        self._loading = False

    # --- state ----------------------------------------------------------------------------------------------

    @property
    def window(self) -> MainWindow:
        if self._window is None:
            raise RuntimeError("the session has no window before start()")
        return self._window

    @property
    def showing_bundled(self) -> bool:
        return _is_bundled(self.folder)

    def recent(self) -> list[RecentDataset]:
        return self.settings.recent_datasets() if self.settings is not None else []

    # --- opening --------------------------------------------------------------------------------------------

    def start(self, requested: Path | None = None) -> Refused | None:
        """Build the first window, not yet shown: ``requested`` (``--data``), else the folder a person last
        opened, else the bundled data. Returns what could not be opened (the bundled data is shown instead);
        raises DataError when the bundled data itself cannot be loaded."""
        remembered = requested is None
        folder = requested
        if folder is None and self.settings is not None:
            folder = self.settings.last_dataset()
        dataset: Dataset | None = None
        refused: Refused | None = None
        if folder is not None and not _is_bundled(folder):
            folder = folder.expanduser().resolve()
            try:
                dataset = load_in_background(folder, None)  # None: cancelled, the bundled data instead
            except DataError as error:
                refused = Refused(folder, error)
                if remembered and self.settings is not None:
                    self.settings.set_last_dataset(None)  # say it once, then start on the bundled data
        if dataset is None or folder is None:
            folder = bundled_folder()
            dataset = open_dataset(folder)
        elif self.settings is not None:
            self.settings.add_recent_dataset(folder, dataset.title)
        self.folder = folder
        self._window = self._build(dataset)
        return refused

    def open_folder(self, folder: Path) -> bool:
        """Open the dataset in ``folder`` in place of the current one (opening the current one again reloads
        it). On a problem, show the located problems and keep the current window; False then."""
        if _is_bundled(folder):
            return self.open_bundled()
        folder = folder.expanduser().resolve()
        loaded = self._load(folder)
        if loaded is None:
            return False
        dataset = loaded
        if self.settings is not None:
            self.settings.add_recent_dataset(folder, dataset.title)
            self.settings.set_last_dataset(folder)
        self._replace(dataset, folder)
        return True

    def open_bundled(self) -> bool:
        """Show the data that comes with the app; False if it is already shown or cannot be loaded."""
        if self.showing_bundled:
            return False
        folder = bundled_folder()
        loaded = self._load(folder)
        if loaded is None:
            if self.bundled_action is not None and shiboken6.isValid(self.bundled_action):
                self.bundled_action.setChecked(False)  # triggering it checked it
            return False
        dataset = loaded
        if self.settings is not None:
            self.settings.set_last_dataset(None)
        self._replace(dataset, folder)
        return True

    def _load(self, folder: Path) -> Dataset | None:
        """The dataset in ``folder``, read in the background; None when cancelled, when another load is under
        way, or when it has problems (listed in a dialog; the current dataset stays)."""
        if self._loading:
            return None
        self._loading = True
        try:
            return load_in_background(folder, self._window)
        except DataError as error:
            self._show_problems(folder, error)
            return None
        finally:
            self._loading = False

    @property
    def loading(self) -> bool:
        """A folder is being read (its progress dialog may be showing)."""
        return self._loading

    def choose_and_open(self) -> bool:
        """File > Open Dataset…: ask for a folder, then open it."""
        chosen = ask_for_folder(self.window, self._dialog_start())
        return chosen is not None and self.open_folder(chosen)

    def clear_recent(self) -> None:
        if self.settings is not None:
            self.settings.clear_recent_datasets()
        self._fill_recent()

    def close(self) -> None:
        """Close and delete the current window (it saves its state, as closing it by hand does)."""
        if self._window is not None:
            self._retire(self._window)
            self._window = None

    def _dialog_start(self) -> Path:
        if not self.showing_bundled:
            return self.folder.parent
        recent = self.recent()
        return recent[0].folder.parent if recent else Path.home()

    def _show_problems(self, folder: Path, error: DataError) -> None:
        box = show_data_problems(self._window, folder, error, fallback=False, current_kept=True)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # --- windows --------------------------------------------------------------------------------------------

    def _build(self, dataset: Dataset) -> MainWindow:
        window = MainWindow(dataset, self.settings, today=self._today)
        self._add_commands(window)
        return window

    def change_language(self, choice: str) -> bool:
        """View > Language: remember ``choice`` and, if the language shown changes, rebuild the window in it,
        keeping the person's place (layout, record, search and filters). False if nothing changed."""
        if self.settings is not None:
            self.settings.set_language(choice)
        if self.translation is None or not self.translation.apply(choice):
            return False
        self._replace(self.window.dataset, self.folder, same_data=True)
        return True

    def _replace(self, dataset: Dataset, folder: Path, *, same_data: bool = False) -> None:
        old = self.window
        with _busy():
            self.folder = folder
            window = self._build(dataset)
            window.restoreGeometry(QByteArray(old.saveGeometry()))
            window.restoreState(QByteArray(old.saveState()))
            window.splitter.restoreState(QByteArray(old.splitter.saveState()))
            if same_data:
                window.take_place_of(old)
            window.select_default()
        self._window = window
        window.show()  # a new top-level window comes up on top
        window.activateWindow()
        self._retire(old)
        self.windowChanged.emit(window)

    def _retire(self, old: MainWindow) -> None:
        """Close the old window (it saves its state) and delete it once control is back in the event loop.

        The Python reference is kept until Qt has deleted it: dropping it earlier could destroy the window
        inside its own menu's signal.
        """
        self._retired.append(old)
        old.destroyed.connect(self._on_retired)
        old.close()
        old.deleteLater()

    def _on_retired(self) -> None:
        QTimer.singleShot(0, self, self._forget_retired)

    def _forget_retired(self) -> None:
        self._retired = [window for window in self._retired if shiboken6.isValid(window)]
        self.windowRetired.emit()

    # --- the File menu --------------------------------------------------------------------------------------

    def _add_commands(self, window: MainWindow) -> None:
        menu = window.file_menu
        self.open_action = QAction(translate("Datasets", "&Open Dataset…"), window)
        self.open_action.setShortcut(QKeySequence("Ctrl+O"))
        self.open_action.setStatusTip(
            translate("Datasets", "Open a dataset folder in place of the current one")
        )
        self.open_action.triggered.connect(self.choose_and_open)
        self.recent_menu = QMenu(translate("Datasets", "Open &Recent"), menu)
        self.recent_menu.setToolTipsVisible(True)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.recent_menu.triggered.connect(self._on_recent_triggered)
        self.bundled_action = QAction(translate("Datasets", "Open &Bundled Dataset"), window)
        self.bundled_action.setStatusTip(translate("Datasets", "Show the dataset that comes with the app"))
        self.bundled_action.setCheckable(True)
        self.bundled_action.setChecked(self.showing_bundled)
        self.bundled_action.setEnabled(not self.showing_bundled)
        self.bundled_action.triggered.connect(self.open_bundled)
        menu.set_section(DATASETS, [self.open_action, self.recent_menu, self.bundled_action])
        self._fill_recent()
        window.languageRequested.connect(self.change_language)

    def _fill_recent(self) -> None:
        """Rebuilt each time it opens, so a folder removed meanwhile shows as missing."""
        menu = self.recent_menu
        if menu is None or not shiboken6.isValid(menu):
            return
        for old in menu.actions():
            # Not clear(): that deletes at once, and this may run from one of these actions' own signal.
            menu.removeAction(old)
            old.deleteLater()
        recent = self.recent()
        metrics = menu.fontMetrics()
        for number, entry in enumerate(recent, start=1):
            path = metrics.elidedText(str(entry.folder), Qt.TextElideMode.ElideMiddle, _PATH_WIDTH)
            title = entry.title.replace("&", "&&")
            action = menu.addAction(f"&{number} {title} — {path.replace('&', '&&')}")
            action.setData(str(entry.folder))
            if entry.folder.is_dir():
                action.setToolTip(str(entry.folder))
                action.setStatusTip(translate("Datasets", "Open {folder}").format(folder=entry.folder))
            else:
                action.setEnabled(False)
                action.setText(translate("Datasets", "{text} (missing)").format(text=action.text()))
                action.setToolTip(
                    translate("Datasets", "{folder} no longer exists").format(folder=entry.folder)
                )
        if not recent:
            menu.addAction(translate("Datasets", "No recent datasets")).setEnabled(False)
        menu.addSeparator()
        clear = menu.addAction(translate("Datasets", "&Clear Recent"))
        clear.setEnabled(bool(recent))
        clear.triggered.connect(self.clear_recent)

    def _on_recent_triggered(self, action: QAction) -> None:
        folder = action.data()
        if isinstance(folder, str) and folder:
            self.open_folder(Path(folder))


def _is_bundled(folder: Path) -> bool:
    try:
        return folder.resolve() == bundled_folder()
    except OSError:
        return False
