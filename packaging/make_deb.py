"""Pack the onedir build into a Debian package, dist/ajexplorer_<version>_<arch>.deb, with dpkg-deb.

    python packaging/make_deb.py            (after the onedir build; needs dpkg-deb)

The bundle goes to /usr/lib/ajexplorer with /usr/bin/ajexplorer pointing at it; the desktop entry, AppStream
metainfo and hicolor icons are the ones in packaging/linux/ and packaging/icons/ (the release archive's too). The
package description and changelog are taken from the metainfo, the manual page from the bundle's own --help,
so nothing is written twice. Timestamps come from SOURCE_DATE_EPOCH when set, for repeatable packages.
"""

# The commands run here are the build's own tools and the bundle just built, with arguments this file makes.
# ruff: noqa: S603, S607

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import subprocess
import sys
import textwrap
import tomllib
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "org.ajexplorer.AJExplorer"
PACKAGE = "ajexplorer"
MAINTAINER = "AJ Explorer developers <ajexplorer@example.invalid>"
INSTALL_DIR = Path("usr/lib/ajexplorer")
# The system libraries Qt needs on Debian (README, "System packages Qt needs on Linux"); the bundle carries
# Qt itself. A test keeps this list and the README's the same.
QT_SYSTEM_PACKAGES = (
    "libegl1", "libgl1", "libopengl0", "libxkbcommon0", "libxkbcommon-x11-0", "libfontconfig1", "libfreetype6",
    "libdbus-1-3", "libglib2.0-0", "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-shape0",
    "libxcb-randr0", "libxcb-render-util0", "libxcb-image0", "libxcb-xinerama0", "libxcb-xkb1", "fonts-dejavu-core",
)  # fmt: skip
# Bundled copies of libraries Debian ships: the package leaves them out and depends on Debian's, which get
# Debian's security updates (the bundle was built against the same sonames).
SYSTEM_COPIES = {
    "libz.so.1": "zlib1g",
    "libbz2.so.1.0": "libbz2-1.0",
    "libexpat.so.1": "libexpat1",
    "libfreetype.so.6": "libfreetype6",
    "libpng16.so.16": "libpng16-16 | libpng16-16t64",
    "libtinfo.so.6": "libtinfo6",
}
# Printing goes through the system's CUPS, which the bundle leaves out (see the spec); without it, print to PDF.
RECOMMENDS = ("libcups2 | libcups2t64",)
# Japanese (and Chinese and Korean) text in the interface, notes and exports is drawn from the system's CJK font.
SUGGESTS = ("fonts-noto-cjk",)


class PackagingError(Exception):
    """Something the package needs is missing or inconsistent; the message says what and where."""


def metainfo() -> ET.Element:
    # The repository's own file, not outside input.
    return ET.parse(ROOT / "packaging" / "linux" / f"{APP_ID}.metainfo.xml").getroot()  # noqa: S314


def paragraphs(description: ET.Element) -> list[str]:
    """The metainfo's description as plain paragraphs; list items become lines starting with "* "."""
    found: list[str] = []
    for element in description:
        if element.tag == "p":
            found.append(" ".join("".join(element.itertext()).split()))
        elif element.tag in {"ul", "ol"}:
            found.append("\n".join("* " + " ".join("".join(item.itertext()).split()) for item in element))
    return found


def control_description(info: ET.Element) -> str:
    """Debian's Description field: the metainfo summary, then its description indented, "." between paragraphs."""
    summary = (info.findtext("summary") or "").strip()
    description = info.find("description")
    if not summary or description is None:
        raise PackagingError(f"{APP_ID}.metainfo.xml: <summary> and <description> are needed for the package")
    blocks = []
    for paragraph in paragraphs(description):
        if paragraph.startswith("* "):
            lines = [
                line
                for item in paragraph.split("\n")
                for line in textwrap.wrap(item, 76, initial_indent="  ", subsequent_indent="    ")
            ]
        else:
            lines = textwrap.wrap(paragraph, 78, initial_indent=" ", subsequent_indent=" ")
        blocks.append("\n".join(lines))
    return f"{summary}\n" + "\n .\n".join(blocks)


def changelog(info: ET.Element, version: str) -> str:
    """A Debian changelog with one entry per metainfo release, newest first; the newest must be this version."""
    releases = info.findall("releases/release")
    if not releases or releases[0].get("version") != version:
        raise PackagingError(
            f"{APP_ID}.metainfo.xml: the newest <release> must be version {version} (pyproject.toml), "
            f"found {releases[0].get('version') if releases else 'none'}"
        )
    entries = []
    for release in releases:
        day = datetime.strptime(release.get("date", ""), "%Y-%m-%d").replace(tzinfo=UTC)
        notes = release.find("description")
        items = paragraphs(notes) if notes is not None else [f"Release {release.get('version')}."]
        lines = []
        for item in (line.removeprefix("* ") for block in items for line in block.split("\n")):
            lines += textwrap.wrap(item, 78, initial_indent="  * ", subsequent_indent="    ")
        entries.append(
            f"{PACKAGE} ({release.get('version')}) unstable; urgency=medium\n\n"
            + "\n".join(lines)
            + f"\n\n -- {MAINTAINER}  {format_datetime(day)}\n"
        )
    return "\n".join(entries)


def manual_page(help_text: str, summary: str, version: str) -> str:
    """A section 1 manual page around the program's own --help text."""

    def roff(text: str) -> str:
        escaped = text.replace("\\", "\\e").replace("-", "\\-")
        return "\n".join(
            "\\&" + line if line.startswith((".", "'")) else line for line in escaped.splitlines()
        )

    return (
        f'.TH AJEXPLORER 1 "" "ajexplorer {version}" "User Commands"\n'
        f".SH NAME\najexplorer \\- {roff(summary)}\n"
        ".SH SYNOPSIS\n.B ajexplorer\n[\\fIoptions\\fR] [\\fICOMMAND\\fR ...]\n"
        ".SH DESCRIPTION\nWith no command, the window opens. The options and commands, as "
        ".B ajexplorer \\-\\-help\nprints them:\n"
        f".PP\n.nf\n{roff(help_text)}\n.fi\n"
    )


def copyright_file(year: int) -> str:
    """DEP-5 copyright: the app's MIT licence and the licences of what the bundle carries."""
    mit = (ROOT / "packaging" / "debian" / "MIT").read_text(encoding="utf-8")
    bundled = (ROOT / "packaging" / "debian" / "copyright-bundled").read_text(encoding="utf-8")
    license_text = "\n".join(" " + line if line.strip() else " ." for line in mit.strip().splitlines())
    return (
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        "Upstream-Name: AJ Explorer\n\n"
        f"Files: *\nCopyright: {year} AJ Explorer developers\nLicense: Expat\n\n"
        f"{bundled.strip()}\n\nLicense: Expat\n{license_text}\n"
    )


def gzipped(text: str) -> bytes:
    """gzip -9n: best compression and no name or time in the header, as Debian policy asks."""
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def stage(tree: Path, bundle: Path, version: str, epoch: int) -> None:
    """Lay out the package's files under ``tree`` as they will be installed."""
    info = metainfo()
    shutil.copytree(bundle, tree / INSTALL_DIR, symlinks=True)
    for name in SYSTEM_COPIES:  # whichever of them this build collected (which depends on the build machine)
        (tree / INSTALL_DIR / "_internal" / name).unlink(missing_ok=True)
    fix_library_links(tree / INSTALL_DIR)
    (tree / "usr/bin").mkdir(parents=True)
    (tree / "usr/bin/ajexplorer").symlink_to(Path("..") / "lib" / PACKAGE / "ajexplorer")
    linux, icons = ROOT / "packaging" / "linux", ROOT / "packaging" / "icons"
    for source, target in [
        (linux / f"{APP_ID}.desktop", f"usr/share/applications/{APP_ID}.desktop"),
        (linux / f"{APP_ID}.metainfo.xml", f"usr/share/metainfo/{APP_ID}.metainfo.xml"),
        (ROOT / "packaging" / "debian" / "lintian-overrides", f"usr/share/lintian/overrides/{PACKAGE}"),
        *(
            (path, f"usr/share/icons/{path.relative_to(icons).as_posix()}")
            for path in sorted((icons / "hicolor").rglob("*"))
            if path.is_file()
        ),
    ]:
        (tree / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, tree / target)
    doc = tree / "usr/share/doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(copyright_file(datetime.fromtimestamp(epoch, UTC).year), encoding="utf-8")
    (doc / "changelog.gz").write_bytes(gzipped(changelog(info, version)))
    help_text = subprocess.run(
        [str(bundle / "ajexplorer"), "--help"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    ).stdout
    man = tree / "usr/share/man/man1"
    man.mkdir(parents=True)
    summary = (info.findtext("summary") or "").strip()
    (man / "ajexplorer.1.gz").write_bytes(gzipped(manual_page(help_text, summary, version)))


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def fix_library_links(bundle: Path) -> None:
    """Remove library search paths that name the build machine's folders (a Python built in a home folder
    leaves its own lib/ there; the bundle's own "$ORIGIN" paths stay), and have libraries that do not name the
    C library (small CPython extension modules, which take its symbols from the interpreter) name it, as a
    normal link does."""
    programs = elf_files(bundle)
    if not programs:
        return
    patchelf = shutil.which("patchelf")
    if patchelf is None:
        raise PackagingError("patchelf is needed to build the package (Debian package patchelf)")
    for path in programs:
        found = subprocess.run(
            [patchelf, "--print-rpath", str(path)], capture_output=True, text=True, check=True
        )
        paths = [entry for entry in found.stdout.strip().split(":") if entry]
        kept = [entry for entry in paths if entry.startswith("$ORIGIN")]
        if kept != paths:
            change = ["--set-rpath", ":".join(kept)] if kept else ["--remove-rpath"]
            subprocess.run([patchelf, *change, str(path)], check=True)
        if ".so" in path.name:
            needed = subprocess.run(
                [patchelf, "--print-needed", str(path)], capture_output=True, text=True, check=True
            )
            if "libc.so.6" not in needed.stdout.split():
                subprocess.run([patchelf, "--add-needed", "libc.so.6", str(path)], check=True)


def normalise(tree: Path, epoch: int) -> None:
    """Permissions as Debian wants them (0755 directories and programs, 0644 the rest) and one timestamp."""
    for path in sorted(tree.rglob("*"), reverse=True):
        if path.is_symlink():
            os.utime(path, (epoch, epoch), follow_symlinks=False)
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            executable = (
                path.stat().st_mode & 0o111 and not path.name.endswith(".so") and ".so." not in path.name
            )
            path.chmod(0o755 if executable else 0o644)
        os.utime(path, (epoch, epoch))


def control(tree: Path, version: str, architecture: str) -> str:
    size = sum(path.lstat().st_size for path in tree.rglob("*") if not path.is_dir())
    needed = (f"libc6 (>= {glibc_needed(tree / INSTALL_DIR)})", *QT_SYSTEM_PACKAGES, *SYSTEM_COPIES.values())
    depends = ", ".join(dict.fromkeys(needed))
    return (
        f"Package: {PACKAGE}\nVersion: {version}\nArchitecture: {architecture}\nMaintainer: {MAINTAINER}\n"
        f"Installed-Size: {(size + 1023) // 1024}\nDepends: {depends}\nRecommends: {', '.join(RECOMMENDS)}\n"
        f"Suggests: {', '.join(SUGGESTS)}\n"
        f"Section: education\nPriority: optional\nDescription: {control_description(metainfo())}\n"
    )


def glibc_needed(bundle: Path) -> str:
    """The newest GNU C library symbol version any program or library in the bundle asks for."""
    newest = (2, 0)
    for path in elf_files(bundle):
        data = path.read_bytes()
        for part in data.split(b"GLIBC_2.")[1:]:
            digits = part[: len(part) - len(part.lstrip(b"0123456789"))]
            if digits:
                newest = max(newest, (2, int(digits)))
    return f"{newest[0]}.{newest[1]}"


def main() -> int:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    bundle = ROOT / "dist" / "ajexplorer"
    if not (bundle / "ajexplorer").is_file():
        print(f"no onedir build at {bundle}: build it first (README, 'Standalone build')", file=sys.stderr)
        return 1
    if not any(bundle.glob("*/resources/translations/ajexplorer_*.qm")):  # beside the bundle's Python
        print(
            f"the build at {bundle} has no compiled translations: build it again with the spec",
            file=sys.stderr,
        )
        return 1
    if shutil.which("dpkg-deb") is None:
        print("dpkg-deb is needed to build the package (Debian package dpkg)", file=sys.stderr)
        return 1
    architecture = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0")) or int(datetime.now(UTC).timestamp())
    work = ROOT / "dist" / "deb"
    shutil.rmtree(work, ignore_errors=True)
    tree = work / f"{PACKAGE}_{version}_{architecture}"
    try:
        stage(tree, bundle, version, epoch)
    except PackagingError as error:
        print(f"cannot build the package: {error}", file=sys.stderr)
        return 1
    normalise(tree, epoch)
    debian = tree / "DEBIAN"
    debian.mkdir(mode=0o755)
    (debian / "control").write_text(control(tree, version, architecture), encoding="utf-8")
    sums = [
        f"{hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()}  {path.relative_to(tree).as_posix()}"
        for path in sorted(tree.rglob("*"))
        if path.is_file() and not path.is_symlink() and debian not in path.parents
    ]
    (debian / "md5sums").write_text("\n".join(sums) + "\n", encoding="utf-8")
    for path in debian.iterdir():
        path.chmod(0o644)
        os.utime(path, (epoch, epoch))
    package = ROOT / "dist" / f"{tree.name}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(tree), str(package)],
        check=True,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "SOURCE_DATE_EPOCH": str(epoch)},
    )
    shutil.rmtree(work)
    print(package)
    return 0


if __name__ == "__main__":
    sys.exit(main())
