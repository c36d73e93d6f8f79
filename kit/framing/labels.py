"""Labels: the words that describe the raiders and the sides, and spelling choices, by voice."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from kit.corpus.rows import Rows
from kit.attribution.actors import ActorTable
from kit.text.terms import TermIndex
from kit.framing.voice import analysed_text
from kit.text.wordlists import read_rows

LABEL_COLUMNS = ["article_id", "sentence_id", "term", "surface", "category", "connotation", "start", "end",
                 "voice", "source_block"]


def label_indexes(data_dir: Path | None = None) -> tuple[TermIndex, TermIndex]:
    """Return the label terms and the spelling terms of ``labels.csv`` as two indexes.

    Spelling is read apart from labels so that "Kiev regime" counts both as a label
    and as the spelling "Kiev".
    """
    rows = read_rows("labels", data_dir)
    labels = {r["term"]: r for r in rows if r["category"] != "spelling"}
    spellings = {r["term"]: r for r in rows if r["category"] == "spelling"}
    return TermIndex(labels, plurals=True), TermIndex(spellings)


def labels(corpus, attributions: pd.DataFrame | None = None, data_dir: Path | None = None) -> pd.DataFrame:
    """Return one row per label or spelling choice, with its category, connotation and voice.

    ``voice`` is outlet, quoted, attributed, or scare_quoted (a short quotation no source
    is credited with). Terms come from ``kit/data/labels.csv``.
    """
    label_index, spelling_index = label_indexes(data_dir)
    actors = ActorTable.load(data_dir)
    rows = Rows(LABEL_COLUMNS)
    scanned: dict[str, list] = {}
    for article_id, raw, start, end, block, voices, sentence_of in analysed_text(corpus, attributions):
        if article_id not in scanned:
            scanned[article_id] = actors.mentions(raw)
        mentions = [m for m in scanned[article_id] if start <= m.start and m.end <= end]
        names = [(m.start, m.end) for m in mentions]
        outlet_names = [(m.start, m.end) for m in mentions if m.actor.type == "media"]
        for index in (label_index, spelling_index):
            for m_start, m_end, row in index.find(raw, start, end):
                inside = names if index is label_index else outlet_names
                if any(a <= m_start and m_end <= b and (b - a) > (m_end - m_start) for a, b in inside):
                    continue  # "Volunteer" in "Russian Volunteer Corps", "Kyiv" in "The Kyiv Independent": names
                rows.add({"article_id": article_id, "sentence_id": sentence_of(m_start), "term": row["term"],
                             "surface": raw[m_start:m_end], "category": row["category"],
                             "connotation": row["connotation"], "start": m_start, "end": m_end,
                             "voice": voices.voice(m_start, m_end, labels=True), "source_block": block})
    frame = rows.frame()
    frame["sentence_id"] = frame["sentence_id"].astype("Int64")
    return frame.sort_values(["article_id", "start"]).reset_index(drop=True)
