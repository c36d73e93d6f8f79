"""JupyterLab in a real browser: does the first lesson render?

Starts JupyterLab headless on 127.0.0.1 and opens notebooks/00_start_here.ipynb in Debian's
Chromium. The screenshot is saved under test-output/ for a person to look at.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import REPO

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
OUTPUT = REPO / "test-output"
TITLE = "00 · Start here: Reading the Raids"
# Headless Chromium as root, with no calls home (this machine, like many classrooms, is offline).
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--window-size=1400,1000", "--virtual-time-budget=30000"]
LAB_FLAGS = ["--no-browser", "--ServerApp.ip=127.0.0.1", "--LabApp.news_url=None",
             "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate", "--LabApp.extension_manager=readonly"]
START_TIMEOUT_SECONDS = 60


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def lab(tmp_path: Path):
    """A JupyterLab server on notebooks/, stopped after the test; yields its base URL and token."""
    port, token = free_port(), secrets.token_hex(16)
    command = [sys.executable, "-m", "jupyter", "lab", *LAB_FLAGS, f"--ServerApp.port={port}",
               f"--ServerApp.token={token}", f"--ServerApp.root_dir={REPO / 'notebooks'}",
               f"--LabApp.workspaces_dir={tmp_path / 'workspaces'}",
               f"--LabApp.user_settings_dir={tmp_path / 'settings'}"]
    if os.geteuid() == 0:
        command.append("--allow-root")
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime")}
    log = (tmp_path / "lab.log").open("w")
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while True:
        try:
            with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2):
                break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                pytest.fail(f"JupyterLab did not start: {(tmp_path / 'lab.log').read_text()[-2000:]}")
            time.sleep(0.5)
    yield base, token
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()


def chromium(*arguments: str, profile: Path) -> subprocess.CompletedProcess:
    return subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *arguments],
                          capture_output=True, text=True, timeout=120)


@pytest.mark.localhost
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed: .ci/run installs Debian's chromium "
                                             "with apt-get; where apt is unavailable the browser test is skipped")
def test_does_the_first_lesson_render_in_jupyterlab(lab, tmp_path):
    base, token = lab
    url = f"{base}/lab/tree/00_start_here.ipynb?token={token}"
    dom = chromium("--dump-dom", url, profile=tmp_path / "profile-dom").stdout
    assert "jp-Notebook" in dom, "JupyterLab's notebook panel did not render"
    assert TITLE in dom, "the lesson's title did not render"
    OUTPUT.mkdir(exist_ok=True)
    screenshot = OUTPUT / "jupyterlab_00_start_here.png"
    chromium(f"--screenshot={screenshot}", url, profile=tmp_path / "profile-shot")
    assert screenshot.exists() and screenshot.stat().st_size > 20_000
