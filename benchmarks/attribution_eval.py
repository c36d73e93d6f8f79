"""Score kit.attributions against hand-made gold on every evaluation set, by subject.

    python benchmarks/attribution_eval.py                  # every set but the sealed test set
    python benchmarks/attribution_eval.py --sealed         # also the sealed test set (score once a release)
    python benchmarks/attribution_eval.py --errors devset  # and list what a set gets wrong
    python benchmarks/attribution_eval.py --json out.json  # the numbers, for RESULTS.md

The sets (all in tests/fixtures/, gold written before the kit was run on them):

- seeds: the five seed articles, with their topic pack;
- seeds, text only: the same texts copied alone into a new folder (no manifest, no topic pack);
  speakers are compared through the topic pack's aliases, so "Nikitin" counts as Denis Kapustin;
- heldout: eight raid articles in other outlets' styles (a development set since issue 3);
- raidset: ten unseen raid articles in ten outlet styles;
- devset: 48 articles on 12 subjects, no topic pack (the development set for speakers);
- testset: 24 articles on 12 subjects, sealed.

Content is matched by overlap (at least half the gold span) and exactly; speakers by name,
alias or, for unnamed sources, by being unnamed (``kit.attribution.evaluation``).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
SEEDS = REPO / "seeds"
COLUMNS = ["subject", "overlap_precision", "overlap_recall", "overlap_f1", "exact_f1", "speaker_accuracy",
           "group_accuracy", "n_gold", "n_predicted"]


def evaluation_sets(sealed: bool) -> list[tuple[str, Path, Path, Path | None | bool]]:
    """Return (name, corpus folder, gold file, topic pack) of each set; topic None means the folder's own."""
    sets = [("seeds", SEEDS, FIXTURES / "gold_attributions.jsonl", None),
            ("seeds, text only", SEEDS, FIXTURES / "gold_attributions.jsonl", False),
            ("heldout", FIXTURES / "heldout", FIXTURES / "heldout" / "gold_attributions.jsonl", SEEDS / "topic"),
            ("raidset", FIXTURES / "raidset", FIXTURES / "raidset" / "gold_attributions.jsonl", SEEDS / "topic"),
            ("devset", FIXTURES / "devset", FIXTURES / "devset" / "gold_attributions.jsonl", False)]
    if sealed:
        sets.append(("testset", FIXTURES / "testset", FIXTURES / "testset" / "gold_attributions.jsonl", False))
    return sets


def load(name: str, folder: Path, topic: Path | None | bool, scratch: Path):
    """Return the corpus of a set; 'text only' copies the .txt files alone into ``scratch``."""
    import kit

    if name.endswith("text only"):
        for path in folder.glob("*.txt"):
            shutil.copyfile(path, scratch / path.name)
        return kit.load_corpus(scratch, topic=False)
    return kit.load_corpus(folder, topic=topic)


def score_set(name: str, folder: Path, gold_path: Path, topic, scratch: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (scores by subject with an 'all' row, mismatches) of one set."""
    import kit
    from kit.attribution.evaluation import alias_map, evaluate_by, mismatches, read_gold

    corpus = load(name, folder, topic, scratch)
    predicted = kit.attributions(corpus)
    gold = read_gold(gold_path)
    metadata = gold_path.parent / "gold_metadata.csv"
    subjects = (dict(pd.read_csv(metadata, keep_default_na=False)[["file", "subject"]].values)
                if metadata.exists() else {})
    gold["subject"] = [subjects.get(file, name.split(",")[0]) for file in gold["file"]]
    pack = corpus.topic if topic is not False else kit.load_corpus(folder).topic
    aliases = alias_map(pack) if pack is not None else {}
    return evaluate_by(predicted, gold, "subject", aliases), mismatches(predicted, gold, aliases)


def evaluation_parser(description: str) -> argparse.ArgumentParser:
    """Return the command line both evaluation scripts take: --sealed, --errors, --only, --json."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--sealed", action="store_true", help="also score the sealed test set")
    parser.add_argument("--errors", nargs="*", default=[], metavar="SET", help="list what these sets get wrong")
    parser.add_argument("--only", nargs="*", default=[], metavar="SET", help="score only these sets")
    parser.add_argument("--json", help="write the scores to this file")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = evaluation_parser(__doc__.splitlines()[0]).parse_args(argv)
    pd.set_option("display.width", 220)
    pd.set_option("display.max_colwidth", 90)
    pd.set_option("display.max_rows", 1000)
    results = {}
    for name, folder, gold, topic in evaluation_sets(args.sealed):
        if args.only and name not in args.only:
            continue
        with tempfile.TemporaryDirectory() as scratch:
            scores, errors = score_set(name, folder, gold, topic, Path(scratch))
        shown = scores[[c for c in COLUMNS if c in scores]]
        if len(shown) == 2:  # one subject: only the 'all' row
            shown = shown.tail(1)
        print(f"\n== {name}\n{shown.to_string(index=False)}")
        results[name] = scores.to_dict("records")
        if name in args.errors:
            for row in errors.itertuples():
                print(f"{row.problem:8} {row.article_id[:12]:12} {row.kind[:8]:8} gold: {row.speaker[:40]:40} "
                      f"got: {str(row.got)[:110]:110} | {str(row.content)[:60]!r}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1, default=float) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
