"""Rows of a table as short records, for long texts that a wide table would clip.

An evidence string or a quotation can be 200 characters long; as a table column it pushes the
other columns off the screen. ``records`` shows each row as a block: its first column as a
heading, then one wrapped line per other column.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import pandas as pd

WIDTH = 96
EMPTY = "(empty)"


@dataclass(frozen=True)
class Records:
    """Rows shown one under another; displays as wrapped plain text in a notebook."""

    frame: pd.DataFrame
    width: int = WIDTH

    def __repr__(self) -> str:
        if self.frame.empty:
            return "No rows."
        heading, *fields = self.frame.columns
        label_width = max(len(str(name)) for name in fields) if fields else 0
        blocks = []
        for index, row in self.frame.iterrows():
            lines = [f"[{index}] {row[heading]}"]
            for name in fields:
                value = str(row[name]) if str(row[name]) != "" else EMPTY
                prefix = f"    {str(name):<{label_width}}  "
                lines += textwrap.wrap(value, self.width, initial_indent=prefix,
                                       subsequent_indent=" " * len(prefix)) or [prefix.rstrip()]
            blocks.append("\n".join(lines))
        return "\n\n".join(blocks)


def records(frame: pd.DataFrame, columns: list[str] | None = None, width: int = WIDTH) -> Records:
    """Return ``frame``'s rows (only ``columns``, the first as each row's heading) as wrapped records."""
    return Records(frame[columns] if columns else frame, width)
