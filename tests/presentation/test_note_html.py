"""A note's light Markdown is shown rendered, and whatever the person typed is shown as text, never as markup."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from ajexplorer.presentation.note_html import NOTE_MARK, STAR, note_html, notebook_mark

ALLOWED_TAGS = {"p", "br", "b", "i", "code", "ul", "li"}


def test_light_markdown_is_rendered() -> None:
    html = note_html("# Follow up\nAsk about **funding** and *timing*, see `¶ 12`.\n\n- one\n- two")
    assert "<p><b>Follow up</b></p>" in html
    assert "<b>funding</b>" in html and "<i>timing</i>" in html and "<code>¶ 12</code>" in html
    assert "<ul><li>one</li><li>two</li></ul>" in html


def test_markup_typed_into_a_note_is_shown_as_text() -> None:
    html = note_html('<img src="file:///etc/passwd"> <a href="http://x">link</a> & **<script>**')
    assert "<img" not in html and "<a " not in html and "<script>" not in html
    assert "&lt;img src=&quot;file:///etc/passwd&quot;&gt;" in html
    assert "<b>&lt;script&gt;</b>" in html


@given(st.text(max_size=300))
def test_any_note_yields_only_the_few_tags_markdown_adds(text: str) -> None:
    tags = {match.lower() for match in re.findall(r"<\s*/?\s*([a-zA-Z]+)", note_html(text))}
    assert tags <= ALLOWED_TAGS


def test_marks_say_star_and_note() -> None:
    assert notebook_mark(True, True) == STAR + NOTE_MARK
    assert notebook_mark(False, True) == NOTE_MARK
    assert notebook_mark(False, False) == ""
