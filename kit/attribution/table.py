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


def _entity_rows(article_id: str, raw: str, units: list, found, rules: AttributionRules) -> list[dict[str, object]]:
    """Return the entity-table rows of one article (read before the attribution reader, which may refine
    an entity's kind as it reads)."""
    resolver = SpeakerResolver(raw, found, rules.actors, rules.entities, [], [(u.start, u.end) for u in units], [])
    headlines = [(u.start, u.end) for u in units if u.kind == "headline"]
    described: dict[int, tuple] = {}  # entity id -> (speaker, gender, evidence): once per entity, not per mention
    rows = []
    for mention in found.mentions:
        entity = found.entity(mention)
        if entity.id not in described:
            gender, evidence, _ = resolver.gender_of(entity) if entity.kind == "person" else ("", "", False)
            described[entity.id] = (resolver.entity_speaker(entity, ""), gender, evidence)
        speaker, gender, evidence = described[entity.id]
        rows.append({"article_id": article_id, "entity_id": f"{article_id}:{entity.id}", "entity": speaker.name,
                     "type": {"place": "place", "name": "name"}.get(entity.kind, speaker.type), "group": speaker.group,
                     "surface": mention.surface, "start": mention.start, "end": mention.end, "title": mention.title,
                     "gender": gender, "gender_evidence": evidence, "roles": "; ".join(dict.fromkeys(entity.roles)),
                     "rule": mention.rule,
                     "source_block": "headline" if any(a <= mention.start < b for a, b in headlines) else "body"})
    return rows


def _attribution_rows(article_id: str, raw: str, units: list, found, rules: AttributionRules
                      ) -> list[dict[str, object]]:
    """Return the attribution-table rows of one article, in text order, numbered."""
    reader = ArticleReader(raw, units, rules, article_id, found)
    rows = sorted(reader.read(), key=lambda r: (r["content_start"], r["cue_start"] or 0))
    for number, row in enumerate(rows, start=1):
        row["attribution_id"] = f"{article_id}:{number}"
    return rows


def read_articles(corpus, rules: AttributionRules | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the attributions and entities tables of ``corpus``, reading each article once for both."""
    rules = rules or AttributionRules.load(corpus.topic)
    attribution_rows, entity_rows = Rows(ATTRIBUTION_COLUMNS), Rows(ENTITY_COLUMNS)
    for article_id, raw, units, found in article_readings(corpus, rules):
        for row in _entity_rows(article_id, raw, units, found, rules):
            entity_rows.add(row)
        for row in _attribution_rows(article_id, raw, units, found, rules):
            attribution_rows.add(row)
    frame = attribution_rows.frame()
    for column in ("sentence_id", "speaker_start", "speaker_end", "cue_start", "cue_end"):
        frame[column] = frame[column].astype("Int64")
    return frame, entity_rows.frame()


def _corpus_reading(corpus) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return both tables of ``corpus`` with its own rules, computed once per corpus."""
    return corpus.derived("attribution.read_articles", read_articles)


def entities(corpus, rules: AttributionRules | None = None) -> pd.DataFrame:
    """Return one row per name the articles give a person, organisation or place, grouped into entities.

    ``entity_id`` ("article:n") groups the mentions of one entity; ``entity`` is its fullest name,
    or the topic pack's canonical name when the pack knows it; ``type`` is topic-neutral (person,
    organisation, government, media, place); ``rule`` says why the name was read as that kind, and
    ``gender`` (m/f) comes with its evidence (an honorific, a gendered role, a first-name table).
    Computed once per corpus (with the attributions) unless other ``rules`` are given.
    """
    if rules is not None:
        return read_articles(corpus, rules)[1]
    return _corpus_reading(corpus)[1].copy(deep=False)


def attributions(corpus, rules: AttributionRules | None = None) -> pd.DataFrame:
    """Return the attributions table of ``corpus``: one row per (source, cue).

    Offsets (``content_*``, ``speaker_*``, ``cue_*``) index ``corpus.texts[article_id]``;
    ``speaker_type`` is topic-neutral (person, organisation, government, media, account,
    unnamed, document, joint, unresolved) and ``speaker_group`` comes from the corpus's topic pack
    (empty without one); ``rule`` names the frame that fired, ``resolution`` how the speaker was found, and
    ``confidence`` is lower where the evidence is thin (no cue, unresolved speaker). Computed once per
    corpus (with the entities) unless other ``rules`` are given.
    """
    if rules is not None:
        return read_articles(corpus, rules)[0]
    return _corpus_reading(corpus)[0].copy(deep=False)
