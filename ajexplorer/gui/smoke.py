"""``ajexplorer --smoke-test``: start the real window, exercise it once, say what happened, exit.

Used on frozen builds, where a unit test cannot reach: it proves the bundle finds its data and Qt plugins, that
search, selection and painting work, and that nothing tries to reach the network.
"""

from __future__ import annotations

import socket
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ajexplorer.domain.loading import load_dataset, prepare_explanations
from ajexplorer.paths import data_dir, schema_dir

SMOKE_QUERY = "integration fund"
START_TIMEOUT_S = 20


class NetworkAttemptError(RuntimeError):
    """Something tried to open a network connection."""


@contextmanager
def no_network() -> Iterator[list[str]]:
    """Make every outgoing socket connection fail loudly, and list the attempts."""
    attempts: list[str] = []
    original_connect = socket.socket.connect
    original_connect_ex = socket.socket.connect_ex
    original_create = socket.create_connection

    def refuse(*args: Any, **_kwargs: Any) -> Any:
        attempts.append(repr(args[1:] if args and isinstance(args[0], socket.socket) else args))
        raise NetworkAttemptError(f"network connection attempted: {attempts[-1]}")

    socket.socket.connect = refuse  # type: ignore[method-assign]
    socket.socket.connect_ex = refuse  # type: ignore[method-assign]
    socket.create_connection = refuse
    try:
        yield attempts
    finally:
        socket.socket.connect = original_connect  # type: ignore[method-assign]
        socket.socket.connect_ex = original_connect_ex  # type: ignore[method-assign]
        socket.create_connection = original_create


def run_smoke_test(data_folder: Path | None = None) -> int:
    """Exit status 0 when every step worked; prints one line either way."""
    from PySide6.QtCore import QEventLoop  # noqa: PLC0415

    from ajexplorer.gui.app import application  # noqa: PLC0415 - Qt loads only here
    from ajexplorer.gui.mainwindow import MainWindow  # noqa: PLC0415

    try:
        with no_network() as attempts:
            app = application()
            folder = data_folder or data_dir()
            dataset = load_dataset(folder)
            # The bundled data loads from its cache; read and check the files in full as well, so that a bundle
            # missing the YAML reader or the schema checker (needed to open any other dataset) fails here.
            if load_dataset(folder, trust_stamp=False) != dataset:
                raise RuntimeError("the data read from its files differs from the data the window loaded")
            prepare_explanations(schema_dir())
            window = MainWindow(dataset, None)
            window.resize(1600, 1000)
            window.show()
            deadline = time.monotonic() + START_TIMEOUT_S
            while not window.started:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"the window did not finish starting within {START_TIMEOUT_S} s")
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            if not window.source.browser.toPlainText().strip():
                raise RuntimeError("the source view is empty")
            result = window.search_index.search(SMOKE_QUERY, limit=5)
            if not result.hits:
                raise RuntimeError(f"search for {SMOKE_QUERY!r} found nothing")
            chosen = result.hits[0].record_id
            window.open_record(chosen)
            app.processEvents()
            timeline = window.timeline.grab()
            details = window.details.browser.toPlainText()
            if timeline.isNull() or timeline.width() < 100:
                raise RuntimeError("the timeline did not render")
            if dataset.records[chosen].title not in details:
                raise RuntimeError("the detail pane does not show the selected record")
            exported = _export_once(window)
            window.close()
        line = (
            f"smoke test passed: {len(dataset.records)} records loaded and checked in full; "
            f"search {SMOKE_QUERY!r} -> {chosen}; "
            f"timeline {timeline.width()}x{timeline.height()} px; details {len(details)} characters; "
            f"exported {', '.join(exported)}; {len(attempts)} network attempts"
        )
        _say(sys.stdout, line)
        return 0
    except Exception as error:  # noqa: BLE001 - the smoke test reports any failure as a line and an exit code
        _say(sys.stderr, f"smoke test FAILED: {type(error).__name__}: {error}")
        return 1


#: What each export must start with to be the format it claims.
EXPORT_SIGNATURES = {
    "briefing.pdf": b"%PDF-",
    "timeline.svg": b"<?xml",
    "timeline.png": b"\x89PNG",
    "events.ics": b"BEGIN:VCALENDAR",
}


def _export_once(window: Any) -> list[str]:
    """Write each Qt-rendered export to a throw-away folder: the frozen build must carry SVG, PDF and print."""
    with tempfile.TemporaryDirectory(prefix="ajexplorer-smoke-") as folder:
        exports = window.exports
        exports.quiet = True
        written = {
            "briefing.pdf": exports.export_briefing_pdf,
            "timeline.svg": exports.export_timeline,
            "timeline.png": exports.export_timeline,
            "events.ics": exports.export_ics,
        }
        for name, export in written.items():
            path = Path(folder) / name
            if not export(path) or not path.read_bytes().startswith(EXPORT_SIGNATURES[name]):
                raise RuntimeError(f"exporting {name} failed: {exports.last_failure or 'wrong format'}")
        return list(written)


def _say(stream: Any, line: str) -> None:
    if stream is not None:
        stream.write(line + "\n")
        stream.flush()
