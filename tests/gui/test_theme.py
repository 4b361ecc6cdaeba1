"""View > Theme: System, Light and Dark, applied at once, remembered, and legible in every view.

The contrast test reads the colours from the views themselves, through the same functions their painters call:
the timeline (and the legend, drawn by the same painter), the tree, the details and source, and the charts.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ajexplorer.domain.model import Dataset
from ajexplorer.gui import mechanism_tree
from ajexplorer.gui.app import application
from ajexplorer.gui.detail_pane import palette_colours
from ajexplorer.gui.exporting import paper_palette
from ajexplorer.gui.figures_view import FiguresView
from ajexplorer.gui.help_dialogs import LegendCanvas
from ajexplorer.gui.mainwindow import MainWindow, _AfterNextPaint
from ajexplorer.gui.settings import Settings
from ajexplorer.gui.theme import apply_theme, palette_for, restore_theme, rgb_of
from ajexplorer.gui.timeline_painter import TimelinePainter, paint, pixel_font, scene_from_dataset
from ajexplorer.presentation.contrast import AA_TEXT, contrast_ratio, rgb
from ajexplorer.presentation.themes import PALETTES, Theme
from ajexplorer.presentation.timeline_scene import GUTTER
from tests.gui.conftest import TODAY, make_window

EXPLICIT = [Theme.LIGHT, Theme.DARK]


@pytest.fixture(autouse=True)
def back_to_the_desktop() -> Iterator[None]:
    """The palette is the application's: every test here hands it back."""
    app = application()
    yield
    apply_theme(app, Theme.SYSTEM)


def ratio(text: QColor | str, background: QColor | str) -> float:
    def plain(colour: QColor | str) -> tuple[int, int, int]:
        return rgb(colour) if isinstance(colour, str) else rgb_of(colour)

    return contrast_ratio(plain(text), plain(background))


def texts_in_view(window: MainWindow) -> list[tuple[str, QColor | str, QColor | str]]:
    """(view: what, text, background) for every text colour the window's views draw, as they draw it now."""
    pairs: list[tuple[str, QColor | str, QColor | str]] = []
    lanes = len(window.dataset.sections)
    timeline = TimelinePainter(pixel_font(window.timeline.font())).colours(window.timeline.palette(), lanes)
    pairs += [(f"timeline: {what}", text, back) for what, text, back in timeline.text_on()]
    legend = LegendCanvas(window)
    legend_colours = TimelinePainter(pixel_font(legend.font())).colours(
        legend.palette(), len(legend.scene.lane_titles)
    )
    pairs += [(f"legend: {what}", text, back) for what, text, back in legend_colours.text_on()]
    tree = window.mechanisms.view
    pairs += [(f"tree: {what}", text, back) for what, text, back in mechanism_tree.text_on(tree.palette())]
    for name, pane in (("details", window.details), ("source", window.source)):
        colours = palette_colours(pane.palette())
        pairs += [(f"{name}: {what}", text, back) for what, text, back in colours.text_on()]
    charts = window.findChild(FiguresView)
    assert charts is not None
    pairs += [
        (f"charts: {what}", text, back) for what, text, back in charts.colours(charts.palette()).text_on()
    ]
    return pairs


def wait_for_theme(qtbot: QtBot, window: MainWindow, theme: Theme) -> None:
    """Qt hands a new application palette to the widgets through posted events."""
    views = [
        window.timeline,
        window.mechanisms.view,
        window.details,
        window.source,
        window.findChild(FiguresView),
    ]

    def arrived() -> bool:
        return all(
            view is not None
            and view.palette().color(QPalette.ColorRole.Highlight).name() == PALETTES[theme]["Highlight"]
            for view in views
        )

    qtbot.waitUntil(arrived)


@pytest.mark.parametrize("theme", EXPLICIT)
def test_every_text_in_every_view_meets_wcag_aa(
    qtbot: QtBot, dataset: Dataset, settings_file: Path, theme: Theme, capsys: pytest.CaptureFixture[str]
) -> None:
    """Timeline (lane titles, labels lit and dimmed, bar captions, badges, axis), legend, tree, details, source
    and charts: 4.5:1 or better for every text, dimmed text included."""
    window = make_window(qtbot, dataset, settings_file)
    window.choose_theme(theme.value)
    wait_for_theme(qtbot, window, theme)
    pairs = texts_in_view(window)
    assert len(pairs) > 60
    failing = [
        (what, round(ratio(text, back), 2)) for what, text, back in pairs if ratio(text, back) < AA_TEXT
    ]
    assert failing == []
    weakest = min(pairs, key=lambda pair: ratio(pair[1], pair[2]))
    with capsys.disabled():
        print(f"\n{theme.value}: lowest contrast {ratio(weakest[1], weakest[2]):.2f}:1 ({weakest[0]})")


@pytest.mark.parametrize("theme", EXPLICIT)
def test_dimmed_labels_are_drawn_legible(dataset: Dataset, theme: Theme) -> None:
    """With everything dimmed (a search nothing matches), the labels as painted still reach 4.5:1: the darkest
    (or lightest) pixel of each label against its lane."""
    application()
    palette = palette_for(theme)
    assert palette is not None
    scene = scene_from_dataset(dataset, TODAY, matches=frozenset())
    size = QSize(1400, int(scene.full_height()))
    image = QImage(size, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    font = pixel_font(QApplication.font())
    paint(painter, QRectF(0, 0, size.width(), size.height()), scene, palette, font)
    painter.end()
    timeline = TimelinePainter(font)
    geometry = scene.geometry(size.width(), size.height())
    frame = timeline.layout(scene, geometry)
    colours = timeline.colours(palette, len(scene.lane_titles))
    assert frame.labels
    for label in frame.labels[:40]:
        background = rgb_of(colours.lane_background[label.lane])
        top = int(geometry.label_y(label.lane, label.row))
        left = int(label.x + GUTTER)
        best = max(
            contrast_ratio(rgb_of(image.pixelColor(x, y)), background)
            for x in range(left, min(left + int(label.width), size.width()))
            for y in range(top, top + 14)
        )
        assert best >= AA_TEXT - 0.05, (label.text, best)


def test_choosing_a_theme_applies_at_once_keeps_the_place_and_is_remembered(
    qtbot: QtBot, dataset: Dataset, settings_file: Path
) -> None:
    window = make_window(qtbot, dataset, settings_file)
    richest = max(dataset.records.values(), key=lambda record: len(record.paragraphs))
    window.navigator.go(richest.id)
    window.details.browser.setFixedHeight(120)  # short enough to scroll
    window.search_field.setText(richest.title.split()[0])
    window.search_field.flush()
    qtbot.waitUntil(lambda: window.results.model.rowCount() > 0)
    # The rest of a long list follows the first screenful's paint.
    qtbot.wait(3 * _AfterNextPaint.PAINT_WAIT_MS)
    qtbot.waitUntil(lambda: window.details.browser.verticalScrollBar().maximum() > 0)
    scroll = window.details.browser.verticalScrollBar()
    scroll.setValue(scroll.maximum() // 2 + 1)
    place = (
        window.navigator.current,
        scroll.value(),
        window.timeline.visible_extent(),
        window.search_field.text(),
        window.results.model.rowCount(),
    )
    menu = window.theme_menu
    assert menu.menuAction() in window.view_menu.actions()
    assert menu.theme_actions[Theme.SYSTEM].isChecked()
    desktop = QApplication.palette().color(QPalette.ColorRole.Window).name()

    menu.theme_actions[Theme.DARK].trigger()
    assert QApplication.palette().color(QPalette.ColorRole.Window).name() == PALETTES[Theme.DARK]["Window"]
    wait_for_theme(qtbot, window, Theme.DARK)
    assert "#e6e6e6" in window.details.browser.toHtml()  # the page was redrawn in the dark colours
    assert (
        window.navigator.current,
        scroll.value(),
        window.timeline.visible_extent(),
        window.search_field.text(),
        window.results.model.rowCount(),
    ) == place
    assert menu.theme_actions[Theme.DARK].isChecked() and not menu.theme_actions[Theme.SYSTEM].isChecked()
    assert Settings(settings_file).theme() is Theme.DARK

    menu.theme_actions[Theme.SYSTEM].trigger()
    assert QApplication.palette().color(QPalette.ColorRole.Window).name() == desktop
    assert Settings(settings_file).theme() is Theme.SYSTEM


def test_a_saved_theme_is_applied_before_the_window_and_ticked_in_its_menu(
    qtbot: QtBot, dataset: Dataset, settings_file: Path
) -> None:
    app = application()
    Settings(settings_file).set_theme(Theme.LIGHT)
    restore_theme(app, Settings(settings_file))
    assert app.palette().color(QPalette.ColorRole.Highlight).name() == PALETTES[Theme.LIGHT]["Highlight"]
    window = make_window(qtbot, dataset, settings_file)
    assert window.theme_menu.theme_actions[Theme.LIGHT].isChecked()
    assert window.palette().color(QPalette.ColorRole.Highlight).name() == PALETTES[Theme.LIGHT]["Highlight"]


def test_following_the_desktop_leaves_its_palette_untouched(settings_file: Path) -> None:
    app = application()
    before = app.palette().cacheKey()
    restore_theme(app, Settings(settings_file))  # nothing saved: the desktop's colours, and no work at start
    assert app.palette().cacheKey() == before


def test_a_desktop_palette_that_falls_short_is_made_legible(qtbot: QtBot, dataset: Dataset) -> None:
    """Under System the desktop's colours are used, but text the app draws itself is moved to 4.5:1: here
    half-transparent placeholder text (as Qt's own default palette has), a faint text colour and a pale
    highlight."""
    app = application()
    palette = QPalette(app.palette())
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f7f7f7"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#9a9a9a"))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(0, 0, 0, 128))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#6fb2ff"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Link, QColor("#7aa7ff"))
    assert ratio(palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)) < AA_TEXT
    charts = FiguresView()
    qtbot.addWidget(charts)
    pairs: list[tuple[str, QColor | str, QColor | str]] = [
        *TimelinePainter(pixel_font(app.font())).colours(palette, len(dataset.sections)).text_on(),
        *charts.colours(palette).text_on(),
        *palette_colours(palette).text_on(),
        mechanism_tree.text_on(palette)[-1],  # the badges the tree draws (its rows are the desktop's)
    ]
    assert [
        (what, round(ratio(text, back), 2)) for what, text, back in pairs if ratio(text, back) < AA_TEXT
    ] == []


def test_paper_stays_light_and_legible_under_the_dark_theme(qtbot: QtBot, dataset: Dataset) -> None:
    """Exports and prints made while Dark is on are drawn in the Light palette, whose text is checked."""
    app = application()
    apply_theme(app, Theme.DARK)
    paper = paper_palette(app.palette())
    assert paper.color(QPalette.ColorRole.Base).name() == PALETTES[Theme.LIGHT]["Base"]
    pairs: list[tuple[str, QColor | str, QColor | str]] = [
        *TimelinePainter(pixel_font(app.font())).colours(paper, len(dataset.sections)).text_on(),
        *palette_colours(paper).text_on(),
    ]
    assert min(ratio(text, back) for _what, text, back in pairs) >= AA_TEXT
