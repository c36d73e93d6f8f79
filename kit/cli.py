"""Command line: ``python -m kit check|analyze [FOLDER]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

import pandas as pd

from kit.attribution import attributions
from kit.corpus import FAILING_SEVERITIES, Corpus, load_corpus

CHECK_COLUMNS = ["article_id", "label", "published", "n_words", "title"]
TITLE_WIDTH = 50


def corpus_tables(corpus: Corpus) -> dict[str, pd.DataFrame]:
    """Return every table the kit computes for ``corpus``, by CSV name."""
    return {
        "articles": corpus.articles,
        "blocks": corpus.blocks,
        "paragraphs": corpus.paragraphs,
        "sentences": corpus.sentences,
        "problems": corpus.problems,
        "attributions": attributions(corpus),
    }


def _load(folder: str | None) -> Corpus | None:
    try:
        return load_corpus(folder)
    except (FileNotFoundError, NotADirectoryError) as error:
        print(f"error: {error}", file=sys.stderr)
        return None


def run_check(folder: str | None) -> int:
    """Print the articles and problems of ``folder``; return 1 if any file has a problem."""
    corpus = _load(folder)
    if corpus is None:
        return 2
    shown = corpus.articles[CHECK_COLUMNS].copy()
    shown["title"] = shown["title"].str.slice(0, TITLE_WIDTH)
    print(f"{len(corpus.articles)} articles in {corpus.folder}")
    if not shown.empty:
        print(shown.to_string(index=False))
    failing = corpus.problems[corpus.problems["severity"].isin(FAILING_SEVERITIES)]
    print(f"\n{len(failing)} problems")
    if not corpus.problems.empty:
        print(corpus.problems.to_string(index=False))
    return 1 if not failing.empty else 0


def run_analyze(folder: str | None, out: str) -> int:
    """Write one CSV per table of ``folder`` into ``out``; return 0 on success."""
    corpus = _load(folder)
    if corpus is None:
        return 2
    out_dir = Path(out)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        print(f"error: cannot create output folder {out_dir}: {error.strerror}", file=sys.stderr)
        return 2
    for name, table in corpus_tables(corpus).items():
        path = out_dir / f"{name}.csv"
        table.to_csv(path, index=False)
        print(f"wrote {path} ({len(table)} rows)")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m kit",
        description="Reading the Raids: load a folder of .txt news articles and analyse it.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    check = commands.add_parser("check", help="list the articles and any problems with the files")
    check.add_argument("folder", nargs="?", help="folder of .txt articles (default: the seeds)")
    analyze = commands.add_parser("analyze", help="write one CSV per table into a folder")
    analyze.add_argument("folder", nargs="?", help="folder of .txt articles (default: the seeds)")
    analyze.add_argument("--out", required=True, help="folder to write the CSV files into")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status."""
    args = build_parser().parse_args(argv)
    if args.command == "check":
        return run_check(args.folder)
    return run_analyze(args.folder, args.out)
