"""How does attribution time grow with the length of one very long sentence? (issue 13)

    python benchmarks/long_sentence.py                       # 0.25, 0.5 and 1 MB, then a profile of the first
    python benchmarks/long_sentence.py --sizes 0.1 0.2 --profile-size 0.1 --top 25

Each size runs ``kit.attributions`` in a fresh process on a one-article corpus whose body is a
single sentence of that many bytes: quotations and "said" repeated, joined by commas, never a
full stop. The profile (cProfile) lists the functions where the time goes, with file and line.
It measures only; the attribution code is not changed here.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
UNIT = "the commander said “we will return soon” and officials said the raid was repelled, "


def sentence_text(megabytes: float) -> str:
    """Return an article whose body is one sentence of about ``megabytes`` MB (UTF-8)."""
    repeats = int(megabytes * 1_000_000) // len(UNIT.encode("utf-8"))
    return "Raid repelled\n\nOfficials said that " + UNIT * repeats + "and nobody else spoke.\n"


def load(folder: str, megabytes: float):
    import kit

    (Path(folder) / "long.txt").write_text(sentence_text(megabytes), encoding="utf-8")
    return kit.load_corpus(folder)


def worker(megabytes: float) -> None:
    """Print, as JSON, the load and attribution times of one size (run in a fresh process)."""
    import kit

    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        corpus = load(folder, megabytes)
        loaded = time.perf_counter() - started
    started, cpu = time.perf_counter(), time.process_time()
    rows = kit.attributions(corpus)
    took, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(json.dumps({"megabytes": megabytes, "sentences": len(corpus.sentences), "load_seconds": loaded,
                      "attribution_seconds": took, "attribution_cpu": cpu, "attributions": len(rows)}))


def profile(megabytes: float, top: int) -> str:
    """Return cProfile's top functions (by own time and by cumulative time) for one size."""
    import kit

    with tempfile.TemporaryDirectory() as folder:
        corpus = load(folder, megabytes)
    profiler = cProfile.Profile()
    profiler.runcall(kit.attributions, corpus)
    lines = []
    for key in ("tottime", "cumulative"):
        stream = io.StringIO()
        pstats.Stats(profiler, stream=stream).strip_dirs().sort_stats(key).print_stats(top)
        lines.append(stream.getvalue())
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.25, 0.5, 1.0], help="MB of one sentence")
    parser.add_argument("--profile-size", type=float, default=0.25, help="MB to profile (0: no profile)")
    parser.add_argument("--top", type=int, default=20, help="functions listed in the profile")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds allowed per size")
    parser.add_argument("--worker", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker is not None:
        worker(args.worker)
        return
    for size in args.sizes:
        try:
            result = subprocess.run([sys.executable, __file__, "--worker", str(size)], capture_output=True, text=True,
                                    check=True, cwd=REPO, timeout=args.timeout)
            row = json.loads(result.stdout.strip().splitlines()[-1])
            print(f"{size:5.2f} MB: attributions {row['attribution_seconds']:8.1f} s wall, "
                  f"{row['attribution_cpu']:8.1f} s CPU "
                  f"({row['attributions']} rows; load {row['load_seconds']:.1f} s, {row['sentences']} sentence)",
                  flush=True)
        except subprocess.TimeoutExpired:
            print(f"{size:5.2f} MB: more than {args.timeout:.0f} s (stopped)", flush=True)
    if args.profile_size:
        print(f"\nProfile of {args.profile_size} MB (cProfile):\n")
        print(profile(args.profile_size, args.top))


if __name__ == "__main__":
    main()
