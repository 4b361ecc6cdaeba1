"""Links into the app from outside it: ``ajexplorer://record/ID`` and ``ajexplorer://paragraph/N``.

They are what a citation carries and what the desktop entry registers as a URL scheme, so a link clicked in a
document or a browser opens the app on that record. A link arrives from anywhere (a browser, a hand-typed
command line, another process through the local socket), so :func:`parse_app_link` accepts only these two
shapes, refuses anything else with a sentence a person can act on, and never raises anything but
:class:`BadLinkError`. Whether the record or paragraph exists is asked of the open dataset (:func:`check_app_link`).

Plain standard library: the command line parses a link before any Qt or data is loaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote

if TYPE_CHECKING:
    from ajexplorer.domain.model import Dataset

SCHEME = "ajexplorer"
RECORD = "record"
PARAGRAPH = "paragraph"
#: Longer than any real link by far: a longer text is refused before it is looked at.
MAX_LINK_CHARS = 2048
#: How much of a refused link a message repeats.
_SHOWN_CHARS = 80
_LINK = re.compile(rf"^{SCHEME}://(?P<target>[A-Za-z]+)/(?P<key>[^/?#\s]+)/?$", re.IGNORECASE)
_ID = re.compile(r"^[\w.:+-]{1,200}$")


class BadLinkError(ValueError):
    """A link that cannot be opened; ``str()`` is the message shown to the person."""


@dataclass(frozen=True, slots=True)
class AppLink:
    """A record id or a paragraph number to show."""

    target: str  # RECORD or PARAGRAPH
    key: str

    @property
    def url(self) -> str:
        return record_url(self.key) if self.target == RECORD else f"{SCHEME}://{PARAGRAPH}/{self.key}"


def record_url(record_id: str) -> str:
    """``ajexplorer://record/ID``: the app's link to a record, as citations and "Copy link" give it."""
    return f"{SCHEME}://{RECORD}/{quote(record_id, safe='')}"


def paragraph_url(number: int) -> str:
    return f"{SCHEME}://{PARAGRAPH}/{number}"


def looks_like_app_link(text: str) -> bool:
    """True for anything written in the app's scheme, well-formed or not (the command line hands it over)."""
    return text[: len(SCHEME) + 1].lower() == f"{SCHEME}:"


def shown(text: str) -> str:
    """A link as a message may repeat it: control characters dropped, cut short."""
    printable = "".join(char for char in text if char.isprintable())
    return printable if len(printable) <= _SHOWN_CHARS else printable[: _SHOWN_CHARS - 1] + "…"


def parse_app_link(text: str) -> AppLink:
    """The record or paragraph ``text`` links to; :class:`BadLinkError` saying why for anything else."""
    if len(text) > MAX_LINK_CHARS:
        raise BadLinkError(f"The link is too long ({len(text):,} characters; at most {MAX_LINK_CHARS:,}).")
    match = _LINK.match(text.strip())
    if match is None:
        raise BadLinkError(
            f"Not a link AJ Explorer can open: {shown(text)!r}. "
            f"Links look like {SCHEME}://record/ID or {SCHEME}://paragraph/NUMBER."
        )
    target = match["target"].lower()
    key = unquote(match["key"])
    if target == RECORD:
        if not _ID.match(key):
            raise BadLinkError(f"Not a record id: {shown(key)!r}.")
        return AppLink(RECORD, key)
    if target == PARAGRAPH:
        if not key.isascii() or not key.isdigit() or len(key) > 6:
            raise BadLinkError(f"Not a paragraph number: {shown(key)!r}.")
        return AppLink(PARAGRAPH, str(int(key)))
    raise BadLinkError(f"AJ Explorer links lead to a record or a paragraph, not to {shown(target)!r}.")


def check_app_link(text: str, dataset: Dataset) -> AppLink:
    """:func:`parse_app_link`, and the record or paragraph must be in ``dataset``."""
    link = parse_app_link(text)
    if link.target == RECORD and link.key not in dataset.records:
        raise BadLinkError(f"The link names a record this dataset does not have: {shown(link.key)!r}.")
    if link.target == PARAGRAPH and int(link.key) not in dataset.paragraphs:
        raise BadLinkError(f"The source has no paragraph {link.key} (it has {len(dataset.paragraphs)}).")
    return link
