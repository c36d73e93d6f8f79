"""Run one submission in a bubblewrap sandbox and collect what it exports, within limits.

The sandbox (``bwrap``, the tool Flatpak uses) gives the notebook's code its own view of the
machine: the Python environment, the kit and the seed articles read-only, a fresh size-capped
``/tmp`` holding only its own copy of the notebook, a new ``/proc`` and PID namespace (it sees
no other process), no network, no environment variables of the grader's, and, when the grader
runs as root, an unprivileged user of its own. Inside, ``kit.exercises.runner`` runs the cells
and writes the answers as plain JSON to a pipe that only this module reads. The grader kills
the whole sandbox when the notebook's time is up, when it prints more than the output limit
or sends more than ``MAX_EXPORT_BYTES``; the PID namespace takes every process it started
with it (``--die-with-parent``).

``unsafe=True`` runs the same runner as a plain subprocess, with the same limits on memory,
time and output but without the sandbox: for trusted submissions only.
"""

from __future__ import annotations

import math
import os
import secrets
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

MAX_EXPORT_BYTES = 32 * 2**20
TMP_BYTES = 64 * 2**20  # the sandbox's /tmp and /dev/shm, each
STARTUP_GRACE = 5.0  # seconds for Python to start and the answers to be written, beyond the notebook's time
EXIT_GRACE = 1.0  # seconds the pipes may stay open after the runner ended
POLL_SECONDS = 0.5
SANDBOX_PLAN, SANDBOX_HOME = "/grading/plan.pkl", "/tmp"
NOTEBOOK_NAME = "submission.ipynb"
INSTALL_HINT = ("Grading runs each submission in a bubblewrap sandbox so that it cannot read other submissions, "
                "the instructor's files or the grader's settings, or change the grades. Install bubblewrap "
                "(Debian/Ubuntu: apt-get install bubblewrap), or pass --unsafe to grade without a sandbox, "
                "for trusted submissions only.")


@dataclass(frozen=True)
class Limits:
    """What one notebook may use; every value must be positive."""

    cell_timeout: float = 60.0  # seconds per cell (and per call of a student's function)
    notebook_timeout: float = 300.0  # seconds for the whole notebook
    memory_mb: int = 2048  # address space of each process, in MiB
    processes: int = 16  # processes and threads at once
    output_mb: float = 20.0  # printed output, in MB

    def problems(self) -> list[str]:
        """Return a sentence for each limit that is not a positive number."""
        return [f"{name} must be a positive number (got {value!r})" for name, value in vars(self).items()
                if not isinstance(value, (int, float)) or isinstance(value, bool) or not value > 0
                or not math.isfinite(value)]


@dataclass(frozen=True)
class Run:
    """What came back from one notebook: the bytes it exported, or why they cannot be used."""

    export: bytes
    failure: str  # "" when the run ended normally
    seconds: float


class SandboxUnavailable(RuntimeError):
    """Raised when no sandbox can be had; the message says why and what to do."""


def bwrap_path() -> str | None:
    """Return the bubblewrap executable on PATH, if any."""
    return shutil.which("bwrap")


def read_only_paths() -> list[str]:
    """Return what the sandbox sees read-only: the Python installation, the venv, the kit, the seeds."""
    import kit
    from kit.corpus import SEEDS_DIR

    candidates = {sys.base_prefix, sys.prefix, sys.exec_prefix, os.path.dirname(kit.__file__), str(SEEDS_DIR)}
    existing = {os.path.abspath(path) for path in candidates if os.path.isdir(path)}
    return sorted(existing, key=lambda path: (path.count(os.sep), path))  # parents before children


def parent_folders(paths: list[str]) -> list[str]:
    """Return the folders above ``paths`` (not "/" or /usr), parents first."""
    folders = {str(parent) for path in paths for parent in Path(path).parents
               if str(parent) not in ("/", "/tmp") and not str(parent).startswith("/usr")}
    return sorted(folders, key=lambda folder: (folder.count(os.sep), folder))


def system_mounts() -> list[str]:
    """Return bwrap arguments for /usr and the top-level links or folders that point into it."""
    arguments = ["--ro-bind", "/usr", "/usr"]
    for name in ("bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        path = f"/{name}"
        if os.path.islink(path):
            arguments += ["--symlink", os.readlink(path), path]
        elif os.path.isdir(path):
            arguments += ["--ro-bind", path, path]
    for path in ("/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/localtime"):
        arguments += ["--ro-bind-try", path, path]
    return arguments


def bwrap_command(bwrap: str, root: bool, plan_fd: int | None = None, notebook_fd: int | None = None) -> list[str]:
    """Return the bwrap command line up to the program to run inside."""
    command = [bwrap, "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
               "--hostname", "grading", "--die-with-parent", "--new-session"]
    if root:  # keep only what the runner needs to become an unprivileged user; it drops these too
        command += ["--cap-drop", "ALL", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
    else:
        command += ["--unshare-user", "--disable-userns"]
    command += system_mounts()
    command += ["--proc", "/proc", "--dev", "/dev",
                "--perms", "1777", "--size", str(TMP_BYTES), "--tmpfs", "/dev/shm", "--remount-ro", "/dev",
                "--perms", "1777", "--size", str(TMP_BYTES), "--tmpfs", "/tmp"]
    paths = read_only_paths()  # after /tmp, so that a venv or kit kept under /tmp is not hidden by it
    for folder in parent_folders(paths):  # bwrap would create them readable by root only
        command += ["--perms", "0755", "--dir", folder]
    for path in paths:
        command += ["--ro-bind", path, path]
    if plan_fd is not None:
        command += ["--perms", "0444", "--ro-bind-data", str(plan_fd), SANDBOX_PLAN]
    if notebook_fd is not None:
        command += ["--perms", "0644", "--file", str(notebook_fd), f"{SANDBOX_HOME}/{NOTEBOOK_NAME}"]
    return command + ["--chdir", SANDBOX_HOME, "--remount-ro", "/"]


def runner_command(plan: str, export_fd: int, limits: Limits, uid: int | None) -> list[str]:
    """Return the command that starts ``kit.exercises.runner`` with the grader's limits."""
    command = [sys.executable, "-m", "kit.exercises.runner", "--plan", plan, "--export-fd", str(export_fd),
               "--memory", str(limits.memory_mb * 2**20), "--processes", str(limits.processes),
               "--cpu-seconds", str(math.ceil(limits.notebook_timeout + STARTUP_GRACE))]
    return command + (["--uid", str(uid)] if uid is not None else [])


def environment(home: str) -> dict[str, str]:
    """Return the whole environment of the notebook's process: nothing of the grader's."""
    import kit

    return {"PATH": f"{os.path.dirname(sys.executable)}:/usr/local/bin:/usr/bin:/bin", "HOME": home, "TMPDIR": home,
            "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "dumb",
            "PYTHONPATH": os.path.dirname(os.path.dirname(os.path.abspath(kit.__file__))),
            "PYTHONNOUSERSITE": "1", "PYTHONDONTWRITEBYTECODE": "1", "PYTHONSAFEPATH": "1", "PYTHONHASHSEED": "0",
            "MPLBACKEND": "Agg", "MPLCONFIGDIR": f"{home}/.matplotlib", "IPYTHONDIR": f"{home}/.ipython",
            "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "NUMEXPR_NUM_THREADS": "1"}


def sandbox_problem() -> str | None:
    """Return why no sandbox can be had here (with what to do about it), or None when it works."""
    bwrap = bwrap_path()
    if bwrap is None:
        return f"bubblewrap (bwrap) is not installed. {INSTALL_HINT}"
    root = os.geteuid() == 0
    probe = ("import os, sys; from kit.exercises.runner import drop_root; "
             f"drop_root({_sandbox_uid() if root else None}); import kit.exercises.plain")
    try:
        result = subprocess.run(bwrap_command(bwrap, root) + [sys.executable, "-c", probe], env=environment("/tmp"),
                                stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"bubblewrap could not start a sandbox here ({error}). {INSTALL_HINT}"
    if result.returncode != 0:
        reason = (result.stderr.strip().splitlines() or [f"exit status {result.returncode}"])[-1]
        return f"bubblewrap could not start a sandbox here ({reason}). {INSTALL_HINT}"
    return None


def _sandbox_uid() -> int:
    """Return an unused-looking user id, so that two sandboxes never share a process count."""
    return 2**20 + secrets.randbelow(2**30)


def _memfd(name: str, data: bytes) -> int:
    """Return a file descriptor of an in-memory file holding ``data``, read from its start."""
    fd = os.memfd_create(name)
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
    os.lseek(fd, 0, os.SEEK_SET)
    return fd


def run_notebook(plan: bytes, notebook: bytes, limits: Limits, unsafe: bool = False) -> Run:
    """Run one notebook (sandboxed unless ``unsafe``) and return what it exported or why it failed."""
    started = time.monotonic()
    export_read, export_write = os.pipe()
    output_read, output_write = os.pipe()
    own_fds, workdir = [export_write, output_write], None
    try:
        if unsafe:
            workdir = tempfile.mkdtemp(prefix="kit-grade-")
            Path(workdir, "plan.pkl").write_bytes(plan)
            Path(workdir, NOTEBOOK_NAME).write_bytes(notebook)
            command = runner_command(str(Path(workdir, "plan.pkl")), export_write, limits, None)
            passed, cwd, home = (export_write,), workdir, workdir
        else:
            bwrap = bwrap_path()
            if bwrap is None:
                raise SandboxUnavailable(f"bubblewrap (bwrap) is not installed. {INSTALL_HINT}")
            plan_fd, notebook_fd = _memfd("plan", plan), _memfd("notebook", notebook)
            own_fds += [plan_fd, notebook_fd]
            root = os.geteuid() == 0
            command = (bwrap_command(bwrap, root, plan_fd, notebook_fd)
                       + runner_command(SANDBOX_PLAN, export_write, limits, _sandbox_uid() if root else None))
            passed, cwd, home = (export_write, plan_fd, notebook_fd), "/", SANDBOX_HOME
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=output_write, stderr=output_write,
                                   pass_fds=passed, cwd=cwd, env=environment(home), start_new_session=True)
        for fd in own_fds:
            os.close(fd)
        own_fds = []
        export, failure = _collect(process, export_read, output_read, limits,
                                   started + limits.notebook_timeout + STARTUP_GRACE)
        return Run(export, failure, time.monotonic() - started)
    finally:
        for fd in own_fds + [export_read, output_read]:
            os.close(fd)
        if workdir:
            shutil.rmtree(workdir, ignore_errors=True)


def _collect(process: subprocess.Popen, export_fd: int, output_fd: int, limits: Limits,
             deadline: float) -> tuple[bytes, str]:
    """Read the export and drain the printed output until both close; return (export, failure).

    Whatever the run leaves behind (in ``--unsafe`` mode a process it started may hold the pipes
    open) is killed once the runner has ended and had ``EXIT_GRACE`` seconds to flush.
    """
    export, printed, failure, ended = bytearray(), 0, "", None
    with selectors.DefaultSelector() as selector:
        selector.register(export_fd, selectors.EVENT_READ, "export")
        selector.register(output_fd, selectors.EVENT_READ, "output")
        while selector.get_map() and not failure:
            now = time.monotonic()
            ended = ended or (now if _has_ended(process) else None)
            if ended is not None and now - ended > EXIT_GRACE:
                break
            if now >= deadline:
                failure = f"did not finish within {limits.notebook_timeout:g} s (the time limit per notebook)"
                break
            for key, _ in selector.select(timeout=min(deadline - now, POLL_SECONDS)):
                chunk = os.read(key.fd, 2**16)
                if not chunk:
                    selector.unregister(key.fd)
                elif key.data == "export":
                    export += chunk
                    if len(export) > MAX_EXPORT_BYTES:
                        failure = f"sent more than {MAX_EXPORT_BYTES // 2**20} MB of answers"
                else:  # printed output is counted, never kept: nothing a submission prints is trusted
                    printed += len(chunk)
                    if printed > limits.output_mb * 1e6:
                        failure = f"printed more than {limits.output_mb:g} MB (the output limit)"
    _kill(process)  # before it is reaped, so that its process group id cannot have been reused
    status = process.wait()
    if not failure and not export:
        failure = _ended_early(status)
    return bytes(export), failure


def _has_ended(process: subprocess.Popen) -> bool:
    """Has ``process`` exited? (Checked without reaping it, so its process group stays ours to kill.)"""
    try:
        return os.waitid(os.P_PID, process.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None
    except ChildProcessError:
        return True


def _ended_early(status: int) -> str:
    """Return why a run that sent no answers ended, from its exit status."""
    if status < 0 or status > 128:
        number = -status if status < 0 else status - 128
        try:
            name = signal.Signals(number).name
        except ValueError:
            name = f"signal {number}"
        return f"the notebook's process was killed ({name}) before it sent its answers"
    return f"the notebook ended the grading process (exit status {status}) before it sent its answers"


def _kill(process: subprocess.Popen) -> None:
    """Kill the process group started for one notebook; the sandbox's PID namespace goes with it."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
