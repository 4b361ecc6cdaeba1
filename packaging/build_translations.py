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
import subprocess
import sys
import xml.etree.ElementTree as ET
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
        before = _plurals(ET.parse(ts).getroot())  # noqa: S314 - the project's own file
        command = [_tool("lupdate"), "-no-obsolete", "-locations", "none", *source_files(), "-ts", str(ts)]
        subprocess.run(command, cwd=ROOT, check=True)  # noqa: S603 - Qt's own tool on our own files
        root = ET.parse(ts).getroot()  # noqa: S314 - see above
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                # lupdate reads every "#:" comment as a note to translators; ours document the code instead.
                for comment in message.findall("extracomment"):
                    message.remove(comment)
                _make_plural(message, before.get((name, message.findtext("source") or "")))
        body = ET.tostring(root, encoding="unicode")
        ts.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8")


def _plurals(root: ET.Element) -> dict[tuple[str, str], list[str]]:
    """The finished plural translations: (context, source) to their forms."""
    found = {}
    for context in root.iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if (
                message.get("numerus") == "yes"
                and translation is not None
                and translation.get("type") is None
            ):
                forms = [form.text or "" for form in translation.iter("numerusform")]
                found[(context.findtext("name") or "", message.findtext("source") or "")] = forms
    return found


def _make_plural(message: ET.Element, finished: list[str] | None) -> None:
    """lupdate marks a plural only when the count is a literal number: every message that counts with "%n"
    or says "(s)" is one, and keeps the plural forms it was translated with."""
    source = message.findtext("source") or ""
    translation = message.find("translation")
    if ("%n" not in source and "(s)" not in source) or translation is None:
        return
    message.set("numerus", "yes")
    if translation.find("numerusform") is not None:
        return
    forms = finished if finished is not None else [translation.text or ""]
    translation.text = None
    if finished is not None:
        translation.attrib.pop("type", None)
    for text in forms:
        ET.SubElement(translation, "numerusform").text = text


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
