"""Score kit.attributions against the hand-annotated gold of the seeds.

    python benchmarks/attribution_eval.py [--gold FILE] [--corpus FOLDER] [--show-errors]

Prints precision, recall and F1 for content spans (overlap of at least half the gold span,
and exact), speaker accuracy and speaker_group accuracy, overall and per kind.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

import kit
from kit.attribution import attributions
from kit.attribution.evaluation import evaluate, mismatches, read_gold

REPO = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = REPO / "tests" / "fixtures" / "gold_attributions.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default=str(DEFAULT_GOLD))
    parser.add_argument("--corpus", default=None, help="folder of the gold's articles (default: seeds)")
    parser.add_argument("--show-errors", action="store_true", help="list missed, spurious and wrong-speaker rows")
    args = parser.parse_args(argv)
    corpus = kit.load_corpus(args.corpus)
    predicted = attributions(corpus)
    gold = read_gold(args.gold)
    pd.set_option("display.width", 200)
    print(evaluate(predicted, gold).to_string(index=False))
    if args.show_errors:
        pd.set_option("display.max_colwidth", 90)
        print()
        print(mismatches(predicted, gold).to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
