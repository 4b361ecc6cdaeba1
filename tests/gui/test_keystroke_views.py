"""What one keystroke changes, done only where it can be seen: the same outcome as doing it all at once.

Views out of sight (a dock tabbed away) catch up when shown; the source highlights the search words only
around the screen, exactly where the full page would; the results list shows its first screenful with the
keystroke and fills after it.
"""

from __future__ import annotations

import re
from collections import Counter
from html import unescape

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from ajexplorer.domain.model import Dataset
from ajexplorer.domain.search import words_of
from ajexplorer.gui.detail_pane import DetailPane, palette_colours
from ajexplorer.gui.mainwindow import FIRST_RESULTS, RESULTS_LIMIT, MainWindow
from ajexplorer.gui.mechanism_tree import MechanismModel, MechanismPanel
from ajexplorer.gui.source_view import SourceView
from ajexplorer.gui.theme import palette_for
from ajexplorer.gui.visibility import out_of_sight
from ajexplorer.presentation.detail_html import make_marker, source_html
from ajexplorer.presentation.mechanism_tree import build_tree
from ajexplorer.presentation.search_text import results_message
from ajexplorer.presentation.themes import Theme
from tests.gui.conftest import shown_in_tree


def common_words(dataset: Dataset, count: int) -> list[str]:
    """The source's most frequent longer words, most frequent first."""
    words = Counter(
        word
        for paragraph in dataset.paragraphs.values()
        for word in words_of(paragraph.text)
        if len(word) > 4
    )
    return [word for word, _n in words.most_common(count)]


def type_and_settle(window: MainWindow, qtbot: QtBot, text: str) -> None:
    window.focus_search()
    qtbot.keyClicks(window.search_field, text)
    window.search_field.flush()


# --- views out of sight -------------------------------------------------------------------------------------


def test_a_tree_tabbed_away_shows_the_search_once_brought_forward(
    window: MainWindow, qtbot: QtBot, dataset: Dataset
) -> None:
    everything = shown_in_tree(MechanismPanel(MechanismModel(build_tree(dataset), window.palette())))

    def filtered(word: str) -> list[str]:
        matches = window.search_index.matching_ids(word)
        reference = MechanismPanel(MechanismModel(build_tree(dataset), window.palette()))
        reference.set_external_filter(lambda record: record.id in matches)  # not in a shown window: at once
        return shown_in_tree(reference)

    word, expected = next(
        (word, shown)
        for word in common_words(dataset, 60)
        if (shown := filtered(word)) and shown != everything
    )
    type_and_settle(window, qtbot, word)
    assert out_of_sight(window.mechanisms)  # the results came forward over the tree
    assert shown_in_tree(window.mechanisms) == expected  # brings the tree forward, as a person would


def test_a_source_tabbed_away_highlights_the_search_once_brought_forward(
    window: MainWindow, qtbot: QtBot, dataset: Dataset
) -> None:
    window.glossary_dock.raise_()
    qtbot.waitUntil(lambda: out_of_sight(window.source), timeout=2000)
    word = common_words(dataset, 1)[0]
    type_and_settle(window, qtbot, word)
    window.source_dock.raise_()
    qtbot.waitUntil(lambda: not out_of_sight(window.source), timeout=2000)
    highlighted = window.source.highlighted()
    assert highlighted and all(text.casefold().startswith(word) for _n, _at, text in highlighted)
    qtbot.keyClick(window.search_field, "\x1b")  # Escape: the search is cleared, and so is the highlight
    window.search_field.clear()
    window.search_field.flush()
    assert window.source.highlighted() == []


def test_a_source_tabbed_away_shows_the_selection_once_brought_forward(
    window: MainWindow, qtbot: QtBot, dataset: Dataset
) -> None:
    cited = [record for record in dataset.records.values() if record.paragraphs]
    first = max(cited, key=lambda record: min(record.paragraphs))
    other = min(cited, key=lambda record: min(record.paragraphs))
    bar = window.source.browser.verticalScrollBar()
    window.navigator.go(first.id)
    in_view = bar.value()
    page = window.source.browser.toHtml()
    window.navigator.go(other.id)
    assert bar.value() != in_view
    window.glossary_dock.raise_()
    qtbot.waitUntil(lambda: out_of_sight(window.source), timeout=2000)
    window.navigator.go(first.id)
    window.source_dock.raise_()
    qtbot.waitUntil(lambda: not out_of_sight(window.source), timeout=2000)
    assert window.source.browser.toHtml() == page  # its paragraphs marked
    assert bar.value() == in_view  # the first of them brought into view


def test_selecting_a_record_tints_its_paragraphs_and_no_others_on_the_same_page(
    window: MainWindow, dataset: Dataset
) -> None:
    """A click tints the selected record's paragraphs over the page already shown (at 100,000 records building
    the page again took 80 ms), as a page rendered for that record would; a new palette keeps the tint."""
    cited = sorted((r for r in dataset.records.values() if r.paragraphs), key=lambda r: sorted(r.paragraphs))
    first, last = cited[0], cited[-1]
    assert set(first.paragraphs) != set(last.paragraphs)
    window.navigator.go(first.id)
    assert window.source.marked() == set(first.paragraphs)
    page = window.source.browser.document()
    window.navigator.go(last.id)
    assert window.source.marked() == set(last.paragraphs)
    assert window.source.browser.document() is page
    colour = palette_colours(window.source.palette()).selected_paragraph
    shown = window.source.browser.toHtml()
    assert shown.count(f'bgcolor="{colour}"') == len(set(last.paragraphs))
    dark = palette_for(Theme.DARK)
    assert dark is not None
    window.setPalette(dark)
    colour = palette_colours(window.source.palette()).selected_paragraph
    assert window.source.marked() == set(last.paragraphs)
    assert window.source.browser.toHtml().count(f'bgcolor="{colour}"') == len(set(last.paragraphs))


# --- the source: highlighted around the screen, exactly as the whole page --------------------------------------


def full_page_highlights(dataset: Dataset, view: QWidget, words: list[str]) -> Counter[tuple[int, str]]:
    """Each paragraph's highlighted words in the page rendered with the words marked in its HTML."""
    colours = palette_colours(view.palette())
    html = source_html(dataset, None, make_marker(dataset, words), colours)
    span = re.compile(rf'<span style="background-color:{re.escape(colours.highlight)};[^"]*">(.*?)</span>')
    found: Counter[tuple[int, str]] = Counter()
    for chunk in html.split('<a name="p')[1:]:
        number = int(chunk.split('"', 1)[0])
        found.update((number, unescape(text)) for text in span.findall(chunk))
    return found


@pytest.fixture
def source(qtbot: QtBot, dataset: Dataset) -> SourceView:
    view = SourceView(dataset)
    qtbot.addWidget(view)
    view.resize(460, 600)
    view.show()
    qtbot.waitExposed(view)
    view.release()
    return view


def scrolled_through(view: SourceView) -> Counter[tuple[int, str]]:
    """Every highlight met while paging from the top of the page to its end."""
    bar = view.browser.verticalScrollBar()
    seen: dict[int, tuple[int, str]] = {}
    bar.setValue(0)
    while True:
        seen.update({at: (number, text) for number, at, text in view.highlighted()})
        if bar.value() >= bar.maximum():
            return Counter(seen.values())
        bar.setValue(bar.value() + bar.pageStep())


def test_highlighting_on_screen_marks_what_the_whole_page_would(source: SourceView, dataset: Dataset) -> None:
    common = common_words(dataset, 4)
    acronym = next(entry.acronym for entry in dataset.glossary)
    for words in ([common[0]], [common[1][:3]], common[2:4], [acronym.casefold()], [acronym[:2].casefold()]):
        source.set_highlight(words)
        expected = full_page_highlights(dataset, source, words)
        assert expected  # the words are in the source
        assert scrolled_through(source) == expected, words
    source.set_highlight([])
    assert source.highlighted() == []


def test_only_the_paragraphs_around_the_screen_are_highlighted(source: SourceView, dataset: Dataset) -> None:
    word = common_words(dataset, 1)[0]
    source.set_highlight([word])
    paragraphs = {number for number, _at, _text in source.highlighted()}
    everywhere = {number for number, _text in full_page_highlights(dataset, source, [word])}
    assert paragraphs and paragraphs < everywhere


# --- results: the first screenful at once, the rest after ------------------------------------------------------


def test_the_results_list_fills_after_its_first_screenful(
    window: MainWindow, qtbot: QtBot, dataset: Dataset
) -> None:
    index = window.search_index
    word = next(
        word for word in common_words(dataset, 40) if index.search(word, limit=1).total > FIRST_RESULTS
    )
    full = index.search(word, limit=RESULTS_LIMIT)
    window.focus_search()
    window.search_field.setText(word)
    window.search_field.flush()
    assert window.results.model.rowCount() == FIRST_RESULTS
    assert window.results.message.text() == results_message(full)  # says at once how many it will list
    window.results.move(1)  # the person moves down before the rest arrives: the current row stays
    qtbot.waitUntil(lambda: window.results.model.rowCount() > FIRST_RESULTS, timeout=3000)
    model = window.results.model
    assert [model.hit(row).record_id for row in range(model.rowCount())] == [
        hit.record_id for hit in full.hits
    ]
    assert window.results.view.currentIndex().row() == 1
    assert window.results.message.text() == results_message(full)


# --- details: only the blocks whose highlight changed are restyled ---------------------------------------------


def test_the_details_highlight_each_keystroke_as_a_fresh_page_would(qtbot: QtBot, dataset: Dataset) -> None:
    pane = DetailPane(dataset)
    qtbot.addWidget(pane)
    record = max(dataset.records.values(), key=lambda record: len(record.summary) + len(record.paragraphs))
    pane.show_record(record.id)
    word = common_words(dataset, 1)[0]
    for typed in [word[:n] for n in range(1, len(word) + 1)] + [word[:2], ""]:
        pane.set_highlight(typed.split())
        fresh = DetailPane(dataset)
        fresh.set_highlight(typed.split())
        fresh.show_record(record.id)
        assert pane.browser.toHtml() == fresh.browser.toHtml(), typed
