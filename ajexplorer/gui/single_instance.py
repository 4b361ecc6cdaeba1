"""One window per user for links: a link opened while the app runs goes to the running window.

The running app listens on a local socket (``QLocalServer``: a Unix socket, or a named pipe on Windows) whose
name is the user's own: their login and a digest of their data folder. A start given a link first tries that
socket (:func:`hand_over`); when a running app answers, the link is written as one line, the app replies
``ok`` once it has taken it, and the second process exits. When nobody answers, the second process opens its
own window. The server starts only after the first paint (importing QtNetwork is not free), and never takes
the name from another live instance: a stale socket left by a crash is removed, a live one is left alone.

What arrives is only ever a link to check (:mod:`ajexplorer.domain.app_links`): at most :data:`MAX_LINE_BYTES`
is read from a connection, and anything longer or unreadable is refused in the same way as a bad link.
"""

from __future__ import annotations

import getpass
import hashlib
import re

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from ajexplorer.domain.app_links import MAX_LINK_CHARS

#: Enough for the longest link accepted, in UTF-8, with room to say that it was longer.
MAX_LINE_BYTES = 4 * MAX_LINK_CHARS + 64
#: How long a second start waits for the running app at each step before opening a window of its own.
HAND_OVER_TIMEOUT_MS = 3000
_REPLY = b"ok\n"


def server_name() -> str:
    """The user's own socket name: their login, and a digest of their data folder (two homes, two names).

    Needs the application's names, which :func:`ajexplorer.gui.app.application` sets (and
    :func:`hand_over_early` before any application exists)."""
    data_folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no login name in the environment or the password database
        user = "user"
    digest = hashlib.sha256(data_folder.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"ajexplorer-{re.sub(r'[^A-Za-z0-9_-]', '_', user)[:32]}-{digest}"


def hand_over_early(link: str) -> bool:
    """:func:`hand_over` to this user's running app, before the window's code is even imported: a start that
    only passes a link on loads no more than Qt's core and its local sockets."""
    QCoreApplication.setOrganizationName("ajexplorer")  # as application() names it
    QCoreApplication.setApplicationName("ajexplorer")
    return hand_over(server_name(), link)


def hand_over(name: str, link: str, timeout_ms: int = HAND_OVER_TIMEOUT_MS) -> bool:
    """Give ``link`` to the running app listening on ``name``; True once it has said it took it."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    # A link too long to accept is cut short: the running app still says it is too long.
    payload = link.replace("\n", " ").encode("utf-8", "replace")[: MAX_LINE_BYTES - 1] + b"\n"
    socket.write(payload)
    if not socket.waitForBytesWritten(timeout_ms):
        socket.abort()
        return False
    reply = b""
    while len(reply) < len(_REPLY) and socket.waitForReadyRead(timeout_ms):
        reply += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return reply.startswith(_REPLY)


class LinkServer(QObject):
    """Listens for links from later starts of the app.

    Signals:
        linkReceived(str): a later start handed over this text (not yet checked: it may be any text).
    """

    linkReceived = Signal(str)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Start serving, unless another live instance already serves this user (then False)."""
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        if probe.waitForConnected(500):
            probe.abort()
            return False
        QLocalServer.removeServer(self.name)  # a socket file left behind by a process that died
        return self._server.listen(self.name)

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda socket=socket: self._read(socket))
            socket.disconnected.connect(lambda socket=socket: self._drop(socket))
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if socket not in self._buffers:
            return
        data = self._buffers[socket] + bytes(socket.read(MAX_LINE_BYTES).data())
        if b"\n" not in data and len(data) < MAX_LINE_BYTES:
            self._buffers[socket] = data
            return
        line = data.split(b"\n", 1)[0]
        del self._buffers[socket]
        socket.write(_REPLY)
        socket.flush()
        socket.disconnectFromServer()
        self.linkReceived.emit(line.decode("utf-8", "replace").strip())

    def _drop(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()
