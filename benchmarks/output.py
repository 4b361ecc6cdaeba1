"""What a benchmark prints: its JSON on standard output (``report`` reads it there), and in a file if asked."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def emit(document: dict[str, Any], output: Path | None) -> None:
    text = json.dumps(document, indent=2)
    print(text)
    if output is not None:
        output.write_text(text + "\n", encoding="utf-8")
