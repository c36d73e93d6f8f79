"""Command line: ``python -m kit check|analyze [FOLDER]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable, Sequence

import pandas as pd

from kit.corpus.loader import FAILING_SEVERITIES, Corpus, load_corpus

CHECK_COLUMNS = ["article_id", "label", "published", "n_words", "title"]
TITLE_WIDTH = 50


def corpus_tables(corpus: Corpus) -> dict[str, pd.DataFrame]:
    """Return every table the kit computes for ``corpus``, by CSV name (each stage run once)."""
    from kit.framing import analyze

    return dict(analyze(corpus).items())


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


def _make_folder(folder: Path) -> bool:
    """Create ``folder`` if needed; print why not and return False when it cannot be."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return True
    except OSError as error:
        print(f"error: cannot create output folder {folder}: {error.strerror}", file=sys.stderr)
        return False


def run_analyze(folder: str | None, out: str, parquet: bool = False) -> int:
    """Write one CSV per table of ``folder`` into ``out`` (and Parquet beside it if asked); return 0 on success.

    Cells that a spreadsheet would run as formulas (``=``, ``+``, ``-``, ``@`` ...) are written
    with a leading ``'`` (``kit.views.safe_csv``); the tables in memory keep the true text.
    """
    from kit.views.parallel import ScaleUnavailable, TableFiles

    corpus = _load(folder)
    out_dir = Path(out)
    if corpus is None or not _make_folder(out_dir):
        return 2
    try:
        files = TableFiles(out_dir, parquet)
    except ScaleUnavailable as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    try:
        for name, table in corpus_tables(corpus).items():
            files.add(name, table)
        files.close()
    except OSError as error:
        files.abort()
        print(f"error: cannot write into {out_dir}: {error.strerror or error}", file=sys.stderr)
        return 2
    for name in files.csv:
        print(f"wrote {out_dir / name}.csv ({files.rows(name)} rows)")
    return 0


def run_analyze_parallel(folder: str | None, out: str, workers: int | None, scheduler: str | None,
                         parquet: bool, partition_size: int) -> int:
    """Write the tables of ``folder`` into ``out`` partition by partition with Dask workers; return 0 on success."""
    from kit.corpus.progress import progress_bar
    from kit.views.parallel import ScaleUnavailable, analyze_folder

    out_dir = Path(out)
    if not _make_folder(out_dir):
        return 2
    where = f"the Dask cluster at {scheduler}" if scheduler else f"{workers} local worker process(es)"
    print(f"analysing {folder or 'the seeds'} in partitions of {partition_size} articles on {where}",
          file=sys.stderr)
    try:
        with progress_bar("analysing") as bar:
            rows = analyze_folder(folder, out_dir, workers=workers, scheduler=scheduler, parquet=parquet,
                                  partition_size=partition_size, on_progress=bar)
    except ScaleUnavailable as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except (FileNotFoundError, NotADirectoryError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"error: cannot write into {out_dir}: {error.strerror or error}", file=sys.stderr)
        return 2
    for name, count in rows.items():
        print(f"wrote {out_dir / name}.csv ({count} rows)")
    return 0


def run_report(folder: str | None, out: str) -> int:
    """Write the one-page HTML report of ``folder`` to ``out``; return 0 on success."""
    from kit.views.report import build_report

    corpus = _load(folder)
    path = Path(out)
    if corpus is None or not _make_folder(path.parent):
        return 2
    try:
        path.write_text(build_report(corpus), encoding="utf-8")
    except OSError as error:
        print(f"error: cannot write {path}: {error.strerror}", file=sys.stderr)
        return 2
    print(f"wrote {path} ({len(corpus.articles)} articles): open it in a browser")
    return 0


EXERCISES_DIR = Path(__file__).resolve().parent.parent / "exercises"


def run_exercises_build(source: str | None, student: str | None, force: bool) -> int:
    """Build student notebooks; return 1 if a student's edited notebook was left alone, 2 if a source would leak."""
    from kit.exercises.build import SourceError, build

    source_dir = Path(source) if source else EXERCISES_DIR / "source"
    if not source_dir.is_dir():
        print(f"error: exercise sources not found: {source_dir}", file=sys.stderr)
        return 2
    try:
        actions = build(source_dir, Path(student) if student else EXERCISES_DIR / "student", force=force)
    except SourceError as error:
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        print(f"\n{len(error.problems)} problem(s) in the sources would show students a solution or a rubric; "
              "nothing was written.", file=sys.stderr)
        return 2
    for action in actions:
        print(f"{action.action:>9}  {action.notebook}" + (f"  ({action.detail})" if action.detail else ""))
    refused = [a for a in actions if a.action == "refused"]
    if refused:
        print(f"\n{len(refused)} notebook(s) not replaced because they were edited; nothing was lost.")
    return 1 if refused else 0


def run_exercises_grade(args: argparse.Namespace) -> int:
    """Grade a folder of submitted notebooks into grades and totals CSVs; return 0 when written."""
    from kit.exercises.grade import grade_folder, totals, totals_path
    from kit.exercises.sandbox import Limits, SandboxUnavailable
    from kit.views.safe_csv import write_csv

    folder = Path(args.submissions)
    if not folder.is_dir():
        print(f"error: submissions folder not found: {folder}", file=sys.stderr)
        return 2
    path = Path(args.out)
    if not _make_folder(path.parent):
        return 2
    limits = Limits(cell_timeout=args.timeout, notebook_timeout=args.notebook_timeout, memory_mb=args.memory,
                    processes=args.processes, output_mb=args.max_output)
    if args.unsafe:
        print("warning: --unsafe: submissions run without a sandbox, with your rights. Use it only for "
              "submissions you trust.", file=sys.stderr)
    try:
        grades = grade_folder(folder, limits=limits, workers=args.workers, unsafe=args.unsafe)
    except SandboxUnavailable as error:
        print(f"error: cannot grade safely: {error}", file=sys.stderr)
        return 2
    student_totals = totals(grades)
    write_csv(grades, path)
    write_csv(student_totals, totals_path(path))
    summary = grades.groupby("submission")["status"].value_counts().unstack(fill_value=0)
    print(summary.to_string() if not summary.empty else "no notebooks found")
    print(f"\nwrote {path} ({len(grades)} rows) and {totals_path(path)} ({len(student_totals)} students)")
    return 0


def _positive(kind: type) -> Callable[[str], float]:
    """Return an argparse type that accepts only positive numbers of ``kind`` (int or float)."""
    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be a positive {'whole ' if kind is int else ''}number "
                                             f"(got {text!r})") from None
        if not value > 0 or value == float("inf"):
            raise argparse.ArgumentTypeError(f"must be a positive {'whole ' if kind is int else ''}number "
                                             f"(got {text!r})")
        return value
    return parse


def build_parser() -> argparse.ArgumentParser:
    from kit.exercises.sandbox import Limits  # standard library only: cheap to import

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
    analyze.add_argument("--workers", type=_positive(int), default=None,
                         help="analyse in partitions on N local processes with Dask (the optional extra 'scale')")
    analyze.add_argument("--scheduler", metavar="ADDRESS", default=None,
                         help="analyse in partitions on the existing Dask cluster at ADDRESS (tcp://host:8786)")
    analyze.add_argument("--partition-size", type=_positive(int), default=None,
                         help="articles per partition with --workers or --scheduler (default: 100)")
    analyze.add_argument("--parquet", action="store_true",
                         help="also write each table as NAME.parquet beside its CSV (needs pyarrow)")
    report = commands.add_parser("report", help="write one self-contained HTML page comparing the outlets")
    report.add_argument("folder", nargs="?", help="folder of .txt articles (default: the seeds)")
    report.add_argument("--out", default="report.html", help="the HTML file to write (default: report.html)")
    exercises = commands.add_parser("exercises", help="build student notebooks or grade submissions")
    actions = exercises.add_subparsers(dest="action", metavar="ACTION", required=True)
    build = actions.add_parser("build", help="write exercises/student/ from exercises/source/")
    build.add_argument("--force", action="store_true", help="replace edited student notebooks (after a backup)")
    build.add_argument("--source", help="folder of instructor notebooks (default: exercises/source)")
    build.add_argument("--student", help="folder for student notebooks (default: exercises/student)")
    grade = actions.add_parser("grade", help="run each submitted notebook in a sandbox and write a grades table",
                               description="Run each submitted notebook in a bubblewrap sandbox, check its answers "
                                           "and write grades.csv and, next to it, per-student totals.")
    grade.add_argument("submissions", help="folder of submitted .ipynb files (subfolders too, e.g. an LMS export)")
    grade.add_argument("--out", default="grades.csv",
                       help="CSV file to write (default: grades.csv); totals go to NAME_totals.csv beside it")
    limits = Limits()
    grade.add_argument("--timeout", type=_positive(float), default=limits.cell_timeout,
                       help="seconds allowed per cell (default: %(default)g)")
    grade.add_argument("--notebook-timeout", type=_positive(float), default=limits.notebook_timeout,
                       help="seconds allowed per notebook (default: %(default)g)")
    grade.add_argument("--memory", type=_positive(int), default=limits.memory_mb,
                       help="MiB of memory per process of a notebook (default: %(default)s)")
    grade.add_argument("--processes", type=_positive(int), default=limits.processes,
                       help="processes and threads a notebook may run at once (default: %(default)s)")
    grade.add_argument("--max-output", type=_positive(float), default=limits.output_mb,
                       help="MB a notebook may print before it is stopped (default: %(default)g)")
    grade.add_argument("--workers", type=_positive(int), default=None,
                       help="notebooks graded at once (default: the number of cores, at most 4)")
    grade.add_argument("--unsafe", action="store_true",
                       help="run submissions WITHOUT a sandbox, with your rights: for trusted submissions only")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status."""
    args = build_parser().parse_args(argv)
    if args.command == "check":
        return run_check(args.folder)
    if args.command == "report":
        return run_report(args.folder, args.out)
    if args.command == "exercises":
        if args.action == "build":
            return run_exercises_build(args.source, args.student, args.force)
        return run_exercises_grade(args)
    if args.workers or args.scheduler:
        from kit.views.parallel import PARTITION_SIZE

        return run_analyze_parallel(args.folder, args.out, args.workers, args.scheduler, args.parquet,
                                    args.partition_size or PARTITION_SIZE)
    if args.partition_size:
        print("error: --partition-size goes with --workers or --scheduler", file=sys.stderr)
        return 2
    return run_analyze(args.folder, args.out, args.parquet)
