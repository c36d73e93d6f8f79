"""Answers as plain data: what crosses from a grading sandbox to the grader.

A submission's answers leave the sandbox as JSON, never as objects: numbers, text, booleans,
None, lists, and tagged forms of the few other shapes answers take (a tagged form is a JSON
object with one key): ``{"$tuple": [...]}``, ``{"$set": [...]}``, ``{"$dict": [[key, value], ...]}``,
``{"$ellipsis": true}`` (the untouched placeholder), ``{"$frame": {"columns": [...], "records":
[[...], ...]}}`` for a table, ``{"$series": {...}}`` and ``{"$unsupported": "TypeName"}`` for
anything else. ``to_plain`` runs in the sandbox; ``from_plain`` runs in the grader and builds
only plain Python values and pandas tables from it, so nothing a submission defines (a class
whose ``__eq__`` is always True, a function) ever reaches the checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

MAX_ITEMS = 200_000  # values in one answer (table cells count one each)
MAX_TEXT = 1_000_000  # characters in one piece of text
MAX_DEPTH = 40


class PlainDataError(ValueError):
    """Raised by ``from_plain`` for data that is not in the plain format."""


class TooLarge(ValueError):
    """Raised by ``to_plain`` when an answer is larger than the limits above."""


@dataclass(frozen=True, eq=False)
class Unsupported:
    """An answer of a type that cannot cross as plain data; it equals nothing."""

    type_name: str

    def __repr__(self) -> str:
        return f"<{self.type_name}>"


class _Budget:
    def __init__(self, items: int):
        self.left = items

    def spend(self, count: int = 1) -> None:
        self.left -= count
        if self.left < 0:
            raise TooLarge(f"more than {MAX_ITEMS} values")


def to_plain(value: Any, items: int = MAX_ITEMS) -> Any:
    """Return ``value`` as JSON-ready plain data (``{"$unsupported": ...}`` where it cannot be)."""
    try:
        return _encode(value, _Budget(items), 0)
    except TooLarge as error:
        return {"$unsupported": f"too large ({error})"}
    except RecursionError:
        return {"$unsupported": "nested too deeply"}
    except Exception:  # an object built to break reading it: only its own answer is lost
        return {"$unsupported": "could not be read"}


def _encode(value: Any, budget: _Budget, depth: int) -> Any:
    budget.spend()
    if depth > MAX_DEPTH:
        raise TooLarge(f"nested more than {MAX_DEPTH} deep")
    scalar = _scalar(value)
    if scalar is not _NOT_SCALAR:
        if isinstance(scalar, str) and len(scalar) > MAX_TEXT:
            raise TooLarge(f"text longer than {MAX_TEXT} characters")
        return scalar
    if value is Ellipsis:
        return {"$ellipsis": True}
    kind = type(value)
    if kind in (list, tuple, set, frozenset):
        items = [_encode(item, budget, depth + 1) for item in list(value)]
        return items if kind is list else {"$tuple" if kind is tuple else "$set": items}
    if kind is dict:
        return {"$dict": [[_encode(k, budget, depth + 1), _encode(v, budget, depth + 1)] for k, v in list(value.items())]}
    if kind is pd.DataFrame:
        budget.spend(value.size)
        return {"$frame": {"columns": [_cell(c) for c in value.columns],
                           "records": [[_cell(v) for v in row] for row in value.itertuples(index=False, name=None)]}}
    if kind is pd.Series:
        budget.spend(2 * value.size)
        return {"$series": {"name": _cell(value.name), "index": [_cell(i) for i in value.index],
                            "values": [_cell(v) for v in value.tolist()]}}
    return {"$unsupported": _type_name(value)}


_NOT_SCALAR = object()


def _scalar(value: Any) -> Any:
    """Return ``value`` as a built-in scalar (numpy's too), or ``_NOT_SCALAR``."""
    import numpy as np

    kind = type(value)  # not isinstance: an object can claim any __class__
    if value is None or kind in (bool, int, float, str):
        return value
    if issubclass(kind, np.bool_):
        return bool(value)
    if issubclass(kind, int):
        return int.__int__(value)  # the number itself, whatever a subclass's __int__ says
    if issubclass(kind, np.integer):
        return int(value)
    if issubclass(kind, float):
        return float.__float__(value)
    if issubclass(kind, np.floating):
        return float(value)
    if issubclass(kind, str):
        return str.__str__(value)
    return _NOT_SCALAR


def _cell(value: Any) -> Any:
    """Return a table cell as a scalar: missing values as None, other objects as unsupported."""
    scalar = _scalar(value)
    if scalar is not _NOT_SCALAR:
        if isinstance(scalar, str) and len(scalar) > MAX_TEXT:
            raise TooLarge(f"text longer than {MAX_TEXT} characters")
        return scalar
    if value is pd.NA or value is pd.NaT:
        return None
    return {"$unsupported": _type_name(value)}


def _type_name(value: Any) -> str:
    """Return the name of ``value``'s type, for a message."""
    return str(getattr(type(value), "__name__", "object"))[:80]


def from_plain(data: Any) -> Any:
    """Return the value that plain ``data`` (as parsed from JSON) stands for.

    Raises ``PlainDataError`` for anything outside the format.
    """
    try:
        return _decode(data, 0)
    except RecursionError:
        raise PlainDataError("nested too deeply") from None


def _decode(data: Any, depth: int) -> Any:
    if depth > MAX_DEPTH + 2:
        raise PlainDataError("nested too deeply")
    if data is None or type(data) in (bool, int, float, str):
        return data
    if type(data) is list:
        return [_decode(item, depth + 1) for item in data]
    if type(data) is not dict or len(data) != 1:
        raise PlainDataError(f"unexpected {type(data).__name__}")
    tag, body = next(iter(data.items()))
    if tag == "$ellipsis":
        return Ellipsis
    if tag == "$unsupported":
        return Unsupported(str(body)[:120])
    if tag in ("$tuple", "$set"):
        items = [_decode(item, depth + 1) for item in _list(body)]
        return tuple(items) if tag == "$tuple" else _hashable(set, items)
    if tag == "$dict":
        pairs = [_pair(pair, depth) for pair in _list(body)]
        return _hashable(dict, pairs)
    if tag == "$frame":
        return _frame(body, depth)
    if tag == "$series":
        return _series(body, depth)
    raise PlainDataError(f"unknown tag {str(tag)[:40]!r}")


def _list(body: Any) -> list:
    """Return ``body`` if it is a JSON list."""
    if type(body) is not list:
        raise PlainDataError("expected a list")
    return body


def _pair(pair: Any, depth: int) -> tuple[Any, Any]:
    """Return a dict item, decoded from its [key, value] pair."""
    if type(pair) is not list or len(pair) != 2:
        raise PlainDataError("a dict item must be a [key, value] pair")
    return _decode(pair[0], depth + 1), _decode(pair[1], depth + 1)


def _hashable(make: type, items: list) -> Any:
    """Return ``make(items)`` (a set or dict), refusing elements or keys that cannot be hashed."""
    try:
        return make(items)
    except TypeError:
        raise PlainDataError("a set element or dict key that cannot be one") from None


def _cells(values: Any, depth: int) -> list:
    """Return a row of table cells, each a single value."""
    cells = [_decode(value, depth + 1) for value in _list(values)]
    if any(isinstance(cell, (list, tuple, set, dict, pd.DataFrame, pd.Series)) for cell in cells):
        raise PlainDataError("table cells must be single values")
    return cells


def _frame(body: Any, depth: int) -> pd.DataFrame:
    if type(body) is not dict or set(body) != {"columns", "records"}:
        raise PlainDataError("a table needs columns and records")
    columns = _cells(body["columns"], depth)
    records = [_cells(row, depth) for row in _list(body["records"])]
    if any(len(row) != len(columns) for row in records):
        raise PlainDataError("every record needs one value per column")
    return pd.DataFrame.from_records(records, columns=columns) if records else pd.DataFrame(columns=columns)


def _series(body: Any, depth: int) -> pd.Series:
    if type(body) is not dict or set(body) != {"name", "index", "values"}:
        raise PlainDataError("a series needs name, index and values")
    index, values = _cells(body["index"], depth), _cells(body["values"], depth)
    if len(index) != len(values):
        raise PlainDataError("a series needs one index label per value")
    return pd.Series(values, index=index, name=_cells([body["name"]], depth)[0], dtype=None if values else object)
