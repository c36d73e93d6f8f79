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
    target = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            neutralised(frame).to_csv(stream, index=False)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
