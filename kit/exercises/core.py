"""Questions that check an answer, give hints and show a solution.

Answers are passed explicitly (``ex02.q1.check(answer_q1)``): there is no hidden binder, so
a question behaves the same in JupyterLab, in a plain Python session and in the grader. A
placeholder answer (``...``) is "not attempted"; a wrong answer gets a specific message
that does not give the answer away: what kind of value was expected and what was given, and
the likely slip (not rounded, a share instead of a percentage, a Series instead of a dict).
Comparisons are tolerant where a person would be: row and column order of tables, float
rounding, order of sets, case and spacing of text. ``hint()`` and ``solution()`` show their
text at once, so several in one cell all show; the solution is read from the instructor's
source notebook (``kit.exercises.solutions``), the one place it is written.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

import numpy as np
import pandas as pd

from kit.exercises.feedback import argument_text, describe, is_number, likely_slip, type_feedback, value_text

CORRECT, INCORRECT, NOT_ATTEMPTED, ERROR, COLLECTED = "correct", "incorrect", "not attempted", "error", "collected"
TOO_SHORT = "too short so far"  # a written answer under its word count: not wrong, not finished
FLOAT_TOLERANCE = 1e-6
_COLOURS = {CORRECT: "#009E73", INCORRECT: "#D55E00", NOT_ATTEMPTED: "#666666", ERROR: "#D55E00",
            COLLECTED: "#0072B2", TOO_SHORT: "#666666"}
_NO_ANSWER = object()  # check() called with nothing in its brackets


@dataclass(frozen=True)
class Result:
    """The outcome of a check: a status and a message for the student."""

    question: str
    status: str
    message: str

    def __repr__(self) -> str:
        return f"{self.question}: {self.status}. {self.message}"

    def _repr_html_(self) -> str:
        colour = _COLOURS.get(self.status, "#000000")
        return (f"<div style='border-left:4px solid {colour};padding:.3em .8em'><b style='color:{colour}'>"
                f"{html.escape(self.question)}: {html.escape(self.status)}</b> {html.escape(self.message)}</div>")


@dataclass(frozen=True)
class Text:
    """A hint or solution that displays as text in notebooks."""

    body: str

    def __repr__(self) -> str:
        return self.body

    def _repr_html_(self) -> str:
        return f"<pre style='white-space:pre-wrap'>{html.escape(self.body)}</pre>"


def is_placeholder(answer: Any) -> bool:
    """Is ``answer`` the untouched placeholder of a student notebook?"""
    return answer is Ellipsis or answer is None


def normalise_text(value: str) -> str:
    """Lower-case, trimmed, single-spaced, without surrounding quotes or a final period."""
    return re.sub(r"\s+", " ", str(value)).strip().strip("\"'“”‘’").rstrip(".").strip().lower()


def same(answer: Any, expected: Any) -> bool:
    """Are two answers equal the way a person would judge (tolerant of order, case, rounding)?"""
    if isinstance(expected, pd.DataFrame):
        return isinstance(answer, pd.DataFrame) and _same_frame(answer, expected)
    if isinstance(answer, pd.DataFrame):
        return False  # a table is never equal to a value of another kind
    if isinstance(expected, (set, frozenset)):
        if not isinstance(answer, (set, frozenset, list, tuple, pd.Series, pd.Index)):
            return False
        try:
            return {_key(a) for a in answer} == {_key(e) for e in expected}
        except TypeError:
            return False
    if isinstance(expected, dict):
        return isinstance(answer, dict) and {_key(k) for k in answer} == {_key(k) for k in expected} and all(
            any(same(v, expected[k]) for k in expected if _key(k) == _key(a_k)) for a_k, v in answer.items())
    if isinstance(expected, (bool, np.bool_)) or isinstance(answer, (bool, np.bool_)):
        return isinstance(answer, (bool, np.bool_)) and isinstance(expected, (bool, np.bool_)) and bool(answer) == bool(expected)
    if is_number(expected) or is_number(answer):
        return is_number(expected) and is_number(answer) and math.isclose(
            float(answer), float(expected), rel_tol=FLOAT_TOLERANCE, abs_tol=FLOAT_TOLERANCE)
    if isinstance(expected, str):
        return isinstance(answer, str) and normalise_text(answer) == normalise_text(expected)
    if isinstance(expected, (list, tuple)):
        return isinstance(answer, (list, tuple)) and len(answer) == len(expected) and all(
            same(a, e) for a, e in zip(answer, expected))
    try:
        return bool(answer == expected)  # numpy's True, pandas' scalars; a table or array raises
    except (TypeError, ValueError):
        return False


def _key(value: Any) -> Any:
    return normalise_text(value) if isinstance(value, str) else value


def _same_frame(answer: pd.DataFrame, expected: pd.DataFrame) -> bool:
    """Same columns and rows, in any order, floats within tolerance."""
    if {str(c).lower() for c in answer.columns} != {str(c).lower() for c in expected.columns} or len(answer) != len(expected):
        return False
    columns = sorted(expected.columns, key=str)
    rename = {c: next(e for e in expected.columns if str(e).lower() == str(c).lower()) for c in answer.columns}
    left = answer.rename(columns=rename)[columns].reset_index(drop=True)
    right = expected[columns].reset_index(drop=True)
    left = left.sort_values(columns, key=lambda s: s.astype(str)).reset_index(drop=True)
    right = right.sort_values(columns, key=lambda s: s.astype(str)).reset_index(drop=True)
    try:
        pd.testing.assert_frame_equal(left, right, check_dtype=False, check_exact=False, rtol=1e-6, atol=1e-6)
        return True
    except AssertionError:
        return False


def show(item: Any) -> None:
    """Show ``item`` now: in a notebook as rich output (so every call in a cell shows), elsewhere printed."""
    from IPython.display import display  # IPython comes with Jupyter; imported only when something is shown

    display(item)


@dataclass
class Question:
    """A question with an expected answer, hints and wrong-answer feedback; its solution is in the source notebook."""

    name: str
    prompt: str
    hints: Sequence[str]
    kind: str = "value"
    points: int = 1
    exercise: str = ""  # the exercise module ("ex02"), set by ``Exercise``

    @property
    def answer_name(self) -> str:
        """Return the variable the answer goes in (``answer_q1``; a function question's function name)."""
        return f"answer_{self.name}"

    @property
    def call(self) -> str:
        """Return how a notebook names the question: ``ex02.q1``."""
        return f"{self.exercise}.{self.name}" if self.exercise else self.name

    def hint_text(self, number: int = 1) -> Text:
        """Return hint ``number`` (1, 2, ...); the last one if there are fewer."""
        if not self.hints:
            return Text("No hint for this question: re-read the lesson's section on it.")
        index = min(max(number, 1), len(self.hints)) - 1
        more = f" (hint {index + 1} of {len(self.hints)})" if len(self.hints) > 1 else ""
        return Text(self.hints[index] + more)

    def hint(self, number: int = 1) -> None:
        """Show hint ``number`` (1, 2, ...); the last one if there are fewer."""
        show(self.hint_text(number))

    def solution_text(self) -> Text:
        """Return code that answers the question, as the instructor's source notebook gives it."""
        from kit.exercises.solutions import solution_code

        code = solution_code(self.exercise, self.name)
        if code is None:
            return Text("The solutions are in the instructor's notebooks (exercises/source/), which are not here: "
                        "ask your instructor.")
        return Text(code)

    def solution(self) -> None:
        """Show code that answers the question."""
        show(self.solution_text())

    def check(self, answer: Any = _NO_ANSWER) -> Result:
        """Return whether ``answer`` is right, with a message that helps without telling."""
        if answer is _NO_ANSWER:
            return Result(self.name, NOT_ATTEMPTED, f"Put your answer in the brackets: {self.call}.check({self.answer_name})")
        if is_placeholder(answer):
            return Result(self.name, NOT_ATTEMPTED, "Replace the ... with your answer, then run the cell again.")
        try:
            return self._check(answer)
        except Exception as error:  # a student's function may raise anything: report, never crash
            return Result(self.name, ERROR, f"Checking your answer raised {type(error).__name__}: {error}")

    def _check(self, answer: Any) -> Result:
        raise NotImplementedError


@dataclass
class ValueQuestion(Question):
    """An answer compared with a value computed live from the corpus.

    ``expected`` is a function returning the right answer; ``feedback`` functions look at a
    wrong answer and return a specific hint, or None.
    """

    expected: Callable[[], Any] = lambda: None
    feedback: Sequence[Callable[[Any, Any], str | None]] = field(default_factory=tuple)

    def _check(self, answer: Any) -> Result:
        expected = self.expected()
        if same(answer, expected):
            return Result(self.name, CORRECT, "Well done.")
        for rule in [type_feedback, *self.feedback, likely_slip, _size_feedback]:  # a wrong kind first
            message = rule(answer, expected)
            if message:
                return Result(self.name, INCORRECT, message)
        return Result(self.name, INCORRECT, f"Not quite. Try {self.call}.hint().")


@dataclass
class FrameQuestion(ValueQuestion):
    """A table answer: same columns and rows, in any order."""

    kind: str = "dataframe"


@dataclass
class ChoiceQuestion(Question):
    """Multiple choice: the answer is one of ``options`` (its letter or its text)."""

    options: dict[str, str] = field(default_factory=dict)
    correct: str = ""
    why_not: dict[str, str] = field(default_factory=dict)
    kind: str = "multiple choice"

    def _check(self, answer: Any) -> Result:
        letter = self._letter(answer)
        if letter is None:
            return Result(self.name, INCORRECT, f"Answer with one letter: {', '.join(self.options)}.")
        if letter == self.correct:
            return Result(self.name, CORRECT, "Well done.")
        return Result(self.name, INCORRECT, self.why_not.get(letter, "Not this one: read the options again."))

    def _letter(self, answer: Any) -> str | None:
        text = normalise_text(answer)
        for letter, option in self.options.items():
            if text in (letter.lower(), f"({letter.lower()})", normalise_text(option)):
                return letter
        return None


@dataclass
class FunctionQuestion(Question):
    """Write a function: it is called on test cases (arguments, expected result)."""

    cases: Callable[[], Sequence[tuple[tuple, Any]]] = lambda: ()
    function_name: str = ""  # the name the student's function must have
    kind: str = "function"

    @property
    def answer_name(self) -> str:
        return self.function_name or self.name

    def _check(self, answer: Any) -> Result:
        if not callable(answer):
            return Result(self.name, INCORRECT, f"Pass the function itself: its name, {self.answer_name}, without "
                                                f"brackets (you passed {describe(answer)}).")
        cases = self.cases()
        for number, (arguments, expected) in enumerate(cases, start=1):
            call = f"{self.answer_name}({', '.join(map(argument_text, arguments))})"
            try:
                got = answer(*arguments)
            except NotImplementedError:
                if number == 1:  # the stub the student notebook starts with
                    return Result(self.name, NOT_ATTEMPTED, "Write the body of the function, then run the cell again.")
                raise
            except Exception as error:
                return Result(self.name, INCORRECT, f"Test {number} of {len(cases)}: {call} raised "
                                                    f"{type(error).__name__}: {error}")
            if not same(got, expected):
                slip = likely_slip(got, expected, function=True)
                return Result(self.name, INCORRECT, f"Test {number} of {len(cases)}: {call} should return "
                                                    f"{value_text(expected)}, but your function returned "
                                                    f"{value_text(got)}." + (f" Likely slip: {slip}" if slip else ""))
        return Result(self.name, CORRECT, f"All {len(cases)} tests pass.")


@dataclass
class ReflectionQuestion(Question):
    """A free-text answer, collected with its rubric for a person to mark."""

    rubric: str = ""
    min_words: int = 20
    kind: str = "reflection"

    def _check(self, answer: Any) -> Result:
        if not isinstance(answer, str) or not answer.strip():
            return Result(self.name, INCORRECT, "Write your answer as text between the quotation marks.")
        words = len(answer.split())
        if words < self.min_words:
            return Result(self.name, TOO_SHORT, f"{words} word{'s' * (words != 1)}: write at least {self.min_words}, "
                                                "giving your reasons.")
        return Result(self.name, COLLECTED, "Saved for your instructor, who marks it against the rubric; "
                                            "nothing is marked automatically.")


def _size_feedback(answer: Any, expected: Any) -> str | None:
    if isinstance(expected, pd.DataFrame) and isinstance(answer, pd.DataFrame):
        if {str(c).lower() for c in answer.columns} != {str(c).lower() for c in expected.columns}:
            return f"The table should have the columns {', '.join(map(str, expected.columns))}."
        if len(answer) != len(expected):
            return f"The table has {len(answer)} rows; check your filter (the answer has a different number)."
        return "The columns are right but some values differ: compare a few rows with the lesson's output."
    if isinstance(expected, (set, frozenset, dict, list)) and hasattr(answer, "__len__"):
        if len(answer) < len(expected):
            return f"You have {len(answer)} item(s); there are more to find."
        if len(answer) > len(expected):
            return f"You have {len(answer)} item(s); some do not belong."
        return "The number of items is right, but not all of them."
    if is_number(expected) and is_number(answer):
        return "Too high: check what you counted." if answer > expected else "Too low: check what you counted."
    return None


@dataclass
class Exercise:
    """The questions of one exercise notebook, in order."""

    name: str
    title: str
    questions: dict[str, Question]

    def __post_init__(self) -> None:
        for question in self.questions.values():
            question.exercise = self.name  # so a question can name itself (ex02.q1) and find its solution

    def __getattr__(self, name: str) -> Question:
        try:
            return self.__dict__["questions"][name]
        except KeyError:
            raise AttributeError(f"{self.__dict__.get('name', 'exercise')} has no question '{name}'") from None

    def grade(self, namespace: dict[str, Any]) -> list[dict[str, Any]]:
        """Return each question's result for the answers in ``namespace`` (answer_q1, q3 ...)."""
        rows = []
        for key, question in self.questions.items():
            answer_name = question.answer_name
            if answer_name not in namespace:
                result = Result(key, NOT_ATTEMPTED, f"no variable named {answer_name}")
            else:
                result = question.check(namespace[answer_name])
            answer = namespace.get(answer_name)
            rows.append({"question": key, "type": question.kind, "status": result.status, "message": result.message,
                         "points": question.points if result.status == CORRECT else 0, "max_points": question.points,
                         "answer": answer if isinstance(question, ReflectionQuestion) and isinstance(answer, str)
                         else ""})
        return rows


def grade_answers(exercise: str, namespace: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the results of exercise ``exercise`` (e.g. "ex02") for a notebook's variables."""
    import importlib

    module = importlib.import_module(f"kit.exercises.{exercise}")
    return module.EXERCISE.grade(namespace)
