"""Whose words a span is: the outlet's, a quoted source's, or a source's reported speech.

Voice comes from the attribution table, so findings and attributions agree:

- ``quoted``: inside quotation marks a source's words stand in (a direct quote, the quoted
  fragment of mixed speech, an embedded post), or inside a longer quotation no cue names;
- ``attributed``: inside reported speech outside quotation marks (indirect, according to);
- ``scare_quoted``: a short term in quotation marks that no source is credited with
  (only for labels: "the so-called “volunteers”");
- ``outlet``: everything else, the outlet's own narration.

A quotation that holds only a name (a nickname, a call sign, the title of a work: "White Rex",
call sign “Caesar”) is a name, not a quotation: it takes the voice of the sentence around it, in
every article alike. The names come from the entity table (``kit.entities``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import pandas as pd

from kit.corpus.rows import by_article
from kit.corpus.progress import progress
from kit.text.quotes import find_quotes

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


def _text_spans(blocks: list, paragraphs: list) -> list[tuple[int, int, str]]:
    """Return (start, end, source_block) of an article's headlines and body paragraphs, in order."""
    spans = [(b.start, b.start + len(b.text.rstrip()), "headline") for b in blocks if b.kind == "headline"]
    spans += [(p.start, p.end, "body") for p in paragraphs]
    return sorted(spans)


_TITLE_WORD = re.compile(r"[A-Z0-9][\w’'.&-]*|(?:the|a|an|of|and|de|la|el|al|von|van|der|’s|'s)$")


def holds_only_a_name(raw: str, start: int, end: int, names: list[tuple[int, int]]) -> bool:
    """Does ``raw[start:end]`` (a quotation's inside) hold only a name: a name of the entity table and
    nothing but capitalised words around it ("White Rex", "The Fox", "The Lighthouse Keeper's Daughter")?
    A comma or full stop the copy put inside the marks ('"White Rex,"') does not count."""
    text = raw[start:end]
    first = start + len(text) - len(text.lstrip())
    last = start + len(text.rstrip(" \t\n,.;:!?"))
    if first >= last or not any(first <= a and b <= last for a, b in names):
        return False
    return all(_TITLE_WORD.match(word) for word in re.split(r"\s+|(?=[’']s\b)", raw[first:last]) if word)


def _article_voices(raw: str, spans: list[tuple[int, int, str]], rows: list,
                    names: list[tuple[int, int]] | None = None) -> ArticleVoices:
    """Return the voices of one article from its attribution rows and its quotations; ``names`` are the
    (start, end) of its names: a quotation of a name alone is no quotation."""
    voices = ArticleVoices()
    names = names or []
    contents = [(r.content_start, r.content_end, r.kind) for r in rows if not (
        r.kind in ("direct", "social") and holds_only_a_name(raw, r.content_start, r.content_end, names))]
    quotes = [q for start, end, _ in spans for q in find_quotes(raw[start:end], start)
              if not holds_only_a_name(raw, q.inner_start, q.inner_end, names)]
    for start, end, kind in contents:
        if kind in ("direct", "social"):
            voices.quoted.append((start, end))
        else:
            voices.attributed.append((start, end))
            voices.quoted += [(q.inner_start, q.inner_end) for q in quotes
                              if start <= q.inner_start and q.inner_end <= end + 1]
    for quote in quotes:
        if any(s <= quote.inner_start and quote.inner_end <= e + 1 for s, e, _ in contents):
            continue
        words = len(raw[quote.inner_start:quote.inner_end].split())
        (voices.scare if words <= MAX_SCARE_QUOTE_WORDS else voices.quoted).append((quote.inner_start, quote.inner_end))
    return voices


def sentence_lookup(sentences: list):
    """Return a function offset -> sentence_id for one article's sentence rows (None outside them)."""
    starts = [s.start for s in sentences]

    def lookup(offset: int) -> int | None:
        index = bisect.bisect_right(starts, offset) - 1
        if index >= 0 and offset < sentences[index].end:
            return int(sentences[index].sentence_id)
        return None

    return lookup


@dataclass
class ArticleText:
    """What the framing analyses read in one article: its stretches (headlines and body paragraphs),
    their voices and a lookup from offset to sentence_id."""

    raw: str
    spans: list[tuple[int, int, str]]
    voices: ArticleVoices
    sentence_of: object  # offset -> sentence_id or None


def read_voices(corpus, attributions: pd.DataFrame, entities: pd.DataFrame) -> dict[str, ArticleText]:
    """Return the :class:`ArticleText` of each article of ``corpus``, in corpus order."""
    blocks, paragraphs, sentences = by_article(corpus.blocks), by_article(corpus.paragraphs), by_article(corpus.sentences)
    rows = by_article(attributions)
    names = {a: [(int(n.start), int(n.end)) for n in group] for a, group in by_article(entities).items()}
    texts = {}
    ids = corpus.articles["article_id"]
    for article_id in progress(ids, len(ids), "reading voices"):
        raw = corpus.texts[article_id]
        spans = _text_spans(blocks.get(article_id, []), paragraphs.get(article_id, []))
        voices = _article_voices(raw, spans, rows.get(article_id, []), names.get(article_id, []))
        texts[article_id] = ArticleText(raw, spans, voices, sentence_lookup(sentences.get(article_id, [])))
    return texts


def corpus_voices(corpus) -> dict[str, ArticleText]:
    """Return the voices of ``corpus`` from its own attributions and entities, computed once per corpus."""
    from kit.attribution import attributions, entities

    return corpus.derived("framing.voices", lambda c: read_voices(c, attributions(c), entities(c)))


def analysed_text(corpus, attributions: pd.DataFrame | None = None, entities: pd.DataFrame | None = None):
    """Yield (article_id, raw, start, end, source_block, voices, sentence_of) for each stretch read.

    The stretches are headlines and body paragraphs; ``voices`` is the article's
    :class:`ArticleVoices` and ``sentence_of`` maps an offset to its sentence_id. ``entities``
    (``kit.entities``) tell a quoted name from a quotation. Without tables given, the corpus's own
    are used and the voices are read once per corpus.
    """
    from kit.attribution import attributions as find_attributions, entities as find_entities

    if attributions is None and entities is None:
        texts = corpus_voices(corpus)
    else:
        texts = read_voices(corpus, find_attributions(corpus) if attributions is None else attributions,
                            find_entities(corpus) if entities is None else entities)
    for article_id, text in texts.items():
        for start, end, source_block in text.spans:
            yield article_id, text.raw, start, end, source_block, text.voices, text.sentence_of
