"""JupyterLab in a real browser, started as `make lab` starts it, on a copy of the repository.

The copy holds the files a fresh clone has (git's tracked files, as they are in the working
tree), committed in a repository of its own, so "unchanged" means what it means to a student:
`git status` says nothing. The lab runs with tools/jupyter_lab_config.py, as `make lab` does,
plus a fixed port and token, a throw-away Jupyter folder (so the student workspace is new) and
``window.jupyterapp`` for the test to read; Debian's headless Chromium drives it with real
mouse clicks (tests/chromium.py). A screenshot of the landing page is saved in test-output/.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest

from chromium import EXECUTABLE, Chromium
from conftest import REPO

OUTPUT = REPO / "test-output"
LESSONS = sorted(p.name for p in (REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))
EXERCISES = sorted(p.name for p in (REPO / "exercises" / "student").glob("[0-9][0-9]_*.ipynb"))
WITH_EXERCISE = [name for name in LESSONS if name in EXERCISES]
START_SECONDS = 90
KERNEL_SECONDS = 120
GIT = ["git", "-c", "user.name=browser test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"]

pytestmark = [
    pytest.mark.localhost,
    pytest.mark.skipif(EXECUTABLE is None, reason="Chromium is not installed: .ci/run installs Debian's chromium with "
                                                  "apt-get; where apt is unavailable the browser test is skipped"),
    pytest.mark.skipif(shutil.which("git") is None, reason="git is needed to copy and compare the repository"),
]


def widget(path: str) -> str:
    """Return JavaScript for the open document at ``path`` (undefined if it is not open)."""
    return f"[...jupyterapp.shell.widgets('main')].find(w => w.context && w.context.path === {json.dumps(path)})"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    """A copy of the repository's files, committed in a git repository of its own."""
    folder = tmp_path_factory.mktemp("clone")
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO,
                            check=True, capture_output=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        if (REPO / name).is_file():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, folder / name)
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "as cloned"]):
        subprocess.run(GIT + command, cwd=folder, check=True, capture_output=True)
    return folder


@pytest.fixture(scope="module")
def lab(clone: Path, tmp_path_factory) -> Iterator[str]:
    """JupyterLab as `make lab` starts it, in ``clone``; yields the address to open (with its token)."""
    home = tmp_path_factory.mktemp("jupyter")
    settings = home / "config" / "lab" / "user-settings" / "@jupyterlab" / "docmanager-extension"
    settings.mkdir(parents=True)
    # Save a changed document after 1 s (JupyterLab's default is 2 minutes), so a change cannot hide.
    (settings / "plugin.jupyterlab-settings").write_text('{"autosaveInterval": 1}', encoding="utf-8")
    port, token = free_port(), secrets.token_hex(16)
    command = [str(Path(sys.executable).parent / "jupyter"), "lab", "--config=tools/jupyter_lab_config.py",
               "--no-browser", f"--ServerApp.port={port}", f"--IdentityProvider.token={token}",
               "--LabApp.expose_app_in_browser=True"]
    if os.geteuid() == 0:
        command.append("--allow-root")
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(home / "config"), "JUPYTER_RUNTIME_DIR": str(home / "runtime")}
    log_path = home / "lab.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(command, cwd=clone, stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_SECONDS
    while True:
        try:
            with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2):
                break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                pytest.fail(f"JupyterLab did not start: {log_path.read_text()[-2000:]}")
            time.sleep(0.5)
    yield f"{base}/?token={token}"
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()


@pytest.fixture(scope="module")
def browser(lab: str, tmp_path_factory) -> Iterator[Chromium]:
    """Chromium with the lab's first page open, as a student sees it after `make lab`."""
    with Chromium(tmp_path_factory.mktemp("profile")) as chromium:
        chromium.open(lab)
        chromium.wait_for("window.jupyterapp !== undefined && document.querySelector('.jp-DirListing-item') !== null",
                          timeout=START_SECONDS, what="JupyterLab and its file browser")
        yield chromium


def open_document(browser: Chromium, path: str) -> None:
    """Open ``path`` in the lab and wait until it shows and its kernel (for a notebook) is idle."""
    browser.evaluate(f"jupyterapp.commands.execute('docmanager:open', {{path: {json.dumps(path)}}}).then(() => true)")
    wait_until_open(browser, path)


def wait_until_open(browser: Chromium, path: str) -> None:
    found = widget(path)
    browser.wait_for(f"(w => w && w.context.isReady && w.content.widgets && w.content.widgets.length)({found})",
                     what=f"{path} to open")
    browser.wait_for(f"({found}).sessionContext.session?.kernel?.status === 'idle'", timeout=KERNEL_SECONDS,
                     what=f"the kernel of {path}")


def close_everything(browser: Chromium) -> None:
    """Shut down the kernels of the open notebooks and close every tab; fail if JupyterLab asks to save."""
    browser.evaluate("Promise.all([...jupyterapp.shell.widgets('main')].filter(w => w.sessionContext)"
                     ".map(w => w.sessionContext.shutdown())).then(() => true)")
    browser.evaluate("jupyterapp.commands.execute('application:close-all').then(() => true)")
    time.sleep(0.5)
    dialog = browser.evaluate("document.querySelector('.jp-Dialog')?.innerText || ''")
    assert not dialog, f"closing asked: {dialog}"
    browser.wait_for("![...jupyterapp.shell.widgets('main')].some(w => w.context)", what="every document to close")


def listing(browser: Chromium) -> list[str]:
    """Return the names the file browser lists."""
    return browser.evaluate("[...document.querySelectorAll('.jp-DirListing-item .jp-DirListing-itemName')]"
                            ".map(e => e.textContent)")


def test_does_make_lab_land_on_lesson_00_with_the_exercises_beside_the_lessons(browser):
    wait_until_open(browser, "notebooks/00_start_here.ipynb")
    browser.wait_for("document.querySelector('.jp-MarkdownOutput h1')?.textContent.includes('00 · Start here')",
                     what="the lesson's title")
    names = listing(browser)
    assert {"notebooks", "exercises"} <= set(names)
    assert not {"tests", "tools", "benchmarks", "Makefile", "conftest.py"} & set(names), names
    OUTPUT.mkdir(exist_ok=True)
    browser.screenshot(OUTPUT / "jupyterlab_landing.png")
    browser.double_click(".jp-DirListing-item[title*='exercises']")  # a student opens the exercises folder
    browser.wait_for("document.querySelector('.jp-BreadCrumbs')?.textContent.includes('exercises')",
                     what="the exercises folder")
    browser.wait_for("[...document.querySelectorAll('.jp-DirListing-itemName')].some(e => e.textContent === 'student')",
                     what="exercises/student in the file browser")
    assert "source" not in listing(browser), "the instructor's sources (with the solutions) are listed"
    browser.evaluate("jupyterapp.commands.execute('filebrowser:go-to-path', {path: '/'}).then(() => true)")
    close_everything(browser)


@pytest.mark.parametrize("lesson", WITH_EXERCISE)
def test_does_the_exercise_link_at_the_end_of_the_lesson_open_the_exercise(browser, lesson):
    open_document(browser, f"notebooks/{lesson}")
    browser.click(f".jp-RenderedMarkdown a[href*='/exercises/student/{lesson}']")  # as a student clicks it
    wait_until_open(browser, f"exercises/student/{lesson}")
    heading = browser.wait_for(f"({widget('exercises/student/' + lesson)}).node.querySelector('h1')?.textContent",
                               what="the exercise's title")
    assert heading.startswith(f"Exercise {lesson[:2]}")
    close_everything(browser)


def test_are_lessons_and_exercises_unchanged_in_git_after_opening_saving_and_closing(browser, clone):
    for path in [f"notebooks/{name}" for name in LESSONS] + [f"exercises/student/{name}" for name in EXERCISES]:
        open_document(browser, path)
        time.sleep(1.5)  # past the 1 s autosave: a document JupyterLab changed on opening is saved now
        browser.evaluate(f"({widget(path)}).context.save().then(() => true)")  # and as Ctrl+S saves it
        close_everything(browser)
    status = subprocess.run(["git", "status", "--porcelain"], cwd=clone, check=True, capture_output=True, text=True)
    assert status.stdout == "", f"changed by opening them in JupyterLab:\n{status.stdout}"
