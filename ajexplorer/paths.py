"""Where the bundled data and resources are, however the app was installed.

Three layouts exist: a source checkout (``data/`` and ``resources/`` beside the package), an installed wheel
(the build maps them into the package as ``_data`` and ``_resources``) and a PyInstaller bundle (they sit in
the bundle's root, ``sys._MEIPASS``). One resolver knows all three so nothing else has to.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _locate(name: str, *, package_dir: Path, bundle_root: str | None) -> Path:
    """The folder ``name`` (``data`` or ``resources``) for the given layout.

    Raises FileNotFoundError naming every place looked in, so a broken install says what is missing.
    """
    candidates: list[Path] = []
    if bundle_root is not None:
        candidates.append(Path(bundle_root) / name)
    checkout = package_dir.parent
    if (checkout / "pyproject.toml").is_file():
        candidates.append(checkout / name)
    candidates.append(package_dir / f"_{name}")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    looked = ", ".join(str(candidate) for candidate in candidates)
    raise FileNotFoundError(f"the app's {name} folder is missing (looked in {looked})")


def _bundle_root() -> str | None:
    if getattr(sys, "frozen", False):
        root = getattr(sys, "_MEIPASS", None)
        return str(root) if root else str(Path(sys.executable).resolve().parent)
    return None


def data_dir() -> Path:
    """The bundled dataset's folder."""
    return _locate("data", package_dir=_PACKAGE_DIR, bundle_root=_bundle_root())


def resources_dir() -> Path:
    """Icons and other files the window uses."""
    return _locate("resources", package_dir=_PACKAGE_DIR, bundle_root=_bundle_root())


def schema_dir() -> Path:
    """The JSON Schemas that every dataset, bundled or not, is checked against."""
    return data_dir() / "schema"


def cache_dir() -> Path:
    """The user's cache folder for the app: work saved to be skipped next time, safe to delete at any time.

    Chosen as each platform advises, without Qt (the domain uses it): ``%LOCALAPPDATA%`` on Windows,
    ``~/Library/Caches`` on macOS, ``$XDG_CACHE_HOME`` (by default ``~/.cache``) elsewhere; or exactly
    ``$AJEXPLORER_CACHE_DIR`` when set (a portable install, a test run).
    """
    chosen = os.environ.get("AJEXPLORER_CACHE_DIR")
    if chosen:
        return Path(chosen)
    return _cache_root(sys.platform, os.environ, Path.home) / "ajexplorer"


def _cache_root(platform: str, environ: Mapping[str, str], home: Callable[[], Path]) -> Path:
    if platform == "win32":
        local = environ.get("LOCALAPPDATA")
        return Path(local) if local else home() / "AppData" / "Local"
    if platform == "darwin":
        return home() / "Library" / "Caches"
    xdg = environ.get("XDG_CACHE_HOME")
    return Path(xdg) if xdg and Path(xdg).is_absolute() else home() / ".cache"
