"""A person's note, written in light Markdown, as HTML: headings, lists, paragraphs, **bold**, *italic* and
`code`. Everything the person typed is escaped first, so a note can never inject markup, load a resource or
carry a link; Markdown only ever adds the few tags below."""

from __future__ import annotations

import re
from html import escape

from ajexplorer.presentation.record_text import NOTE_MARK, STAR, notebook_mark

__all__ = ["NOTE_MARK", "STAR", "note_html", "notebook_mark"]

_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<![\w*])[*_](?=\S)(.+?)(?<=\S)[*_](?![\w*])")
_CODE = re.compile(r"`([^`]+)`")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")


def _inline(text: str) -> str:
    """Escaped text with the inline marks turned into tags; code spans are left as typed."""
    parts = _CODE.split(text)
    out = []
    for position, part in enumerate(parts):
        if position % 2:
            out.append(f"<code>{escape(part)}</code>")
            continue
        html = escape(part)
        html = _BOLD.sub(r"<b>\1</b>", html)
        html = _ITALIC.sub(r"<i>\1</i>", html)
        out.append(html)
    return "".join(out)


def note_html(text: str) -> str:
    """The note rendered; an empty string for an empty note."""
    blocks: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []

    def close() -> None:
        if paragraph:
            blocks.append("<p>" + "<br>".join(_inline(line) for line in paragraph) + "</p>")
            paragraph.clear()
        if items:
            blocks.append("<ul>" + "".join(f"<li>{_inline(item)}</li>" for item in items) + "</ul>")
            items.clear()

    for line in text.splitlines():
        stripped = line.strip()
        heading = _HEADING.match(stripped)
        item = _ITEM.match(line)
        if not stripped:
            close()
        elif heading:
            close()
            blocks.append(f"<p><b>{_inline(heading.group(2))}</b></p>")
        elif item:
            if paragraph:
                close()
            items.append(item.group(1))
        else:
            if items:
                close()
            paragraph.append(stripped)
    close()
    return "".join(blocks)
