"""Speed and scale (issue 15): one core, 1 against 2 Dask workers, and peak memory at 5,000 and 50,000 articles.

    python benchmarks/scale.py                                   # everything below; ~25 minutes on 2 cores
    python benchmarks/scale.py --speed-size 1000 --memory-sizes 5000
    python benchmarks/scale.py --speed-size 0 --memory-sizes 50000   # memory only, added to the last run

Corpora are made from the five seeds as in ``run.py`` (each copy varied, none a duplicate).

- **One core**: load and every table through ``kit.analyze`` in a fresh process pinned to one
  core; words/s, and how often the attribution stage and the voice reader ran (once each).
- **Workers**: ``kit analyze --workers 1`` and ``--workers 2`` on the same corpus in this run,
  wall time each (Dask start-up included), alternately ``--repeat`` times, the fastest of each
  kept (the machine may be busy with other work); the speed-up is their ratio, and the two
  runs' CSV files are checked to be identical.
- **Memory**: ``kit analyze --workers 2`` on 5,000 and 50,000 articles, each in a fresh driver
  process: the driver's and each worker's peak resident memory.

Writes ``benchmarks/scale.json``; ``run.py`` puts it into RESULTS.md (``python benchmarks/run.py
--report-only`` after this).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RAW = REPO / "benchmarks" / "scale.json"
sys.path.insert(0, str(REPO / "benchmarks"))

from run import make_corpus  # noqa: E402  (the corpora of run.py)


def one_core(folder: str) -> None:
    """Analyse ``folder`` on one core with ``kit.analyze``; print words/s and the stage passes as JSON."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    sys.path.insert(0, str(REPO))
    import kit
    import kit.attribution.table as attribution_table
    import kit.framing.voice as voice

    passes = {"attributions": 0, "voices": 0}

    def counted(name, function):
        def run(*args, **kwargs):
            passes[name] += 1
            return function(*args, **kwargs)
        return run

    attribution_table.read_articles = counted("attributions", attribution_table.read_articles)
    voice.read_voices = counted("voices", voice.read_voices)
    started, cpu = time.perf_counter(), time.process_time()
    corpus = kit.load_corpus(folder)
    tables = dict(kit.analyze(corpus).items())
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    words = int(corpus.articles["n_words"].sum())
    print(json.dumps({"articles": len(corpus.articles), "words": words, "seconds": seconds, "cpu_seconds": cpu,
                      "words_per_second": words / seconds, "words_per_cpu_second": words / cpu, "passes": passes,
                      "tables": len(tables)}))


def driver(folder: str, out: str, workers: int) -> None:
    """Run ``kit analyze --workers`` on ``folder`` from this process; print wall time and peak memory as JSON."""
    sys.path.insert(0, str(REPO))
    import logging

    from dask.distributed import Client, LocalCluster

    from kit.views.parallel import analyze_folder

    started = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        rows = analyze_folder(folder, out, client=client)
        seconds = time.perf_counter() - started
        usage = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF))
    own = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"workers": workers, "seconds": seconds, "rows": rows,
                      "driver_peak_mb": own.ru_maxrss / 1024, "driver_cpu_seconds": own.ru_utime + own.ru_stime,
                      "worker_peak_mb": sorted(u.ru_maxrss / 1024 for u in usage.values()),
                      "worker_cpu_seconds": sorted(u.ru_utime + u.ru_stime for u in usage.values())}))


def _child(*args: str) -> dict:
    output = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=True,
                            cwd=REPO).stdout
    return json.loads(output.strip().splitlines()[-1])


def _hashes(out: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.glob("*.csv"))}


def measure(speed_size: int, memory_sizes: list[int], repeat: int) -> dict:
    """Return the measurements; those not taken this time (``speed_size`` 0, sizes not asked) come from the last run."""
    results = json.loads(RAW.read_text(encoding="utf-8")) if RAW.exists() else {}
    results.update(date=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), cores=os.cpu_count())
    if not speed_size:
        return _memory(results, memory_sizes)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "corpus"
        folder.mkdir()
        make_corpus(folder, speed_size)
        results["one_core"] = _child("--one-core", str(folder))
        print(f"one core: {results['one_core']['words_per_second']:,.0f} words/s", flush=True)
        runs = {}
        for attempt in range(repeat):  # alternately, keeping each one's fastest: other load on the machine varies
            for workers in (1, 2):
                run = _child("--driver", str(folder), str(Path(scratch) / f"out{workers}"), str(workers))
                print(f"{workers} worker(s): {run['seconds']:.1f} s", flush=True)
                if workers not in runs or run["seconds"] < runs[workers]["seconds"]:
                    runs[workers] = run
        words = results["one_core"]["words"]
        results["workers"] = {
            "articles": speed_size, "words": words, "repeats": repeat,
            "seconds": {str(w): r["seconds"] for w, r in runs.items()},
            "words_per_second": {str(w): words / r["seconds"] for w, r in runs.items()},
            "speed_up": runs[1]["seconds"] / runs[2]["seconds"],
            "driver_cpu_seconds": {str(w): r["driver_cpu_seconds"] for w, r in runs.items()},
            "worker_cpu_seconds": {str(w): r["worker_cpu_seconds"] for w, r in runs.items()},
            "load_average_after": os.getloadavg()[0],
            "identical_outputs": _hashes(Path(scratch) / "out1") == _hashes(Path(scratch) / "out2"),
        }
    return _memory(results, memory_sizes)


def _memory(results: dict, memory_sizes: list[int]) -> dict:
    """Add the peak memory of ``kit analyze --workers 2`` at each size to ``results`` (replacing older ones)."""
    results["memory"] = [m for m in results.get("memory", []) if m["articles"] not in memory_sizes]
    for size in memory_sizes:
        with tempfile.TemporaryDirectory() as scratch:
            folder = Path(scratch) / "corpus"
            folder.mkdir()
            make_corpus(folder, size)
            run = _child("--driver", str(folder), str(Path(scratch) / "out"), "2")
            csv_mb = sum(p.stat().st_size for p in (Path(scratch) / "out").glob("*.csv")) / 2**20
        results["memory"].append({"articles": size, "seconds": run["seconds"], "driver_peak_mb": run["driver_peak_mb"],
                                  "worker_peak_mb": run["worker_peak_mb"], "csv_mb": csv_mb,
                                  "rows": run["rows"]})
        print(f"{size:,} articles: {run['seconds']:.0f} s, driver {run['driver_peak_mb']:.0f} MB, "
              f"workers {', '.join(f'{m:.0f}' for m in run['worker_peak_mb'])} MB", flush=True)
    results["memory"].sort(key=lambda m: m["articles"])
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed-size", type=int, default=2000, help="articles for one core and 1 vs 2 workers")
    parser.add_argument("--memory-sizes", type=int, nargs="*", default=[5000, 50000])
    parser.add_argument("--repeat", type=int, default=3, help="runs of 1 and of 2 workers; the fastest of each counts")
    parser.add_argument("--one-core", help=argparse.SUPPRESS)
    parser.add_argument("--driver", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one_core:
        one_core(args.one_core)
        return 0
    if args.driver:
        driver(args.driver[0], args.driver[1], int(args.driver[2]))
        return 0
    results = measure(args.speed_size, args.memory_sizes, args.repeat)
    RAW.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {RAW.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
