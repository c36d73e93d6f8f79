"""Questions that check an answer, give hints and show a solution.

Answers are passed explicitly (``ex02.q1.check(answer_q1)``): there is no hidden binder, so
a question behaves the same in JupyterLab, in a plain Python session and in the grader. A
placeholder answer (``...``) is "not attempted"; a wrong answer gets a specific message
that does not give the answer away. Comparisons are tolerant where a person would be: row
and column order of tables, float rounding, order of sets, case and spacing of text.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

import pandas as pd

CORRECT, INCORRECT, NOT_ATTEMPTED, ERROR, COLLECTED = "correct", "incorrect", "not attempted", "error", "collected"
FLOAT_TOLERANCE = 1e-6
_COLOURS = {CORRECT: "#009E73", INCORRECT: "#D55E00", NOT_ATTEMPTED: "#666666", ERROR: "#D55E00",
            COLLECTED: "#0072B2"}


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
    if isinstance(expected, (set, frozenset)):
        try:
            return {_key(a) for a in answer} == {_key(e) for e in expected}
        except TypeError:
            return False
    if isinstance(expected, dict):
        return isinstance(answer, dict) and {_key(k) for k in answer} == {_key(k) for k in expected} and all(
            any(same(v, expected[k]) for k in expected if _key(k) == _key(a_k)) for a_k, v in answer.items())
    if isinstance(expected, bool) or isinstance(answer, bool):
        return answer is expected or answer == expected
    if isinstance(expected, (int, float)) and isinstance(answer, (int, float)):
        return math.isclose(float(answer), float(expected), rel_tol=FLOAT_TOLERANCE, abs_tol=FLOAT_TOLERANCE)
    if isinstance(expected, str):
        return isinstance(answer, str) and normalise_text(answer) == normalise_text(expected)
    if isinstance(expected, (list, tuple)):
        return isinstance(answer, (list, tuple)) and len(answer) == len(expected) and all(
            same(a, e) for a, e in zip(answer, expected))
    return answer == expected


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


@dataclass
class Question:
    """A question with an expected answer, hints, a solution and wrong-answer feedback."""

    name: str
    prompt: str
    hints: Sequence[str]
    solution_code: str
    kind: str = "value"
    points: int = 1

    def hint(self, number: int = 1) -> Text:
        """Return hint ``number`` (1, 2, ...); the last one if there are fewer."""
        if not self.hints:
            return Text("No hint for this question: re-read the lesson's section on it.")
        index = min(max(number, 1), len(self.hints)) - 1
        more = f" (hint {index + 1} of {len(self.hints)})" if len(self.hints) > 1 else ""
        return Text(self.hints[index] + more)

    def solution(self) -> Text:
        """Return code that answers the question."""
        return Text(self.solution_code)

    def check(self, answer: Any) -> Result:
        """Return whether ``answer`` is right, with a message that helps without telling."""
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
        for rule in list(self.feedback) + [_type_feedback, _size_feedback]:
            message = rule(answer, expected)
            if message:
                return Result(self.name, INCORRECT, message)
        return Result(self.name, INCORRECT, "Not quite. Try hint(1).")


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

    def _check(self, answer: Any) -> Result:
        if not callable(answer):
            return Result(self.name, INCORRECT, "Pass the function itself (its name, without brackets).")
        cases = self.cases()
        for number, (arguments, expected) in enumerate(cases, start=1):
            try:
                got = answer(*arguments)
            except NotImplementedError:
                if number == 1:  # the stub the student notebook starts with
                    return Result(self.name, NOT_ATTEMPTED, "Write the body of the function, then run the cell again.")
                raise
            except Exception as error:
                return Result(self.name, INCORRECT, f"Test {number} of {len(cases)} raised "
                                                    f"{type(error).__name__}: {error}")
            if not same(got, expected):
                return Result(self.name, INCORRECT, f"Test {number} of {len(cases)} gave a different result. "
                                                    f"Check your function on that input step by step.")
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
            return Result(self.name, INCORRECT, f"{words} words so far: give your reasons in at least "
                                                f"{self.min_words} words.")
        return Result(self.name, COLLECTED, "Saved for your instructor, who marks it against the rubric; "
                                            "nothing is marked automatically.")


def _type_feedback(answer: Any, expected: Any) -> str | None:
    if isinstance(expected, pd.DataFrame) and not isinstance(answer, pd.DataFrame):
        return "The answer should be a table (a pandas DataFrame)."
    if isinstance(expected, (set, frozenset)) and not isinstance(answer, (set, frozenset, list, tuple)):
        return "The answer should be a set of values, like {\"a\", \"b\"}."
    if isinstance(expected, dict) and not isinstance(answer, dict):
        return "The answer should be a dictionary, like {\"key\": value}."
    if isinstance(expected, (int, float)) and not isinstance(expected, bool) and not isinstance(answer, (int, float)):
        return "The answer should be a number."
    if isinstance(expected, str) and not isinstance(answer, str):
        return "The answer should be text (a string in quotation marks)."
    return None


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
    if isinstance(expected, (int, float)) and isinstance(answer, (int, float)):
        return "Too high: check what you counted." if answer > expected else "Too low: check what you counted."
    return None


@dataclass
class Exercise:
    """The questions of one exercise notebook, in order."""

    name: str
    title: str
    questions: dict[str, Question]

    def __getattr__(self, name: str) -> Question:
        try:
            return self.__dict__["questions"][name]
        except KeyError:
            raise AttributeError(f"{self.__dict__.get('name', 'exercise')} has no question '{name}'") from None

    def grade(self, namespace: dict[str, Any]) -> list[dict[str, Any]]:
        """Return each question's result for the answers in ``namespace`` (answer_q1, q3 ...)."""
        rows = []
        for key, question in self.questions.items():
            answer_name = (question.function_name or key) if isinstance(question, FunctionQuestion) else f"answer_{key}"
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
