"""Numeric claims: what is counted, by whom, how exactly, and where sources disagree.

``claims`` finds numbers in figures and in words ("two", "a dozen", "more than 70",
"no one was killed"), decides what they count (killed, wounded, captured, distance,
duration, followers, ...) and whose (raiders, Russian forces, civilians) from
``kit/data/claim_terms.csv``, and links each to the attribution that claims it.
``compare_claims`` lines the same quantity up across and within articles and flags
values that cannot both be true.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd

from kit.corpus.rows import by_article
from kit.text.terms import TermIndex
from kit.framing.voice import analysed_text
from kit.text.wordlists import read_rows

CLAIM_COLUMNS = ["article_id", "claim_id", "sentence_id", "quantity", "value", "low", "high", "unit",
                 "counted", "side", "claimant", "claimant_type", "claimant_group", "attribution_id", "hedged",
                 "hedge_evidence", "voice", "start", "end"]
COMPARE_COLUMNS = ["event", "counted", "side", "article_id", "label", "claimant", "claimant_type", "claimant_group",
                   "quantity", "value", "low", "high", "hedged", "mentions", "n_sources", "conflict",
                   "conflict_in_article", "claim_id"]

_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
          "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
# Vague amounts as (low, high).
_VAGUE = {"a dozen": (12, 12), "dozens": (24, 99), "hundreds": (200, 999), "thousands": (2_000, 9_999),
          "a couple of": (2, 2), "a few": (3, 5), "several": (3, 9), "a quarter of a million": (250_000, 250_000),
          "half a million": (500_000, 500_000), "no one": (0, 0), "nobody": (0, 0), "none": (0, 0)}
_WORD = "|".join(sorted(list(_UNITS) + list(_TENS), key=len, reverse=True))
NUMBER_RE = re.compile(
    rf"(?<![\w.,-])(?:"
    rf"(?P<digits>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)(?:\s+(?P<dscale>thousand|million))?"
    rf"|(?P<vague>{'|'.join(sorted(_VAGUE, key=len, reverse=True))})"
    rf"|(?P<words>(?:{_WORD})(?:-(?:{_WORD}))?(?:\s+(?:hundred|thousand|million))?)"
    rf")(?![\w-])", re.I)
_MONTHS = re.compile(r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$", re.I)
_EVENT_COUNTS = ("killed", "wounded", "captured", "casualties")
_NOUN_COUNTS = ("distance", "duration", "followers", "places", "equipment", "members")
WINDOW_TOKENS = 8
_TOKEN = re.compile(r"[\w’'-]+|[^\w\s]")


def parse_number(text: str) -> tuple[float, float]:
    """Return (low, high) for a number phrase: '70' -> (70, 70), 'dozens' -> (24, 99)."""
    lower = " ".join(text.lower().split())
    if lower in _VAGUE:
        return _VAGUE[lower]
    match = NUMBER_RE.fullmatch(lower)
    if match and match.group("digits"):
        value = float(match.group("digits").replace(",", ""))
        value *= _SCALES.get(match.group("dscale") or "", 1)
        return value, value
    total = 0
    for part in re.split(r"[\s-]+", lower):
        if part in _UNITS:
            total += _UNITS[part]
        elif part in _TENS:
            total += _TENS[part]
        elif part in _SCALES:
            total = max(total, 1) * _SCALES[part]
    return total, total


def _bounds(low: float, high: float, approximator: str) -> tuple[float, float]:
    """Widen (low, high) by an approximator: 'more than 70' -> (71, inf)."""
    if approximator == "above":
        return low + 1, math.inf
    if approximator == "at_least":
        return low, math.inf
    if approximator == "below":
        return 0, max(high - 1, 0)
    if approximator == "at_most":
        return 0, high
    if approximator == "about":
        return low * 0.8, high * 1.2
    return low, high


class ClaimReader:
    """Read numeric claims with the terms of ``claim_terms.csv``."""

    def __init__(self, data_dir: Path | None = None):
        rows = read_rows("claim_terms", data_dir)
        self.counted = {r["term"].lower(): r["value"] for r in rows if r["field"] == "counted"}
        self.side = TermIndex({r["term"]: r for r in rows if r["field"] == "side"})
        self.approximators = {r["term"].lower(): r["value"] for r in rows if r["field"] == "approximator"}

    def approximator(self, raw: str, start: int) -> tuple[str, int]:
        """Return (bound, new start) of an approximator just before ``start``, if any."""
        before = raw[max(0, start - 20):start].lower()
        for phrase, bound in sorted(self.approximators.items(), key=lambda kv: -len(kv[0])):
            if before.rstrip().endswith(phrase) and (len(before.rstrip()) == len(phrase)
                                                     or not before.rstrip()[-len(phrase) - 1].isalnum()):
                return bound, start - (len(before) - len(before.rstrip()) + len(phrase))
        return "", start

    def what_counted(self, after: list[str], before: list[str]) -> tuple[str, str]:
        """Return (counted, unit) from the words after and before the number."""
        for word in after[:3]:  # "42 km", "24 hours", "110,000 followers", "two warehouses"
            counted = self.counted.get(word.lower())
            if counted in _NOUN_COUNTS:
                return counted, word
        for words in (after, list(reversed(before))):  # "one man was killed", "killed more than 70"
            for n, word in enumerate(words):
                counted = self.counted.get(word.lower()) or self.counted.get(" ".join(words[n:n + 2]).lower())
                if counted in _EVENT_COUNTS:
                    return counted, ""
        for word in after[:4]:
            if self.counted.get(word.lower()) == "people":
                return "people", ""
        return "", ""

    def find(self, raw: str, start: int, end: int):
        """Yield claims (dicts) in ``raw[start:end]``."""
        for match in NUMBER_RE.finditer(raw, start, end):
            text = match.group(0)
            after_text = raw[match.end():min(end, match.end() + 120)]
            before_text = raw[max(start, match.start() - 120):match.start()]
            after = [t for t in _TOKEN.findall(after_text.split(";")[0])[:WINDOW_TOKENS + 2] if t not in ",“”\"‘’'"]
            before = [t for t in _TOKEN.findall(before_text.split(";")[-1])[-WINDOW_TOKENS:] if t not in ",“”\"‘’'"]
            if self.is_not_a_count(text, match, before, after):
                continue
            counted, unit = self.what_counted(after, before)
            if not counted:
                continue
            value, high = parse_number(text)
            bound, q_start = self.approximator(raw, match.start())
            low, high = _bounds(value, high, bound)
            if text.lower() in ("dozens", "hundreds", "thousands", "a few", "several", "a dozen"):
                bound = bound or "about"
            side = ""
            for s_start, s_end, row in self.side.find(raw, match.end(), min(end, match.end() + 60)):
                side = row["value"]
                break
            yield {"quantity": raw[q_start:match.end()], "value": value, "low": low,
                   "high": high, "unit": unit, "counted": counted, "side": side, "start": q_start,
                   "end": match.end(), "approximate": bound}

    @staticmethod
    def is_not_a_count(text: str, match: re.Match[str], before: list[str], after: list[str]) -> bool:
        """Is this number a date, a year, an identifier or a pronoun ('one could buy')?"""
        digits = match.group("digits")
        if digits and len(digits) == 4 and 1900 <= float(digits) <= 2100:
            return True  # a year
        if (after and _MONTHS.match(after[0])) or (before and _MONTHS.match(before[-1])):
            return True  # a date: "May 24", "24 May"
        if text.lower() in ("one", "none") and (not after or after[0].lower() in ("of", "could", "can", "would",
                                                                                   "may", "might", "must", "should")):
            return True  # "one of the groups", "one could buy"
        if before and before[-1].lower() in ("phase", "article", "no.", "number", "step", "at"):
            return True  # "phase one", "at 3am"
        return False


def claims(corpus, attributions: pd.DataFrame | None = None, hedges: pd.DataFrame | None = None,
           data_dir: Path | None = None) -> pd.DataFrame:
    """Return one row per numeric claim: value, bounds, what is counted, whose, who claims it.

    ``claimant`` is the speaker of the innermost attribution whose content holds the number
    (its ``attribution_id`` links the row), else "outlet narration". ``hedged`` is true when
    the number is approximate, the sentence carries a hedge or weasel term, or the cue distances
    the outlet from the claim ("claimed"); ``hedge_evidence`` says which.
    """
    if attributions is None:
        from kit.attribution import attributions as extract

        attributions = extract(corpus)
    if hedges is None:
        from kit.framing.hedges import hedges as find_hedges

        hedges = find_hedges(corpus, attributions)
    reader = ClaimReader(data_dir)
    labels = corpus.articles.set_index("article_id")["label"].to_dict()
    attributions_by, hedges_by = by_article(attributions), by_article(hedges[hedges["type"].isin(["hedge", "weasel"])])
    rows = []
    for article_id, raw, start, end, block, voices, sentence_of in analysed_text(corpus, attributions):
        for claim in reader.find(raw, start, end):
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
            if claim.pop("approximate"):
                evidence.append(f"approximate: '{raw[claim['start']:claim['end']]}'")
            evidence += [f"{t.type} '{t.term}'" for t in _hedges_beside(hedges_by.get(article_id, []), sentence_id,
                                                                        start, end)]
            if stance == "distancing":
                evidence.append(f"distancing cue '{row.cue}'")
            rows.append({"article_id": article_id, "sentence_id": sentence_id, **claim, "claimant": claimant,
                         "claimant_type": kind, "claimant_group": group, "attribution_id": attribution_id, "hedged": bool(evidence),
                         "hedge_evidence": "; ".join(evidence), "voice": voices.voice(claim["start"], claim["end"])})
    frame = pd.DataFrame(rows, columns=[c for c in CLAIM_COLUMNS if c != "claim_id"])
    frame = frame.sort_values(["article_id", "start"]).reset_index(drop=True)
    sides, article_ids, sentence_ids = (frame[c].tolist() for c in ("side", "article_id", "sentence_id"))
    for index in range(1, len(sides)):  # "two of his fighters wounded ... two killed and 10 wounded"
        if sides[index] == "" and sides[index - 1] and article_ids[index - 1] == article_ids[index] \
                and not pd.isna(sentence_ids[index - 1]) and sentence_ids[index - 1] == sentence_ids[index]:
            sides[index] = sides[index - 1]
    frame["side"] = sides
    frame.insert(1, "claim_id", [f"{a}:c{n + 1}" for a, n in zip(frame["article_id"], frame.groupby("article_id").cumcount())])
    frame["sentence_id"] = frame["sentence_id"].astype("Int64")
    return frame[CLAIM_COLUMNS]


def _hedges_beside(hedge_rows: list, sentence_id: int | None, start: int, end: int) -> list:
    """Return the hedge rows in a claim's sentence, or, for a claim outside sentences (a headline),
    the hedges outside sentences in the same stretch ``[start, end)``."""
    if sentence_id is None:
        return [t for t in hedge_rows if pd.isna(t.sentence_id) and start <= t.start < end]
    return [t for t in hedge_rows if not pd.isna(t.sentence_id) and t.sentence_id == sentence_id]


def _disagree(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Can two ranges not both be true? (``b`` may be the highest low and lowest high of several ranges.)"""
    return bool(a[1] < b[0] or b[1] < a[0])


def compare_claims(corpus, claims_table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the claims lined up by (event, what is counted, whose), with conflicts flagged.

    Casualty and capture counts are compared (killed, wounded, captured, casualties).
    ``conflict`` is true when two claims about the same quantity cannot both be true (their
    ranges do not overlap: "no one was killed" and "two killed"); ``conflict_in_article``
    when that happens inside one article. A flag is a prompt to read both, not a verdict:
    claims may differ in scope ("lightly wounded" versus "wounded"). Repeated mentions of one
    claim (same article, claimant and range) are one row; ``mentions`` counts them.
    """
    table = claims(corpus) if claims_table is None else claims_table
    articles = corpus.articles.set_index("article_id")
    table = table[table["counted"].isin(_EVENT_COUNTS) & (table["side"] != "")].copy()
    table["event"] = table["article_id"].map(articles["event"]).fillna("")
    table["label"] = table["article_id"].map(articles["label"])
    # one row per distinct claim: a headline and its body repeating "25 captured" is one claim
    keys = ["article_id", "claimant", "counted", "side", "low", "high"]
    same_claim = table.groupby(keys)
    table["mentions"] = same_claim["claim_id"].transform("size")
    table["hedged"] = same_claim["hedged"].transform("any")
    table = table.drop_duplicates(keys)
    out = []
    for _, group in table.groupby(["event", "counted", "side"], sort=True):
        # A range disagrees with some other range when it lies wholly below the highest
        # lower bound or wholly above the lowest upper bound: linear, not pairwise.
        tightest = (group["low"].max(), group["high"].min())
        in_article = group.groupby("article_id")
        article_tightest = zip(in_article["low"].transform("max"), in_article["high"].transform("min"))
        n_sources = group["label"].nunique()
        for row, article_bounds in zip(group.itertuples(), article_tightest):
            own = (row.low, row.high)
            out.append({**{c: getattr(row, c) for c in ("event", "counted", "side", "article_id", "label",
                                                       "claimant", "claimant_type", "claimant_group", "quantity", "value",
                                                       "low", "high", "hedged", "mentions", "claim_id")},
                        "n_sources": n_sources,
                        "conflict": _disagree(own, tightest),
                        "conflict_in_article": _disagree(own, article_bounds)})
    return pd.DataFrame(out, columns=COMPARE_COLUMNS)
