"""Find the folder a user means, or say plainly why it cannot be found.

A student types a path into a notebook; a typo, a path relative to the wrong place, ``~`` or a
file instead of a folder must end in one sentence that shows the absolute path tried and what to
do, not in a traceback.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

from kit.text.errors import PlainMessageError

MAX_SUGGESTIONS = 3


class CorpusFolderError(PlainMessageError, FileNotFoundError):
    """Raised when the path given to ``load_corpus`` is not a folder; the message says what to do."""


def corpus_folder(path: str | Path) -> Path:
    """Return ``path`` as a folder (``~`` expanded), or raise :class:`CorpusFolderError` saying why not."""
    given = Path(path).expanduser()
    folder = Path(os.path.abspath(given))  # '..' folded, so the message shows the place itself
    if folder.is_dir():
        return given
    if folder.exists():
        raise CorpusFolderError(
            f"'{folder}' is a file, not a folder. Give the folder that holds your .txt files "
            f"(here: '{folder.parent}').")
    where = "" if given.is_absolute() else (
        f" A relative path is read from '{Path.cwd()}', the folder this notebook or command runs in.")
    raise CorpusFolderError(
        f"No folder at '{folder}' (you gave '{path}').{where}{_suggestion(folder)} "
        "Check the spelling, or create the folder and put your .txt files in it.")


def _suggestion(folder: Path) -> str:
    """Return ' Did you mean ...?' naming existing folders spelled like ``folder``, or ''."""
    parent = next((p for p in folder.parents if p.is_dir()), None)
    if parent is None:
        return ""
    try:
        siblings = [entry.name for entry in parent.iterdir() if entry.is_dir()]
    except OSError:
        return ""
    missing = folder.relative_to(parent).parts[0]
    close = difflib.get_close_matches(missing, siblings, n=MAX_SUGGESTIONS, cutoff=0.6)
    if not close:
        return ""
    return " Did you mean " + " or ".join(f"'{parent / name}'" for name in close) + "?"
