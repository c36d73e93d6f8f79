"""Find the terms of a word list in text: whole words, longest first.

An all-capital term of up to four letters (US, FSB, DRG) matches only in capitals, so
"US" never matches "us"; other terms match in any case. With ``plurals``, a final
"s"/"es" on the term's last word also matches ("neo-Nazi" finds "neo-Nazis").
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

CASE_SENSITIVE_MAX_LEN = 4


def term_pattern(terms: Iterable[str], plurals: bool = False) -> re.Pattern[str]:
    """Return one regex matching any of ``terms`` as whole words, longest first."""
    parts = []
    for term in sorted(set(t for t in terms if t), key=len, reverse=True):
        body = re.escape(term).replace(r"\ ", r"\s+")
        if plurals and term[-1:].isalpha():
            body += "(?:e?s)?"
        if term.isupper() and len(term.replace(".", "")) <= CASE_SENSITIVE_MAX_LEN:
            body = f"(?-i:{body})"
        parts.append(body)
    if not parts:
        return re.compile(r"(?!x)x")
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.I)


class TermIndex:
    """Terms of a word list and the row each one stands for."""

    def __init__(self, rows: dict[str, dict[str, str]], plurals: bool = False):
        self.rows = {term.lower(): row for term, row in rows.items()}
        self.pattern = term_pattern(rows, plurals)
        self.plurals = plurals

    def row_for(self, surface: str) -> dict[str, str] | None:
        """Return the row of the term ``surface`` matched (plural forms included)."""
        key = " ".join(surface.split()).lower()
        if key in self.rows:
            return self.rows[key]
        if self.plurals:
            for cut in (1, 2):
                if key[:-cut] in self.rows and key.endswith("es"[-cut:] if cut == 1 else "es"):
                    return self.rows[key[:-cut]]
        return None

    def find(self, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, dict[str, str]]]:
        """Yield (start, end, row) for each term in ``text[start:end]`` (offsets into ``text``)."""
        for match in self.pattern.finditer(text, start, len(text) if end is None else end):
            row = self.row_for(match.group(0))
            if row is not None:
                yield match.start(), match.end(), row
