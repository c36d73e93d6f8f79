"""CSV files that a spreadsheet opens as data, never as formulas.

Spreadsheets run a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return before one) as a formula, so a text such as ``=HYPERLINK("http://…")`` in a student's
answer would become a live link or worse when an instructor opens the file. Following
OWASP's CSV-injection rule, such a text cell gets a leading single quote, which spreadsheets
show as text. Numbers stay numbers: only text cells change.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """Return ``value`` with a leading ``'`` if it is text a spreadsheet would run as a formula."""
    if not isinstance(value, str):
        return value
    # A few spreadsheets skip leading spaces before they look for "=", so look past them too.
    if value.startswith(FORMULA_STARTS) or value.lstrip(" ").startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralised(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``frame`` whose text cells and column names cannot run as formulas."""
    safe = frame.copy()
    safe.columns = [neutralise(str(column)) for column in frame.columns]
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise)
    return safe


def write_csv(frame: pd.DataFrame, path: str | os.PathLike) -> Path:
    """Write ``frame`` (without its index) to ``path`` as formula-safe CSV; return the path.

    The file appears complete or not at all: it is written beside ``path`` and then renamed.
    """
    with CsvAppender(path) as csv:
        csv.add(frame)
    return csv.path


class CsvAppender:
    """One formula-safe CSV file written piece by piece: the header with the first piece, then rows.

    Pieces of one table give the bytes the whole table would give. Used as a context manager,
    the file appears complete at the end (written beside ``path``, then renamed) or, after an
    error, not at all.
    """

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        handle, self.temporary = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        self.stream = os.fdopen(handle, "w", encoding="utf-8", newline="")
        self.rows = 0
        self.started = False

    def add(self, frame: pd.DataFrame) -> None:
        """Append the rows of ``frame`` (the header too, the first time)."""
        neutralised(frame).to_csv(self.stream, index=False, header=not self.started)
        self.started = True
        self.rows += len(frame)

    def close(self) -> None:
        """Finish the file: rename it into place."""
        self.stream.close()
        os.chmod(self.temporary, 0o644)
        os.replace(self.temporary, self.path)

    def abort(self) -> None:
        """Drop the unfinished file."""
        self.stream.close()
        Path(self.temporary).unlink(missing_ok=True)

    def __enter__(self) -> "CsvAppender":
        return self

    def __exit__(self, kind, error, trace) -> None:
        if kind is None:
            try:
                self.close()
            except BaseException:
                self.abort()
                raise
        else:
            self.abort()
