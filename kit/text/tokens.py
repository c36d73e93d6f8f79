"""Word and punctuation tokens with their offsets in the raw text."""

from __future__ import annotations

import re
from typing import NamedTuple

from kit.text.terms import fold

# A number with thousands separators ("86,000") is one token; so is a word with apostrophes,
# hyphens or inner periods ("Kremlin’s", "al-Burhan", "U.S").
TOKEN_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\w+(?:[’'\-.]\w+)*|[^\w\s]")


class Token(NamedTuple):
    """A word or punctuation mark and its offsets (a tuple: articles make hundreds of thousands)."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()

    @property
    def folded(self) -> str:
        return fold(self.text)


def tokenize(raw: str, start: int, end: int) -> list[Token]:
    """Return the words and punctuation marks of ``raw[start:end]`` with raw offsets."""
    return [Token(m.group(0), m.start(), m.end()) for m in TOKEN_RE.finditer(raw, start, end)]
