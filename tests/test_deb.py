"""The Debian package's contents, laid out from a stand-in bundle: where each file goes, the control fields, the
changelog and copyright Debian policy asks for. packaging/check_deb.sh builds the real package from the onedir
build, runs lintian, installs, launches and removes it (CI runs it)."""

from __future__ import annotations

import gzip
import re
import stat
import tomllib
from email.utils import parsedate_to_datetime
from pathlib import Path
from types import ModuleType

import pytest

from tests.packaging_modules import load_packaging_module

ROOT = Path(__file__).resolve().parent.parent
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
APP_ID = "org.ajexplorer.AJExplorer"
HELP = """usage: ajexplorer [-h] [--data DIR]

options:
  --data DIR    open another dataset folder
.a line starting with a dot
"""


@pytest.fixture(scope="module")
def deb() -> ModuleType:
    return load_packaging_module("make_deb")


@pytest.fixture
def tree(deb: ModuleType, tmp_path: Path) -> Path:
    """The package's files as make_deb lays them out around a stand-in bundle that only prints its help."""
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    program = bundle / "ajexplorer"
    program.write_text(f"#!/bin/sh\ncat <<'EOF'\n{HELP}EOF\n", encoding="utf-8")
    program.chmod(0o700)
    for name in deb.SYSTEM_COPIES:
        (bundle / "_internal" / name).write_bytes(b"")
    (bundle / "_internal" / "libQt6Core.so.6").write_bytes(b"")
    root = tmp_path / "tree"
    deb.stage(root, bundle, VERSION, 1_700_000_000)
    deb.normalise(root, 1_700_000_000)
    return root


def package_list(text: str) -> list[str]:
    return re.findall(r"\b(?:lib[\w.+-]+|fonts-[\w-]+)", text)


def test_the_package_depends_on_exactly_the_qt_system_libraries_the_readme_lists(deb: ModuleType) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = (
        readme.split("### System packages Qt needs on Linux", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    )
    assert list(deb.QT_SYSTEM_PACKAGES) == package_list(block)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert set(deb.QT_SYSTEM_PACKAGES) <= set(package_list(ci))


def test_the_program_is_installed_privately_and_run_from_the_path_the_menu_entry_uses(tree: Path) -> None:
    link = tree / "usr/bin/ajexplorer"
    assert link.is_symlink() and not Path(link.readlink()).is_absolute()  # relative, as Debian wants
    assert link.resolve() == (tree / "usr/lib/ajexplorer/ajexplorer").resolve()
    entry = (tree / f"usr/share/applications/{APP_ID}.desktop").read_text(encoding="utf-8")
    command = re.search(r"^Exec=(\S+)", entry, re.MULTILINE)
    assert command is not None and (tree / "usr/bin" / command.group(1)) == link
    assert (tree / f"usr/share/metainfo/{APP_ID}.metainfo.xml").is_file()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        assert (tree / f"usr/share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png").is_file()
    assert (tree / f"usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg").is_file()


def test_bundled_copies_of_debian_libraries_are_left_to_the_system(deb: ModuleType, tree: Path) -> None:
    private = tree / "usr/lib/ajexplorer/_internal"
    assert (private / "libQt6Core.so.6").is_file()
    for name in deb.SYSTEM_COPIES:
        assert not (private / name).exists()
    control = deb.control(tree, VERSION, "amd64")
    depends = re.search(r"^Depends: (.*)$", control, re.MULTILINE)
    assert depends is not None
    for dependency in [*deb.SYSTEM_COPIES.values(), *deb.QT_SYSTEM_PACKAGES]:
        assert dependency in depends.group(1).split(", ")


def test_files_have_the_permissions_debian_expects(tree: Path) -> None:
    modes = {
        path.relative_to(tree).as_posix(): stat.S_IMODE(path.lstat().st_mode)
        for path in tree.rglob("*")
        if not path.is_symlink()
    }
    assert modes["usr/lib/ajexplorer/ajexplorer"] == 0o755
    assert modes["usr/lib/ajexplorer/_internal/libQt6Core.so.6"] == 0o644
    assert all(mode == 0o755 for path, mode in modes.items() if (tree / path).is_dir())
    assert set(modes.values()) == {0o755, 0o644}


def test_the_control_description_is_the_metainfo_summary_and_text(deb: ModuleType, tree: Path) -> None:
    control = deb.control(tree, VERSION, "amd64")
    fields = dict(re.findall(r"^([A-Z][\w-]+): (.*)$", control, re.MULTILINE))
    assert fields["Package"] == "ajexplorer" and fields["Version"] == VERSION
    summary = fields["Description"]
    assert summary in (ROOT / "packaging" / "linux" / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    assert len(summary) < 80
    extended = control.split("Description: ", 1)[1].splitlines()[1:]
    assert extended and all(line.startswith(" ") and len(line) <= 80 for line in extended)
    assert " ." in extended and "It works fully offline" in control
    assert any(line.startswith("  * ") for line in extended)  # list items indented, shown as written


def test_changelog_is_compressed_as_policy_asks_and_names_this_version(tree: Path) -> None:
    raw = (tree / "usr/share/doc/ajexplorer/changelog.gz").read_bytes()
    assert raw[4:8] == b"\0\0\0\0" and raw[8] == 2  # gzip -9n: no timestamp, best compression
    text = gzip.decompress(raw).decode("utf-8")
    header = re.match(r"ajexplorer \(([^)]+)\) unstable; urgency=medium\n\n  \* ", text)
    assert header is not None and header.group(1) == VERSION
    trailer = re.search(r"^ -- (.+ <[^>]+>)  (.+)$", text, re.MULTILINE)
    assert trailer is not None
    assert parsedate_to_datetime(trailer.group(2)).year >= 2026


def test_the_changelog_refuses_a_metainfo_that_lacks_this_release(deb: ModuleType) -> None:
    with pytest.raises(deb.PackagingError, match=r"metainfo\.xml: the newest <release> must be version 9\.9"):
        deb.changelog(deb.metainfo(), "9.9")


def test_copyright_is_machine_readable_and_every_licence_it_names_is_given(tree: Path) -> None:
    text = (tree / "usr/share/doc/ajexplorer/copyright").read_text(encoding="utf-8")
    assert text.startswith("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n")
    paragraphs = text.strip().split("\n\n")
    assert paragraphs[1].startswith("Files: *\n") and "License: Expat" in paragraphs[1]
    named: set[str] = set()
    given: set[str] = set()
    for paragraph in paragraphs[1:]:
        match = re.search(r"^License: (.+)$", paragraph, re.MULTILINE)
        assert match is not None, paragraph
        has_text = "\n " in paragraph.split(match.group(0), 1)[1]
        (given if has_text else named).add(match.group(1))
    assert named <= given


def test_the_manual_page_is_the_programs_help_in_roff(tree: Path) -> None:
    page = gzip.decompress((tree / "usr/share/man/man1/ajexplorer.1.gz").read_bytes()).decode("utf-8")
    assert page.startswith(f'.TH AJEXPLORER 1 "" "ajexplorer {VERSION}"')
    assert "\\-\\-data DIR    open another dataset folder" in page
    assert "\n\\&.a line starting with a dot" in page  # not read as a roff request
