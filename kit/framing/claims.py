"""Numeric claims: what is counted, by whom, how exactly, and where sources disagree.

``claims`` finds the quantities of every headline and paragraph (:mod:`kit.framing.quantities`:
counts of people and things, events such as killed or displaced, money, percentages, measures)
and links each to the attribution that claims it. ``compare_claims`` lines the same quantity
(same event, counted thing, unit and side) up across and within articles and flags values that
cannot both be true. ``parse_number`` reads a number phrase into the range it means.
"""

from __future__ import annotations

import bisect
from pathlib import Path

import pandas as pd

from kit.corpus.topic import note_without_pack
from kit.corpus.rows import by_article, in_corpus_order
from kit.framing.numbers import NumberError, parse_number
from kit.framing.quantities import QuantityReader
from kit.framing.voice import analysed_text

__all__ = ["CLAIM_COLUMNS", "COMPARE_COLUMNS", "NumberError", "claims", "compare_claims", "parse_number"]
CLAIM_COLUMNS = ["article_id", "claim_id", "sentence_id", "quantity", "value", "low", "high", "approximation", "unit",
                 "counted", "noun", "kind", "side", "part", "claimant", "claimant_type", "claimant_group",
                 "attribution_id", "hedged", "hedge_evidence", "voice", "start", "end", "rule", "evidence"]
COMPARE_COLUMNS = ["event", "kind", "counted", "unit", "side", "article_id", "label", "claimant", "claimant_type",
                   "claimant_group", "quantity", "value", "low", "high", "approximation", "hedged", "mentions",
                   "n_sources", "conflict", "conflict_in_article", "claim_id"]
# The columns of a claim that compare_claims reads, and those it keeps.
_COMPARED = {"article_id", "claim_id", "quantity", "value", "low", "high", "approximation", "unit", "counted", "kind",
             "side", "claimant", "claimant_type", "claimant_group", "hedged"}
_KEPT = ("event", "kind", "counted", "unit", "side", "article_id", "label", "claimant", "claimant_type",
         "claimant_group", "quantity", "value", "low", "high", "approximation", "hedged", "mentions", "claim_id")


def clause_lookup(sentences: list):
    """Return a function (offset, stretch start, stretch end) -> the (start, end) of the sentence
    holding the offset, or the stretch itself outside sentences (a headline)."""
    starts = [s.start for s in sentences]

    def lookup(offset: int, start: int, end: int) -> tuple[int, int]:
        index = bisect.bisect_right(starts, offset) - 1
        if index >= 0 and offset < sentences[index].end:
            return int(sentences[index].start), int(sentences[index].end)
        return start, end

    return lookup


def claims(corpus, attributions: pd.DataFrame | None = None, hedges: pd.DataFrame | None = None,
           data_dir: Path | None = None) -> pd.DataFrame:
    """Return one row per numeric claim: the quantity as written, its value and range, what is counted, whose,
    who claims it, and the evidence.

    ``kind`` is count, event, money, percent or measure; ``counted`` the counted noun's lemma (nurse, goal),
    the event (killed, displaced), ``money``, ``percent`` or what a measure measures (distance, duration);
    ``unit`` the currency, ``%`` or the unit; ``approximation`` exact, about, more_than, at_least, less_than,
    at_most, vague or range, and ``low``/``high`` the range the words mean; ``rule`` and ``evidence`` say
    which words decided each column. ``claimant`` is the speaker of the innermost attribution whose content
    holds the number (its ``attribution_id`` links the row), else "outlet narration". ``hedged`` is true when
    the number is approximate, its sentence (or headline) carries a hedge or weasel term, or the cue distances
    the outlet from the claim ("claimed"); ``hedge_evidence`` says which. With the corpus alone, the
    table is computed once per corpus.
    """
    if attributions is None and hedges is None and data_dir is None:
        return corpus.derived("framing.claims", _claims)
    return _claims(corpus, attributions, hedges, data_dir)


def _claims(corpus, attributions: pd.DataFrame | None = None, hedges: pd.DataFrame | None = None,
            data_dir: Path | None = None) -> pd.DataFrame:
    """Return the claims table (see :func:`claims`)."""
    from kit.attribution import attributions as find_attributions
    from kit.framing.hedges import hedges as find_hedges

    if hedges is None:  # the corpus's own hedges when its own attributions are used
        hedges = find_hedges(corpus) if attributions is None else find_hedges(corpus, attributions)
    text = analysed_text(corpus, attributions)
    attributions = find_attributions(corpus) if attributions is None else attributions
    reader = QuantityReader(data_dir, corpus.topic)
    labels = corpus.articles.set_index("article_id")["label"].to_dict()
    attributions_by, hedges_by = by_article(attributions), by_article(hedges[hedges["type"].isin(["hedge", "weasel"])])
    sentences_by = by_article(corpus.sentences)
    rows = []
    for article_id, raw, start, end, block, voices, sentence_of in text:
        clause_of = clause_lookup(sentences_by.get(article_id, []))
        for claim in reader.find(raw, start, end, lambda offset: clause_of(offset, start, end)):
            holding = [r for r in attributions_by.get(article_id, [])
                       if r.content_start <= claim["start"] and r.content_end >= claim["end"]]
            if holding:  # the innermost attribution that holds the number claims it
                row = min(holding, key=lambda r: r.content_end - r.content_start)
                claimant, kind, group = row.speaker, row.speaker_type, row.speaker_group
                attribution_id, stance = row.attribution_id, row.verb_stance
            else:
                claimant, kind, attribution_id, stance = f"outlet narration ({labels[article_id]})", "media", "", ""
                group = "media" if corpus.topic is not None and "media" in corpus.topic.group_ids else ""
            sentence_id = sentence_of(claim["start"])
            evidence = []
            if claim["approximation"] != "exact":
                evidence.append(f"approximate: '{raw[claim['start']:claim['end']]}'")
            evidence += [f"{t.type} '{t.term}'" for t in _hedges_beside(hedges_by.get(article_id, []), sentence_id,
                                                                        start, end)]
            if stance == "distancing":
                evidence.append(f"distancing cue '{row.cue}'")
            rows.append({"article_id": article_id, "sentence_id": sentence_id, **claim, "claimant": claimant,
                         "claimant_type": kind, "claimant_group": group, "attribution_id": attribution_id,
                         "hedged": bool(evidence), "hedge_evidence": "; ".join(evidence),
                         "voice": voices.voice(claim["start"], claim["end"])})
    frame = pd.DataFrame(rows, columns=[c for c in CLAIM_COLUMNS if c != "claim_id"])
    frame = in_corpus_order(frame, corpus.articles["article_id"])
    sides, article_ids, sentence_ids = (frame[c].tolist() for c in ("side", "article_id", "sentence_id"))
    counts = [k in ("count", "event") for k in frame["kind"]]
    for index in range(1, len(sides)):  # "two of his fighters wounded ... two killed and 10 wounded"
        if sides[index] == "" and sides[index - 1] and counts[index] and counts[index - 1] \
                and article_ids[index - 1] == article_ids[index] \
                and not pd.isna(sentence_ids[index - 1]) and sentence_ids[index - 1] == sentence_ids[index]:
            sides[index] = sides[index - 1]
    frame["side"] = sides
    numbers = frame.groupby("article_id").cumcount()
    frame.insert(1, "claim_id", [f"{a}:c{n + 1}" for a, n in zip(frame["article_id"], numbers)])
    frame["sentence_id"] = frame["sentence_id"].astype("Int64")
    # Numbers are floats whatever the other rows hold ("12.0" beside "1.5" and "inf"), in every part of a corpus
    frame = frame[CLAIM_COLUMNS].astype({"value": "float64", "low": "float64", "high": "float64"})
    note_without_pack(corpus, "claims", frame)
    return frame


def _hedges_beside(hedge_rows: list, sentence_id: int | None, start: int, end: int) -> list:
    """Return the hedge rows in a claim's sentence, or, for a claim outside sentences (a headline),
    the hedges outside sentences in the same stretch ``[start, end)``."""
    if sentence_id is None:
        return [t for t in hedge_rows if pd.isna(t.sentence_id) and start <= t.start < end]
    return [t for t in hedge_rows if not pd.isna(t.sentence_id) and t.sentence_id == sentence_id]


def _disagree(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Can two ranges not both be true? (``b`` may be the highest low and lowest high of several ranges.)"""
    return bool(a[1] < b[0] or b[1] < a[0])


def compare_claims(corpus, claims_table: pd.DataFrame | None = None, kinds: tuple[str, ...] | None = None
                   ) -> pd.DataFrame:
    """Return the claims lined up by (event, kind, counted, unit, side), with conflicts flagged.

    Like is compared with like: the same counted thing in the same unit (nurses with nurses, GBP
    with GBP, killed raiders with killed raiders), never a count with a sum of money. ``kinds``
    keeps only some kinds of claim (``("event",)`` for the casualty and capture counts).
    ``conflict`` is true when two claims about the same quantity cannot both be true (their
    ranges do not overlap: "no one was killed" and "two killed"); ``conflict_in_article``
    when that happens inside one article. A flag is a prompt to read both, not a verdict:
    claims may differ in scope ("lightly wounded" versus "wounded", the union's members versus
    all nurses). Repeated mentions of one claim (same article, claimant and range) are one row;
    ``mentions`` counts them. A count of a part ("three *of the* wounded", "two *other* groups",
    ``part``) is not compared with totals. With the corpus alone, the table is computed once per corpus.
    """
    if claims_table is None and kinds is None:
        return corpus.derived("framing.compare_claims", lambda c: compare_claims_of(c.articles, claims(c)))
    return compare_claims_of(corpus.articles, claims(corpus) if claims_table is None else claims_table, kinds)


def comparable_claims(table: pd.DataFrame) -> pd.DataFrame:
    """Return the claims of ``table`` that :func:`compare_claims` compares (something counted, not a part),
    with only the columns it reads."""
    table = table[table["counted"] != ""].copy()
    for column, default in (("kind", ""), ("unit", ""), ("approximation", ""), ("part", False)):
        if column not in table:  # a claims table made by hand may lack the newer columns
            table[column] = default
    table = table[~table["part"].astype(bool)]
    return table[[c for c in table.columns if c in _COMPARED]]


def compare_claims_of(articles: pd.DataFrame, table: pd.DataFrame, kinds: tuple[str, ...] | None = None
                      ) -> pd.DataFrame:
    """Return the claims comparison (see :func:`compare_claims`) of the claims ``table`` of ``articles``.

    Of ``articles`` only article_id, event and label are read.
    """
    articles = articles.set_index("article_id")
    table = comparable_claims(table)
    if kinds is not None:
        table = table[table["kind"].isin(kinds)]
    table["event"] = table["article_id"].map(articles["event"]).fillna("")
    table["label"] = table["article_id"].map(articles["label"])
    # one row per distinct claim: a headline and its body repeating "25 captured" is one claim
    keys = ["article_id", "claimant", "kind", "counted", "unit", "side", "low", "high"]
    same_claim = table.groupby(keys)
    table["mentions"] = same_claim["claim_id"].transform("size")
    table["hedged"] = same_claim["hedged"].transform("any")
    table = table.drop_duplicates(keys)
    out = []
    for _, group in table.groupby(["event", "kind", "counted", "unit", "side"], sort=True):
        # A range disagrees with some other range when it lies wholly below the highest
        # lower bound or wholly above the lowest upper bound: linear, not pairwise.
        tightest = (group["low"].max(), group["high"].min())
        in_article = group.groupby("article_id")
        article_tightest = zip(in_article["low"].transform("max"), in_article["high"].transform("min"))
        n_sources = group["label"].nunique()
        for row, article_bounds in zip(group.itertuples(), article_tightest):
            own = (row.low, row.high)
            out.append({**{c: getattr(row, c) for c in _KEPT},
                        "n_sources": n_sources,
                        "conflict": _disagree(own, tightest),
                        "conflict_in_article": _disagree(own, article_bounds)})
    return pd.DataFrame(out, columns=COMPARE_COLUMNS)
