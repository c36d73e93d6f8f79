"""Find the terms of a word list in text: whole words, longest first.

An all-capital term of up to four letters (US, FSB, DRG) matches only in capitals, so
"US" never matches "us"; other terms match in any case. With ``plurals``, a final
"s"/"es" on the term's last word also matches ("neo-Nazi" finds "neo-Nazis").
"""

from __future__ import annotations

import re
from functools import lru_cache
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
        self.rows = {fold(term): row for term, row in rows.items()}
        self.plurals = plurals
        forms = list(rows)
        if plurals:  # "neo-Nazi" also finds "neo-Nazis"; "militia" also "militias"
            forms += [term + ending for term in rows if term[-1:].isalpha() for ending in ("s", "es")]
        self.matcher = PhraseMatcher(forms)

    def row_for(self, surface: str) -> dict[str, str] | None:
        """Return the row of the term ``surface`` matched (plural forms included)."""
        key = fold(" ".join(surface.split()))
        if key in self.rows:
            return self.rows[key]
        if self.plurals:
            for cut in (1, 2):
                if key[:-cut] in self.rows and key.endswith("es"[-cut:]):
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


@lru_cache(maxsize=1 << 16)  # words recur: the same few thousand are folded again and again
def fold(text: str) -> str:
    """Return ``text`` as terms are compared: lower case, curly apostrophes straightened."""
    return text.lower().replace("’", "'")


class PhraseMatcher:
    """Find whole-word phrases quickly: a dictionary of token sequences instead of one big regex.

    Same rules as :func:`term_pattern`: whole words, the longest phrase wins, an all-capital
    phrase of up to four letters matches only in capitals. White space between words may vary.
    """

    def __init__(self, phrases: Iterable[str]):
        self.exact: set[tuple[str, ...]] = set()  # case-sensitive acronyms, as written
        self.folded: set[tuple[str, ...]] = set()
        lengths_by_first: dict[str, set[int]] = {}
        for phrase in phrases:
            tokens = _PHRASE_TOKEN.findall(phrase)
            if not tokens:
                continue
            if phrase.isupper() and len(phrase.replace(".", "")) <= CASE_SENSITIVE_MAX_LEN:
                self.exact.add(tuple(tokens))
            else:
                self.folded.add(tuple(map(fold, tokens)))
            first = fold(tokens[0])
            lengths_by_first.setdefault(first, set()).add(len(tokens))
        # phrase lengths by first word, longest first, so the longest phrase at a token wins
        self.lengths: dict[str, list[int]] = {first: sorted(ns, reverse=True) for first, ns in lengths_by_first.items()}

    def find(self, text: str) -> Iterator[tuple[int, int]]:
        """Yield (start, end) of each phrase in ``text``, left to right, without overlaps."""
        matches = list(_PHRASE_TOKEN.finditer(text))
        words = [m.group(0) for m in matches]
        keys = [fold(w) for w in words]
        resume = 0  # matches may not overlap: the next one starts after the last one found
        for i in [i for i, key in enumerate(keys) if key in self.lengths]:
            if i < resume:
                continue
            for n in self.lengths[keys[i]]:
                if i + n > len(matches):
                    continue
                if tuple(keys[i:i + n]) in self.folded or tuple(words[i:i + n]) in self.exact:
                    start, end = matches[i].start(), matches[i + n - 1].end()
                    if not _WORD_EDGE.match(text, end) and not (start and _WORD_EDGE.match(text, start - 1)):
                        yield start, end
                        resume = i + n
                        break
