"""Labels: the words that describe people and sides, and spelling choices, by voice.

General labels (militant, terrorist, rebel, regime ...) are in ``kit/data/labels.csv``; a story's own
labels and spellings ("Kiev regime", Kiev/Kyiv) are in its topic pack. A label word inside a name
("Volunteer" in "Russian Volunteer Corps", "Kyiv" in "The Kyiv Independent") is part of the name.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from kit.corpus.topic import note_without_pack
from kit.corpus.rows import Rows, by_article, in_corpus_order
from kit.framing.voice import analysed_text
from kit.text.terms import TermIndex
from kit.text.wordlists import read_rows

LABEL_COLUMNS = ["article_id", "sentence_id", "term", "surface", "category", "connotation", "start", "end",
                 "voice", "source_block", "list"]


def label_rows(topic=None, data_dir: Path | None = None) -> list[dict[str, str]]:
    """Return the general labels, then the topic pack's, each with the list it comes from."""
    rows = [{**row, "list": "general"} for row in read_rows("labels", data_dir)]
    return rows + [{**row, "list": "topic pack"} for row in (topic.labels if topic is not None else ())]


def label_indexes(topic=None, data_dir: Path | None = None) -> tuple[TermIndex, TermIndex]:
    """Return the label terms and the spelling terms as two indexes.

    Spelling is read apart from labels so that "Kiev regime" counts both as a label
    and as the spelling "Kiev".
    """
    rows = label_rows(topic, data_dir)
    labels = {r["term"]: r for r in rows if r["category"] != "spelling"}
    spellings = {r["term"]: r for r in rows if r["category"] == "spelling"}
    return TermIndex(labels, plurals=True), TermIndex(spellings)


def labels(corpus, attributions: pd.DataFrame | None = None, entities: pd.DataFrame | None = None,
           data_dir: Path | None = None) -> pd.DataFrame:
    """Return one row per label or spelling choice, with its category, connotation, voice and list.

    ``voice`` is outlet, quoted, attributed, or scare_quoted (a short quotation no source
    is credited with); ``list`` says whether the term is a general label or the topic pack's.
    With the corpus alone, the table is computed once per corpus.
    """
    if attributions is None and entities is None and data_dir is None:
        return corpus.derived("framing.labels", _labels)
    return _labels(corpus, attributions, entities, data_dir)


def _labels(corpus, attributions: pd.DataFrame | None = None, entities: pd.DataFrame | None = None,
            data_dir: Path | None = None) -> pd.DataFrame:
    """Return the labels table (see :func:`labels`)."""
    from kit.attribution import entities as find_entities

    text = analysed_text(corpus, attributions, entities)
    entities = find_entities(corpus) if entities is None else entities
    label_index, spelling_index = label_indexes(corpus.topic, data_dir)
    names = by_article(entities)
    rows = Rows(LABEL_COLUMNS)
    for article_id, raw, start, end, block, voices, sentence_of in text:
        inside = [n for n in names.get(article_id, []) if start <= n.start and n.end <= end]
        spans = [(n.start, n.end) for n in inside]
        outlet_spans = [(n.start, n.end) for n in inside if n.type == "media"]
        for index in (label_index, spelling_index):
            masks = spans if index is label_index else outlet_spans
            for m_start, m_end, row in index.find(raw, start, end):
                if any(a <= m_start and m_end <= b and (b - a) > (m_end - m_start) for a, b in masks):
                    continue  # "Volunteer" in "Russian Volunteer Corps", "Kyiv" in "The Kyiv Independent": names
                rows.add({"article_id": article_id, "sentence_id": sentence_of(m_start), "term": row["term"],
                          "surface": raw[m_start:m_end], "category": row["category"],
                          "connotation": row["connotation"], "start": m_start, "end": m_end,
                          "voice": voices.voice(m_start, m_end, labels=True), "source_block": block,
                          "list": row["list"]})
    frame = rows.frame()
    frame["sentence_id"] = frame["sentence_id"].astype("Int64")
    note_without_pack(corpus, "labels", frame)
    return in_corpus_order(frame, corpus.articles["article_id"])
