"""The attributions table of a corpus: one row per (source, cue), with offsets and evidence."""

from __future__ import annotations

import pandas as pd

from kit.attribution.lexicon import AttributionRules
from kit.attribution.reader import ArticleReader
from kit.attribution.speakers import SpeakerResolver
from kit.attribution.units import article_entities, article_units
from kit.corpus.progress import progress
from kit.corpus.rows import Rows, by_article

ATTRIBUTION_COLUMNS = [
    "article_id", "attribution_id", "sentence_id", "kind", "content", "content_start", "content_end",
    "speaker_surface", "speaker_start", "speaker_end", "speaker", "speaker_type", "speaker_group", "cue",
    "cue_start", "cue_end", "cue_lemma", "verb_stance", "follow_on", "rule", "resolution",
    "confidence", "source_block",
]


ENTITY_COLUMNS = ["article_id", "entity_id", "entity", "type", "group", "surface", "start", "end", "title",
                  "gender", "gender_evidence", "roles", "rule", "source_block"]


def article_readings(corpus, rules: AttributionRules):
    """Yield (article_id, raw, units, entities) of each article: what the attribution reader reads."""
    blocks, paragraphs, sentences = by_article(corpus.blocks), by_article(corpus.paragraphs), by_article(corpus.sentences)
    ids = corpus.articles["article_id"]
    for article_id in progress(ids, len(ids), "entities and attributions"):
        raw = corpus.texts[article_id]
        units = article_units(raw, blocks.get(article_id, []), paragraphs.get(article_id, []),
                              sentences.get(article_id, []), rules)
        yield article_id, raw, units, article_entities(raw, units, rules)


def entities(corpus, rules: AttributionRules | None = None) -> pd.DataFrame:
    """Return one row per name the articles give a person, organisation or place, grouped into entities.

    ``entity_id`` ("article:n") groups the mentions of one entity; ``entity`` is its fullest name,
    or the topic pack's canonical name when the pack knows it; ``type`` is topic-neutral (person,
    organisation, government, media, place); ``rule`` says why the name was read as that kind, and
    ``gender`` (m/f) comes with its evidence (an honorific, a gendered role, a first-name table).
    """
    rules = rules or AttributionRules.load(corpus.topic)
    rows = Rows(ENTITY_COLUMNS)
    for article_id, raw, units, found in article_readings(corpus, rules):
        resolver = SpeakerResolver(raw, found, rules.actors, rules.entities, [], [(u.start, u.end) for u in units], [])
        headlines = [(u.start, u.end) for u in units if u.kind == "headline"]
        for mention in found.mentions:
            entity = found.entity(mention)
            speaker = resolver.entity_speaker(entity, "")
            gender, evidence, _ = resolver.gender_of(entity) if entity.kind == "person" else ("", "", False)
            rows.add({"article_id": article_id, "entity_id": f"{article_id}:{entity.id}", "entity": speaker.name,
                      "type": {"place": "place", "name": "name"}.get(entity.kind, speaker.type), "group": speaker.group,
                      "surface": mention.surface, "start": mention.start, "end": mention.end, "title": mention.title,
                      "gender": gender, "gender_evidence": evidence, "roles": "; ".join(dict.fromkeys(entity.roles)),
                      "rule": mention.rule,
                      "source_block": "headline" if any(a <= mention.start < b for a, b in headlines) else "body"})
    return rows.frame()


def attributions(corpus, rules: AttributionRules | None = None) -> pd.DataFrame:
    """Return the attributions table of ``corpus``: one row per (source, cue).

    Offsets (``content_*``, ``speaker_*``, ``cue_*``) index ``corpus.texts[article_id]``;
    ``speaker_type`` is topic-neutral (person, organisation, government, media, account,
    unnamed, document, joint, unresolved) and ``speaker_group`` comes from the corpus's topic pack
    (empty without one); ``rule`` names the frame that fired, ``resolution`` how the speaker was found, and
    ``confidence`` is lower where the evidence is thin (no cue, unresolved speaker).
    """
    rules = rules or AttributionRules.load(corpus.topic)
    rows = Rows(ATTRIBUTION_COLUMNS)
    for article_id, raw, units, found in article_readings(corpus, rules):
        reader = ArticleReader(raw, units, rules, article_id, found)
        found = sorted(reader.read(), key=lambda r: (r["content_start"], r["cue_start"] or 0))
        for number, row in enumerate(found, start=1):
            row["attribution_id"] = f"{article_id}:{number}"
            rows.add(row)
    frame = rows.frame()
    for column in ("sentence_id", "speaker_start", "speaker_end", "cue_start", "cue_end"):
        frame[column] = frame[column].astype("Int64")
    return frame

