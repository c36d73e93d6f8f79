"""Run one submitted notebook inside the grading sandbox and export its answers as plain data.

This is the only program the grader starts in a sandbox (``python -m kit.exercises.runner``).
Before any student code runs it drops root (when it has it), sets its limits (memory,
processes, CPU time) and reads the grader's plan: the notebook's code cells, the answer
variables to export and, for each function question, the test inputs. It then runs the
cells with IPython, each with a time limit that interrupts the cell and moves on, calls the
student's functions on the test inputs, and writes one JSON document of plain data (see
``kit.exercises.plain``) to the file descriptor the grader reads. It never grades: the
checks run in the grader, which trusts nothing this process says beyond "these are the
values".
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import resource
import signal
import sys
import time
from typing import Any, Callable, Sequence

from kit.exercises.plain import to_plain

EXPORT_VERSION = 1
REARM_SECONDS = 1.0  # a cell that swallows the interruption is interrupted again this often
CELL_SHARE = 0.8  # of the notebook's time for its cells; the rest is for the function tests and the export


class TimeLimit(BaseException):
    """Raised into the running cell when its time is up (BaseException: ``except Exception`` won't catch it)."""


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    """Return the runner's options (given by the grader, never by a student)."""
    parser = argparse.ArgumentParser(prog="python -m kit.exercises.runner")
    parser.add_argument("--plan", required=True, help="pickled plan written by the grader")
    parser.add_argument("--export-fd", type=int, required=True, help="file descriptor the grader reads")
    parser.add_argument("--uid", type=int, help="unprivileged user to become when started as root")
    parser.add_argument("--memory", type=int, required=True, help="address-space limit in bytes")
    parser.add_argument("--processes", type=int, required=True, help="processes and threads allowed")
    parser.add_argument("--cpu-seconds", type=int, required=True, help="CPU time allowed")
    return parser.parse_args(argv)


def drop_root(uid: int | None) -> None:
    """Become ``uid`` (group too, no supplementary groups) if running as root."""
    if os.getuid() != 0 or uid is None:
        return
    os.setgroups([])
    os.setgid(uid)
    os.setuid(uid)
    if os.getuid() == 0 or os.geteuid() == 0:
        raise SystemExit("the runner could not drop root")


def set_limits(memory: int, processes: int, cpu_seconds: int) -> None:
    """Limit this process and every process it starts (they inherit the limits)."""
    for limit, value in ((resource.RLIMIT_AS, memory), (resource.RLIMIT_NPROC, processes),
                         (resource.RLIMIT_CPU, cpu_seconds), (resource.RLIMIT_CORE, 0)):
        hard = resource.getrlimit(limit)[1]
        value = value if hard == resource.RLIM_INFINITY else min(value, hard)
        resource.setrlimit(limit, (value, value))


def on_alarm(signum: int, frame: Any) -> None:
    """Interrupt whatever runs with ``TimeLimit``."""
    raise TimeLimit()


class Deadline:
    """A time limit for one step: it interrupts the step with ``TimeLimit`` when it runs out."""

    def __init__(self, seconds: float):
        self.seconds = max(seconds, 0.01)

    def __enter__(self) -> "Deadline":
        signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, self.seconds, REARM_SECONDS)
        return self

    def __exit__(self, *exc_info: Any) -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)


def make_shell():
    """Return an IPython shell like a notebook's: magics work, no history file, no colours."""
    from IPython.core.interactiveshell import InteractiveShell
    from traitlets.config import Config

    class GradingShell(InteractiveShell):
        def enable_gui(self, gui=None):  # %matplotlib inline needs no event loop
            return None

    config = Config()
    config.HistoryManager.enabled = False
    config.InteractiveShell.colors = "nocolor"
    return GradingShell.instance(config=config)


def watch_solutions() -> list[str]:
    """Return a list that fills with the names of the questions whose solution() is called."""
    from kit.exercises import core

    calls: list[str] = []
    shown = core.Question.solution

    def solution(self):
        calls.append(str(self.name))
        return shown(self)

    core.Question.solution = solution
    return calls


def run_cells(shell, cells: list[str], cell_timeout: float, until: float) -> dict:
    """Run each code cell with its time limit; return what went wrong (errors, cells stopped or skipped).

    "skipped" counts the cells the notebook's time did not reach or cut short.
    """
    notes = {"errors": [], "timeouts": 0, "skipped": 0}
    for source in cells:
        left = until - time.monotonic()
        if left <= 0:
            notes["skipped"] += 1
            continue
        error = run_cell(shell, source, min(cell_timeout, left))
        if isinstance(error, TimeLimit):
            notes["timeouts" if cell_timeout <= left else "skipped"] += 1
        elif error is not None:
            notes["errors"].append(type(error).__name__[:80])
    return notes


def run_cell(shell, source: str, seconds: float) -> BaseException | None:
    """Run one cell within ``seconds``; return the exception it ended with, if any."""
    try:
        with Deadline(seconds):
            result = shell.run_cell(source, store_history=True)
        return result.error_before_exec or result.error_in_exec
    except BaseException as error:  # raised outside the cell's own code (e.g. the alarm between steps)
        return error


def call_cases(function: Callable, cases: list[bytes], seconds: float, until: float) -> list[dict]:
    """Return the outcome of ``function`` on each pickled case: its value, or the error it raised."""
    outcomes = []
    for case in cases:
        left = until - time.monotonic()
        if left <= 0:
            outcomes.append({"raised": "TimeoutError", "message": "not run: the notebook's time ran out"})
            break
        try:
            with Deadline(min(seconds, left)):
                value = function(*pickle.loads(case))
                outcome = {"value": _plain(value)}
        except TimeLimit:
            outcome = {"raised": "TimeoutError", "message": f"stopped after {seconds:g} s"}
        except BaseException as error:
            outcome = {"raised": type(error).__name__[:80], "message": _message(error)}
        outcomes.append(outcome)
        if "raised" in outcome:  # the grader's check stops at the first error
            break
    return outcomes


def _plain(value: Any) -> Any:
    """Return ``value`` as plain data."""
    return to_plain(value)


def _message(error: BaseException) -> str:
    """Return an error's message, shortened; "" if even that fails."""
    try:
        return str(error)[:300]
    except BaseException:
        return ""


def export_answers(namespace: dict, plan: dict, until: float) -> dict:
    """Return the answer variables and the function outcomes the plan asks for, as plain data."""
    answers, functions = {}, {}
    for name in plan["answers"]:
        if name in namespace:
            answers[name] = _within(lambda: _plain(namespace[name]), until)
    for name, cases in plan["functions"].items():
        if name not in namespace:
            continue
        value = namespace[name]
        if callable(value):
            functions[name] = {"callable": True, "calls": call_cases(value, cases, plan["cell_timeout"], until)}
        else:
            functions[name] = {"callable": False, "value": _within(lambda: _plain(value), until)}
    return {"answers": answers, "functions": functions}


def _within(step: Callable[[], Any], until: float) -> Any:
    """Return ``step()``, or an unsupported marker if it fails or runs past ``until``."""
    try:
        with Deadline(until - time.monotonic()):
            return step()
    except BaseException:
        return {"$unsupported": "could not be read in time"}


def write_all(fd: int, data: bytes) -> None:
    """Write every byte of ``data`` to ``fd``."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def main(argv: Sequence[str] | None = None) -> None:
    """Run the plan's notebook and write its export; the process ends here (no atexit hooks)."""
    options = parse_arguments(argv)
    drop_root(options.uid)
    set_limits(options.memory, options.processes, options.cpu_seconds)
    started = time.monotonic()
    with open(options.plan, "rb") as handle:
        plan = pickle.load(handle)
    export_fd = os.dup(options.export_fd)  # a cell that closes the original does not close the channel
    os.close(options.export_fd)
    budget = plan["notebook_timeout"]
    shell = make_shell()
    solutions = watch_solutions()
    notes = run_cells(shell, plan["cells"], plan["cell_timeout"], started + CELL_SHARE * budget)
    signal.signal(signal.SIGALRM, on_alarm)  # a cell may have replaced the handler
    export = export_answers(dict(shell.user_ns), plan, started + budget)
    export.update(version=EXPORT_VERSION, notes=notes, solutions=sorted(set(solutions)))
    try:
        sys.stdout.flush()
    except BaseException:
        pass
    write_all(export_fd, json.dumps(export).encode("utf-8"))
    os._exit(0)


if __name__ == "__main__":
    main()
