"""Build student notebooks from the instructor sources, without ever losing a student's work.

Solution regions (nbgrader's ``### BEGIN SOLUTION`` / ``### END SOLUTION``) become
placeholders, mark schemes (``=== BEGIN MARK SCHEME ===`` ... ``=== END MARK SCHEME ===``)
are removed, outputs are cleared, and the checks stay. Building twice changes nothing. A
student notebook that differs from what the build last wrote has been edited: it is left
alone unless ``force=True``, which first copies it to ``exercises/student/backups/``.

Every source is checked before anything is written: a misspelled, unbalanced or nested
marker, or an ``answer_qN = ...`` line outside a solution region, would ship a solution or a
rubric to students, so the build stops with the file, cell and line (``SourceError``).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import nbformat

SOLUTION_RE = re.compile(r"^(?P<indent>[ \t]*)### BEGIN SOLUTION[^\n]*\n(?P<body>.*?)^[ \t]*### END SOLUTION[^\n]*(?:\n|$)",
                         re.M | re.S)
MARK_SCHEME_RE = re.compile(r"\n?=== BEGIN MARK SCHEME ===.*?=== END MARK SCHEME ===[^\n]*", re.S)
ASSIGNMENT_RE = re.compile(r"^(answer_q\d+)\s*=", re.M)
EXERCISE_RE = re.compile(r"from kit\.exercises import (ex\d\d)")
STATE_FILE = ".build-state.json"

SOLUTION, MARK_SCHEME = "solution", "mark scheme"
MARKERS = {"### BEGIN SOLUTION": (SOLUTION, True), "### END SOLUTION": (SOLUTION, False),
           "=== BEGIN MARK SCHEME ===": (MARK_SCHEME, True), "=== END MARK SCHEME ===": (MARK_SCHEME, False)}
# Lines meant as markers but not written exactly as one: "### BEGIN SOLUTON", "## END SOLUTION",
# "=== BEGIN MARKSCHEME ===", "# begin solution" ...
MARKER_LIKE = (re.compile(r"^\s*(?:#+|=+)\s*(?:BEGIN|END)\b"),
               re.compile(r"^\W*(?:begin|end)\W*(?:solu|mark|scheme)", re.I))
ANSWER_LINE_RE = re.compile(r"^\s*answer_q\d+\s*(?::[^=]*)?=(?!=)")


@dataclass(frozen=True)
class SourceProblem:
    """A place in an instructor source that would leak a solution or a rubric to students."""

    file: str
    cell: int  # counted from 1, as a person counts the cells of a notebook; 0 for the whole file
    line: int  # counted from 1 within the cell
    problem: str

    def __str__(self) -> str:
        where = f", cell {self.cell}, line {self.line}" if self.cell else ""
        return f"{self.file}{where}: {self.problem}"


class SourceError(ValueError):
    """Raised by ``build`` when a source would leak; lists every problem, nothing is written."""

    def __init__(self, problems: list[SourceProblem]):
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


def marker_of(line: str) -> tuple[str, bool] | None:
    """Return (region kind, is_begin) for an exact marker line, else None."""
    return MARKERS.get(line.strip())


def looks_like_marker(line: str) -> bool:
    """Is ``line`` written like a marker (exact or not)?"""
    return any(pattern.search(line) for pattern in MARKER_LIKE) or any(marker in line for marker in MARKERS)


def cell_problems(text: str, code: bool) -> list[tuple[int, str]]:
    """Return (line number, problem) for the markers and answer lines of one cell's ``text``."""
    problems = []
    open_region: tuple[str, int] | None = None  # (kind, line of its BEGIN)
    for number, line in enumerate(text.split("\n"), start=1):
        marker = marker_of(line)
        if marker is None:
            if looks_like_marker(line):
                problems.append((number, f"{line.strip()!r} is not a marker: write exactly one of "
                                         + ", ".join(repr(m) for m in MARKERS)))
            elif code and open_region is None and ANSWER_LINE_RE.match(line):
                problems.append((number, f"{line.strip()[:40]!r} sets an answer outside ### BEGIN SOLUTION / "
                                         "### END SOLUTION: students would get it"))
            continue
        kind, begins = marker
        if begins and open_region is not None:
            problems.append((number, f"BEGIN {kind.upper()} inside the {open_region[0]} opened on line "
                                     f"{open_region[1]}, which has no END before it"))
        elif begins:
            open_region = (kind, number)
        elif open_region is None or open_region[0] != kind:
            problems.append((number, f"END {kind.upper()} without a BEGIN {kind.upper()} before it"))
        else:
            open_region = None
    if open_region is not None:
        problems.append((open_region[1], f"BEGIN {open_region[0].upper()} is never closed by END "
                                         f"{open_region[0].upper()}"))
    return problems


def source_problems(notebook: nbformat.NotebookNode, file: str) -> list[SourceProblem]:
    """Return every place in a source notebook that would leak a solution or a rubric."""
    return [SourceProblem(file, index, line, problem)
            for index, cell in enumerate(notebook.cells, start=1)
            for line, problem in cell_problems(cell.source, cell.cell_type == "code")]


@dataclass(frozen=True)
class Action:
    """What the build did with one notebook."""

    notebook: str
    action: str  # created | updated | unchanged | refused | replaced (backup kept)
    detail: str = ""


def placeholder(body: str, indent: str, markdown: bool) -> str:
    """Return what a student sees instead of a solution region."""
    if markdown:
        return f"{indent}YOUR ANSWER HERE\n"
    names = ASSIGNMENT_RE.findall(body)
    if names:
        return "".join(f"{indent}{name} = ...  # YOUR ANSWER HERE\n" for name in dict.fromkeys(names))
    return f"{indent}# YOUR CODE HERE\n{indent}raise NotImplementedError()\n"


def student_version(source: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Return the student notebook for an instructor ``source`` notebook."""
    notebook = nbformat.from_dict(json.loads(json.dumps(source)))
    notebook.metadata["kit_exercise"] = exercise_of(notebook)
    for cell in notebook.cells:
        text = MARK_SCHEME_RE.sub("", cell.source)
        text = SOLUTION_RE.sub(lambda m: placeholder(m.group("body"), m.group("indent"),
                                                     cell.cell_type == "markdown"), text)
        cell.source = text.rstrip("\n")
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        cell.metadata.pop("execution", None)
    return notebook


def exercise_of(notebook: nbformat.NotebookNode) -> str:
    """Return the exercise a notebook imports (e.g. "ex02"): its metadata, else its first import."""
    if notebook.metadata.get("kit_exercise"):
        return notebook.metadata["kit_exercise"]
    return next((match.group(1) for cell in notebook.cells if (match := EXERCISE_RE.search(cell.source))), "")


def _generate(sources: list[Path]) -> dict[Path, bytes]:
    """Return the student notebook for each source; raise ``SourceError`` if any source would leak."""
    generated, problems = {}, []
    for path in sources:
        notebook = nbformat.read(path, as_version=4)
        found = source_problems(notebook, path.name)
        if not found:
            text = nbformat.writes(student_version(notebook))
            # A second net: whatever the checks above miss, no marker text may reach a student.
            found = [SourceProblem(path.name, 0, 0, f"the student version still contains {marker!r}")
                     for marker in MARKERS if marker in text]
            generated[path] = text.encode("utf-8") + b"\n"
        problems += found
    if problems:
        raise SourceError(problems)
    return generated


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def build(source_dir: Path, student_dir: Path, force: bool = False) -> list[Action]:
    """Write a student version of every source notebook; return what was done to each.

    Raises ``SourceError`` before writing anything if a source would leak a solution or a rubric.
    """
    generated_by_source = _generate(sorted(source_dir.glob("*.ipynb")))
    student_dir.mkdir(parents=True, exist_ok=True)
    state_path = student_dir / STATE_FILE
    state = json.loads(state_path.read_text(encoding="utf-8")) if state_path.exists() else {}
    actions = []
    for source_path, generated in generated_by_source.items():
        target = student_dir / source_path.name
        name = source_path.name
        if not target.exists():
            target.write_bytes(generated)
            actions.append(Action(name, "created"))
        else:
            current = _sha(target.read_bytes())
            if current == _sha(generated):
                actions.append(Action(name, "unchanged"))
            elif current == state.get(name):
                target.write_bytes(generated)
                actions.append(Action(name, "updated", "the source changed"))
            elif not force:
                actions.append(Action(name, "refused", "it differs from the last build (a student's work?); "
                                                        "use --force to replace it after a backup"))
                continue
            else:
                backups = student_dir / "backups"
                backups.mkdir(exist_ok=True)
                stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
                backup = backups / f"{source_path.stem}.{stamp}.ipynb"
                shutil.copy2(target, backup)
                target.write_bytes(generated)
                actions.append(Action(name, "replaced", f"the edited copy was kept as backups/{backup.name}"))
        state[name] = _sha(generated)
    state_path.write_text(json.dumps(state, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return actions
