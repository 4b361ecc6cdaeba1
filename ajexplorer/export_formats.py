"""The one table of export formats: what the command line's ``export --format``, File > Export, printing and
the smoke test all read.

A format is one row of :data:`FORMATS` and one renderer, a function from an
:class:`~ajexplorer.domain.export.ExportContext` to the file's bytes. The command line offers every row as a
``--format`` choice; the File menu gives each records, events and briefing format an action and offers the
timeline formats as the file types of its two timeline actions; so adding a row is all it takes.

Why the table lives here, beside the command line, and not in ``domain/`` or ``gui/``: the command line reads
it on every start (its ``--format`` choices), the window's start included, so it must cost nothing to import;
three of its renderers draw with Qt, which ``domain/`` may not even name (import-linter). Each renderer
therefore imports what it needs when it runs: the text formats their domain module, the drawn formats
:mod:`ajexplorer.gui.exporting` and with it Qt. ``search`` and ``validate`` never load Qt, and the window
loads the exporters only after its first paint.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ajexplorer.domain.i18n import translate

if TYPE_CHECKING:
    from ajexplorer.domain.export import ExportContext


class Scope(enum.Enum):
    """What part of the data a format holds: it decides what a format needs and how the menu offers it."""

    RECORDS = "records"  #: the records in view
    EVENTS = "events"  #: the dated events among the records in view
    TIMELINE = "timeline"  #: the timeline, the whole span or the range shown
    BRIEFING = "briefing"  #: a briefing on one record, the selection


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One way of writing a file."""

    #: As ``export --format`` takes it.
    name: str
    #: With the dot: ``.csv``.
    suffix: str
    #: The save dialog's file type.
    file_filter: str
    scope: Scope
    #: The format's name in menus, with its accelerator: ``i&Calendar``.
    menu_title: str
    #: A few words for ``export --help``.
    help: str
    render: Callable[[ExportContext], bytes]
    #: Qt draws it: the command line starts an offscreen Qt application first.
    drawn_by_qt: bool = False

    def describe(self, context: ExportContext) -> str:
        """What a file of this format holds, for "Saved …" and "wrote …": ``12 records``, ``the timeline``."""
        # In the window's language when it has one; the command line, which installs no translation, says English.
        records = len(context.records)
        if self.scope is Scope.RECORDS:
            return translate("Export", "%n record(s)", None, records)
        if self.scope is Scope.EVENTS:
            from ajexplorer.domain.calendar import calendar_events  # noqa: PLC0415 - see the module's docstring

            events = sum(1 for _ in calendar_events(context.records))
            return translate("Export", "%n event(s)", None, events)
        if self.scope is Scope.TIMELINE:
            whole = context.whole_timeline
            return translate("Export", "the whole timeline") if whole else translate("Export", "the timeline")
        if context.collection is not None:
            return translate(
                "Export", "the briefing on the collection {name} (%n record(s))", None, records
            ).format(name=context.collection)
        record = context.selected
        subject = record.display_title if record else context.selection
        return translate("Export", "the briefing on {subject}").format(subject=subject)


# --- the renderers: each imports what it needs when it runs (see the module's docstring) -------------------


def _csv(context: ExportContext) -> bytes:
    from ajexplorer.domain.export import to_csv  # noqa: PLC0415

    return to_csv(context.records).encode("utf-8")


def _json(context: ExportContext) -> bytes:
    from ajexplorer.domain.export import to_json  # noqa: PLC0415

    return to_json(context.dataset, context.records).encode("utf-8")


def _ics(context: ExportContext) -> bytes:
    from ajexplorer.domain.calendar import to_ics  # noqa: PLC0415

    return to_ics(context.dataset, context.records).encode("utf-8")


def _bibtex(context: ExportContext) -> bytes:
    from ajexplorer.domain.citation import to_bibtex  # noqa: PLC0415

    return to_bibtex(context.dataset, context.records).encode("utf-8")


def _ris(context: ExportContext) -> bytes:
    from ajexplorer.domain.citation import to_ris  # noqa: PLC0415

    return to_ris(context.dataset, context.records).encode("utf-8")


def _csl_json(context: ExportContext) -> bytes:
    from ajexplorer.domain.citation import to_csl_json  # noqa: PLC0415

    return to_csl_json(context.dataset, context.records).encode("utf-8")


def _markdown(context: ExportContext) -> bytes:
    return _briefing_text(context).encode("utf-8")


def _timeline_png(context: ExportContext) -> bytes:
    from ajexplorer.gui import exporting  # noqa: PLC0415 - Qt loads only for the drawn formats

    return exporting.timeline_png(context)


def _timeline_svg(context: ExportContext) -> bytes:
    from ajexplorer.gui import exporting  # noqa: PLC0415

    return exporting.timeline_svg(context)


def _briefing_pdf(context: ExportContext) -> bytes:
    from ajexplorer.gui import exporting  # noqa: PLC0415

    if context.collection is not None:
        title = context.collection
    else:
        title = context.dataset.records[_subject(context)].display_title
    return exporting.markdown_pdf(_briefing_text(context), title)


def _briefing_text(context: ExportContext) -> str:
    """A briefing on the selection, or with a collection, on each of its records; the person's notes set
    apart from the source."""
    from ajexplorer.domain.briefing import briefing_markdown, collection_markdown  # noqa: PLC0415

    if context.collection is not None:
        return collection_markdown(context.dataset, context.collection, context.records, context.notes)
    return briefing_markdown(context.dataset, _subject(context), context.notes)


def _subject(context: ExportContext) -> str:
    if context.selected is None:
        raise ValueError("a briefing needs a selected record")  # callers check first: a programming error
    return context.selected.id


#: Every export format. Within a scope, the first is the one dialogs and the command line offer first.
FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat(
        name="csv",
        suffix=".csv",
        file_filter="CSV table (*.csv)",
        scope=Scope.RECORDS,
        menu_title="&CSV",
        help="a table of the records",
        render=_csv,
    ),
    ExportFormat(
        name="json",
        suffix=".json",
        file_filter="JSON document (*.json)",
        scope=Scope.RECORDS,
        menu_title="&JSON",
        help="the records and the glossary",
        render=_json,
    ),
    ExportFormat(
        name="bibtex",
        suffix=".bib",
        file_filter="BibTeX references (*.bib)",
        scope=Scope.RECORDS,
        menu_title="&BibTeX",
        help="citations of the records for BibTeX, biblatex, Zotero and JabRef",
        render=_bibtex,
    ),
    ExportFormat(
        name="ris",
        suffix=".ris",
        file_filter="RIS references (*.ris)",
        scope=Scope.RECORDS,
        menu_title="&RIS",
        help="citations of the records for Zotero, Mendeley and EndNote",
        render=_ris,
    ),
    ExportFormat(
        name="csl-json",
        suffix=".csl.json",
        file_filter="CSL-JSON references (*.csl.json)",
        scope=Scope.RECORDS,
        menu_title="CS&L-JSON",
        help="citations of the records for pandoc and Zotero",
        render=_csl_json,
    ),
    ExportFormat(
        name="ics",
        suffix=".ics",
        file_filter="iCalendar file (*.ics)",
        scope=Scope.EVENTS,
        menu_title="i&Calendar",
        help="a calendar of the dated events",
        render=_ics,
    ),
    ExportFormat(
        name="png",
        suffix=".png",
        file_filter="PNG image (*.png)",
        scope=Scope.TIMELINE,
        menu_title="PNG",
        help="the timeline as an image",
        render=_timeline_png,
        drawn_by_qt=True,
    ),
    ExportFormat(
        name="svg",
        suffix=".svg",
        file_filter="SVG drawing (*.svg)",
        scope=Scope.TIMELINE,
        menu_title="SVG",
        help="the timeline as a drawing",
        render=_timeline_svg,
        drawn_by_qt=True,
    ),
    ExportFormat(
        name="pdf",
        suffix=".pdf",
        file_filter="PDF document (*.pdf)",
        scope=Scope.BRIEFING,
        menu_title="&PDF",
        help="a briefing on --record, typeset",
        render=_briefing_pdf,
        drawn_by_qt=True,
    ),
    ExportFormat(
        name="md",
        suffix=".md",
        file_filter="Markdown text (*.md)",
        scope=Scope.BRIEFING,
        menu_title="&Markdown",
        help="a briefing on --record as text",
        render=_markdown,
    ),
)

#: What ``export`` writes when no ``--format`` is given.
DEFAULT_FORMAT = "json"


def format_named(name: str) -> ExportFormat:
    """The row for ``name``; KeyError for a name the table does not hold."""
    for row in FORMATS:
        if row.name == name:
            return row
    raise KeyError(name)


def of_scope(scope: Scope) -> tuple[ExportFormat, ...]:
    return tuple(row for row in FORMATS if row.scope is scope)
