"""The command line, run as a person runs it: a separate process, its output and exit code."""

from __future__ import annotations

import csv
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import icalendar

from ajexplorer import __version__
from ajexplorer.cli import PLAIN_START, build_parser
from tests.conftest import BROKEN, FIXTURES


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ajexplorer", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"AJ Explorer {__version__}"


def test_validate_passes_on_the_bundled_data() -> None:
    result = run("validate")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: ")
    assert "39 source paragraphs" in result.stdout


def test_validate_fails_with_located_messages() -> None:
    result = run("validate", BROKEN / "invalid-date")
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert lines[0] == "1 problem in the data"
    assert lines[1].endswith("records/main.yaml:31:11: records[2].date: day 30 is not in February 2001")


def test_validate_on_every_broken_fixture_exits_1_without_a_traceback() -> None:
    for case in sorted(BROKEN.iterdir()):
        result = run("validate", case)
        assert result.returncode == 1, case.name
        assert "Traceback" not in result.stderr, case.name
        assert result.stderr.count(":") >= 3, case.name


def test_export_json_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "records.json"
    result = run("export", "--format", "json", "--output", target, "--data", FIXTURES / "mini")
    assert result.returncode == 0, result.stderr
    document = json.loads(target.read_text(encoding="utf-8"))
    assert len(document["records"]) == 5
    assert "wrote 5 records" in result.stderr


def test_export_csv_to_stdout() -> None:
    result = run("export", "--format", "csv", "--data", FIXTURES / "mini")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(result.stdout.splitlines()))
    assert {row["kind"] for row in rows} == {"event", "mechanism", "document", "figure"}


def test_export_of_broken_data_exits_1() -> None:
    result = run("export", "--data", BROKEN / "parent-cycle")
    assert result.returncode == 1
    assert "cycle" in result.stderr


def test_an_unknown_format_is_a_usage_error() -> None:
    result = run("export", "--format", "xml")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def test_search_prints_ranked_results() -> None:
    result = run("search", "what", "is", "AMEICC?", "--limit", "3")
    assert result.returncode == 0, result.stderr
    first = result.stdout.splitlines()[0].split("\t")
    assert first[:2] == ["m-ameicc", "mechanism"]
    assert "[AMEICC]" in result.stdout


def test_search_json_has_id_kind_title_score_snippet() -> None:
    result = run("search", "JAIF", "--json", "--limit", "2")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert len(document["results"]) == 2
    assert {"id", "kind", "title", "score", "snippet"} <= set(document["results"][0])
    assert document["results"][0]["id"] == "m-jaif"


def test_search_with_no_results_exits_1_and_suggests() -> None:
    result = run("search", "mekongg", "basin", "river")
    assert result.returncode == 1
    assert result.stdout == ""
    assert "No results" in result.stderr


def test_search_with_an_invalid_query_exits_2() -> None:
    result = run("search", "year:2015..2010")
    assert result.returncode == 2
    assert "invalid query" in result.stderr


MINI = FIXTURES / "mini"


def test_export_ics_to_a_file_reads_back_as_a_calendar(tmp_path: Path) -> None:
    target = tmp_path / "events.ics"
    result = run("export", "--format", "ics", "-o", target, "--data", MINI)
    assert result.returncode == 0, result.stderr
    assert "wrote 1 event to" in result.stderr
    raw = target.read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    calendar = icalendar.Calendar.from_ical(raw)
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == "ev-2001-05-04-3rd-eps@ajexplorer"
    assert event.decoded("DTSTART") == dt.date(2001, 5, 4)
    assert str(event["LOCATION"]) == "Springfield"
    again = tmp_path / "again.ics"
    assert run("export", "--format", "ics", "-o", again, "--data", MINI).returncode == 0
    assert again.read_bytes() == raw


def test_export_ics_of_the_bundled_events_to_stdout_keeps_crlf() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ajexplorer", "export", "--format", "ics", "--kind", "event"],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert b"\r\r\n" not in result.stdout
    calendar = icalendar.Calendar.from_ical(result.stdout.decode("utf-8"))
    uids = {str(event["UID"]) for event in calendar.walk("VEVENT")}
    assert "ev-2019-11-04-22nd-asean-japan-summit@ajexplorer" in uids


def test_export_md_writes_the_briefing(tmp_path: Path) -> None:
    target = tmp_path / "briefing.md"
    result = run("export", "--format", "md", "--record", "m-summit", "--output", target, "--data", MINI)
    assert result.returncode == 0, result.stderr
    assert "wrote the briefing on Example-Partner Summit (EPS) to " in result.stderr
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Example-Partner Summit (EPS)\n")
    assert "3rd Example-Partner Summit (4 May 2001)" in text
    assert "paragraphs 1, 2." in text


def test_export_md_to_stdout() -> None:
    result = run("export", "--format", "md", "--record", "m-ameicc")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# AEM-METI Economic and Industrial Cooperation Committee (AMEICC)\n")
    assert "## Glossary" in result.stdout


def test_export_md_without_a_record_is_a_usage_error() -> None:
    result = run("export", "--format", "md", "--data", MINI)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "--record" in result.stderr
    assert "Traceback" not in result.stderr


def test_export_md_of_an_unknown_record_is_a_usage_error(tmp_path: Path) -> None:
    target = tmp_path / "briefing.md"
    result = run("export", "--format", "md", "--record", "no-such-id", "-o", target, "--data", MINI)
    assert result.returncode == 2
    assert "no record with id 'no-such-id'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not target.exists()


def test_export_md_with_a_query_is_a_usage_error() -> None:
    result = run("export", "--format", "md", "--record", "m-summit", "--query", "summit", "--data", MINI)
    assert result.returncode == 2
    assert "do not apply" in result.stderr


def test_export_with_a_query_writes_every_match_not_one_page(tmp_path: Path) -> None:
    target = tmp_path / "asean.json"
    result = run("export", "--query", "ASEAN", "-o", target)
    assert result.returncode == 0, result.stderr
    ids = [row["id"] for row in json.loads(target.read_text(encoding="utf-8"))["records"]]
    assert len(ids) > 50  # more than one page of search results
    assert len(ids) == len(set(ids))
    assert "m-ameicc" in ids


def test_export_csv_with_a_query_and_kinds(tmp_path: Path) -> None:
    result = run("export", "--format", "csv", "--query", "summit", "--kind", "event", "--data", MINI)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(result.stdout.splitlines()))
    assert [row["id"] for row in rows] == ["ev-2001-05-04-3rd-eps"]
    both = run("export", "--format", "csv", "--kind", "figure", "--kind", "document", "--data", MINI)
    assert both.returncode == 0, both.stderr
    rows = list(csv.DictReader(both.stdout.splitlines()))
    assert [row["id"] for row in rows] == ["doc-plan-2001-2005", "fig-trade-2020"]


def test_export_ics_with_a_query_holds_only_matching_events() -> None:
    result = run("export", "--format", "ics", "--query", "document", "--data", MINI)
    assert result.returncode == 0, result.stderr
    calendar = icalendar.Calendar.from_ical(result.stdout)
    assert calendar.walk("VEVENT") == []


def test_export_json_of_one_record() -> None:
    result = run("export", "--record", "m-summit", "--data", MINI)
    assert result.returncode == 0, result.stderr
    assert [row["id"] for row in json.loads(result.stdout)["records"]] == ["m-summit"]


def test_export_with_an_invalid_query_exits_2() -> None:
    result = run("export", "--query", "year:2015..2010", "--data", MINI)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "invalid query" in result.stderr
    assert "Traceback" not in result.stderr


def test_export_with_an_unknown_kind_is_a_usage_error() -> None:
    result = run("export", "--kind", "planet", "--data", MINI)
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def test_export_md_of_broken_data_exits_1() -> None:
    result = run("export", "--format", "md", "--record", "m-summit", "--data", BROKEN / "parent-cycle")
    assert result.returncode == 1
    assert "cycle" in result.stderr
    assert "Traceback" not in result.stderr


def test_export_to_an_unwritable_place_exits_1(tmp_path: Path) -> None:
    result = run("export", "--format", "ics", "-o", tmp_path / "missing" / "events.ics", "--data", MINI)
    assert result.returncode == 1
    assert "cannot write" in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_takes_the_folder_as_an_option_too() -> None:
    result = run("validate", "--data", FIXTURES / "partner")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: ")
    broken = run("validate", "--data", BROKEN / "yaml-syntax")
    assert broken.returncode == 1
    assert "records/main.yaml:30" in broken.stderr


def test_export_a_briefing_as_pdf_that_a_pdf_reader_opens(tmp_path: Path) -> None:
    import pypdf

    target = tmp_path / "briefing.pdf"
    result = run("export", "--format", "pdf", "--record", "ev-2004-07-tac-accession", "-o", target)
    assert result.returncode == 0, result.stderr
    reader = pypdf.PdfReader(target)
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)  # tabs between words
    assert "Japan accedes to the TAC" in text and "Treaty of Amity and Cooperation" in text
    assert "paragraph" in text.lower()
    assert reader.metadata is not None and reader.metadata.title


def test_export_the_timeline_as_svg_and_png(tmp_path: Path) -> None:
    import struct
    from xml.etree import ElementTree

    svg = tmp_path / "timeline.svg"
    result = run("export", "--format", "svg", "--query", "JENESYS", "-o", svg)
    assert result.returncode == 0, result.stderr
    root = ElementTree.parse(svg).getroot()  # noqa: S314 - our own output
    assert root.tag.endswith("svg") and root.get("viewBox")
    texts = " ".join(element.text or "" for element in root.iter() if element.tag.endswith("text"))
    assert "JENESYS" in texts and "Political and Security" in texts
    png = tmp_path / "timeline.png"
    result = run("export", "--format", "png", "-o", png)
    assert result.returncode == 0, result.stderr
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert width > 1600 and height > 300


def test_a_pdf_briefing_needs_a_known_record() -> None:
    assert run("export", "--format", "pdf").returncode == 2
    unknown = run("export", "--format", "pdf", "--record", "no-such-record")
    assert unknown.returncode == 2
    assert "no record with id" in unknown.stderr and "Traceback" not in unknown.stderr


def test_a_reader_that_stops_early_gets_no_traceback() -> None:
    """``ajexplorer search … | head -1``: the pipe closes before everything is written."""
    command = [sys.executable, "-m", "ajexplorer", "search", "ASEAN", "--limit", "200"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.read(10)
        process.stdout.close()  # like head: read a little, then go
        error = process.stderr.read().decode("utf-8")
        assert process.wait(timeout=120) == 0
    assert "Traceback" not in error and "Error" not in error


def test_a_plain_start_opens_the_window_as_the_parser_would_with_no_arguments() -> None:
    """Started from the desktop's menu (no arguments), the window opens without the parser being built: what it
    is given must be what the parser makes of nothing, or a new option would be missing from a plain start."""
    assert vars(PLAIN_START) == vars(build_parser().parse_args([]))
