"""Naming: every mention of an actor, with the name the text uses and whose voice uses it."""

from __future__ import annotations

import pandas as pd

from kit.corpus.rows import Rows
from kit.attribution.actors import ActorTable
from kit.framing.voice import analysed_text

NAMING_COLUMNS = ["article_id", "sentence_id", "actor", "group", "type", "surface", "start", "end",
                  "voice", "source_block", "rule"]


def naming(corpus, attributions: pd.DataFrame | None = None, actors: ActorTable | None = None) -> pd.DataFrame:
    """Return one row per actor mention: which name (Denis Kapustin, Nikitin, “White Rex”) in which voice.

    Mentions come from the aliases of ``kit/data/actors.csv`` (rule ``alias``) and from
    speakers the attribution table resolved from a role ("the commander", rule
    ``resolved reference``). Pronouns are not naming choices and are left out.
    """
    actors = actors or ActorTable.load()
    if attributions is None:
        from kit.attribution import attributions as extract

        attributions = extract(corpus)
    rows = Rows(NAMING_COLUMNS)
    scanned: dict[str, list] = {}
    for article_id, raw, start, end, block, voices, sentence_of in analysed_text(corpus, attributions):
        if article_id not in scanned:
            scanned[article_id] = actors.mentions(raw)
        for mention in (m for m in scanned[article_id] if start <= m.start and m.end <= end):
            actor = mention.actor
            rows.add({"article_id": article_id, "sentence_id": sentence_of(mention.start),
                         "actor": actor.canonical, "group": actor.group, "type": actor.type,
                         "surface": mention.surface, "start": mention.start, "end": mention.end,
                         "voice": voices.voice(mention.start, mention.end), "source_block": block,
                         "rule": "alias"})
    known = {a.canonical: a for a in actors.by_alias.values()}
    resolved = attributions[attributions["resolution"].str.contains("->", regex=False)
                            & attributions["speaker"].isin(known)]
    for row in resolved.itertuples():
        if pd.isna(row.speaker_start) or len(str(row.speaker_surface).split()) < 2:
            continue  # "he", "they": pronouns are not names
        actor = known[row.speaker]
        rows.add({"article_id": row.article_id, "sentence_id": row.sentence_id, "actor": actor.canonical,
                     "group": actor.group, "type": actor.type, "surface": row.speaker_surface,
                     "start": int(row.speaker_start), "end": int(row.speaker_end), "voice": "outlet",
                     "source_block": row.source_block, "rule": "resolved reference"})
    frame = rows.frame()
    frame = frame.drop_duplicates(["article_id", "start", "end", "actor"])
    frame["sentence_id"] = frame["sentence_id"].astype("Int64")
    return frame.sort_values(["article_id", "start"]).reset_index(drop=True)
