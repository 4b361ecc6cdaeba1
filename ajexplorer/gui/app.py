"""Starting the window: the application object, the settings, the dataset session, errors shown as dialogs."""

from __future__ import annotations

import gc
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, QStandardPaths, Qt, QTimer, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ajexplorer import APP_NAME, __version__
from ajexplorer.domain.errors import DataError
from ajexplorer.gui.datasets import (
    MAX_LISTED_PROBLEMS,
    DatasetSession,
    Refused,
    bundled_folder,
    problems_text,
    show_data_problems,
)
from ajexplorer.gui.errors import ErrorHandler, display_problem, log_folder
from ajexplorer.gui.i18n import Translation
from ajexplorer.gui.logs import init_log
from ajexplorer.gui.mainwindow import MainWindow
from ajexplorer.gui.settings import Settings
from ajexplorer.gui.theme import restore_theme
from ajexplorer.paths import resources_dir

#: The notebook's file in the user's data folder (kept in step with ajexplorer.domain.notebook.NOTEBOOK_FILE,
#: which is not imported here: it loads SQLite, which waits for the first paint).
NOTEBOOK_FILE = "notebook.sqlite3"

__all__ = [
    "MAX_LISTED_PROBLEMS",
    "DatasetSession",
    "application",
    "problems_text",
    "run_gui",
    "settings_path",
    "show_data_problems",
]

#: The log file opens this long after the event loop starts, well past the first paint (see gui/logs.py);
#: a warning opens it at once.
OPEN_LOG_AFTER_MS = 3000
_log = logging.getLogger("ajexplorer")


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
    app.setWindowIcon(window_icon())
    return app


#: The sizes the window's icon is drawn at beforehand (packaging/make_icons.py writes them from the SVG). An
#: X11 window carries its icon at every size: drawing the SVG at each when the window first shows would cost
#: its first paint about as much as the rest of showing it.
WINDOW_ICON_SIZES = (16, 32, 48, 64, 128)


def window_icon() -> QIcon:
    """The app's icon for its windows: the PNGs drawn from the SVG, or the SVG itself if they are missing."""
    folder = resources_dir() / "icons"
    icon = QIcon()
    for size in WINDOW_ICON_SIZES:
        drawn = folder / f"ajexplorer-{size}.png"
        if drawn.is_file():
            icon.addFile(str(drawn), QSize(size, size))
    svg = folder / "ajexplorer.svg"
    if icon.isNull() and svg.is_file():
        icon = QIcon(str(svg))
    return icon


def settings_path() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation)
    return Path(folder) / "ajexplorer.ini"


def _collect_retired() -> None:
    """A replaced window's dataset and widgets were frozen with the rest: free them, then freeze again."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


class _Phases:
    """When start-up is measured, the clock at each step, reported with the first paint."""

    def __init__(self, enabled: bool, started_at: float | None) -> None:
        self.enabled = enabled
        self.marks: list[tuple[str, float]] = []
        if enabled and started_at is not None:
            self.marks.append(("main", started_at))
        self.mark("imports")

    def mark(self, name: str) -> None:
        if self.enabled:
            self.marks.append((name, time.monotonic()))


def _show_first_window(
    session: DatasetSession,
    errors: ErrorHandler,
    refused: Refused | None,
    open_id: str | None,
    phases: _Phases,
    link: str | None = None,
) -> None:
    """A function of its own so that no local of run_gui keeps the first window alive once it is replaced."""
    window = session.window
    errors.parent = window
    window.restore_state(open_id)
    window.select_default()
    if link is not None:
        window.open_link(link)
    phases.mark("selected")
    if phases.enabled:
        from ajexplorer.gui.startup_report import report_first_paint  # noqa: PLC0415 - benchmarks only

        def search_once() -> None:
            window.search_index.search("integration fund")

        report_first_paint(window, after=search_once, phases=phases.marks)
        window.settings = None  # a measurement leaves the person's settings alone
        session.settings = None
    window.show()
    phases.mark("shown")
    if refused is not None:
        show_data_problems(window, refused.folder, refused.error, fallback=True).open()
    errors.offer_previous_crash(window)


def run_gui(
    data_folder: Path | None = None,
    open_id: str | None = None,
    report_startup: bool = False,
    started_at: float | None = None,
    link: str | None = None,
) -> int:
    """Open the window, on ``link`` if given (the command line has already offered it to a running window)."""
    phases = _Phases(report_startup, started_at)
    problem_text = display_problem()
    if problem_text is not None:
        if sys.stderr is not None:
            sys.stderr.write(problem_text + "\n")
        return 2
    app = application()
    phases.mark("application")
    folder = log_folder()
    logs = init_log(folder)
    python = ".".join(str(part) for part in sys.version_info[:3])
    _log.info("%s %s starting: Qt %s, Python %s, %s", APP_NAME, __version__, qVersion(), python, sys.platform)
    errors = ErrorHandler(folder)
    errors.install()
    try:
        return _run(app, errors, data_folder, open_id, phases, logs.open_file, link)
    finally:
        errors.uninstall()
        _log.info("%s stopped", APP_NAME)
        logs.close()


def _run(
    app: QApplication,
    errors: ErrorHandler,
    data_folder: Path | None,
    open_id: str | None,
    phases: _Phases,
    open_log: Callable[[], None],
    link: str | None = None,
) -> int:
    settings = Settings(settings_path(), notebook=log_folder() / NOTEBOOK_FILE)
    restore_theme(app, settings)
    translation = Translation(app)
    translation.apply(settings.language())  # English, the source language, loads nothing
    session = DatasetSession(settings, translation=translation)
    try:
        refused = session.start(data_folder)
        phases.mark("window_built")
    except DataError as error:  # the bundled data itself is broken: nothing to fall back on
        _log.error("The bundled data cannot be loaded:\n%s", problems_text(error))
        gc.enable()  # the start ends here, in a dialog
        box = show_data_problems(None, bundled_folder(), error, fallback=False)
        box.exec()
        return 1
    if refused is not None:
        _log.warning("The dataset in %s was not opened:\n%s", refused.folder, problems_text(refused.error))

    def follow(window: MainWindow) -> None:
        errors.parent = window

    session.windowChanged.connect(follow)
    session.windowRetired.connect(_collect_retired)
    # The dataset, index and widgets live as long as the window: keep them out of the collector's scans so
    # that a full collection never stalls a frame.
    gc.freeze()
    gc.enable()  # cli.main turned it off for the start
    _show_first_window(session, errors, refused, open_id, phases, link)
    session.window.firstPainted.connect(lambda: _serve_links(session), Qt.ConnectionType.SingleShotConnection)
    QTimer.singleShot(OPEN_LOG_AFTER_MS, app, open_log)
    return app.exec()


def _serve_links(session: DatasetSession) -> None:
    """Once the first window is up, links from later starts come to whichever window is showing."""
    from ajexplorer.gui.single_instance import LinkServer, server_name  # noqa: PLC0415 - after the first paint

    server = LinkServer(server_name(), QApplication.instance())

    def open_link(text: str) -> None:
        window = session.window
        window.open_link(text)
        window.bring_to_front()

    server.linkReceived.connect(open_link)
    if server.listen():
        _log.info("Links from later starts come to this window (%s)", server.name)
    else:
        _log.info("Another window of this user takes links; this one does not")
