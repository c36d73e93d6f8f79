"""Read a corpus folder's optional ``manifest.csv`` of curated metadata.

Overwrite rule: a column present in the manifest wins over inference, even when the
cell is empty (an empty curated cell means "the text does not settle this").
A column absent from the manifest is inferred from the text.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from pathlib import Path

from kit.corpus.reading import MANIFEST_NAME, Problem, read_small_text

METADATA_FIELDS = ("title", "outlet", "wire_agency", "byline", "published", "url", "event")
KNOWN_COLUMNS = frozenset(
    {"file", "article_id", "label", "sha256", "notes"}
    | set(METADATA_FIELDS)
    | {f"{name}_evidence" for name in METADATA_FIELDS}
)


def parse_iso_date(value: str) -> str | None:
    """Return ``value`` if it is a real YYYY-MM-DD date, else None."""
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        return None


def _safe_relative(folder: Path, name: str) -> Path | None:
    """Return the path of ``name`` inside ``folder``, or None if it would leave the folder."""
    candidate = (folder / name).resolve()
    try:
        candidate.relative_to(folder.resolve())
    except ValueError:
        return None
    return candidate


def read_manifest(folder: Path) -> tuple[dict[str, dict[str, str]], list[str], list[Problem]]:
    """Return manifest rows keyed by file name, the columns present, and problems found."""
    path = folder / MANIFEST_NAME
    if not os.path.lexists(path):
        return {}, [], []
    problems: list[Problem] = []
    text, problem = read_small_text(path, folder, MANIFEST_NAME)
    if problem is not None:
        problem.detail += "; all metadata is inferred from the texts"
        return {}, [], [problem]
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        columns = [c.strip() for c in (reader.fieldnames or [])]
        raw_rows = list(reader)
    except csv.Error as error:
        return {}, [], [Problem(MANIFEST_NAME, "manifest_unreadable",
                                f"{error}; all metadata is inferred from the texts", "error")]
    if "file" not in columns:
        return {}, [], [Problem(MANIFEST_NAME, "manifest_without_file_column",
                                "the manifest needs a 'file' column; it was ignored", "error")]
    for column in columns:
        if column not in KNOWN_COLUMNS:
            problems.append(Problem(MANIFEST_NAME, "unknown_manifest_column",
                                    f"column '{column}' is not used (known: file, "
                                    f"{', '.join(METADATA_FIELDS)}, *_evidence, label, ...)"))
    rows: dict[str, dict[str, str]] = {}
    for number, raw_row in enumerate(raw_rows, start=2):
        row = {(k or "").strip(): (v or "").strip() for k, v in raw_row.items() if k}
        name = row.get("file", "")
        if not name:
            problems.append(Problem(MANIFEST_NAME, "manifest_row_without_file",
                                    f"line {number} names no file; ignored"))
        elif _safe_relative(folder, name) is None:
            problems.append(Problem(name, "unsafe_manifest_path",
                                    f"manifest line {number} points outside the corpus folder; "
                                    "not read", "error"))
        elif name in rows:
            problems.append(Problem(name, "duplicate_manifest_row",
                                    f"manifest line {number} repeats this file; the first row is used"))
        else:
            rows[name] = row
    return rows, columns, problems
