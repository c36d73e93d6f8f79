"""Grade a folder of submitted exercise notebooks in fresh kernels, never modifying them.

Each submission runs in its own kernel with a time limit per cell; a cell that loops
forever is interrupted and the run goes on, a notebook that kills its kernel is marked
``error``, and the batch always continues. The answers are then checked from the
notebook's variables (``answer_q1``, ``q3`` ...), so a student who forgot to run a check
is graded all the same.
"""

from __future__ import annotations

import copy
import json
import tempfile
from pathlib import Path

import nbformat
import pandas as pd

from kit.exercises.build import exercise_of
from kit.exercises.core import ERROR

GRADE_COLUMNS = ["submission", "exercise", "question", "type", "status", "points", "max_points", "message", "answer",
                 "run_notes"]
MARKER = "KIT-GRADES:"
DEFAULT_CELL_TIMEOUT = 60


def _grading_cell(exercise: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_code_cell(
        "import json as _kit_json\nfrom kit.exercises import grade_answers as _kit_grade\n"
        f"print({MARKER!r} + _kit_json.dumps(_kit_grade({exercise!r}, globals()), default=str))")


def grade_notebook(path: Path, cell_timeout: int = DEFAULT_CELL_TIMEOUT) -> list[dict]:
    """Return one row per question of the submission at ``path`` (the file is only read)."""
    from nbclient import NotebookClient

    name = path.name
    try:
        notebook = nbformat.read(path, as_version=4)
    except Exception as error:  # not JSON, not a notebook
        return [{"submission": name, "exercise": "", "question": "", "status": ERROR,
                 "message": f"could not read the notebook: {error}"}]
    exercise = exercise_of(notebook)
    if not exercise:
        return [{"submission": name, "exercise": "", "question": "", "status": ERROR,
                 "message": "not a kit exercise (no 'from kit.exercises import exNN')"}]
    run = copy.deepcopy(notebook)
    run.cells.append(_grading_cell(exercise))
    with tempfile.TemporaryDirectory() as workdir:
        client = NotebookClient(run, timeout=cell_timeout, allow_errors=True, interrupt_on_timeout=True,
                                kernel_name="python3", resources={"metadata": {"path": workdir}})
        try:
            client.execute()
        except Exception as error:  # the kernel died or could not start
            return [{"submission": name, "exercise": exercise, "question": "", "status": ERROR,
                     "message": f"the notebook stopped its kernel: {type(error).__name__}"}]
    notes = _run_notes(run.cells[:-1], cell_timeout)
    for output in run.cells[-1].get("outputs", []):
        text = output.get("text", "")
        if MARKER in text:
            rows = json.loads(text.split(MARKER, 1)[1])
            return [{"submission": name, "exercise": exercise, **row, "run_notes": notes} for row in rows]
    return [{"submission": name, "exercise": exercise, "question": "", "status": ERROR,
             "message": "the grading step did not run (the kernel may have been stopped)"}]


def _run_notes(cells, cell_timeout: int) -> str:
    """Return what went wrong while the notebook ran: errors raised, cells stopped at the time limit."""
    errors = [o.get("ename", "error") for c in cells if c.cell_type == "code" for o in c.get("outputs", [])
              if o.get("output_type") == "error"]
    interrupted = errors.count("KeyboardInterrupt")
    raised = [e for e in errors if e != "KeyboardInterrupt"]
    notes = []
    if raised:
        notes.append(f"{len(raised)} cell(s) raised an error: {', '.join(sorted(set(raised)))}")
    if interrupted:
        notes.append(f"{interrupted} cell(s) stopped after {cell_timeout} s")
    return "; ".join(notes)


def grade_folder(folder: Path, cell_timeout: int = DEFAULT_CELL_TIMEOUT) -> pd.DataFrame:
    """Return the grades of every notebook in ``folder``, one row per question."""
    rows = []
    for path in sorted(folder.glob("*.ipynb")):
        rows += grade_notebook(path, cell_timeout)
    return pd.DataFrame(rows, columns=GRADE_COLUMNS).fillna({"answer": "", "message": "", "type": ""})
