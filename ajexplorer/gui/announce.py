"""Saying what changed to assistive technology as well as painting it.

A status bar message or a changed description is only painted unless an accessibility event says so; these
helpers send that event, so a screen reader reads search outcomes, exports and the current record aloud.
"""

from __future__ import annotations

from PySide6.QtWidgets import QStatusBar, QWidget

from ajexplorer.domain.i18n import translate


def _listening(widget: QWidget) -> bool:
    """Whether assistive technology could hear about ``widget`` now. A widget not yet shown has nobody to tell
    (what it says then is read when it appears), and asking Qt first there would build QAccessible's Python
    side, enums and all, before the window's first paint."""
    if not widget.isVisible():
        return False
    from PySide6.QtGui import QAccessible  # noqa: PLC0415 - see above

    return QAccessible.isActive()


def set_description(widget: QWidget, text: str) -> None:
    """Set ``widget``'s accessible description and tell assistive technology it changed."""
    if widget.accessibleDescription() == text:
        return
    widget.setAccessibleDescription(text)
    if _listening(widget):
        from PySide6.QtGui import QAccessible, QAccessibleEvent  # noqa: PLC0415 - see _listening

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
        if not _listening(self._bar):
            return
        from PySide6 import QtGui  # noqa: PLC0415 - see _listening

        QtGui.QAccessible.updateAccessibility(
            QtGui.QAccessibleEvent(self._bar, QtGui.QAccessible.Event.NameChanged)
        )
        # Qt 6.8 added announcements proper; older Qt falls back to the status bar's name change.
        announcement = getattr(QtGui, "QAccessibleAnnouncementEvent", None)
        if announcement is not None:
            QtGui.QAccessible.updateAccessibility(announcement(self._bar, text))
