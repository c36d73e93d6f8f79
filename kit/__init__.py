"""Reading the Raids: load news articles into tidy tables and find, with evidence,
who is quoted, which words each outlet chooses and where sources disagree.

    >>> import kit
    >>> corpus = kit.load_corpus()          # the bundled seeds
    >>> corpus.articles[["label", "title"]]
    >>> kit.attributions(corpus)            # who says what, with offsets and the rule
    >>> tables = kit.analyze(corpus)        # every table, each computed once per corpus
    >>> kit.show(corpus, "004_d04297bcf570ef21")

The package follows the pipeline, one subpackage per stage: ``text`` → ``corpus`` →
``attribution`` → ``framing`` → ``views``; ``exercises`` and ``cli`` sit on top.
Plotting lives in ``kit.plots`` (imported on use, so ``import kit`` stays fast).
"""

from importlib import import_module

from kit.attribution import attributions, entities
from kit.corpus import Corpus, CorpusFolderError, CorpusProblemsError, load_corpus
from kit.framing import (Tables, analyze, claims, compare_claims, hedges, labels, naming, sentiment,
                         sentiment_by_article)
from kit.views import show

__all__ = ["Corpus", "CorpusFolderError", "CorpusProblemsError", "Tables", "analyze", "attributions", "claims",
           "compare_claims", "entities", "hedges", "labels", "load_corpus", "naming", "plots", "sentiment",
           "sentiment_by_article", "show"]
__version__ = "0.1.0"

_ON_USE = {"plots": "kit.views.plots"}


def __getattr__(name: str):
    """Import ``kit.plots`` when first used (it loads matplotlib)."""
    if name in _ON_USE:
        return import_module(_ON_USE[name])
    raise AttributeError(f"module 'kit' has no attribute {name!r}")
