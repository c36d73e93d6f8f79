"""How does ``python -m kit report`` behave on a large folder of small files? (issue 13)

    python benchmarks/report_scale.py                        # 2,000 generated pages
    python benchmarks/report_scale.py --count 500 --kit /path/to/another/checkout

Writes ``--count`` small news-shaped pages (``tests/newspages.py``, seeded, none with a known
outlet, so every file is its own "outlet"), builds the report once in a fresh process and
prints its wall and CPU time (analysis and page apart), peak memory (the process's maximum
resident set size), the size of the HTML page and of its largest figure in pixels. ``--kit``
runs the ``kit`` package of another checkout (e.g. an older commit unpacked with
``git archive``) to compare before/after.

By default the process does what ``python -m kit report`` does, except that ``kit.claims`` gets
only the hedges inside sentences: generated pages meet its known crash on a hedge outside every
sentence (see tests/test_news_pages.py). ``--cli`` runs the command itself.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import re
import resource
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from newspages import write_pages  # noqa: E402  (a test helper, shared with the benchmark)


def figure_sizes(page: str) -> list[tuple[int, int]]:
    """Return (width, height) in pixels of every PNG embedded in ``page``."""
    sizes = []
    for data in re.findall(r"data:image/png;base64,([A-Za-z0-9+/=]+)", page):
        header = base64.b64decode(data[:44])  # the 8-byte signature and the IHDR chunk
        sizes.append(struct.unpack(">II", header[16:24]))
    return sizes


def worker(folder: str, out: str, kit_root: str) -> None:
    """Build the report of ``folder`` into ``out`` with the kit of ``kit_root``; print the CPU times as JSON."""
    sys.path.insert(0, kit_root)
    import kit
    from kit.views.report import build_report

    started = time.process_time()
    corpus = kit.load_corpus(folder)
    if hasattr(kit, "analyze"):  # the bundle: every table, each stage once
        tables = kit.analyze(corpus)
        dict(tables.items())
    else:  # a kit from before the bundle
        from kit.views.report import Tables

        attributions = kit.attributions(corpus)
        hedges = kit.hedges(corpus, attributions)
        claims = kit.claims(corpus, attributions, hedges.dropna(subset=["sentence_id"]))
        tables = Tables(attributions, kit.naming(corpus, attributions), kit.labels(corpus, attributions), hedges,
                        claims, kit.compare_claims(corpus, claims), kit.sentiment(corpus, attributions))
    analysed = time.process_time()
    Path(out).write_text(build_report(corpus, tables), encoding="utf-8")
    print(json.dumps({"analysis_cpu": analysed - started, "page_cpu": time.process_time() - analysed}))


def run_report(folder: Path, out: Path, kit_root: Path, cli: bool) -> dict:
    """Build the report in a fresh process (the only child of this one); return its times, memory, status."""
    command = ([sys.executable, "-m", "kit", "report", str(folder), "--out", str(out)] if cli else
               [sys.executable, __file__, "--worker", str(folder), str(out), str(kit_root)])
    started = time.perf_counter()
    result = subprocess.run(command, cwd=kit_root, capture_output=True, text=True)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    report = {"seconds": time.perf_counter() - started, "cpu": usage.ru_utime + usage.ru_stime,
              "peak_mb": usage.ru_maxrss / 1024, "status": result.returncode,
              "stderr_tail": result.stderr.strip().splitlines()[-1:] if result.returncode else []}
    lines = result.stdout.strip().splitlines()
    if not cli and lines and lines[-1].startswith("{"):
        report.update(json.loads(lines[-1]))
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=2000, help="number of pages (default: 2000)")
    parser.add_argument("--paragraphs", type=int, default=3, help="at most this many body paragraphs a page")
    parser.add_argument("--kit", type=Path, default=REPO, help="the checkout whose kit/ runs the report")
    parser.add_argument("--keep", type=Path, help="keep the report HTML here")
    parser.add_argument("--cli", action="store_true", help="run `python -m kit report` itself")
    parser.add_argument("--worker", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(*args.worker)
        return
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / f"pages{args.count}"
        folder.mkdir()
        write_pages(folder, args.count, max_paragraphs=args.paragraphs)
        size = sum(p.stat().st_size for p in folder.iterdir())
        out = args.keep or Path(temporary) / "report.html"
        result = run_report(folder, out, args.kit.resolve(), args.cli)
        page = out.read_text(encoding="utf-8") if out.exists() else ""
    sizes = figure_sizes(page)
    largest = max(sizes, key=lambda s: s[0] * s[1], default=(0, 0))
    print(f"kit from:        {args.kit.resolve()}")
    print(f"input:           {args.count:,} files, {size / 1e3:,.0f} kB")
    print(f"exit status:     {result['status']} {' '.join(result['stderr_tail'])}")
    print(f"report time:     {result['seconds']:.1f} s wall, {result['cpu']:.1f} s CPU"
          + (f" (analysis {result['analysis_cpu']:.1f} s, page {result['page_cpu']:.1f} s)"
             if "page_cpu" in result else ""))
    print(f"peak memory:     {result['peak_mb']:.0f} MB")
    print(f"HTML size:       {len(page.encode('utf-8')) / 1e6:.2f} MB")
    print(f"figures:         {len(sizes)}; largest {largest[0]:,} x {largest[1]:,} px")


if __name__ == "__main__":
    main()
