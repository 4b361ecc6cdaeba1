"""Where the bundled data and resources are, however the app was installed.

Three layouts exist: a source checkout (``data/`` and ``resources/`` beside the package), an installed wheel
(the build maps them into the package as ``_data`` and ``_resources``) and a PyInstaller bundle (they sit in
the bundle's root, ``sys._MEIPASS``). One resolver knows all three so nothing else has to.
"""

from __future__ import annotations

import sys
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
