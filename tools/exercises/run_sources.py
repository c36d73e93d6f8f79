"""Re-run instructor notebooks in place after an edit, and say which checks do not pass.

    .venv/bin/python tools/exercises/run_sources.py exercises/source/02_source_criticism.ipynb
    .venv/bin/python tools/exercises/run_sources.py            (every source notebook)

Each notebook is executed from its folder, as `make test` runs it, and its outputs are stored
(nbval compares them). Every check of a source answers with its own solution, so each must say
*correct* (or *collected* for a written answer); the command lists any that does not and exits 1.
Then build the student versions: ``.venv/bin/python -m kit exercises build``.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "notebooks"))
from common import REPO, execute  # noqa: E402

SOURCE = REPO / "exercises" / "source"
PASSING = ("correct", "collected")
RESULT = re.compile(r"^(q\d+): ([a-z ]+)\. ")


def failing_checks(path: Path) -> list[str]:
    """Return 'q3: incorrect. ...' for every check output of the notebook that is not correct or collected."""
    failing = []
    for cell in nbformat.read(path, as_version=4).cells:
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            text = output.get("data", {}).get("text/plain", "") or output.get("text", "")
            match = RESULT.match(text)
            if match and match.group(2) not in PASSING:
                failing.append(text.strip())
            if output.get("output_type") == "error":
                failing.append(f"{output.get('ename')}: {output.get('evalue')}")
    return failing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="source notebooks (default: all of exercises/source)")
    paths = [path.resolve() for path in parser.parse_args(argv).notebooks] or sorted(SOURCE.glob("*.ipynb"))
    status = 0
    for path in paths:
        try:
            execute(path)
        except subprocess.CalledProcessError as error:  # a cell raised: nbconvert stops there
            print(f"  {path.name}: a cell raised an error:\n{error.stderr.decode(errors='replace')[-1500:]}")
            status = 1
            continue
        for problem in failing_checks(path):
            print(f"  {path.name}: {problem}")
            status = 1
    return status


if __name__ == "__main__":
    raise SystemExit(main())
