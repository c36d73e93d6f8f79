"""Sentence boundaries and word tokens for news prose, with offsets, no downloads.

The splitter is rule-based: a boundary is sentence-final punctuation (plus any
closing quotes or brackets) followed by white space and a capitalised word,
unless the word before the period is a known abbreviation or an initial.
The abbreviation and function-word lists live in ``kit/data/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kit.text.wordlists import column_set

WORD_RE = re.compile(r"\w+(?:[’'\-.]\w+)*")
_CANDIDATE_RE = re.compile(r"[.!?…]+[\"”’'»)\]]*\s+")
# a web copy that lost the space after a full stop: "the release stated.The union said"
_GLUED_RE = re.compile(r"(?<=[a-z]{2})[.!?][\"”’]?(?=[A-Z][a-z]{2})")
_OPENERS = "\"“‘'«([—–-"
_CLOSING_QUOTES = "”\"»"
_OPENING_QUOTES = "“\"«"
# A period inside an open quotation that closes within this many words without
# its own final punctuation belongs to a name ("Novaya Gazeta. Europe"), not a sentence end.
_MAX_WORDS_TO_QUOTED_NAME_END = 2


@dataclass(frozen=True)
class TextRules:
    """Word lists the splitter needs, read from ``kit/data/``."""

    abbreviations: frozenset[str]
    sentence_final_abbreviations: frozenset[str]
    sentence_starters: frozenset[str]
    dangling_words: frozenset[str]  # words a sentence cannot end on: the, of, and, ...

    @classmethod
    def load(cls, data_dir: Path | None = None) -> "TextRules":
        """Return the rules built from the CSV word lists."""
        return cls(
            abbreviations=column_set("abbreviations", "abbreviation", data_dir=data_dir),
            sentence_final_abbreviations=column_set(
                "abbreviations", "abbreviation", where={"can_end_sentence": "yes"}, data_dir=data_dir
            ),
            sentence_starters=column_set(
                "function_words", "word", where={"word_class": "sentence_starter"}, data_dir=data_dir
            ),
            dangling_words=frozenset().union(*(
                column_set("function_words", "word", where={"word_class": cls}, data_dir=data_dir)
                for cls in ("article", "preposition", "conjunction")
            )),
        )


def word_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Return (start, end) of every word token in ``text``, shifted by ``offset``."""
    return [(m.start() + offset, m.end() + offset) for m in WORD_RE.finditer(text)]


def count_words(text: str) -> int:
    """Return the number of word tokens in ``text``."""
    return sum(1 for _ in WORD_RE.finditer(text))


def _word_before(text: str, period_index: int) -> str:
    """Return the token that ends at ``period_index`` (without leading punctuation)."""
    start = period_index
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:period_index].lstrip(_OPENERS + "".join(_CLOSING_QUOTES)).lower()


def _next_word(text: str, index: int) -> str:
    """Return the word starting at ``index`` after any opening quotes or brackets."""
    while index < len(text) and text[index] in _OPENERS:
        index += 1
    match = WORD_RE.match(text, index)
    return match.group(0) if match else ""


def _inside_short_quoted_name(text: str, punct_start: int, next_start: int) -> bool:
    """Is the boundary inside a quotation that closes a word or two later, unpunctuated?"""
    before = text[:punct_start]
    opens = sum(before.count(q) for q in "“«")
    closes = sum(before.count(q) for q in "”»")
    if opens <= closes:
        return False
    close = min((i for i in (text.find("”", next_start), text.find("»", next_start)) if i >= 0),
                default=-1)
    if close < 0:
        return False
    quoted_rest = text[next_start:close]
    return (count_words(quoted_rest) <= _MAX_WORDS_TO_QUOTED_NAME_END
            and not re.search(r"[.!?…]\W*$", quoted_rest))


def is_boundary(text: str, match: re.Match[str], rules: TextRules) -> bool:
    """Is the candidate punctuation run in ``match`` a sentence end?"""
    next_start = match.end()
    if next_start >= len(text):
        return True
    next_word = _next_word(text, next_start)
    if not next_word or not (next_word[0].isupper() or next_word[0].isdigit()):
        return False
    punct = match.group(0).rstrip()
    if punct.startswith(".") and not punct.startswith(".."):
        before = _word_before(text, match.start())
        if before in rules.abbreviations:
            return (before in rules.sentence_final_abbreviations
                    and next_word.lower() in rules.sentence_starters)
        if len(before) == 1 and before.isalpha():  # an initial: "J. Smith"
            return False
    return not _inside_short_quoted_name(text, match.start(), next_start)


def sentence_spans(text: str, rules: TextRules, offset: int = 0) -> list[tuple[int, int]]:
    """Return (start, end) of each sentence in ``text`` (stripped), shifted by ``offset``."""
    spans: list[tuple[int, int]] = []
    start = 0
    candidates = sorted([*_CANDIDATE_RE.finditer(text), *_GLUED_RE.finditer(text)], key=lambda m: m.start())
    for match in candidates:
        if is_boundary(text, match, rules):
            end = match.start() + len(match.group(0).rstrip())
            spans.append((start, end))
            start = match.end()
    spans.append((start, len(text)))
    result = []
    for begin, end in spans:
        chunk = text[begin:end]
        stripped_left = len(chunk) - len(chunk.lstrip())
        stripped_right = len(chunk.rstrip())
        if stripped_right > stripped_left:
            result.append((begin + stripped_left + offset, begin + stripped_right + offset))
    return result


def ends_with_terminal_punctuation(text: str) -> bool:
    """Does ``text`` end a sentence (., !, ?, …, : or ; before any closing quotes)?"""
    stripped = text.rstrip().rstrip("\"”’'»)]")
    return bool(stripped) and stripped[-1] in ".!?…:;"
