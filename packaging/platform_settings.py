"""What the build does differently on Windows, macOS and Linux, in one place the spec and the tests both read.

The spec calls ``for_platform(sys.platform, ...)``; the tests call it with each platform's name, so the Windows
icon and version resource and the macOS ``.app`` settings are checked on any machine, not only where they are
built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

APP_ID = "org.ajexplorer.AJExplorer"
DISPLAY_NAME = "AJ Explorer"
PUBLISHER = "AJ Explorer developers"


@dataclass(frozen=True)
class PlatformSettings:
    """The keyword arguments and extra files the spec's EXE, COLLECT and BUNDLE take on one platform."""

    executable: str  # the file name the build writes (Windows adds .exe)
    icon: Path | None
    strip: bool  # debug symbols are most of libpython's size; only the Linux toolchain strips safely
    version_resource: str | None = None  # Windows: the VSVersionInfo text PyInstaller embeds
    bundle: dict[str, object] = field(default_factory=dict)  # macOS: BUNDLE()'s keyword arguments


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """Windows wants four numbers; "1.2rc1" gives (1, 2, 0, 0)."""
    release = re.match(r"\d+(?:\.\d+)*", version)
    if release is None:
        raise ValueError(f"version {version!r} does not start with a number")
    parts = [int(part) for part in release.group(0).split(".")][:4]
    first, second, third, fourth = [*parts, 0, 0, 0][:4]
    return first, second, third, fourth


def windows_version_resource(name: str, version: str) -> str:
    """The version resource Explorer shows under Properties > Details, in PyInstaller's text form."""
    numbers = version_numbers(version)
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004, fileType=0x1,
                    subtype=0x0, date=(0, 0)),
  kids=[StringFileInfo([StringTable('040904B0', [
      StringStruct('CompanyName', '{PUBLISHER}'), StringStruct('FileDescription', '{DISPLAY_NAME}'),
      StringStruct('FileVersion', '{version}'), StringStruct('InternalName', '{name}'),
      StringStruct('OriginalFilename', '{name}.exe'), StringStruct('ProductName', '{DISPLAY_NAME}'),
      StringStruct('ProductVersion', '{version}')])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])])
"""


def macos_bundle(icon: Path, version: str) -> dict[str, object]:
    """BUNDLE()'s arguments: the .app's name, icon and Info.plist."""
    return {
        "name": f"{DISPLAY_NAME}.app",
        "icon": str(icon),
        "bundle_identifier": APP_ID,
        "version": version,
        "info_plist": {
            "CFBundleName": DISPLAY_NAME,
            "CFBundleDisplayName": DISPLAY_NAME,
            "CFBundleShortVersionString": version,
            "CFBundleVersion": version,
            "NSHighResolutionCapable": True,
            "NSPrincipalClass": "NSApplication",
            "LSApplicationCategoryType": "public.app-category.reference",
            "NSHumanReadableCopyright": PUBLISHER,
        },
    }


def for_platform(system: str, root: Path, name: str, version: str) -> PlatformSettings:
    """The settings for ``system`` (a ``sys.platform`` value) when building from the repository at ``root``."""
    icons = root / "packaging" / "icons"
    if system == "win32":
        return PlatformSettings(
            executable=f"{name}.exe",
            icon=icons / "ajexplorer.ico",
            strip=False,
            version_resource=windows_version_resource(name, version),
        )
    if system == "darwin":
        icon = icons / "ajexplorer.icns"
        return PlatformSettings(executable=name, icon=icon, strip=False, bundle=macos_bundle(icon, version))
    return PlatformSettings(executable=name, icon=None, strip=system.startswith("linux"))
