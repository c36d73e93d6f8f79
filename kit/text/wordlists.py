"""Word lists and alias tables shipped as CSV files in ``kit/data/``.

Instructors edit the CSVs; code only reads them. Every row carries a ``source``.
"""

from __future__ import annotations

import csv
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
MULTI_VALUE_SEPARATOR = "|"


def read_rows(name: str, data_dir: Path | None = None) -> list[dict[str, str]]:
    """Return the rows of ``kit/data/<name>.csv`` as dicts of stripped strings."""
    path = (data_dir or DATA_DIR) / f"{name}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            {key: (value or "").strip() for key, value in row.items() if key is not None}
            for row in csv.DictReader(handle)
        ]


def split_values(cell: str) -> list[str]:
    """Return the non-empty values of a ``|``-separated cell."""
    return [part.strip() for part in cell.split(MULTI_VALUE_SEPARATOR) if part.strip()]


def column_set(name: str, column: str, *, where: dict[str, str] | None = None,
               lower: bool = True, data_dir: Path | None = None) -> frozenset[str]:
    """Return the set of values in ``column``, optionally only rows matching ``where``."""
    values = set()
    for row in read_rows(name, data_dir):
        if where and any(row.get(key) != wanted for key, wanted in where.items()):
            continue
        value = row[column]
        values.add(value.lower() if lower else value)
    return frozenset(values)
