"""Reading number phrases: "70", "two hundred", "48 million", "a dozen", "hundreds", "more than 70".

A number is read as it is written (``value``: "hundreds" is 100, "a dozen" 12) and as the range
its words allow (``low``, ``high``). An approximator ("more than", "almost", "about", "up to")
turns a number into the range the words mean:

- "more than 60" is above 60 (61 or more when things are counted one by one);
- "at least 5" is 5 or more; "up to 200" is 200 or fewer;
- "almost 24", "nearly 100" are just under the number (within ``NEAR_WIDTH`` below it, at least one
  below when things are counted: "almost 24" is 22 or 23);
- "about 40", "around 30" are near it (within ``ABOUT_WIDTH`` either side, at least one either side
  when counted: "about 3" is 2 to 4);
- "fewer than 6,000" is below it.

The spelled-out numerals (one … ninety, hundred, thousand …) are the grammar of English and live
here; vague amounts ("dozens", "scores of", "hundreds") and approximators are word lists in
``kit/data/amounts.csv`` and ``kit/data/claim_terms.csv``. Text that is not a number raises
:class:`NumberError`: nothing is silently read as 0.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from kit.text.errors import PlainMessageError
from kit.text.wordlists import read_rows

# "about 30" is 24 to 36; "almost 24" is 21.6 up to 24. Kit conventions, stated in the docs.
ABOUT_WIDTH = 0.2
NEAR_WIDTH = 0.1
# How the kit reports an approximator's class: "just under" is a kind of "less than".
REPORTED_CLASS = {"just_under": "less_than", "just_over": "more_than"}
APPROXIMATION_CLASSES = ("exact", "about", "more_than", "at_least", "less_than", "at_most", "just_under",
                         "just_over", "vague", "range")

UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000}
# Scales glued to figures: "£4.5m", "£1.1bn", "$2.3M", "5k". "m" is only a scale after a currency sign.
GLUED_SCALES = {"bn": 1e9, "b": 1e9, "tn": 1e12, "m": 1e6, "mn": 1e6, "k": 1e3}
_WORD = "|".join(sorted(list(UNITS) + list(TENS), key=len, reverse=True))
_SCALE = "|".join(SCALES)
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
WORDS = rf"(?:{_WORD})(?:-(?:{_WORD}))?(?:\s+(?:{_SCALE}))*"
_HALF = r"(?:\s+and\s+a\s+half)?"


class NumberError(PlainMessageError, ValueError):
    """Text that is not a number phrase the kit can read; the message says what can be read."""


@dataclass(frozen=True)
class Amount:
    """A number as written: its value, the range it allows, and whether it is vague."""

    value: float
    low: float
    high: float
    approximation: str = "exact"


def load_amounts(data_dir: Path | None = None) -> dict[str, Amount]:
    """Return the vague and fixed amounts of ``amounts.csv`` by lower-case term."""
    return {row["term"].lower(): Amount(float(row["value"]), float(row["low"]), float(row["high"]),
                                        row["approximation"] or "exact")
            for row in read_rows("amounts", data_dir)}


def load_approximators(data_dir: Path | None = None) -> dict[str, tuple[str, str]]:
    """Return approximator term -> (class, position) from ``claim_terms.csv``."""
    return {row["term"].lower(): (row["value"], row.get("position") or "before")
            for row in read_rows("claim_terms", data_dir) if row["field"] == "approximator"}


def amount_pattern(amounts: dict[str, Amount]) -> str:
    """Return a regex alternation of the amounts' terms, longest first."""
    return "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(amounts, key=len, reverse=True))


def _words_value(text: str) -> float:
    """Return the value of spelled-out numerals: 'twenty-five' 25, 'two hundred thousand' 200000."""
    total, current = 0.0, 0.0
    for part in re.split(r"[\s-]+", text.lower()):
        if part in UNITS:
            current += UNITS[part]
        elif part in TENS:
            current += TENS[part]
        elif part in SCALES:
            current = max(current, 1) * SCALES[part]
            if SCALES[part] >= 1_000:
                total, current = total + current, 0.0
        elif part:
            raise NumberError(f"'{text}' is not a number: '{part}' is not a numeral")
    return total + current


def figure_value(digits: str, scale: str = "", glued: str = "") -> float:
    """Return the value of a figure with its scale: ('4.5', 'million') 4500000, ('1.1', '', 'bn') 1.1e9."""
    value = float(digits.replace(",", ""))
    if scale:
        value *= SCALES[scale.lower()]
    if glued:
        value *= GLUED_SCALES[glued.lower()]
    return value


_FIGURE_RE = re.compile(rf"(?P<digits>{DIGITS})(?P<glued>bn|tn|mn|[mbk])?(?:\s+(?P<scale>{_SCALE}))?{_HALF}", re.I)
_WORDS_RE = re.compile(rf"(?P<words>{WORDS}){_HALF}", re.I)


def read_amount(text: str, amounts: dict[str, Amount] | None = None) -> Amount:
    """Return the amount a number phrase writes, without approximators: '70', 'two hundred', 'dozens'.

    Raises :class:`NumberError` when ``text`` is not a number.
    """
    amounts = load_amounts() if amounts is None else amounts
    lower = " ".join(text.lower().split())
    if lower in amounts:
        return amounts[lower]
    half = 0.5 if lower.endswith(" and a half") else 0.0
    match = _FIGURE_RE.fullmatch(lower)
    if match:
        value = figure_value(match.group("digits"), match.group("scale") or "", match.group("glued") or "") + half
        return Amount(value, value, value)
    match = _WORDS_RE.fullmatch(lower)
    if match:
        value = _words_value(match.group("words")) + half
        return Amount(value, value, value)
    raise NumberError(f"cannot read {text!r} as a number: write it in figures ('70', '1,200', '4.5 million'), "
                      f"in words ('seventy-two', 'two hundred') or as an amount in amounts.csv ('a dozen', 'hundreds')")


def bounds(amount: Amount, approximation: str, discrete: bool = True) -> tuple[float, float]:
    """Return (low, high) that ``amount`` with an approximator class means.

    ``discrete`` counts things one by one ("more than 70 fighters" is 71 or more); a measure or a sum
    of money is continuous, and its bound is the number itself ("more than 3 feet": low 3, excluded).
    """
    v, low, high = amount.value, amount.low, amount.high
    step = 1 if discrete else 0
    if approximation in ("exact", "vague", "range", ""):
        result = (low, high)
    elif approximation == "about":
        result = (low - max(low * ABOUT_WIDTH, step), high + max(high * ABOUT_WIDTH, step))
    elif approximation == "more_than":
        result = ((math.floor(low) + 1) if discrete else low, math.inf)
    elif approximation == "at_least":
        result = (low, math.inf)
    elif approximation == "less_than":
        result = (0, (math.ceil(high) - 1) if discrete else high)
    elif approximation == "at_most":
        result = (0, high)
    elif approximation == "just_under":
        result = (high - max(high * NEAR_WIDTH, step), high - step)
    elif approximation == "just_over":
        result = (low + step, low + max(low * NEAR_WIDTH, step))
    else:
        raise NumberError(f"unknown approximation {approximation!r}: one of {', '.join(APPROXIMATION_CLASSES)}")
    if discrete and approximation in ("about", "just_under", "just_over"):
        result = (float(math.ceil(result[0])), float(math.floor(result[1])))
    return max(result[0], 0.0), max(result[1], 0.0)


def split_approximator(text: str, approximators: dict[str, tuple[str, str]]) -> tuple[str, str, str]:
    """Return (approximator, class, number text) of a phrase: 'more than 70' -> ('more than', 'more_than', '70')."""
    lower = " ".join(text.lower().split())
    for term, (kind, position) in sorted(approximators.items(), key=lambda kv: -len(kv[0])):
        if position == "before" and lower.startswith(term + " "):
            return term, kind, lower[len(term) + 1:]
        if position == "after" and lower.endswith((" " + term, term if term.startswith("-") else "\0")):
            return term, kind, lower[:-len(term)].rstrip()
    return "", "exact", lower


def parse_number(text: str, *, discrete: bool = True, data_dir: Path | None = None) -> tuple[float, float]:
    """Return (low, high) that a number phrase means: '70' (70, 70), 'more than 70' (71, inf),
    'almost 24' (22, 23), 'about 40' (32, 48), 'hundreds' (200, 999).

    ``discrete=False`` reads a measure ('almost 24' hours is 21.6 up to 24). Raises
    :class:`NumberError` (a ``ValueError``) with an explanation when ``text`` is not a number.
    """
    if not isinstance(text, str) or not text.strip():
        raise NumberError(f"cannot read {text!r} as a number: give a phrase such as '70' or 'more than 70'")
    amounts = load_amounts(data_dir)
    _, kind, rest = split_approximator(text, load_approximators(data_dir))
    try:
        amount = read_amount(rest, amounts)
    except NumberError as error:
        raise NumberError(str(error).replace(repr(rest), repr(text), 1)) from None
    if kind == "exact" and amount.approximation == "vague":
        kind = "vague"
    return bounds(amount, kind, discrete)
