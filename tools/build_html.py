"""Write build/html/: one page per executed notebook, linked in order, and an index.

    .venv/bin/python tools/build_html.py        (or: make html)

The pages show the committed outputs (nothing is re-run), so a student can read the series
in any browser without Jupyter.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from nbconvert import HTMLExporter

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"
OUT = REPO / "build" / "html"
NAV_STYLE = ("font-family:Helvetica,Arial,sans-serif;padding:.6em 1em;background:#f4f4f4;"
             "border-bottom:1px solid #ddd;display:flex;justify-content:space-between")


def title_of(path: Path) -> str:
    """Return the notebook's first markdown heading."""
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] == "markdown":
            match = re.search(r"^#\s+(.+)$", "".join(cell["source"]), re.M)
            if match:
                return match.group(1).strip()
    return path.stem


def nav(previous: Path | None, following: Path | None, titles: dict[Path, str]) -> str:
    """Return the navigation bar: previous, contents, next."""
    link = lambda p, text: f"<a href='{p.stem}.html'>{text}</a>" if p else "<span></span>"  # noqa: E731
    return (f"<nav style='{NAV_STYLE}'>{link(previous, '← ' + titles.get(previous, ''))}"
            f"<a href='index.html'>Contents</a>{link(following, titles.get(following, '') + ' →')}</nav>")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    notebooks = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    titles = {path: title_of(path) for path in notebooks}
    exporter = HTMLExporter()
    items = []
    for index, path in enumerate(notebooks):
        body, _ = exporter.from_filename(str(path))
        previous = notebooks[index - 1] if index else None
        following = notebooks[index + 1] if index + 1 < len(notebooks) else None
        body = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + nav(previous, following, titles), body, count=1)
        (OUT / f"{path.stem}.html").write_text(body, encoding="utf-8")
        items.append(f"<li><a href='{path.stem}.html'>{html.escape(titles[path])}</a></li>")
        print(f"wrote build/html/{path.stem}.html")
    (OUT / "index.html").write_text(
        "<!doctype html><meta charset='utf-8'><title>Reading the Raids</title>"
        "<body style='font-family:Georgia,serif;max-width:40em;margin:3em auto'>"
        "<h1>Reading the Raids</h1><p>The lessons, in order. Each page shows the notebook as it was "
        "last run; open the notebooks in JupyterLab (<code>make lab</code>) to run and change them.</p>"
        f"<ol>{''.join(items)}</ol></body>", encoding="utf-8")
    print("wrote build/html/index.html")


if __name__ == "__main__":
    main()
