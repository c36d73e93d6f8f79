"""Highlighted views of an article: each finding shown on the raw text, details on hover.

Views compute nothing of their own: they draw the rows of the analysis tables at
their offsets. Hover text uses the HTML ``title`` attribute, so it works in
JupyterLab and in exported HTML without JavaScript.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Callable, Iterable

import pandas as pd

from kit.framing import analysis

# Okabe-Ito colours (colour-blind safe), as translucent backgrounds or underlines.
PALETTE = {
    "content": "rgba(86, 180, 233, 0.28)",   # sky blue
    "speaker": "rgba(230, 159, 0, 0.40)",    # orange
    "cue": "rgba(0, 158, 115, 0.40)",        # bluish green
    "label": "rgba(213, 94, 0, 0.35)",       # vermillion
    "hedge": "rgba(204, 121, 167, 0.40)",    # reddish purple
    "claim": "rgba(0, 114, 178, 0.30)",      # blue
    "name": "rgba(240, 228, 66, 0.55)",      # yellow
}
ROLE_LABELS = {"content": "what is said", "speaker": "who says it", "cue": "the cue", "label": "label",
               "hedge": "hedge / disclaimer", "claim": "numeric claim", "name": "actor named"}
# When spans overlap, the most specific one gives the colour (the hover text lists them all).
ROLE_PRIORITY = {"cue": 7, "speaker": 6, "label": 5, "hedge": 4, "claim": 3, "name": 2, "content": 1}
BOILERPLATE_STYLE = "color:#767676"


@dataclass(frozen=True)
class Span:
    """One highlighted stretch of raw text."""

    start: int
    end: int
    role: str
    title: str


class HTMLView:
    """An HTML fragment that renders in notebooks (``_repr_html_``) and can be saved."""

    def __init__(self, body: str):
        self.html = body

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return f"<HTML view, {len(self.html):,} characters: display it in a notebook or .save() it>"

    def save(self, path: str) -> None:
        """Write the view as a self-contained HTML page."""
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(f"<!doctype html><meta charset='utf-8'><body>{self.html}</body>")


def attribution_spans(rows: pd.DataFrame) -> list[Span]:
    """Return content, speaker and cue spans of attribution rows, with hover details."""
    spans = []
    for row in rows.itertuples():
        number = str(row.attribution_id).rsplit(":", 1)[-1]
        details = (f"attribution {number} · {row.kind}"
                   f"{' (follow-on)' if row.follow_on else ''} · speaker: {row.speaker} "
                   f"({row.speaker_group}) · cue: {row.cue or '—'}"
                   f"{f' ({row.verb_stance})' if row.verb_stance else ''} · rule: {row.rule}"
                   f" · speaker found by: {row.resolution} · confidence {row.confidence}")
        spans.append(Span(int(row.content_start), int(row.content_end), "content", details))
        if not pd.isna(row.speaker_start):
            spans.append(Span(int(row.speaker_start), int(row.speaker_end), "speaker", details))
        if not pd.isna(row.cue_start):
            spans.append(Span(int(row.cue_start), int(row.cue_end), "cue", details))
    return spans


def _segments(length: int, spans: Iterable[Span]) -> list[tuple[int, int, list[Span]]]:
    """Cut ``[0, length)`` where the set of covering spans changes."""
    spans = list(spans)
    cuts = sorted({0, length} | {s.start for s in spans} | {s.end for s in spans})
    result = []
    for start, end in zip(cuts, cuts[1:]):
        covering = [s for s in spans if s.start <= start and end <= s.end]
        result.append((start, end, covering))
    return result


def render(raw: str, spans: Iterable[Span], boilerplate: Iterable[tuple[int, int]] = (),
           heading: str = "", legend: Iterable[str] = ()) -> str:
    """Return HTML of ``raw`` with ``spans`` highlighted and boilerplate greyed out."""
    spans = [s for s in spans if 0 <= s.start < s.end <= len(raw)]
    grey = [Span(a, b, "boilerplate", "") for a, b in boilerplate]
    parts = []
    for start, end, covering in _segments(len(raw), spans + grey):
        text = html.escape(raw[start:end])
        marked = [s for s in covering if s.role != "boilerplate"]
        style = BOILERPLATE_STYLE if any(s.role == "boilerplate" for s in covering) else ""
        if marked:
            top = max(marked, key=lambda s: ROLE_PRIORITY.get(s.role, 0))
            colour = PALETTE.get(top.role, "rgba(0,0,0,0.08)")
            title = html.escape("\n".join(dict.fromkeys(s.title for s in marked)), quote=True)
            style = f"background:{colour};{style}"
            if top.role == "cue":
                style += "font-weight:bold;"
            parts.append(f"<span class='kit-{top.role}' style='{style}' title='{title}'>{text}</span>")
        elif style:
            parts.append(f"<span style='{style}'>{text}</span>")
        else:
            parts.append(text)
    keys = " ".join(
        f"<span style='background:{PALETTE[r]};padding:0 .4em'>{html.escape(ROLE_LABELS.get(r, r))}</span>"
        for r in legend if r in PALETTE)
    head = f"<h4>{html.escape(heading)}</h4>" if heading else ""
    key_line = (f"<p style='font-size:90%'>{keys} · grey: page furniture (not analysed) · "
                "hover a highlight for its evidence</p>") if keys else ""
    return (f"<div class='kit-view' style='font-family:Georgia,serif;line-height:1.6;max-width:52em'>"
            f"{head}{key_line}<div style='white-space:pre-wrap'>{''.join(parts)}</div></div>")


def _row_spans(role: str, describe: Callable[[object], str]) -> Callable[[pd.DataFrame], list[Span]]:
    """Return a function turning a table's rows (with start/end) into spans of ``role``."""
    def spans(rows: pd.DataFrame) -> list[Span]:
        return [Span(int(r.start), int(r.end), role, describe(r)) for r in rows.itertuples()]
    return spans


label_spans = _row_spans("label", lambda r: f"label '{r.surface}' · category {r.category} · "
                                            f"connotation {r.connotation} · voice {r.voice}")
hedge_spans = _row_spans("hedge", lambda r: f"{r.type} '{r.term}' · voice {r.voice}"
                                            f"{f' · {r.evidence}' if getattr(r, 'evidence', '') else ''}")
claim_spans = _row_spans("claim", lambda r: f"claim '{r.quantity}' · counts {r.counted or '?'}"
                                            f"{f' in {r.unit}' if getattr(r, 'unit', '') else ''}"
                                            f"{f' ({r.side})' if r.side else ''} · claimed by {r.claimant}"
                                            f"{f' · hedged: {r.hedge_evidence}' if r.hedged else ''}"
                                            f"{f' · read by: {r.evidence}' if getattr(r, 'evidence', '') else ''}")
name_spans = _row_spans("name", lambda r: f"'{r.surface}' names {r.actor} ({r.group}) · voice {r.voice}"
                                          f" · {r.rule}")

LAYER_SPANS: dict[str, tuple[Callable[[pd.DataFrame], list[Span]], tuple[str, ...]]] = {
    "attributions": (attribution_spans, ("content", "speaker", "cue")),
    "labels": (label_spans, ("label",)),
    "hedges": (hedge_spans, ("hedge",)),
    "claims": (claim_spans, ("claim",)),
    "naming": (name_spans, ("name",)),
}
ARTICLE_BLOCKS = ("body", "headline")  # the article itself; every other block is page furniture


def article_html(corpus, article_id: str, tables: dict[str, pd.DataFrame], layers: Iterable[str],
                 heading: str = "") -> str:
    """Return one article as HTML with the rows of ``tables`` highlighted, layer by layer."""
    spans: list[Span] = []
    legend: list[str] = []
    for layer in layers:
        to_spans, roles = LAYER_SPANS[layer]
        table = tables[layer]
        spans += to_spans(table[table["article_id"] == article_id])
        legend += roles
    blocks = corpus.blocks[corpus.blocks["article_id"] == article_id]
    furniture = [(b.start, b.end) for b in blocks.itertuples() if b.kind not in ARTICLE_BLOCKS]
    return render(corpus.texts[article_id], spans, furniture, heading=heading, legend=legend)


def show(corpus, article_id: str, layers: Iterable[str] = ("attributions",),
         **tables: pd.DataFrame) -> HTMLView:
    """Return the article as highlighted HTML, one layer per analysis table.

    Pass a table already computed (``attributions=table``) to avoid computing it again;
    otherwise it is computed for this article only.
    """
    if article_id not in corpus.texts:
        raise KeyError(f"no article '{article_id}'; choose one of: {', '.join(corpus.texts)}")
    layers = list(layers)
    unknown = [layer for layer in layers if layer not in LAYER_SPANS]
    if unknown:
        raise ValueError(f"unknown layer '{unknown[0]}'; known layers: {', '.join(LAYER_SPANS)}")
    tables = {layer: tables[layer] if tables.get(layer) is not None
              else analysis(layer)(corpus.subset([article_id])) for layer in layers}
    title = corpus.articles.set_index("article_id").at[article_id, "label"]
    return HTMLView(article_html(corpus, article_id, tables, layers, heading=f"{title} ({article_id})"))
