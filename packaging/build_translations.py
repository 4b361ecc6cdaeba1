"""The interface's translations: ``.ts`` sources under ``resources/translations/`` compiled to ``.qm``.

    python packaging/build_translations.py            compile every .ts to the .qm beside it (lrelease)
    python packaging/build_translations.py --update   first gather the app's strings into the .ts files
                                                      (lupdate), for a translator to work on

The frozen bundle (``packaging/ajexplorer.spec``), the Debian package (``make_deb.py``, through the spec) and
CI run the first form; the ``.qm`` files are built, never committed. A source checkout that has not run it
compiles a missing or stale ``.qm`` into the cache folder the first time the language is shown
(``ajexplorer.gui.i18n``). The translator's guide is ``docs/translating.md``.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
SOURCES = ROOT / "ajexplorer"


def _tool(name: str) -> str:
    """Qt's tool ``name`` as shipped inside the PySide6 wheel."""
    import PySide6  # noqa: PLC0415 - only to find its tools

    folder = Path(PySide6.__file__).resolve().parent
    for candidate in (folder / f"{name}.exe", folder / name, folder / "Qt" / "libexec" / name):
        if candidate.is_file():
            return str(candidate)
    raise SystemExit(f"Qt's {name} was not found in {folder}")


def source_files() -> list[str]:
    return sorted(str(path.relative_to(ROOT)) for path in SOURCES.rglob("*.py"))


def update() -> None:
    """Every ``translate(...)``/``QT_TRANSLATE_NOOP(...)`` of the app into each .ts, obsolete ones dropped;
    no source locations, so that moving code does not change the .ts files."""
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        command = [_tool("lupdate"), "-no-obsolete", "-locations", "none", *source_files(), "-ts", str(ts)]
        subprocess.run(command, cwd=ROOT, check=True)  # noqa: S603 - Qt's own tool on our own files
        # lupdate reads every "#:" comment as a note to translators; ours document the code instead.
        text = re.sub(
            r"\n *<extracomment>.*?</extracomment>", "", ts.read_text(encoding="utf-8"), flags=re.DOTALL
        )
        # lupdate marks a plural only when the count is a literal number; every "%n" message is one.
        text = re.sub(r"<message>(\s*<source>[^<]*%n)", r'<message numerus="yes">\1', text)
        ts.write_text(text, encoding="utf-8")


def build() -> list[Path]:
    built = []
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)  # noqa: S603 - see update
        built.append(qm)
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--update", action="store_true", help="gather the app's strings into the .ts files first"
    )
    options = parser.parse_args(argv)
    if options.update:
        update()
    for qm in build():
        print(qm.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
