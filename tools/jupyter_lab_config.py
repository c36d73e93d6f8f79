"""JupyterLab as `make lab` starts it (the browser test starts it the same way).

    .venv/bin/jupyter lab --config=tools/jupyter_lab_config.py

- It serves the whole repository, so a lesson's "Exercise:" link (../exercises/student/...)
  opens, and opens lesson 00 first.
- The file browser shows what students use (notebooks/, exercises/student/, seeds/, kit/data,
  docs/) and hides the instructor's sources (exercises/source/, with the solutions and mark
  schemes) and the developers' folders. Hidden means not listed: a path typed in full still opens.
- Reading a notebook does not change it: when JupyterLab saves, the notebook keeps the kernel
  metadata it had on disk (JupyterLab would write its own kernel's name and Python version,
  which differ from machine to machine, and a later `git pull` would conflict).
- Offline, as the classroom may be: no news feed, no update check, no extension installs.
"""

import json
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIRST_LESSON = "notebooks/00_start_here.ipynb"
# Listed nowhere in the file browser (names, matched at every level). The first five are Jupyter's defaults.
HIDDEN = ["__pycache__", "*.pyc", "*.pyo", ".DS_Store", "*~",
          "source", "tests", "tools", "benchmarks", "build", "test-output", "*.egg-info", "conftest.py"]
KERNEL_METADATA = ("kernelspec", "language_info")


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


c = get_config()  # noqa: F821 (provided by Jupyter when it reads this file)
c.ServerApp.root_dir = str(REPO)
c.ServerApp.ip = "127.0.0.1"
c.LabApp.default_url = f"/lab/tree/{FIRST_LESSON}"
c.ContentsManager.hide_globs = HIDDEN
c.ContentsManager.pre_save_hook = keep_kernel_metadata
c.LabApp.news_url = None
c.LabApp.check_for_updates_class = "jupyterlab.NeverCheckForUpdate"
c.LabApp.extension_manager = "readonly"
