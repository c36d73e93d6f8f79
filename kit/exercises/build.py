"""Build student notebooks from the instructor sources, without ever losing a student's work.

Solution regions (nbgrader's ``### BEGIN SOLUTION`` / ``### END SOLUTION``) become
placeholders, mark schemes (``=== BEGIN MARK SCHEME ===`` ... ``=== END MARK SCHEME ===``)
are removed, outputs are cleared, and the checks stay. Building twice changes nothing. A
student notebook that differs from what the build last wrote has been edited: it is left
alone unless ``force=True``, which first copies it to ``exercises/student/backups/``.
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


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def build(source_dir: Path, student_dir: Path, force: bool = False) -> list[Action]:
    """Write a student version of every source notebook; return what was done to each."""
    student_dir.mkdir(parents=True, exist_ok=True)
    state_path = student_dir / STATE_FILE
    state = json.loads(state_path.read_text(encoding="utf-8")) if state_path.exists() else {}
    actions = []
    for source_path in sorted(source_dir.glob("*.ipynb")):
        generated = nbformat.writes(student_version(nbformat.read(source_path, as_version=4))).encode("utf-8") + b"\n"
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
