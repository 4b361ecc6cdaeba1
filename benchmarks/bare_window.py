"""The baseline for start-up benchmarks: a bare PySide6 main window of the app's size.

With ``--report`` it prints the monotonic clock at its first paint and its peak memory, then quits; the
frozen build of this file uses the app's own spec settings (``AJ_BARE_ENTRY``).
"""

import sys
import time

STARTED = time.monotonic()  # the script reached, before any Qt import

from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402 - after the clock reading

from ajexplorer.gui.startup_report import report_first_paint  # noqa: E402

IMPORTED = time.monotonic()

if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1600, 1000)
    if "--report" in sys.argv:
        report_first_paint(window, phases=[("main", STARTED), ("imports", IMPORTED)])
    window.show()
    sys.exit(app.exec())
