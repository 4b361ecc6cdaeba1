"""The app's own links. The detail and source panes follow these and nothing else.

``aj:record/ID`` selects a record, ``aj:paragraph/N`` shows a source paragraph, ``aj:glossary/ACRONYM`` shows a
glossary entry. Any other scheme (http, file, javascript, ...) is not followed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from urllib.parse import quote, unquote

SCHEME = "aj"


class Target(Enum):
    RECORD = "record"
    PARAGRAPH = "paragraph"
    GLOSSARY = "glossary"


@dataclass(frozen=True, slots=True)
class Link:
    target: Target
    value: str


def record_link(record_id: str) -> str:
    return f"{SCHEME}:record/{quote(record_id, safe='')}"


def paragraph_link(number: int) -> str:
    return f"{SCHEME}:paragraph/{number}"


def glossary_link(acronym: str) -> str:
    return f"{SCHEME}:glossary/{quote(acronym, safe='')}"


_LINK = re.compile(rf"^{SCHEME}:(record|paragraph|glossary)/([^/?#]+)$")


def parse_link(url: str) -> Link | None:
    """The app link in ``url``, or None for anything else (other schemes, malformed, unknown targets)."""
    match = _LINK.match(url.strip())
    if match is None:
        return None
    target = Target(match.group(1))
    value = unquote(match.group(2))
    if target is Target.PARAGRAPH and not value.isdigit():
        return None
    return Link(target, value)
