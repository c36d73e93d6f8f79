"""Grading integrity: submissions run in a sandbox, answers cross as plain data, checks run in the grader.

Each attack a security review found is a submission notebook written here into tmp_path and
graded with the others in one batch (``the_class``); every attack must fail: 0 points for
it, the other submissions graded right and untouched, the batch complete, grades.csv never
rewritten afterwards. Small limits keep the suite fast: a notebook takes a second or two.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import resource
import site
import stat
import textwrap
import time
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from conftest import REPO
import kit
from kit.cli import main
from kit.exercises import ex01, ex02, ex05
from kit.exercises.core import COLLECTED, CORRECT, ERROR, INCORRECT, NOT_ATTEMPTED, FunctionQuestion
from kit.exercises.grade import find_submissions, grade_folder, totals, totals_path
from kit.exercises.plain import PlainDataError, Unsupported, from_plain, to_plain
from kit.exercises.solutions import solution_code
from kit.exercises import sandbox
from kit.exercises.sandbox import Limits, SandboxUnavailable, run_notebook, sandbox_problem

SANDBOX_PROBLEM = sandbox_problem()
needs_sandbox = pytest.mark.skipif(SANDBOX_PROBLEM is not None, reason=f"no sandbox here: {SANDBOX_PROBLEM}")

CELL, NOTEBOOK, MEMORY_MB, OUTPUT_MB, PROCESSES = 5, 12, 1024, 2, 16
LIMIT_ARGS = ["--timeout", str(CELL), "--notebook-timeout", str(NOTEBOOK), "--memory", str(MEMORY_MB),
              "--max-output", str(OUTPUT_MB), "--processes", str(PROCESSES)]
LIMITS = Limits(cell_timeout=CELL, notebook_timeout=NOTEBOOK, memory_mb=MEMORY_MB, output_mb=OUTPUT_MB,
                processes=PROCESSES)
RIGHT_Q4 = f'answer_q4 = "{ex05.q4.correct}"'  # exercise 05's right choice
SECRET = "grader-secret-7f3a9c"
DETACHED_MARKER = "KIT-DETACHED-WRITER-MARKER"
CORE = Path(kit.__file__).parent / "exercises" / "core.py"
EX05_QUESTIONS = list(ex05.EXERCISE.questions)
ATTACKERS = ["attack_copy", "attack_overwrite", "attack_sources", "attack_environ", "attack_detached", "attack_persist",
             "attack_patch_check", "attack_hook", "attack_forged_export", "attack_endless", "attack_output"]


# -- writing submissions -------------------------------------------------------------------------------------

def notebook(exercise: str, *cells: str) -> nbformat.NotebookNode:
    """Return a submission: the exercise's import, then ``cells``."""
    book = nbformat.v4.new_notebook()
    book.cells = [nbformat.v4.new_code_cell(f"from kit.exercises import {exercise}")]
    book.cells += [nbformat.v4.new_code_cell(textwrap.dedent(cell).strip()) for cell in cells]
    return book


def honest_cells() -> list[str]:
    """Return cells that answer exercise 05 right, as literals (fast: no corpus is loaded in the sandbox)."""
    return [f"answer_q1 = {ex05.q1.expected()!r}", f"answer_q2 = {ex05.q2.expected()!r}",
            "def ranges_conflict(a, b):\n    return a[1] < b[0] or b[1] < a[0]", RIGHT_Q4,
            f"answer_q5 = {ex05.q5.expected()!r}", solution_code("ex05", "q6")]


def write(folder: Path, name: str, book: nbformat.NotebookNode) -> Path:
    path = folder / f"{name}.ipynb"
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(book, path)
    return path


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def always_equal_cells(module: str) -> list[str]:
    """Return cells that set every answer of exercise ``module`` to an object equal to anything."""
    exercise = importlib.import_module(f"kit.exercises.{module}").EXERCISE
    cells = ["class AlwaysEqual(str):\n    def __eq__(self, other):\n        return True\n"
             "    def __ne__(self, other):\n        return False\n    __hash__ = str.__hash__\n"
             "class Anything:\n    def __eq__(self, other):\n        return True\n    def __len__(self):\n        return 0\n"
             "anything = Anything()"]
    for key, question in exercise.questions.items():
        if isinstance(question, FunctionQuestion):
            cells.append(f"def {question.function_name}(*args, **kwargs):\n    return anything")
        else:
            cells.append(f"answer_{key} = anything")
    return cells


def attacks(folder: Path, out: Path) -> dict[str, nbformat.NotebookNode]:
    """Return every attack of the security review as a submission notebook."""
    victim, planted = folder / "victim.ipynb", folder / "zz_planted.ipynb"
    return {
        # read another student's submission, finding it through the grader's /proc entries, and copy it
        "attack_copy": notebook("ex05", f"""
            import glob, json, os
            seen, copied = {{}}, {{}}
            parent = os.getppid()
            for entry in ("cmdline", "environ"):
                try:
                    seen[entry] = open(f"/proc/{{parent}}/{{entry}}", "rb").read().decode(errors="replace")
                except OSError as error:
                    seen[entry] = repr(error)
            try:
                seen["cwd"] = os.readlink(f"/proc/{{parent}}/cwd")
            except OSError as error:
                seen["cwd"] = repr(error)
            places = {{part for part in seen["cmdline"].split("\\0") if part.startswith("/")}}
            places |= {{seen["cwd"], {str(folder)!r}}}
            for place in places:
                for path in glob.glob(place + "/*.ipynb") + glob.glob(place + "/*/*.ipynb") + [{str(victim)!r}]:
                    try:
                        text = open(path).read()
                        cells = json.loads(text)["cells"]
                    except (OSError, ValueError, KeyError):
                        continue
                    if "copied=" in text:  # itself
                        continue
                    for cell in cells:
                        if cell["cell_type"] == "code":
                            try:
                                exec("".join(cell["source"]), copied)
                            except Exception:
                                pass
            globals().update({{k: v for k, v in copied.items() if k.startswith("answer_q") or k == "ranges_conflict"}})
            answer_q6 = "COPY " + json.dumps(seen) + " copied=" + ",".join(sorted(k for k in copied if k.startswith("answer_q")))
            """),
        # overwrite a later submission (and plant a new one) before it is graded
        "attack_overwrite": notebook("ex05", f"""
            results = []
            for path in ({str(victim)!r}, {str(planted)!r}):
                try:
                    with open(path, "w") as handle:
                        handle.write('{{"cells": [], "metadata": {{}}, "nbformat": 4, "nbformat_minor": 5}}')
                    results.append("WROTE " + path)
                except OSError as error:
                    results.append(f"{{path}}: {{error.strerror}}")
            answer_q6 = "OVERWRITE " + "; ".join(results)
            """),
        # read the instructor sources and their mark schemes, and use their solutions
        "attack_sources": notebook("ex05", f"""
            import glob, json
            found = glob.glob({str(REPO / "exercises")!r} + "/**/*.ipynb", recursive=True)
            texts = []
            for path in found:
                try:
                    text = open(path).read()
                except OSError as error:
                    texts.append(str(error))
                    continue
                texts.append(text)
                if "source" in path and "05_" in path:
                    for cell in json.loads(text)["cells"]:
                        if cell["cell_type"] == "code":
                            try:
                                exec("".join(cell["source"]), globals())
                            except Exception:
                                pass
            answer_q6 = "SOURCES " + str(len(found)) + " " + "\\n".join(texts)[:50000]
            """),
        # read the grader's environment variables
        "attack_environ": notebook("ex05", """
            import os
            def read(path):
                try:
                    return open(path, "rb").read().decode(errors="replace")
                except OSError as error:
                    return repr(error)
            answer_q6 = ("ENVIRON " + repr(dict(os.environ)) + " PARENT " + read(f"/proc/{os.getppid()}/environ")
                         + " INIT " + read("/proc/1/environ"))
            """),
        # a detached process rewrites grades.csv after the grader exits
        "attack_detached": notebook("ex05", f"""
            import os, subprocess, sys
            code = (
                "import time\\n"
                "for _ in range(150):\\n"
                "    time.sleep(0.2)\\n"
                "    try:\\n"
                "        open({str(out)!r}, 'w').write('submission,points\\\\nhacker,999\\\\n')\\n"
                "    except OSError:\\n"
                "        pass\\n")
            subprocess.Popen([sys.executable, "-c", code, {DETACHED_MARKER!r}], start_new_session=True,
                             stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            child = os.fork()
            if child == 0:
                os.setsid()
                if os.fork() == 0:
                    os.execv(sys.executable, [sys.executable, "-c", code, {DETACHED_MARKER!r}])
                os._exit(0)
            os.waitpid(child, 0)
            answer_q6 = "DETACHED writers started"
            """),
        # change every later grading run: append to the kit, drop a .pth into the venv
        "attack_persist": notebook("ex05", """
            import os, site
            import kit
            results = []
            kit_dir = os.path.dirname(kit.__file__)
            for path, mode in ((os.path.join(kit_dir, "exercises", "core.py"), "a"),
                               (os.path.join(kit_dir, "exercises", "zz_kit_attack.py"), "w"),
                               *((os.path.join(folder, "zz_kit_attack.pth"), "w") for folder in site.getsitepackages())):
                try:
                    with open(path, mode) as handle:
                        handle.write("")  # harmless even if it ever succeeded
                    results.append("OPENED " + path)
                except OSError as error:
                    results.append(f"{path}: {error.strerror}")
            answer_q6 = "PERSIST " + "; ".join(results)
            """),
        # fake a perfect score by patching the checks in the kernel
        "attack_patch_check": notebook("ex05", """
            import kit.exercises
            from kit.exercises import core
            from kit.exercises.core import CORRECT, Result
            core.Question.check = lambda self, answer: Result(self.name, CORRECT, "Well done.")
            core.Exercise.grade = lambda self, namespace: [
                {"question": key, "type": "value", "status": CORRECT, "message": "", "points": 99, "max_points": 1,
                 "answer": ""} for key in self.questions]
            core.same = lambda answer, expected: True
            kit.exercises.grade_answers = core.grade_answers = lambda exercise, namespace: []
            answer_q1 = 123456
            """),
        # a pre_run_cell hook prints its own grades line, and one for another student
        "attack_hook": notebook("ex05", f"""
            import json
            forged = [{{"submission": "victim.ipynb", "question": "q1", "status": "incorrect", "points": 0}}]
            forged += [{{"question": key, "type": "value", "status": "correct", "message": "Well done.", "points": 99,
                        "max_points": 1, "answer": ""}} for key in {EX05_QUESTIONS!r}]
            def forge(*args, **kwargs):
                print("KIT-GRADES:" + json.dumps(forged))
            get_ipython().events.register("pre_run_cell", forge)
            get_ipython().events.register("post_run_cell", forge)
            """, "answer_q1 = 123456"),
        # write a forged export, with another student's row, into every file descriptor
        "attack_forged_export": notebook("ex05", f"""
            import json, os
            forged = {{"version": 1, "answers": {{"answer_q4": "{ex05.q4.correct}"}}, "functions": {{}}, "notes": {{}}, "solutions": [],
                      "submission": "victim.ipynb", "rows": [{{"question": "q1", "points": 99}}]}}
            for fd in os.listdir("/proc/self/fd"):
                try:
                    os.write(int(fd), json.dumps(forged).encode())
                except OSError:
                    pass
            """),
        # stop the whole batch: two grades marker lines (the old grader's JSONDecodeError) ...
        "attack_markers": notebook("ex05", 'print("KIT-GRADES:[}")\nprint("KIT-GRADES: {not json")', RIGHT_Q4),
        # ... or kill the grader (the kernel's parent), or every process it may signal
        "attack_kill_parent": notebook("ex05", """
            import os, signal
            for target in (os.getppid(), 1, -1):
                try:
                    os.kill(target, signal.SIGKILL)
                except OSError:
                    pass
            """, RIGHT_Q4),
        # no memory limit: 8 GiB
        "attack_memory": notebook("ex05", "hog = bytearray(8 * 2**30)", *honest_cells()),
        # no limit on processes: a fork bomb
        "attack_fork": notebook("ex05", """
            import os, time
            children = []
            try:
                for _ in range(500):
                    child = os.fork()
                    if child == 0:
                        time.sleep(30)
                        os._exit(0)
                    children.append(child)
            except OSError:
                pass
            answer_q6 = f"FORKED {len(children)}"
            """),
        # no total time per notebook: a cell that swallows every interruption ...
        "attack_endless": notebook("ex05", *honest_cells(), """
            import time
            while True:
                try:
                    time.sleep(100)
                except BaseException:
                    pass
            """),
        # ... or many cells, each just inside the time limit per cell
        "attack_slow_cells": notebook("ex05", *honest_cells(), *[f"import time\ntime.sleep({CELL - 1})"] * 4),
        # 300 MB of printed output
        "attack_output": notebook("ex05", 'import sys\nfor _ in range(300):\n    sys.stdout.write("x" * 10**6 + "\\n")',
                                  *honest_cells()),
        **{f"attack_equal_{module}": notebook(module, *always_equal_cells(module))
           for module in ("ex01", "ex02", "ex03", "ex04", "ex05")},
    }


# -- the class: every attack and two honest students, graded in one batch ------------------------------------

def _site_files() -> set[Path]:
    return {path for folder in site.getsitepackages() for path in Path(folder).glob("*.pth")}


def _processes_with(marker: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and marker.encode() in (entry / "cmdline").read_bytes():
                found.append(int(entry.name))
        except OSError:
            pass
    return found


@pytest.fixture(scope="module")
def the_class(tmp_path_factory):
    """Grade the whole class once through the command line; return what the tests look at."""
    if SANDBOX_PROBLEM:
        pytest.skip(f"no sandbox here: {SANDBOX_PROBLEM}")
    root = tmp_path_factory.mktemp("class")
    folder, out = root / "submissions", root / "results" / "grades.csv"
    folder.mkdir()
    write(folder, "victim", notebook("ex05", *honest_cells()))
    write(folder, "honest", notebook("ex05", *honest_cells()))
    for name, book in attacks(folder, out).items():
        write(folder, name, book)
    before = {path.name: sha(path) for path in folder.iterdir()}
    core_before, site_before = sha(CORE), _site_files()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KIT_GRADER_SECRET", SECRET)
        started = time.monotonic()
        status = main(["exercises", "grade", str(folder), "--out", str(out), "--workers", "2", *LIMIT_ARGS])
        seconds = time.monotonic() - started
    grades_sha = sha(out)
    time.sleep(1.5)  # the detached writers try every 0.2 s
    yield {"status": status, "folder": folder, "out": out, "before": before, "core_before": core_before,
           "site_before": site_before, "grades_sha": grades_sha, "seconds": seconds,
           "grades": pd.read_csv(out, keep_default_na=False)}
    for path in _site_files() - site_before:  # only if an attack got through: leave no trace
        path.unlink()


def rows_of(the_class, name: str) -> pd.DataFrame:
    grades = the_class["grades"]
    return grades[grades["submission"] == f"{name}.ipynb"].set_index("question")


def answer_of(the_class, name: str) -> str:
    return str(rows_of(the_class, name).loc["q6", "answer"])


def assert_victims_right(the_class) -> None:
    for name in ("victim", "honest"):
        rows = rows_of(the_class, name)
        assert rows["status"].tolist() == [CORRECT] * 5 + [COLLECTED], name
        assert rows["points"].sum() == 5 and rows["run_notes"].tolist() == [""] * 6


@needs_sandbox
def test_is_the_batch_complete_with_every_submission_graded_once(the_class):
    grades = the_class["grades"]
    assert the_class["status"] == 0
    assert sorted(set(grades["submission"])) == sorted(the_class["before"])
    counted = grades.groupby("submission").size()
    assert (counted[[name for name in counted.index if "equal" not in name]] == len(EX05_QUESTIONS)).all()
    assert_victims_right(the_class)


@needs_sandbox
def test_are_the_submissions_untouched_and_nothing_planted(the_class):
    folder = the_class["folder"]
    assert {path.name: sha(path) for path in folder.iterdir()} == the_class["before"]


@needs_sandbox
@pytest.mark.parametrize("name", ATTACKERS)
def test_does_each_attack_score_nothing(the_class, name):
    assert rows_of(the_class, name)["points"].sum() == 0


@needs_sandbox
def test_can_a_submission_find_and_copy_another_students_answers(the_class):
    text = answer_of(the_class, "attack_copy")
    assert text.startswith("COPY ") and text.endswith("copied=")  # nothing found to copy
    seen = json.loads(text[len("COPY "):text.rindex(" copied=")])
    assert str(the_class["folder"]) not in text and "victim" not in text and "pytest" not in seen["cmdline"]
    assert set(rows_of(the_class, "attack_copy")["status"][:5]) == {NOT_ATTEMPTED}


@needs_sandbox
def test_can_a_submission_overwrite_a_later_one_before_it_is_graded(the_class):
    text = answer_of(the_class, "attack_overwrite")
    assert "WROTE" not in text and text.count("No such file or directory") + text.count("Read-only") == 2
    assert not (the_class["folder"] / "zz_planted.ipynb").exists()
    assert_victims_right(the_class)


@needs_sandbox
def test_can_a_submission_read_the_instructor_sources_and_mark_schemes(the_class):
    text = answer_of(the_class, "attack_sources")
    assert text.startswith("SOURCES 0 ")
    assert "=== BEGIN MARK SCHEME ===" not in text and "### BEGIN SOLUTION" not in text


@needs_sandbox
def test_can_a_submission_read_the_graders_environment(the_class):
    text = answer_of(the_class, "attack_environ")
    assert text.startswith("ENVIRON ") and SECRET not in text and "KIT_GRADER_SECRET" not in text
    assert "PYTEST" not in text


@needs_sandbox
def test_can_a_detached_process_rewrite_the_grades_after_the_grader_exits(the_class):
    assert answer_of(the_class, "attack_detached") == "DETACHED writers started"  # it did start them
    assert _processes_with(DETACHED_MARKER) == []  # the sandbox took them with it
    assert sha(the_class["out"]) == the_class["grades_sha"]
    assert "hacker" not in the_class["out"].read_text(encoding="utf-8")


@needs_sandbox
def test_can_a_submission_change_the_kit_or_the_venv_for_later_runs(the_class):
    text = answer_of(the_class, "attack_persist")
    assert "OPENED" not in text and text.count("Read-only file system") + text.count("Permission denied") == 3
    assert sha(CORE) == the_class["core_before"] and _site_files() == the_class["site_before"]
    assert not (CORE.parent / "zz_kit_attack.py").exists()


@needs_sandbox
def test_does_patching_the_checks_in_the_kernel_change_nothing(the_class):
    rows = rows_of(the_class, "attack_patch_check")
    assert rows.loc["q1", "status"] == INCORRECT and set(rows["status"][1:]) == {NOT_ATTEMPTED}


@needs_sandbox
def test_does_a_hook_that_prints_grades_lines_forge_nothing(the_class):
    grades = the_class["grades"]
    assert rows_of(the_class, "attack_hook").loc["q1", "status"] == INCORRECT
    assert grades["points"].max() == 1 and len(grades[grades["submission"] == "victim.ipynb"]) == len(EX05_QUESTIONS)
    assert_victims_right(the_class)


@needs_sandbox
def test_does_a_forged_export_on_the_graders_channel_count_for_nothing(the_class):
    rows = rows_of(the_class, "attack_forged_export")
    assert set(rows["status"]) == {ERROR} and "could not read" in rows["message"].iloc[0]
    assert_victims_right(the_class)


@needs_sandbox
@pytest.mark.parametrize("module", ["ex01", "ex02", "ex03", "ex04", "ex05"])
def test_does_an_answer_equal_to_anything_pass_no_question(the_class, module):
    rows = rows_of(the_class, f"attack_equal_{module}")
    assert rows["points"].sum() == 0 and CORRECT not in set(rows["status"]) and COLLECTED not in set(rows["status"])
    assert len(rows) == len(importlib.import_module(f"kit.exercises.{module}").EXERCISE.questions)


@needs_sandbox
def test_do_printed_grades_markers_leave_the_batch_complete_and_the_answers_graded(the_class):
    rows = rows_of(the_class, "attack_markers")
    assert rows.loc["q4", "status"] == CORRECT and rows["points"].sum() == 1


@needs_sandbox
def test_does_a_submission_that_kills_its_parent_still_leave_the_batch_complete(the_class):
    rows = rows_of(the_class, "attack_kill_parent")
    assert rows.loc["q4", "status"] == CORRECT  # it went on running: it could kill nothing
    test_is_the_batch_complete_with_every_submission_graded_once(the_class)


@needs_sandbox
def test_does_the_memory_limit_stop_an_8_gib_allocation_and_grade_the_rest(the_class):
    rows = rows_of(the_class, "attack_memory")
    assert "MemoryError" in rows["run_notes"].iloc[0]
    assert rows["points"].sum() == 5


@needs_sandbox
def test_does_the_process_limit_stop_a_fork_bomb(the_class):
    forked = int(answer_of(the_class, "attack_fork").split()[1])
    assert forked < PROCESSES


@needs_sandbox
def test_does_a_cell_that_swallows_interruptions_stop_at_the_notebook_time_limit(the_class):
    rows = rows_of(the_class, "attack_endless")
    assert set(rows["status"]) == {ERROR}
    assert rows["message"].iloc[0] == f"did not finish within {NOTEBOOK} s (the time limit per notebook)"
    assert the_class["seconds"] < 60


@needs_sandbox
def test_do_many_slow_cells_stop_at_the_notebook_time_limit_and_keep_the_answers_so_far(the_class):
    rows = rows_of(the_class, "attack_slow_cells")
    assert rows["points"].sum() == 5
    assert "cut short or not run: the notebook's time ran out" in rows["run_notes"].iloc[0]


@needs_sandbox
def test_does_printing_hundreds_of_megabytes_stop_at_the_output_limit(the_class):
    rows = rows_of(the_class, "attack_output")
    assert set(rows["status"]) == {ERROR}
    assert rows["message"].iloc[0] == f"printed more than {OUTPUT_MB} MB (the output limit)"


@needs_sandbox
def test_does_printed_output_leave_the_graders_memory_alone(tmp_path):
    book = notebook("ex05", 'import sys\nfor _ in range(300):\n    sys.stdout.write("x" * 10**6 + "\\n")',
                    RIGHT_Q4)
    write(tmp_path, "printer", book)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    grades = grade_folder(tmp_path, limits=Limits(cell_timeout=30, notebook_timeout=60, output_mb=1000), workers=1)
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grades.set_index("question").loc["q4", "status"] == CORRECT
    assert grown_kib < 100 * 1024  # 300 MB went through the grader; none of it was kept


# -- refusing without a sandbox; --unsafe ----------------------------------------------------------------------

def _path_without_bwrap(tmp_path, monkeypatch, fake: str | None = None) -> None:
    """Let PATH hold only a folder with python (and ``fake`` as bwrap, if given)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    if fake is not None:
        (bin_dir / "bwrap").write_text(fake, encoding="utf-8")
        (bin_dir / "bwrap").chmod(stat.S_IRWXU)
    monkeypatch.setenv("PATH", str(bin_dir))


def test_does_grading_refuse_with_the_reason_when_bwrap_is_missing(tmp_path, monkeypatch, capsys):
    write(tmp_path / "subs", "victim", notebook("ex05", RIGHT_Q4))
    _path_without_bwrap(tmp_path, monkeypatch)
    assert main(["exercises", "grade", str(tmp_path / "subs"), "--out", str(tmp_path / "grades.csv")]) == 2
    err = capsys.readouterr().err
    assert "cannot grade safely: bubblewrap (bwrap) is not installed" in err and "--unsafe" in err
    assert not (tmp_path / "grades.csv").exists()
    with pytest.raises(SandboxUnavailable):
        grade_folder(tmp_path / "subs")


def test_does_grading_refuse_with_the_reason_when_bwrap_cannot_start_a_sandbox(tmp_path, monkeypatch, capsys):
    write(tmp_path / "subs", "victim", notebook("ex05", RIGHT_Q4))
    _path_without_bwrap(tmp_path, monkeypatch, "#!/bin/sh\necho 'bwrap: No permissions to create new namespace' >&2\n"
                                               "exit 1\n")
    assert main(["exercises", "grade", str(tmp_path / "subs"), "--out", str(tmp_path / "grades.csv")]) == 2
    assert "bubblewrap could not start a sandbox here (bwrap: No permissions to create new namespace)" in \
        capsys.readouterr().err


def test_does_unsafe_grade_trusted_submissions_without_a_sandbox(tmp_path, monkeypatch, capsys):
    write(tmp_path / "subs", "trusted", notebook("ex05", *honest_cells()))
    _path_without_bwrap(tmp_path, monkeypatch)
    out = tmp_path / "grades.csv"
    assert main(["exercises", "grade", str(tmp_path / "subs"), "--out", str(out), "--unsafe", *LIMIT_ARGS]) == 0
    assert "warning: --unsafe" in capsys.readouterr().err
    assert pd.read_csv(out)["points"].sum() == 5


def test_does_a_process_left_behind_in_unsafe_mode_not_hold_up_the_grade(tmp_path):
    book = notebook("ex05", "import subprocess\nsubprocess.Popen(['sleep', '60'])  # keeps the output pipe open",
                    RIGHT_Q4)
    write(tmp_path, "leaver", book)
    started = time.monotonic()
    grades = grade_folder(tmp_path, limits=LIMITS, workers=1, unsafe=True)
    assert grades.set_index("question").loc["q4", "status"] == CORRECT
    assert time.monotonic() - started < NOTEBOOK


def test_do_malformed_notebooks_and_a_failing_check_leave_the_batch_complete(tmp_path, monkeypatch):
    write(tmp_path, "good", notebook("ex05", RIGHT_Q4))
    (tmp_path / "not_json.ipynb").write_text("{", encoding="utf-8")
    odd = notebook("ex05", RIGHT_Q4)
    odd.metadata["kit_exercise"] = {"not": "a name"}
    odd.cells[1]["source"] = 12345
    (tmp_path / "odd.ipynb").write_text(json.dumps(odd), encoding="utf-8")
    write(tmp_path, "other_exercise", notebook("ex99"))
    grades = grade_folder(tmp_path, limits=LIMITS, workers=2, unsafe=True)
    status = grades.groupby("submission")["status"].first()
    assert status["not_json.ipynb"] == ERROR and status["other_exercise.ipynb"] == ERROR and "odd.ipynb" in status
    assert grades.set_index(["submission", "question"]).loc[("good.ipynb", "q4"), "status"] == CORRECT

    def broken(self, namespace):
        raise TypeError("a bug in a check")

    monkeypatch.setattr("kit.exercises.core.Exercise.grade", broken)
    grades = grade_folder(tmp_path, limits=LIMITS, workers=2, unsafe=True)
    good = grades[grades["submission"] == "good.ipynb"]
    assert set(good["status"]) == {ERROR} and "could not check these answers (TypeError)" in good["message"].iloc[0]


# -- conveniences ----------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def lms_export(tmp_path_factory):
    """An LMS export: a folder per student (two students with the same file name), one loose notebook."""
    folder = tmp_path_factory.mktemp("lms")
    name = "05_claims_and_numbers"
    write(folder / "Alice Smith_1234_assignsubmission_file_", name, notebook("ex05", *honest_cells()))
    write(folder / "Bob Jones_5678_assignsubmission_file_", name, notebook(
        "ex05", "ex05.q1.solution()\nex05.q3.solution()", 'answer_q4 = "A"',
        'answer_q6 = "=HYPERLINK(\\"http://example.com\\", \\"click me\\") is my answer, and a spreadsheet would run it '
        'as a formula when my instructor opens the file of grades, unless the grader writes it as text"'))
    write(folder / "Bob Jones_5678_assignsubmission_file_", "01_the_corpus", notebook("ex01", f'answer_q4 = "{ex01.q4.correct}"'))
    write(folder / "Bob Jones_5678_assignsubmission_file_" / ".ipynb_checkpoints", f"{name}-checkpoint",
          notebook("ex05", *honest_cells()))
    write(folder, "carol", notebook("ex05", 'answer_q1 = "-1+2"', "raise ValueError('oops')"))
    write(folder, "dave", notebook("ex05", *honest_cells()[:3]))
    write(folder, "erin", notebook("ex05", "1/0", *honest_cells()[3:]))
    write(folder, "frank", notebook("ex02", f'answer_q2 = "{ex02.q2.correct}"\nanswer_q3 = "{ex02.q3.correct}"'))
    return folder


def test_are_submissions_in_subfolders_found_and_checkpoints_skipped(lms_export):
    names = [submission.name for submission in find_submissions(lms_export)]
    assert len(names) == 7 and not any("checkpoint" in name for name in names)
    assert "Alice Smith_1234_assignsubmission_file_/05_claims_and_numbers.ipynb" in names
    students = {submission.student for submission in find_submissions(lms_export)}
    assert students == {"Alice Smith_1234_assignsubmission_file_", "Bob Jones_5678_assignsubmission_file_", "carol",
                        "dave", "erin", "frank"}


@needs_sandbox
def test_do_several_workers_give_the_same_grades_as_one(lms_export):
    serial = grade_folder(lms_export, limits=LIMITS, workers=1)
    parallel = grade_folder(lms_export, limits=LIMITS, workers=2)
    pd.testing.assert_frame_equal(serial, parallel)
    assert len(set(serial["submission"])) == 7


@needs_sandbox
def test_does_grading_write_formula_safe_grades_and_totals_per_student(lms_export, tmp_path):
    out = tmp_path / "grades.csv"
    assert main(["exercises", "grade", str(lms_export), "--out", str(out), "--workers", "2", *LIMIT_ARGS]) == 0
    assert totals_path(out) == tmp_path / "grades_totals.csv"
    grades = pd.read_csv(out, keep_default_na=False)
    by_student = pd.read_csv(totals_path(out), keep_default_na=False).set_index("student")
    bob = by_student.loc["Bob Jones_5678_assignsubmission_file_"]
    assert (bob["notebooks"], bob["points"], bob["max_points"], bob["points_to_mark"]) == (2, 1, 9 + 8, 4)
    assert by_student.loc["Alice Smith_1234_assignsubmission_file_", "points"] == 5
    assert by_student.loc["erin", "points"] == 2 and by_student.loc["frank", "points"] == 2
    text = out.read_text(encoding="utf-8")
    assert "'=HYPERLINK" in text and ',"=HYPERLINK' not in text and ",=HYPERLINK" not in text
    carol = grades[grades["submission"] == "carol.ipynb"].set_index("question")
    assert carol.loc["q1", "status"] == INCORRECT and carol.loc["q1", "run_notes"].startswith("1 cell(s) raised")


@needs_sandbox
def test_do_run_notes_say_when_a_submission_called_solution(lms_export):
    grades = grade_folder(lms_export, limits=LIMITS, workers=2)
    notes = grades.groupby("submission")["run_notes"].first()
    assert notes["Bob Jones_5678_assignsubmission_file_/05_claims_and_numbers.ipynb"] == "called solution() for q1, q3"
    assert notes["Alice Smith_1234_assignsubmission_file_/05_claims_and_numbers.ipynb"] == ""
    assert notes["erin.ipynb"] == "1 cell(s) raised an error: ZeroDivisionError"


def test_are_totals_summed_per_student():
    grades = pd.DataFrame({"submission": ["a/1.ipynb", "a/1.ipynb", "a/2.ipynb", "b.ipynb"],
                           "student": ["a", "a", "a", "b"],
                           "status": [CORRECT, COLLECTED, ERROR, INCORRECT], "points": [1, 0, 0, 0],
                           "max_points": [1, 4, 2, 1]})
    assert totals(grades).to_dict("records") == [
        {"student": "a", "notebooks": 2, "points": 1, "max_points": 7, "points_to_mark": 4, "errors": 1},
        {"student": "b", "notebooks": 1, "points": 0, "max_points": 1, "points_to_mark": 0, "errors": 0}]


@pytest.mark.parametrize("option, value", [("--timeout", "0"), ("--timeout", "-5"), ("--timeout", "soon"),
                                           ("--notebook-timeout", "0"), ("--memory", "0"), ("--workers", "0"),
                                           ("--max-output", "nan")])
def test_must_limits_be_positive_numbers(tmp_path, capsys, option, value):
    with pytest.raises(SystemExit) as stopped:
        main(["exercises", "grade", str(tmp_path), "--out", str(tmp_path / "grades.csv"), option, value])
    assert stopped.value.code == 2
    assert f"argument {option}: must be a positive" in capsys.readouterr().err


def test_does_grade_folder_refuse_a_limit_that_is_not_positive(tmp_path):
    with pytest.raises(ValueError, match="cell_timeout must be a positive number"):
        grade_folder(tmp_path, cell_timeout=0)
    with pytest.raises(ValueError, match="workers must be a positive"):
        grade_folder(tmp_path, workers=0)


# -- the plain-data channel ----------------------------------------------------------------------------------

@pytest.mark.parametrize("value", [1, 2.5, True, None, "text", ..., (1, "a"), {1, 2}, {"a": [1, {2: (3,)}]},
                                   float("inf"), [], {}])
def test_do_plain_answers_cross_the_channel_unchanged(value):
    assert from_plain(json.loads(json.dumps(to_plain(value)))) == value


def test_do_tables_and_numpy_numbers_cross_as_plain_values():
    import numpy as np

    frame = pd.DataFrame({"label": ["a", "b"], "count": [1, 2], "share": [0.5, np.nan]})
    back = from_plain(json.loads(json.dumps(to_plain(frame))))
    pd.testing.assert_frame_equal(back, frame)
    assert type(from_plain(to_plain(np.int64(3)))) is int and type(from_plain(to_plain(np.float64(0.5)))) is float


def test_does_an_object_that_equals_anything_cross_as_unsupported():
    class AlwaysEqual(float):
        def __eq__(self, other):
            return True

    class Anything:
        def __eq__(self, other):
            return True

    assert type(from_plain(to_plain(AlwaysEqual(2.0)))) is float
    crossed = from_plain(to_plain(Anything()))
    assert isinstance(crossed, Unsupported) and crossed != 1 and crossed != crossed.type_name


@pytest.mark.parametrize("data", [{"$eval": "1"}, {"$set": [[1]]}, {"$dict": [[1]]}, {"$frame": {"columns": ["a"]}},
                                  {"$frame": {"columns": ["a"], "records": [[1, 2]]}}, {"a": 1, "b": 2},
                                  {"$tuple": "abc"}])
def test_is_anything_outside_the_plain_format_refused(data):
    with pytest.raises(PlainDataError):
        from_plain(data)


@needs_sandbox
def test_does_one_submission_take_seconds_in_the_sandbox(tmp_path):
    write(tmp_path, "honest", notebook("ex05", *honest_cells()))
    started = time.monotonic()
    grades = grade_folder(tmp_path, limits=LIMITS, workers=1)
    assert grades["points"].sum() == 5 and time.monotonic() - started < 30


@needs_sandbox
def test_does_a_notebook_see_only_its_own_copy_in_a_fresh_tmp(tmp_path):
    book = notebook("ex05", """
        import os
        visible = sorted(name for name in os.listdir("/tmp") if not name.startswith("."))
        answer_q6 = "SEES " + repr(visible) + " " + os.getcwd() + " " + repr(sorted(os.listdir("/")))
        """)
    write(tmp_path, "looker", book)
    text = grade_folder(tmp_path, limits=LIMITS, workers=1).set_index("question").loc["q6", "answer"]
    # A kit or venv kept under /tmp (a CI clone in a temporary folder) is mounted there read-only, nothing else.
    kit_under_tmp = {Path(path).parts[2] for path in sandbox.read_only_paths() if path.startswith("/tmp/")}
    assert text.startswith(f"SEES {sorted(kit_under_tmp | {'submission.ipynb'})!r} /tmp ")
    assert "'home'" not in text and "'etc'" in text  # /etc holds only the loader's cache


def test_does_run_notebook_report_a_notebook_that_ends_its_own_process(tmp_path):
    import pickle

    plan = pickle.dumps({"cells": ["import os\nos._exit(3)"], "answers": [], "functions": {}, "cell_timeout": 5,
                         "notebook_timeout": 10})
    run = run_notebook(plan, b"{}", LIMITS, unsafe=True)
    assert run.export == b"" and run.failure.startswith("the notebook ended the grading process (exit status 3)")
