"""Reading the Raids: load news articles into tidy tables and find, with evidence,
who is quoted, which words each outlet chooses and where sources disagree.

    >>> import kit
    >>> corpus = kit.load_corpus()          # the bundled seeds
    >>> corpus.articles[["label", "title"]]
    >>> kit.attributions(corpus)            # who says what, with offsets and the rule
    >>> kit.show(corpus, "004_d04297bcf570ef21")

Plotting lives in ``kit.plots`` (imported on use, so ``import kit`` stays fast).
"""

from kit.attribution import attributions
from kit.claims import claims, compare_claims
from kit.corpus import Corpus, CorpusProblemsError, load_corpus
from kit.hedges import hedges
from kit.labels import labels
from kit.naming import naming
from kit.sentiment import sentiment, sentiment_by_article
from kit.views import show

__all__ = ["Corpus", "CorpusProblemsError", "attributions", "claims", "compare_claims", "hedges",
           "labels", "load_corpus", "naming", "sentiment", "sentiment_by_article", "show"]
__version__ = "0.1.0"
