"""Who says what: one row per attribution, with the evidence for each part.

An attribution links CONTENT (said, written, claimed...) to a SOURCE through a CUE:
a reporting verb, a reporting noun, "according to", a colon, or a post's signature.
The task is defined in ``docs/annotation_guidelines.md``. Every row carries the
offsets of its content, speaker and cue in the raw text, the ``rule`` (frame) that
found it, how the speaker was resolved (``resolution``) and a ``confidence``.

The extractor reads headlines, body paragraphs and embedded posts in reading order.
It is rule-based, so each row can be explained: the frames are

- postposed:  “…,” he said  /  “…,” said Keir Giles  /  C, Kapustin said
- colon:      Kapustin told journalists: “…”
- forward:    Russia said it deployed jets / X denied any role / X claimed to have …
- label:      hailed as a “success” / cast the groups as puppets
- according:  according to X, C  /  C, according to X  /  ..., citing X
- noun:       statements by X that C / X's claims of C / their assertion that C
- social:     the text of an embedded post, spoken by the account in its signature
- follow-on:  a paragraph that is only a quotation continues the previous speaker
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from kit.actors import ActorTable
from kit.corpus import Rows, by_article
from kit.progress import progress
from kit.quotes import DOUBLE_OPEN, Quote, find_quotes
from kit.speakers import PERSON_PRONOUNS, PLURAL_PRONOUNS, Speaker, SpeakerResolver
from kit.text import TextRules, sentence_spans
from kit.wordlists import read_rows, split_values

ATTRIBUTION_COLUMNS = [
    "article_id", "attribution_id", "sentence_id", "kind", "content", "content_start", "content_end",
    "speaker_surface", "speaker_start", "speaker_end", "speaker", "speaker_group", "cue",
    "cue_start", "cue_end", "cue_lemma", "verb_stance", "follow_on", "rule", "resolution",
    "confidence", "source_block",
]
TOKEN_RE = re.compile(r"\w+(?:[’'\-.]\w+)*|[^\w\s]")
CLOSING_MARKS = set("”»\"’'")
OPENING_MARKS = set(DOUBLE_OPEN + "\"‘'")

PASSIVE_AUXILIARIES = frozenset({"is", "are", "was", "were", "be", "been", "being"})
FINITE_VERBS = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would", "can",
                          "could", "may", "might", "must", "should", "did", "does", "do", "shall"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "his", "her",
                         "their", "our", "my", "your", "any", "no", "every", "each", "such"})
PREPOSITIONS_BEFORE_GERUND = frozenset({"without", "by", "for", "of", "from", "after", "before", "on",
                                        "in", "about", "upon", "against", "despite"})
CLAUSE_WORDS = frozenset({"but", "and", "while", "whereas", "although", "though", "because", "which",
                          "who", "whom", "when", "after", "before", "since", "if", "so", "as", "than",
                          "where", "or", "yet", "until", "that"})
COORDINATORS = frozenset({",", "and", "but", "while", "although", "though", "whereas", ";", "—", "–"})
ADVERBS = frozenset({"also", "previously", "again", "then", "repeatedly", "once", "further", "recently",
                     "now", "already", "separately", "publicly", "privately", "later", "earlier",
                     "reportedly", "still", "first", "initially", "subsequently", "similarly",
                     "meanwhile", "however", "not", "never", "even", "just", "only", "had", "has",
                     "have", "will", "would", "could", "did", "does", "do"})
TIME_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "week", "month", "year", "day", "morning", "afternoon", "evening", "night",
    "weekend", "today", "yesterday", "earlier", "later", "time", "last", "this", "next", "previous",
    "late", "early"})
MEDIUM_WORDS = frozenset({
    "statement", "post", "video", "interview", "briefing", "conference", "message", "tweet", "website",
    "channel", "telegram", "twitter", "facebook", "vkontakte", "instagram", "youtube", "speech",
    "address", "broadcast", "email", "letter", "comments", "remarks", "television", "tv", "radio",
    "podcast", "english", "russian", "ukrainian", "response", "reply", "chat", "appearance", "media",
    "press", "social", "network", "networks", "written", "separate", "online", "own", "official",
    "daily", "nightly", "regular", "weekly", "news", "phone", "telephone", "joint", "emailed",
    "accented", "fluent", "broken", "page", "account", "accounts", "blog", "app", "journalists", "reporters",
    "its", "his", "her", "their", "a", "an", "the"})
ADDRESSEE_WORDS = frozenset({"the", "a", "an", "journalists", "reporters", "media", "press",
                             "conference", "briefing", "news", "audience", "crowd", "correspondents",
                             "parliament", "lawmakers", "him", "her", "them", "us", "me"})
CLAUSE_ENDERS_AFTER_CUE = frozenset({"as", "after", "referring", "who", "while", "adding", "before",
                                     "without", "when", "in", "on", "at", "during", "via", "late",
                                     "earlier", "later", "last", "this", "through", "over", "from",
                                     "also", "again", "then", "today", "yesterday", "according"})
LEADING_ADVERBIALS = frozenset({
    "in", "on", "at", "after", "before", "during", "earlier", "later", "despite", "following", "separately",
    "instead", "moreover", "similarly", "overall", "by", "for", "from", "with", "without", "under", "amid", "over", "as",
    "since", "last", "this", "today", "yesterday", "while", "when", "although", "though", "if",
    "because", "unlike", "like", "according"})
CONNECTIVES = frozenset({"but", "and", "so", "yet", "still", "meanwhile", "however", "also", "then",
                         "now", "thus", "indeed"})
MAX_SPEAKER_TOKENS = 40  # long enough to reach a sentence-initial adverbial
MAX_UNQUOTED_SPEAKER_TOKENS = 10
MAX_ADDRESSEE_TOKENS = 8


# ---------------------------------------------------------------------------------------------
# Word lists


@dataclass(frozen=True)
class CueLexicon:
    """Reporting verbs and nouns, keyed by their lower-case token sequences."""

    verbs: dict[tuple[str, ...], tuple[str, str]]
    nouns: dict[str, tuple[str, str]]
    max_words: int
    first_words: frozenset[str]  # every word a cue can start with; other words are skipped at once
    frames: dict[str, frozenset[str]]  # lemma -> the frames its content can take (the `frames` column)

    @classmethod
    def load(cls, data_dir: Path | None = None) -> "CueLexicon":
        verbs: dict[tuple[str, ...], tuple[str, str]] = {}
        verb_rows = read_rows("reporting_verbs", data_dir)
        frames = {row["lemma"]: frozenset(split_values(row.get("frames", ""))) for row in verb_rows}
        for row in verb_rows:
            for form in split_values(row["forms"]):
                verbs.setdefault(tuple(form.lower().split()), (row["lemma"], row["stance"]))
        nouns = {form.lower(): (row["lemma"], row["stance"])
                 for row in read_rows("reporting_nouns", data_dir) for form in split_values(row["forms"])}
        first_words = frozenset({key[0] for key in verbs} | set(nouns) | {"according", "as"})
        return cls(verbs, nouns, max(len(key) for key in verbs), first_words, frames)

    def takes(self, lemma: str, frame: str) -> bool:
        """Can the content of ``lemma`` take ``frame``?

        Frames: label ("hailed X as a 'success'"), infinitive ("claimed to have captured"),
        addressee ("told journalists that"), clause_only (reports only with a that-clause, a
        colon, a quotation or a postposed cue: "footage showed vehicles" reports nothing),
        confront (contradiction: "questioned Kiev's narrative").
        """
        return frame in self.frames.get(lemma, ())

    def verb_at(self, words: list[str]) -> tuple[int, str, str] | None:
        """Return (number of words, lemma, stance) of the longest verb form starting ``words``."""
        for size in range(min(self.max_words, len(words)), 0, -1):
            found = self.verbs.get(tuple(words[:size]))
            if found:
                return size, *found
        return None


@dataclass(frozen=True)
class AttributionRules:
    """Everything the extractor reads from ``kit/data``."""

    cues: CueLexicon
    actors: ActorTable
    text: TextRules

    @classmethod
    def load(cls, data_dir: Path | None = None) -> "AttributionRules":
        return cls(CueLexicon.load(data_dir), ActorTable.load(data_dir), TextRules.load(data_dir))


# ---------------------------------------------------------------------------------------------
# Text pieces


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()


def is_medium_word(token: Token) -> bool:
    """Is the token a word of a medium adjunct ("in a post", "in heavily accented English")?

    A hyphenated word counts by its last part: "Russian-accented".
    """
    return token.lower in MEDIUM_WORDS or token.lower.rpartition("-")[2] in MEDIUM_WORDS


def tokenize(raw: str, start: int, end: int) -> list[Token]:
    """Return the words and punctuation marks of ``raw[start:end]`` with raw offsets."""
    return [Token(m.group(0), m.start(), m.end()) for m in TOKEN_RE.finditer(raw, start, end)]


@dataclass
class Cue:
    """A cue in a sentence: tokens ``[i, j)``."""

    i: int
    j: int
    lemma: str
    stance: str
    kind: str  # verb | according | noun


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


# ---------------------------------------------------------------------------------------------
# One article


class ArticleReader:
    """Find the attributions of one article, in reading order."""

    def __init__(self, raw: str, units: list[Unit], rules: AttributionRules, article_id: str):
        self.raw, self.units, self.rules, self.article_id = raw, units, rules, article_id
        long_quotes = [(q.start, q.end) for u in units for q in u.quotes
                       if len(raw[q.inner_start:q.inner_end].split()) > 3]
        self.speakers = SpeakerResolver(raw, rules.actors, long_quotes, [(u.start, u.end) for u in units])
        self.rows: list[dict[str, object]] = []
        self.consumed_quotes: set[int] = set()

    # -- reading order ----------------------------------------------------------------------

    def read(self) -> list[dict[str, object]]:
        """Return the article's attribution rows."""
        previous_speaker: Speaker | None = None
        for unit in self.units:
            before = len(self.rows)
            if unit.kind == "social":
                self.read_post(unit)
            for start, end, sentence_id in unit.sentences:
                tokens = tokenize(self.raw, start, end)
                if tokens:
                    self.read_sentence(Sentence(unit, tokens, start, end, sentence_id))
                self.speakers.read_sentence(start, end)
            if unit.kind != "body":
                continue
            if len(self.rows) == before and previous_speaker is not None:
                self.follow_on(unit, previous_speaker)
            new_rows = self.rows[before:]
            previous_speaker = self.row_speaker(new_rows[-1]) if new_rows else None
        return self.rows

    @staticmethod
    def row_speaker(row: dict[str, object]) -> Speaker:
        return Speaker(str(row["speaker"]), str(row["speaker_group"]), str(row["speaker_type"]),
                       f"same speaker as the paragraph before ({row['speaker']})")

    def read_sentence(self, s: Sentence) -> None:
        rows_before = len(self.rows)
        cues = self.find_cues(s)
        handled: set[int] = set()
        shared: Found | None = None
        postposed_spans: list[tuple[int, int]] = []
        for cue in cues:  # postposed cues first: what they report is not anyone else's claim
            if cue.kind == "verb":
                found = self.postposed(s, cue)
                if found:
                    self.emit(s, cue, found)
                    handled.add(cue.i)
                    if found.rule.startswith("postposed: “"):
                        postposed_spans.append(found.content)
                    shared = found
        for index, cue in enumerate(cues):
            if cue.i in handled:
                continue
            cue_start = s.tokens[cue.i].start
            if cue.kind != "according" and any(a <= cue_start < b for a, b in postposed_spans):
                continue  # "The Kremlin does not dispute …,” Peskov said": Peskov's content
            later = cues[index + 1:]
            if cue.kind == "according":
                found = self.frame_according(s, cue, later)
            elif cue.kind == "noun":
                found = self.frame_noun(s, cue)
            else:
                found = self.frame_forward(s, cue, later, shared)
            if found:
                self.emit(s, cue, found)
                if cue.kind == "verb":
                    shared = found
        if len(self.rows) == rows_before:
            self.frame_colon_without_cue(s)

    # -- cues -------------------------------------------------------------------------------

    def quote_at(self, unit: Unit, offset: int) -> Quote | None:
        """Return the quotation of ``unit`` that holds ``offset`` (quotations do not overlap)."""
        index = bisect.bisect_right(unit.quote_starts, offset) - 1
        if index >= 0 and offset < unit.quotes[index].end:
            return unit.quotes[index]
        return None

    def in_quote(self, unit: Unit, token: Token) -> bool:
        """Is the token quoted speech (not its opening mark, not a quoted name)?"""
        quote = self.quote_at(unit, token.start)
        if quote is None or (token.start == quote.start and token.text in OPENING_MARKS):
            return False
        return not self.is_name_quote(quote)

    def is_name_quote(self, quote: Quote) -> bool:
        """Is the quotation only a name or nickname (“White Rex”, “Caesar”)?"""
        inner = self.raw[quote.inner_start:quote.inner_end].strip(" ,.")
        words = inner.split()
        before = self.raw[max(0, quote.start - 4):quote.start].lower().split()
        after_article = bool(before) and before[-1] in ("a", "an")
        return bool(words) and (self.rules.actors.lookup(inner) is not None
                                or (len(words) == 1 and words[0][:1].isupper() and not after_article))

    def find_cues(self, s: Sentence) -> list[Cue]:
        tokens, lexicon = s.tokens, self.rules.cues
        cues: list[Cue] = []
        k = 0
        while k < len(tokens):
            token = tokens[k]
            if not token.is_word or token.lower not in lexicon.first_words or self.in_quote(s.unit, token):
                k += 1
                continue
            words = [t.lower for t in tokens[k:k + lexicon.max_words + 1]]
            if words[:2] == ["according", "to"]:
                cues.append(Cue(k, k + 2, "according to", "neutral", "according"))
                k += 2
                continue
            if words[:2] == ["as", "reported"] and len(words) > 2 and words[2] in ("by", "on", "in"):
                cues.append(Cue(k, k + 3, "report", "neutral", "according"))
                k += 3
                continue
            verb = lexicon.verb_at(words)
            if verb:
                size, lemma, stance = verb
                previous = tokens[k - 1].lower if k else ""
                if lemma in ("quote", "cite") and token.lower.endswith("ing") and previous == ",":
                    cues.append(Cue(k, k + size, lemma, stance, "according"))
                    k += size
                    continue
                if self.is_verb_use(tokens, k, size):
                    cues.append(Cue(k, k + size, lemma, stance, "verb"))
                    k += size
                    continue
            if token.lower in lexicon.nouns:
                cues.append(Cue(k, k + 1, *lexicon.nouns[token.lower], "noun"))
            k += 1
        return cues

    @staticmethod
    def is_verb_use(tokens: list[Token], k: int, size: int) -> bool:
        """Is the word at ``k`` an active reporting verb (not 'the claims', 'is said to')?"""
        word = tokens[k].lower
        previous = tokens[k - 1].lower if k else ""
        following = tokens[k + size].lower if k + size < len(tokens) else ""
        relative = previous in ("that", "which", "who") and (
            following in ("to", "that", "it", "they", "he", "she", ",") or following in DETERMINERS)
        if (previous in DETERMINERS and not relative) or previous in PASSIVE_AUXILIARIES:
            return False  # "the claims", "that claim"; but "groups that purport to"
        if k and tokens[k - 1].text.endswith(("’s", "'s")):
            return False
        if word.endswith("ing") and previous in PREPOSITIONS_BEFORE_GERUND:
            return False  # "without disclosing his name"
        if following == "by" and word.endswith("ed"):
            return False  # passive with an agent: "claimed by two groups"
        return True

    # -- emitting rows --------------------------------------------------------------------

    def emit(self, s: Sentence, cue: Cue | None, found: Found, confidence: float | None = None) -> None:
        start, end = found.content
        if end - start < 2 or found.speaker is None:
            return
        cue_span = (s.tokens[cue.i].start, s.tokens[cue.j - 1].end) if cue else None
        self.add_row(s.unit, s.sentence_id, found, cue_span, cue.lemma if cue else "",
                     cue.stance if cue else "", confidence)

    def add_row(self, unit: Unit, sentence_id: int | None, found: Found, cue: tuple[int, int] | None,
                lemma: str, stance: str, confidence: float | None = None, follow_on: bool = False) -> None:
        speaker, surface = found.speaker, found.surface
        assert speaker is not None
        if cue is not None and any(r["cue_start"] == cue[0] for r in self.rows):
            return  # one row per (source, cue)
        if confidence is None:
            confidence = {"direct": 0.9, "mixed": 0.8, "according_to": 0.8, "social": 0.9}.get(found.kind, 0.7)
            if speaker.type == "unresolved":
                confidence -= 0.3
            elif speaker.type == "unnamed" and speaker.group == "anonymous":
                confidence -= 0.1
        start, end = found.content
        self.rows.append({
            "article_id": self.article_id, "sentence_id": sentence_id, "kind": found.kind,
            "content": self.raw[start:end], "content_start": start, "content_end": end,
            "speaker_surface": self.raw[surface[0]:surface[1]] if surface else "",
            "speaker_start": surface[0] if surface else None, "speaker_end": surface[1] if surface else None,
            "speaker": speaker.name, "speaker_group": speaker.group, "speaker_type": speaker.type,
            "cue": self.raw[cue[0]:cue[1]] if cue else "", "cue_start": cue[0] if cue else None,
            "cue_end": cue[1] if cue else None, "cue_lemma": lemma, "verb_stance": stance,
            "follow_on": follow_on, "rule": found.rule, "resolution": speaker.resolution,
            "confidence": round(confidence, 2), "source_block": unit.kind,
        })
        self.speakers.spoke(surface[0] if surface else start, speaker)

    # -- spans ------------------------------------------------------------------------------

    def trim(self, start: int, end: int) -> tuple[int, int]:
        """Strip spaces and edge punctuation; a final period outside quotation marks goes."""
        raw = self.raw
        while start < end and (raw[start].isspace() or raw[start] in ",;:—–-"):
            start += 1
        while end > start and (raw[end - 1].isspace() or raw[end - 1] in ",;:—–-("):
            end -= 1
        if end > start and raw[end - 1] == "." and not raw[max(start, end - 3):end].endswith(".."):
            end -= 1
        while end > start and raw[end - 1].isspace():
            end -= 1
        return start, end

    def kind_of(self, unit: Unit, start: int, end: int) -> str:
        """Return direct, mixed or indirect for the content ``[start, end)``."""
        overlapping = [q for q in unit.quotes if q.start < end and q.end > start]
        speech = [q for q in overlapping if not self.is_name_quote(q)]
        if len(speech) == 1 and speech[0].inner_start >= start - 1 and speech[0].inner_start <= start + 1 \
                and speech[0].inner_end >= end - 2:
            return "direct"
        return "mixed" if speech else "indirect"

    def sentence_content(self, s: Sentence, start: int, end: int, rule: str) -> Found:
        start, end = self.trim(start, end)
        return Found((start, end), self.kind_of(s.unit, start, end), rule)

    # -- speakers ---------------------------------------------------------------------------

    def subject_before(self, s: Sentence, cue: Cue, shared: Found | None) -> tuple[Speaker, tuple[int, int]] | None:
        """Return the speaker and surface of the subject before the cue, or the shared one."""
        tokens = s.tokens
        b = self.skip_back_adjuncts(tokens, cue.i)
        if b > 0 and tokens[b - 1].lower == "to":
            return self.sentence_subject(s, b - 1)  # "emerged ... to claim responsibility"
        participle = tokens[cue.i].lower.endswith("ing")
        if b == 0 or (tokens[b - 1].lower in COORDINATORS and tokens[b - 1].text != ",") or (
                participle and (tokens[b - 1].text == "," or tokens[b - 1].text in CLOSING_MARKS)):
            if shared is not None and shared.speaker is not None:
                return shared.speaker, shared.surface  # "..., but denied", "...,” saying"
            return self.sentence_subject(s, b - 1) if b > 0 else None
        if tokens[b - 1].lower in PERSON_PRONOUNS | PLURAL_PRONOUNS | {"it", "i", "she"}:
            surface = (tokens[b - 1].start, tokens[b - 1].end)  # "a carrier they said was ..."
            return self.speakers.resolve(*surface, headline=s.unit.kind == "headline"), surface
        a = b
        if tokens[b - 1].text == ",":  # "X, who gave his call sign as Caesar, also hailed": skip the appositive
            a = b - 1
            while a > 0 and tokens[a - 1].text not in ",;:" and b - a < MAX_SPEAKER_TOKENS:
                a -= 1
            if a > 0 and tokens[a - 1].text == ",":
                a -= 1
            else:
                a = b
        while a > 0 and b - a < MAX_SPEAKER_TOKENS:
            token = tokens[a - 1]
            if token.text in ";:":
                break
            if token.text in CLOSING_MARKS and self.in_quote(s.unit, Token(token.text, token.start - 1, token.end)):
                break
            if token.lower in CLAUSE_WORDS and not self.joins_names(tokens, a - 1) \
                    and not (token.lower in ("who", "which") and a >= 2 and tokens[a - 2].text == ","):
                break
            if self.in_quote(s.unit, token):
                break
            a -= 1
        if a > 0 and tokens[a - 1].lower in ("that", "who", "which") and a == self.first_verbish(tokens, a, b):
            # "groups that purport to ... said", "the other group that claims": the antecedent speaks
            return self.antecedent_subject(s, a - 1)
        a = self.skip_leading_adverbials(tokens, a, b)
        while b - a > 1 and tokens[b - 1].lower in ("which", "who", "that", ","):
            b -= 1  # "the Siberia Battalion, which says": the speaker is the battalion
        if a >= b:
            return None
        inner = [c for c in self.find_cues(Sentence(s.unit, tokens[a:b], s.start, s.end, None))
                 if c.kind == "verb"]
        if inner:  # "Two groups claiming to be ... say": the subject of the first cue
            b = self.skip_back_adjuncts(tokens, a + inner[0].i)
        if a >= b or not self.looks_like_subject(s, a, b):
            return None
        surface = (tokens[a].start, tokens[b - 1].end)
        return self.speakers.resolve(*surface, headline=s.unit.kind == "headline"), surface

    def first_verbish(self, tokens: list[Token], a: int, b: int) -> int:
        """Return ``a`` if the region [a, b) starts with a verb (a relative clause), else -1."""
        if a >= b:
            return a
        first = tokens[a]
        if self.rules.cues.verb_at([first.lower]) or first.lower in FINITE_VERBS:
            return a
        return -1

    def antecedent_subject(self, s: Sentence, relative: int) -> tuple[Speaker, tuple[int, int]] | None:
        """Return the noun phrase a relative pronoun at ``relative`` refers to, as speaker."""
        tokens = s.tokens
        b = relative
        a = b
        while a > 0 and tokens[a - 1].lower not in CLAUSE_WORDS | FINITE_VERBS | PASSIVE_AUXILIARIES \
                and tokens[a - 1].text not in ",;:":
            a -= 1
        if a > 0 and tokens[a - 1].lower in PASSIVE_AUXILIARIES:
            return self.sentence_subject(s, a - 1)  # "The Legion is the other group that claims"
        a = self.skip_leading_adverbials(tokens, a, b)
        if a < b and self.looks_like_subject(s, a, b):
            surface = (tokens[a].start, tokens[b - 1].end)
            found = self.speakers.resolve(*surface, headline=s.unit.kind == "headline")
            if found.type != "unresolved":
                return found, surface
        return self.sentence_subject(s, relative)

    def sentence_subject(self, s: Sentence, before: int) -> tuple[Speaker, tuple[int, int]] | None:
        """Return the subject of the clause the tokens up to ``before`` begin with."""
        tokens = s.tokens
        a = self.skip_leading_adverbials(tokens, 0, before)
        b = a
        while b < before and b - a < MAX_UNQUOTED_SPEAKER_TOKENS:
            token = tokens[b]
            if token.lower in FINITE_VERBS or token.lower in CLAUSE_WORDS and not self.joins_names(tokens, b):
                break
            if b > a and not token.capitalised and token.is_word and token.lower.endswith(("ed", "s")) \
                    and tokens[b - 1].is_word and tokens[b - 1].lower not in DETERMINERS \
                    and (tokens[b - 1].capitalised or tokens[b - 1].lower.endswith("s")):
                break  # "Mr Kapustin smiled": the verb ends the subject
            b += 1
        if b <= a or not self.looks_like_subject(s, a, b):
            return None
        surface = (tokens[a].start, tokens[b - 1].end)
        return self.speakers.resolve(*surface, headline=s.unit.kind == "headline"), surface

    def skip_back_adjuncts(self, tokens: list[Token], b: int) -> int:
        """Step back over 'on Wednesday (May 24)', 'has', 'also' before a verb."""
        while b > 0:
            token = tokens[b - 1]
            if token.lower in ADVERBS or token.lower in TIME_WORDS or token.text in "()" \
                    or token.text.isdigit() or (token.lower in ("on", "in", "at")
                                                and b < len(tokens) and tokens[b].lower in TIME_WORDS):
                b -= 1
                continue
            break
        return b

    def skip_leading_adverbials(self, tokens: list[Token], a: int, b: int) -> int:
        """Skip 'In northern Ukraine ..., ' / 'Meanwhile, ' / 'However, asked about ..., ' / 'But '."""
        while a < b:
            head = tokens[a]
            if head.text in ",—–-(" or head.lower in CONNECTIVES:
                a += 1  # "But Kapustin, the RVC commander," keeps Kapustin
                continue
            comma = next((k for k in range(a, b) if tokens[k].text == ","), None)
            participle = head.is_word and head.lower.endswith(("ed", "ing")) and (a == 0 or not head.capitalised)
            if comma is not None and (head.lower in LEADING_ADVERBIALS or participle):
                a = comma + 1
                continue
            break
        return a

    @staticmethod
    def joins_names(tokens: list[Token], k: int) -> bool:
        """Is the 'and' at ``k`` joining two names ("Nikitin and Volkov")?"""
        if tokens[k].lower not in ("and", "&") or k == 0 or k + 1 >= len(tokens):
            return False
        before, after = tokens[k - 1], tokens[k + 1]
        return before.capitalised and before.is_word and (after.capitalised or after.lower == "the")

    def looks_like_subject(self, s: Sentence, a: int, b: int) -> bool:
        """Could tokens [a, b) name a source: a name, pronoun, role, group or document?"""
        tokens = s.tokens
        words = [t for t in tokens[a:b] if t.is_word]
        if not words:
            return False
        # a clause, not a noun phrase: "Kapustin was previously founder of a brand also called ..."
        depth = 0
        for t in tokens[a:b]:
            depth += t.text == ","
            if t.lower in FINITE_VERBS and depth % 2 == 0:
                return False
        text = self.raw[tokens[a].start:tokens[b - 1].end]
        lower = [w.lower for w in words]
        if lower[0] in PERSON_PRONOUNS | PLURAL_PRONOUNS | {"it", "i"} or lower == ["both"]:
            return len(words) <= 2
        head = re.split(r",|\b(?:of|for|at|from|with|in|on|who|which)\b", text, maxsplit=1)[0].split()
        head_word = head[-1] if head else ""
        if len(head) >= 2 and head[-2].endswith(("’s", "'s")) and not self.rules.actors.role_classes(head_word):
            return False  # "Moscow's response showed": a thing, not a source
        if self.speakers.mentions_between(tokens[a].start, tokens[b - 1].end) or self.rules.actors.role_classes(text):
            return True
        return words[0].capitalised and lower[0] not in ("this", "that", "it", "there", "what")

    # -- frames -----------------------------------------------------------------------------

    def postposed(self, s: Sentence, cue: Cue) -> Found | None:
        """“…,” he said / “…,” said Keir Giles / C, Kapustin said: the cue follows its content."""
        tokens, i = s.tokens, cue.i
        k = cue.j
        if self.rules.cues.takes(cue.lemma, "addressee"):
            k = self.skip_addressee(tokens, k)
        mark = self.closing_mark_before(s, i)
        if mark is not None and (mark == i - 1 or (mark == i - 2 and tokens[i - 1].text == ",")):
            # "…,” said Keir Giles who works at ...": the speaker follows the verb
            m = k
            while m < len(tokens) and tokens[m].text not in ".;,!?" and tokens[m].lower not in ("who", "which"):
                m += 1
            if m == k or not self.looks_like_subject(s, k, m):
                return None
            a, b, k = k, m, m
        elif mark is not None:
            a = mark + 1 + (tokens[mark + 1].text == ",")
            b = self.skip_back_adjuncts(tokens, i)
        else:
            comma = next((n for n in range(i - 1, max(-1, i - MAX_UNQUOTED_SPEAKER_TOKENS - 1), -1)
                          if tokens[n].text in ",.;:!?"), None)
            if comma is None or tokens[comma].text != ",":
                return None
            a, b = comma + 1, self.skip_back_adjuncts(tokens, i)
        k = self.skip_adjuncts(tokens, k)
        if k < len(tokens) and not (tokens[k].text in ".,;!?" or tokens[k].lower in CLAUSE_ENDERS_AFTER_CUE):
            return None
        while b > a and tokens[b - 1].text in ",—–-":
            b -= 1
        if a >= b or not self.looks_like_subject(s, a, b):
            return None
        surface = (tokens[a].start, tokens[b - 1].end)
        if mark is None and self.only_names(self.raw[s.start:tokens[a - 1].start]):
            return None  # "The RVC, the Legion and the Battalion said ...": a list of subjects
        if mark is not None:
            quote = self.quote_at(s.unit, tokens[mark].start)
            if quote is None:
                return None
            start, end = quote.inner_start, self.merge_split_quote(s, quote)
            lead = self.raw[s.start:quote.start]
            if quote.start > s.start and lead.strip() and not lead.rstrip().endswith(":"):
                start = self.trim(s.start, quote.start)[0]  # "The Kremlin ... considers them “militants,”"
            found = Found((start, end), "direct" if start == quote.inner_start else "mixed",
                          "postposed: “…,” SPEAKER CUE", surface)
        else:
            content = self.trim(s.start, tokens[a - 1].start)
            if len(self.raw[content[0]:content[1]].split()) < 3:
                return None
            found = Found(content, self.kind_of(s.unit, *content), "postposed: C, SPEAKER CUE", surface)
        found.speaker = self.speakers.resolve(*surface, headline=s.unit.kind == "headline")
        return found

    def only_names(self, text: str) -> bool:
        """Is ``text`` nothing but actor names joined by commas, 'and' and articles?"""
        mentions = self.rules.actors.mentions(text)
        rest = text
        for mention in reversed(mentions):
            rest = rest[:mention.start] + " " + rest[mention.end:]
        return bool(mentions) and not re.sub(r"\b(?:the|and|a|an)\b|[,\s]", "", rest, flags=re.I)

    def closing_mark_before(self, s: Sentence, i: int) -> int | None:
        """Return the index of the closing quotation mark the cue at ``i`` follows, if any.

        Between the mark and the cue only the speaker may stand (a name, a role, an
        appositive): no sentence end, no quoted speech.
        """
        tokens = s.tokens
        for n in range(i - 1, max(-1, i - MAX_SPEAKER_TOKENS - 2), -1):
            token = tokens[n]
            if token.text in CLOSING_MARKS:
                quote = self.quote_at(s.unit, token.start)
                if quote is not None and quote.end == token.end and not self.is_name_quote(quote):
                    last = self.raw[max(quote.inner_start, quote.inner_end - 1):quote.inner_end]
                    after = tokens[n + 1].text if n + 1 < len(tokens) else ""
                    return n if last in ",?!—–-…" or after == "," else None
                continue
            if token.text in ".;:!?" or (token.is_word and self.in_quote(s.unit, token)):
                return None
        return None

    def merge_split_quote(self, s: Sentence, quote: Quote) -> int:
        """Extend '“A,” he said. “B.”' to one content ending at B's last character."""
        end = quote.inner_end
        following = [q for q in s.unit.quotes if q.start >= s.end]
        if not following or self.raw[s.end:following[0].start].strip():
            return end
        nxt = following[0]
        rest = tokenize(self.raw, nxt.end, min(s.unit.end, nxt.end + 120))
        sentence_rest = []
        for t in rest:
            if t.text in ".!?":
                break
            sentence_rest.append(t)
        own_cue = any(self.rules.cues.verb_at([t.lower]) for t in sentence_rest[:8])
        if own_cue and self.raw[nxt.inner_end - 1:nxt.inner_end] in ",?!":
            return end  # “B,” he said: its own row
        self.consumed_quotes.add(nxt.start)
        return nxt.inner_end

    def frame_forward(self, s: Sentence, cue: Cue, later: list[Cue], shared: Found | None) -> Found | None:
        """SPEAKER CUE content: 'Russia said it deployed jets', 'X denied any role', 'X claimed to'."""
        subject = self.subject_before(s, cue, shared)
        if subject is None:
            return None
        speaker, surface = subject
        relative = cue.i > 0 and s.tokens[cue.i - 1].lower in ("that", "who", "which")
        found = self.content_after(s, cue, later, stop_at_next_cue=relative)
        if found is None:
            return None if self.rules.cues.takes(cue.lemma, "clause_only") else Found((0, 0), "", "", surface, speaker)
        found.speaker, found.surface = speaker, surface
        return found

    def content_after(self, s: Sentence, cue: Cue, later: list[Cue], stop_at_next_cue: bool = False) -> Found | None:
        tokens, lemma = s.tokens, cue.lemma
        k = cue.j
        window = tokens[cue.j:cue.j + 16]
        that_at = next((cue.j + n for n, t in enumerate(window) if t.lower == "that"
                        and not self.in_quote(s.unit, t)), None)
        colon_at = next((cue.j + n for n, t in enumerate(window) if t.text == ":"), None)
        if self.rules.cues.takes(lemma, "addressee"):
            if colon_at is not None and (that_at is None or colon_at < that_at):
                k = colon_at
            elif that_at is not None:
                k = that_at
            else:
                k = self.skip_addressee(tokens, k)
        k = self.skip_adjuncts(tokens, k)
        if k < len(tokens) and tokens[k].text == "," and that_at is not None and tokens[that_at - 1].text == ",":
            k = that_at  # "reported, citing the governor, that ..."
        if k < len(tokens) and tokens[k].text == ":":
            return self.colon_content(s, k)
        if k >= len(tokens) or tokens[k].text in ".?!,;":
            return None
        opens_clause = tokens[k].lower in ("that", "how") or (
            tokens[k].text in OPENING_MARKS and self.quote_at(s.unit, tokens[k].start) is not None
            and not self.is_name_quote(self.quote_at(s.unit, tokens[k].start)))
        if self.rules.cues.takes(lemma, "label"):
            return self.label_content(s, cue, k)
        if self.rules.cues.takes(lemma, "clause_only") and not opens_clause:
            return None
        if self.rules.cues.takes(lemma, "confront") and not opens_clause and not any(
                t.lower in self.rules.cues.nouns for t in tokens[k:k + 5]):
            return None  # "dismissed a question" is not a report; "questioned Kiev's narrative" is
        if tokens[k].lower in ("that", "how"):
            k += 1
        start = k
        if self.rules.cues.takes(lemma, "infinitive"):
            for m in range(k, min(len(tokens) - 1, k + 12)):
                t, nxt = tokens[m], tokens[m + 1]
                if t.lower == "to" and nxt.is_word and not nxt.capitalised and nxt.lower not in DETERMINERS:
                    start = m - 1 if m > k and tokens[m - 1].lower == "not" else m
                    break
                if t.text in ",.;:":
                    break
        if start >= len(tokens):
            return None
        end = self.clause_end(s, start, later)
        if stop_at_next_cue:  # "groups that purport to be X said ...": the relative clause ends at "said"
            following = [c for c in later if c.kind == "verb" and c.i > start]
            if following:
                end = min(end, tokens[self.skip_back_adjuncts(tokens, following[0].i) - 1].end)
        return self.sentence_content(s, tokens[start].start, end, f"forward: SPEAKER {lemma.upper()} content")

    @staticmethod
    def skip_addressee(tokens: list[Token], k: int) -> int:
        """Skip 'journalists', 'Reuters', 'NBC News', 'a press conference' after 'told'."""
        start = k
        while k < len(tokens) and k - start < MAX_ADDRESSEE_TOKENS:
            token = tokens[k]
            following = tokens[k + 1] if k + 1 < len(tokens) else None
            if token.lower in DETERMINERS:
                if following is None or not (following.capitalised or following.lower in ADDRESSEE_WORDS):
                    break  # "told Reuters the raid was": "the" starts the content
            elif not (token.capitalised and token.is_word) and token.lower not in ADDRESSEE_WORDS:
                break
            k += 1
        return k

    def skip_adjuncts(self, tokens: list[Token], k: int) -> int:
        """Skip cue adjuncts of time and medium: 'on Wednesday (May 24)', 'in a post on Telegram'."""
        while k < len(tokens):
            token = tokens[k]
            if token.lower in ("on", "in", "at", "during", "via", "through", "over") and k + 1 < len(tokens):
                m = k + 1
                while m < len(tokens) and (is_medium_word(tokens[m]) or tokens[m].lower in TIME_WORDS
                                           or tokens[m].text.isdigit() or tokens[m].text in "()"
                                           or tokens[m].text.endswith(("’s", "'s"))):
                    m += 1
                while m > k + 1 and tokens[m - 1].lower in DETERMINERS:
                    m -= 1  # "on March 21 their forces": the possessive starts the content
                if m > k + 1:
                    k = m
                    continue
                break
            if token.lower in TIME_WORDS or token.text in "()" \
                    or token.lower in ("also", "again", "repeatedly", "previously", "publicly", "then"):
                k += 1
                continue
            break
        return k

    def clause_end(self, s: Sentence, k: int, later: list[Cue]) -> int:
        """Return where content starting at token ``k`` ends: sentence end, or before a new report."""
        tokens = s.tokens
        stops = sorted(c.i for c in later if c.i > k)
        for m in range(k, len(tokens)):
            token = tokens[m]
            if self.in_quote(s.unit, token):
                continue
            if token.text == ";":
                return token.start
            if token.text == "," and [t.lower for t in tokens[m + 1:m + 3]] == ["according", "to"]:
                return token.start
            if stops and m == stops[0]:
                boundary = next((n for n in range(m - 1, max(k, m - 8) - 1, -1)
                                 if tokens[n].lower in COORDINATORS), None)
                if boundary is not None and boundary > k:
                    while boundary > k and tokens[boundary - 1].lower in COORDINATORS:
                        boundary -= 1
                    return tokens[boundary].start
                stops.pop(0)
        return tokens[-1].end

    def colon_content(self, s: Sentence, colon: int) -> Found | None:
        """Content after 'SPEAKER CUE:' — a quotation (perhaps the next paragraph's) or a clause."""
        after = s.tokens[colon].end
        quote = next((q for q in s.unit.quotes if q.start >= after and not self.raw[after:q.start].strip()), None)
        if quote:
            return Found((quote.inner_start, quote.inner_end), "direct", "colon: SPEAKER CUE: “…”")
        if not self.raw[after:s.end].strip():
            following = self.next_unit(s.unit)
            if following is not None and following.quotes and following.quotes[0].start == following.start:
                quote = following.quotes[0]
                self.consumed_quotes.add(quote.start)
                return Found((quote.inner_start, quote.inner_end), "direct",
                             "colon: SPEAKER CUE: then a quotation paragraph")
            return None
        return self.sentence_content(s, after, s.end, "colon: SPEAKER CUE: content")

    def next_unit(self, unit: Unit) -> Unit | None:
        index = self.units.index(unit)
        return self.units[index + 1] if index + 1 < len(self.units) else None

    def label_content(self, s: Sentence, cue: Cue, k: int) -> Found | None:
        """'hailed as a “success”', 'calls X “dictatorial”', 'cast X as Y': the label is content."""
        tokens = s.tokens
        end_of_clause = self.clause_end(s, k, [])
        for m in range(k, len(tokens)):
            token = tokens[m]
            if token.start >= end_of_clause:
                break
            quote = self.quote_at(s.unit, token.start)
            if quote and token.start == quote.start and not self.is_name_quote(quote):
                start = tokens[m - 1].start if m > k and tokens[m - 1].lower in ("a", "an", "the") else quote.start
                end = quote.end
                if re.match(r"\s*(?:who|which|that)\b", self.raw[quote.end:end_of_clause]):
                    end = end_of_clause
                start, end = self.trim(start, end)
                return Found((start, end), "mixed", f"label: SPEAKER {cue.lemma.upper()} … “label”")
            if token.lower == "as" and m + 1 < len(tokens) and not self.in_quote(s.unit, token):
                end = end_of_clause
                for n in range(m + 1, len(tokens) - 1):  # "as Russian dissidents and have members ..."
                    if tokens[n].lower == "and" and tokens[n + 1].lower in FINITE_VERBS and tokens[n].start < end:
                        end = tokens[n].start
                        break
                return self.sentence_content(s, tokens[m + 1].start, end,
                                             f"label: SPEAKER {cue.lemma.upper()} X as Y")
        return None

    def frame_according(self, s: Sentence, cue: Cue, later: list[Cue]) -> Found | None:
        """'according to X, C' / 'C, according to X' / 'C, X reported, quoting Y' / 'as reported by X'."""
        tokens = s.tokens
        j = cue.j
        k = j
        while k < len(tokens) and tokens[k].text not in ",.;:" and tokens[k].lower not in ("among",):
            k += 1
        if k == j:
            return None
        surface = (tokens[j].start, tokens[k - 1].end)
        cue_start = tokens[cue.i].start
        if cue.i == 0 or self.raw[s.start:cue_start].strip() in ("", "But", "And"):
            end = self.clause_end(s, k, later) if k < len(tokens) else s.end
            found = self.sentence_content(s, tokens[k].end if k < len(tokens) else s.end, end,
                                          "according to: according to X, content")
        elif cue.lemma in ("quote", "cite"):
            same = [r for r in self.rows if r["sentence_id"] == s.sentence_id
                    and s.start <= int(r["content_start"]) < s.end]
            if same:
                content = (int(same[-1]["content_start"]), int(same[-1]["content_end"]))
            else:
                content = self.trim(s.start, tokens[cue.i - 1].start)
            found = Found(content, "according_to", "according to: content, citing/quoting X")
        elif cue.lemma == "report":
            found = self.sentence_content(s, s.start, s.end, "according to: as reported by X inside the claim")
        else:
            found = self.sentence_content(s, s.start, tokens[cue.i - 1].start if tokens[cue.i - 1].text == ","
                                          else cue_start, "according to: content, according to X")
        found.kind = "according_to"
        found.surface = surface
        found.speaker = self.speakers.resolve(*surface, headline=s.unit.kind == "headline")
        return found

    def frame_noun(self, s: Sentence, cue: Cue) -> Found | None:
        """'statements by X that C', "X's claims of C", 'their assertion that C', 'reference to “C”'."""
        tokens, i = s.tokens, cue.i
        surface = None
        after = cue.j
        if i > 0 and (tokens[i - 1].text.endswith(("’s", "'s")) or tokens[i - 1].lower in ("their", "his", "its")):
            surface = (tokens[i - 1].start, tokens[i - 1].end)
        elif after < len(tokens) and tokens[after].lower in ("by", "from"):
            k = after + 1
            while k < len(tokens) and tokens[k].lower not in ("that", ",", ".", "of") and k - after < 10:
                k += 1
            if k > after + 1:
                surface, after = (tokens[after + 1].start, tokens[k - 1].end), k
        if surface is None and i > 1 and tokens[i - 1].is_word and tokens[i - 2].lower in ("made", "make", "makes"):
            subject = self.subject_before(s, Cue(i - 2, i - 1, "", "", "verb"), None)  # "officials made reference"
            if subject:
                surface = subject[1]
        if surface is None or after >= len(tokens):
            return None
        if tokens[after].lower in ("that", "of"):
            start = after + 1
        elif tokens[after].lower == "to" and cue.lemma == "reference":
            start = after + 1
            quote = self.quote_at(s.unit, tokens[start].start) if start < len(tokens) else None
            if quote is not None and quote.start == tokens[start].start:  # reference to “X”: the label
                found = Found((quote.start, quote.end), "mixed", "reporting noun: reference to “label”",
                              surface, None)
                text = re.sub(r"[’']s$", "", self.raw[surface[0]:surface[1]])
                found.speaker = self.speakers.resolve(surface[0], surface[0] + len(text))
                return found
        else:
            return None
        if start >= len(tokens):
            return None
        found = self.sentence_content(s, tokens[start].start, self.clause_end(s, start, []),
                                      "reporting noun: X's NOUN that/of content")
        text = re.sub(r"[’']s$", "", self.raw[surface[0]:surface[1]])
        found.surface = surface
        found.speaker = self.speakers.resolve(surface[0], surface[0] + len(text))
        return found

    def frame_colon_without_cue(self, s: Sentence) -> None:
        """'He shrugged: “…”' (any verb before a colon) and 'Leader of the Legion: they met no resistance'."""
        tokens = s.tokens
        colon = next((m for m, t in enumerate(tokens) if t.text == ":" and not self.in_quote(s.unit, t)), None)
        if colon is None or colon == 0 or colon > MAX_SPEAKER_TOKENS or s.unit.kind == "headline":
            return
        verb = tokens[colon - 1]
        if verb.is_word and not verb.capitalised and verb.lower.endswith(("ed", "s")) and colon >= 2:
            cue = Cue(colon - 1, colon, verb.lower, "neutral", "verb")
            subject = self.subject_before(s, cue, None)
            content = self.colon_content(s, colon)
            if subject and content:
                content.speaker, content.surface = subject
                content.rule = "colon: SPEAKER VERB: “…”"
                self.emit(s, cue, content)
            return
        region = self.raw[tokens[0].start:tokens[colon - 1].end]
        if not (self.rules.actors.role_classes(region)
                or self.speakers.mentions_between(tokens[0].start, tokens[colon - 1].end)):
            return
        content = self.trim(tokens[colon].end, s.end)
        if len(self.raw[content[0]:content[1]].split()) < 3:
            return
        surface = (tokens[0].start, tokens[colon - 1].end)
        found = Found(content, self.kind_of(s.unit, *content), "colon: SPEAKER: content", surface,
                      self.speakers.resolve(*surface, headline=s.unit.kind == "headline"))
        self.emit(s, Cue(colon, colon + 1, ":", "neutral", "colon"), found, confidence=0.6)

    def read_post(self, unit: Unit) -> None:
        """An embedded post: its text is content, the account in its signature the speaker."""
        assert unit.signature is not None
        sig_start, sig_end = unit.signature
        match = re.match(r"\s*([—–-]+)\s*(.*?)\s*\((@\w+)\)", self.raw[sig_start:sig_end])
        if not match:
            return
        name = re.sub(r"^[^\w@]+", "", match.group(2)).strip()
        actor = self.rules.actors.lookup(name)
        speaker = (Speaker(actor.canonical, actor.group, actor.type, f"account '{name}' in actors.csv")
                   if actor else Speaker(name, "other", "account", "account named in the post's signature"))
        start, end = unit.start, unit.end
        while start < end and (self.raw[start].isspace() or self.raw[start] in "\"“"):
            start += 1
        surface = (sig_start + match.start(2), sig_start + match.end(3) + 1)
        cue = (sig_start + match.start(1), sig_start + match.end(1))
        self.add_row(unit, None, Found((start, end), "social", "social: post text before '— Name (@handle) date'",
                                       surface, speaker), cue, "post", "neutral")

    def follow_on(self, unit: Unit, previous: Speaker) -> None:
        """A paragraph that is only a quotation continues the previous paragraph's speaker."""
        if not unit.quotes:
            return
        quote = unit.quotes[0]
        if quote.start != unit.start or quote.start in self.consumed_quotes:
            return
        if self.raw[quote.end:unit.end].strip(" .,\n"):
            return
        found = Found((quote.inner_start, quote.inner_end), "direct",
                      "follow-on: a quotation paragraph continues the previous speaker", None, previous)
        self.add_row(unit, unit.sentences[0][2] if unit.sentences else None, found, None, "", "",
                     confidence=0.7, follow_on=True)


# ---------------------------------------------------------------------------------------------
# Corpus level


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


def attributions(corpus, rules: AttributionRules | None = None) -> pd.DataFrame:
    """Return the attributions table of ``corpus``: one row per (source, cue).

    Offsets (``content_*``, ``speaker_*``, ``cue_*``) index ``corpus.texts[article_id]``;
    ``rule`` names the frame that fired, ``resolution`` how the speaker was found, and
    ``confidence`` is lower where the evidence is thin (no cue, unresolved speaker).
    """
    rules = rules or AttributionRules.load()
    rows = Rows(ATTRIBUTION_COLUMNS)
    blocks, paragraphs, sentences = by_article(corpus.blocks), by_article(corpus.paragraphs), by_article(corpus.sentences)
    ids = corpus.articles["article_id"]
    for article_id in progress(ids, len(ids), "attributions"):
        raw = corpus.texts[article_id]
        units = article_units(raw, blocks.get(article_id, []), paragraphs.get(article_id, []),
                              sentences.get(article_id, []), rules)
        reader = ArticleReader(raw, units, rules, article_id)
        found = sorted(reader.read(), key=lambda r: (r["content_start"], r["cue_start"] or 0))
        for number, row in enumerate(found, start=1):
            row["attribution_id"] = f"{article_id}:{number}"
            rows.add(row)
    frame = rows.frame()
    for column in ("sentence_id", "speaker_start", "speaker_end", "cue_start", "cue_end"):
        frame[column] = frame[column].astype("Int64")
    return frame
