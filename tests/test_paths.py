"""The data and resources are found from a source checkout, an installed wheel and a PyInstaller bundle."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from ajexplorer import paths

ROOT = Path(__file__).resolve().parent.parent


def test_source_checkout_uses_the_top_level_folders() -> None:
    assert paths.data_dir() == ROOT / "data"
    assert paths.resources_dir() == ROOT / "resources"
    assert (paths.schema_dir() / "records.schema.json").is_file()


def test_pyinstaller_bundle_uses_the_bundle_root(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    (bundle / "data").mkdir(parents=True)
    package = bundle / "ajexplorer"
    package.mkdir()
    found = paths._locate("data", package_dir=package, bundle_root=str(bundle))
    assert found == bundle / "data"


def test_frozen_flag_is_honoured_in_a_fresh_interpreter(tmp_path: Path) -> None:
    bundle = tmp_path / "frozen root"
    (bundle / "data").mkdir(parents=True)
    (bundle / "resources").mkdir()
    script = textwrap.dedent(
        f"""
        import sys
        sys.frozen = True
        sys._MEIPASS = {str(bundle)!r}
        from ajexplorer import paths
        print(paths.data_dir())
        print(paths.resources_dir())
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.splitlines() == [str(bundle / "data"), str(bundle / "resources")]


def test_a_missing_folder_names_where_it_looked(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="data folder is missing"):
        paths._locate("data", package_dir=tmp_path / "ajexplorer", bundle_root=None)


def test_installed_wheel_carries_and_finds_the_data(tmp_path: Path) -> None:
    """Build the wheel, install it away from the checkout, and load the bundled data from there."""
    source = tmp_path / "src"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", "tests"
        ),
    )
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheels),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = wheels.glob("ajexplorer-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "ajexplorer/_data/records/introduction.yaml" in names
    assert "ajexplorer/_data/schema/records.schema.json" in names
    assert "ajexplorer/_data/source/overview-of-asean-japan-dialogue-relations.txt" in names
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    script = (
        "from ajexplorer import paths; from ajexplorer.domain.loading import load_dataset; "
        "d = paths.data_dir(); print(d); print(len(load_dataset(d).records))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env={"PYTHONPATH": str(target), "PATH": ""},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    location, count = result.stdout.splitlines()
    assert Path(location) == target / "ajexplorer" / "_data"
    assert int(count) > 100


def test_the_cache_folder_is_where_each_platform_keeps_caches(monkeypatch: pytest.MonkeyPatch) -> None:
    home = Path("/home/someone")
    root = paths._cache_root
    assert root("win32", {"LOCALAPPDATA": r"C:\Users\someone\AppData\Local"}, lambda: home) == Path(
        r"C:\Users\someone\AppData\Local"
    )
    assert root("win32", {}, lambda: home) == home / "AppData" / "Local"
    assert root("darwin", {"XDG_CACHE_HOME": "/elsewhere"}, lambda: home) == home / "Library" / "Caches"
    assert root("linux", {"XDG_CACHE_HOME": "/var/cache/someone"}, lambda: home) == Path("/var/cache/someone")
    assert (
        root("linux", {"XDG_CACHE_HOME": "relative"}, lambda: home) == home / ".cache"
    )  # the spec says ignore
    assert root("linux", {}, lambda: home) == home / ".cache"
    monkeypatch.setenv("AJEXPLORER_CACHE_DIR", "/srv/chosen")
    assert paths.cache_dir() == Path("/srv/chosen")
    monkeypatch.delenv("AJEXPLORER_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", "/srv/xdg")
    if sys.platform.startswith("linux"):
        assert paths.cache_dir() == Path("/srv/xdg/ajexplorer")
