"""A progress bar for long runs, in the terminal and in notebooks (tqdm).

Shown only when there are at least ``PROGRESS_MIN_ITEMS`` articles, so small corpora
(and the lessons' outputs) stay quiet.
"""

from __future__ import annotations

from typing import Iterable, Iterator, TypeVar

PROGRESS_MIN_ITEMS = 300
T = TypeVar("T")


def progress(items: Iterable[T], total: int, description: str) -> Iterator[T] | Iterable[T]:
    """Return ``items``, wrapped in a tqdm bar when ``total`` is large enough to wait for."""
    if total < PROGRESS_MIN_ITEMS:
        return items
    from tqdm import tqdm  # plain tqdm writes to stderr, which terminals and JupyterLab both show

    return tqdm(items, total=total, desc=description, unit="article", leave=False)
