"""Shared fixtures. (The network guard that every test runs under is in the root conftest.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest

import kit

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
SEEDS = REPO / "seeds"


@pytest.fixture(scope="session")
def seeds() -> kit.Corpus:
    """The bundled seed corpus, loaded once (tests must not modify it)."""
    return kit.load_corpus()


def read_raw(path: Path) -> str:
    """Return a file's text exactly as the kit reads it."""
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()
