"""Who a speaker phrase names: "Kapustin", "he", "the commander", "Russian officials", "they".

:class:`SpeakerResolver` reads a speaker's surface words and returns a :class:`Speaker`:
a canonical name from ``actors.csv`` when an alias is there, a person named in the text,
an antecedent for a pronoun or a role ("the commander" -> the most recent person), a
group of sources for a plural ("the two groups"), or an unnamed source whose group comes
from its role and affiliation ("Russian officials" -> unnamed Russian officials,
russian_government). The ``resolution`` text records how, as evidence.
"""

from __future__ import annotations

import bisect
import difflib
import re
from dataclasses import dataclass, field
from typing import Iterable

from kit.attribution.actors import ActorTable, Mention

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
PLURAL_PRONOUNS = frozenset({"they", "them", "we", "their"})
THING_PRONOUNS = frozenset({"it", "its"})
DEFINITE = frozenset({"the", "this", "that", "these", "those", "both", "its", "his", "her", "their"})
NOT_NAMES = PERSON_PRONOUNS | PLURAL_PRONOUNS | THING_PRONOUNS | DEFINITE | frozenset({
    "i", "you", "us", "our", "my", "your", "there", "here", "what", "who", "which", "a", "an",
    "some", "many", "most", "all", "other", "others", "another", "several", "few", "each", "every"})
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "both": 2, "2": 2, "3": 3, "4": 4, "5": 5}
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr."})
# Prepositions and markers after which a noun phrase's head has been seen.
_POST_HEAD = re.compile(r",|\b(?:of|for|at|from|with|in|on|who|which|whose|known|also|called)\b", re.I)
_PLURAL_GROUP_WORDS = re.compile(
    r"\b(groups|fighters|militants|militias|units|volunteers|battalions|organi[sz]ations|formations|"
    r"members|paramilitaries|insurgents|saboteurs|partisans)\b", re.I)
_ARMED_WORDS = re.compile(r"militant|militia|paramilitar|armed|fighter|insurgent|saboteur|partisan|"
                          r"volunteer|battalion|unit", re.I)
_NAME_TOKEN = re.compile(r"[A-Z][a-z][\w’'.-]*")
# A speaker named inside its own phrase: "with the call sign Baikal", "who gave her name as Natalia"
_NAMED_BY = re.compile(r"\b(?:call ?sign|nicknamed|named|known as|name (?:only )?as|nom de guerre)\s+"
                       r"[“\"‘']?([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)")
NEXT_PERSON_WINDOW = 800  # characters ahead in which "the commander" may be named (cataphora)
_RECENT_SPEAKER_SENTENCES = 1
_COUNTRY_ADJECTIVES = {"russia": "Russian", "kremlin": "Russian", "moscow": "Russian",
                       "ukraine": "Ukrainian", "kyiv": "Ukrainian", "kiev": "Ukrainian",
                       "u.s.": "US", "us": "US", "washington": "US", "britain": "British", "uk": "British"}
# A name within this similarity of an alias is taken as a misspelling of it ("Ukrifnorm").
CLOSE_SPELLING = 0.85
MIN_CLOSE_SPELLING_LENGTH = 6
_UNNAMED_NOUNS = {"outlet": "news outlet", "official": "officials", "military": "military officials", "expert": "experts",
                  "media": "journalists", "fighter": "fighters", "anonymous": "sources",
                  "group": "group", "document": "statement", "other": "sources"}


@dataclass(frozen=True)
class Speaker:
    """A resolved source and how it was found."""

    name: str
    group: str
    type: str  # person | armed_group | organisation | government | place_metonym | media | account | unnamed | joint
    resolution: str = ""

    @property
    def plural(self) -> bool:
        return self.type == "joint" or (self.type == "unnamed" and self.name.endswith("s"))

    def via(self, resolution: str) -> "Speaker":
        return Speaker(self.name, self.group, self.type, resolution)


@dataclass
class Memory:
    """What a reader remembers beyond the mentions: sets of groups named together, and speakers."""

    sets: list[tuple[int, tuple[Speaker, ...]]] = field(default_factory=list)
    speakers: list[tuple[int, int, Speaker]] = field(default_factory=list)  # offset, sentence number


def actor_speaker(mention: Mention, how: str = "") -> Speaker:
    """Return the speaker an actor mention names (or the body that speaks for it)."""
    actor = mention.actor
    how = how or f"alias '{mention.surface}'"
    if actor.speaks_as:
        return Speaker(actor.speaks_as, actor.group, "government", f"{how}, speaking through {actor.speaks_as}")
    return Speaker(actor.canonical, actor.group, actor.type, how)


def joint(members: Iterable[Speaker], resolution: str) -> Speaker:
    """Return one speaker for several sources, named in text order."""
    unique = list(dict.fromkeys(Speaker(m.name, m.group, m.type) for m in members))
    if len(unique) == 1:
        return unique[0].via(resolution)
    names = [m.name for m in unique]
    return Speaker(", ".join(names[:-1]) + " and " + names[-1], unique[0].group, "joint", resolution)


class SpeakerResolver:
    """Resolve speaker phrases of one article, remembering what came before."""

    def __init__(self, raw: str, actors: ActorTable, quoted: list[tuple[int, int]],
                 read: list[tuple[int, int]]):
        self.raw, self.actors = raw, actors
        self.memory = Memory()
        self.sentence_no = 0
        self.all_mentions = actors.mentions(raw)  # one scan of the article; phrases select by offset
        self._starts = [m.start for m in self.all_mentions]
        # Mentions in the text being read (not in page furniture), outside long quotations:
        # what a quoted speaker mentions is not what the narrative is about.
        self.mentions = [m for m in self.all_mentions
                         if any(s <= m.start < e for s, e in read)
                         and not any(s <= m.start < e for s, e in quoted)]
        self.words = set(re.findall(r"\b[a-z][\w’'-]*", raw))

    # -- memory ---------------------------------------------------------------------------

    def read_sentence(self, start: int, end: int) -> None:
        """Remember the groups a sentence names together (call after its attributions)."""
        self.sentence_no += 1
        groups: list[Speaker] = []
        for mention in (m for m in self.mentions if start <= m.start < end):
            speaker = actor_speaker(mention)
            if mention.actor.type in ("armed_group", "organisation") and speaker not in groups:
                groups.append(Speaker(speaker.name, speaker.group, speaker.type))
        if len(groups) >= 2:
            self.memory.sets.append((start, tuple(groups)))

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        """Return the article's actor mentions inside ``raw[start:end]``, offsets relative to ``start``."""
        first = bisect.bisect_left(self._starts, start)
        found = []
        for mention in self.all_mentions[first:]:
            if mention.start >= end:
                break
            if mention.end <= end:
                found.append(Mention(mention.start - start, mention.end - start, mention.surface, mention.actor))
        return found

    def spoke(self, offset: int, speaker: Speaker) -> None:
        """Remember that ``speaker`` was the source of an attribution at ``offset``."""
        self.memory.speakers.append((offset, self.sentence_no, speaker))

    def recent_person(self, offset: int) -> Speaker | None:
        """Return the person 'he' or 'the commander' most likely means.

        A person who spoke in this or the previous sentence comes first (the subject
        of the discourse); then the most recent person mentioned; else one named just after.
        """
        return self._recent(offset, ("person",), NEXT_PERSON_WINDOW)

    def recent_organisation(self, offset: int, governments: bool = False) -> Speaker | None:
        """Return the most recent single group, organisation or outlet ('the group', 'it').

        With ``governments``, states and ministries count too ('it' can be Kyiv). When
        none came before, the first one named after (a headline's "militia claims").
        """
        kinds = ("armed_group", "organisation", "media") + (
            ("government", "place_metonym") if governments else ())
        return self._recent(offset, kinds, None)

    def _recent(self, offset: int, kinds: tuple[str, ...], ahead_window: int | None) -> Speaker | None:
        """Return the speaker of ``kinds`` that ``offset`` most likely refers to.

        In order: one who spoke in this or the previous sentence; the most recent one
        spoken or mentioned; the first one named after (within ``ahead_window`` characters).
        """
        for o, number, speaker in reversed(self.memory.speakers):
            if o < offset and number >= self.sentence_no - _RECENT_SPEAKER_SENTENCES:
                if speaker.type in kinds:
                    return speaker
            elif o < offset:
                break
        before = [(o, s) for o, _, s in self.memory.speakers if s.type in kinds and o < offset]
        before += [(m.start, actor_speaker(m)) for m in self.mentions
                   if m.actor.type in kinds and m.end <= offset]
        if before:
            return max(before, key=lambda pair: pair[0])[1]
        ahead = [m for m in self.mentions if m.actor.type in kinds and m.start > offset
                 and (ahead_window is None or m.start < offset + ahead_window)]
        return actor_speaker(ahead[0], f"named after: '{ahead[0].surface}'") if ahead else None

    def recent_set(self, offset: int, count: int | None, armed: bool) -> Speaker | None:
        """Return the sources a plural ('they', 'the two groups') refers to."""
        if self.memory.speakers:
            o, number, speaker = self.memory.speakers[-1]
            recent = o < offset and number >= self.sentence_no - _RECENT_SPEAKER_SENTENCES
            if recent and speaker.plural:
                return speaker
            if o < offset and number == self.sentence_no and speaker.type in (
                    "organisation", "government", "armed_group", "media"):
                return speaker  # "The ministry claimed ... by who they called ..."
        for o, members in reversed(self.memory.sets):
            if o < offset and (count is None or len(members) == count):
                return joint(members, "")
        for o, _, speaker in reversed(self.memory.speakers):
            if o < offset and speaker.type == "joint":
                return speaker
        kinds = ("armed_group",) if armed else ("armed_group", "organisation")
        ahead: list[Speaker] = []
        for mention in self.mentions:  # named later: "Three groups ... the RVC ... the Legion"
            if mention.start > offset and mention.actor.type in kinds:
                speaker = Speaker(mention.actor.canonical, mention.actor.group, mention.actor.type)
                if speaker not in ahead:
                    ahead.append(speaker)
                if len(ahead) == (count or 2):
                    return joint(ahead, "")
        return None

    # -- resolution -----------------------------------------------------------------------

    def resolve(self, start: int, end: int, headline: bool = False) -> Speaker:
        """Return the speaker that ``raw[start:end]`` names (headlines drop their articles)."""
        surface = self.raw[start:end]
        words = re.findall(r"[\w’'.-]+", surface)
        lower = [w.lower().rstrip(".") for w in words]
        mentions = [m for m in self.mentions_between(start, end) if not self._in_brackets(surface, m.start)]
        head_text = _POST_HEAD.split(surface, maxsplit=1)[0]
        head_words = re.findall(r"[\w’'-]+", head_text)
        head = head_words[-1].lower() if head_words else ""
        possessive = [w for w in head_words[:-1] if w.endswith(("’s", "'s"))]
        head_role = self._role_of(head)
        first = lower[0] if lower else ""
        if headline and first not in DEFINITE:
            first = "the"  # headlinese: "Militia claims ..." is "The militia claims ..."
        count = next((NUMBER_WORDS[w] for w in lower if w in NUMBER_WORDS), None)

        names = self._coordinated(surface)
        if len(names) >= 2:
            return joint(names, "joint source: " + " + ".join(n.name for n in names))
        called = _NAMED_BY.search(surface)
        if called and not self.actors.lookup(called.group(1)):
            return self.named_person(called.group(1)).via(f"named in '{surface}'")
        in_head = [m for m in mentions if m.end <= len(head_text)]
        head_persons = [m for m in in_head if m.actor.type == "person"]
        if head_persons:
            return actor_speaker(head_persons[0])
        if in_head and not head_role and in_head[0].actor.type != "place_metonym" or (
                in_head and len(in_head[0].surface) >= len(head_text.strip()) - 4):
            return actor_speaker(in_head[0])  # "The RVC, whose leader is known as 'White Rex',"
        persons = [m for m in mentions if m.actor.type == "person"
                   and not re.search(r"\b(?:to|of|for|by|with|under)\s+(?:\w+\s+){0,2}$", surface[:m.start])]
        if persons:
            return actor_speaker(persons[0])
        name = self._proper_name(surface) or self._trailing_name(head_text)
        if name and not mentions:
            return self.named_person(name)
        if first in PERSON_PRONOUNS and len(words) <= 2:
            return self._antecedent(self.recent_person(start), surface, "most recent person")
        if first in PLURAL_PRONOUNS and len(words) <= 2 or first == "both" and len(words) == 1:
            return self._antecedent(self.recent_set(start, count, armed=False), surface, "recent group(s)")
        if first in THING_PRONOUNS and len(words) <= 2:
            return self._antecedent(self.recent_organisation(start, governments=True), surface,
                                    "most recent group or government")
        if head_role == "document":
            owner = [m for m in mentions if m.actor.type != "person"]
            if owner:
                return actor_speaker(owner[0], f"'{surface}' of '{owner[0].surface}'")
            return self._antecedent(self.recent_organisation(start), surface, "most recent group")
        plural_group = bool(_PLURAL_GROUP_WORDS.search(head_text))
        if plural_group and (first in DEFINITE or count) and not self._named_group(mentions):
            armed = bool(_ARMED_WORDS.search(surface))
            found = self.recent_set(start, count, armed)
            if found:
                return found.via(f"'{surface}' -> {found.name}")
        if head_role in ("group", "outlet") and first in DEFINITE and not self._named_group(mentions):
            return self._antecedent(self.recent_organisation(start), surface, "most recent group")
        if head_role == "institution" and first in DEFINITE and not mentions:
            found = self.recent_named(start, head)
            if found:
                return found.via(f"'{surface}' -> {found.name} (latest actor named '... {head} ...')")
        organisations = [m for m in mentions if m.actor.type != "person"]
        if head_role in ("official", "military", "media", "expert", "other", "fighter") and organisations:
            # "the Ukrinform agency's correspondent", "a spokesman for the ministry": the body speaks
            owner = organisations[-1] if not possessive else organisations[0]
            return actor_speaker(owner, f"{head} of '{owner.surface}'")
        if head_role in ("military", "fighter", "other", "official", "media", "expert") \
                and first in DEFINITE and not head.endswith("s"):
            return self._antecedent(self.recent_person(start), surface, "most recent person")
        in_head = [m for m in organisations if m.start < len(head_text)]
        if in_head and not head_role or organisations and head_role:
            return actor_speaker((in_head or organisations)[0])
        return self.unnamed(surface)

    def recent_named(self, offset: int, noun: str) -> Speaker | None:
        """Return the latest actor (speaker or mention) whose canonical name holds ``noun``."""
        word = re.compile(rf"\b{re.escape(noun)}\b", re.I)
        before = [(o, s) for o, _, s in self.memory.speakers if o < offset and word.search(s.name)]
        before += [(m.start, actor_speaker(m)) for m in self.mentions
                   if m.end <= offset and (word.search(m.actor.canonical) or word.search(m.actor.speaks_as))]
        return max(before, key=lambda pair: pair[0])[1] if before else None

    def _trailing_name(self, head_text: str) -> str:
        """Return a name after a common noun: 'the pro-war channel Severny Dozor'."""
        match = re.search(r"\b[a-z][\w’'-]*\s+((?:[A-Z][\w’'-]+\s?){1,3})$", head_text.strip())
        if not match:
            return ""
        name = match.group(1).strip()
        if any(self.actors.affiliation_groups(w) or self.actors.role_classes(w) for w in name.split()):
            return ""
        return name

    def _antecedent(self, found: Speaker | None, surface: str, how: str) -> Speaker:
        if found is None:
            return Speaker(surface, "other", "unresolved", f"'{surface}': no antecedent found")
        return found.via(f"'{surface}' -> {found.name} ({how})")

    def _role_of(self, word: str) -> str:
        classes = self.actors.role_classes(word)
        return classes[-1][1] if classes else ""

    @staticmethod
    def _in_brackets(text: str, offset: int) -> bool:
        return text.count("(", 0, offset) > text.count(")", 0, offset)

    @staticmethod
    def _named_group(mentions: list[Mention]) -> bool:
        return any(m.actor.type in ("armed_group", "organisation") for m in mentions)

    def _coordinated(self, surface: str) -> list[Speaker]:
        """Return the sources of a coordinated subject ("Nikitin and Volkov", "X, Y and Z")."""
        if not re.search(r"\band\b|&", surface):
            return []
        parts = [p.strip(" ,") for p in re.split(r",|\band\b|&", surface) if p.strip(" ,")]
        speakers = []
        for part in parts:
            part = re.sub(r"^(?:both|the|mr\.?|mrs\.?|ms\.?|dr\.?)\s+", "", part, flags=re.I)
            found = self.actors.mentions(part)
            if found and found[0].start == 0 and found[0].end == len(part):
                speakers.append(actor_speaker(found[0]))
            elif self._proper_name(part) == part:
                speakers.append(self.named_person(part))
            else:
                return []
        unique = list(dict.fromkeys(speakers))
        return unique if len(unique) >= 2 else []

    def _proper_name(self, text: str) -> str:
        """Return a leading person name not in actors.csv ("Alexei Volkov", "Mr Kapustin"), or ''."""
        words = text.split()
        while words and words[0].lower() in HONORIFICS:
            words = words[1:]
        name = []
        for word in words:
            word = word.strip(",")
            if not _NAME_TOKEN.fullmatch(word) or word.lower() in NUMBER_WORDS \
                    or self.actors.role_classes(word) or self.actors.affiliation_groups(word) \
                    or "-" in word or word.lower() in self.words or word.lower() in NOT_NAMES:
                break  # a pronoun, or a word the article also writes in lower case, is not a name
            name.append(word)
        return " ".join(name)

    def named_person(self, name: str) -> Speaker:
        """Return a person, with the fullest form of the name the article gives."""
        name = re.sub(r"^(?:Mr|Mrs|Ms|Dr)\.?\s+", "", name.strip())
        actor = self.actors.lookup(name)
        if actor:
            return Speaker(actor.canonical, actor.group, actor.type, f"alias '{name}'")
        if len(name) >= MIN_CLOSE_SPELLING_LENGTH:
            close = [alias for alias in difflib.get_close_matches(
                name.lower(), self.actors.by_alias, n=3, cutoff=CLOSE_SPELLING)
                if abs(len(alias) - len(name)) <= 1]  # a typo, not a derived word ("Russians")
            if close:
                actor = self.actors.by_alias[close[0]]
                return Speaker(actor.canonical, actor.group, actor.type,
                               f"'{name}' read as a misspelling of '{close[0]}'")
        last = name.split()[-1]
        for match in re.finditer(rf"((?:[A-Z][\w’'-]+\s+){{1,2}}){re.escape(last)}\b", self.raw):
            fuller = match.group(0).split()
            while fuller and (self.actors.role_classes(fuller[0]) or fuller[0].lower() in HONORIFICS
                              or self.actors.affiliation_groups(fuller[0])):
                fuller = fuller[1:]
            if len(fuller) > len(name.split()):
                return Speaker(" ".join(fuller), "other", "person", f"'{name}' -> fuller name in the text")
        kind = "person" if len(name.split()) >= 2 else "unknown"  # one word: a person or a body?
        return Speaker(name, "other", kind, "name not in actors.csv")

    def unnamed(self, surface: str) -> Speaker:
        """Return an unnamed source: 'unnamed Russian officials', 'unnamed experts', 'unnamed sources'."""
        roles = [r for _, r in self.actors.role_classes(surface)]
        affiliations = self.actors.affiliation_groups(surface)
        role = roles[-1] if roles else ""
        if affiliations and role in ("official", "military"):
            group = affiliations[0][1]
        elif role == "expert":
            group = "analyst_expert"
        elif role in ("media", "outlet"):
            group = "media"
        elif affiliations and affiliations[0][1] in ("rvc", "legion", "siberian_battalion", "analyst_expert", "media"):
            group = affiliations[0][1]
        elif affiliations:
            group = "other"  # a nationality alone ("Russian nationals") is no official side
        else:
            group = "anonymous"  # "officials said", "sources said": no affiliation given
        nationality = ""
        if affiliations and group.endswith("_government"):
            word = re.sub(r"[’']s$", "", affiliations[0][0])
            nationality = _COUNTRY_ADJECTIVES.get(word.lower(), word) + " "
        if role in ("official", "military", "expert", "anonymous", "") or not roles:
            name = f"unnamed {nationality}{_UNNAMED_NOUNS.get(role, 'sources')}"
        else:  # "local residents", "pro-war Telegram channels": the text's own words
            name = re.sub(r"^(?:the|a|an|some|several|many)\s+", "", surface, flags=re.I)
            name = name[0].lower() + name[1:] if name[:1].isupper() and not name.split()[0].isupper() else name
        return Speaker(name, group, "unnamed",
                       f"unnamed: role '{role or 'none'}', affiliation "
                       f"'{affiliations[0][0] if affiliations else 'none'}'")
