"""Shared helpers for the notebook builders: cells, writing, executing.

Each ``build_NN.py`` defines ``CELLS`` and calls ``build(name, CELLS)``; the notebook is
written to notebooks/<name>.ipynb and executed in place (from notebooks/, as a student
would run it), so its committed outputs are the ones nbval compares.

    .venv/bin/python tools/notebooks/build_03.py

The notebook metadata is what JupyterLab writes when it opens a notebook with the venv's
kernel (``KERNELSPEC``), so opening and saving a lesson does not change it.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import nbformat as nbf

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
md, code = nbf.v4.new_markdown_cell, nbf.v4.new_code_cell
# ipykernel's own spec, as JupyterLab copies it into a notebook it opens (tests/test_lab.py checks it).
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def build(name: str, cells: list, parameters: bool = False, folder: Path = NOTEBOOKS) -> Path:
    """Write <folder>/<name>.ipynb from ``cells``, execute it, and report how long it took.

    With ``parameters`` the first code cell is tagged ``parameters`` (for papermill).
    """
    for number, cell in enumerate(cells):
        cell.id = f"{name[:2]}-{number:02d}"  # stable ids: rebuilding gives small diffs
    notebook = nbf.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = dict(KERNELSPEC)
    notebook.metadata["language_info"] = {"name": "python"}
    if parameters:
        first_code = next(cell for cell in cells if cell.cell_type == "code")
        first_code.metadata["tags"] = ["parameters"]
    path = folder / f"{name}.ipynb"
    nbf.write(notebook, path)
    return execute(path)


def execute(path: Path) -> Path:
    """Run the notebook at ``path`` in place, from its folder, as a student would; keep no run timestamps."""
    folder = path.parent
    started = time.perf_counter()
    subprocess.run([str(Path(sys.executable).parent / "jupyter"), "nbconvert", "--to", "notebook", "--execute",
                    "--inplace", path.name], cwd=folder, check=True, capture_output=True)
    print(f"{path.relative_to(REPO)} executed in {time.perf_counter() - started:.1f} s")
    executed = nbf.read(path, as_version=4)
    for cell in executed.cells:
        cell.metadata.pop("execution", None)  # run timestamps: noise in every diff
    nbf.write(executed, path)
    return path
