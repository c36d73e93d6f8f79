"""Reaching the exercises, without a browser: what `make lab` serves and what `make html` links.

tests/test_browser.py clicks through the same in JupyterLab; these checks say more precisely
what is wrong when one of them fails, and run where Chromium is missing.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import re
import sys
import urllib.parse
from pathlib import Path
from types import ModuleType, SimpleNamespace

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_server.services.contents.filemanager import FileContentsManager

from conftest import REPO

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb")) + sorted((REPO / "exercises").glob("*/*.ipynb"))
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#)", re.I)


def load_tool(name: str, path: Path) -> ModuleType:
    """Import a file of tools/ (not a package) as a module."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def lab_config() -> ModuleType:
    return load_tool("jupyter_lab_config", REPO / "tools" / "jupyter_lab_config.py")


# -- opening a notebook does not change it --------------------------------------------------------

@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(REPO)))
def test_does_the_notebook_store_the_kernelspec_jupyterlab_writes(path):
    spec = KernelSpecManager().get_kernel_spec("python3")
    stored = nbformat.read(path, as_version=4).metadata["kernelspec"]
    assert stored == {"name": "python3", "display_name": spec.display_name, "language": spec.language}


def saved_metadata(lab_config: ModuleType, folder: Path, on_disk: dict, from_lab: dict) -> dict:
    """Return the metadata a notebook is saved with when disk and JupyterLab's model hold these."""
    (folder / "lesson.ipynb").write_text(json.dumps({"metadata": on_disk, "cells": []}), encoding="utf-8")
    model = {"type": "notebook", "content": {"metadata": copy.deepcopy(from_lab), "cells": []}}
    lab_config.keep_kernel_metadata(model, "lesson.ipynb", SimpleNamespace(root_dir=str(folder)))
    return model["content"]["metadata"]


def test_does_saving_keep_the_kernel_metadata_on_disk(lab_config, tmp_path):
    on_disk = {"kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"},
               "language_info": {"name": "python", "version": "3.11.7"}}
    from_lab = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                "language_info": {"name": "python", "version": "3.13.1"}, "tags": ["kept"]}
    assert saved_metadata(lab_config, tmp_path, on_disk, from_lab) == {**on_disk, "tags": ["kept"]}


def test_does_saving_write_the_kernel_a_student_chose(lab_config, tmp_path):
    on_disk = {"kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}}
    from_lab = {"kernelspec": {"name": "ir", "display_name": "R", "language": "R"}}
    assert saved_metadata(lab_config, tmp_path, on_disk, from_lab) == from_lab


# -- what the lab shows ---------------------------------------------------------------------------

def test_does_the_file_browser_show_lessons_and_exercises_but_not_the_instructors_sources(lab_config):
    contents = FileContentsManager(root_dir=str(REPO), hide_globs=lab_config.HIDDEN)
    names = lambda path: {item["name"] for item in contents.get(path)["content"]}  # noqa: E731
    assert {"notebooks", "exercises", "seeds", "kit", "docs", "README.md"} <= names("")
    assert not {"tests", "tools", "benchmarks", "Makefile", "conftest.py"} & names("")
    assert "student" in names("exercises") and "source" not in names("exercises")


def test_does_the_first_workspace_open_lesson_00_with_the_file_browser_on_the_top_folder(lab_config, tmp_path):
    lab_config.seed_workspace(tmp_path)
    [path] = tmp_path.iterdir()
    workspace = json.loads(path.read_text(encoding="utf-8"))
    assert workspace["metadata"]["id"] == lab_config.WORKSPACE
    assert workspace["data"]["layout-restorer:data"]["main"]["dock"]["widgets"] == [
        "notebook:notebooks/00_start_here.ipynb"]
    assert workspace["data"]["file-browser-filebrowser:cwd"] == {"path": ""}
    assert (REPO / lab_config.FIRST_LESSON).is_file()


def test_is_a_students_own_workspace_kept(lab_config, tmp_path):
    lab_config.seed_workspace(tmp_path)
    [path] = tmp_path.iterdir()
    path.write_text('{"data": {}, "metadata": {"id": "reading-the-raids"}}', encoding="utf-8")
    lab_config.seed_workspace(tmp_path)
    assert json.loads(path.read_text(encoding="utf-8"))["data"] == {}


# -- make html ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def html(tmp_path_factory) -> Path:
    """The pages `make html` writes, in a folder of their own."""
    out = tmp_path_factory.mktemp("html")
    load_tool("build_html", REPO / "tools" / "build_html.py").main(out)
    return out


def links(page: Path) -> list[str]:
    """Return the relative links of an HTML page (not web addresses, not anchors)."""
    return [href for _, href in re.findall(r"""href=(["'])([^"']*)\1""", page.read_text(encoding="utf-8"))
            if href and not EXTERNAL.match(href)]


def test_does_every_link_of_the_html_pages_lead_to_a_page_or_file_of_the_folder(html):
    broken = [f"{page.relative_to(html)}: {href}" for page in html.rglob("*.html") for href in links(page)
              if not (page.parent / urllib.parse.unquote(href.split("#")[0])).resolve().is_relative_to(html)
              or not (page.parent / urllib.parse.unquote(href.split("#")[0])).exists()]
    assert not broken, broken


@pytest.mark.parametrize("exercise", sorted(p.stem for p in (REPO / "exercises" / "student").glob("[0-9]*.ipynb")))
def test_does_the_lessons_exercise_link_open_the_exercise_page_with_its_notebook(html, exercise):
    assert f"exercises/{exercise}.html" in links(html / f"{exercise}.html")
    page = html / "exercises" / f"{exercise}.html"
    assert f"Exercise {exercise[:2]}" in page.read_text(encoding="utf-8")
    assert f"{exercise}.ipynb" in links(page) and (page.parent / f"{exercise}.ipynb").is_file()
