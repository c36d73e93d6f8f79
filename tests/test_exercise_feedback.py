"""Exercise feedback in plain words: wrong kinds, missing arguments, function slips, hints, written answers,
the positions of the right choices, and one place for each solution (issue 14)."""

from __future__ import annotations

import importlib
import importlib.util
import shutil
from collections import Counter

import nbformat
import numpy as np
import pandas as pd
import pytest

from conftest import REPO
from kit.exercises import ex01, ex02, ex03, ex05
from kit.exercises.core import CORRECT, INCORRECT, NOT_ATTEMPTED, TOO_SHORT, ChoiceQuestion, FunctionQuestion
from kit.exercises.grade import totals
from kit.exercises.solutions import solution_code

MODULES = ["ex01", "ex02", "ex03", "ex04", "ex05"]
SOURCE = REPO / "exercises" / "source"


def questions():
    for module in MODULES:
        yield from ((module, key, q) for key, q in importlib.import_module(f"kit.exercises.{module}").EXERCISE
                    .questions.items())


# -- plain messages ------------------------------------------------------------------------------

@pytest.mark.parametrize("module, key, call", [("ex01", "q1", "ex01.q1.check(answer_q1)"),
                                               ("ex01", "q3", "ex01.q3.check(share_of_body)"),
                                               ("ex02", "q2", "ex02.q2.check(answer_q2)")])
def test_does_check_with_no_argument_say_what_to_pass(module, key, call):
    result = importlib.import_module(f"kit.exercises.{module}").EXERCISE.questions[key].check()
    assert result.status == NOT_ATTEMPTED and call in result.message


@pytest.mark.parametrize("answer, says", [
    (pd.DataFrame({"article_id": ["a", "b"]}), "but it is a table (a pandas DataFrame, 2 rows). Take the number"),
    (pd.Series([1, 2]), "but it is a column of values (a pandas Series). Reduce it to one number"),
    ("7", "but it is text. Write the number without quotation marks"),
])
def test_does_a_table_or_text_where_a_number_is_expected_get_a_plain_message_not_a_traceback(answer, says):
    result = ex01.q1.check(answer)
    assert result.status == INCORRECT and "should be one number" in result.message and says in result.message


def test_is_a_number_from_pandas_taken_as_a_number():
    right = ex02.q5.expected()
    assert ex02.q5.check(np.int64(right)).status == CORRECT
    assert ex02.q5.check(np.int64(right + 1)).message == "Too high: check what you counted."


def test_is_a_series_where_a_dict_is_expected_told_how_to_turn_it_into_one():
    answer = pd.Series(ex03.q1.expected())
    assert ".to_dict()" in ex03.q1.check(answer).message


def test_do_hint_and_hint_2_in_one_cell_both_show(capsys):
    assert ex01.q1.hint() is None and ex01.q1.hint(2) is None  # shown, not returned: a cell shows every one
    shown = capsys.readouterr().out
    assert ex01.q1.hints[0] in shown and ex01.q1.hints[1] in shown


def test_is_a_short_written_answer_too_short_so_far_and_not_incorrect():
    result = ex05.q6.check("Two killed.")
    assert result.status == TOO_SHORT == "too short so far" and "2 words: write at least 20" in result.message
    assert "incorrect" not in repr(result)


def test_are_short_written_answers_still_counted_for_the_instructor_to_mark():
    grades = pd.DataFrame({"submission": ["a.ipynb"] * 2, "student": ["a"] * 2, "status": [TOO_SHORT, INCORRECT],
                           "points": [0, 0], "max_points": [4, 1]})
    assert totals(grades)["points_to_mark"].tolist() == [4]


# -- function questions: the input, the expected value, the student's value and the likely slip ---

def _share_of_body(scale: float = 100, digits: int | None = 1, kind=float):
    def share_of_body(corpus, article_id):
        blocks = corpus.blocks[(corpus.blocks["article_id"] == article_id) & (corpus.blocks["kind"] == "body")]
        share = scale * (blocks["end"] - blocks["start"]).sum() / len(corpus.texts[article_id])
        return kind(round(share, digits) if digits is not None else share)
    return share_of_body


@pytest.mark.parametrize("function, slip", [
    (_share_of_body(scale=1, digits=3), "a share (0 to 1) instead of a percentage (0 to 100): multiply by 100"),
    (_share_of_body(digits=None), "not rounded: round(value, 1)"),
    (lambda corpus, article_id: None, "the function returned None: does it end with a return line?"),
])
def test_does_a_function_slip_show_input_expected_and_got_and_name_the_slip(function, slip):
    result = ex01.q3.check(function)
    first = ex01.q3.cases()[0]
    assert result.status == INCORRECT and result.message.startswith("Test 1 of 5: share_of_body(corpus, '")
    assert f"should return {first[1]}, but your function returned " in result.message
    assert f"Likely slip: {slip}" in result.message
    assert "np.float64" not in result.message  # numbers as a student writes them


def test_does_a_series_returned_for_a_dict_name_that_slip():
    def share_direct(attributions):
        return (attributions["kind"] == "direct").groupby(attributions["article_id"]).mean().round(2)

    message = ex03.q2.check(share_direct).message
    assert "share_direct(<a table of" in message and "returned a column of values (a pandas Series)" in message
    assert "Likely slip: a pandas Series instead of a dict" in message


def test_does_an_unrounded_dict_name_the_key_and_the_rounding():
    def share_direct(attributions):
        return (attributions["kind"] == "direct").groupby(attributions["article_id"]).mean().to_dict()

    assert "Likely slip: for '" in ex03.q2.check(share_direct).message
    assert "not rounded: round(value, 2)" in ex03.q2.check(share_direct).message


def test_does_a_test_input_read_as_the_python_a_student_writes():
    message = ex05.q3.check(lambda a, b: a[0] < b[0]).message
    assert "ranges_conflict((71, math.inf), (70, 70)) should return True, but your function returned False" in message


def test_does_the_ex01_q3_hint_name_only_columns_that_exist(seeds):
    hint = " ".join(ex01.q3.hints)
    assert "has no length column" in hint and "length" not in seeds.blocks.columns


# -- multiple choice ----------------------------------------------------------------------------

CHOICES = [(module, key, q) for module, key, q in questions() if isinstance(q, ChoiceQuestion)]


def test_are_the_right_answers_spread_over_the_letters():
    """ex01–ex05: A 2, B 1, C 2, D 2 (it was B in 6 of 7)."""
    counts = Counter(q.correct for _, _, q in CHOICES)
    letters = sorted({letter for _, _, q in CHOICES for letter in q.options})
    assert set(counts) == set(letters) and max(counts.values()) - min(counts.values()) <= 1, counts


@pytest.mark.parametrize("module, key, q", CHOICES, ids=[f"{m}-{k}" for m, k, _ in CHOICES])
def test_does_the_format_line_name_every_letter_and_suggest_none(module, key, q):
    source = next(path for path in SOURCE.glob("*.ipynb") if f"from kit.exercises import {module}" in path.read_text())
    prompt = next(cell.source for cell in nbformat.read(source, as_version=4).cells
                  if cell.cell_type == "markdown" and f"`answer_{key} =`" in cell.source)
    assert all(f'`"{letter}"`' in prompt for letter in q.options) and f'answer_{key} = "' not in prompt


# -- one place for each solution ------------------------------------------------------------------

@pytest.mark.parametrize("module, key, q", list(questions()), ids=[f"{m}-{k}" for m, k, _ in questions()])
def test_does_solution_show_what_the_source_notebook_says(module, key, q):
    assert not hasattr(q, "solution_code")  # no second copy in the question module
    assert repr(q.solution_text()) == solution_code(module, key)
    if isinstance(q, FunctionQuestion):
        assert solution_code(module, key).startswith(f"def {q.function_name}(")


def test_does_an_edited_source_change_the_solution_shown(tmp_path):
    sources = tmp_path / "source"
    shutil.copytree(SOURCE, sources)
    path = sources / "05_claims_and_numbers.ipynb"
    notebook = nbformat.read(path, as_version=4)
    cell = next(cell for cell in notebook.cells if "ex05.q5.check(" in cell.source)
    cell.source = cell.source.replace('answer_q5 = int(', 'answer_q5 = int(  # counted by hand\n    ')
    nbformat.write(notebook, path)
    assert "# counted by hand" in solution_code("ex05", "q5", sources)
    assert solution_code("ex05", "q5", tmp_path / "absent") is None


def test_does_solution_say_where_solutions_are_when_the_sources_are_absent(monkeypatch):
    monkeypatch.setattr("kit.exercises.solutions.SOURCE_DIR", REPO / "no-such-folder")
    assert "ask your instructor" in repr(ex02.q1.solution_text())


def test_does_rerunning_a_source_list_the_checks_that_do_not_pass(tmp_path):
    spec = importlib.util.spec_from_file_location("run_sources", REPO / "tools" / "exercises" / "run_sources.py")
    run_sources = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(run_sources)
    outputs = [nbformat.v4.new_output("execute_result", {"text/plain": text}, execution_count=1) for text in
               ("q1: correct. Well done.", "q2: incorrect. Too high: check what you counted.",
                "q5: collected. Saved for your instructor.")]
    book = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("ex05.q1.check(answer_q1)", outputs=outputs)])
    nbformat.write(book, tmp_path / "05.ipynb")
    assert run_sources.failing_checks(tmp_path / "05.ipynb") == ["q2: incorrect. Too high: check what you counted."]
