"""The attributions table of a corpus: one row per (source, cue), with offsets and evidence."""

from __future__ import annotations

import pandas as pd

from kit.attribution.lexicon import AttributionRules
from kit.attribution.reader import ArticleReader
from kit.attribution.units import article_units
from kit.corpus.progress import progress
from kit.corpus.rows import Rows, by_article

ATTRIBUTION_COLUMNS = [
    "article_id", "attribution_id", "sentence_id", "kind", "content", "content_start", "content_end",
    "speaker_surface", "speaker_start", "speaker_end", "speaker", "speaker_group", "cue",
    "cue_start", "cue_end", "cue_lemma", "verb_stance", "follow_on", "rule", "resolution",
    "confidence", "source_block",
]


def attributions(corpus, rules: AttributionRules | None = None) -> pd.DataFrame:
    """Return the attributions table of ``corpus``: one row per (source, cue).

    Offsets (``content_*``, ``speaker_*``, ``cue_*``) index ``corpus.texts[article_id]``;
    ``rule`` names the frame that fired, ``resolution`` how the speaker was found, and
    ``confidence`` is lower where the evidence is thin (no cue, unresolved speaker).
    """
    rules = rules or AttributionRules.load()
    rows = Rows(ATTRIBUTION_COLUMNS)
    blocks, paragraphs, sentences = by_article(corpus.blocks), by_article(corpus.paragraphs), by_article(corpus.sentences)
    ids = corpus.articles["article_id"]
    for article_id in progress(ids, len(ids), "attributions"):
        raw = corpus.texts[article_id]
        units = article_units(raw, blocks.get(article_id, []), paragraphs.get(article_id, []),
                              sentences.get(article_id, []), rules)
        reader = ArticleReader(raw, units, rules, article_id)
        found = sorted(reader.read(), key=lambda r: (r["content_start"], r["cue_start"] or 0))
        for number, row in enumerate(found, start=1):
            row["attribution_id"] = f"{article_id}:{number}"
            rows.add(row)
    frame = rows.frame()
    for column in ("sentence_id", "speaker_start", "speaker_end", "cue_start", "cue_end"):
        frame[column] = frame[column].astype("Int64")
    return frame

