"""Exercises: checks, hints and solutions; building student versions; grading submissions."""

from __future__ import annotations

import hashlib
import importlib
import json
import math
import shutil

import nbformat
import pandas as pd
import pytest

from conftest import REPO
from kit.exercises.build import SourceError, build, student_version
from kit.cli import main
from kit.exercises.core import (COLLECTED, CORRECT, INCORRECT, NOT_ATTEMPTED, TOO_SHORT, ChoiceQuestion,
                                FunctionQuestion, ReflectionQuestion, ValueQuestion, same)
from kit.exercises.solutions import solution_code
from kit.exercises.grade import grade_folder
from kit.exercises.sandbox import sandbox_problem

MODULES = ["ex01", "ex02", "ex03", "ex04", "ex05"]
SOURCE, STUDENT = REPO / "exercises" / "source", REPO / "exercises" / "student"
QUESTIONS = [(m, k) for m in MODULES for k in importlib.import_module(f"kit.exercises.{m}").EXERCISE.questions]


def question(module: str, key: str):
    return importlib.import_module(f"kit.exercises.{module}").EXERCISE.questions[key]


def solved(module: str, key: str):
    """Return the answer the question's solution (in its source notebook) produces."""
    q = question(module, key)
    namespace: dict = {}
    exec("import kit, math\nimport pandas as pd\ncorpus = kit.load_corpus()\n" + solution_code(module, key), namespace)
    return namespace[q.function_name] if isinstance(q, FunctionQuestion) else namespace[f"answer_{key}"]


def test_does_each_exercise_have_at_least_four_questions_mixing_code_and_judgement():
    for module in MODULES:
        questions = importlib.import_module(f"kit.exercises.{module}").EXERCISE.questions.values()
        kinds = {q.kind for q in questions}
        assert len(questions) >= 4
        assert kinds & {"value", "dataframe", "function"} and kinds & {"multiple choice", "reflection"}


@pytest.mark.parametrize("module, key", QUESTIONS)
def test_does_every_solution_pass_its_check(module, key):
    assert question(module, key).check(solved(module, key)).status in (CORRECT, COLLECTED)


@pytest.mark.parametrize("module, key", QUESTIONS)
def test_is_the_placeholder_not_attempted(module, key):
    assert question(module, key).check(...).status == NOT_ATTEMPTED


@pytest.mark.parametrize("module, key", QUESTIONS)
def test_is_a_planted_wrong_answer_incorrect_without_giving_the_answer_away(module, key):
    q = question(module, key)
    if isinstance(q, ChoiceQuestion):
        wrong = next(letter for letter in q.options if letter != q.correct)
    elif isinstance(q, FunctionQuestion):
        wrong = lambda *args: "wrong"  # noqa: E731
    elif isinstance(q, ReflectionQuestion):
        assert q.check("Too short.").status == TOO_SHORT
        return
    else:
        wrong = 123456
    result = q.check(wrong)
    assert result.status == INCORRECT
    expected = q.expected() if isinstance(q, ValueQuestion) else None
    if isinstance(expected, (str, int)) and not isinstance(expected, bool):
        assert str(expected) not in result.message


@pytest.mark.parametrize("module, key", QUESTIONS[:3])
def test_do_hints_come_in_order_and_solutions_show_code(module, key):
    q = question(module, key)
    assert repr(q.hint_text()) != "" and repr(q.hint_text(2)).startswith(q.hints[min(1, len(q.hints) - 1)][:20])
    assert "answer_" in repr(q.solution_text()) or "def " in repr(q.solution_text())


@pytest.mark.parametrize("answer, expected", [
    (pd.DataFrame({"b": [2, 1], "a": ["y", "x"]}), pd.DataFrame({"a": ["x", "y"], "b": [1, 2]})),  # order
    (0.30000000001, 0.3),                                                                            # rounding
    (["Kyiv Independent", "Unnamed site"], {"unnamed site", "Kyiv Independent"}),                    # sets
    ("  Russian   government. ", "Russian government"),                                               # case, spaces
    ({"kyiv independent": 7}, {"Kyiv Independent": 7}),                                               # dict keys
])
def test_are_comparisons_tolerant_where_a_person_would_be(answer, expected):
    assert same(answer, expected)


def test_does_a_function_that_raises_get_a_message_not_a_crash():
    q = question("ex05", "q3")
    result = q.check(lambda a, b: 1 / 0)
    assert result.status == INCORRECT and "ZeroDivisionError" in result.message


def test_is_multiple_choice_answered_by_letter_or_option_text():
    q = question("ex03", "q4")
    assert q.check("c").status == CORRECT and q.check("(C)").status == CORRECT
    assert q.check("distancing").status == CORRECT and q.check("Z").status == INCORRECT


# -- building student versions -------------------------------------------------------------------

def test_does_the_student_version_hide_solutions_and_mark_schemes_and_keep_checks():
    for path in SOURCE.glob("*.ipynb"):
        text = json.dumps(student_version(nbformat.read(path, as_version=4)))
        assert "BEGIN SOLUTION" not in text and "MARK SCHEME" not in text and "Rubric" not in text
        assert ".check(" in text and "YOUR ANSWER HERE" in text
        assert '"outputs": []' in text and '"execution_count": 1' not in text


def test_are_the_committed_student_notebooks_what_the_build_makes(tmp_path):
    actions = build(SOURCE, tmp_path / "student")
    for action in actions:
        assert (tmp_path / "student" / action.notebook).read_bytes() == (STUDENT / action.notebook).read_bytes()


def test_is_building_twice_idempotent(tmp_path):
    build(SOURCE, tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.glob("*.ipynb")}
    assert {a.action for a in build(SOURCE, tmp_path)} == {"unchanged"}
    assert before == {p.name: p.read_bytes() for p in tmp_path.glob("*.ipynb")}


def test_does_the_build_refuse_to_clobber_a_students_work_unless_forced(tmp_path):
    build(SOURCE, tmp_path)
    edited = tmp_path / "03_attribution.ipynb"
    work = edited.read_text(encoding="utf-8").replace("answer_q1 = ...", "answer_q1 = {'my': 'work'}")
    edited.write_text(work, encoding="utf-8")
    actions = {a.notebook: a.action for a in build(SOURCE, tmp_path)}
    assert actions["03_attribution.ipynb"] == "refused" and edited.read_text(encoding="utf-8") == work
    forced = {a.notebook: a for a in build(SOURCE, tmp_path, force=True)}
    assert forced["03_attribution.ipynb"].action == "replaced"
    backups = list((tmp_path / "backups").glob("03_attribution.*.ipynb"))
    assert len(backups) == 1 and backups[0].read_text(encoding="utf-8") == work


def test_does_a_changed_source_update_an_untouched_student_notebook(tmp_path):
    sources = tmp_path / "source"
    shutil.copytree(SOURCE, sources)
    build(sources, tmp_path / "student")
    notebook = nbformat.read(sources / "01_the_corpus.ipynb", as_version=4)
    notebook.cells[0].source += "\n\nAn instructor's note."
    nbformat.write(notebook, sources / "01_the_corpus.ipynb")
    actions = {a.notebook: a.action for a in build(sources, tmp_path / "student")}
    assert actions["01_the_corpus.ipynb"] == "updated"


def _broken_sources(tmp_path, old: str, new: str, notebook: str = "05_claims_and_numbers.ipynb"):
    """Return a copy of the sources in which ``old`` is replaced by ``new`` in one notebook."""
    sources = tmp_path / "source"
    shutil.copytree(SOURCE, sources)
    source = nbformat.read(sources / notebook, as_version=4)
    cell = next(cell for cell in source.cells if old in cell.source)
    cell.source = cell.source.replace(old, new, 1)
    nbformat.write(source, sources / notebook)
    return sources


LEAKS = {
    "misspelled BEGIN": ("### BEGIN SOLUTION", "### BEGIN SOLUTON", "is not a marker"),
    "misspelled END": ("### END SOLUTION", "### END SOLUTON", "is not a marker"),
    "misspelled mark scheme": ("=== BEGIN MARK SCHEME ===", "=== BEGIN MARKSCHEME ===", "is not a marker"),
    "lower-case marker": ("### BEGIN SOLUTION", "### begin solution", "is not a marker"),
    "missing BEGIN": ("### BEGIN SOLUTION\n", "", "END SOLUTION without a BEGIN"),
    "missing END": ("### END SOLUTION\n", "", "never closed"),
    "missing END MARK SCHEME": ("\n=== END MARK SCHEME ===", "", "never closed"),
    "answer outside the markers": ("### BEGIN SOLUTION\ncomparison", "answer_q1 = 7\n### BEGIN SOLUTION\ncomparison",
                                   "sets an answer outside"),
}


@pytest.mark.parametrize("leak", LEAKS)
def test_does_a_source_that_would_leak_stop_the_build_with_file_cell_and_line_and_write_nothing(tmp_path, leak, capsys):
    old, new, reason = LEAKS[leak]
    sources = _broken_sources(tmp_path, old, new)
    with pytest.raises(SourceError) as error:
        build(sources, tmp_path / "student")
    assert not (tmp_path / "student").exists()
    problems = error.value.problems
    assert all(p.file == "05_claims_and_numbers.ipynb" and p.cell >= 1 and p.line >= 1 for p in problems)
    assert any(reason in p.problem for p in problems)
    assert main(["exercises", "build", "--source", str(sources), "--student", str(tmp_path / "student")]) == 2
    err = capsys.readouterr().err
    assert "05_claims_and_numbers.ipynb, cell " in err and ", line " in err and "nothing was written" in err
    assert not (tmp_path / "student").exists()


def test_does_a_misspelled_marker_name_its_cell_and_line_exactly(tmp_path):
    sources = _broken_sources(tmp_path, "=== END MARK SCHEME ===", "=== END MARK SCHEM ===")
    with pytest.raises(SourceError) as error:
        build(sources, tmp_path / "student")
    cell = nbformat.read(sources / "05_claims_and_numbers.ipynb", as_version=4).cells[13 - 1]
    assert [(p.cell, p.line) for p in error.value.problems] == [(13, 9), (13, 7)]  # the misspelling, the open BEGIN
    assert cell.source.split("\n")[9 - 1] == "=== END MARK SCHEM ==="


def test_does_a_leak_in_one_source_keep_every_student_notebook_unchanged(tmp_path):
    build(SOURCE, tmp_path / "student")
    before = {p.name: p.read_bytes() for p in (tmp_path / "student").iterdir()}
    sources = _broken_sources(tmp_path, "### END SOLUTION", "### END SOLUTON", notebook="02_source_criticism.ipynb")
    with pytest.raises(SourceError):
        build(sources, tmp_path / "student", force=True)
    assert before == {p.name: p.read_bytes() for p in (tmp_path / "student").iterdir()}


def test_are_headings_that_merely_mention_the_end_not_taken_for_markers():
    from kit.exercises.build import cell_problems

    text = "## The end of the exercise\n### Begin here\nWrite the solution below.\nanswer_q1 == 3"
    assert cell_problems(text, code=False) == [] and cell_problems("answer_q1 == 3", code=True) == []


# -- grading -----------------------------------------------------------------------------------------

def _submission(path, replace: dict[str, str] | None = None, prepend: str = ""):
    notebook = nbformat.read(STUDENT / "05_claims_and_numbers.ipynb", as_version=4)
    for cell in notebook.cells:
        for old, new in (replace or {}).items():
            cell.source = cell.source.replace(old, new)
    if prepend:
        notebook.cells.insert(2, nbformat.v4.new_code_cell(prepend))
    nbformat.write(notebook, path)


@pytest.mark.slow
def test_does_grading_a_folder_give_the_right_table_and_leave_submissions_untouched(tmp_path):
    problem = sandbox_problem()
    if problem:
        pytest.skip(f"no sandbox here: {problem}")
    folder = tmp_path / "submissions"
    folder.mkdir()
    shutil.copy(SOURCE / "05_claims_and_numbers.ipynb", folder / "correct.ipynb")
    _submission(folder / "partial.ipynb", {"answer_q2 = ...": "answer_q2 = 'Russian government'",
                                           "answer_q4 = ...": "answer_q4 = 'A'"})
    _submission(folder / "crashing.ipynb", prepend="import os\nos._exit(1)")
    _submission(folder / "endless.ipynb", {"answer_q5 = ...": "while True:\n    pass"})
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
    grades = grade_folder(folder, cell_timeout=8)
    assert before == {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
    status = grades.set_index(["submission", "question"])["status"]
    assert set(status["correct.ipynb"]) == {CORRECT, COLLECTED}
    assert status["partial.ipynb"]["q2"] == CORRECT and status["partial.ipynb"]["q4"] == INCORRECT
    assert status["partial.ipynb"]["q1"] == NOT_ATTEMPTED
    assert set(status["crashing.ipynb"]) == {"error"}
    assert status["endless.ipynb"]["q5"] == NOT_ATTEMPTED and status["endless.ipynb"]["q2"] == NOT_ATTEMPTED
    notes = grades.groupby("submission")["run_notes"].first()
    assert notes["endless.ipynb"] == "1 cell(s) stopped after 8 s" and notes["correct.ipynb"] == ""
    reflection = grades[(grades["submission"] == "correct.ipynb") & (grades["question"] == "q6")]
    assert reflection["answer"].iloc[0].startswith("'More than 70'")
    assert math.isclose(grades[grades["submission"] == "correct.ipynb"]["points"].sum(), 5)
