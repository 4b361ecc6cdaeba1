"""Time from process start to a program's first visible, painted window on a real X server.

Used by the start-up benchmarks to measure any program the same way from outside, whether it is ours or not
(a C++ Qt program such as Zeal cannot report its own first paint): the clock starts just before the process is
started and stops at the first X Damage event on a top-level window of that process (or of its children) after
the window was mapped, which is the first time the program drew into its visible window. The map time is
reported too.

Needs an X server (Xvfb) with a window manager, and python-xlib.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from Xlib import X, display
from Xlib.error import BadWindow
from Xlib.ext import damage


@dataclass(frozen=True)
class WindowTimes:
    mapped_ms: float
    painted_ms: float


@contextmanager
def virtual_screen(width: int = 1920, height: int = 1080) -> Iterator[str]:
    """An Xvfb display with the openbox window manager running; yields the DISPLAY name."""
    number = 90 + os.getpid() % 50
    name = f":{number}"
    xvfb = subprocess.Popen(
        ["Xvfb", name, "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wm: subprocess.Popen[bytes] | None = None
    try:
        deadline = time.monotonic() + 10
        socket = Path("/tmp/.X11-unix") / f"X{number}"  # noqa: S108 - where every X server puts its socket
        while not socket.exists():
            if time.monotonic() > deadline:
                raise RuntimeError("Xvfb did not start")
            time.sleep(0.05)
        env = {**os.environ, "DISPLAY": name}
        if shutil.which("openbox"):
            wm = subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(0.5)
        yield name
    finally:
        if wm is not None:
            wm.terminate()
            wm.wait()
        xvfb.terminate()
        xvfb.wait()


def _descendants(pid: int) -> set[int]:
    found = {pid}
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return found
    for child in children:
        found |= _descendants(int(child))
    return found


class _Watcher:
    def __init__(self, display_name: str) -> None:
        self.display = display.Display(display_name)
        if not self.display.has_extension("DAMAGE"):
            raise RuntimeError("the X server has no DAMAGE extension")
        self.display.damage_query_version()
        self.root = self.display.screen().root
        self.root.change_attributes(event_mask=X.SubstructureNotifyMask)
        self.pid_atom = self.display.intern_atom("_NET_WM_PID")
        self.display.sync()

    def pid_of(self, window: object) -> int | None:
        try:
            prop = window.get_full_property(self.pid_atom, X.AnyPropertyType)  # type: ignore[attr-defined]
        except BadWindow:
            return None
        return int(prop.value[0]) if prop is not None and len(prop.value) else None

    def close(self) -> None:
        self.display.close()


def time_first_window(
    argv: Sequence[str], display_name: str, env: Mapping[str, str] | None = None, timeout: float = 60.0
) -> WindowTimes:
    """Start ``argv`` on ``display_name`` and return when its first top-level window was mapped and painted.

    The process is terminated once its window has painted.
    """
    watcher = _Watcher(display_name)
    damage_event = watcher.display.extension_event.DamageNotify
    watched: set[int] = set()
    ours: set[int] = set()  # top-level windows of the process, mapped
    mapped_at: float | None = None
    with tempfile.TemporaryDirectory() as home:
        child_env = {**os.environ, **(env or {}), "DISPLAY": display_name}
        child_env.setdefault("XDG_CONFIG_HOME", str(Path(home) / "config"))
        child_env.setdefault("XDG_DATA_HOME", str(Path(home) / "data"))
        child_env.setdefault("XDG_CACHE_HOME", str(Path(home) / "cache"))
        start = time.monotonic()
        process = subprocess.Popen(
            list(argv), env=child_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            while True:
                if time.monotonic() - start > timeout:
                    raise TimeoutError(f"{argv[0]}: no window within {timeout} s")
                if not watcher.display.pending_events():
                    select.select([watcher.display.fileno()], [], [], 0.05)
                    if not watcher.display.pending_events():
                        continue
                event = watcher.display.next_event()
                now = time.monotonic()
                if event.type == X.CreateNotify and event.parent == watcher.root:
                    # a new top-level window: follow its mapping and what is drawn into it
                    try:
                        event.window.change_attributes(event_mask=X.StructureNotifyMask)
                        event.window.damage_create(damage.DamageReportNonEmpty)
                        watched.add(event.window.id)
                    except BadWindow:
                        pass
                elif event.type == X.MapNotify and event.window.id in watched and not event.override:
                    pid = watcher.pid_of(event.window)
                    if pid is not None and pid in _descendants(process.pid):
                        ours.add(event.window.id)
                        if mapped_at is None:
                            mapped_at = now
                elif event.type == damage_event and mapped_at is not None and event.drawable.id in ours:
                    return WindowTimes((mapped_at - start) * 1000, (now - start) * 1000)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            watcher.close()
