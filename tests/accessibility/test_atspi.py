"""The app read through the real accessibility stack, as a screen reader reads it.

The app runs on a virtual X display (Xvfb) inside its own D-Bus session with Qt's accessibility on; the system
Python's AT-SPI bindings walk its tree (``atspi_walk.py``). Skipped where the system lacks any of them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ajexplorer.domain.loading import load_dataset
from ajexplorer.domain.model import Dataset, Kind
from ajexplorer.presentation.charts import charts_from
from ajexplorer.presentation.figure_table import figure_rows
from ajexplorer.presentation.record_text import status_line
from tests.conftest import FIXTURES

SYSTEM_PYTHON = "/usr/bin/python3"
WALKER = Path(__file__).with_name("atspi_walk.py")
DATA = FIXTURES / "partner"
#: Roles a person operates; each must say what it is.
INTERACTIVE = {
    "push button", "toggle button", "check box", "radio button", "combo box", "text", "entry",
    "spin button", "slider", "menu item", "page tab", "link", "tree", "table", "list", "tree table",
}  # fmt: skip


def _has_atspi() -> bool:
    if not all(shutil.which(tool) for tool in ("Xvfb", "dbus-run-session")):
        return False
    if not Path(SYSTEM_PYTHON).exists():
        return False
    check = "import gi; gi.require_version('Atspi', '2.0'); from gi.repository import Atspi"
    return subprocess.run([SYSTEM_PYTHON, "-c", check], capture_output=True, check=False).returncode == 0


pytestmark = pytest.mark.skipif(
    not _has_atspi(), reason="needs Xvfb, dbus-run-session and AT-SPI's gi bindings"
)


@pytest.fixture(scope="module")
def partner() -> Dataset:
    return load_dataset(DATA)


@pytest.fixture(scope="module")
def first_event(partner: Dataset) -> str:
    """An event to open with: the first in the data, whatever it is."""
    return next(record.id for record in partner.records.values() if record.kind is Kind.EVENT)


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    """A virtual X display on a free number."""
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    try:
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)


#: Typed into the search field through AT-SPI once the tree is read: a query nothing matches.
NOTHING = "qqqzzzxxy"


@pytest.fixture(scope="module")
def walked(display: str, first_event: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The running app's accessibility tree once the views built after the first paint are there, and what
    it said when a search was then typed through AT-SPI."""
    home = tmp_path_factory.mktemp("home")
    out = home / "tree.json"
    env = {key: value for key, value in os.environ.items() if not key.startswith(("QT_", "DBUS_", "AT_SPI"))}
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_RUNTIME_DIR=str(home),
    )
    app = [sys.executable, "-m", "ajexplorer", "--data", str(DATA), "--open", first_event]
    walker = [SYSTEM_PYTHON, str(WALKER), str(out), "Chronology", "Search", NOTHING]
    command = ["dbus-run-session", "--", *walker, "--", *app]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert out.exists(), result.stderr
    walked: dict[str, Any] = json.loads(out.read_text())
    assert "nodes" in walked, walked
    return walked


@pytest.fixture(scope="module")
def tree(walked: dict[str, Any]) -> list[dict[str, Any]]:
    nodes: list[dict[str, Any]] = walked["nodes"]
    return nodes


def _under(nodes: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    """The elements inside the element named ``name`` (by their path of role:name steps)."""
    return [node for node in nodes if f":{name}/" in node.get("path", "") + "/"]


def test_the_timelines_items_are_read_in_the_chronology_in_time_order(
    tree: list[dict[str, Any]], partner: Dataset
) -> None:
    import datetime as dt

    from ajexplorer.presentation.chronology import chronology
    from ajexplorer.presentation.timeline_layout import items_from

    groups = chronology(partner, items_from(partner, dt.date.today()))
    expected = [entry.title for group in groups for entry in group.entries]
    assert expected
    cells = [node["name"] for node in _under(tree, "Chronology") if node["role"] == "table cell"]
    read = [name for name in cells if name in set(expected)]
    assert read == expected
    assert groups[0].label in cells  # the years are read as groups with their count
    dates = {partner.records[entry.record_id].when.human() for group in groups for entry in group.entries}
    assert dates <= set(cells)  # each date as the source gives it ("2004", "July 2004")


def test_the_current_record_is_selected_in_the_chronology_and_announced(
    tree: list[dict[str, Any]], partner: Dataset, first_event: str
) -> None:
    record = partner.get(first_event)
    assert record is not None
    selected = [node["name"] for node in _under(tree, "Chronology") if node["selected"]]
    assert record.title in selected
    status = [node for node in tree if node["role"] == "status bar"]
    assert [node["name"] for node in status] == [status_line(record)]


def test_a_figures_value_is_read_with_its_qualifier(tree: list[dict[str, Any]], partner: Dataset) -> None:
    rows = [row for row in figure_rows(charts_from(partner)) if row.qualifier]
    assert rows, "the fixture has qualified figures"
    cells = [node["name"] for node in _under(tree, "Figures table") if node["role"] == "table cell"]
    for row in rows:
        at = cells.index(row.value)  # "approximately 6,500 people": value, unit and qualifier in one cell
        assert cells[at + 1] == row.qualifier
        assert row.source in cells[at:]


def test_every_interactive_element_has_a_name_and_a_role(tree: list[dict[str, Any]]) -> None:
    assert not [node for node in tree if "error" in node]
    interactive = [node for node in tree if node["role"] in INTERACTIVE and node["showing"]]
    assert len(interactive) > 10
    assert [node["path"] + "/" + node["role"] for node in interactive if not node["name"].strip()] == []
    assert not [node for node in tree if node["role"] in {"unknown", "invalid"} and node["focusable"]]


def test_nothing_that_takes_focus_is_nameless(tree: list[dict[str, Any]]) -> None:
    """Cells are named by their text; every other element that can take focus says what it is."""
    focusable = [node for node in tree if node["focusable"] and node["showing"]]
    assert focusable
    nameless = [f"{node['path']}/{node['role']}" for node in focusable if not node["name"].strip()]
    assert nameless == []


def test_a_search_typed_through_atspi_is_answered_by_an_announcement(walked: dict[str, Any]) -> None:
    heard = walked["heard"]
    announced = [event["data"] for event in heard if event["type"] == "object:announcement"]
    assert any(text.startswith("No results") for text in announced), heard
    renamed = [event for event in heard if event["role"] == "status bar" and "name" in event["type"]]
    assert renamed and renamed[-1]["name"].startswith("No results")
