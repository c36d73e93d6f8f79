"""What the extractor reads: tokens with raw offsets, and an article's units (headlines,
posts, body paragraphs) with their sentences and quotations.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Iterator

from kit.attribution.entities import ArticleEntities
from kit.attribution.lexicon import MEDIUM_WORDS, AttributionRules
from kit.attribution.speakers import Speaker
from kit.text.quotes import DOUBLE_OPEN, Quote, find_quotes
from kit.text.sentences import sentence_spans
from kit.text.tokens import Token

CLOSING_MARKS = set("”»\"’'")
OPENING_MARKS = set(DOUBLE_OPEN + "\"‘'")


def is_medium_word(token: Token) -> bool:
    """Is the token a word of a medium adjunct ("in a post", "in heavily accented English")?

    A hyphenated word counts by its last part: "Russian-accented".
    """
    return token.lower in MEDIUM_WORDS or token.lower.rpartition("-")[2] in MEDIUM_WORDS


@dataclass
class Cue:
    """A cue in a sentence: tokens ``[i, j)``."""

    i: int
    j: int
    lemma: str
    stance: str
    kind: str  # verb | according | noun


def inside_any(spans: list[tuple[int, int]], offset: int) -> bool:
    """Is ``offset`` inside one of ``spans`` (sorted by start, not overlapping)?"""
    index = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return any(a <= offset < b for a, b in spans[max(0, index - 2):index + 1])


@dataclass(frozen=True)
class CuesAfter:
    """The cues of a sentence after one of them, read lazily: a very long sentence has thousands, and
    each cue needs only the next few."""

    cues: list[Cue]
    start: int

    def __iter__(self) -> Iterator[Cue]:
        return (self.cues[m] for m in range(self.start, len(self.cues)))


@dataclass
class Unit:
    """A stretch of text read as a whole: a headline, a body paragraph, or a post."""

    kind: str  # headline | body | social
    start: int
    end: int
    sentences: list[tuple[int, int, int | None]]  # start, end, sentence_id
    quotes: list[Quote]
    signature: tuple[int, int] | None = None
    quote_starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.quotes = sorted(self.quotes, key=lambda q: q.start)
        self.quote_starts = [q.start for q in self.quotes]


@dataclass
class Sentence:
    """One sentence being read, with its unit and tokens."""

    unit: Unit
    tokens: list[Token]
    start: int
    end: int
    sentence_id: int | None


@dataclass
class Found:
    """A frame's result before it becomes a row."""

    content: tuple[int, int]
    kind: str
    rule: str
    surface: tuple[int, int] | None = None
    speaker: Speaker | None = None


def _stripped(raw: str, start: int, end: int) -> tuple[int, int]:
    text = raw[start:end]
    return start + len(text) - len(text.lstrip()), start + len(text.rstrip())


def article_units(raw: str, blocks: list, paragraphs: list, sentences: list, rules: AttributionRules) -> list[Unit]:
    """Return an article's headlines, posts and body paragraphs (from its table rows) in reading order."""
    units: list[Unit] = []
    post: list[tuple[int, int]] = []
    for block in blocks:
        start, end = _stripped(raw, block.start, block.end)
        if block.kind == "headline":
            units.append(Unit("headline", start, end, [(start, end, None)], find_quotes(raw[start:end], start)))
        if block.kind != "social_embed":
            post = []
        elif re.match(r"[—–-]+\s*.*\(@\w+\)", raw[start:end]):
            if post:
                sentence_rows = [(a, b, None) for p_start, p_end in post
                                 for a, b in sentence_spans(raw[p_start:p_end], rules.text, offset=p_start)]
                quotes = [q for p_start, p_end in post for q in find_quotes(raw[p_start:p_end], p_start)]
                units.append(Unit("social", post[0][0], post[-1][1], sentence_rows, quotes, signature=(start, end)))
            post = []
        else:
            post.append((start, end))
    in_paragraph: dict[int, list] = {}
    for sentence in sentences:
        in_paragraph.setdefault(sentence.paragraph_id, []).append((sentence.start, sentence.end, sentence.sentence_id))
    for paragraph in paragraphs:
        units.append(Unit("body", paragraph.start, paragraph.end, in_paragraph.get(paragraph.paragraph_id, []),
                          find_quotes(raw[paragraph.start:paragraph.end], paragraph.start)))
    return sorted(units, key=lambda unit: unit.start)



def article_entities(raw: str, units: list[Unit], rules: AttributionRules) -> ArticleEntities:
    """Return the entities of an article: names in its body and posts (headlines name only those), and
    the names of the topic pack's actors and of news outlets wherever they occur, in any case."""
    sentences = [(start, end) for unit in units if unit.kind != "headline" for start, end, _ in unit.sentences]
    headlines = [(unit.start, unit.end) for unit in units if unit.kind == "headline"]
    entities = ArticleEntities(raw, rules.entities, sentences, headlines)
    known = []
    for unit in units:
        for mention in rules.actors.mentions(raw[unit.start:unit.end], unit.start):
            kind, category = KNOWN_KINDS.get(mention.actor.type, ("organisation", ""))
            known.append((mention.start, mention.end, kind, category))
    entities.add_known(known)
    return entities


# The entity kind and category of a topic pack's actor type.
KNOWN_KINDS = {"person": ("person", ""), "armed_group": ("organisation", "military"),
               "organisation": ("organisation", ""), "government": ("government", "government"),
               "place_metonym": ("government", "government"), "media": ("organisation", "media")}
