"""Starting the window: the application object, the dataset, the settings, and errors shown as dialogs."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ajexplorer import APP_NAME, __version__
from ajexplorer.domain.errors import DataError
from ajexplorer.domain.loading import load_dataset
from ajexplorer.domain.model import Dataset
from ajexplorer.gui.errors import ErrorHandler, display_problem, log_folder
from ajexplorer.gui.mainwindow import MainWindow
from ajexplorer.gui.settings import Settings
from ajexplorer.paths import data_dir, resources_dir

MAX_LISTED_PROBLEMS = 40


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created once with the app's names and icon."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("ajexplorer")
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName("ajexplorer")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("org.ajexplorer.AJExplorer")
    icon = resources_dir() / "icons" / "ajexplorer.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def settings_path() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation)
    return Path(folder) / "ajexplorer.ini"


def problems_text(error: DataError) -> str:
    lines = [str(problem) for problem in error.problems[:MAX_LISTED_PROBLEMS]]
    if len(error.problems) > MAX_LISTED_PROBLEMS:
        lines.append(f"... and {len(error.problems) - MAX_LISTED_PROBLEMS} more")
    return "\n".join(lines)


def show_data_problems(parent: QWidget | None, folder: Path, error: DataError, fallback: bool) -> QMessageBox:
    """A dialog listing every located problem; says what the app does instead."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("The dataset could not be opened")
    count = len(error.problems)
    box.setText(f"The dataset in {folder} has {count} problem{'s' if count != 1 else ''} and was not opened.")
    if fallback:
        box.setInformativeText("The bundled dataset is shown instead. Details below list each problem.")
    box.setDetailedText(problems_text(error))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def load_for_window(data_folder: Path | None) -> tuple[Dataset, DataError | None]:
    """The requested dataset, or the bundled one with the error that stopped the requested one."""
    if data_folder is None:
        return load_dataset(data_dir()), None
    try:
        return load_dataset(data_folder), None
    except DataError as error:
        return load_dataset(data_dir()), error


def run_gui(data_folder: Path | None = None, open_id: str | None = None, report_startup: bool = False) -> int:
    problem_text = display_problem()
    if problem_text is not None:
        if sys.stderr is not None:
            sys.stderr.write(problem_text + "\n")
        return 2
    app = application()
    errors = ErrorHandler(log_folder())
    errors.install()
    try:
        dataset, problem = load_for_window(data_folder)
    except DataError as error:  # the bundled data itself is broken: nothing to fall back on
        box = show_data_problems(None, data_dir(), error, fallback=False)
        box.exec()
        return 1
    window = MainWindow(dataset, Settings(settings_path()))
    errors.parent = window
    # The dataset, index and widgets live as long as the window: keep them out of the collector's scans so
    # that a full collection never stalls a frame.
    gc.freeze()
    window.restore_state()
    if open_id:
        window.open_record(open_id)
    window.select_default()
    if report_startup:
        from ajexplorer.gui.startup_report import report_first_paint  # noqa: PLC0415 - benchmarks only

        def search_once() -> None:
            window.search_index.search("integration fund")

        report_first_paint(window, after=search_once)
        window.settings = None  # a measurement leaves the person's settings alone
    window.show()
    if problem is not None and data_folder is not None:
        show_data_problems(window, data_folder, problem, fallback=True).open()
    errors.offer_previous_crash(window)
    try:
        return app.exec()
    finally:
        errors.uninstall()
