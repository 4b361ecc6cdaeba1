"""Guard against a PySide6 build that drops a reference to None on every void Qt call.

PySide6-Essentials 6.12.0 on CPython 3.11 does this, and the interpreter aborts with "Fatal Python error:
none_dealloc" after a few thousand calls; pyproject.toml keeps that combination from being installed. This test
proves the installed combination survives far more calls than a session of the app makes in a minute.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

CALLS = 20_000

SCRIPT = textwrap.dedent(
    f"""
    import sys
    from PySide6.QtCore import QObject

    target = QObject()
    before = sys.getrefcount(None)
    for index in range({CALLS}):
        target.setObjectName("probe")
    after = sys.getrefcount(None)
    print(before, after)
    """
)


def test_void_qt_calls_keep_none_alive() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, f"the interpreter died: {result.stderr[-2000:]}"
    before, after = map(int, result.stdout.split())
    # An unbroken build keeps None's count steady; the broken one loses one per call.
    assert before - after < CALLS // 100, (before, after)
