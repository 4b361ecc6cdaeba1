"""``--report-startup``: print when the window first painted and how much memory the process peaked at, then quit.

Used by ``benchmarks/bench_frozen.py`` on the frozen app and on the baseline windows frozen with the same spec,
so all are measured the same way from outside the process.
"""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget


def peak_memory_kib() -> int:
    """Peak resident memory of this process (Linux reports KiB)."""
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


class _FirstPaint(QObject):
    def __init__(
        self, window: QWidget, after: Callable[[], None] | None, phases: Sequence[tuple[str, float]]
    ) -> None:
        super().__init__(window)
        self._after = after
        self._phases = phases
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            painted = time.monotonic()
            for name, moment in self._phases:
                _say(f"phase_{name}_monotonic {moment:.6f}")
            _say(f"first_paint_monotonic {painted:.6f}")
            QTimer.singleShot(0, self._finish)
        return False

    def _finish(self) -> None:
        _say(f"peak_memory_after_start_kib {peak_memory_kib()}")
        if self._after is not None:
            self._after()
            _say(f"peak_memory_after_search_kib {peak_memory_kib()}")
        QApplication.quit()


def report_first_paint(
    window: QWidget,
    after: Callable[[], None] | None = None,
    phases: Sequence[tuple[str, float]] = (),
) -> None:
    """Arrange for the report once ``window`` first paints; ``after`` runs a task before the last figure.

    ``phases`` are the clock readings at each step of start-up, printed first so that a benchmark can say
    where the time went.
    """
    window.installEventFilter(_FirstPaint(window, after, phases))


def _say(line: str) -> None:
    if sys.stdout is not None:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()
