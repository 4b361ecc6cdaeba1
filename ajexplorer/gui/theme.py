"""View > Theme: follow the desktop, or the app's own light or dark palette, applied at once.

An explicit theme is a QPalette built from :data:`ajexplorer.presentation.themes.PALETTES`, so it looks the same
on every desktop and its contrast is checked by the tests. Qt 6.8 and later are also told the colour scheme, so
what the platform draws itself (title bars, native dialogs) follows where it can. Every view takes its colours
from the palette and redraws on the palette's change, so nothing is rebuilt and nobody loses their place.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QMenu, QWidget

from ajexplorer.domain.i18n import translate
from ajexplorer.gui.settings import Settings
from ajexplorer.presentation.contrast import Rgb, mix
from ajexplorer.presentation.themes import DISABLED, PALETTES, Theme

__all__ = ["ThemeMenu", "apply_theme", "palette_for", "qcolor", "restore_theme", "rgb_of"]


def rgb_of(colour: QColor, over: Rgb | None = None) -> Rgb:
    """A palette colour for :mod:`ajexplorer.presentation.contrast`; a translucent one as seen ``over`` a
    background (a desktop's placeholder text is often half-transparent black)."""
    opaque = (colour.red(), colour.green(), colour.blue())
    return opaque if over is None else mix(opaque, over, colour.alphaF())


def qcolor(colour: Rgb) -> QColor:
    return QColor(*colour)


def palette_for(theme: Theme) -> QPalette | None:
    """The explicit palette of ``theme``; None for the desktop's own."""
    table = PALETTES.get(theme)
    if table is None:
        return None
    palette = QPalette()
    for name, value in table.items():
        palette.setColor(getattr(QPalette.ColorRole, name), QColor(value))
    for name, value in DISABLED[theme].items():
        palette.setColor(QPalette.ColorGroup.Disabled, getattr(QPalette.ColorRole, name), QColor(value))
    return palette


def apply_theme(app: QGuiApplication, theme: Theme) -> None:
    """Give the whole application ``theme``'s colours now; SYSTEM hands them back to the desktop."""
    hints = app.styleHints()
    if hasattr(hints, "setColorScheme"):  # Qt 6.8 and later
        schemes = {Theme.LIGHT: Qt.ColorScheme.Light, Theme.DARK: Qt.ColorScheme.Dark}
        hints.setColorScheme(schemes.get(theme, Qt.ColorScheme.Unknown))
    palette = palette_for(theme)
    # A default palette resolves nothing: Qt goes back to the platform's, and follows the desktop again.
    app.setPalette(palette if palette is not None else QPalette())


def restore_theme(app: QGuiApplication, settings: Settings) -> None:
    """At start, before any widget: the theme last chosen, so the first paint is already in its colours.
    Following the desktop (the default) costs nothing."""
    theme = settings.theme()
    if theme is not Theme.SYSTEM:
        apply_theme(app, theme)


class ThemeMenu(QMenu):
    """System, Light and Dark as one exclusive choice.

    Signals:
    themeChosen(str): the person picked a theme (a :class:`Theme` value).
    """

    themeChosen = Signal(str)

    def __init__(self, current: Theme, parent: QWidget | None = None) -> None:
        super().__init__(translate("Theme", "&Theme"), parent)
        self.setObjectName("themeMenu")
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        self.theme_actions: dict[Theme, QAction] = {}
        for theme in Theme:
            action = self.addAction(translate("Theme", theme.menu_text))
            action.setObjectName(f"theme-{theme.value}")
            action.setCheckable(True)
            action.setChecked(theme is current)
            self._group.addAction(action)
            action.triggered.connect(lambda _checked=False, theme=theme: self.themeChosen.emit(theme.value))
            self.theme_actions[theme] = action
        self.theme_actions[Theme.SYSTEM].setStatusTip(translate("Theme", "Use the desktop's colours"))
        self.theme_actions[Theme.LIGHT].setStatusTip(translate("Theme", "Dark text on light backgrounds"))
        self.theme_actions[Theme.DARK].setStatusTip(translate("Theme", "Light text on dark backgrounds"))
