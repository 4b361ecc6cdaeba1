"""One place for what goes wrong: unexpected errors become a dialog and an entry in the app's log (see
:mod:`ajexplorer.gui.logs`); native crashes leave a report that the next start offers to show. Both dialogs
offer to open the folder that holds the log and the reports. A person never sees a raw traceback, and the app
keeps running where it can (Qt carries on after an exception in a slot once the hook has handled it).
"""

from __future__ import annotations

import datetime as dt
import faulthandler
import logging
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication, QWidget

from ajexplorer.domain.i18n import QT_TRANSLATE_NOOP, translate
from ajexplorer.gui.logs import LOG_FILE

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl
    from PySide6.QtWidgets import QMessageBox

CRASH_LOG = "crash.log"
OPEN_FOLDER = QT_TRANSLATE_NOOP("Errors", "Open Log Folder")
_log = logging.getLogger("ajexplorer.errors")


def _exec(box: QMessageBox) -> object:
    return box.exec()


def _open_url(url: QUrl) -> bool:
    from PySide6.QtGui import QDesktopServices  # noqa: PLC0415 - needed only when a person asks

    return QDesktopServices.openUrl(url)


def log_folder() -> Path:
    """The user's data folder for the app (created on demand); a temporary folder if that cannot be written."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    for candidate in (Path(location) if location else None, Path(tempfile.gettempdir()) / "ajexplorer"):
        if candidate is None:
            continue
        try:
            candidate.mkdir(parents=True, exist_ok=True)
            probe = candidate / ".write-test"
            probe.write_text("", encoding="utf-8")
            probe.unlink()
        except OSError:
            continue
        return candidate
    return Path(tempfile.gettempdir())


class ErrorHandler:
    """Installed once at start; owns the crash file that faulthandler writes into.

    ``folder`` holds the log (:func:`~ajexplorer.gui.logs.init_log` writes it there) and the crash reports.
    ``present`` shows a dialog (by default modally, so the app waits for the person to read it) and
    ``open_url`` opens the folder on the desktop; both can be replaced, for example by a test that must not
    block or open anything.
    """

    def __init__(
        self,
        folder: Path,
        parent: QWidget | None = None,
        *,
        present: Callable[[QMessageBox], object] = _exec,
        open_url: Callable[[QUrl], object] = _open_url,
    ) -> None:
        self.folder = folder
        self.parent = parent
        self.shown = 0
        self._present = present
        self._open_url = open_url
        self._showing = False
        self._crash_file: IO[str] | None = None

    @property
    def log_path(self) -> Path:
        return self.folder / LOG_FILE

    def folder_url(self) -> QUrl:
        """What "Open Log Folder" opens: the folder itself, as a local file URL."""
        from PySide6.QtCore import QUrl  # noqa: PLC0415 - its enums wait until the folder is asked for

        return QUrl.fromLocalFile(str(self.folder))

    def install(self) -> None:
        sys.excepthook = self.handle
        try:
            self._crash_file = (self.folder / CRASH_LOG).open("a", encoding="utf-8")
            faulthandler.enable(file=self._crash_file, all_threads=True)
        except OSError:
            self._crash_file = None

    def uninstall(self) -> None:
        sys.excepthook = sys.__excepthook__
        if self._crash_file is not None:
            faulthandler.disable()
            self._crash_file.close()
            self._crash_file = None

    def handle(self, kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        """sys.excepthook: log the traceback, then tell the person in plain words."""
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        _log.error("Unexpected %s: %s", kind.__name__, error, exc_info=(kind, error, trace))
        if self._showing or QApplication.instance() is None:
            return  # an error while reporting an error: the log has it
        self._showing = True
        try:
            self.shown += 1
            from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - dialogs load when first needed

            box = QMessageBox(self.parent)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(translate("Errors", "Something went wrong"))
            box.setText(
                translate("Errors", "AJ Explorer ran into an unexpected problem. It will try to carry on.")
            )
            box.setInformativeText(
                translate("Errors", "{kind}: {error}\n\nThe details were written to {log_path}.").format(
                    kind=kind.__name__, error=error, log_path=self.log_path
                )
            )
            box.setStandardButtons(QMessageBox.StandardButton.Ok)
            self._offer_folder(box)
            self._present(box)
        finally:
            self._showing = False

    def _offer_folder(self, box: QMessageBox) -> None:
        """A button that opens the folder with the log and the crash reports, for a person to send them."""
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - dialogs load when first needed

        button = box.addButton(translate("Errors", OPEN_FOLDER), QMessageBox.ButtonRole.ActionRole)
        button.setToolTip(str(self.folder))
        button.clicked.connect(lambda: self._open_url(self.folder_url()))

    def previous_crash(self) -> str | None:
        """What faulthandler wrote during an earlier run, moved aside so it is offered only once."""
        path = self.folder / CRASH_LOG
        try:
            text = path.read_text(encoding="utf-8", errors="replace").strip()
        except OSError:
            return None
        if not text:
            return None
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = self.folder / f"crash-{stamp}.log"
        try:
            path.replace(kept)
        except OSError:
            return None
        _log.warning("The previous session ended with a crash; its report is in %s", kept)
        return text

    def offer_previous_crash(self, parent: QWidget) -> QMessageBox | None:
        report = self.previous_crash()
        if report is None:
            return None
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - dialogs load when first needed

        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(translate("Errors", "AJ Explorer closed unexpectedly last time"))
        box.setText(
            translate(
                "Errors", "The last session ended with a crash. A report was saved; you can read it below."
            )
        )
        box.setDetailedText(report)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        self._offer_folder(box)
        box.open()
        return box


def display_problem() -> str | None:
    """Why no window can open here, in words a person understands; None when a display is available."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        return (
            "AJ Explorer needs a graphical display, and none was found (DISPLAY and WAYLAND_DISPLAY are not set).\n"
            "Start it from a desktop session, or use the command line: ajexplorer --help"
        )
    return None
