"""Lay out the instructor notebooks exercises/source/NN_<topic>.ipynb from kit/exercises/exNN.py.

A development tool: it writes each question (prompt, options, the check call, the mark scheme
of reflection questions) from the question module and executes the notebook so its outputs
can be compared by nbval. The solutions are not in the modules: they are kept from the
source notebooks themselves (``kit.exercises.solutions``), the one place they are written; a
question that has none yet gets a placeholder to fill in. Instructors may edit the sources
directly instead; then re-run them with ``tools/exercises/run_sources.py`` and build student
versions with ``python -m kit exercises build``.

    .venv/bin/python tools/exercises/build_sources.py
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "notebooks"))
from common import REPO, build, code, md  # noqa: E402

from kit.exercises.core import ChoiceQuestion, FunctionQuestion, ReflectionQuestion  # noqa: E402
from kit.exercises.solutions import solution_code  # noqa: E402

SOURCE = REPO / "exercises" / "source"
EXERCISES = {
    "ex01": ("01_the_corpus", "20"), "ex02": ("02_source_criticism", "25"), "ex03": ("03_attribution", "25"),
    "ex04": ("04_naming_and_framing", "25"), "ex05": ("05_claims_and_numbers", "25"),
}
KIND_NAMES = {"value": "answer", "dataframe": "table", "function": "function", "multiple choice": "multiple choice",
              "reflection": "written answer, marked by your instructor"}


def intro(exercise, module_name: str, lesson: str, minutes: str) -> list:
    return [
        md(f"# Exercise {exercise.title}\n\n**Time:** about {minutes} minutes · goes with the lesson "
           f"[{exercise.title}](../../notebooks/{lesson}.ipynb)\n\n"
           "**How it works.** Each question has a cell where you replace `...` with your answer, then run the "
           f"cell: `{module_name}.q1.check(answer_q1)` tells you whether it is right. Stuck? Run "
           f"`{module_name}.q1.hint()`, then `{module_name}.q1.hint(2)`; `{module_name}.q1.solution()` shows one "
           "answer. Written answers are saved for your instructor and not marked automatically."),
        code(f"import math\n\nimport pandas as pd\n\nimport kit\nfrom kit.exercises import {module_name}\n\n"
             "corpus = kit.load_corpus()"),
    ]


def kept_solution(module_name: str, key: str, question) -> str:
    """Return the question's solution as its source notebook has it, or a placeholder to fill in."""
    kept = solution_code(module_name, key, SOURCE)
    if kept is not None:
        return kept
    print(f"{module_name}.{key} has no solution yet: write it in its source notebook, then run it")
    if isinstance(question, FunctionQuestion):
        return f"def {question.function_name}(*arguments):\n    raise NotImplementedError()"
    return f"{question.answer_name} = ...  # the right answer"


def choice_format(key: str, letters: list[str]) -> str:
    """Return how to write a choice, naming every letter so that none is suggested."""
    listed = ", ".join(f'`"{letter}"`' for letter in letters[:-1]) + f' or `"{letters[-1]}"`'
    return f"Write the letter of your choice in quotation marks after `answer_{key} =` (one of {listed})."


def question_cells(module_name: str, key: str, question) -> list:
    points = f"{question.points} point{'s' * (question.points != 1)}"
    prompt = f"## Question {key[1:]} ({KIND_NAMES.get(question.kind, question.kind)}, {points})\n\n{question.prompt}"
    code_text = kept_solution(module_name, key, question)
    if isinstance(question, ChoiceQuestion):
        prompt += "\n\n" + "\n".join(f"- **{letter}**: {text}" for letter, text in question.options.items())
        prompt += "\n\n" + choice_format(key, list(question.options))
    if isinstance(question, ReflectionQuestion):
        prompt += (f"\n\nWrite at least {question.min_words} words between the triple quotation marks: "
                   f"`answer_{key} = \"\"\"...\"\"\"`.\n\n=== BEGIN MARK SCHEME ===\n**Rubric:** {question.rubric}\n"
                   "=== END MARK SCHEME ===")
    if isinstance(question, FunctionQuestion):
        header, body = code_text.split("\n", 1)
        solution = f"{header}\n    ### BEGIN SOLUTION\n{body}\n    ### END SOLUTION\n\n"
        check = f"{module_name}.{key}.check({question.function_name})"
    else:
        solution = f"### BEGIN SOLUTION\n{code_text}\n### END SOLUTION\n"
        check = f"{module_name}.{key}.check(answer_{key})"
    return [md(prompt), code(solution + check)]


def main() -> None:
    SOURCE.mkdir(parents=True, exist_ok=True)
    for module_name, (notebook, minutes) in EXERCISES.items():
        exercise = importlib.import_module(f"kit.exercises.{module_name}").EXERCISE
        cells = intro(exercise, module_name, notebook, minutes)
        for key, question in exercise.questions.items():
            cells += question_cells(module_name, key, question)
        cells.append(md("## When you are done\n\nRun every cell from the top (Kernel › Restart and run all) to "
                        "check that all your answers still pass, then save the notebook and hand it in."))
        build(notebook, cells, folder=SOURCE)


if __name__ == "__main__":
    main()
