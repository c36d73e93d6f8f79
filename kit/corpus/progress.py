"""A progress bar for long runs, in the terminal and in notebooks (tqdm).

Shown only when there are at least ``PROGRESS_MIN_ITEMS`` articles, so small corpora
(and the lessons' outputs) stay quiet.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterable, Iterator, TypeVar

PROGRESS_MIN_ITEMS = 300
T = TypeVar("T")
_QUIET = [False]  # set while a worker analyses one partition: the run shows one bar of its own


@contextmanager
def quiet() -> Iterator[None]:
    """Show no progress bars inside this block."""
    before, _QUIET[0] = _QUIET[0], True
    try:
        yield
    finally:
        _QUIET[0] = before


def progress(items: Iterable[T], total: int, description: str) -> Iterator[T] | Iterable[T]:
    """Return ``items``, wrapped in a tqdm bar when ``total`` is large enough to wait for."""
    if total < PROGRESS_MIN_ITEMS or _QUIET[0]:
        return items
    from tqdm import tqdm  # plain tqdm writes to stderr, which terminals and JupyterLab both show

    return tqdm(items, total=total, desc=description, unit="article", leave=False)


@contextmanager
def progress_bar(description: str) -> Iterator[Callable[[int, int], None]]:
    """Show a bar for a run whose size is learnt as it goes; yield ``update(done, total)``."""
    from tqdm import tqdm

    with tqdm(desc=description, unit="article") as bar:
        def update(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)
        yield update
