"""One window per user for links: real processes, as the desktop starts them. The first start opens the window
on its link; a later start with a link hands it to that window (which shows the record) and exits 0 without a
window of its own; a bad link handed over is explained by the running window, which carries on."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ajexplorer.domain.app_links import paragraph_url, record_url
from ajexplorer.domain.loading import load_dataset
from tests.conftest import FIXTURES, ROOT

PARTNER = FIXTURES / "partner"
#: Generous: two interpreters with Qt on a busy machine. Only a bound on waiting, never a measurement.
PATIENCE_S = 90


def environment(home: Path) -> dict[str, str]:
    """A home of the test's own: settings, data folder, log and socket name are all this run's."""
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
    }


def log_text(home: Path) -> str:
    return "\n".join(
        path.read_text(encoding="utf-8", errors="replace") for path in home.rglob("ajexplorer.log")
    )


def wait_for_log(home: Path, line: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + PATIENCE_S
    while line not in log_text(home):
        assert process.poll() is None, f"the app exited early ({process.returncode}):\n{log_text(home)}"
        assert time.monotonic() < deadline, f"never logged {line!r}:\n{log_text(home)}"
        time.sleep(0.2)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


@pytest.fixture
def first(home: Path) -> Iterator[subprocess.Popen[bytes]]:
    """The app started by a link, as a click on one starts it when no window is open."""
    dataset = load_dataset(PARTNER)
    record_id = list(dataset.records)[-1]
    process = subprocess.Popen(
        [sys.executable, "-m", "ajexplorer", "--data", str(PARTNER), record_url(record_id)],
        cwd=ROOT,
        env=environment(home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_log(home, f"Link {record_url(record_id)}: showing record {record_id}", process)
        wait_for_log(home, "Links from later starts come to this window", process)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=PATIENCE_S)


def second_start(home: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "ajexplorer", *args],
        cwd=ROOT,
        env=environment(home),
        capture_output=True,
        timeout=PATIENCE_S,  # a second window would never exit on its own
        check=False,
    )


def test_a_later_start_hands_its_link_to_the_running_window(
    home: Path, first: subprocess.Popen[bytes]
) -> None:
    dataset = load_dataset(PARTNER)
    record_id = next(iter(dataset.records))
    result = second_start(home, record_url(record_id))
    assert result.returncode == 0, result.stderr
    wait_for_log(home, f"Link {record_url(record_id)}: showing record {record_id}", first)
    number = max(dataset.paragraphs)
    assert second_start(home, paragraph_url(number)).returncode == 0
    wait_for_log(home, f"Link {paragraph_url(number)}: showing paragraph {number}", first)
    assert first.poll() is None
    assert log_text(home).count(" starting: Qt ") == 1  # the later starts never opened a window


@pytest.mark.parametrize(
    "link",
    ["ajexplorer://record/no-such-record", "ajexplorer://nonsense", "ajexplorer://record/" + "y" * 20_000],
    ids=["unknown id", "garbage", "very long"],
)
def test_a_bad_link_handed_over_is_explained_by_the_running_window(
    home: Path, first: subprocess.Popen[bytes], link: str
) -> None:
    result = second_start(home, link)
    assert result.returncode == 0, result.stderr
    wait_for_log(home, "Link not opened: ", first)
    assert first.poll() is None


@pytest.mark.parametrize("taken", [True, False], ids=["window open", "no window"])
def test_the_command_line_offers_a_link_to_the_open_window_first(
    monkeypatch: pytest.MonkeyPatch, taken: bool
) -> None:
    """A link is no command: it goes to the open window, or to a new one; the other options still apply."""
    from ajexplorer import cli
    from ajexplorer.gui import app, single_instance

    offered: list[str] = []
    opened: list[dict[str, object]] = []

    def hand_over_early(link: str) -> bool:
        offered.append(link)
        return taken

    def run_gui(**options: object) -> int:
        opened.append(options)
        return 0

    monkeypatch.setattr(single_instance, "hand_over_early", hand_over_early)
    monkeypatch.setattr(app, "run_gui", run_gui)
    link = "ajexplorer://record/some-record"
    assert cli.main(["--data", str(PARTNER), link]) == 0
    assert offered == [link]
    assert opened == ([] if taken else [{**opened[0], "link": link, "data_folder": PARTNER}])
