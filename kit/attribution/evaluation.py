"""Score extracted attributions against a hand-annotated gold file.

A predicted row matches a gold row of the same article when their content spans
overlap by at least half the gold span (``overlap`` match) or are identical
(``exact`` match); each row matches at most once.

Speakers are the same when their names are, after folding case, apostrophes, a leading
"the" and honorifics; when the gold row lists the predicted name in ``speaker_also``; when
both stand for the same actor of a topic pack (``aliases``: any alias counts); when both are
unnamed sources (the text names no one, and the kit says so); when the gold source is an unnamed
person speaking for a body the kit names ("a spokesperson for Riverton Memorial Hospital" and
"Riverton Memorial Hospital": the spokesperson speaks for it, annotation guidelines §4b); and
joint speakers as sets.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

import pandas as pd

MIN_OVERLAP_SHARE = 0.5
_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|miss|dr|prof|sir|dame)\.?\s+")


def read_gold(path: str | Path) -> pd.DataFrame:
    """Return the gold annotations of a JSONL file, with an ``article_id`` column."""
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    frame = pd.DataFrame(rows)
    frame["article_id"] = frame["file"].str.removesuffix(".txt")
    for column, empty in (("speaker_type", ""), ("speaker_group", "")):
        if column not in frame:
            frame[column] = empty
    frame["speaker_also"] = [value if isinstance(value, list) else []
                             for value in frame.get("speaker_also", pd.Series([None] * len(frame)))]
    return frame


def fold_name(name: str) -> str:
    """Return ``name`` as speakers are compared: lower case, straight apostrophes, no "the", "Mr" or
    possessive ("Hollis's campaign" is the Hollis campaign)."""
    text = " ".join(str(name).replace("’", "'").lower().split()).strip(" .,")
    text = re.sub(r"(?<=\w)'s\s", " ", text)
    text = re.sub(r"^the\s+", "", text)
    return _HONORIFIC.sub("", text)


def speaker_key(name: str, aliases: Mapping[str, str] | None = None) -> frozenset[str]:
    """Return the canonical names a speaker string stands for (a set, for joint sources)."""
    aliases = aliases or {}

    def canonical(part: str) -> str:
        folded = fold_name(part)
        return fold_name(aliases.get(folded, folded))

    whole = fold_name(name)
    if whole in aliases:
        return frozenset({canonical(whole)})
    parts = [p for p in re.split(r",\s*|\s+and\s+|\s*&\s*", whole) if p.strip()]
    return frozenset(canonical(p) for p in parts) if len(parts) > 1 else frozenset({canonical(whole)})


def same_speaker(predicted: str, predicted_type: str, gold: pd.Series, aliases: Mapping[str, str] | None = None) -> bool:
    """Does a predicted speaker name the gold row's source (see the module docstring)?"""
    key = speaker_key(predicted, aliases)
    if key == speaker_key(gold["speaker"], aliases) or any(key == speaker_key(a, aliases) for a in gold["speaker_also"]):
        return True
    gold_unnamed = gold["speaker_type"] == "unnamed" or str(gold["speaker"]).startswith("unnamed ")
    if gold_unnamed and predicted_type in ("organisation", "government") and len(fold_name(predicted)) > 2:
        body = re.escape(fold_name(predicted))
        if re.search(rf"\b(?:for|of|from|at)\s+(?:the\s+)?{body}$", fold_name(gold["speaker"])):
            return True  # "spokesperson for the Bureau of Land Management" speaks for the Bureau
    return gold_unnamed and (predicted_type == "unnamed" or str(predicted).startswith("unnamed "))


def alias_map(topic) -> dict[str, str]:
    """Return folded alias -> canonical name of a topic pack's actors (and the outlets), for ``aliases``."""
    from kit.attribution.actors import ActorTable

    return {fold_name(alias): actor.speaks_as or actor.canonical for alias, actor in ActorTable.load(topic).by_alias.items()}


def match(predicted: pd.DataFrame, gold: pd.DataFrame, exact: bool = False) -> list[tuple[int, int]]:
    """Return (predicted index, gold index) pairs, one-to-one, best overlaps first."""
    pairs = []
    for article_id, gold_rows in gold.groupby("article_id"):
        predicted_rows = predicted[predicted["article_id"] == article_id]
        candidates = []
        for g in gold_rows.itertuples():
            g_len = max(g.content_end - g.content_start, 1)
            for p in predicted_rows.itertuples():
                overlap = min(g.content_end, p.content_end) - max(g.content_start, p.content_start)
                if exact:
                    ok = (g.content_start, g.content_end) == (p.content_start, p.content_end)
                else:
                    ok = overlap >= MIN_OVERLAP_SHARE * g_len
                if not ok:
                    continue
                union = max(g.content_end, p.content_end) - min(g.content_start, p.content_start)
                same_cue = p.cue_start is not None and not pd.isna(p.cue_start) \
                    and g.cue_start is not None and not pd.isna(g.cue_start) \
                    and int(p.cue_start) == int(g.cue_start)
                candidates.append((same_cue, overlap / union, p.Index, g.Index))
        used_p, used_g = set(), set()
        for _, _, p_index, g_index in sorted(candidates, reverse=True):
            if p_index not in used_p and g_index not in used_g:
                pairs.append((p_index, g_index))
                used_p.add(p_index)
                used_g.add(g_index)
    return pairs


@dataclass
class Scores:
    precision: float
    recall: float
    f1: float
    n_predicted: int
    n_gold: int
    n_matched: int


def _scores(n_matched: int, n_predicted: int, n_gold: int) -> Scores:
    precision = n_matched / n_predicted if n_predicted else 0.0
    recall = n_matched / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1, n_predicted, n_gold, n_matched)


def _speaker_type(predicted: pd.DataFrame, index) -> str:
    return str(predicted.at[index, "speaker_type"]) if "speaker_type" in predicted else ""


def evaluate(predicted: pd.DataFrame, gold: pd.DataFrame, aliases: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Return one row of scores overall and one per kind, for overlap and exact matching.

    Per kind, precision counts predicted rows of that kind and recall gold rows of it.
    Speaker and group accuracy are over overlap-matched pairs; ``aliases`` (folded alias ->
    canonical name, from a topic pack) lets any alias of an actor count as its name.
    """
    predicted = predicted[predicted["article_id"].isin(set(gold["article_id"]))]
    rows = []
    overlap_pairs = match(predicted, gold)
    exact_pairs = match(predicted, gold, exact=True)
    for kind in ["all", *sorted(set(gold["kind"]) | set(predicted["kind"]))]:
        p_mask = predicted["kind"] == kind if kind != "all" else predicted["kind"].notna()
        g_mask = gold["kind"] == kind if kind != "all" else gold["kind"].notna()
        p_ids, g_ids = set(predicted.index[p_mask]), set(gold.index[g_mask])
        row = {"kind": kind}
        for name, pairs in (("overlap", overlap_pairs), ("exact", exact_pairs)):
            matched_p = sum(1 for p, _ in pairs if p in p_ids)
            matched_g = sum(1 for _, g in pairs if g in g_ids)
            precision = _scores(matched_p, len(p_ids), len(g_ids)).precision
            recall = _scores(matched_g, len(p_ids), len(g_ids)).recall
            row[f"{name}_precision"] = round(precision, 3)
            row[f"{name}_recall"] = round(recall, 3)
            row[f"{name}_f1"] = round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0
        kind_pairs = [(p, g) for p, g in overlap_pairs if g in g_ids]
        speaker_ok = [same_speaker(predicted.at[p, "speaker"], _speaker_type(predicted, p), gold.loc[g], aliases)
                      for p, g in kind_pairs]
        group_ok = [predicted.at[p, "speaker_group"] == gold.at[g, "speaker_group"] for p, g in kind_pairs]
        row["speaker_accuracy"] = round(sum(speaker_ok) / len(speaker_ok), 3) if speaker_ok else 0.0
        row["group_accuracy"] = round(sum(group_ok) / len(group_ok), 3) if group_ok else 0.0
        row["n_gold"], row["n_predicted"] = len(g_ids), len(p_ids)
        rows.append(row)
    return pd.DataFrame(rows)


def evaluate_by(predicted: pd.DataFrame, gold: pd.DataFrame, column: str,
                aliases: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Return the overall scores (kind "all") for each value of the gold's ``column`` (e.g. subject), then all."""
    rows = []
    for value, part in [*gold.groupby(column, sort=True), ("all", gold)]:
        scores = evaluate(predicted, part.reset_index(drop=True), aliases).set_index("kind").loc["all"]
        rows.append({column: value, **scores.to_dict()})
    return pd.DataFrame(rows)


def mismatches(predicted: pd.DataFrame, gold: pd.DataFrame, aliases: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Return the rows to look at: missed gold, spurious predictions, wrong speakers."""
    predicted = predicted[predicted["article_id"].isin(set(gold["article_id"]))]
    pairs = match(predicted, gold)
    matched_p, matched_g = {p for p, _ in pairs}, {g for _, g in pairs}
    out = []
    for g in gold.index.difference(list(matched_g)):
        out.append({"problem": "missed", "article_id": gold.at[g, "article_id"], "kind": gold.at[g, "kind"],
                    "speaker": gold.at[g, "speaker"], "content": gold.at[g, "content"], "got": ""})
    for p in predicted.index.difference(list(matched_p)):
        out.append({"problem": "spurious", "article_id": predicted.at[p, "article_id"],
                    "kind": predicted.at[p, "kind"], "speaker": predicted.at[p, "speaker"],
                    "content": predicted.at[p, "content"], "got": predicted.at[p, "rule"]})
    for p, g in pairs:
        if not same_speaker(predicted.at[p, "speaker"], _speaker_type(predicted, p), gold.loc[g], aliases):
            out.append({"problem": "speaker", "article_id": gold.at[g, "article_id"], "kind": gold.at[g, "kind"],
                        "speaker": gold.at[g, "speaker"], "content": gold.at[g, "content"],
                        "got": f"{predicted.at[p, 'speaker']} ({predicted.at[p, 'resolution']})"})
    return pd.DataFrame(out, columns=["problem", "article_id", "kind", "speaker", "content", "got"])
