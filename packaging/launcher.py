"""Entry script for the frozen build: the same entry point as the installed ``ajexplorer`` command."""

import sys

from ajexplorer.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
