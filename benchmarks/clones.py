"""Dataset folders of any size, cloned from the bundled data: real records, new ids, every reference valid.

Copy 0 keeps the bundled ids (the glossary points at them); copy ``k`` renames every record ``ID`` to
``ID-cK`` and every reference inside the copy with it. A last, partial copy points references to records it
does not hold at copy 0, which has the same kinds, so the folder passes ``validate`` at every size. Records of
many copies share a file (files stay under the reader's size limit and the folder under its file limit).
"""

from __future__ import annotations

import math
import shutil
from pathlib import Path
from typing import Any

import yaml

from ajexplorer.domain.loading import DATASET_FILE, GLOSSARY_FILE, PARAGRAPHS_FILE, RECORDS_FOLDER

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FILE_BUDGET = 2 * 1024 * 1024  # bytes of YAML per record file, well under the reader's limit
_TEXT_FIELDS = frozenset({"id", "title", "summary", "acronym", "aliases", "place", "type", "kind", "section"})


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Writes shared values out in full: data files may not hold anchors and aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _renamed(record: dict[str, Any], copy: int, ids: set[str], present: set[str]) -> dict[str, Any]:
    """The record of copy ``copy``: its id and each reference to a record of the copy renamed.

    Any field holding a record id (or a list of them) is a reference, so fields the data gains later are
    renamed too.
    """

    def name(target: str) -> str:
        return f"{target}-c{copy}" if copy and target in present else target

    clone: dict[str, Any] = {}
    for key, value in record.items():
        if key == "id":
            clone[key] = name(value)
        elif key in _TEXT_FIELDS:
            clone[key] = value
        elif isinstance(value, str) and value in ids:
            clone[key] = name(value)
        elif (
            isinstance(value, list) and value and all(isinstance(item, str) and item in ids for item in value)
        ):
            clone[key] = [name(item) for item in value]
        else:
            clone[key] = value
    return clone


def build_clone(source: Path, target: Path, count: int) -> Path:
    """Write a dataset folder of ``count`` records cloned from ``source`` into ``target`` (replaced)."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in (PARAGRAPHS_FILE, GLOSSARY_FILE):
        shutil.copy2(source / name, target / name)
    dataset = yaml.load((source / DATASET_FILE).read_bytes(), Loader=_LOADER)  # noqa: S506 - a safe loader
    dataset["title"] = f"{dataset['title']} (about {count:,} records, cloned)"
    (target / DATASET_FILE).write_text(yaml.dump(dataset, Dumper=_Dumper, sort_keys=False), encoding="utf-8")
    source_file = Path(dataset["source"]["file"])
    (target / source_file).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source / source_file, target / source_file)
    files = sorted((source / RECORDS_FOLDER).glob("*.yaml"))
    per_file = {
        path.stem: yaml.load(path.read_bytes(), Loader=_LOADER)["records"]  # noqa: S506 - a safe loader
        for path in files
    }
    originals = [record for records in per_file.values() for record in records]
    ids = {record["id"] for record in originals}
    # Whole copies only: a part of the data would cut references (a figure's subject, a series' figures), so
    # a size is rounded up to the next whole number of copies of the bundled records.
    copies = math.ceil(count / len(originals))
    count = copies * len(originals)
    largest = max(path.stat().st_size for path in files)
    copies_per_file = max(1, _FILE_BUDGET // largest)
    (target / RECORDS_FOLDER).mkdir()
    remaining = count
    for chunk_start in range(0, copies, copies_per_file):
        chunk: dict[str, list[dict[str, Any]]] = {stem: [] for stem in per_file}
        for copy in range(chunk_start, min(chunk_start + copies_per_file, copies)):
            taken = min(remaining, len(originals))
            remaining -= taken
            kept = {record["id"] for record in originals[:taken]}
            left = taken
            for stem, records in per_file.items():
                for record in records[: max(0, left)]:
                    chunk[stem].append(_renamed(record, copy, ids, kept))
                left -= len(records)
        for stem, records in chunk.items():
            if records:
                text = yaml.dump(
                    {"records": records}, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=120
                )
                (target / RECORDS_FOLDER / f"{stem}-{chunk_start // copies_per_file:03d}.yaml").write_text(
                    text, encoding="utf-8"
                )
    return target
