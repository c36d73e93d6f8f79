"""The lessons: shaped as docs/notebook_style.md says, executed, and 06 runs on any folder.

(nbval, run by `make test`, re-executes every notebook and compares its outputs.)
"""

from __future__ import annotations

import json
import re

import pytest

from conftest import FIXTURES, REPO

LESSONS = ["00_start_here", "01_the_corpus", "02_source_criticism", "03_attribution",
           "04_naming_and_framing", "05_claims_and_numbers", "06_your_own_articles"]
WITH_EXERCISE = LESSONS[1:6]
MAX_CODE_LINES = 8


def cells(name: str) -> list[dict]:
    return json.loads((REPO / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8"))["cells"]


def text(cell: dict) -> str:
    return "".join(cell["source"])


def test_is_every_lesson_there_and_nothing_else():
    assert sorted(p.stem for p in (REPO / "notebooks").glob("*.ipynb")) == LESSONS


@pytest.mark.parametrize("name", LESSONS)
def test_does_the_lesson_open_with_objectives_time_and_method(name):
    first = text(cells(name)[0])
    assert first.startswith(f"# {name[:2]} · ")
    for part in ("**Time:**", "**Method:**", "You will learn to"):
        assert part in first


@pytest.mark.parametrize("name", LESSONS)
def test_does_the_lesson_close_with_what_to_remember_and_where_next(name):
    markdown = [text(c) for c in cells(name) if c["cell_type"] == "markdown"]
    assert any(m.startswith("## What to remember") for m in markdown)
    tail = "\n".join(markdown[-2:])
    if name in WITH_EXERCISE:
        assert f"](../exercises/student/{name}.ipynb)" in tail
    else:
        assert "01_the_corpus" in tail or "exercises/README.md" in tail


@pytest.mark.parametrize("name", LESSONS)
def test_does_the_lesson_have_a_figure_and_try_it_prompts(name):
    notebook = cells(name)
    outputs = [o for c in notebook if c["cell_type"] == "code" for o in c.get("outputs", [])]
    assert any("image/png" in o.get("data", {}) for o in outputs), "no figure"
    assert sum(text(c).count("**Try it") for c in notebook if c["cell_type"] == "markdown") >= 2


@pytest.mark.parametrize("name", LESSONS)
def test_are_the_code_cells_short_executed_and_error_free(name):
    for cell in (c for c in cells(name) if c["cell_type"] == "code"):
        assert len(text(cell).splitlines()) <= MAX_CODE_LINES, text(cell)
        assert cell["execution_count"] is not None
        assert not any(o["output_type"] == "error" for o in cell.get("outputs", []))


@pytest.mark.parametrize("name", LESSONS)
def test_do_outputs_hide_this_machines_paths(name):
    dumped = json.dumps(cells(name))
    assert str(REPO) not in dumped and "/tmp/" not in dumped


def test_is_the_first_code_cell_of_lesson_06_a_papermill_parameters_cell():
    first_code = next(c for c in cells("06_your_own_articles") if c["cell_type"] == "code")
    assert "parameters" in first_code["metadata"].get("tags", [])
    assert re.search(r"^CORPUS_DIR\s*=", text(first_code), re.M)


@pytest.mark.slow
@pytest.mark.parametrize("folder", ["heldout", "bad_inputs", "one_sentence"])
def test_does_lesson_06_run_top_to_bottom_on_another_folder(folder, tmp_path):
    import papermill

    if folder == "one_sentence":
        corpus = tmp_path / "corpus"
        corpus.mkdir()
        (corpus / "a.txt").write_text("Nothing was reported today.\n", encoding="utf-8")
    else:
        corpus = FIXTURES / folder
    papermill.execute_notebook(str(REPO / "notebooks" / "06_your_own_articles.ipynb"), str(tmp_path / "out.ipynb"),
                               parameters={"CORPUS_DIR": str(corpus)}, cwd=str(REPO / "notebooks"),
                               progress_bar=False, kernel_name="python3")
    executed = json.loads((tmp_path / "out.ipynb").read_text(encoding="utf-8"))
    assert not any(o["output_type"] == "error" for c in executed["cells"] for o in c.get("outputs", []))
