"""Quotation spans in a paragraph: curly, straight, guillemet and single marks.

Straight marks and ’ are ambiguous (apostrophes, plural possessives), so each mark
is read in context: what stands before and after it, and whether a quotation is
open. A quotation left open at the end of a paragraph runs to the paragraph's end
(the next paragraph usually reopens it); a closing mark with no opening one
(a copy that lost its opening mark) closes a quotation that starts at the
paragraph's start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = "“«„"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT_DOUBLE + STRAIGHT_SINGLE
_OPEN_CONTEXT = " \t\n\r([{—–-/:"
_MARK_RE = re.compile("[" + re.escape(ALL_MARKS) + "]")


@dataclass(frozen=True)
class Quote:
    """A quotation: ``start``/``end`` include the marks, ``inner_*`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    double: bool
    opened: bool = True  # False: the copy lost the opening mark
    closed: bool = True  # False: runs to the end of the paragraph


def _role(text: str, index: int) -> str:
    """Return 'open', 'close' or 'either' for the ambiguous mark at ``index``."""
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    opens = before in _OPEN_CONTEXT or before in DOUBLE_OPEN + SINGLE_OPEN
    closes = not after.isalnum()
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def find_quotes(text: str, offset: int = 0) -> list[Quote]:
    """Return the top-level quotations of one paragraph ``text`` (offsets shifted by ``offset``).

    Single-mark quotations inside double ones are nested and not returned; single
    quotations standing alone (British style, 'Success') are.
    """
    quotes: list[Quote] = []
    double_open: int | None = None
    single_open: int | None = None

    def add(start: int, end: int, double: bool, opened: bool = True, closed: bool = True) -> None:
        inner_start = start + (1 if opened else 0)
        inner_end = end - (1 if closed else 0)
        while inner_end > inner_start and text[inner_end - 1].isspace():
            inner_end -= 1
        quotes.append(Quote(start + offset, end + offset, inner_start + offset, inner_end + offset,
                            double, opened, closed))

    for match in _MARK_RE.finditer(text):  # visit the marks only, not every character
        index, char = match.start(), match.group(0)
        if char in DOUBLE_OPEN + DOUBLE_CLOSE + STRAIGHT_DOUBLE:
            role = ("open" if char in DOUBLE_OPEN else "close" if char in DOUBLE_CLOSE
                    else _role(text, index))
            if role == "either":
                role = "close" if double_open is not None else "open"
            if role == "open" and double_open is None:
                double_open, single_open = index, None
            elif role == "close" and double_open is not None:
                add(double_open, index + 1, True)
                double_open = None
            elif role == "close" and not quotes and single_open is None:
                add(0, index + 1, True, opened=False)  # lost opening mark
            continue
        if double_open is not None:
            continue  # marks nested in a double quotation are its own business
        before = text[index - 1] if index > 0 else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if before.isalnum() and after.isalnum():
            continue  # apostrophe inside a word: Kremlin’s, don't
        role = "open" if char == SINGLE_OPEN else _role(text, index)
        if role == "open" and single_open is None and after.isalnum():
            single_open = index
        elif role in ("close", "either") and single_open is not None and not after.isalnum():
            add(single_open, index + 1, False)
            single_open = None
    if double_open is not None:
        add(double_open, len(text), True, closed=False)
    return sorted(quotes, key=lambda q: q.start)
