"""Each question's solution, read from the instructor's source notebook: the one place it is written.

An instructor changes a solution in ``exercises/source/NN_<topic>.ipynb`` (between the
``### BEGIN SOLUTION`` / ``### END SOLUTION`` markers); ``ex02.q1.solution()`` then shows the
new code, with nothing else to update. The solution of question ``qN`` of exercise ``exNN``
is the code cell of that exercise's source notebook that calls ``exNN.qN.check(``, without its
markers and its check line.
"""

from __future__ import annotations

from pathlib import Path

SOURCE_DIR = Path(__file__).resolve().parents[2] / "exercises" / "source"
MARKER_LINES = ("### BEGIN SOLUTION", "### END SOLUTION")


def solution_code(exercise: str, question: str, source_dir: Path | None = None) -> str | None:
    """Return the solution of ``exercise``'s ``question`` from its source notebook (in ``source_dir``, by default
    exercises/source); None when there is none here."""
    import nbformat

    from kit.exercises.build import exercise_of

    check = f"{exercise}.{question}.check("
    source_dir = SOURCE_DIR if source_dir is None else source_dir
    for path in sorted(source_dir.glob("*.ipynb")) if source_dir.is_dir() else []:
        notebook = nbformat.read(path, as_version=4)
        if exercise_of(notebook) != exercise:
            continue
        for cell in notebook.cells:
            if cell.cell_type == "code" and check in cell.source:
                return solution_of(cell.source)
    return None


def solution_of(cell: str) -> str:
    """Return a solution cell's code without the solution markers and the check line."""
    lines = [line for line in cell.split("\n")
             if line.strip() not in MARKER_LINES and ".check(" not in line]
    return "\n".join(lines).strip("\n")
