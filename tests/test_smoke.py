"""The smoke test that frozen builds run: it passes on the real app and catches network use."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from ajexplorer.gui.smoke import NetworkAttemptError, no_network


def test_smoke_test_passes_and_says_what_it_did() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "ajexplorer", "--smoke-test"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    line = result.stdout.strip()
    assert line.startswith("smoke test passed: ")
    assert "0 network attempts" in line


def test_any_connection_attempt_fails_loudly_and_is_counted() -> None:
    with no_network() as attempts:
        with pytest.raises(NetworkAttemptError):
            socket.create_connection(("127.0.0.1", 9))
        probe = socket.socket()
        with pytest.raises(NetworkAttemptError):
            probe.connect(("127.0.0.1", 9))
        probe.close()
    assert len(attempts) == 2
    restored = socket.socket()
    assert restored.connect_ex(("127.0.0.1", 9)) != 0  # a real, refused attempt again after the guard
    restored.close()


def test_a_home_folder_with_non_ascii_characters_works(tmp_path: Path) -> None:
    home = tmp_path / "Ünïcødé hôme 探索"
    home.mkdir()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "ajexplorer", "--smoke-test"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("smoke test passed")
