"""The smoke test that frozen builds run: it passes on the real app and catches network use."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from ajexplorer.domain.loading import load_dataset
from ajexplorer.gui.smoke import NetworkAttemptError, no_network, smoke_query


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


def smoke_with(injected: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    """Run the smoke test with ``injected`` code run by the window each time it opens a record."""
    script = f"""
import socket, sys
from ajexplorer.gui import mainwindow

opened = mainwindow.MainWindow.open_record

def open_record(self, record_id):
{textwrap.indent(textwrap.dedent(injected), "    ")}
    return opened(self, record_id)

mainwindow.MainWindow.open_record = open_record
from ajexplorer.cli import main
sys.exit(main(["--smoke-test", *sys.argv[1:]]))
"""
    return subprocess.run(
        [sys.executable, "-c", script, *arguments],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )


def test_a_connection_attempt_the_app_swallows_fails_the_smoke_test() -> None:
    result = smoke_with(
        """
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
                probe.connect(("127.0.0.1", 9))
        except OSError:
            pass
        """
    )
    assert result.returncode == 1
    assert "smoke test FAILED" in result.stderr
    assert "1 network attempts" in result.stderr
    assert "smoke test passed" not in result.stdout


def test_a_udp_datagram_and_a_name_lookup_fail_the_smoke_test() -> None:
    result = smoke_with(
        """
        for attempt in (
            lambda: socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b"?", ("192.0.2.1", 53)),
            lambda: socket.getaddrinfo("example.invalid", 80),
        ):
            try:
                attempt()
            except OSError:
                pass
        """
    )
    assert result.returncode == 1
    assert "2 network attempts" in result.stderr
    assert "SOCK_DGRAM" in result.stderr
    assert "getaddrinfo('example.invalid')" in result.stderr


def test_qt_networking_used_by_the_app_fails_the_smoke_test() -> None:
    """Qt's own sockets pass Python's socket module by: using one of QtNetwork's network classes is an attempt,
    caught or not; its local sockets (the app's single-instance server) are not."""
    result = smoke_with(
        "from PySide6.QtNetwork import QTcpSocket\ntry:\n    QTcpSocket()\nexcept OSError:\n    pass"
    )
    assert result.returncode == 1
    assert "QtNetwork.QTcpSocket" in result.stderr
    lookup = smoke_with(
        "from PySide6.QtNetwork import QHostInfo\ntry:\n    QHostInfo.fromName('localhost')\nexcept OSError:\n    pass"
    )
    assert lookup.returncode == 1
    assert "QtNetwork.QHostInfo" in lookup.stderr


def test_a_local_socket_is_not_network_use() -> None:
    result = smoke_with(
        "from PySide6.QtNetwork import QLocalSocket\nQLocalSocket().connectToServer('nowhere')"
    )
    assert result.returncode == 0, result.stderr


def test_the_smoke_test_searches_whatever_dataset_it_opens() -> None:
    """Its query comes from the dataset loaded: another partner's dataset passes as the bundled one does."""
    partner = Path(__file__).parent / "fixtures" / "partner"
    result = smoke_with("", "--data", str(partner))
    assert result.returncode == 0, result.stderr
    dataset = load_dataset(partner)
    query, expected = smoke_query(dataset)
    assert f"search {query!r} -> " in result.stdout
    assert expected in dataset.records
    assert f"{len(dataset.records)} records loaded" in result.stdout


@pytest.mark.parametrize(
    "attempt",
    [
        pytest.param(lambda s: s.connect(("127.0.0.1", 9)), id="connect"),
        pytest.param(lambda s: s.connect_ex(("127.0.0.1", 9)), id="connect_ex"),
        pytest.param(lambda s: s.sendto(b"?", ("127.0.0.1", 9)), id="sendto"),
        pytest.param(lambda s: s.sendmsg([b"?"], [], 0, ("127.0.0.1", 9)), id="sendmsg"),
        pytest.param(lambda _: socket.create_connection(("127.0.0.1", 9)), id="create_connection"),
        pytest.param(lambda _: socket.getaddrinfo("localhost", 9), id="getaddrinfo"),
        pytest.param(lambda _: socket.gethostbyname("localhost"), id="gethostbyname"),
        pytest.param(lambda _: socket.socket(socket.AF_INET6, socket.SOCK_DGRAM), id="udp6"),
        pytest.param(lambda _: socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP), id="raw"),
    ],
)
def test_every_kind_of_network_use_is_refused_and_counted(attempt: Callable[[socket.socket], object]) -> None:
    """Each call is refused and counted even on a socket made before the guard, and even when caught."""
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        with no_network() as attempts:
            with pytest.raises(NetworkAttemptError):
                attempt(udp)
            with contextlib.suppress(OSError):
                attempt(udp)
        assert len(attempts) == 2, attempts
    finally:
        udp.close()


def test_local_sockets_are_not_network_use_and_the_guard_ends_with_its_block() -> None:
    with no_network() as attempts:
        left, right = socket.socketpair(socket.AF_UNIX)
        left.sendall(b"x")
        assert right.recv(1) == b"x"
        left.close()
        right.close()
    assert attempts == []
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


CHECK_NO_NETWORK = Path(__file__).resolve().parent.parent / "packaging" / "check_no_network.sh"


def check_no_network(tmp_path: Path, program: str) -> subprocess.CompletedProcess[str]:
    """Run packaging/check_no_network.sh (what CI runs on the frozen build) on an executable running ``program``."""
    binary = tmp_path / "binary"
    script = tmp_path / "program.py"
    script.write_text(program)
    binary.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{script}" "$@"\n')
    binary.chmod(0o755)
    return subprocess.run(
        ["bash", str(CHECK_NO_NETWORK), str(binary)],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )


needs_strace = pytest.mark.skipif(
    shutil.which("strace") is None, reason="strace is not installed (CI installs it)"
)


@needs_strace
def test_the_system_call_check_passes_the_app(tmp_path: Path) -> None:
    result = check_no_network(tmp_path, "import sys\nfrom ajexplorer.cli import main\nsys.exit(main())\n")
    assert result.returncode == 0, result.stderr
    assert "smoke test passed" in result.stdout
    assert "used no network" in result.stdout


@needs_strace
def test_the_system_call_check_fails_a_socket_nothing_in_python_would_report(tmp_path: Path) -> None:
    """A network socket made below Python's socket module (as Qt's would be) and closed quietly still fails."""
    program = (
        "import ctypes, socket, sys\n"
        "libc = ctypes.CDLL(None)\n"
        "libc.close(libc.socket(socket.AF_INET6, socket.SOCK_DGRAM, 0))\n"
        "print('smoke test passed')\n"
    )
    result = check_no_network(tmp_path, program)
    assert result.returncode == 1
    assert "socket(AF_INET6" in result.stderr


LIBC_CONNECT = (
    "import ctypes, socket, struct, sys\n"
    "libc = ctypes.CDLL(None)\n"
    "fd = libc.socket(socket.AF_INET, socket.SOCK_STREAM, 0)\n"
    "family, port = struct.pack('<H', socket.AF_INET), struct.pack('>H', {port})\n"
    "address = family + port + socket.inet_aton('127.0.0.1') + bytes(8)\n"
    "libc.connect(fd, ctypes.c_char_p(address), len(address))\n"
    "libc.close(fd)\n"
    "print('smoke test passed')\n"
)


@needs_strace
def test_the_system_call_check_fails_a_connection_to_any_other_service(tmp_path: Path) -> None:
    """Below Python, a TCP connection to anything but the local print service fails the check, loopback too."""
    result = check_no_network(tmp_path, LIBC_CONNECT.format(port=80))
    assert result.returncode == 1
    assert "htons(80)" in result.stderr


@needs_strace
def test_the_system_call_check_lets_the_print_support_ask_the_local_print_service(tmp_path: Path) -> None:
    """Qt's print support asks CUPS on 127.0.0.1:631 for the printers when there is no CUPS socket file."""
    result = check_no_network(tmp_path, LIBC_CONNECT.format(port=631))
    assert result.returncode == 0, result.stderr
    assert "1 tries of the local print service" in result.stdout


def test_the_release_check_waits_for_the_main_window_and_not_an_error_dialog() -> None:
    """packaging/check_release.sh finds the window by title: the dataset's title, then the app's name."""
    root = Path(__file__).resolve().parent.parent
    lines = (root / "packaging" / "check_release.sh").read_text(encoding="utf-8").splitlines()
    pattern = [line for line in lines if line.startswith(("title=", "main_window="))]
    titles = [
        f"{load_dataset(root / 'data').title} \u2014 AJ Explorer",  # how Qt titles the main window
        "Something went wrong \u2014 AJ Explorer",
        "The dataset could not be opened \u2014 AJ Explorer",
        "AJ Explorer closed unexpectedly last time \u2014 AJ Explorer",
    ]
    script = "\n".join([*pattern, 'printf "%s\\n" "$@" | grep -E "$main_window"'])
    result = subprocess.run(
        ["bash", "-c", script, "check", *titles], capture_output=True, text=True, cwd=root, check=False
    )
    assert len(pattern) == 2
    assert result.stdout.splitlines() == titles[:1]
