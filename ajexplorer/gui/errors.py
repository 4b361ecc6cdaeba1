"""One place for what goes wrong: unexpected errors become a dialog and a log entry; native crashes leave a
report that the next start offers to show. A person never sees a raw traceback, and the app keeps running
where it can (Qt carries on after an exception in a slot once the hook has handled it).
"""

from __future__ import annotations

import datetime as dt
import faulthandler
import os
import sys
import tempfile
import traceback
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

ERROR_LOG = "errors.log"
CRASH_LOG = "crash.log"
_MAX_LOG_BYTES = 1024 * 1024


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
    """Installed once at start; owns the crash file that faulthandler writes into."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        self.folder = folder
        self.parent = parent
        self.shown = 0
        self._showing = False
        self._crash_file: IO[str] | None = None

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
        log = self.write_log(kind, error, trace)
        if self._showing or QApplication.instance() is None:
            return  # an error while reporting an error: the log has it
        self._showing = True
        try:
            self.shown += 1
            from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - dialogs load when first needed

            box = QMessageBox(self.parent)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle("Something went wrong")
            box.setText("AJ Explorer ran into an unexpected problem. It will try to carry on.")
            box.setInformativeText(f"{kind.__name__}: {error}\n\nThe details were written to {log}.")
            box.setStandardButtons(QMessageBox.StandardButton.Ok)
            if os.environ.get("AJ_ERRORS_NONMODAL"):
                box.open()  # tests: do not block
            else:
                box.exec()
        finally:
            self._showing = False

    def write_log(self, kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> Path:
        path = self.folder / ERROR_LOG
        text = "".join(traceback.format_exception(kind, error, trace))
        stamp = dt.datetime.now().isoformat(timespec="seconds")
        try:
            if path.exists() and path.stat().st_size > _MAX_LOG_BYTES:
                path.replace(path.with_suffix(".old.log"))
            with path.open("a", encoding="utf-8") as handle:
                handle.write(f"--- {stamp}\n{text}\n")
        except OSError:
            pass
        return path

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
        try:
            path.replace(self.folder / f"crash-{stamp}.log")
        except OSError:
            return None
        return text

    def offer_previous_crash(self, parent: QWidget) -> QMessageBox | None:
        report = self.previous_crash()
        if report is None:
            return None
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - dialogs load when first needed

        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle("AJ Explorer closed unexpectedly last time")
        box.setText("The last session ended with a crash. A report was saved; you can read it below.")
        box.setDetailedText(report)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
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
