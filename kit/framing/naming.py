"""Naming: every way an article refers to each person, organisation and place, and whose voice uses it.

The names come from the entity table (``kit.entities``): what the text itself names, on any
subject, each grouped with the other names of the same entity ("Linda Okafor", "Okafor", "Mayor
Okafor"; "Rapid Support Forces", "RSF"). A topic pack adds its canonical names ("Nikitin" and
"White Rex" are Denis Kapustin). Descriptions the attribution table resolved ("the commander",
"the union") are naming choices too (rule ``resolved reference``). Pronouns are left out.
"""

from __future__ import annotations

import pandas as pd

from kit.corpus.topic import note_without_pack
from kit.corpus.rows import Rows, by_article, in_corpus_order
from kit.framing.voice import analysed_text

NAMING_COLUMNS = ["article_id", "sentence_id", "actor", "group", "type", "surface", "title", "start", "end",
                  "voice", "source_block", "rule", "entity_id"]


def naming(corpus, attributions: pd.DataFrame | None = None, entities: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return one row per referring expression: which name (Denis Kapustin, Nikitin, “White Rex”) in which voice.

    ``actor`` is the entity's canonical name, ``type`` its kind (person, organisation, government,
    media, place), ``title`` a title written before the name ("Mayor"), ``rule`` why the name was
    read so. With the corpus alone, the table is computed once per corpus (from its own attributions
    and entities); other tables given are used instead.
    """
    if attributions is None and entities is None:
        return corpus.derived("framing.naming", _naming)
    return _naming(corpus, attributions, entities)


def _naming(corpus, attributions: pd.DataFrame | None = None, entities: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the naming table (see :func:`naming`)."""
    from kit.attribution import attributions as find_attributions, entities as find_entities

    text = analysed_text(corpus, attributions, entities)
    names = by_article(find_entities(corpus) if entities is None else entities)
    attributions = find_attributions(corpus) if attributions is None else attributions
    rows = Rows(NAMING_COLUMNS)
    for article_id, raw, start, end, block, voices, sentence_of in text:
        for name in names.get(article_id, []):
            if start <= name.start and name.end <= end:
                rows.add({"article_id": article_id, "sentence_id": sentence_of(name.start), "actor": name.entity,
                          "group": name.group, "type": name.type, "surface": name.surface, "title": name.title,
                          "start": name.start, "end": name.end, "voice": voices.voice(name.start, name.end),
                          "source_block": block, "rule": name.rule, "entity_id": name.entity_id})
    resolved = attributions[attributions["resolution"].str.contains("->", regex=False)
                            & ~attributions["speaker_type"].isin(["unresolved", "unnamed", "joint", "document"])]
    for row in resolved.itertuples():
        if pd.isna(row.speaker_start) or len(str(row.speaker_surface).split()) < 2:
            continue  # "he", "they": pronouns are not names
        rows.add({"article_id": row.article_id, "sentence_id": row.sentence_id, "actor": row.speaker,
                  "group": row.speaker_group, "type": row.speaker_type, "surface": row.speaker_surface, "title": "",
                  "start": int(row.speaker_start), "end": int(row.speaker_end), "voice": "outlet",
                  "source_block": row.source_block, "rule": "resolved reference", "entity_id": ""})
    frame = rows.frame()
    frame = frame.drop_duplicates(["article_id", "start", "end"])
    note_without_pack(corpus, "naming", frame)
    frame["sentence_id"] = frame["sentence_id"].astype("Int64")
    return in_corpus_order(frame, corpus.articles["article_id"])
