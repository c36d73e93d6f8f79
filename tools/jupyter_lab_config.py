"""JupyterLab as `make lab` starts it (the browser test starts it the same way).

    .venv/bin/jupyter lab --config=tools/jupyter_lab_config.py

- It serves the whole repository, so a lesson's "Exercise:" link (../exercises/student/...)
  opens, and it opens in the workspace ``reading-the-raids``: the first time, lesson 00 with
  the file browser on the repository's top folder, where notebooks/ (the lessons) and
  exercises/student/ stand side by side; later, the lab as the student left it. The workspace
  is JupyterLab's own (``~/.jupyter/lab/workspaces``); deleting it starts again from lesson 00.
- The file browser shows what students use (notebooks/, exercises/student/, seeds/, kit/,
  docs/) and hides the instructor's sources (exercises/source/, with the solutions and mark
  schemes) and the developers' files. Hidden means not listed: a path typed in full still opens.
- Reading a notebook does not change it: when JupyterLab saves, the notebook keeps the kernel
  metadata it has on disk (JupyterLab would write its own kernel's name and Python version,
  which differ from machine to machine, and a later `git pull` would conflict).
- Offline, as the classroom may be: no news feed, no update check, no extension installs.
"""

import json
import warnings
from pathlib import Path

from jupyter_core.paths import jupyter_config_dir

REPO = Path(__file__).resolve().parent.parent
FIRST_LESSON = "notebooks/00_start_here.ipynb"
WORKSPACE = "reading-the-raids"
# Listed nowhere in the file browser (names, matched at every level). The first five are Jupyter's defaults.
HIDDEN = ["__pycache__", "*.pyc", "*.pyo", ".DS_Store", "*~",
          "source", "tests", "tools", "benchmarks", "build", "test-output", "*.egg-info", "conftest.py",
          "Makefile", "pyproject.toml", "constraints.txt", "environment.yml"]
KERNEL_METADATA = ("kernelspec", "language_info")


def first_workspace() -> dict:
    """Return the workspace a student starts in: lesson 00 open, the file browser on the top folder."""
    widget = f"notebook:{FIRST_LESSON}"
    return {"data": {"layout-restorer:data": {"main": {"dock": {"type": "tab-area", "currentIndex": 0,
                                                                "widgets": [widget]}, "current": widget},
                                              "left": {"collapsed": False, "visible": True, "current": "filebrowser",
                                                       "widgets": ["filebrowser", "running-sessions",
                                                                   "@jupyterlab/toc:plugin"]}},
                     "file-browser-filebrowser:cwd": {"path": ""},
                     widget: {"data": {"path": FIRST_LESSON, "factory": "Notebook"}}},
            "metadata": {"id": WORKSPACE}}


def seed_workspace(folder: Path) -> None:
    """Write the first workspace into ``folder`` unless the student already has one."""
    from jupyterlab_server.workspaces_handler import WORKSPACE_EXTENSION, slugify

    path = folder / (slugify(WORKSPACE) + WORKSPACE_EXTENSION)
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(first_workspace(), indent=1), encoding="utf-8")


def keep_kernel_metadata(model: dict, path: str, contents_manager, **kwargs) -> None:
    """Before a notebook is saved, put back the kernel metadata stored on disk (same kernel only)."""
    if model.get("type") != "notebook" or not model.get("content"):
        return
    try:
        stored = json.loads(Path(contents_manager.root_dir, path).read_text(encoding="utf-8"))["metadata"]
    except (OSError, ValueError, KeyError, TypeError):  # a new notebook, or one that cannot be read
        return
    metadata = model["content"].setdefault("metadata", {})
    if stored.get("kernelspec", {}).get("name") != metadata.get("kernelspec", {}).get("name"):
        return  # the student chose another kernel: write what they chose
    for key in KERNEL_METADATA:
        if key in stored:
            metadata[key] = stored[key]


if "get_config" in globals():  # read by Jupyter (tests import the functions above)
    c = get_config()  # noqa: F821
    seed_workspace(Path(jupyter_config_dir()) / "lab" / "workspaces")  # LabApp.workspaces_dir's default
    c.ServerApp.root_dir = str(REPO)
    c.ServerApp.ip = "127.0.0.1"
    c.LabApp.default_url = f"/lab/workspaces/{WORKSPACE}"
    c.ContentsManager.hide_globs = HIDDEN
    c.ContentsManager.pre_save_hook = keep_kernel_metadata
    # Jupyter reads this file twice (server, then lab): the second reading replaces the hook with its twin.
    warnings.filterwarnings("ignore", "Overriding existing pre_save_hook", UserWarning)
    c.LabApp.news_url = None
    c.LabApp.check_for_updates_class = "jupyterlab.NeverCheckForUpdate"
    c.LabApp.extension_manager = "readonly"
