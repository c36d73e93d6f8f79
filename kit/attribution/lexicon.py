"""The extractor's word lists: reporting verbs and nouns (from ``kit/data``) and the small
closed classes of English it reads around a cue (determiners, auxiliaries, time and medium words).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kit.attribution.actors import ActorTable
from kit.attribution.entities import EntityRules, is_verb
from kit.text.sentences import TextRules
from kit.text.terms import PhraseMatcher
from kit.text.wordlists import column_set, read_rows, split_values

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
    "call", "calls", "release", "notice", "filing", "conference", "podcast", "newsletter", "programme", "program", "show",
    "its", "his", "her", "their", "a", "an", "the"})
ADDRESSEE_WORDS = frozenset({"the", "a", "an", "journalists", "reporters", "media", "press",
                             "conference", "briefing", "news", "audience", "crowd", "correspondents",
                             "parliament", "lawmakers", "him", "her", "them", "us", "me"})
CLAUSE_ENDERS_AFTER_CUE = frozenset({"as", "after", "referring", "who", "while", "adding", "before",
                                     "without", "when", "in", "on", "at", "during", "via", "late",
                                     "earlier", "later", "last", "this", "through", "over", "from",
                                     "also", "again", "then", "today", "yesterday", "according", "for",
                                     "of"})  # "..., X said of the new rate": the topic, not the content
LEADING_ADVERBIALS = frozenset({
    "in", "on", "at", "after", "before", "during", "earlier", "later", "despite", "following", "separately",
    "instead", "moreover", "similarly", "overall", "by", "for", "from", "with", "without", "under", "amid", "over", "as",
    "since", "last", "this", "today", "yesterday", "while", "when", "although", "though", "if",
    "because", "unlike", "like", "according"})
CONNECTIVES = frozenset({"but", "and", "so", "yet", "still", "meanwhile", "however", "also", "then",
                         "now", "thus", "indeed"})
NUMBER_WORDS_SMALL = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several",
                                "many", "few", "some", "dozens", "hundreds", "numerous", "multiple"})
ADJUNCT_PREPOSITIONS = frozenset({"for", "at", "in", "on", "during", "outside", "near", "after", "before", "via",
                                  "through", "from", "with", "inside", "over", "across", "under", "prior", "ahead",
                                  "amid", "following", "since", "until", "shortly"})
# Words that open a fronted adverbial clause: "Before they voted, X argued for a cut" reports nothing in it.
SUBORDINATORS = frozenset({"after", "although", "as", "because", "before", "if", "once", "since", "though", "unless",
                           "until", "when", "whenever", "whereas", "while"})
# "X issued the following statement: “…”": verbs that put out a statement, and the words between them and it.
STATEMENT_VERBS = frozenset({"issued", "released", "made", "gave", "read", "published", "posted", "shared", "sent",
                             "delivered", "put"})
STATEMENT_MODIFIERS = frozenset({"following", "out", "short", "brief", "written", "joint", "new", "further"})
MAX_SPEAKER_TOKENS = 40  # long enough to reach a sentence-initial adverbial
MAX_UNQUOTED_SPEAKER_TOKENS = 10
MAX_ADDRESSEE_TOKENS = 8
MAX_ASIDE_TOKENS = 20  # a bracketed aside between a speaker and its verb: "[banned in Russia]"
MAX_INVERTED_SPEAKER_TOKENS = 8
MAX_HEADLINE_SOURCE_WORDS = 4  # "Halden Health: ...", "... - poll"  # "..., said Northgate manager Maria Santos."


@dataclass(frozen=True)
class CueLexicon:
    """Reporting verbs and nouns, keyed by their lower-case token sequences."""

    verbs: dict[tuple[str, ...], tuple[str, str]]
    nouns: dict[str, tuple[str, str]]
    max_words: int
    first_words: frozenset[str]  # every word a cue can start with; other words are skipped at once
    frames: dict[str, frozenset[str]]  # lemma -> the frames its content can take (the `frames` column)
    negations: frozenset[str]  # "did not say": no speech reported
    section_labels: frozenset[str]  # "Live updates:", "Nepal earthquake:": a label before a colon, no speaker
    refusals: frozenset[str]  # "declined to say", "refused to comment"
    decisions: PhraseMatcher  # objects that make a verb an act, not speech: "denied the motion"

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
        return cls(verbs, nouns, max(len(key) for key in verbs), first_words, frames,
                   column_set("function_words", "word", where={"word_class": "negation"}, data_dir=data_dir),
                   column_set("function_words", "word", where={"word_class": "section_label"}, data_dir=data_dir),
                   column_set("function_words", "word", where={"word_class": "refusal"}, data_dir=data_dir),
                   PhraseMatcher(row["term"] for row in read_rows("non_speech_objects", data_dir)))

    def is_decision(self, text: str) -> bool:
        """Does ``text`` (what follows a verb) start with an object that makes the verb an act ("the motion")?"""
        words = text.split()
        while words and words[0].lower() in ("the", "a", "an", "its", "his", "her", "their", "any", "all"):
            words = words[1:]
        head = " ".join(words[:6])
        for start, end in self.decisions.find(head):
            if start == 0:
                following = head[end:].split()[:1]
                return not (following and (is_verb(following[0]) or following[0].lower() == "that"))
        return False

    def takes(self, lemma: str, frame: str) -> bool:
        """Can the content of ``lemma`` take ``frame``?

        Frames: label ("hailed X as a 'success'"), infinitive ("claimed to have captured"),
        addressee ("told journalists that"), clause_only (reports only with a that-clause, a
        colon, a quotation or a postposed cue: "footage showed vehicles" reports nothing),
        confront (contradiction: "questioned Kiev's narrative"), preposition (content after "of",
        "against", "about": "warned of chaos"), passive (a cue after "was": "was quoted as saying"),
        object (the form's last word opens the content: "took | responsibility for the error").
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
    """Everything the extractor reads: general word lists from ``kit/data``, and a topic pack's actors."""

    cues: CueLexicon
    actors: ActorTable
    text: TextRules
    entities: EntityRules

    @classmethod
    def load(cls, topic=None, data_dir: Path | None = None) -> "AttributionRules":
        """Return the rules; ``topic`` (a corpus's topic pack, or None) only enriches speakers."""
        return cls(CueLexicon.load(data_dir), ActorTable.load(topic, data_dir), TextRules.load(data_dir),
                   EntityRules.load(data_dir))

