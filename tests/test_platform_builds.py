"""The spec's Windows, macOS and Linux paths, read on any machine: the spec is executed with each platform's
``sys.platform`` and PyInstaller's build steps replaced by recorders, so a missing icon, a wrong version in the
Windows resource or a broken Info.plist fails here, not on a release runner."""

from __future__ import annotations

import ast
import plistlib
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

import ajexplorer.domain.loading
from tests.packaging_modules import load_packaging_module

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "ajexplorer.spec"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


@dataclass
class Build:
    """What the spec asked PyInstaller to build."""

    exe: dict[str, Any] = field(default_factory=dict)
    collect: dict[str, Any] | None = None
    bundle: dict[str, Any] | None = None


def run_spec(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, platform: str, *, onefile: bool = False
) -> tuple[Build, Path]:
    """Execute the spec as PyInstaller would on ``platform``; returns what it built and its work folder."""
    build = Build()

    class Analysis:
        def __init__(self, scripts: list[str], **options: Any) -> None:
            self.scripts = scripts
            self.binaries: list[tuple[str, str, str]] = []
            self.datas: list[tuple[str, str, str]] = []
            self.pure: list[tuple[str, str, str]] = []

    def exe(*parts: Any, **options: Any) -> str:
        build.exe = options
        return "exe"

    def collect(*parts: Any, **options: Any) -> str:
        build.collect = options
        return "coll"

    def bundle(*parts: Any, **options: Any) -> None:
        build.bundle = options

    def cache(data: Path, schema: Path, target: Path) -> None:
        target.write_bytes(b"")  # the bundled data are checked by their own tests, not here

    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks.qt", None)  # the spec's plugin filter: left out
    monkeypatch.delitem(sys.modules, "platform_settings", raising=False)
    monkeypatch.setattr(ajexplorer.domain.loading, "write_cache", cache)
    monkeypatch.delenv("AJ_BARE_ENTRY", raising=False)
    monkeypatch.setenv("AJ_ONEFILE", "1" if onefile else "0")
    workpath = tmp_path / "build"
    namespace = {
        "SPECPATH": str(SPEC.parent),
        "workpath": str(workpath),
        "Analysis": Analysis,
        "PYZ": lambda *parts, **options: "pyz",
        "EXE": exe,
        "COLLECT": collect,
        "BUNDLE": bundle,
        "__file__": str(SPEC),
    }
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)  # noqa: S102
    return build, workpath


def string_table(version_resource: str) -> dict[str, str]:
    """The StringStruct name/value pairs of a PyInstaller version resource, read without running it."""
    found = {}
    for node in ast.walk(ast.parse(version_resource)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "StringStruct":
            key, value = (ast.literal_eval(argument) for argument in node.args)
            found[key] = value
    return found


def fixed_versions(version_resource: str) -> set[tuple[int, ...]]:
    found = set()
    for node in ast.walk(ast.parse(version_resource)):
        if isinstance(node, ast.keyword) and node.arg in {"filevers", "prodvers"}:
            found.add(ast.literal_eval(node.value))
    return found


def test_windows_build_has_its_icon_and_a_version_resource_explorer_can_show(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    build, workpath = run_spec(monkeypatch, tmp_path, "win32")
    icon = Path(build.exe["icon"])
    assert icon.suffix == ".ico" and icon.is_file()
    resource = Path(build.exe["version"]).read_text(encoding="utf-8")
    assert Path(build.exe["version"]).parent == workpath
    strings = string_table(resource)
    assert strings["FileVersion"] == strings["ProductVersion"] == VERSION
    assert strings["OriginalFilename"] == build.exe["name"] + ".exe"
    assert strings["ProductName"] == "AJ Explorer"
    (numbers,) = fixed_versions(resource)
    assert len(numbers) == 4 and ".".join(map(str, numbers)).startswith(VERSION)
    assert build.exe["strip"] is False and build.exe["console"] is False
    assert build.collect is not None and build.bundle is None


def test_macos_build_makes_an_app_bundle_with_its_icon_and_info_plist(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    build, _ = run_spec(monkeypatch, tmp_path, "darwin")
    assert build.bundle is not None
    assert build.bundle["name"] == "AJ Explorer.app"
    icon = Path(build.bundle["icon"])
    assert icon.suffix == ".icns" and icon.is_file() and build.exe["icon"] == str(icon)
    desktop = (ROOT / "packaging" / "linux" / f"{build.bundle['bundle_identifier']}.desktop").read_text(
        "utf-8"
    )
    assert f"Icon={build.bundle['bundle_identifier']}" in desktop  # one app id on every platform
    info = plistlib.loads(plistlib.dumps(build.bundle["info_plist"]))  # a valid property list
    assert info["CFBundleShortVersionString"] == info["CFBundleVersion"] == build.bundle["version"] == VERSION
    assert info["CFBundleDisplayName"] == "AJ Explorer"
    assert info["NSHighResolutionCapable"] is True
    assert build.exe["version"] is None and build.exe["strip"] is False


def test_linux_build_is_stripped_and_takes_its_icon_from_the_desktop_entry(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    build, _ = run_spec(monkeypatch, tmp_path, "linux")
    assert build.exe["icon"] is None and build.exe["version"] is None
    assert build.exe["strip"] is True and build.collect is not None and build.collect["strip"] is True
    assert build.bundle is None


@pytest.mark.parametrize("platform", ["linux", "win32", "darwin"])
def test_onefile_build_puts_everything_in_the_one_executable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, platform: str
) -> None:
    build, _ = run_spec(monkeypatch, tmp_path, platform, onefile=True)
    assert "exclude_binaries" not in build.exe
    assert build.collect is None and build.bundle is None


@pytest.mark.parametrize(
    ("version", "numbers"), [("0.1.0", (0, 1, 0, 0)), ("1.2rc1", (1, 2, 0, 0)), ("2.3.4.5.6", (2, 3, 4, 5))]
)
def test_windows_version_numbers_come_from_any_release_version(
    version: str, numbers: tuple[int, ...]
) -> None:
    settings = load_packaging_module("platform_settings")
    assert settings.version_numbers(version) == numbers
    assert fixed_versions(settings.windows_version_resource("ajexplorer", version)) == {numbers}
