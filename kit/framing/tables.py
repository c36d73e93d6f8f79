"""Every table of a corpus in one bundle, each computed once: ``kit.analyze(corpus)``.

    >>> tables = kit.analyze(corpus)
    >>> tables.attributions, tables.naming, tables.claims    # each computed when first read
    >>> dict(tables.items())                                 # every table, by its CSV name

Each stage runs once per corpus and later stages reuse earlier ones: the attributions and
entities are read in one pass over the articles, the voices once, and naming, labels, hedges,
claims, the claims comparison and sentiment from them. The tables are kept with the corpus
(``Corpus.derived``), so ``kit.naming(corpus)`` and ``kit.analyze(corpus).naming`` are the same
table, computed once. A corpus never changes, so a kept table never goes stale; each table read
is a copy of its own, so editing it changes nothing kept.
"""

from __future__ import annotations

from typing import Callable, Iterator

import pandas as pd

from kit.attribution import attributions, entities
from kit.framing.claims import claims, compare_claims
from kit.framing.hedges import hedges
from kit.framing.labels import labels
from kit.framing.naming import naming
from kit.framing.sentiment import sentiment

CORPUS_TABLES = ("articles", "blocks", "paragraphs", "sentences", "problems")
# Analysis tables in the order they are computed and written: CSV name -> attribute of Tables.
ANALYSIS_TABLES = {"attributions": "attributions", "naming": "naming", "labels": "labels", "hedges": "hedges",
                   "claims": "claims", "claims_comparison": "comparison", "sentiment": "sentiment"}
# Tables whose rows each belong to one article, and that can be computed article by article.
PER_ARTICLE_TABLES = CORPUS_TABLES[:-1] + ("attributions", "naming", "labels", "hedges", "claims", "sentiment")


def _analysis(function: Callable[..., pd.DataFrame], what: str) -> property:
    """Return the property that gives ``function(corpus)``: ``what`` the table holds."""
    return property(lambda tables: function(tables.corpus), doc=f"Return {what} (``kit.{function.__name__}``).")


class Tables:
    """Every table of one corpus; each is computed the first time it is read, then kept with the corpus."""

    def __init__(self, corpus):
        self.corpus = corpus

    def __repr__(self) -> str:
        return f"<Tables of {self.corpus!r}>"

    attributions = _analysis(attributions, "who says what")
    entities = _analysis(entities, "the names of people, organisations and places")
    naming = _analysis(naming, "which name for whom, in whose voice")
    labels = _analysis(labels, "the labels and spellings, by voice")
    hedges = _analysis(hedges, "the hedges, boosters, weasel words and disclaimers")
    claims = _analysis(claims, "the numeric claims")
    comparison = _analysis(compare_claims, "the claims lined up across sources, conflicts flagged")
    sentiment = _analysis(sentiment, "polarity and subjectivity by sentence and voice")

    def table(self, name: str) -> pd.DataFrame:
        """Return one table by its CSV name (``articles`` ... ``claims_comparison``, ``sentiment``)."""
        if name in CORPUS_TABLES:
            return getattr(self.corpus, name)
        if name not in ANALYSIS_TABLES:
            raise KeyError(f"no table {name!r}: the tables are {', '.join(self.names())}")
        return getattr(self, ANALYSIS_TABLES[name])

    __getitem__ = table

    @staticmethod
    def names() -> list[str]:
        """Return the CSV names of every table, in the order they are written."""
        return list(CORPUS_TABLES) + list(ANALYSIS_TABLES)

    def items(self) -> Iterator[tuple[str, pd.DataFrame]]:
        """Yield (CSV name, table) for every table: the corpus's, then each analysis in pipeline order."""
        for name in self.names():
            yield name, self.table(name)


def analyze(corpus) -> Tables:
    """Return every table of ``corpus`` as one bundle, each computed once per corpus when first read."""
    return corpus.derived("framing.tables", Tables)
