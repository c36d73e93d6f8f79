"""Grade a folder of submitted exercise notebooks, each in a sandbox, never modifying them.

A submission's code runs only inside a bubblewrap sandbox (``kit.exercises.sandbox``): it
cannot see other submissions, the instructor's sources, the grader's environment or its
output, and it is stopped at its limits (time per cell and per notebook, memory, processes,
printed output). What comes back is plain data through a pipe the grader owns: the answer
variables (``answer_q1`` ...) and, for function questions, what the student's function
returned on the grader's test inputs. The checks themselves (``kit.exercises`` questions)
run here, in the grader, so nothing a submission defines, patches or prints can change a
grade, another submission's grade or the batch: a submission that fails gets ``error`` for
its questions and the others go on.
"""

from __future__ import annotations

import importlib
import json
import os
import pickle
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any

import nbformat
import pandas as pd

from kit.exercises.build import exercise_of
from kit.exercises.core import COLLECTED, ERROR, INCORRECT, TOO_SHORT, Exercise, FunctionQuestion
from kit.exercises.plain import PlainDataError, Unsupported, from_plain
from kit.exercises.runner import EXPORT_VERSION
from kit.exercises.sandbox import Limits, Run, SandboxUnavailable, run_notebook, sandbox_problem

GRADE_COLUMNS = ["submission", "student", "exercise", "question", "type", "status", "points", "max_points", "message",
                 "answer", "run_notes"]
TOTAL_COLUMNS = ["student", "notebooks", "points", "max_points", "points_to_mark", "errors"]
DEFAULT_CELL_TIMEOUT = Limits.cell_timeout
MAX_NOTEBOOK_BYTES = 50 * 2**20
MAX_WORKERS = 4
EXERCISE_NAME = re.compile(r"ex\d\d")
ERROR_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,79}")
SKIPPED_FOLDERS = ("__MACOSX",)  # besides hidden ones such as .ipynb_checkpoints

__all__ = ["DEFAULT_CELL_TIMEOUT", "GRADE_COLUMNS", "Limits", "SandboxUnavailable", "default_workers",
           "find_submissions", "grade_folder", "grade_notebook", "totals", "totals_path"]


@dataclass(frozen=True)
class Submission:
    """One notebook found in the submissions folder."""

    name: str  # its path inside the folder, with "/" (unique, unlike the file name)
    student: str
    path: Path


@dataclass(frozen=True)
class Prepared:
    """A submission as the grader read it: the plan for its sandbox, or why it cannot run."""

    submission: Submission
    exercise: str = ""
    plan: bytes = b""
    notebook: bytes = b""
    problem: str = ""


def default_workers() -> int:
    """Return how many notebooks to grade at once: the cores, at most ``MAX_WORKERS``."""
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


def student_of(relative: PurePosixPath) -> str:
    """Return who a submission belongs to: its folder (an LMS export), else its file name without .ipynb."""
    return str(relative.parent) if relative.parent != PurePosixPath(".") else relative.stem


def find_submissions(folder: Path) -> list[Submission]:
    """Return every .ipynb under ``folder``, in subfolders too, sorted by path; links are not followed."""
    found = []
    for root, folders, files in os.walk(folder, followlinks=False):
        folders[:] = sorted(f for f in folders if not f.startswith(".") and f not in SKIPPED_FOLDERS)
        for name in files:
            if name.endswith(".ipynb") and not name.startswith("."):
                relative = PurePosixPath(Path(root, name).relative_to(folder).as_posix())
                found.append(Submission(str(relative), student_of(relative), Path(root, name)))
    return sorted(found, key=lambda submission: submission.name)


def _exercise(name: str) -> Exercise | None:
    """Return the kit exercise called ``name`` (e.g. "ex02"), or None if there is none."""
    if not EXERCISE_NAME.fullmatch(name or ""):
        return None
    try:
        return importlib.import_module(f"kit.exercises.{name}").EXERCISE
    except ModuleNotFoundError:
        return None


def _answer_names(exercise: Exercise) -> tuple[list[str], dict[str, str]]:
    """Return the answer variables and {function name: question key} of an exercise."""
    answers, functions = [], {}
    for key, question in exercise.questions.items():
        if isinstance(question, FunctionQuestion):
            functions[question.answer_name] = key
        else:
            answers.append(question.answer_name)
    return answers, functions


def _test_inputs(exercise: Exercise) -> dict[str, list[bytes]]:
    """Return, for each function question, its test inputs, each pickled on its own (never the expected results)."""
    return {question.answer_name: [pickle.dumps(arguments) for arguments, _ in question.cases()]
            for key, question in exercise.questions.items() if isinstance(question, FunctionQuestion)}


def _read(submission: Submission) -> tuple[bytes, str]:
    """Return the notebook's bytes, or why it is not read."""
    if submission.path.is_symlink():
        return b"", "a symbolic link, not read (copy the notebook itself into the folder)"
    try:
        if submission.path.stat().st_size > MAX_NOTEBOOK_BYTES:
            return b"", f"larger than {MAX_NOTEBOOK_BYTES // 2**20} MB, not read"
        descriptor = os.open(submission.path, os.O_RDONLY | os.O_NOFOLLOW)
        with os.fdopen(descriptor, "rb") as handle:
            return handle.read(MAX_NOTEBOOK_BYTES + 1), ""
    except OSError as error:
        return b"", f"could not read the notebook: {error.strerror}"


def prepare(submission: Submission, limits: Limits, inputs: dict[str, dict[str, list[bytes]]]) -> Prepared:
    """Return the submission's sandbox plan; ``inputs`` caches each exercise's test inputs."""
    data, problem = _read(submission)
    if problem:
        return Prepared(submission, problem=problem)
    try:
        notebook = nbformat.reads(data.decode("utf-8"), as_version=4)
        cells = [str(cell.source) for cell in notebook.cells if cell.get("cell_type") == "code"]
        name = str(exercise_of(notebook))
    except Exception as error:  # not UTF-8, not JSON, not a notebook, cells of the wrong shape
        return Prepared(submission, problem=f"could not read the notebook: {type(error).__name__}")
    exercise = _exercise(name)
    if exercise is None:
        return Prepared(submission, problem="not a kit exercise (no 'from kit.exercises import exNN')")
    if name not in inputs:
        inputs[name] = _test_inputs(exercise)
    answers, _ = _answer_names(exercise)
    plan = {"cells": cells, "answers": answers, "functions": inputs[name], "cell_timeout": limits.cell_timeout,
            "notebook_timeout": limits.notebook_timeout}
    return Prepared(submission, name, pickle.dumps(plan), data)


class Replay:
    """Stands in for a student's function in the grader: each call gives what the function gave in the sandbox."""

    def __init__(self, outcomes: list[dict]):
        self.outcomes, self.calls = outcomes, 0

    def __call__(self, *arguments: Any) -> Any:
        number, self.calls = self.calls, self.calls + 1
        if number >= len(self.outcomes):
            raise _exception("TimeoutError", "no result: the function was not run on this test")
        outcome = self.outcomes[number]
        if "raised" in outcome:
            raise _exception(outcome["raised"], outcome["message"])
        return outcome["value"]


def _exception(name: str, message: str) -> Exception:
    """Return an exception named like the one raised in the sandbox (only its name and message cross)."""
    if name == "NotImplementedError":
        return NotImplementedError(message)
    return type(name if ERROR_NAME.fullmatch(name) else "Error", (Exception,), {})(message)


@dataclass(frozen=True)
class Export:
    """What a sandbox sent, checked: answer values, function outcomes and how the run went."""

    namespace: dict[str, Any]
    notes: str


def read_export(data: bytes, exercise: Exercise, limits: Limits) -> Export:
    """Return the export of a run as values for the checks; raise ``PlainDataError`` if it is malformed."""
    try:
        document = json.loads(data)
    except (ValueError, RecursionError) as error:
        raise PlainDataError(f"not JSON ({type(error).__name__})") from None
    if type(document) is not dict or document.get("version") != EXPORT_VERSION:
        raise PlainDataError("not an export of this kit's runner")
    answers, functions = _section(document, "answers"), _section(document, "functions")
    answer_names, function_names = _answer_names(exercise)
    namespace = {name: from_plain(answers[name]) for name in answer_names if name in answers}
    for name in function_names:
        if name in functions:
            namespace[name] = _function(functions[name])
    return Export(namespace, _notes(_section(document, "notes"), document.get("solutions"), exercise, limits))


def _section(document: dict, key: str) -> dict:
    """Return the part ``key`` of an export; raise ``PlainDataError`` if it is missing."""
    section = document.get(key)
    if type(section) is not dict:
        raise PlainDataError(f"no {key}")
    return section


def _function(record: Any) -> Any:
    """Return a Replay of the function's outcomes, or the plain value it was (not a function)."""
    if type(record) is not dict or type(record.get("callable")) is not bool:
        raise PlainDataError("a function record needs 'callable'")
    if not record["callable"]:
        return from_plain(record.get("value"))
    calls = record.get("calls")
    if type(calls) is not list:
        raise PlainDataError("a function record needs its calls")
    return Replay([_outcome(call) for call in calls])


def _outcome(call: Any) -> dict:
    """Return one recorded call as {"value": ...} or {"raised": name, "message": text}."""
    if type(call) is dict and set(call) == {"value"}:
        return {"value": from_plain(call["value"])}
    if type(call) is dict and set(call) == {"raised", "message"} and all(type(v) is str for v in call.values()):
        return {"raised": call["raised"][:80], "message": call["message"][:300]}
    raise PlainDataError("a call is a value or an error")


def _notes(notes: dict, solutions: Any, exercise: Exercise, limits: Limits) -> str:
    """Return the run notes: errors raised, cells stopped or not run, solutions shown."""
    errors = notes.get("errors") if type(notes.get("errors")) is list else []
    errors = [str(e)[:80] for e in errors[:1000] if type(e) is str]
    timeouts, skipped = (n if type(n) is int and n >= 0 else 0 for n in (notes.get("timeouts"), notes.get("skipped")))
    shown = sorted({s for s in solutions if type(s) is str and s in exercise.questions}) if type(solutions) is list else []
    parts = []
    if errors:
        parts.append(f"{len(errors)} cell(s) raised an error: {', '.join(sorted(set(errors))[:10])}")
    if timeouts:
        parts.append(f"{timeouts} cell(s) stopped after {limits.cell_timeout:g} s")
    if skipped:
        parts.append(f"{skipped} cell(s) cut short or not run: the notebook's time ran out "
                     f"({limits.notebook_timeout:g} s)")
    if shown:
        parts.append(f"called solution() for {', '.join(shown)}")
    return "; ".join(parts)


def _error_rows(exercise: Exercise | None, message: str) -> list[dict]:
    """Return an error row for each question (one row when the exercise is unknown)."""
    if exercise is None:
        return [{"question": "", "type": "", "status": ERROR, "points": 0, "max_points": 0, "message": message,
                 "answer": ""}]
    return [{"question": key, "type": question.kind, "status": ERROR, "points": 0, "max_points": question.points,
             "message": message, "answer": ""} for key, question in exercise.questions.items()]


def _unsupported_messages(rows: list[dict], namespace: dict) -> list[dict]:
    """Return ``rows`` where an answer that could not cross as plain data says so."""
    for row in rows:
        answer = namespace.get(f"answer_{row['question']}")
        if isinstance(answer, Unsupported):
            row.update(status=INCORRECT, points=0, message=f"The answer is a {answer.type_name} object: answers must "
                       "be plain values (numbers, text, lists, sets, dicts or tables).")
    return rows


def check(prepared: Prepared, run: Run | None, limits: Limits) -> list[dict]:
    """Return one grade row per question of a submission, checked here from what its sandbox sent."""
    submission = prepared.submission
    exercise = _exercise(prepared.exercise)
    notes = ""
    if prepared.problem:
        rows = _error_rows(None, prepared.problem)
    elif run is None or run.failure:
        rows = _error_rows(exercise, run.failure if run else "not run")
    else:
        try:
            export = read_export(run.export, exercise, limits)
            rows = _unsupported_messages(exercise.grade(export.namespace), export.namespace)
            notes = export.notes
        except PlainDataError as error:
            rows = _error_rows(exercise, f"the notebook sent answers the grader could not read ({error})")
        except Exception as error:  # one submission never stops the batch, whatever its answers trip over
            rows = _error_rows(exercise, f"the grader could not check these answers ({type(error).__name__})")
    return [{"submission": submission.name, "student": submission.student, "exercise": prepared.exercise, **row,
             "run_notes": notes} for row in rows]


def _limits(cell_timeout: float | None, limits: Limits | None) -> Limits:
    """Return the limits to grade with; raise ``ValueError`` if one is not a positive number."""
    limits = limits or Limits()
    if cell_timeout is not None:
        limits = replace(limits, cell_timeout=cell_timeout)
    problems = limits.problems()
    if problems:
        raise ValueError("; ".join(problems))
    return limits


def _sandbox_or_refuse(unsafe: bool) -> None:
    """Raise ``SandboxUnavailable`` (saying why) unless a sandbox works here or ``unsafe`` is asked for."""
    if not unsafe:
        problem = sandbox_problem()
        if problem:
            raise SandboxUnavailable(problem)


def grade_folder(folder: Path, cell_timeout: float | None = None, *, limits: Limits | None = None,
                 workers: int | None = None, unsafe: bool = False) -> pd.DataFrame:
    """Return the grades of every notebook under ``folder`` (subfolders too), one row per question.

    ``cell_timeout`` overrides ``limits.cell_timeout``. ``workers`` notebooks run at once (default
    ``default_workers()``); the result is the same as one at a time. Raises ``SandboxUnavailable``
    when no sandbox can be had, unless ``unsafe`` (for trusted submissions only).
    """
    limits = _limits(cell_timeout, limits)
    workers = default_workers() if workers is None else workers
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be a positive whole number (got {workers!r})")
    _sandbox_or_refuse(unsafe)
    inputs: dict[str, dict[str, list[bytes]]] = {}
    prepared = [prepare(submission, limits, inputs) for submission in find_submissions(Path(folder))]

    def run(item: Prepared) -> Run | None:
        if item.problem:
            return None
        try:
            return run_notebook(item.plan, item.notebook, limits, unsafe)
        except Exception as error:  # e.g. the machine ran out of processes: this notebook fails, the batch goes on
            return Run(b"", f"the sandbox could not be started ({type(error).__name__}: {error})", 0.0)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        runs = list(pool.map(run, prepared))
    rows = [row for item, result in zip(prepared, runs) for row in check(item, result, limits)]
    return pd.DataFrame(rows, columns=GRADE_COLUMNS).fillna({"answer": "", "message": "", "type": "", "run_notes": ""})


def grade_notebook(path: Path, cell_timeout: float | None = None, *, limits: Limits | None = None,
                   unsafe: bool = False) -> list[dict]:
    """Return one row per question of the submission at ``path`` (the file is only read)."""
    limits = _limits(cell_timeout, limits)
    _sandbox_or_refuse(unsafe)
    path = Path(path)
    prepared = prepare(Submission(path.name, path.stem, path), limits, {})
    run = None if prepared.problem else run_notebook(prepared.plan, prepared.notebook, limits, unsafe)
    return check(prepared, run, limits)


def totals(grades: pd.DataFrame) -> pd.DataFrame:
    """Return one row per student: notebooks, points, max_points, points_to_mark (written answers, short ones
    too: a person marks them), errors."""
    if grades.empty:
        return pd.DataFrame(columns=TOTAL_COLUMNS)
    counted = grades.assign(points=pd.to_numeric(grades["points"]).fillna(0),
                            max_points=pd.to_numeric(grades["max_points"]).fillna(0))
    counted = counted.assign(to_mark=counted["max_points"].where(counted["status"].isin([COLLECTED, TOO_SHORT]), 0),
                             error=counted["status"] == ERROR)
    summary = counted.groupby("student", sort=True).agg(
        notebooks=("submission", "nunique"), points=("points", "sum"), max_points=("max_points", "sum"),
        points_to_mark=("to_mark", "sum"), errors=("error", "sum"))
    return summary.reset_index()[TOTAL_COLUMNS]


def totals_path(grades_path: Path) -> Path:
    """Return where the totals go, next to the grades: grades.csv -> grades_totals.csv."""
    grades_path = Path(grades_path)
    return grades_path.with_name(f"{grades_path.stem}_totals{grades_path.suffix or '.csv'}")
