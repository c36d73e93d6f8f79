"""Sentiment per sentence, split by voice, with TextBlob's pattern analyzer.

Read these numbers with care. TextBlob's lexicon was built from product reviews
(adjectives such as "great", "poor", "amazing"), not from war reporting: it scores
"killed", "raid" or "terrorists" as neutral, and it reads "a brazen mission" or
"absolutely not ready" by their adjectives and intensifiers. A polarity near 0 means
"no review adjectives here", not "balanced reporting". Use the scores to find
sentences worth reading closely, never as a verdict on an outlet.
"""

from __future__ import annotations

import pandas as pd

from kit.corpus.rows import Rows, by_article
from kit.text.sentences import count_words
from kit.framing.voice import analysed_text

SENTIMENT_COLUMNS = ["article_id", "sentence_id", "voice", "polarity", "subjectivity", "n_words", "text",
                     "start", "end"]
ARTICLE_SENTIMENT_COLUMNS = ["article_id", "voice", "polarity", "subjectivity", "n_words", "n_pieces"]
MIN_PIECE_WORDS = 3
_EDGES = " \n\r\t,;:—–-“”\"‘’'"  # quotation marks and separators around a piece are not scored


def _analyzer():
    """Return TextBlob's pattern sentiment scorer: text -> (polarity, subjectivity).

    It is what ``TextBlob(text).sentiment`` (the PatternAnalyzer) computes; called directly
    it skips the analyzer's per-call wrapper. Its lexicon ships with TextBlob: no download.
    """
    from textblob.en import sentiment as pattern_sentiment

    return pattern_sentiment


def _pieces(voices, start: int, end: int) -> list[tuple[int, int, str]]:
    """Cut ``[start, end)`` where the voice changes; return (start, end, voice) pieces."""
    cuts = {start, end}
    for a, b in voices.quoted + voices.attributed:
        cuts.update(x for x in (a, b) if start < x < end)
    cuts = sorted(cuts)
    pieces: list[tuple[int, int, str]] = []
    for a, b in zip(cuts, cuts[1:]):
        voice = voices.voice(a, b)
        if pieces and pieces[-1][2] == voice:
            pieces[-1] = (pieces[-1][0], b, voice)
        else:
            pieces.append((a, b, voice))
    return pieces


def sentiment(corpus, attributions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return polarity (-1..1) and subjectivity (0..1) of each sentence's pieces, one row per voice.

    A sentence that mixes the outlet's narration with a quotation gives one row for each
    voice (pieces under three words are skipped).

    Read with care: TextBlob's lexicon was built from product reviews, not war reporting.
    It scores "killed" or "terrorists" as neutral and reads sentences by their review
    adjectives ("a criminal case" comes out negative, "the best way" strongly positive).
    A score is a pointer to a sentence worth reading, never a verdict on an outlet.
    With the corpus alone, the table is computed once per corpus.
    """
    if attributions is None:
        return corpus.derived("framing.sentiment", _sentiment)
    return _sentiment(corpus, attributions)


def _sentiment(corpus, attributions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the sentiment table (see :func:`sentiment`)."""
    analyzer = _analyzer()
    sentences = by_article(corpus.sentences)
    rows = Rows(SENTIMENT_COLUMNS)
    for article_id, raw, start, end, block, voices, sentence_of in analysed_text(corpus, attributions):
        if block != "body":
            continue
        for sentence in (s for s in sentences.get(article_id, []) if start <= s.start and s.end <= end):
            for p_start, p_end, voice in _pieces(voices, sentence.start, sentence.end):
                piece = raw[p_start:p_end]
                text = piece.strip(_EDGES)
                p_start += len(piece) - len(piece.lstrip(_EDGES))  # offsets name exactly the scored text
                p_end = p_start + len(text)
                n_words = count_words(text)
                if n_words < MIN_PIECE_WORDS:
                    continue
                polarity, subjectivity = analyzer(text)
                rows.add({"article_id": article_id, "sentence_id": sentence.sentence_id, "voice": voice,
                             "polarity": round(polarity, 3), "subjectivity": round(subjectivity, 3),
                             "n_words": n_words, "text": text, "start": p_start, "end": p_end})
    return rows.frame()


def sentiment_by_article(table: pd.DataFrame) -> pd.DataFrame:
    """Return word-weighted mean polarity and subjectivity per article and voice."""
    if table.empty:
        return pd.DataFrame(columns=ARTICLE_SENTIMENT_COLUMNS)
    weighted = table.assign(p=table["polarity"] * table["n_words"], s=table["subjectivity"] * table["n_words"])
    grouped = weighted.groupby(["article_id", "voice"], as_index=False).agg(
        p=("p", "sum"), s=("s", "sum"), n_words=("n_words", "sum"), n_pieces=("text", "size"))
    grouped["polarity"] = (grouped["p"] / grouped["n_words"]).round(3)
    grouped["subjectivity"] = (grouped["s"] / grouped["n_words"]).round(3)
    return grouped[ARTICLE_SENTIMENT_COLUMNS]
