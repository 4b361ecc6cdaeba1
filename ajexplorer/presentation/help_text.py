"""The texts of the Help menu: the search syntax with examples, the shortcuts table and the About box.
Plain functions of their inputs, so the shortcuts list is made from the window's actions and cannot go stale."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from ajexplorer.domain.i18n import QT_TRANSLATE_NOOP, translate

#: (what to type, what it finds): every field and form the search understands, with an example.
SEARCH_EXAMPLES: tuple[tuple[str, str], ...] = (
    (
        "jenesys",
        QT_TRANSLATE_NOOP(
            "Help", "records whose title, acronym, text or source paragraphs contain a word starting with it"
        ),
    ),
    (
        "admm plus",
        QT_TRANSLATE_NOOP(
            "Help", "every word must match; case, accents and punctuation do not matter (= ADMM-Plus)"
        ),
    ),
    ('"mekong region"', QT_TRANSLATE_NOOP("Help", "a quoted phrase matches as a phrase")),
    ("comission", QT_TRANSLATE_NOOP("Help", "one typo is forgiven in words of five letters or more")),
    (
        "kind:event",
        QT_TRANSLATE_NOOP(
            "Help", "only events (also kind:mechanism, kind:document, kind:programme, kind:figure)"
        ),
    ),
    ("pillar:economic", QT_TRANSLATE_NOOP("Help", "only records of a pillar (a section of the source)")),
    ("year:2013", QT_TRANSLATE_NOOP("Help", "records dated in 2013")),
    ("year:2010..2015", QT_TRANSLATE_NOOP("Help", "records dated from 2010 to 2015")),
    ("place:tokyo", QT_TRANSLATE_NOOP("Help", "records that took place in Tokyo")),
    ("summit year:2013", QT_TRANSLATE_NOOP("Help", "fields and words together: all must match")),
    ("is:starred", QT_TRANSLATE_NOOP("Help", "the records you starred in your notebook (also is:noted)")),
    ("in:notes climate", QT_TRANSLATE_NOOP("Help", "only your notes")),
    (
        'collection:"Briefing for the summit"',
        QT_TRANSLATE_NOOP("Help", "the records of one of your collections"),
    ),
)


@dataclass(frozen=True, slots=True)
class Shortcut:
    """One command and the keys that run it."""

    command: str
    keys: tuple[str, ...]
    tip: str = ""


#: The keys that select the next and the previous link in the details and the source (as Qt writes them);
#: Tab leaves those panes instead.
NEXT_LINK_KEYS = ("Ctrl+Down", "N")
PREVIOUS_LINK_KEYS = ("Ctrl+Up", "P")

#: Keys inside the panes, which no menu command carries: the keys, and what they do.
PANE_KEYS = (
    (("Tab", "Shift+Tab"), QT_TRANSLATE_NOOP("Help", "Next or previous control; a page of text is one stop")),
    (NEXT_LINK_KEYS, QT_TRANSLATE_NOOP("Help", "Select the next link in the details or the source")),
    (PREVIOUS_LINK_KEYS, QT_TRANSLATE_NOOP("Help", "Select the previous link in the details or the source")),
    (("Enter",), QT_TRANSLATE_NOOP("Help", "Follow the selected link, or open the highlighted result")),
)


def pane_shortcuts() -> list[Shortcut]:
    """The keys inside the panes, for the shortcuts table after the commands'."""
    return [
        Shortcut(translate("Help", "In a pane"), keys, translate("Help", what)) for keys, what in PANE_KEYS
    ]


def search_syntax_html() -> str:
    rows = "".join(
        f"<tr><td><code>{escape(typed)}</code></td><td>{escape(translate('Help', found))}</td></tr>"
        for typed, found in SEARCH_EXAMPLES
    )
    heading = translate("Help", "Search syntax")
    about = translate(
        "Help",
        "Type in the search field (Ctrl+K or Ctrl+F); results come as you type, exact titles and acronyms "
        "first. Up and Down move through the results, Enter opens one.",
    )
    return f'<h3>{escape(heading)}</h3><p>{escape(about)}</p><table cellspacing="0" cellpadding="4">{rows}</table>'


def shortcuts_html(shortcuts: Sequence[Shortcut]) -> str:
    """A table of every command that has keys, in menu order, each key combination as the platform writes it."""
    rows = "".join(
        f"<tr><td>{escape(item.command)}</td><td><b>{escape(', '.join(item.keys))}</b></td>"
        f"<td>{escape(item.tip)}</td></tr>"
        for item in shortcuts
        if item.keys
    )
    heading = escape(translate("Help", "Keyboard shortcuts"))
    return f'<h3>{heading}</h3><table cellspacing="0" cellpadding="4">{rows}</table>'


def attribution_text(attribution: str) -> tuple[str, str]:
    """The About box's label and text for the data's attribution; an attribution that names itself
    ("Source: ...") is not labelled "Source" a second time."""
    label, colon, rest = attribution.partition(":")
    if colon and label.strip().casefold() == "source":
        return translate("Help", "Source"), rest.strip()
    return translate("Help", "Source"), attribution.strip()
