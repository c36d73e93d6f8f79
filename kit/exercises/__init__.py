"""Exercises with feedback: ``from kit.exercises import ex02`` then ``ex02.q1.check(answer_q1)``.

Each ``exNN`` module holds the questions of exercise notebook NN (``q1``, ``q2`` ...), with
``hint()``, ``hint(2)``, ``solution()`` and ``check(answer)``. Instructors: see
``exercises/README.md`` for building student versions and grading.
"""

from kit.exercises.core import Exercise, Result, grade_answers

__all__ = ["Exercise", "Result", "grade_answers"]
