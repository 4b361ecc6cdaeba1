"""``ajexplorer --smoke-test``: start the real window, exercise it once, say what happened, exit.

Used on frozen builds, where a unit test cannot reach: it proves the bundle finds its data and Qt plugins, that
search, selection and painting work, and that nothing tries to reach the network.
"""

from __future__ import annotations

import importlib
import re
import socket
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

from ajexplorer.domain.loading import load_dataset, prepare_explanations
from ajexplorer.domain.model import Dataset
from ajexplorer.paths import data_dir, schema_dir

START_TIMEOUT_S = 20

#: Modules that would give Qt its own way to the network, past Python's sockets: importing one is an attempt.
#: QtNetwork itself is not among them: the app uses its local sockets (QLocalServer, QLocalSocket) to hand a
#: link to the open window; its classes that reach the network are refused one by one (QT_NETWORK_CLASSES).
NETWORK_MODULES = (
    "PySide6.QtNetworkAuth",
    "PySide6.QtWebSockets",
    "PySide6.QtWebEngineCore",
    "PySide6.QtHttpServer",
    "PySide6.QtRemoteObjects",
)

#: QtNetwork's classes that reach the network (or ask a name server): using one is an attempt.
QT_NETWORK_CLASSES = (
    "QAbstractSocket",
    "QTcpSocket",
    "QUdpSocket",
    "QSslSocket",
    "QTcpServer",
    "QSslServer",
    "QSctpSocket",
    "QSctpServer",
    "QNetworkAccessManager",
    "QHostInfo",
    "QDnsLookup",
    "QNetworkInformation",
    "QHttp2Configuration",
    "QRestAccessManager",
)

#: Audit events that ask the resolver (and so, possibly, a name server) about a host.
_LOOKUPS = frozenset(
    {
        "socket.getaddrinfo",
        "socket.gethostbyname",
        "socket.gethostbyname_ex",
        "socket.gethostbyaddr",
        "socket.getnameinfo",
    }
)
#: Audit events that address a peer: harmless only for a local (AF_UNIX) path.
_ADDRESSED = frozenset({"socket.connect", "socket.sendto", "socket.sendmsg", "socket.bind"})

#: The attempt lists of the guards now active; the audit hook, once installed, stays (Python cannot remove one).
_active: list[list[str]] = []
_hook_installed = False


class NetworkAttemptError(PermissionError):
    """Something tried to use the network. An ``OSError``, as the network's own refusal would be, so that code
    which swallows network errors swallows this one too: only the guard's count then tells, and it is what fails
    the smoke test."""


def _network_attempt(event: str, args: tuple[Any, ...]) -> str | None:
    """What ``event`` tries, in a few words, when it is an attempt to use the network; otherwise None."""
    if event == "socket.__new__":
        family = args[1]
        if family != getattr(socket, "AF_UNIX", None):
            return f"socket({_name(socket.AddressFamily, family)}, {_name(socket.SocketKind, args[2])})"
    elif event in _ADDRESSED:
        address = args[1]
        if not isinstance(address, str | bytes):  # an AF_UNIX address is a path
            return f"{event.removeprefix('socket.')}({address!r})"
    elif event in _LOOKUPS:
        return f"{event.removeprefix('socket.')}({args[0]!r})"
    elif event == "import" and args[0].startswith(NETWORK_MODULES):
        return f"import {args[0]}"
    return None


class _RefusedQtClass:
    """Stands in for one of QtNetwork's network classes while the guard is on: any use is an attempt."""

    def __init__(self, name: str) -> None:
        self._name = name

    def _refuse(self) -> NoReturn:
        _record(f"QtNetwork.{self._name}")
        raise NetworkAttemptError(f"network use attempted: QtNetwork.{self._name}")

    def __call__(self, *_args: object, **_kwargs: object) -> NoReturn:
        self._refuse()

    def __getattr__(self, _attribute: str) -> NoReturn:
        self._refuse()


def _refuse_qt_network() -> None:
    """Put stand-ins for QtNetwork's network classes in place (QtNetwork loads here if it has not yet), so any
    later use of them, by whatever import, counts as an attempt. Its local sockets stay as they are."""
    try:
        qt_network = importlib.import_module("PySide6.QtNetwork")
    except ImportError:  # not in this build: nothing of it can be used
        return
    for name in QT_NETWORK_CLASSES:
        if hasattr(qt_network, name):
            setattr(qt_network, name, _RefusedQtClass(name))


def _record(attempt: str) -> None:
    for attempts in _active:
        attempts.append(attempt)


def _name(names: type[socket.AddressFamily | socket.SocketKind], number: int) -> str:
    try:
        return names(number).name
    except ValueError:
        return str(number)


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if not _active:
        return
    attempt = _network_attempt(event, args)
    if attempt is not None:
        _record(attempt)
        raise NetworkAttemptError(f"network use attempted: {attempt}")


@contextmanager
def no_network() -> Iterator[list[str]]:
    """Refuse every use of the network while active, and list each attempt, caught by its caller or not.

    An audit hook sees what Python's socket module does at the C level, whichever function reached it: every
    socket that is not AF_UNIX (TCP, UDP, raw, packet), every connect, connect_ex, sendto, sendmsg and bind to
    a network address, every host name lookup, the import of Qt's networking modules, and any use of
    QtNetwork's classes that reach the network (TCP, UDP, TLS, HTTP, host lookups). Local AF_UNIX sockets
    (D-Bus, X11, the app's own QLocalServer) are not network use.
    """
    global _hook_installed  # noqa: PLW0603 - one hook per process, installed on first use
    if not _hook_installed:
        sys.addaudithook(_audit)
        _hook_installed = True
    _refuse_qt_network()
    attempts: list[str] = []
    _active.append(attempts)
    try:
        yield attempts
    finally:
        _active.remove(attempts)
    attempts.extend(f"{name} loaded" for name in NETWORK_MODULES if name in sys.modules)


def smoke_query(dataset: Dataset) -> tuple[str, str]:
    """A query the dataset must answer, and the record it must find: the words of its first titled record."""
    for record in dataset.records.values():
        words = re.findall(r"\w+", record.title)
        if words:
            return " ".join(words[:4]), record.id
    raise RuntimeError("the dataset has no record with a title to search for")


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
            query, expected = smoke_query(dataset)
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
            result = window.search_index.search(query, limit=20)
            if expected not in {hit.record_id for hit in result.hits}:
                raise RuntimeError(f"search for {query!r} did not find {expected}")
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
            languages = _check_translations(app)
        if attempts:
            raise NetworkAttemptError(f"{len(attempts)} network attempts: {'; '.join(attempts)}")
        line = (
            f"smoke test passed: {len(dataset.records)} records loaded and checked in full; "
            f"search {query!r} -> {chosen}; "
            f"timeline {timeline.width()}x{timeline.height()} px; details {len(details)} characters; "
            f"exported {', '.join(exported)}; interface also in {', '.join(languages)}; "
            f"{len(attempts)} network attempts"
        )
        _say(sys.stdout, line)
        return 0
    except Exception as error:  # noqa: BLE001 - the smoke test reports any failure as a line and an exit code
        _say(sys.stderr, f"smoke test FAILED: {type(error).__name__}: {error}")
        return 1


def _check_translations(app: Any) -> list[str]:
    """Each translation the app has loads, with Qt's own for its dialogs: a bundle missing a .qm fails here."""
    from PySide6.QtCore import QCoreApplication  # noqa: PLC0415

    from ajexplorer.gui.i18n import ENGLISH, Translation, translated  # noqa: PLC0415

    translation = Translation(app)
    try:
        for language in translated():
            if not translation.apply(language):
                raise RuntimeError(f"the {language} translation did not load")
            if QCoreApplication.translate("MainWindow", "&File") == "&File":
                raise RuntimeError(f"the {language} translation does not translate the menus")
            if not translation.qt_dialogs_translated:
                raise RuntimeError(
                    f"Qt's own {language} translation is missing: its dialogs would be in English"
                )
    finally:
        translation.apply(ENGLISH)
    return translated()


#: What a file of each format starts with; the smoke test checks that every format in the table has one.
EXPORT_SIGNATURES = {
    ".csv": b"id,kind,",
    ".json": b"{",
    ".ics": b"BEGIN:VCALENDAR",
    ".png": b"\x89PNG",
    ".svg": b"<?xml",
    ".pdf": b"%PDF-",
    ".md": b"# ",
    ".bib": b"@techreport{",
    ".ris": b"TY  - RPRT",
    ".csl.json": b"[",
}


def _export_once(window: Any) -> list[str]:
    """Write every format of the export table from what the window shows, and print the timeline to a PDF
    file, in a throw-away folder: the frozen build must carry what each needs (SVG, PDF, image writers,
    printing)."""
    from PySide6.QtPrintSupport import QPrinter  # noqa: PLC0415

    from ajexplorer.export_formats import FORMATS  # noqa: PLC0415
    from ajexplorer.gui.exporting import atomic_write, print_timeline  # noqa: PLC0415

    if window.exports is None:
        raise RuntimeError("the window has no File > Export")
    context = window.export_context()
    with tempfile.TemporaryDirectory(prefix="ajexplorer-smoke-") as folder:
        for fmt in FORMATS:
            path = Path(folder) / f"export{fmt.suffix}"
            atomic_write(path, fmt.render(context))
            signature = EXPORT_SIGNATURES.get(fmt.suffix)
            if signature is None or not path.read_bytes().startswith(signature):
                raise RuntimeError(f"the {fmt.name} export is not a {fmt.suffix} file")
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(Path(folder) / "printed.pdf"))
        print_timeline(context, printer)
        if not (Path(folder) / "printed.pdf").read_bytes().startswith(EXPORT_SIGNATURES[".pdf"]):
            raise RuntimeError("printing the timeline to a PDF file wrote no PDF")
    return [*(fmt.name for fmt in FORMATS), "print"]


def _say(stream: Any, line: str) -> None:
    if stream is not None:
        stream.write(line + "\n")
        stream.flush()
