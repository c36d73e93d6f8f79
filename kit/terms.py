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
        self.rows = {term.lower().replace("’", "'"): row for term, row in rows.items()}
        self.plurals = plurals
        forms = list(rows)
        if plurals:  # "neo-Nazi" also finds "neo-Nazis"; "militia" also "militias"
            forms += [term + ending for term in rows if term[-1:].isalpha() for ending in ("s", "es")]
        self.matcher = PhraseMatcher(forms)

    def row_for(self, surface: str) -> dict[str, str] | None:
        """Return the row of the term ``surface`` matched (plural forms included)."""
        key = " ".join(surface.split()).lower().replace("’", "'")
        if key in self.rows:
            return self.rows[key]
        if self.plurals:
            for cut in (1, 2):
                if key[:-cut] in self.rows and key.endswith("es"[-cut:] if cut == 1 else "es"):
                    return self.rows[key[:-cut]]
        return None

    def find(self, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, dict[str, str]]]:
        """Yield (start, end, row) for each term in ``text[start:end]`` (offsets into ``text``)."""
        stop = len(text) if end is None else end
        for found_start, found_end in self.matcher.find(text[start:stop]):
            row = self.row_for(text[start + found_start:start + found_end])
            if row is not None:
                yield start + found_start, start + found_end, row


_PHRASE_TOKEN = re.compile(r"[\w-]+|[^\w\s]")
_WORD_EDGE = re.compile(r"[\w-]")  # a phrase may not touch a word character or hyphen


def _phrase_key(tokens: Iterable[str]) -> tuple[str, ...]:
    return tuple(t.lower().replace("’", "'") for t in tokens)


class PhraseMatcher:
    """Find whole-word phrases quickly: a dictionary of token sequences instead of one big regex.

    Same rules as :func:`term_pattern`: whole words, the longest phrase wins, an all-capital
    phrase of up to four letters matches only in capitals. White space between words may vary.
    """

    def __init__(self, phrases: Iterable[str]):
        self.exact: set[tuple[str, ...]] = set()  # case-sensitive acronyms, as written
        self.folded: set[tuple[str, ...]] = set()
        self.first_words: set[str] = set()
        self.longest = 1
        for phrase in phrases:
            tokens = _PHRASE_TOKEN.findall(phrase)
            if not tokens:
                continue
            if phrase.isupper() and len(phrase.replace(".", "")) <= CASE_SENSITIVE_MAX_LEN:
                self.exact.add(tuple(tokens))
            else:
                self.folded.add(_phrase_key(tokens))
            self.first_words.add(tokens[0].lower().replace("’", "'"))
            self.longest = max(self.longest, len(tokens))

    def find(self, text: str) -> Iterator[tuple[int, int]]:
        """Yield (start, end) of each phrase in ``text``, left to right, without overlaps."""
        tokens = [(m.group(0), m.start(), m.end()) for m in _PHRASE_TOKEN.finditer(text)]
        i = 0
        while i < len(tokens):
            if tokens[i][0].lower().replace("’", "'") in self.first_words:
                for n in range(min(self.longest, len(tokens) - i), 0, -1):
                    window = tokens[i:i + n]
                    words = [t[0] for t in window]
                    start, end = window[0][1], window[-1][2]
                    bounded = not _WORD_EDGE.match(text[end:end + 1]) and not _WORD_EDGE.match(text[start - 1:start])
                    if bounded and (_phrase_key(words) in self.folded or tuple(words) in self.exact):
                        yield start, end
                        i += n
                        break
                else:
                    i += 1
            else:
                i += 1
