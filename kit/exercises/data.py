"""The corpus and tables the exercise checks compare against.

They are computed once per state of the seed files: the key is each file's name, size and
modification time, so editing a seed (or its manifest) recomputes them; the answers never
come from stale tables.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd


def _seed_state() -> tuple:
    from kit.corpus.loader import SEEDS_DIR

    return tuple((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(SEEDS_DIR.iterdir()))


@lru_cache(maxsize=2)
def _analysed(state: tuple) -> dict:
    import kit

    seeds = kit.load_corpus()
    attributions = kit.attributions(seeds)
    hedges = kit.hedges(seeds, attributions)
    claims = kit.claims(seeds, attributions, hedges)
    return {"corpus": seeds, "attributions": attributions, "naming": kit.naming(seeds, attributions),
            "labels": kit.labels(seeds, attributions), "hedges": hedges, "claims": claims,
            "compare_claims": kit.compare_claims(seeds, claims)}


def corpus():
    """Return the bundled seed corpus."""
    return _analysed(_seed_state())["corpus"]


def table(name: str) -> pd.DataFrame:
    """Return a copy of the seeds' table ``name`` (attributions, naming, labels, hedges, claims, compare_claims)."""
    return _analysed(_seed_state())[name].copy()


def labelled(frame: pd.DataFrame, seeds=None) -> pd.DataFrame:
    """Return ``frame`` with the outlet ``label`` of each row's article."""
    return (seeds or corpus()).with_labels(frame)
