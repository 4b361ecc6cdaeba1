"""The baseline for start-up benchmarks: a bare PySide6 main window of the app's size.

With ``--report`` it prints the monotonic clock at its first paint and its peak memory, then quits; the
frozen build of this file uses the app's own spec settings (``AJ_BARE_ENTRY``).
"""

import sys

from PySide6.QtWidgets import QApplication, QMainWindow

from ajexplorer.gui.startup_report import report_first_paint

if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1600, 1000)
    if "--report" in sys.argv:
        report_first_paint(window)
    window.show()
    sys.exit(app.exec())
