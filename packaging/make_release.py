"""Pack the onedir build with the desktop files into ajexplorer-<version>-linux-x86_64.tar.gz in dist/.

    python packaging/make_release.py            (after the onedir build)

The archive holds ajexplorer/ (the bundle), share/ (desktop entry, metainfo, hicolor icons), install.sh and
uninstall.sh. Entries are sorted and their times taken from SOURCE_DATE_EPOCH when set, for repeatable archives.
"""

from __future__ import annotations

import gzip
import os
import platform
import sys
import tarfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "org.ajexplorer.AJExplorer"


def main() -> int:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    bundle = ROOT / "dist" / "ajexplorer"
    if not (bundle / "ajexplorer").is_file():
        print(f"no onedir build at {bundle}: build it first (README, 'Standalone build')", file=sys.stderr)
        return 1
    name = f"ajexplorer-{version}-linux-{platform.machine()}"
    members: list[tuple[Path, str]] = [
        (path, f"{name}/ajexplorer/{path.relative_to(bundle).as_posix()}")
        for path in sorted(bundle.rglob("*"))
        if path.is_file()
    ]
    linux = ROOT / "packaging" / "linux"
    members += [
        (linux / f"{APP_ID}.desktop", f"{name}/share/applications/{APP_ID}.desktop"),
        (linux / f"{APP_ID}.metainfo.xml", f"{name}/share/metainfo/{APP_ID}.metainfo.xml"),
        (linux / "install.sh", f"{name}/install.sh"),
        (linux / "uninstall.sh", f"{name}/uninstall.sh"),
    ]
    icons = ROOT / "packaging" / "icons"
    members += [
        (path, f"{name}/share/icons/{path.relative_to(icons).as_posix()}")
        for path in sorted((icons / "hicolor").rglob("*"))
        if path.is_file()
    ]
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0")) or None
    archive = ROOT / "dist" / f"{name}.tar.gz"
    with (
        archive.open("wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", mtime=epoch or 0) as zipped,
        tarfile.open(fileobj=zipped, mode="w", format=tarfile.PAX_FORMAT) as tar,
    ):
        for path, arcname in members:
            info = tar.gettarinfo(str(path), arcname)
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            if epoch is not None:
                info.mtime = epoch
            with path.open("rb") as handle:
                tar.addfile(info, handle)
    print(archive)
    return 0


if __name__ == "__main__":
    sys.exit(main())
