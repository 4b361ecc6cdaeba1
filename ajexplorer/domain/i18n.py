"""The one seam through which the application's own words pass on their way to a person, without Qt.

Every user-visible string is written as ``translate("Context", "English text")`` (a plural as
``translate("Context", "%n record(s)", None, count)``), in the domain and presentation layers as in the Qt
layer, so that ``pyside6-lupdate`` finds them all under one name. Here, with no translator in use, the text
comes back in English with ``%n`` replaced by the count. The Qt layer (``ajexplorer.gui.i18n``) puts
``QCoreApplication.translate`` in use when it installs a translation, just as Qt's own translators are
installed for the whole application; nothing else calls :func:`use`.

Values go into a translated text through named fields (``"Opened {folder}"``, then ``.format(folder=...)``),
never into the text before it is translated, so a translator sees whole sentences and may reorder them.
Exports and the command line keep their stable English formats: they do not call this.
"""

from __future__ import annotations

from collections.abc import Callable

#: (context, source text, disambiguation, count for %n; -1 for none) -> the text to show.
Translate = Callable[[str, str, str | None, int], str]


def english(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """The source text itself, with ``%n`` as the count and "(s)" resolved, as Qt shows untranslated text."""
    del context, disambiguation
    if n < 0:
        return text
    return text.replace("%n", str(n)).replace("(s)", "" if n == 1 else "s")


_in_use: list[Translate] = [english]


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the interface's language (English when no translation is in use)."""
    return _in_use[0](context, text, disambiguation, n)


def use(translator: Translate) -> Translate:
    """Put ``translator`` in use for every later call; returns the one it replaces (to restore it)."""
    previous = _in_use[0]
    _in_use[0] = translator
    return previous


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name pyside6-lupdate looks for
    """Marks ``text`` for extraction where it is stored (a table of labels); translated when shown, with
    ``translate(context, text)``."""
    del context
    return text
