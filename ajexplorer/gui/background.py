"""Work the window needs soon but not at once, done on a worker thread so the window keeps answering."""

from __future__ import annotations

import logging
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, Qt, Signal

from ajexplorer.domain.i18n import translate

T = TypeVar("T")
_log = logging.getLogger("ajexplorer")
#: While a job runs, the interpreter lock changes hands this often (seconds; Python's default is 0.005). The
#: GUI thread takes the lock back each time a Qt call into Python code returns (a model's data, a paint): a
#: view of thousands of rows laid out while a job runs would wait up to the default interval at every one.
SWITCH_INTERVAL_S = 0.0005
_running_lock = threading.Lock()
_running = 0
_usual_interval = sys.getswitchinterval()


def _job_started() -> None:
    global _running, _usual_interval  # noqa: PLW0603 - one interpreter, one switch interval
    with _running_lock:
        if _running == 0:
            _usual_interval = sys.getswitchinterval()
            sys.setswitchinterval(SWITCH_INTERVAL_S)
        _running += 1


def _job_ended() -> None:
    global _running  # noqa: PLW0603
    with _running_lock:
        _running -= 1
        if _running == 0:
            sys.setswitchinterval(_usual_interval)


class Turns:
    """Jobs that share turns run one at a time, in the order they were started. A worker computing in
    Python wants the interpreter lock back as soon as the GUI thread takes it: with one worker, each call of
    a paint or an event filter into Python waits at most a switch interval for the lock; with three workers
    it waits about three times as often, and at 100,000 records a repaint was held up 50-100 ms. Run one
    after another, the jobs take about as long in all: the lock let only one of them compute at a time
    anyway."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._waiting: deque[object] = deque()

    @contextmanager
    def taken(self, job: object) -> Iterator[None]:
        """Wait for ``job``'s turn, and hand the next job its turn afterwards."""
        with self._changed:
            self._waiting.append(job)
            self._changed.wait_for(lambda: self._waiting[0] is job)
        try:
            yield
        finally:
            with self._changed:
                self._waiting.popleft()
                self._changed.notify_all()


class JobFailedError(RuntimeError):
    """A background job's work raised: the message says what could not be prepared, and why."""


class BackgroundJob(QObject, Generic[T]):
    """Runs ``work`` once on a worker thread: a computation that touches no widget (a Qt object it makes must
    be of a reentrant class, such as a rich-text document, and moved to the GUI thread before it returns).

    The outcome comes back on the thread the job was made in (the GUI thread), through the event loop, so a
    slot may touch widgets. A job whose owner has gone (:meth:`discard`) drops its outcome silently.

    Signals:
    finished(object): what ``work`` returned.
    failed(str): ``work`` raised; a sentence naming what could not be prepared and the error (the traceback
        goes to the log, not to the person).
    """

    finished = Signal(object)
    failed = Signal(str)
    #: From the worker to the job's own thread (queued), where the public signals are emitted.
    _delivered = Signal()

    def __init__(self, name: str, work: Callable[[], T], what: str, turns: Turns | None = None) -> None:
        """``name``: the thread's; ``what``: the thing being prepared, as the interface names it; ``turns``:
        shared with the other jobs that are to run one at a time with this one."""
        super().__init__()
        self.what = what
        self._work = work
        self._turns = turns
        self._result: T | None = None
        self._crash: BaseException | None = None
        self._discarded = False
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._delivered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        _job_started()
        self._thread.start()

    @property
    def done(self) -> bool:
        """The work has ended (its outcome may still be on its way to the GUI thread)."""
        return self._thread.ident is not None and not self._thread.is_alive()

    def discard(self) -> None:
        """The outcome is no longer wanted (its window is closing): nothing will be emitted."""
        self._discarded = True

    def wait(self) -> T:
        """The result, waiting for the worker if it is not done yet (a search typed before the index was
        built). Raises :class:`JobFailedError` if the work raised."""
        if self._thread.ident is None:
            self.start()
        self._thread.join()
        if self._crash is not None:
            raise JobFailedError(self._failure()) from self._crash
        return self._result  # type: ignore[return-value]  # None only if ``work`` returned None

    def _failure(self) -> str:
        return translate("Background", "Could not prepare {what}: {error}").format(
            what=self.what, error=str(self._crash) or type(self._crash).__name__
        )

    def _run(self) -> None:
        """On the worker thread."""
        try:
            if self._turns is None:
                self._result = self._work()
            else:
                with self._turns.taken(self):
                    if not self._discarded:  # its window went while it waited: nobody wants it
                        self._result = self._work()
        except Exception as error:  # noqa: BLE001 - reported on the GUI thread by failed / wait()
            self._crash = error
        finally:
            _job_ended()
        if not self._discarded:
            self._delivered.emit()

    def _deliver(self) -> None:
        """On the job's own thread."""
        if self._discarded:
            return
        if self._crash is not None:
            _log.error("%s", self._failure(), exc_info=self._crash)
            self.failed.emit(self._failure())
            return
        self.finished.emit(self._result)
