"""Whose words a span is: the outlet's, a quoted source's, or a source's reported speech.

Voice comes from the attribution table, so findings and attributions agree:

- ``quoted``: inside quotation marks a source's words stand in (a direct quote, the quoted
  fragment of mixed speech, an embedded post), or inside a longer quotation no cue names;
- ``attributed``: inside reported speech outside quotation marks (indirect, according to);
- ``scare_quoted``: a short term in quotation marks that no source is credited with
  (only for labels: "the so-called “volunteers”");
- ``outlet``: everything else, the outlet's own narration.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from kit.quotes import find_quotes

VOICES = ("outlet", "quoted", "attributed", "scare_quoted")
# A quotation of at most this many words that no cue credits is a scare quote, not speech.
MAX_SCARE_QUOTE_WORDS = 4


@dataclass
class ArticleVoices:
    """The quoted, attributed and scare-quoted stretches of one article."""

    quoted: list[tuple[int, int]] = field(default_factory=list)
    attributed: list[tuple[int, int]] = field(default_factory=list)
    scare: list[tuple[int, int]] = field(default_factory=list)

    def voice(self, start: int, end: int, labels: bool = False) -> str:
        """Return the voice of ``[start, end)``; scare quotes only when ``labels``."""
        inside = lambda spans: any(a <= start and end <= b for a, b in spans)  # noqa: E731
        if inside(self.quoted):
            return "quoted"
        if inside(self.attributed):
            return "attributed"
        if labels and inside(self.scare):
            return "scare_quoted"
        return "outlet"


def _text_spans(corpus, article_id: str) -> list[tuple[int, int]]:
    """Return (start, end) of the article's body paragraphs and headlines."""
    paragraphs = corpus.paragraphs[corpus.paragraphs["article_id"] == article_id]
    blocks = corpus.blocks[(corpus.blocks["article_id"] == article_id) & (corpus.blocks["kind"] == "headline")]
    spans = list(zip(paragraphs["start"], paragraphs["end"]))
    spans += [(b.start, b.start + len(b.text.rstrip())) for b in blocks.itertuples()]
    return sorted(spans)


def voice_maps(corpus, attributions: pd.DataFrame) -> dict[str, ArticleVoices]:
    """Return the voices of every article, built from its attribution rows and quotations."""
    maps: dict[str, ArticleVoices] = {}
    for article_id in corpus.articles["article_id"]:
        raw = corpus.texts[article_id]
        voices = ArticleVoices()
        rows = attributions[attributions["article_id"] == article_id]
        contents = list(zip(rows["content_start"], rows["content_end"], rows["kind"]))
        quotes = [q for start, end in _text_spans(corpus, article_id) for q in find_quotes(raw[start:end], start)]
        for start, end, kind in contents:
            if kind in ("direct", "social"):
                voices.quoted.append((start, end))
            else:
                voices.attributed.append((start, end))
                voices.quoted += [(q.inner_start, q.inner_end) for q in quotes
                                  if start <= q.inner_start and q.inner_end <= end + 1]
        for quote in quotes:
            credited = any(s <= quote.inner_start and quote.inner_end <= e + 1 for s, e, _ in contents)
            words = len(raw[quote.inner_start:quote.inner_end].split())
            if credited:
                continue
            if words <= MAX_SCARE_QUOTE_WORDS:
                voices.scare.append((quote.inner_start, quote.inner_end))
            else:
                voices.quoted.append((quote.inner_start, quote.inner_end))
        maps[article_id] = voices
    return maps


def sentence_lookup(corpus, article_id: str):
    """Return a function offset -> sentence_id (None outside body sentences)."""
    rows = corpus.sentences[corpus.sentences["article_id"] == article_id]
    spans = list(zip(rows["start"], rows["end"], rows["sentence_id"]))

    def lookup(offset: int) -> int | None:
        for start, end, sentence_id in spans:
            if start <= offset < end:
                return int(sentence_id)
        return None

    return lookup


def analysed_text(corpus, attributions: pd.DataFrame | None = None):
    """Yield (article_id, raw, start, end, source_block, voices, sentence_of) for each stretch read.

    The stretches are headlines and body paragraphs; ``voices`` is the article's
    :class:`ArticleVoices` and ``sentence_of`` maps an offset to its sentence_id.
    """
    if attributions is None:
        from kit.attribution import attributions as extract

        attributions = extract(corpus)
    maps = voice_maps(corpus, attributions)
    for article_id in corpus.articles["article_id"]:
        raw = corpus.texts[article_id]
        sentence_of = sentence_lookup(corpus, article_id)
        headlines = corpus.blocks[(corpus.blocks["article_id"] == article_id)
                                  & (corpus.blocks["kind"] == "headline")]
        for block in headlines.itertuples():
            yield article_id, raw, block.start, block.start + len(block.text.rstrip()), "headline", \
                maps[article_id], sentence_of
        paragraphs = corpus.paragraphs[corpus.paragraphs["article_id"] == article_id]
        for paragraph in paragraphs.itertuples():
            yield article_id, raw, paragraph.start, paragraph.end, "body", maps[article_id], sentence_of
