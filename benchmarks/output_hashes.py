"""The sha256 of every CSV ``python -m kit analyze`` writes, to show a change leaves the outputs as they were.

    python benchmarks/output_hashes.py --kit . --out before.json FOLDER ...
    python benchmarks/output_hashes.py --kit . --compare before.json FOLDER ...

``--kit`` is the checkout whose kit runs (another checkout gives the "before"); with ``--compare``
the hashes are checked against a saved run and every differing file is named (exit 1).
``--options`` go to ``kit analyze`` (for example ``--options="--workers 2"``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path


def output_hashes(kit_root: Path, folder: Path, extra: list[str]) -> dict[str, str]:
    """Return {CSV name: sha256} of ``kit analyze folder`` run with the kit in ``kit_root``."""
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([sys.executable, "-m", "kit", "analyze", str(folder.resolve()), "--out", out, *extra],
                       cwd=kit_root, check=True, capture_output=True)
        return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(Path(out).glob("*.csv"))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--kit", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--out", type=Path, help="save the hashes here (JSON)")
    parser.add_argument("--compare", type=Path, help="check the hashes against this saved run")
    parser.add_argument("--options", default="", help="options for kit analyze, such as '--workers 2'")
    args = parser.parse_args(argv)
    extra = shlex.split(args.options)
    hashes = {str(folder): output_hashes(args.kit, folder, extra) for folder in args.folders}
    if args.out:
        args.out.write_text(json.dumps(hashes, indent=1) + "\n", encoding="utf-8")
    if not args.compare:
        return 0
    saved = json.loads(args.compare.read_text(encoding="utf-8"))
    differing = [f"{folder}/{name}" for folder in hashes for name in sorted(set(hashes[folder]) | set(saved[folder]))
                 if hashes[folder].get(name) != saved[folder].get(name)]
    for name in differing:
        print(f"differs: {name}")
    print(f"{sum(len(h) for h in hashes.values()) - len(differing)} files identical, {len(differing)} differ")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
