"""What to tell a student whose answer is not right: what they gave, what was wanted, the likely slip.

The checks in ``kit.exercises.core`` decide right or wrong; this module only words the
feedback. Every function takes the student's value and the expected one and returns a
sentence, or None when it has nothing specific to say.
"""

from __future__ import annotations

import math
import numbers
import reprlib
from typing import Any

import numpy as np
import pandas as pd

DECIMALS = (0, 1, 2, 3)  # the roundings a question asks for


class _Short(reprlib.Repr):
    """Values as a student would write them, cut short: ``math.inf``, not ``inf``."""

    def repr_float(self, value: float, level: int) -> str:
        return ("-" if value < 0 else "") + "math.inf" if math.isinf(value) else repr(round(value, 6))


_SHORT = _Short()
_SHORT.maxstring, _SHORT.maxother, _SHORT.maxdict, _SHORT.maxset, _SHORT.maxlist = 60, 60, 4, 6, 6


def is_number(value: Any) -> bool:
    """Is ``value`` a number (Python's or numpy's), and not True/False?"""
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def describe(value: Any) -> str:
    """Return what kind of value ``value`` is, in words a student knows."""
    if isinstance(value, pd.DataFrame):
        return f"a table (a pandas DataFrame, {len(value)} row{'s' * (len(value) != 1)})"
    if isinstance(value, pd.Series):
        return "a column of values (a pandas Series)"
    if value is None:
        return "None"
    if isinstance(value, bool):
        return f"{value} (a yes/no value)"
    if is_number(value):
        return "a number"
    if isinstance(value, str):
        return "text"
    for kind, words in ((dict, "a dictionary"), ((set, frozenset), "a set"), (list, "a list"), (tuple, "a tuple")):
        if isinstance(value, kind):
            return words
    if callable(value):
        return "a function"
    return f"a {type(value).__name__} object"


def value_text(value: Any) -> str:
    """Return a short, readable form of a value for a message."""
    if isinstance(value, np.generic):
        value = value.item()  # 92.2, not np.float64(92.2)
    if isinstance(value, pd.DataFrame):
        return describe(value)
    if isinstance(value, pd.Series):
        return f"{describe(value)} {_SHORT.repr(value.to_dict())}"
    return _SHORT.repr(value)


def argument_text(value: Any) -> str:
    """Return how a test input reads in a call: a corpus is ``corpus``, a table says its size."""
    if isinstance(value, np.generic):
        value = value.item()
    if hasattr(value, "articles") and hasattr(value, "texts"):
        return "corpus"
    if isinstance(value, pd.DataFrame):
        if len(value) <= 4:
            return f"pd.DataFrame({_SHORT.repr(value.to_dict('list'))})"
        return f"<a table of {len(value)} rows>"
    return _SHORT.repr(value)


def type_feedback(answer: Any, expected: Any) -> str | None:
    """Return what to do when the answer is of the wrong kind (a table where a number is wanted ...)."""
    given = describe(answer)
    if isinstance(expected, pd.DataFrame):
        if isinstance(answer, pd.Series):
            return f"The answer should be a table (a pandas DataFrame), but it is {given}: .reset_index() or " \
                   ".to_frame() makes a table of it."
        return None if isinstance(answer, pd.DataFrame) else f"The answer should be a table (a pandas DataFrame), " \
                                                                f"but it is {given}."
    if is_number(expected) and not is_number(answer):
        how = {pd.DataFrame: " Take the number out of it: len(table) counts its rows, table[\"column\"].sum() adds "
                             "up a column.",
               pd.Series: " Reduce it to one number: .sum(), .min(), .max(), len(...) or .iloc[0].",
               str: " Write the number without quotation marks."}
        return f"The answer should be one number, but it is {given}.{_how(answer, how)}"
    if isinstance(expected, str) and not isinstance(answer, str):
        how = {pd.Series: " Take one value out of it with .iloc[0].",
               pd.DataFrame: " Take one value out of it: table[\"column\"].iloc[0]."}
        return f"The answer should be text (a string in quotation marks), but it is {given}.{_how(answer, how)}"
    if isinstance(expected, dict) and not isinstance(answer, dict):
        how = {pd.Series: " Turn it into one with .to_dict() (or dict(...))."}
        return f"The answer should be a dictionary, like {{\"key\": value}}, but it is {given}.{_how(answer, how)}"
    if isinstance(expected, (set, frozenset)) and not isinstance(answer, (set, frozenset, list, tuple, pd.Series)):
        return f"The answer should be a set of values, like {{\"a\", \"b\"}}, but it is {given}."
    if isinstance(expected, bool) and not isinstance(answer, bool):
        return f"The answer should be True or False, but it is {given}."
    return None


def _how(answer: Any, advice: dict[type, str]) -> str:
    return next((text for kind, text in advice.items() if isinstance(answer, kind)), "")


def likely_slip(answer: Any, expected: Any, function: bool = False) -> str | None:
    """Return the slip that would explain the difference (not rounded, a share for a percentage ...), if one does."""
    if function and answer is None and expected is not None:
        return "the function returned None: does it end with a return line?"
    if isinstance(expected, dict) and isinstance(answer, pd.Series):
        return "a pandas Series instead of a dict: return dict(...) or series.to_dict()."
    if is_number(expected) and is_number(answer):
        return _number_slip(float(answer), float(expected))
    if isinstance(expected, dict) and isinstance(answer, dict):
        return _dict_slip(answer, expected)
    if function and type_feedback(answer, expected):
        return f"it returned {describe(answer)}; {describe(expected)} is wanted."
    return None


def _number_slip(answer: float, expected: float) -> str | None:
    close = lambda a, b: math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)  # noqa: E731
    decimals = next((d for d in DECIMALS if close(round(expected, d), expected)), None)
    if decimals is not None and not close(answer, expected) and close(round(answer, decimals), expected):
        return f"not rounded: round(value, {decimals}) gives {decimals} decimal{'s' * (decimals != 1)}."
    if decimals is not None and close(round(100 * answer, decimals), expected) and not close(expected, 0):
        return "a share (0 to 1) instead of a percentage (0 to 100): multiply by 100."
    if decimals is not None and close(round(answer / 100, decimals), expected) and not close(expected, 0):
        return "a percentage (0 to 100) instead of a share (0 to 1): do not multiply by 100."
    return None


def _dict_slip(answer: dict, expected: dict) -> str | None:
    missing = [key for key in expected if key not in answer]
    extra = [key for key in answer if key not in expected]
    if missing or extra:
        parts = [f"missing key(s) {_SHORT.repr(missing)}"] if missing else []
        parts += [f"key(s) that do not belong {_SHORT.repr(extra)}"] if extra else []
        return "; ".join(parts) + "."
    for key, value in expected.items():
        slip = likely_slip(answer[key], value)
        if slip:
            return f"for {key!r}: {slip}"
    return None
