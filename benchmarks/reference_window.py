"""A second start-up baseline: the app's window rebuilt from stock Qt widgets, with none of the app's code.

It has what the app shows at its first paint, in the same places: the same menus with the same items and
shortcuts (``MENUS``: 24 menu items, 13 of them with a shortcut, and the two window actions that move between
the parts: 15 actions with a shortcut, 16 key sequences), a navigation tool bar with the same four actions and a
search field, a filter tool bar, a tree of about 100 rows in a dock (with a list tabbed behind it), a painted
timeline of about 150 marks, a rich-text detail pane and a source pane (with two docks tabbed behind it), and a
status bar; ``tests/test_benchmarks.py`` holds its menus, tool bars and docks equal to the app's. Like the app,
it fills the source pane's long text just after the first paint. Its data is generated, not read. The frozen
app's first paint against this window's is the cost of the app's own code; this window's against the bare
window's is what Qt and PySide charge for a window of this shape.

With ``--report`` it prints the monotonic clock at its first paint and its peak memory, then quits; the frozen
build of this file uses the app's own spec settings (``AJ_BARE_ENTRY``).
"""

import sys
import time

STARTED = time.monotonic()  # the script reached, before any Qt import

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer  # noqa: E402 - after the clock reading
from PySide6.QtGui import (  # noqa: E402
    QAction,
    QColor,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QToolBar,
    QTreeView,
    QWidget,
)

from ajexplorer.gui.startup_report import report_first_paint  # noqa: E402

IMPORTED = time.monotonic()

LANES = 6
MARKS = 150
SENTENCE = "A body met in a year and agreed on a plan of action with its partners, "


class Timeline(QWidget):
    """Lanes of marks and labels, painted the way the app's timeline paints its own."""

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        lane_height = self.height() / LANES
        for lane in range(LANES):
            top = lane * lane_height
            painter.fillRect(QRectF(0, top, self.width(), lane_height), QColor.fromHsv(lane * 50, 30, 245))
            painter.drawText(
                QRectF(8, top, 180, lane_height), Qt.AlignmentFlag.AlignVCenter, f"Lane {lane + 1}"
            )
        for mark in range(MARKS):
            x = 200 + (mark * 37) % max(1, self.width() - 220)
            y = (mark % LANES) * lane_height + lane_height / 2
            painter.setBrush(QColor.fromHsv((mark % LANES) * 50, 160, 200))
            painter.drawEllipse(QRectF(x - 8, y - 8, 16, 16))
            if mark % 10 == 0:
                painter.drawText(
                    QRectF(x - 60, y + 10, 120, 16), Qt.AlignmentFlag.AlignCenter, f"Event {mark}"
                )
        painter.end()


def tree_model(parent: QWidget) -> QStandardItemModel:
    model = QStandardItemModel(0, 4, parent)
    model.setHorizontalHeaderLabels(["Name", "Acronym", "Since", "Events"])
    for group in range(5):
        top = QStandardItem(f"Group {group + 1}")
        for row in range(20):
            top.appendRow(
                [
                    QStandardItem(f"Mechanism {group}.{row}"),
                    QStandardItem(f"M{row}"),
                    QStandardItem(str(1973 + row)),
                    QStandardItem(str(row % 4)),
                ]
            )
        model.appendRow(top)
    return model


def detail_html() -> str:
    rows = "".join(f"<tr><td>Field {n}</td><td>Value {n}</td></tr>" for n in range(4))
    links = ", ".join(f'<a href="#r{n}">Related record {n}</a>' for n in range(8))
    return f"<h2>A record</h2><table>{rows}</table><p>{SENTENCE * 6}</p><h3>Relations</h3><p>{links}</p>"


def source_html() -> str:
    items = "".join(f"<li><p>{SENTENCE * 8}</p><p><a href='#p{n}'>Records</a></p></li>" for n in range(12))
    return f"<ol>{items}</ol>"


class FillAfterFirstPaint(QObject):
    """Sets the source pane's text once the window has painted, as the app does with its source text."""

    def __init__(self, window: QMainWindow, browser: QTextBrowser) -> None:
        super().__init__(window)
        self._browser = browser
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, lambda: self._browser.setHtml(source_html()))
        return False


def dock(window: QMainWindow, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
    """A dock holding ``widget`` in ``area``."""
    docked = QDockWidget(title, window)
    docked.setWidget(widget)
    window.addDockWidget(area, docked)
    return docked


#: The app's menus at its first paint, item by item: (menu, [(item, shortcuts)]); "dock:" items are the docks'
#: own toggles; "menu:" items are submenus (filled when opened). The export commands join the File menu only
#: after the first paint, in the app as here (not at all).
#: The app's docks (the Figures, Notebook and Chronology docks are filled after the first paint, as here).
DOCKS = ("Mechanisms", "Results", "Notebook", "Chronology", "Source", "Glossary", "Figures")
MENUS: tuple[tuple[str, list[tuple[str, list[str]]]], ...] = (
    ("&File", [("&Quit", ["Ctrl+Q"])]),
    (
        "&Edit",
        [
            ("&Undo Filter Change", ["Ctrl+Z"]),
            ("&Copy Citation", ["Ctrl+Shift+C"]),
            ("&Find", ["Ctrl+K", "Ctrl+F"]),
            ("Clear &Filters", ["Ctrl+Shift+F"]),
        ],
    ),
    (
        "&View",
        [
            *((f"dock:{title}", []) for title in DOCKS),
            ("&Fit All", ["Ctrl+0"]),
            ("Zoom &In", ["Ctrl++"]),
            ("Zoom &Out", ["Ctrl+-"]),
            ("&Zoom to Selection", ["Ctrl+E"]),
            ("&Chronology List", ["Ctrl+Shift+L"]),
        ],
    ),
    ("&Go", [("&Back", ["Alt+Left"]), ("&Forward", ["Alt+Right"]), ("menu:&History", [])]),
    (
        "&Help",
        [
            ("Timeline &Legend", []),
            ("&Keyboard Shortcuts", ["Ctrl+/"]),
            ("&Search Syntax", []),
            ("&About", []),
        ],
    ),
)
#: Actions on the window itself, in no menu (moving between the parts).
WINDOW_ACTIONS = (("Next Part", ["F6"]), ("Previous Part", ["Shift+F6"]))
#: The navigation tool bar: these actions, then the search field.
TOOLBAR = ("&Back", "&Forward", None, "&Fit All", "&Zoom to Selection", None)


def build_window() -> QMainWindow:
    window = QMainWindow()
    window.setWindowTitle("reference")
    docks: dict[str, QDockWidget] = {}
    actions: dict[str, QAction] = {}
    right = Qt.DockWidgetArea.RightDockWidgetArea
    for title in DOCKS:
        docks[title] = dock(window, title, QWidget(window), right)
    for menu_title, entries in MENUS:
        menu = window.menuBar().addMenu(menu_title)
        for item, keys in entries:
            if item.startswith("dock:"):
                menu.addAction(docks[item.removeprefix("dock:")].toggleViewAction())
                continue
            if item.startswith("menu:"):
                menu.addSeparator()
                menu.addMenu(item.removeprefix("menu:"))
                continue
            action = actions[item] = QAction(item, window)
            action.setShortcuts([QKeySequence(key) for key in keys])
            menu.addAction(action)
    for item, keys in WINDOW_ACTIONS:
        action = QAction(item, window)
        action.setShortcuts([QKeySequence(key) for key in keys])
        window.addAction(action)
    tools = QToolBar("Navigation", window)
    for name in TOOLBAR:
        if name is None:
            tools.addSeparator()
        else:
            tools.addAction(actions[name])
    search = QLineEdit(window)
    search.setPlaceholderText("Search")
    tools.addWidget(search)
    window.addToolBar(tools)
    window.addToolBarBreak()

    filters = QWidget(window)
    row = QHBoxLayout(filters)
    for items in (["All kinds", "Events"], ["All sections", "Economic"]):
        combo = QComboBox(filters)
        combo.addItems(items)
        row.addWidget(combo)
    row.addWidget(QLabel("Years", filters))
    row.addWidget(QSpinBox(filters))
    row.addWidget(QSpinBox(filters))
    row.addWidget(QPushButton("Clear filters", filters))
    row.addStretch()
    filter_tools = QToolBar("Filters", window)
    filter_tools.addWidget(filters)
    window.addToolBar(filter_tools)

    details = QTextBrowser(window)
    details.setHtml(detail_html())
    splitter = QSplitter(Qt.Orientation.Vertical, window)
    splitter.addWidget(Timeline(window))
    splitter.addWidget(details)
    splitter.setStretchFactor(0, 3)
    splitter.setStretchFactor(1, 2)
    splitter.setSizes([600, 400])
    window.setCentralWidget(splitter)

    tree = QTreeView(window)
    tree.setModel(tree_model(tree))
    tree.expandAll()
    source = QTextBrowser(window)
    FillAfterFirstPaint(window, source)
    for title, widget in (
        ("Mechanisms", tree),
        ("Results", QListView(window)),
        ("Source", source),
        ("Glossary", QTreeView(window)),
    ):
        docks[title].setWidget(widget)
    left = Qt.DockWidgetArea.LeftDockWidgetArea
    window.addDockWidget(left, docks["Mechanisms"])
    window.addDockWidget(left, docks["Results"])
    window.tabifyDockWidget(docks["Mechanisms"], docks["Results"])
    docks["Mechanisms"].raise_()
    window.tabifyDockWidget(docks["Source"], docks["Glossary"])
    window.tabifyDockWidget(docks["Glossary"], docks["Figures"])
    docks["Source"].raise_()
    window.resizeDocks([docks["Mechanisms"], docks["Source"]], [470, 440], Qt.Orientation.Horizontal)
    window.statusBar().showMessage("A record selected")
    window.resize(1600, 1000)
    return window


if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    main_window = build_window()
    if "--report" in sys.argv:
        report_first_paint(main_window, phases=[("main", STARTED), ("imports", IMPORTED)])
    main_window.show()
    sys.exit(app.exec())
