"""Synthetic records for benchmarks: far more data than we ship, shaped like the real thing."""

from __future__ import annotations

import random
import re
from dataclasses import replace

from ajexplorer.domain.dates import PartialDate, When
from ajexplorer.domain.model import Dataset, Kind, Record


def synthetic_records(dataset: Dataset, count: int, seed: int = 7) -> list[Record]:
    """``count`` records built from the real data's words and kinds, with dates spread over 1973-2026."""
    rng = random.Random(seed)
    words = sorted(
        {w for r in dataset.records.values() for w in re.findall(r"[A-Za-z][A-Za-z-]{2,}", r.summary)}
    )
    templates = list(dataset.records.values())
    section_ids = [section.id for section in dataset.sections]
    records = []
    for number in range(count):
        template = templates[number % len(templates)]
        year = rng.randint(1973, 2025)
        precision = rng.random()
        if precision < 0.5:
            start = PartialDate(year, rng.randint(1, 12), rng.randint(1, 28))
        elif precision < 0.8:
            start = PartialDate(year, rng.randint(1, 12))
        else:
            start = PartialDate(year)
        kind = Kind.EVENT if rng.random() < 0.9 else Kind.PROGRAMME
        end = PartialDate(min(year + rng.randint(1, 6), 2026)) if kind is Kind.PROGRAMME else None
        title = " ".join(rng.choice(words) for _ in range(rng.randint(3, 7))).capitalize()
        summary = " ".join(rng.choice(words) for _ in range(rng.randint(12, 30))) + "."
        records.append(
            replace(
                template,
                id=f"ev-synthetic-{number}" if kind is Kind.EVENT else f"prog-synthetic-{number}",
                kind=kind,
                type="meeting" if kind is Kind.EVENT else "programme",
                title=title,
                summary=summary,
                section=rng.choice(section_ids),
                when=When(start, end),
                acronym=None,
                aliases=(),
                parent=None,
                held_under=None,
                documents=(),
                related=(),
                succeeds=None,
                subject=None,
                group=None,
            )
        )
    return records


def synthetic_dataset(dataset: Dataset, count: int, seed: int = 7) -> Dataset:
    records = {record.id: record for record in synthetic_records(dataset, count, seed)}
    return Dataset(
        info=dataset.info,
        title=f"{count} synthetic records",
        sections=dataset.sections,
        paragraphs=dataset.paragraphs,
        records=records,
        glossary=dataset.glossary,
    )
