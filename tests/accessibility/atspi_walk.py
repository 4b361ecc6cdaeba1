"""Start a program and print its AT-SPI accessibility tree as JSON, read as a screen reader reads it.

Run by the system Python (which has the GObject bindings of AT-SPI) inside a D-Bus session:
``atspi_walk.py OUT_JSON READY_NAME [FIELD TEXT] -- PROGRAM ARGS...``. The tree is written once an element
named READY_NAME holds cells (the app builds some views after its first paint), or after the time limit,
whatever it holds then. With FIELD and TEXT, TEXT is then typed into the text field named FIELD through AT-SPI,
and the events the program sends in the next seconds (announcements, changed names and descriptions) are
written too, as a screen reader hears them.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

#: Elements read at most: a bound on a runaway tree, far above what the test's dataset gives.
MAX_NODES = 20_000
WAIT_S = 30.0
LISTEN_S = 3.0
#: What a screen reader listens to for changes it speaks.
EVENTS = (
    "object:announcement",
    "object:property-change:accessible-name",
    "object:property-change:accessible-description",
)


def _atspi() -> Any:
    import gi  # type: ignore[import-not-found, unused-ignore]

    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi  # type: ignore[import-not-found, unused-ignore]

    return Atspi


def _find_app(atspi: Any, pid: int) -> Any:
    desktop = atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        if app is not None and app.get_process_id() == pid:
            return app
    return None


def _walk(atspi: Any, root: Any) -> list[dict[str, Any]]:
    nodes: list[dict[str, Any]] = []
    stack: list[tuple[Any, str]] = [(root, "")]
    while stack and len(nodes) < MAX_NODES:
        acc, path = stack.pop()
        try:
            role = acc.get_role_name()
            name = acc.get_name() or ""
            states = acc.get_state_set()
            node = {
                "path": path,
                "role": role,
                "name": name,
                "description": acc.get_description() or "",
                "focusable": states.contains(atspi.StateType.FOCUSABLE),
                "focused": states.contains(atspi.StateType.FOCUSED),
                "selected": states.contains(atspi.StateType.SELECTED),
                "showing": states.contains(atspi.StateType.SHOWING),
                "enabled": states.contains(atspi.StateType.ENABLED),
            }
            count = acc.get_child_count()
        except Exception as error:  # noqa: BLE001 - an element gone while walking is reported, not fatal
            nodes.append({"path": path, "error": str(error)})
            continue
        nodes.append(node)
        here = f"{path}/{role}:{name}"
        for i in reversed(range(count)):
            child = acc.get_child_at_index(i)
            if child is not None:
                stack.append((child, here))
    return nodes


def _ready(nodes: list[dict[str, Any]], name: str) -> bool:
    """READY_NAME's element holds cells once the app has built it."""
    return any(
        f":{name}/" in node.get("path", "") + "/" and node.get("role") in {"table cell", "tree item"}
        for node in nodes
    )


def main(argv: list[str]) -> int:
    split = argv.index("--")
    out, ready_name, typing, command = Path(argv[0]), argv[1], argv[2:split], argv[split + 1 :]
    atspi = _atspi()
    atspi.init()
    heard: list[dict[str, str]] = []
    listener = atspi.EventListener.new(lambda event: heard.append(_event(event)))
    for kind in EVENTS:
        listener.register(kind)
    program = subprocess.Popen(command)
    try:
        deadline = time.monotonic() + WAIT_S
        nodes: list[dict[str, Any]] = []
        app = None
        while time.monotonic() < deadline:
            if program.poll() is not None:
                out.write_text(json.dumps({"error": f"the program exited with {program.returncode}"}))
                return 1
            app = _find_app(atspi, program.pid)
            if app is not None:
                nodes = _walk(atspi, app)
                if _ready(nodes, ready_name):
                    break
            time.sleep(0.5)
        typed: list[dict[str, str]] = []
        if typing and app is not None:
            heard.clear()
            field = _find(app, "text", typing[0])
            if field is not None:
                field.set_text_contents(typing[1])
                _listen(atspi, seconds=LISTEN_S)
                typed = list(heard)
        out.write_text(json.dumps({"nodes": nodes, "heard": typed}))
        return 0
    finally:
        program.terminate()
        try:
            program.wait(timeout=10)
        except subprocess.TimeoutExpired:
            program.kill()


def _event(event: Any) -> dict[str, str]:
    source = event.source
    data = event.any_data
    return {
        "type": event.type,
        "role": source.get_role_name() if source is not None else "",
        "name": source.get_name() if source is not None else "",
        "data": data if isinstance(data, str) else "",
    }


def _find(root: Any, role: str, name: str) -> Any:
    stack = [root]
    while stack:
        acc = stack.pop()
        if acc.get_role_name() == role and acc.get_name() == name:
            return acc
        stack.extend(acc.get_child_at_index(i) for i in range(acc.get_child_count()))
    return None


def _listen(atspi: Any, seconds: float) -> None:
    """Let the events in flight arrive: they are delivered by the GLib main loop."""
    from gi.repository import GLib  # type: ignore[import-not-found, unused-ignore]

    context = GLib.MainContext.default()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        while context.pending():
            context.iteration(False)
        time.sleep(0.05)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
