"""Arbitrary record text in the detail pane: shown as text, never interpreted, nothing loaded."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot

from ajexplorer.domain.loading import load_dataset
from ajexplorer.domain.model import Dataset
from ajexplorer.gui.browser import SafeBrowser
from ajexplorer.paths import data_dir
from ajexplorer.presentation.detail_html import Colours, make_marker, record_html

MARKUP = st.sampled_from(
    [
        "<b>",
        "</p>",
        "<img src='file:///etc/passwd'>",
        "<a href='javascript:alert(1)'>x</a>",
        "&amp;",
        "&#x3c;",
        "<style>body{display:none}</style>",
        "<script>",
        "<!--",
        "]]>",
        "\u202e",
        "\x00",
        "JAIF",
        "<table>",
    ]
)
TEXT = st.lists(st.one_of(st.text(max_size=20), MARKUP), max_size=12).map("".join)


@cache
def bundled() -> Dataset:
    return load_dataset(data_dir())


def squash(text: str) -> str:
    """Text as compared: whitespace and control characters dropped (the renderer may show them as spaces)."""
    return "".join(ch for ch in text if ch.isprintable() and not ch.isspace() and ch != "\u202e")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=TEXT, summary=TEXT)
def test_any_text_is_shown_as_text(qtbot: QtBot, title: str, summary: str) -> None:
    dataset = bundled()
    loaded: list[str] = []

    class Watching(SafeBrowser):
        def loadResource(self, type: int, name: QUrl | str) -> object:
            loaded.append(str(name))
            return super().loadResource(type, name)

    browser = Watching()
    qtbot.addWidget(browser)
    record = replace(dataset.records["m-jaif"], title=title or "x", summary=summary or "x")
    browser.setHtml(record_html(dataset, record, make_marker(dataset), Colours()))
    shown = squash(browser.toPlainText())
    for part in (title, summary):
        assert squash(part) in shown
    block = browser.document().begin()
    while block.isValid():
        for span in block.textFormats():
            assert not span.format.isImageFormat()
            if span.format.isAnchor():
                assert span.format.anchorHref().startswith("aj:"), span.format.anchorHref()
        block = block.next()
    assert loaded == []
