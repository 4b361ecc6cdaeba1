"""The interface's language: which one, and Qt's translators for it (the app's own and Qt's shipped ones).

The language follows the system's locale unless a person chose one in View > Language. English is the
source language: it needs no translator, so an English start loads nothing. Any other language installs
the app's ``ajexplorer_<code>.qm`` and Qt's own ``qtbase_<code>.qm`` (for the file, print and colour
dialogs), and puts Qt's translate behind :func:`ajexplorer.domain.i18n.translate`.

The ``.qm`` files are built from the ``.ts`` sources under ``resources/translations/`` by
``packaging/build_translations.py`` (the frozen bundle, the Debian package and CI run it). A source
checkout that has not run it, or whose ``.ts`` changed since, gets the ``.qm`` compiled once with Qt's
``lrelease`` into the cache folder, keyed by the ``.ts`` file's digest.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from ajexplorer.domain import i18n
from ajexplorer.paths import cache_dir, resources_dir

_log = logging.getLogger("ajexplorer")

SYSTEM = "system"
ENGLISH = "en"
JAPANESE = "ja"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def translated(folder: Path | None = None) -> list[str]:
    """The languages the app has a translation for besides English, by code (``ja``): one per
    ``ajexplorer_<code>.ts`` (a source checkout) or ``.qm`` (a bundle), so a new file is a new language."""
    files = (folder or translations_dir()).glob("ajexplorer_*.[tq][sm]")
    return sorted({path.stem.removeprefix("ajexplorer_") for path in files} - {ENGLISH})


def choices() -> list[tuple[str, str]]:
    """View > Language's languages, each named in itself (a person finds theirs whatever is shown)."""
    return [(ENGLISH, "English"), *((code, QLocale(code).nativeLanguageName()) for code in translated())]


def resolve(choice: str, system: QLocale | None = None) -> str:
    """The language code to show: ``choice`` if the app has it, else the system locale's language when the
    app has that, else English."""
    available = translated()
    if choice == ENGLISH or choice in available:
        return choice
    language = (system or QLocale.system()).name().split("_")[0]
    return language if language in available else ENGLISH


def lrelease_program() -> Path | None:
    """Qt's ``lrelease``, as shipped inside the PySide6 wheel (None in a frozen bundle, which has the .qm)."""
    if getattr(sys, "frozen", False):
        return None
    import PySide6  # noqa: PLC0415 - only to find the folder of its tools

    folder = Path(PySide6.__file__).resolve().parent
    for name in ("lrelease.exe", "lrelease", "Qt/libexec/lrelease"):
        if (folder / name).is_file():
            return folder / name
    return None


def compile_translation(source: Path, target: Path) -> bool:
    """``source`` (.ts) compiled to ``target`` (.qm), written whole or not at all; False on any failure."""
    import subprocess  # noqa: PLC0415 - only a checkout compiles, once; a start in English never does

    program = lrelease_program()
    if program is None:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.{os.getpid()}.part")
    try:
        done = subprocess.run(  # noqa: S603 - Qt's own lrelease, from the installed PySide6
            [str(program), "-silent", str(source), "-qm", str(partial)],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
        if done.returncode != 0 or not partial.is_file():
            _log.warning("lrelease could not compile %s: %s", source, done.stderr.strip())
            return False
        partial.replace(target)
        return True
    except (OSError, subprocess.SubprocessError) as error:
        _log.warning("lrelease could not compile %s: %s", source, error)
        return False
    finally:
        partial.unlink(missing_ok=True)


def app_translation_file(language: str, folder: Path | None = None, cache: Path | None = None) -> Path | None:
    """The compiled translation of the app for ``language``: the built one beside its source when it is at
    least as new, else one compiled from the source into the cache (once per version of the source)."""
    folder = folder if folder is not None else translations_dir()
    source = folder / f"ajexplorer_{language}.ts"
    built = folder / f"ajexplorer_{language}.qm"
    frozen = getattr(
        sys, "frozen", False
    )  # a bundle's files carry no meaningful times: its .qm was built with it
    if built.is_file() and (
        frozen or not source.is_file() or built.stat().st_mtime >= source.stat().st_mtime
    ):
        return built
    if not source.is_file():
        return None
    import hashlib  # noqa: PLC0415 - see compile_translation

    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    cached = (
        (cache if cache is not None else cache_dir()) / "translations" / f"ajexplorer_{language}-{digest}.qm"
    )
    if cached.is_file() or compile_translation(source, cached):
        return cached
    return None


def qt_translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate(context, text, disambiguation, n)


class Translation:
    """The translators installed in the application for the language shown now (a plain class: defining a
    QObject subclass costs start-up time, and the translators are the application's children anyway)."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = ENGLISH
        #: Qt's own translation is installed too: its file, print and colour dialogs speak the language.
        self.qt_dialogs_translated = False

    def apply(self, choice: str, system: QLocale | None = None) -> bool:
        """Show the interface in ``choice`` (a code or ``system``); True if the language shown changed."""
        language = resolve(choice, system)
        if language == self.language and (language == ENGLISH or self._installed):
            return False
        for translator in self._installed:
            self._app.removeTranslator(translator)
            translator.deleteLater()
        self._installed = []
        self.qt_dialogs_translated = False
        if language != ENGLISH:
            self._install(language)
        if not self._installed:
            language = ENGLISH
        i18n.use(qt_translate if language != ENGLISH else i18n.english)
        QLocale.setDefault(QLocale("en_US" if language == ENGLISH else language))
        changed = language != self.language
        self.language = language
        return changed

    def _install(self, language: str) -> None:
        own = app_translation_file(language)
        if own is None:
            _log.warning("No translation into %s was found; the interface stays in English", language)
            return
        translator = QTranslator(self._app)
        if not translator.load(str(own)):
            _log.warning("The translation %s could not be read; the interface stays in English", own)
            return
        self._app.installTranslator(translator)
        self._installed.append(translator)
        # Qt's own, where Qt keeps them; the frozen bundle carries a copy beside the app's.
        from PySide6.QtCore import QLibraryInfo  # noqa: PLC0415 - only for a translated interface

        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        shipped = QTranslator(self._app)
        name = f"qtbase_{language}"
        if shipped.load(name, qt_folder) or shipped.load(name, str(own.parent)):
            self._app.installTranslator(shipped)
            self._installed.append(shipped)
            self.qt_dialogs_translated = True
        else:
            _log.info("Qt's own translation into %s is not installed; its dialogs stay in English", language)
