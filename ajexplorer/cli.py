"""The command line: ``validate``, ``export``, ``search`` and ``--version``; with no command, the window opens."""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ajexplorer import APP_NAME, __version__

if TYPE_CHECKING:
    from ajexplorer.export_formats import Scope

#: What the parser makes of no arguments at all: the window on the bundled data. A plain start (from the
#: desktop's menu) takes this without building the parser, its commands and their help; a test keeps the two
#: in step.
PLAIN_START = argparse.Namespace(
    data=None, open_id=None, smoke_test=False, report_startup=False, command=None
)


def build_parser() -> argparse.ArgumentParser:
    from ajexplorer.domain.model import Kind  # noqa: PLC0415 - a plain start builds no parser
    from ajexplorer.export_formats import DEFAULT_FORMAT, FORMATS, Scope  # noqa: PLC0415

    parser = argparse.ArgumentParser(
        prog="ajexplorer",
        description=f"{APP_NAME}: explore ASEAN-Japan dialogue relations, every fact cited to its source.",
        epilog="With no command, the window opens; given a link (ajexplorer://record/ID or "
        "ajexplorer://paragraph/N), on that record or paragraph, in the window already open if there is one.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--data", type=Path, metavar="DIR", help="open another dataset folder")
    parser.add_argument("--open", metavar="ID", dest="open_id", help="start with this record selected")
    parser.add_argument(
        "--smoke-test", action="store_true", help="open the window, exercise it once, report and exit"
    )
    parser.add_argument("--report-startup", action="store_true", help=argparse.SUPPRESS)  # for benchmarks
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    validate = commands.add_parser(
        "validate", help="check a dataset and list every problem", description="Check a dataset folder."
    )
    validate.add_argument(
        "folder", nargs="?", type=Path, metavar="DIR", help="dataset folder (default: bundled)"
    )
    validate.add_argument(
        "--stamp", action="store_true", help="when valid, record it so loading may skip the schema check"
    )
    validate.add_argument("--data", type=Path, metavar="DIR", dest="validate_data", help="the same as DIR")

    export = commands.add_parser(
        "export",
        help="write the records, their events, a briefing or the timeline to a file: "
        + ", ".join(fmt.name for fmt in FORMATS),
        description="Write the records (all, or those --query and --kind leave), the dated events among "
        "them, a briefing on the --record, or the whole timeline with the --query's matches highlighted. "
        "The same files as File > Export.",
    )
    export.add_argument(
        "--format",
        choices=[fmt.name for fmt in FORMATS],
        default=DEFAULT_FORMAT,
        help="; ".join(f"{fmt.name}: {fmt.help}" for fmt in FORMATS) + f" (default {DEFAULT_FORMAT})",
    )
    export.add_argument("--query", metavar="TEXT", help="only the records this search matches (all matches)")
    export.add_argument(
        "--kind",
        action="append",
        choices=[kind.value for kind in Kind],
        dest="kinds",
        metavar="KIND",
        help=f"only records of this kind ({', '.join(kind.value for kind in Kind)}); repeatable",
    )
    export.add_argument(
        "--record",
        metavar="ID",
        help=f"the record to brief (required for {_names(Scope.BRIEFING)}); with "
        f"{_names(Scope.RECORDS, Scope.EVENTS)}, only that record; on the timeline, marked",
    )
    export.add_argument("--output", "-o", type=Path, metavar="FILE", help="write here instead of stdout")
    export.add_argument("--data", type=Path, metavar="DIR", dest="export_data", help="dataset folder")

    search = commands.add_parser(
        "search",
        help="search the records and print the ranked results",
        description="Search titles, acronyms, summaries, places, the glossary and the source. "
        'Fields: kind:event section:economic year:2013 year:2010..2015 place:tokyo; "quoted phrases".',
    )
    search.add_argument("query", nargs="+", help="what to look for")
    search.add_argument("--json", action="store_true", help="print JSON instead of text")
    search.add_argument("--limit", type=int, default=10, metavar="N", help="at most N results (default 10)")
    search.add_argument("--data", type=Path, metavar="DIR", dest="search_data", help="dataset folder")
    return parser


def _is_link(arg: str) -> bool:
    return arg[:11].lower() == "ajexplorer:"


def _names(*scopes: Scope) -> str:
    from ajexplorer.export_formats import FORMATS  # noqa: PLC0415 - see build_parser

    return ", ".join(fmt.name for fmt in FORMATS if fmt.scope in scopes)


def main(argv: Sequence[str] | None = None) -> int:
    started_at = time.monotonic()
    # A link (from the desktop's URL handler, or typed) is not a command: it is taken out before parsing. Told
    # by its scheme alone, as app_links.looks_like_app_link does, so that a start without one imports nothing.
    given = list(sys.argv[1:] if argv is None else argv)
    links = [arg for arg in given if _is_link(arg)]
    args = PLAIN_START if not given else build_parser().parse_args([a for a in given if not _is_link(a)])
    if args.command in {"validate", "export", "search"}:
        from ajexplorer import commands  # noqa: PLC0415 - the window needs none of it

        return commands.run(args)
    if args.smoke_test:
        from ajexplorer.gui.smoke import run_smoke_test  # noqa: PLC0415 - Qt loads only when needed

        return run_smoke_test(args.data)
    if links:
        from ajexplorer.gui.single_instance import hand_over_early  # noqa: PLC0415 - Qt's core only

        if hand_over_early(links[0]):
            return 0  # the user's open window took the link
    # Start-up makes tens of thousands of objects that all live on (Qt's enums, the dataset, the widgets):
    # collections until the window shows would scan them again and again and free nothing. run_gui freezes
    # them and turns collection back on.
    gc.disable()
    from ajexplorer.gui.app import run_gui  # noqa: PLC0415 - Qt loads only when the window is wanted

    return run_gui(
        data_folder=args.data,
        open_id=args.open_id,
        report_startup=args.report_startup,
        started_at=started_at,
        link=links[0] if links else None,
    )
