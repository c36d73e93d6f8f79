"""Hedges, boosters, weasel words and verification disclaimers, by voice.

Two rules find them:

- ``term list``: the terms of ``kit/data/hedges.csv``, longest first ("could not independently
  verify", not "could"); "May 24" is a date, not the hedge "may";
- ``verification pattern``: a negation or impossibility ("no", "not", "could not", "unable",
  "impossible", "no immediate") and a checking word ("verify", "confirm", "corroborate",
  "independently", "independent confirmation") within one clause, in either order and at most
  ``MAX_GAP_WORDS`` words apart ("It was not immediately possible to verify …", "There was no
  immediate independent confirmation", "None of these figures has been independently confirmed").
  The words are in ``kit/data/verification_words.csv``; the evidence names the two that matched.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from kit.corpus.rows import Rows, in_corpus_order
from kit.text.terms import TermIndex
from kit.framing.voice import analysed_text
from kit.text.wordlists import read_rows

HEDGE_COLUMNS = ["article_id", "sentence_id", "term", "type", "start", "end", "voice", "source_block", "rule",
                 "evidence"]
PATTERN_RULE = "verification pattern"
LIST_RULE = "term list"
# "May 24" and "24 May" are dates, not the hedge "may".
_MONTH_MAY = re.compile(r"May(?=\s+\d)|(?<=\d\s)May")
# A clause ends at these marks: a negation in one clause says nothing about a check in the next.
_CLAUSE_BREAK = re.compile(r"[,;:()—–!?]|\.(?=\s|$)|\s-\s|\b(?:but|while|although|whereas)\b", re.I)
_WORD = re.compile(r"[\w’'-]+")
_CONTRACTED_NOT = re.compile(r"\w+n[’']t\b", re.I)  # couldn't, can't, hasn't
MAX_GAP_WORDS = 6


def verification_spans(raw: str, start: int, end: int, negations: TermIndex, checks: TermIndex
                       ) -> list[tuple[int, int, str, str]]:
    """Return (start, end, negation, check) of each negation-and-check pair in ``raw[start:end]``.

    The pair lies in one clause, in either order, at most ``MAX_GAP_WORDS`` words apart; the span
    runs from the first word of the pair to the last.
    """
    found = []
    cuts = [start] + [m.end() for m in _CLAUSE_BREAK.finditer(raw, start, end)] + [end]
    for c_start, c_end in zip(cuts, cuts[1:]):
        words = [m.start() for m in _WORD.finditer(raw, c_start, c_end)]
        index = lambda offset: sum(1 for w in words if w < offset)  # noqa: E731  (word position of an offset)
        negs = [(s, e) for s, e, _ in negations.find(raw, c_start, c_end)]
        negs += [m.span() for m in _CONTRACTED_NOT.finditer(raw, c_start, c_end)]
        for k_start, k_end, _ in checks.find(raw, c_start, c_end):
            near = [(abs(index(n_start) - index(k_start)), n_start, n_end) for n_start, n_end in negs
                    if abs(index(n_start) - index(k_start)) <= MAX_GAP_WORDS + 1]
            if not near:
                continue
            _, n_start, n_end = min(near)
            span = (min(n_start, k_start), max(n_end, k_end))
            if not any(s <= span[0] and span[1] <= e for s, e, _, _ in found):
                found = [f for f in found if not (span[0] <= f[0] and f[1] <= span[1])]
                found.append((span[0], span[1], raw[n_start:n_end], raw[k_start:k_end]))
    return found


def hedges(corpus, attributions: pd.DataFrame | None = None, data_dir: Path | None = None) -> pd.DataFrame:
    """Return one row per hedge, booster, weasel term or verification disclaimer, with its rule and evidence.

    Types follow Hyland's hedges and boosters, Wikipedia's "words to watch" for weasel
    terms, and newsroom verification formulas ("could not independently verify"); the
    terms are in ``kit/data/hedges.csv``. Verification disclaimers are also found by pattern
    (``rule`` "verification pattern": a negation and a checking word in one clause); the list's
    terms inside such a span ("possible" in "not immediately possible to verify") are part of it.
    With the corpus alone, the table is computed once per corpus.
    """
    if attributions is None and data_dir is None:
        return corpus.derived("framing.hedges", _hedges)
    return _hedges(corpus, attributions, data_dir)


def _hedges(corpus, attributions: pd.DataFrame | None = None, data_dir: Path | None = None) -> pd.DataFrame:
    """Return the hedges table (see :func:`hedges`)."""
    rows_of_list = read_rows("hedges", data_dir)
    index = TermIndex({r["term"]: r for r in rows_of_list})
    words = read_rows("verification_words", data_dir)
    negations = TermIndex({r["term"]: r for r in words if r["role"] == "negation"})
    checks = TermIndex({r["term"]: r for r in words if r["role"] == "check"})
    rows = Rows(HEDGE_COLUMNS)
    for article_id, raw, start, end, block, voices, sentence_of in analysed_text(corpus, attributions):
        listed = [(s, e, row) for s, e, row in index.find(raw, start, end) if not _MONTH_MAY.match(raw, s)]
        verified = [(s, e) for s, e, row in listed if row["type"] == "verification"]
        patterns = [p for p in verification_spans(raw, start, end, negations, checks)
                    if not any(s < p[1] and p[0] < e for s, e in verified)]
        for m_start, m_end, row in listed:
            if any(p_start <= m_start and m_end <= p_end for p_start, p_end, _, _ in patterns):
                continue  # "possible" in "not immediately possible to verify" belongs to the disclaimer
            rows.add({"article_id": article_id, "sentence_id": sentence_of(m_start), "term": row["term"],
                      "type": row["type"], "start": m_start, "end": m_end, "voice": voices.voice(m_start, m_end),
                      "source_block": block, "rule": LIST_RULE, "evidence": f"hedges.csv: '{row['term']}'"})
        for p_start, p_end, negation, check in patterns:
            rows.add({"article_id": article_id, "sentence_id": sentence_of(p_start),
                      "term": " ".join(raw[p_start:p_end].split()), "type": "verification", "start": p_start,
                      "end": p_end, "voice": voices.voice(p_start, p_end), "source_block": block,
                      "rule": PATTERN_RULE, "evidence": f"negation '{negation}' + check '{check}' in one clause"})
    frame = rows.frame()
    frame["sentence_id"] = frame["sentence_id"].astype("Int64")
    return in_corpus_order(frame, corpus.articles["article_id"])
