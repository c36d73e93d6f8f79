"""One self-contained HTML page comparing the outlets of a folder: tables, figures, articles.

The page embeds its figures as PNG data, so it can be mailed or opened offline; it
computes nothing of its own, only lays out the kit's tables, plots and views.

A large folder gives a page of bounded size: tables show their first ``MAX_ROWS`` rows, figures
group outlets beyond ``plots.MAX_OUTLETS`` in one "others" row, and only the first
``MAX_ARTICLE_VIEWS`` articles are highlighted; the page says what it left out and that
``python -m kit analyze`` writes every table in full.
"""

from __future__ import annotations

import base64
import html
import io
import pandas as pd

from kit.framing import Tables, analyze
from kit.views.highlight import LAYER_SPANS, article_html

STYLE = """
body{font-family:Georgia,serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}
h1,h2,h3{font-family:Helvetica,Arial,sans-serif} table{border-collapse:collapse;font-size:85%;margin:1em 0}
th,td{border-bottom:1px solid #ddd;padding:.25em .6em;text-align:left;vertical-align:top}
th{background:#f4f4f4} .note{color:#555;font-size:90%} img{max-width:100%}
details{margin:1em 0;border-left:3px solid #0072B2;padding-left:1em} summary{cursor:pointer;font-weight:bold}
.conflict{color:#D55E00;font-weight:bold} .scroll{overflow-x:auto}
"""
MAX_ROWS = 60  # rows shown of each table
MAX_ARTICLE_VIEWS = 20  # articles highlighted at the end of the page
FULL_TABLES = "<code>python -m kit analyze FOLDER --out DIR</code> writes every table in full as CSV"


def _figure(fig, alt: str) -> str:
    """Return a matplotlib figure as an embedded PNG <img> with ``alt`` text, and close it."""
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f"<img alt='{html.escape(alt, quote=True)}' src='data:image/png;base64,{data}'>"


def _table(frame: pd.DataFrame, max_rows: int = MAX_ROWS) -> str:
    """Return the first ``max_rows`` rows of ``frame`` as HTML, saying how many more there are."""
    if frame.empty:
        return "<p class='note'>Nothing found.</p>"
    shown = frame.head(max_rows)
    more = (f"<p class='note'>… {len(frame) - max_rows:,} more rows not shown: {FULL_TABLES}.</p>"
            if len(frame) > max_rows else "")
    return f"<div class='scroll'>{shown.to_html(index=False, escape=True, border=0, na_rep='')}</div>{more}"


def _outlet_summary(corpus) -> pd.DataFrame:
    """Return one row per outlet label: its articles, body words and first and last publication date."""
    articles = corpus.articles.assign(label=corpus.articles["label"].astype(str),
                                      published=corpus.articles["published"].replace("", None))
    summary = articles.groupby("label", sort=False).agg(articles=("article_id", "size"), body_words=("n_words", "sum"),
                                                         first_published=("published", "min"),
                                                         last_published=("published", "max"))
    return summary.sort_values("articles", ascending=False, kind="stable").reset_index()


def _problems(corpus) -> str:
    """Return the problems table, preceded by a count per kind of problem when it is long."""
    problems = corpus.problems
    if len(problems) <= MAX_ROWS:
        return _table(problems)
    kinds = problems.groupby(["problem", "severity"]).size().rename("files").reset_index()
    return _table(kinds.sort_values("files", ascending=False, kind="stable")) + _table(problems)


def _section(title: str, intro: str, figure_and_table, table: pd.DataFrame | None = None) -> str:
    fig, drawn = figure_and_table
    return (f"<h2>{html.escape(title)}</h2><p>{intro}</p>{_figure(fig, f'Figure: {title}')}"
            f"<details><summary>The table behind the figure</summary>{_table(drawn)}</details>"
            + (_table(table) if table is not None else ""))


def _article_views(corpus, tables: Tables, limit: int = MAX_ARTICLE_VIEWS) -> str:
    """Return the first ``limit`` articles highlighted, and a note on the ones left out."""
    layer_tables = {layer: getattr(tables, layer) for layer in LAYER_SPANS}
    views = "".join(
        f"<details><summary>{html.escape(str(row.label))}: {html.escape(str(row.title) or '(no headline)')}"
        f"</summary>{article_html(corpus, row.article_id, layer_tables, LAYER_SPANS)}</details>"
        for row in corpus.articles.head(limit).itertuples())
    left_out = len(corpus.articles) - limit
    return views + (f"<p class='note'>… {left_out:,} more articles not shown here: in a notebook, "
                    f"<code>kit.show(corpus, article_id)</code> highlights any of them, and {FULL_TABLES}.</p>"
                    if left_out > 0 else "")


def build_report(corpus, tables: Tables | None = None) -> str:
    """Return the report page for ``corpus`` as one HTML string."""
    from kit.views import plots

    tables = tables or analyze(corpus)
    articles = corpus.articles[["label", "title", "published", "wire_agency", "byline", "n_words", "outlet_evidence"]]
    outlets = _outlet_summary(corpus)
    outlet_rows = tables.labels["article_id"].map(corpus.articles.set_index("article_id")["label"]).astype(str)
    labels_by_voice = pd.crosstab([tables.labels["category"]],
                                  [outlet_rows.map(plots.outlet_groups(corpus)), tables.labels["voice"]]
                                  ) if not tables.labels.empty else pd.DataFrame()
    conflicts = tables.comparison[tables.comparison["conflict"]] if not tables.comparison.empty else tables.comparison
    sections = [
        f"<h1>Reading the Raids: {html.escape(corpus.folder.name)}/</h1>",
        f"<p class='note'>{len(corpus.articles):,} articles from {len(outlets):,} outlets, "
        f"{int(corpus.articles['n_words'].sum()):,} body words. "
        "Every number below is computed from the texts by the kit; open an article at the end to see the "
        "evidence for each finding. Present claims as claims: the kit says who says what, not who is right.</p>",
        "<h2>The outlets</h2>", _table(outlets),
        "<h2>The articles</h2>", _table(articles),
        "<h2>Problems with the files</h2>", _problems(corpus),
        _section("Who gets quoted", "Attributions by speaker group and outlet.",
                 plots.voices_per_outlet(corpus, tables.attributions)),
        _section("How speech is reported", "The stance of the reporting verbs each outlet uses "
                 "(neutral 'said', distancing 'claimed', guilt-implying 'denied', emphatic 'insisted').",
                 plots.stance_per_outlet(corpus, tables.attributions)),
        _section("Labels by outlet and voice", "Which words describe the raiders and the sides, and whose "
                 "voice uses them: the outlet's own narration, a quotation, reported speech, or scare quotes.",
                 plots.labels_heatmap(corpus, tables.labels, tables.attributions), labels_by_voice.reset_index()
                 if not labels_by_voice.empty else None),
        _section("Hedges and disclaimers", "Hedges, boosters, weasel words and verification disclaimers "
                 "per 1,000 body words.", plots.hedges_per_1000_words(corpus, tables.hedges, tables.attributions)),
        _section("Claims across sources", "The same quantity as claimed by different sources. "
                 "<span class='conflict'>Conflicts</span> are claims that cannot both be true; they are "
                 "prompts to read both sources, not verdicts.", plots.claims_dotplot(corpus, tables.comparison),
                 conflicts),
        _section("Sentiment by voice", "TextBlob polarity per outlet and voice. Its lexicon was built from "
                 "product reviews: it misses the vocabulary of war and should be read with care.",
                 plots.sentiment_by_voice(corpus, tables.sentiment, tables.attributions)),
        "<h2>Each article, highlighted</h2><p class='note'>Hover over a highlight to see its evidence.</p>",
        _article_views(corpus, tables),
    ]
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Reading the Raids report"
            f"</title><style>{STYLE}</style></head><body>{''.join(sections)}</body></html>")
