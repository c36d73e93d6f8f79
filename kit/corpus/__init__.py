"""Stage 2, corpus: read a folder's files, split each copy into labelled blocks, paragraphs and
sentences, take metadata from a manifest or the text, and hold it all as tidy tables.
"""

from kit.corpus.folder import CorpusFolderError
from kit.corpus.loader import FAILING_SEVERITIES, SEEDS_DIR, Corpus, CorpusProblemsError, load_corpus

__all__ = ["FAILING_SEVERITIES", "SEEDS_DIR", "Corpus", "CorpusFolderError", "CorpusProblemsError",
           "load_corpus"]
