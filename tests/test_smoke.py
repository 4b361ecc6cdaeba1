"""The smoke test that frozen builds run: it passes on the real app and catches network use."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from ajexplorer.gui.smoke import NetworkAttemptError, no_network


def smoke(home: Path | None = None, **extra: str) -> subprocess.CompletedProcess[str]:
    """Run `ajexplorer --smoke-test` offscreen, optionally under another home folder."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **extra}
    if home is not None:
        env |= {
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
        }
    return subprocess.run(
        [sys.executable, "-m", "ajexplorer", "--smoke-test"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=home.parent if home is not None else None,
        check=False,
    )


def test_smoke_test_passes_and_says_what_it_did() -> None:
    result = smoke()
    assert result.returncode == 0, result.stderr
    line = result.stdout.strip()
    assert line.startswith("smoke test passed: ")
    assert "0 network attempts" in line


def test_a_bundle_that_cannot_check_data_fails_the_smoke_test(tmp_path: Path) -> None:
    """The bundled data loads from its cache, but opening any other dataset needs the schema checker."""
    shadow = tmp_path / "shadow"
    (shadow / "jsonschema").mkdir(parents=True)
    (shadow / "jsonschema" / "__init__.py").write_text(
        'raise ImportError("jsonschema left out of the bundle")\n'
    )
    result = smoke(PYTHONPATH=os.pathsep.join([str(shadow), *sys.path]))
    assert result.returncode == 1
    assert "smoke test FAILED" in result.stderr
    assert "jsonschema left out of the bundle" in result.stderr


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
    result = smoke(home)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("smoke test passed")


def test_a_read_only_install_folder_is_left_untouched(tmp_path: Path) -> None:
    """The app runs from a read-only copy of itself and writes nothing there (settings and logs go elsewhere)."""
    root = Path(__file__).resolve().parent.parent
    install = tmp_path / "read-only install"
    install.mkdir()
    for name in ("ajexplorer", "data", "resources", "pyproject.toml"):
        source = root / name
        if source.is_dir():
            shutil.copytree(source, install / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, install / name)
    for path in [install, *install.rglob("*")]:
        path.chmod(path.stat().st_mode & ~0o222)
    before = sorted(str(path) for path in install.rglob("*"))
    home = tmp_path / "home"
    home.mkdir()
    try:
        result = smoke(home, PYTHONPATH=str(install), PYTHONDONTWRITEBYTECODE="1")
        after = sorted(str(path) for path in install.rglob("*"))
    finally:
        for path in [install, *install.rglob("*")]:
            path.chmod(path.stat().st_mode | 0o200)
    assert result.returncode == 0, result.stderr
    assert after == before
