"""Exports carry every record with its dates at their precision, and read back in the tools people use."""

from __future__ import annotations

import csv
import io
import json

from ajexplorer.domain.export import RECORD_COLUMNS, to_csv, to_json
from ajexplorer.domain.model import Dataset

REQUIRED = {
    "id",
    "kind",
    "title",
    "acronym",
    "aliases",
    "date",
    "end",
    "place",
    "section",
    "parent",
    "summary",
    "paragraphs",
    "related",
    "value",
    "unit",
}


def test_json_holds_records_and_glossary(mini_dataset: Dataset) -> None:
    document = json.loads(to_json(mini_dataset))
    assert set(document["records"][0]) >= REQUIRED
    by_id = {row["id"]: row for row in document["records"]}
    assert len(by_id) == len(mini_dataset.records)
    event = by_id["ev-2001-05-04-3rd-eps"]
    assert event["date"] == "2001-05-04"
    assert event["end"] is None
    assert event["documents"] == ["doc-plan-2001-2005"]
    plan = by_id["doc-plan-2001-2005"]
    assert (plan["date"], plan["end"], plan["when"]) == ("2001", "2005", "2001-2005")
    assert by_id["m-dialogue"]["ongoing"] is True
    assert by_id["fig-trade-2020"]["value"] == 12.5
    assert by_id["fig-trade-2020"]["unit"] == "USD billion"
    assert document["glossary"][0] == {
        "acronym": "EPS",
        "expansion": "Example-Partner Summit",
        "from_source": True,
        "variants": [],
        "note": None,
        "record": "m-summit",
        "paragraphs": [1, 2],
    }
    assert "Invented text" in document["source"]["attribution"]


def test_csv_has_one_row_per_record_with_the_same_columns(mini_dataset: Dataset) -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(mini_dataset.records.values()))))
    assert len(rows) == len(mini_dataset.records)
    assert tuple(rows[0]) == RECORD_COLUMNS
    summit = next(row for row in rows if row["id"] == "m-summit")
    assert summit["paragraphs"] == "1; 2"
    assert summit["date"] == "1995"
    assert summit["when"] == "since 1995"
    figure = next(row for row in rows if row["id"] == "fig-trade-2020")
    assert figure["value"] == "12.5"


def test_csv_cells_cannot_run_as_spreadsheet_formulas(mini_dataset: Dataset) -> None:
    from dataclasses import replace

    record = replace(mini_dataset.records["m-summit"], title='=HYPERLINK("x")', summary="-5 is fine? no: -x")
    rows = list(csv.DictReader(io.StringIO(to_csv([record]))))
    assert rows[0]["title"].startswith("'=")
    assert rows[0]["summary"].startswith("'-")


def test_the_bundled_export_has_every_record(dataset: Dataset) -> None:
    document = json.loads(to_json(dataset))
    assert [row["id"] for row in document["records"]] == list(dataset.records)
    assert len(document["glossary"]) == len(dataset.glossary)


def test_a_filtered_list_exports_only_those_records(mini_dataset: Dataset) -> None:
    chosen = [mini_dataset.records["fig-trade-2020"], mini_dataset.records["m-summit"]]
    rows = list(csv.DictReader(io.StringIO(to_csv(chosen))))
    assert [row["id"] for row in rows] == ["fig-trade-2020", "m-summit"]
    document = json.loads(to_json(mini_dataset, chosen))
    assert [row["id"] for row in document["records"]] == ["fig-trade-2020", "m-summit"]
    assert len(document["glossary"]) == len(mini_dataset.glossary)
    empty = json.loads(to_json(mini_dataset, []))
    assert empty["records"] == []
    assert list(csv.DictReader(io.StringIO(to_csv([])))) == []
    assert to_csv([]).splitlines() == [",".join(RECORD_COLUMNS)]
