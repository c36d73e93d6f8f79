"""Hedges, boosters, weasel words and verification disclaimers, by voice."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from kit.corpus.rows import Rows
from kit.text.terms import TermIndex
from kit.framing.voice import analysed_text
from kit.text.wordlists import read_rows

HEDGE_COLUMNS = ["article_id", "sentence_id", "term", "type", "start", "end", "voice", "source_block"]
# "May 24" and "24 May" are dates, not the hedge "may".
_MONTH_MAY = re.compile(r"May(?=\s+\d)|(?<=\d\s)May")


def hedges(corpus, attributions: pd.DataFrame | None = None, data_dir: Path | None = None) -> pd.DataFrame:
    """Return one row per hedge, booster, weasel term or verification disclaimer.

    Types follow Hyland's hedges and boosters, Wikipedia's "words to watch" for weasel
    terms, and newsroom verification formulas ("could not independently verify"); the
    terms are in ``kit/data/hedges.csv``. The longest term wins ("could not verify", not "could").
    """
    index = TermIndex({r["term"]: r for r in read_rows("hedges", data_dir)})
    rows = Rows(HEDGE_COLUMNS)
    for article_id, raw, start, end, block, voices, sentence_of in analysed_text(corpus, attributions):
        for m_start, m_end, row in index.find(raw, start, end):
            if _MONTH_MAY.match(raw, m_start):
                continue
            rows.add({"article_id": article_id, "sentence_id": sentence_of(m_start), "term": row["term"],
                         "type": row["type"], "start": m_start, "end": m_end,
                         "voice": voices.voice(m_start, m_end), "source_block": block})
    frame = rows.frame()
    frame["sentence_id"] = frame["sentence_id"].astype("Int64")
    return frame.sort_values(["article_id", "start"]).reset_index(drop=True)
