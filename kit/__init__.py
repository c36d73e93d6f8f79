"""Reading the Raids: load news articles into tidy tables and find, with evidence,
who is quoted, which words each outlet chooses and where sources disagree.

    >>> import kit
    >>> corpus = kit.load_corpus()          # the bundled seeds
    >>> corpus.articles[["label", "title"]]
"""

from kit.attribution import attributions
from kit.corpus import Corpus, CorpusProblemsError, load_corpus
from kit.views import show

__all__ = ["Corpus", "CorpusProblemsError", "attributions", "load_corpus", "show"]
__version__ = "0.1.0"
