"""Where the app's and Qt's messages go: one rotating log in the user's data folder, which a person can send us
and which the error dialog offers to open.

As in qutebrowser's ``utils/log.py``: Python's :mod:`logging` carries both, and Qt's own messages reach it
through :func:`qt_message_handler`, installed with ``qInstallMessageHandler``. :func:`init_log` runs in the
start-up path, never at import, so a test's Qt messages still go to pytest-qt.

The file itself opens at the first error, or when :meth:`LogSetup.open_file` is called once the window is up:
importing :mod:`logging.handlers` (sockets, queues, pickling) costs about 15 ms that the first paint need not
wait for. Until then the few other records (Qt's offscreen platform warns on every start) wait in memory; an
error is written at once, since a crash may follow it.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

if TYPE_CHECKING:
    from collections.abc import Callable

LOG_FILE = "ajexplorer.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)-8s %(name)s: %(message)s"
_MAX_PENDING = 1000

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def qt_message_handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's qDebug/qWarning/... as log records, named after the message's category (``qt.qpa.fonts``)."""
    level = _QT_LEVELS.get(kind, logging.WARNING)
    category = context.category or "default"
    name = "qt" if category == "default" else category if category.startswith("qt") else f"qt.{category}"
    logger = logging.getLogger(name)
    if not logger.isEnabledFor(level):
        return
    record = logger.makeRecord(
        name, level, context.file or "", context.line or 0, message, (), None, func=context.function
    )
    logger.handle(record)


class DeferredFileHandler(logging.Handler):
    """A rotating file that opens on the first error or on :meth:`open`; other records wait until then.

    If the file cannot be opened, records are dropped rather than raised: logging must never be what fails.
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._file: logging.Handler | None = None
        self._failed = False
        self._pending: list[logging.LogRecord] = []

    @property
    def opened(self) -> bool:
        return self._file is not None

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None and record.levelno < logging.ERROR and not self._failed:
            if len(self._pending) < _MAX_PENDING:
                self._pending.append(record)
            return
        self.open()
        if self._file is not None:
            self._file.handle(record)

    def open(self) -> None:
        """Open the file (once) and write what waited."""
        if self._file is not None or self._failed:
            return
        from logging.handlers import RotatingFileHandler  # noqa: PLC0415 - see the module's docstring

        try:
            handler = RotatingFileHandler(
                self.path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
            )
        except OSError:
            self._failed = True
            self._pending.clear()
            return
        handler.setFormatter(logging.Formatter(FORMAT))
        self._file = handler
        pending, self._pending = self._pending, []
        for record in pending:
            handler.handle(record)

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        """Records still waiting are written before the file closes (a session shorter than the wait)."""
        if self._pending:
            self.open()
        if self._file is not None:
            self._file.close()
        super().close()


class LogSetup:
    """What :func:`init_log` installed, so that it can be undone (tests, a second start in one process)."""

    def __init__(
        self,
        folder: Path,
        handlers: list[logging.Handler],
        file: DeferredFileHandler,
        previous_qt_handler: Callable[..., object] | None,
        previous_level: int,
    ) -> None:
        self.folder = folder
        self.file = file
        self._handlers = handlers
        self._previous_qt_handler = previous_qt_handler
        self._previous_level = previous_level

    @property
    def path(self) -> Path:
        return self.file.path

    def open_file(self) -> None:
        self.file.open()

    def close(self) -> None:
        qInstallMessageHandler(self._previous_qt_handler)  # None restores Qt's own
        logging.captureWarnings(False)
        root = logging.getLogger()
        for handler in self._handlers:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(self._previous_level)


def init_log(folder: Path, *, level: int = logging.INFO) -> LogSetup:
    """Send the app's records, Python's warnings and Qt's messages to ``folder``/ajexplorer.log (rotated at
    1 MiB, three old files kept), and warnings and worse to the console too when there is one."""
    file = DeferredFileHandler(folder / LOG_FILE)
    handlers: list[logging.Handler] = [file]
    if sys.stderr is not None:  # a windowed frozen build has no console
        console = logging.StreamHandler(sys.stderr)
        console.setLevel(logging.WARNING)
        console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        handlers.append(console)
    root = logging.getLogger()
    previous_level = root.level
    root.setLevel(level)
    for handler in handlers:
        root.addHandler(handler)
    logging.captureWarnings(True)
    previous = qInstallMessageHandler(qt_message_handler)
    return LogSetup(folder, handlers, file, previous, previous_level)
