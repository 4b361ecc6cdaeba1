"""The command line, run as a person runs it: a separate process, its output and exit code."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

from ajexplorer import __version__
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
