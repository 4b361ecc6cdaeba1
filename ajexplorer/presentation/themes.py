"""The window's themes: follow the desktop, or an explicit light or dark palette from a small table.

The tables are plain data (palette role names to ``#rrggbb``) so that their contrast is checked without Qt and the
same colours come out on every desktop; the Qt layer turns them into a palette (``gui/theme.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from ajexplorer.domain.i18n import QT_TRANSLATE_NOOP


class Theme(StrEnum):
    """The person's choice in View > Theme, as kept in the settings."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"

    @property
    def menu_text(self) -> str:
        return _TITLES[self]


_TITLES = {
    Theme.SYSTEM: QT_TRANSLATE_NOOP("Theme", "&System"),
    Theme.LIGHT: QT_TRANSLATE_NOOP("Theme", "&Light"),
    Theme.DARK: QT_TRANSLATE_NOOP("Theme", "&Dark"),
}

#: What each role holds, by QPalette.ColorRole name. Every text role meets WCAG AA (4.5:1) on the background
#: it is drawn on, and the highlight's hue seeds the timeline's lane colours.
PALETTES: Mapping[Theme, Mapping[str, str]] = {
    Theme.LIGHT: {
        "Window": "#efefef",
        "WindowText": "#1b1b1b",
        "Base": "#ffffff",
        "AlternateBase": "#f4f4f4",
        "Text": "#1b1b1b",
        "Button": "#e8e8e8",
        "ButtonText": "#1b1b1b",
        "BrightText": "#ffffff",
        "Highlight": "#1f5fbf",
        "HighlightedText": "#ffffff",
        "Link": "#0b57d0",
        "LinkVisited": "#6a1b9a",
        "ToolTipBase": "#fffbe0",
        "ToolTipText": "#1b1b1b",
        "PlaceholderText": "#5e5e5e",
        "Light": "#ffffff",
        "Midlight": "#f6f6f6",
        "Mid": "#b8b8b8",
        "Dark": "#9a9a9a",
        "Shadow": "#6e6e6e",
    },
    Theme.DARK: {
        "Window": "#262626",
        "WindowText": "#e6e6e6",
        "Base": "#1b1b1b",
        "AlternateBase": "#232323",
        "Text": "#e6e6e6",
        "Button": "#333333",
        "ButtonText": "#e6e6e6",
        "BrightText": "#ffffff",
        "Highlight": "#2f6fd0",
        "HighlightedText": "#ffffff",
        "Link": "#8ab4f8",
        "LinkVisited": "#c58af9",
        "ToolTipBase": "#333333",
        "ToolTipText": "#e6e6e6",
        "PlaceholderText": "#a6a6a6",
        "Light": "#4a4a4a",
        "Midlight": "#3a3a3a",
        "Mid": "#5a5a5a",
        "Dark": "#151515",
        "Shadow": "#000000",
    },
}

#: Disabled controls: greyed as people expect (WCAG asks no contrast of what cannot be used).
DISABLED: Mapping[Theme, Mapping[str, str]] = {
    Theme.LIGHT: {
        "WindowText": "#8c8c8c",
        "Text": "#8c8c8c",
        "ButtonText": "#8c8c8c",
        "Highlight": "#a9a9a9",
    },
    Theme.DARK: {"WindowText": "#7a7a7a", "Text": "#7a7a7a", "ButtonText": "#7a7a7a", "Highlight": "#4a4a4a"},
}

#: Text roles and the backgrounds they are drawn on, for checking a table.
TEXT_ON = (
    ("WindowText", "Window"),
    ("Text", "Base"),
    ("Text", "AlternateBase"),
    ("ButtonText", "Button"),
    ("HighlightedText", "Highlight"),
    ("Link", "Base"),
    ("LinkVisited", "Base"),
    ("ToolTipText", "ToolTipBase"),
    ("PlaceholderText", "Base"),
)


def parse_theme(value: object) -> Theme:
    """A stored choice; anything odd means following the desktop."""
    try:
        return Theme(value) if isinstance(value, str) else Theme.SYSTEM
    except ValueError:
        return Theme.SYSTEM
