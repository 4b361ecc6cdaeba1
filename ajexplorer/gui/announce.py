"""Saying what changed to assistive technology as well as painting it.

A status bar message or a changed description is only painted unless an accessibility event says so; these
helpers send that event, so a screen reader reads search outcomes, exports and the current record aloud.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QStatusBar, QWidget

from ajexplorer.domain.i18n import translate

try:  # Qt 6.8 added announcements proper; older Qt falls back to the status bar's name change
    from PySide6.QtGui import QAccessibleAnnouncementEvent as _Announcement
except ImportError:  # pragma: no cover - depends on the Qt version installed
    _Announcement = None  # type: ignore[assignment,misc]


def set_description(widget: QWidget, text: str) -> None:
    """Set ``widget``'s accessible description and tell assistive technology it changed."""
    if widget.accessibleDescription() == text:
        return
    widget.setAccessibleDescription(text)
    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.DescriptionChanged))


class Announcer:
    """The one way the main window puts a message in the status bar: shown, and spoken.

    Qt names a status bar by its current message; the name-changed event (and, where Qt has it, an
    announcement) makes a screen reader read the message when it appears.
    """

    def __init__(self, status_bar: QStatusBar) -> None:
        self._bar = status_bar
        self._bar.setAccessibleDescription(translate("StatusBar", "Status"))

    def say(self, text: str, timeout_ms: int = 0) -> None:
        self._bar.showMessage(text, timeout_ms)
        if not QAccessible.isActive():
            return
        QAccessible.updateAccessibility(QAccessibleEvent(self._bar, QAccessible.Event.NameChanged))
        if _Announcement is not None:
            QAccessible.updateAccessibility(_Announcement(self._bar, text))
