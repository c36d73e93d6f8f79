"""Write build/html/: the lessons and the exercises as web pages, linked in order, and an index.

    .venv/bin/python tools/build_html.py        (or: make html)

The lesson pages show the committed outputs (nothing is re-run), so a student can read the
series in any browser without Jupyter. The exercises are the student versions (no answers),
each with its notebook to download. Every link between notebooks points to the page made from
that notebook; a link to another file of the repository (a README, a guideline) points to a
copy under build/html/files/, so the folder works on its own, wherever it is put.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from nbconvert import HTMLExporter

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"
EXERCISES = REPO / "exercises" / "student"
OUT = REPO / "build" / "html"
NAV_STYLE = ("font-family:Helvetica,Arial,sans-serif;padding:.6em 1em;background:#f4f4f4;"
             "border-bottom:1px solid #ddd;display:flex;justify-content:space-between")
HREF = re.compile(r"""(href=)(["'])([^"']*)\2""")
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#)", re.I)


@dataclass(frozen=True)
class Page:
    """One notebook and the page made from it (``page`` is relative to the output folder)."""

    notebook: Path
    page: str
    title: str


def title_of(path: Path) -> str:
    """Return the notebook's first markdown heading."""
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] == "markdown":
            match = re.search(r"^#\s+(.+)$", "".join(cell["source"]), re.M)
            if match:
                return match.group(1).strip()
    return path.stem


def pages() -> tuple[list[Page], list[Page]]:
    """Return the lesson pages (build/html/NN.html) and the exercise pages (build/html/exercises/NN.html)."""
    lessons = [Page(p, f"{p.stem}.html", title_of(p)) for p in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))]
    exercises = [Page(p, f"exercises/{p.stem}.html", title_of(p)) for p in sorted(EXERCISES.glob("[0-9][0-9]_*.ipynb"))]
    return lessons, exercises


def relative(target: str, page: str) -> str:
    """Return the link from ``page`` to ``target`` (both relative to the output folder)."""
    return Path(os.path.relpath(target, Path(page).parent)).as_posix()


def rewrite_links(body: str, page: Page, by_notebook: dict[Path, Page], out: Path) -> str:
    """Point each relative link of ``page`` at the page of the notebook it names, or at a copy of the file."""

    def rewrite(match: re.Match) -> str:
        href = match.group(3)
        if not href or EXTERNAL.match(href):
            return match.group(0)
        path, _, fragment = href.partition("#")
        target = (page.notebook.parent / html.unescape(path)).resolve()
        if target in by_notebook:
            new = relative(by_notebook[target].page, page.page)
        elif target.is_file() and target.is_relative_to(REPO):
            copy = f"files/{target.relative_to(REPO).as_posix()}"
            (out / copy).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(target, out / copy)
            new = relative(copy, page.page)
        else:
            return match.group(0)
        return f"{match.group(1)}{match.group(2)}{html.escape(new)}{'#' + fragment if fragment else ''}{match.group(2)}"

    return HREF.sub(rewrite, body)


def nav(page: Page, series: list[Page], extra: str = "") -> str:
    """Return the navigation bar: previous in the series, contents (and ``extra``), next."""
    index = series.index(page)

    def link(other: Page | None, text: str) -> str:
        return f"<a href='{relative(other.page, page.page)}'>{html.escape(text)}</a>" if other else "<span></span>"

    previous = series[index - 1] if index else None
    following = series[index + 1] if index + 1 < len(series) else None
    contents = f"<a href='{relative('index.html', page.page)}'>Contents</a>{extra}"
    return (f"<nav style='{NAV_STYLE}'>{link(previous, '← ' + (previous.title if previous else ''))}"
            f"<span>{contents}</span>{link(following, (following.title if following else '') + ' →')}</nav>")


def write_page(page: Page, series: list[Page], by_notebook: dict[Path, Page], out: Path, exporter: HTMLExporter) -> None:
    body, _ = exporter.from_filename(str(page.notebook))
    extra = ""
    if page.notebook.parent == EXERCISES:
        shutil.copyfile(page.notebook, out / "exercises" / page.notebook.name)
        extra = (f" · <a href='{page.notebook.name}' download>Download the notebook</a> (or open "
                 f"exercises/student/{page.notebook.name} in JupyterLab: <code>make lab</code>)")
    body = rewrite_links(body, page, by_notebook, out)
    body = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + nav(page, series, extra), body, count=1)
    (out / page.page).write_text(body, encoding="utf-8")
    print(f"wrote {(out / page.page).relative_to(REPO) if out.is_relative_to(REPO) else out / page.page}")


def index_page(lessons: list[Page], exercises: list[Page]) -> str:
    def items(series: list[Page]) -> str:
        return "".join(f"<li><a href='{p.page}'>{html.escape(p.title)}</a></li>" for p in series)

    return ("<!doctype html><meta charset='utf-8'><title>Reading the Raids</title>"
            "<body style='font-family:Georgia,serif;max-width:40em;margin:3em auto'>"
            "<h1>Reading the Raids</h1><h2>Lessons</h2><p>In order. Each page shows the notebook as it was last "
            "run; open the notebooks in JupyterLab (<code>make lab</code>) to run and change them.</p>"
            f"<ol start='0'>{items(lessons)}</ol><h2>Exercises</h2><p>One for each of the lessons 01 to 05, with "
            f"instant feedback when you do them in JupyterLab; each page has its notebook to download.</p>"
            f"<ul>{items(exercises)}</ul></body>")


def main(out: Path = OUT) -> None:
    lessons, exercises = pages()
    (out / "exercises").mkdir(parents=True, exist_ok=True)
    by_notebook = {page.notebook.resolve(): page for page in lessons + exercises}
    exporter = HTMLExporter()
    for series in (lessons, exercises):
        for page in series:
            write_page(page, series, by_notebook, out, exporter)
    (out / "index.html").write_text(index_page(lessons, exercises), encoding="utf-8")
    print(f"wrote {out / 'index.html'}")


if __name__ == "__main__":
    main()
