"""Score kit.claims, kit.hedges and the inferred metadata against hand-made gold, by subject.

    python benchmarks/framing_eval.py                   # devset and raidset
    python benchmarks/framing_eval.py --sealed          # also the sealed test set (score once a release)
    python benchmarks/framing_eval.py --errors devset   # and list what a set misses or gets wrong
    python benchmarks/framing_eval.py --json out.json   # the numbers, for RESULTS.md

The sets (in tests/fixtures/, gold written before the kit was run on them):

- devset: 48 articles on 12 subjects, loaded with ``topic=False`` (general knowledge only);
- raidset: ten unseen raid articles, loaded with the seeds' topic pack;
- testset: 24 articles on 12 subjects, sealed (``--sealed``).

What is scored:

- claims (``gold_claims.jsonl``): a gold quantity is *found* when a predicted claim overlaps its
  span (each prediction matched once, largest overlap first). For a found claim: *value* is the
  number as written ("hundreds" is 100, "a dozen" 12), *approx* the approximation class (exact,
  about, more_than, at_least, less_than, at_most, vague, range), *unit* the unit after normalising
  its spelling (km = kilometre, per cent = %), *counted* the counted thing: the lemma of the
  counted noun for counts (a compound's head matches: "rest centre" ~ "centre"), the category
  for events and measures (killed, displaced, duration, distance), and for money and percentages
  the unit. *right* is all four. Precision is the share of predicted claims that match a gold one.
- disclaimers (``gold_disclaimers.jsonl``): found when a predicted hedge of type ``verification``
  overlaps the gold span.
- metadata (``gold_metadata.csv``): title, byline, outlet, wire_agency, published, each exact after
  trimming and case-folding (several authors are written "A; B").

A kit without an ``approximation`` column is scored by reading the class from ``low`` and ``high``.
"""

from __future__ import annotations

import json
import math
import re
import sys
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
SEEDS = REPO / "seeds"
METADATA_FIELDS = ["title", "byline", "outlet", "wire_agency", "published"]
CLAIM_SCORES = ["found", "value_ok", "approx_ok", "unit_ok", "counted_ok", "right"]
# Spellings of one unit: the gold and the kit may write either.
UNIT_SPELLINGS = {"km": "kilometre", "kilometer": "kilometre", "kilometres": "kilometre", "kilometers": "kilometre",
                  "meter": "metre", "meters": "metre", "metres": "metre", "m": "metre", "mi": "mile", "miles": "mile",
                  "ft": "foot", "feet": "foot", "inches": "inch", "in": "inch", "percent": "%", "per cent": "%",
                  "pc": "%", "sq mile": "square mile", "square miles": "square mile", "lb": "pound", "lbs": "pound",
                  "oz": "ounce", "c": "degree celsius", "tb": "terabyte"}


def evaluation_sets(sealed: bool) -> list[tuple[str, Path, Path | bool]]:
    """Return (name, folder, topic argument of load_corpus) of each set."""
    sets = [("devset", FIXTURES / "devset", False), ("raidset", FIXTURES / "raidset", SEEDS / "topic")]
    if sealed:
        sets.append(("testset", FIXTURES / "testset", False))
    return sets


def read_jsonl(path: Path) -> pd.DataFrame:
    """Return the rows of a JSON-lines gold file (an empty table if there is none)."""
    if not path.exists():
        return pd.DataFrame()
    return pd.DataFrame([json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()])


def norm_unit(unit: object) -> str:
    """Return a unit in one spelling: 'km' and 'kilometres' are 'kilometre', 'per cent' is '%'."""
    text = " ".join(str(unit or "").lower().split())
    if text in UNIT_SPELLINGS:
        return UNIT_SPELLINGS[text]
    return text[:-1] if len(text) > 3 and text.endswith("s") and not text.endswith("ss") else text


def norm_text(text: object) -> str:
    """Return a metadata value trimmed and case-folded (NaN and None are empty)."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    return " ".join(str(text).split()).casefold()


def approximation_of(row) -> str:
    """Return a predicted claim's approximation class, read from its bounds if the kit gives none."""
    given = getattr(row, "approximation", None)
    if isinstance(given, str) and given:
        return given
    value, low, high = float(row.value), float(row.low), float(row.high)
    if low == high == value:
        return "exact"
    if math.isinf(high):
        return "more_than" if low > value else "at_least"
    if low == 0 and high < value:
        return "less_than"
    if low == 0 and high == value:
        return "at_most"
    return "about" if low < value < high else "vague"


def same_counted(gold: dict, predicted: str, unit_ok: bool) -> bool:
    """Is the counted thing right? Money and percentages by unit; counts by lemma (a compound by its head)."""
    if gold["counted"] in ("money", "percent"):
        return unit_ok
    want, got = str(gold["counted"]).lower().strip(), str(predicted or "").lower().strip()
    if not got:
        return False
    return want == got or want.split()[-1] == got.split()[-1]


def match_spans(gold: pd.DataFrame, predicted: pd.DataFrame) -> dict[int, int]:
    """Return gold index -> predicted index: overlapping spans, largest overlap first, each used once."""
    pairs = []
    by_file = {f: p for f, p in predicted.groupby("file")} if not predicted.empty else {}
    for g in gold.itertuples():
        for p in by_file.get(g.file, pd.DataFrame()).itertuples():
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0:
                pairs.append((-overlap, g.Index, p.Index))
    taken_gold, taken_pred, matched = set(), set(), {}
    for _, g, p in sorted(pairs):
        if g not in taken_gold and p not in taken_pred:
            matched[g] = p
            taken_gold.add(g)
            taken_pred.add(p)
    return matched


def score_claims(gold: pd.DataFrame, predicted: pd.DataFrame) -> pd.DataFrame:
    """Return one row per gold claim with its match and a 0/1 column for each score."""
    matched = match_spans(gold, predicted)
    rows = []
    for g in gold.to_dict("records"):
        index = g.pop("_index")
        p = predicted.loc[matched[index]] if index in matched else None
        row = {**g, "got": "", "found": p is not None}
        if p is not None:
            unit_ok = norm_unit(p["unit"]) == norm_unit(g["unit"])
            approx = approximation_of(p)
            row.update({"got": f"{p['quantity']!r} value={p['value']:g} {approx} unit={p['unit']!r} "
                               f"counted={p['counted']!r}",
                        "value_ok": math.isclose(float(p["value"]), float(g["value"]), rel_tol=1e-9),
                        "approx_ok": approx == g["approximation"], "unit_ok": unit_ok,
                        "counted_ok": same_counted(g, p["counted"], unit_ok)})
            row["right"] = row["value_ok"] and row["approx_ok"] and row["unit_ok"] and row["counted_ok"]
        rows.append(row)
    table = pd.DataFrame(rows)
    for column in CLAIM_SCORES:
        table[column] = table.get(column, False)
        table[column] = table[column].fillna(False).astype(bool)
    table.attrs["n_predicted"] = len(predicted)
    table.attrs["n_matched"] = len(matched)
    return table


def score_disclaimers(gold: pd.DataFrame, hedges: pd.DataFrame) -> pd.DataFrame:
    """Return one row per gold disclaimer: found when a verification hedge overlaps it."""
    verification = hedges[hedges["type"] == "verification"]
    rows = []
    for g in gold.to_dict("records"):
        hits = verification[(verification["file"] == g["file"]) & (verification["start"] < g["end"])
                            & (verification["end"] > g["start"])]
        rows.append({**g, "found": not hits.empty, "got": "; ".join(hits["term"].astype(str))})
    table = pd.DataFrame(rows)
    table.attrs["n_predicted"] = len(verification)
    return table


def score_metadata(gold: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Return one row per (file, field): gold, inferred value, and whether they agree."""
    inferred = articles.set_index("file")
    rows = []
    for g in gold.to_dict("records"):
        for field in METADATA_FIELDS:
            got = inferred.loc[g["file"], field] if g["file"] in inferred.index else ""
            rows.append({"file": g["file"], "subject": g["subject"], "field": field, "gold": g[field],
                         "got": "" if pd.isna(got) else str(got), "right": norm_text(g[field]) == norm_text(got)})
    return pd.DataFrame(rows)


def summarise(claims: pd.DataFrame, disclaimers: pd.DataFrame, metadata: pd.DataFrame) -> pd.DataFrame:
    """Return the scores by subject and for the whole set ('all')."""
    subjects = sorted(set(claims.get("subject", [])) | set(metadata["subject"]))
    out = []
    for subject in subjects + ["all"]:
        pick = (lambda t: t) if subject == "all" else (lambda t: t[t["subject"] == subject] if len(t) else t)
        c, d, m = pick(claims), pick(disclaimers), pick(metadata)
        row = {"subject": subject, "claims": len(c)}
        for column in CLAIM_SCORES:
            row[column.removesuffix("_ok")] = round(float(c[column].mean()), 3) if len(c) else float("nan")
        row["disclaimers"] = len(d)
        row["disclaimers_found"] = round(float(d["found"].mean()), 3) if len(d) else float("nan")
        for field in METADATA_FIELDS:
            f = m[m["field"] == field]
            row[field] = round(float(f["right"].mean()), 3) if len(f) else float("nan")
        out.append(row)
    table = pd.DataFrame(out)
    n_predicted, n_matched = claims.attrs.get("n_predicted", 0), claims.attrs.get("n_matched", 0)
    table.attrs["claim_precision"] = round(n_matched / n_predicted, 3) if n_predicted else float("nan")
    table.attrs["n_predicted_claims"] = n_predicted
    table.attrs["n_predicted_disclaimers"] = disclaimers.attrs.get("n_predicted", 0)
    return table


def score_set(folder: Path, topic) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Return (summary, claims, disclaimers, metadata) of one set."""
    import kit

    corpus = kit.load_corpus(folder, topic=topic)
    attributions = kit.attributions(corpus)
    hedges = kit.hedges(corpus, attributions)
    claims = kit.claims(corpus, attributions, hedges)
    files = corpus.articles.set_index("article_id")["file"]
    claims = claims.assign(file=claims["article_id"].map(files))
    hedges = hedges.assign(file=hedges["article_id"].map(files))
    metadata = pd.read_csv(folder / "gold_metadata.csv", keep_default_na=False, dtype=str)
    subjects = dict(zip(metadata["file"], metadata["subject"]))
    gold_claims = read_jsonl(folder / "gold_claims.jsonl")
    gold_claims["subject"] = gold_claims["file"].map(subjects)
    gold_claims["_index"] = range(len(gold_claims))
    gold_claims.index = gold_claims["_index"]
    gold_disclaimers = read_jsonl(folder / "gold_disclaimers.jsonl")
    gold_disclaimers["subject"] = gold_disclaimers["file"].map(subjects)
    scored_claims = score_claims(gold_claims, claims.reset_index(drop=True))
    scored_disclaimers = score_disclaimers(gold_disclaimers, hedges)
    scored_metadata = score_metadata(metadata, corpus.articles)
    return (summarise(scored_claims, scored_disclaimers, scored_metadata), scored_claims, scored_disclaimers,
            scored_metadata)


def print_errors(claims: pd.DataFrame, disclaimers: pd.DataFrame, metadata: pd.DataFrame) -> None:
    """Print each missed or wrong claim, each missed disclaimer and each wrong metadata field."""
    print("\n-- claims not found or not right")
    for row in claims[~claims["right"]].itertuples():
        wrong = "missed" if not row.found else ",".join(c.removesuffix("_ok") for c in CLAIM_SCORES[1:5]
                                                        if not getattr(row, c))
        print(f"{row.file[:24]:24} {wrong:22} gold: {row.quantity!r} value={row.value:g} {row.approximation} "
              f"unit={row.unit!r} counted={row.counted!r} | got: {row.got}")
    print("\n-- disclaimers not found")
    for row in disclaimers[~disclaimers["found"]].itertuples():
        print(f"{row.file[:24]:24} {row.text!r}")
    print("\n-- metadata not right")
    for row in metadata[~metadata["right"]].itertuples():
        print(f"{row.file[:24]:24} {row.field:12} gold: {row.gold!r:50} got: {row.got!r}")


def main(argv: list[str] | None = None) -> int:
    from attribution_eval import evaluation_parser  # this folder is on the path when a script here runs

    args = evaluation_parser(__doc__.splitlines()[0]).parse_args(argv)
    pd.set_option("display.width", 220)
    pd.set_option("display.max_rows", 1000)
    pd.set_option("display.max_columns", 40)
    results = {}
    for name, folder, topic in evaluation_sets(args.sealed):
        if args.only and name not in args.only:
            continue
        summary, claims, disclaimers, metadata = score_set(folder, topic)
        print(f"\n== {name}  (claim precision {summary.attrs['claim_precision']} of "
              f"{summary.attrs['n_predicted_claims']} predicted; "
              f"{summary.attrs['n_predicted_disclaimers']} verification hedges predicted)")
        print(summary.to_string(index=False))
        results[name] = {"by_subject": summary.to_dict("records"), **summary.attrs}
        if name in args.errors:
            print_errors(claims, disclaimers, metadata)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1, default=float) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
