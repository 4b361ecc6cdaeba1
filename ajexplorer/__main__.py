"""Entry point for ``python -m ajexplorer`` and the ``ajexplorer`` launcher."""

from __future__ import annotations

import sys


def main() -> int:
    from ajexplorer.cli import main as cli_main  # noqa: PLC0415 - keeps start-up imports minimal

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
