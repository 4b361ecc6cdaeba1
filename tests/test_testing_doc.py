"""docs/testing.md names, for each promise, the tests that hold it: every test it names exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAMED = re.compile(r"`(tests/[\w/]+\.py)::(\w+)")


def test_every_test_the_table_names_exists() -> None:
    text = (ROOT / "docs" / "testing.md").read_text(encoding="utf-8")
    named = NAMED.findall(text)
    assert len(named) > 60
    missing = [
        f"{path}::{name}"
        for path, name in named
        if not re.search(rf"^def {name}\(", (ROOT / path).read_text(encoding="utf-8"), re.MULTILINE)
    ]
    assert missing == []
