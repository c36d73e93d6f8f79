"""Who a speaker phrase names: "Maria Santos", "she", "the union", "a spokesman for the ministry".

:class:`SpeakerResolver` reads the words at a cue and returns a :class:`Speaker`, using what the
article itself says (its entities, see ``entities.py``) and general news knowledge:

- a named person or organisation in the phrase is the speaker; the head of the phrase wins over
  its modifiers ("Northgate manager Maria Santos" is Santos; "the president's adviser, Mykhailo
  Podolyak" is Podolyak; "a spokesman for the ministry" is the ministry);
- a pronoun goes to the nearest compatible antecedent: "she" and "he" by gender (from an
  honorific, a gendered role, an earlier pronoun for the same person, and only then a first-name
  table, shown as weaker evidence), "it" to an organisation, "they" to a plural or collective one;
  when the evidence does not settle it, the speaker is ``unresolved``;
- a definite description goes to the latest compatible entity: "the union", "the company", "the
  club" by the organisation's kind, "the minister", "the coach" by the person's role;
- a document speaks for its author ("a report by the Audit Office"), else for itself ("the study");
- anyone else is an unnamed source ("officials", "two people familiar with the talks").

A topic pack only enriches the result: an entity whose name is an alias of one of its actors
takes the actor's canonical name and group. Every speaker carries its ``resolution`` chain.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Iterable

from kit.attribution.actors import NEUTRAL_TYPES, Actor, ActorTable
from kit.attribution.entities import (
    ArticleEntities,
    Entity,
    EntityRules,
    Mention,
    dictionary_word,
    name_gender,
)
from kit.text.terms import fold

MALE_PRONOUNS = frozenset({"he", "him", "his"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers"})
PERSON_PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS
PLURAL_PRONOUNS = frozenset({"they", "them", "we", "their", "us", "our"})
THING_PRONOUNS = frozenset({"it", "its"})
DEFINITE = frozenset({"the", "this", "that", "these", "those", "both", "its", "his", "her", "their"})
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "both": 2, "2": 2, "3": 3, "4": 4, "5": 5}
# Words that end the head of a noun phrase: what follows is a modifier.
_POST_HEAD = re.compile(r",|\(|\b(?:of|for|at|from|with|in|on|who|which|whose|known|also|called|by)\b", re.I)
_MODIFIER_BEFORE = re.compile(r"\b(?:of|for|at|from|with|in|on|by|to|under|about|against|between)\s+(?:the\s+|a\s+|an\s+)?$", re.I)
# A speaker named inside its own phrase: "with the call sign Baikal", "who gave her name as Natalia"
_NAMED_BY = re.compile(r"\b(?:call ?sign(?: as)?|nicknamed|named|known as|name (?:only )?as|nom de guerre)\s+"
                       r"[“\"‘']?([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)")
RECENT_SPEAKER_SENTENCES = 1  # a speaker of this or the previous sentence is the subject of the discourse
ANTECEDENT_PARAGRAPHS = 3  # how far back a pronoun's antecedent may be, in paragraphs
FORMER = ("former ", "ex-", "late ")  # a former minister is not 'the minister'
MAIN_PERSON_MENTIONS = 3  # the article's main person is named at least this often, twice as often as anyone
AHEAD_CHARACTERS = 800  # how far ahead "the commander" may be named (cataphora, headlines)
# A name within this similarity of an alias is taken as a misspelling of it ("Ukrifnorm").
CLOSE_SPELLING = 0.85
MIN_CLOSE_SPELLING_LENGTH = 6
_UNNAMED_NOUNS = {"official": "officials", "military": "military officials", "expert": "experts",
                  "media": "journalists", "fighter": "fighters", "anonymous": "sources"}
_ORGANISATION_KINDS = ("organisation", "government")
_DOCUMENT_ADJUNCT = re.compile(r"\b(?:in|on|via|through)\s+(?:a|an|the|its|their|his|her)\s+(?:[\w-]+\s+){0,2}([a-z]+)\b", re.I)
NOT_PERSON_ROLES = ("institution", "group", "outlet", "document", "anonymous", "honorific")
_PARTICIPLE_MODIFIER = re.compile(r"\s+[a-z]+(?:ing|ed|en)\s+(?:by|on|in|from|at|with|to|for|of|under|across|"
                                  r"against|inside|near|about|over)\b.*$", re.S)


_PLURAL_SUBJECT = re.compile(r"\s*((?:[Tt]he\s+)?(?:[A-Za-z][\w-]*\s+){0,2}?(?P<head>[a-z]+s))"
                             r"(?=\s+(?:have|had|are|were|said|say|told|did|do|would|will|could|[a-z]+ed)\b)")
_PLACE_POSSESSIVE = re.compile(r"\b([A-Z][\w.-]+(?: [A-Z][\w.-]+)?)['’]s\s+(?:the\s+)?")
_DESCRIBED_SUBJECT = re.compile(r"\s*((?:[Tt]he|[A-Z][\w-]+['’]s)\s+(?:[a-z][\w-]*\s+){0,3}?(?P<head>[a-z]+))"
                                r"(?=\s+(?:has|had|have|is|was|gave|said|says|issued|put|did|does|would|will|"
                                r"could|declined|refused|did not|[a-z]+ed)\b)")
_TRAILING_PARTICIPLE = re.compile(r"\s+[a-z]+(?:ed|en)\s*$")  # "data compiled (by ...)"
_REDUCED_RELATIVE = re.compile(r"(?<=[a-z])\s+(?:the|a|an|its|their)\s+\w+\s+[a-z]+(?:ed|s)\b.*$", re.S)


def _head_phrase(surface: str) -> str:
    """Return the words up to the head noun: modifiers after it (", who", "of X", "fighting on ...",
    "compiled by", "the company filed") cut off."""
    head = _POST_HEAD.split(surface, maxsplit=1)[0]
    for pattern in (_PARTICIPLE_MODIFIER, _TRAILING_PARTICIPLE, _REDUCED_RELATIVE):
        cut = pattern.search(head)
        if cut and cut.start() > 0:
            head = head[:cut.start()]
    return head


@dataclass(frozen=True)
class Speaker:
    """A resolved source and how it was found."""

    name: str
    group: str
    type: str  # person | organisation | government | media | account | unnamed | document | joint | unresolved
    resolution: str = ""
    entity: int | None = field(default=None, compare=False)
    plural_source: bool = field(default=False, compare=False)

    @property
    def plural(self) -> bool:
        return self.type == "joint" or self.plural_source

    def via(self, resolution: str) -> "Speaker":
        return Speaker(self.name, self.group, self.type, resolution, self.entity, self.plural_source)


def joint(members: Iterable[Speaker], resolution: str) -> Speaker:
    """Return one speaker for several sources, named in text order."""
    unique = list(dict.fromkeys(Speaker(m.name, m.group, m.type, entity=m.entity) for m in members))
    if len(unique) == 1:
        return unique[0].via(resolution)
    names = [m.name for m in unique]
    return Speaker(", ".join(names[:-1]) + " and " + names[-1], unique[0].group, "joint", resolution)


class SpeakerResolver:
    """Resolve the speaker phrases of one article, remembering who spoke before."""

    def __init__(self, raw: str, entities: ArticleEntities, actors: ActorTable, rules: EntityRules,
                 quoted: list[tuple[int, int]], read: list[tuple[int, int]], sentence_starts: list[int]):
        self.raw, self.entities, self.actors, self.rules = raw, entities, actors, rules
        self.sentence_starts = sentence_starts
        self.paragraph_starts = sorted(start for start, _ in read)
        self.quoted = quoted
        self.sentence_no = 0
        self.spoken: list[tuple[int, int, Speaker]] = []  # offset, sentence number, speaker
        self.sets: list[tuple[int, tuple[Speaker, ...]]] = []  # organisations named together
        self.documents: dict[str, Speaker] = {}  # "report" -> who wrote the report mentioned before
        self.pronoun_gender: dict[int, tuple[str, str]] = {}  # entity -> gender learnt from a pronoun
        self.owners = self._owners()  # entity -> the country a possessive gives it ("Russia's Defence Ministry")

    # -- memory ---------------------------------------------------------------------------

    def read_sentence(self, start: int, end: int) -> None:
        """Remember the organisations a sentence names together (call after its attributions)."""
        self.sentence_no += 1
        named: list[Speaker] = []
        for mention in self.entities.between(start, end):
            if any(a <= mention.start < b for a, b in self.quoted):
                continue
            entity = self.entities.entity(mention)
            if entity.kind == "organisation" and entity.category != "media":
                speaker = self.entity_speaker(entity, "")
                if speaker.name not in [s.name for s in named]:
                    named.append(Speaker(speaker.name, speaker.group, speaker.type, entity=entity.id))
        if len(named) >= 2:
            self.sets.append((start, tuple(named)))

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        """Return the article's entity mentions inside ``raw[start:end]``."""
        return self.entities.between(start, end)

    def spoke(self, offset: int, speaker: Speaker) -> None:
        """Remember that ``speaker`` was the source of an attribution at ``offset``."""
        self.spoken.append((offset, self.sentence_no, speaker))

    def sentence_start(self, offset: int) -> int:
        """Return where the sentence holding ``offset`` starts."""
        import bisect

        index = bisect.bisect_right(self.sentence_starts, offset) - 1
        return self.sentence_starts[index] if index >= 0 else 0

    def remember_documents(self, text: str, speaker: Speaker) -> None:
        """Remember the documents ``text`` names as the speaker's ("in a statement", "in a post on X")."""
        if speaker.type in ("unresolved", "document"):
            return
        for match in _DOCUMENT_ADJUNCT.finditer(text):
            for word in reversed(match.group(0).split()[2:]):  # "in a news release": the release
                role = self.rules.role(word)
                if role is not None and role.role_class == "document":
                    self.documents[fold(word)] = speaker
                    break

    # -- from an entity to a speaker ------------------------------------------------------

    def entity_speaker(self, entity: Entity, how: str) -> Speaker:
        """Return the speaker an entity is: its fullest name, enriched by the topic pack if it knows it."""
        actor = self._actor(entity)
        evidence = f"{how}; {entity.describe()}" if how else entity.describe()
        if actor is not None:
            if entity.id in self.owners:
                evidence += f"; owner '{self.owners[entity.id]}' from a possessive"
            name = actor.speaks_as or actor.canonical
            kind = "government" if actor.speaks_as else NEUTRAL_TYPES.get(actor.type, actor.type)
            return Speaker(name, actor.group, kind, f"{evidence}; topic pack: '{actor.canonical}'", entity.id)
        kind = {"person": "person", "organisation": "organisation", "government": "government",
                "place": "government", "name": "person"}[entity.kind]
        if entity.kind == "organisation" and entity.category == "media":
            kind = "media"
        return Speaker(entity.name, "", kind, evidence, entity.id)

    def _owners(self) -> dict[int, str]:
        """Return, per organisation, the place a possessive names as its owner the first time it does
        ("Russia's Defence Ministry" -> Russia), so that a bare "Defence Ministry" is not every country's."""
        owners: dict[int, str] = {}
        for mention in self.entities.mentions:
            entity = self.entities.entity(mention)
            if entity.kind not in _ORGANISATION_KINDS or entity.id in owners:
                continue
            found = _PLACE_POSSESSIVE.search(self.raw, max(0, mention.start - 40), mention.start)
            if found and found.end() == mention.start and found.group(1) in self.rules.places \
                    and found.group(1) not in entity.name:
                owners[entity.id] = found.group(1)
        return owners

    def _owned_names(self, entity: Entity) -> list[str]:
        """Return the names of an entity with its owner: "Russia's Defence Ministry", "Russian Defence
        Ministry" (and the names as written when a possessive place begins them)."""
        names = []
        owner = self.owners.get(entity.id)
        for surface in sorted(entity.surfaces, key=len, reverse=True):
            match = re.match(r"([A-Z][\w.-]+(?: [A-Z][\w.-]+)?)['’]s\s+(.+)$", surface)
            place, rest = (match.group(1), match.group(2)) if match else (owner, surface)
            if not place or place not in self.rules.places:
                continue
            country = self.rules.places[place].country or place
            names.append(f"{place}'s {rest}")
            names += [f"{demonym} {rest}" for demonym, of in self.rules.demonyms.items() if of == country]
        return names

    def _actor(self, entity: Entity) -> Actor | None:
        """Return the topic pack's (or outlets') actor one of the entity's names is an alias of."""
        for surface in sorted(entity.surfaces, key=len, reverse=True) + self._owned_names(entity):
            actor = self.actors.lookup(surface)
            if actor is not None:
                return actor
        if entity.kind in ("organisation", "government") and len(entity.name.split()) >= 2:
            ends = {a for key, a in self.actors.by_alias.items() if key.endswith(" " + fold(entity.name))}
            if len(ends) == 1:  # "the Defence Ministry" in an article on one story: its only Defence Ministry
                return ends.pop()
        if entity.kind in ("name", "organisation") and len(entity.name) >= MIN_CLOSE_SPELLING_LENGTH:
            close = [alias for alias in difflib.get_close_matches(fold(entity.name), self.actors.by_alias, n=3,
                                                                  cutoff=CLOSE_SPELLING)
                     if abs(len(alias) - len(entity.name)) <= 1]  # a typo, not a derived word
            if close:
                return self.actors.by_alias[close[0]]
        return None

    # -- resolution -----------------------------------------------------------------------

    def resolve(self, start: int, end: int, headline: bool = False) -> Speaker:
        """Return the speaker that ``raw[start:end]`` names (headlines drop their articles)."""
        surface = self.raw[start:end]
        words = re.findall(r"[\w’'.-]+", surface)
        lower = [fold(w).rstrip(".") for w in words]
        first = lower[0] if lower else ""
        head_text = _head_phrase(surface)
        head_words = re.findall(r"[\w’'-]+", head_text)
        head = fold(head_words[-1]) if head_words else ""
        head_role = self.rules.role(head) if head else None
        person_role = head_role is not None and head_role.role_class not in NOT_PERSON_ROLES
        definite = first in DEFINITE or (headline and first not in PERSON_PRONOUNS | PLURAL_PRONOUNS | THING_PRONOUNS)
        count = next((NUMBER_WORDS[w] for w in lower if w in NUMBER_WORDS), None)

        known = self.actors.lookup(re.sub(r"^the\s+", "", surface.strip(), flags=re.I))
        if known is not None and not self.entities.between(start, end):  # "The Russian military" in a topic pack
            return Speaker(known.speaks_as or known.canonical, known.group, NEUTRAL_TYPES.get(known.type, known.type),
                           f"'{surface}': topic pack alias of '{known.canonical}'")
        joint_source = self._coordinated(start, end)
        if joint_source is not None:
            return joint_source
        called = _NAMED_BY.search(surface)
        if called:
            return self._named(called.group(1), start + called.start(1)).via(f"named in '{surface}'")
        heads, modifiers = self._mentions_by_role(start, end)
        owned = self._persons_body(head, [m for m in heads + modifiers if m.end <= start + len(head_text) - len(head)],
                                   surface)
        if owned is not None:
            return owned
        persons = [m for m in heads if self.entities.entity(m).kind == "person"]
        if persons:  # "Northgate manager Maria Santos": the name nearest the head noun
            in_head = [m for m in persons if m.end <= start + len(head_text)]
            chosen = in_head[-1] if in_head else persons[0]
            return self.entity_speaker(self.entities.entity(chosen), f"person named in '{surface}'")
        if head_role is not None and head_role.role_class == "document":
            if head.endswith("s") and head not in self.rules.roles:
                return self.unnamed(surface)  # "pro-war Telegram channels": many, unnamed
            return self._document(head, heads + modifiers, surface, start)
        before_head = [m for m in heads if m.end <= start + len(head_text) - len(head)]
        common_head = bool(before_head) and head_words and head_words[-1].islower() and len(before_head) == len(heads)
        place_before_noun = common_head and all(self.entities.entity(m).kind == "place" for m in before_head)
        if heads and not (person_role and before_head) and not (common_head and head_role is None) \
                and not place_before_noun:  # "the Phoenix field office" is not Phoenix
            return self.entity_speaker(self.entities.entity(heads[0]), f"named in '{surface}'")  # "IBM", "the Nurses' Union"
        if common_head and head_role is None and head not in self.rules.descriptions:
            return self.unnamed(surface)  # "A Queens personal trainer": the name only says where from

        if common_head and head in self.rules.descriptions and self.entities.entity(heads[-1]).kind != "place":
            return self.entity_speaker(self.entities.entity(heads[-1]), f"'{surface}': the {head} named '{heads[-1].surface}'")
        bare = len(words) == 1 or (len(words) == 2 and lower[1] in ("himself", "herself", "themselves", "itself"))
        if first in PERSON_PRONOUNS and bare:
            return self._pronoun_person(start, surface, "f" if first in FEMALE_PRONOUNS else "m")
        if (first in PLURAL_PRONOUNS and bare) or (first == "both" and len(words) == 1):
            return self._antecedent(self._plural(start, count, pronoun=True), surface, "recent source(s) of more than one")
        if first in THING_PRONOUNS and bare:
            return self._antecedent(self._organisation(start, ()), surface, "most recent organisation")
        armed = any((r := self.rules.role(w)) is not None and r.role_class == "fighter" for w in lower)
        plural = head.endswith("s") and head not in self.rules.roles and head not in self.rules.descriptions and (
            (head_role is not None and head_role.role_class in ("group", "fighter", "institution"))
            or head[:-1] in self.rules.descriptions)
        if plural and (definite or count):
            found = self._plural(start, count, prefer_armed=armed)
            if found is not None:
                return found.via(f"'{surface}' -> {found.name} (recent sources of more than one)")
        demonym = next((w for w in words if w in self.rules.demonyms), "")
        categories = set(self.rules.descriptions.get(head, ()))
        state_body = bool(categories) and categories <= {"government", "military", "police"}
        if demonym and state_body and not heads:  # "the Russian military": the country's own, named by the text's words
            name = re.sub(r"^(?:the|a|an)\s+", "", head_text.strip(), flags=re.I)
            return Speaker(name, self._affiliation_group(surface), "government",
                           f"'{surface}': {self.rules.demonyms[demonym]}'s {head}")
        if first in ("his", "her", "their") and head in self.rules.descriptions:
            return self.unnamed(surface)  # "her office": someone's office, not the last organisation named
        qualifiers = [w for w in head_words[1:-1] if w.islower() and w not in DEFINITE and w not in NUMBER_WORDS]
        if definite and head in self.rules.descriptions and not heads and not modifiers:
            found = self._organisation(start, self.rules.descriptions[head], demonym, qualifiers, by_salience=True,
                                       noun=head)
            if found is not None:
                return found.via(f"'{surface}' -> {found.name} (the organisation a '{head}' most likely is)")
            if qualifiers:
                return self.unnamed(surface)  # "the rescue group": no group so described was named
        if definite and person_role and not head.endswith("s"):
            found = self._person_with_role(start, head_text, headline)
            if found is not None:
                return found
        bodies = before_head + [m for m in modifiers if self.entities.entity(m).kind != "person"]
        if head_role is not None and head_role.role_class == "part" and modifiers:  # "the Westmoor branch of the union"
            bodies = [m for m in modifiers if self.entities.entity(m).kind != "person"] + before_head
            person_role = True
        speaks_for = head_role is not None and head_role.role_class in ("spokesperson", "media", "part")
        if bodies and head in self.rules.descriptions and not person_role:  # "Ukraine's government", "Sudan's army"
            entity = self.entities.entity(bodies[0])
            name = re.sub(r"^(?:the|a|an)\s+", "", head_text.strip(), flags=re.I)
            if "government" in self.rules.descriptions[head] and entity.kind in ("place", "government"):
                known = self.actors.lookup(name)
                if head == "government" or known is not None:  # "Ukraine's government": the country speaks
                    return self.entity_speaker(entity, "").via(f"'{surface}' -> {entity.name} (its {head})")
                return Speaker(name, self._affiliation_group(surface), "government",  # "Sudan's health ministry"
                               f"'{surface}': the {head} of '{entity.name}', named by the text's words")
            return Speaker(name, "", "organisation", f"'{surface}': the {head} of '{entity.name}', not named")
        bodies_named = [m for m in modifiers if self.entities.entity(m).kind in _ORGANISATION_KINDS]
        if person_role and head.endswith("s") and bodies_named and not speaks_for:
            members = [self.entity_speaker(self.entities.entity(m), "") for m in bodies_named]
            found = joint(members, "") if len(members) > 1 else members[0]
            return found.via(f"'{surface}' -> {found.name} ({head} of the bodies named)")
        if first in ("its", "their") and person_role:  # "its fighters", "their spokesman": the body speaks
            owner_speaker = self._owner(surface, start)
            if owner_speaker is not None:
                return owner_speaker.via(f"'{surface}' -> {owner_speaker.name} ('{first}' {head})")
        if person_role and head.endswith("s") and not speaks_for:
            return self.unnamed(surface)  # "Castellan executives", "hospital officials": unnamed, of a body
        owner = bodies[0] if bodies and speaks_for else None
        if owner is None and person_role and speaks_for:
            owner_speaker = self._owner(surface, start)
            if owner_speaker is not None:  # "a spokesman for the company", "its spokesman"
                return owner_speaker.via(f"'{surface}' -> {owner_speaker.name} ({head} speaking for it)")
        if owner is not None:  # "a spokesman for the ministry", "the agency's correspondent"
            entity = self.entities.entity(owner)
            return self.entity_speaker(entity, "").via(f"'{surface}' -> {entity.name} ({head} speaking for it)")
        if definite and person_role and not head.endswith("s") and not demonym:
            found = self._recent_person(start)
            if found is not None:
                return found.via(f"'{surface}' -> {found.name} (no one called '{head}' before; the most recent person)")
        name = self._capitalised_name(head_text)
        if name:
            return self._named(name, start + surface.find(name))
        return self.unnamed(surface)

    def _persons_body(self, head: str, before_head: list[Mention], surface: str) -> Speaker | None:
        """Return the body a person leads, named by the text ("the Hollis campaign", "Denise Hollis's
        campaign" -> "Hollis campaign"), when a person's name modifies an organisation noun."""
        if not before_head or self.rules.descriptions.get(head) is None:
            return None
        before_head = sorted(before_head, key=lambda m: m.start)
        entity = self.entities.entity(before_head[-1])
        if entity.kind != "person":
            return None
        surname = entity.name.split()[-1]
        possessive = self.raw[before_head[-1].end:before_head[-1].end + 2] in ("'s", "’s")
        name = f"{surname}{'’s' if possessive else ''} {head}"
        return Speaker(name, "", "organisation", f"'{surface}': the {head} of {entity.name}")

    def _mentions_by_role(self, start: int, end: int) -> tuple[list[Mention], list[Mention]]:
        """Return the entity mentions of a speaker phrase: heads, and modifiers (in a possessive or after
        a preposition: "the ministry's spokesman", "a spokesman for the ministry")."""
        heads, modifiers = [], []
        for mention in self.entities.between(start, end):
            before = self.raw[start:mention.start]
            if before.count("(") > before.count(")"):
                continue  # a gloss in brackets
            after = self.raw[mention.end:mention.end + 2]
            if after[:2] in ("’s", "'s") or after[:1] in ("’", "'") and mention.surface.endswith("s") \
                    or _MODIFIER_BEFORE.search(before) or _PARTICIPLE_MODIFIER.search(before) \
                    or re.search(r",\s*(?:who|whose|which|that)\b", before, re.I):
                modifiers.append(mention)
            else:
                heads.append(mention)
        return heads, modifiers

    def _coordinated(self, start: int, end: int) -> Speaker | None:
        """Return the joint source of a coordinated subject ("Nikitin and Volkov", "the RVC, the Legion and ...")."""
        cut = re.search(r",\s*(?:which|who|whose|that)\b", self.raw[start:end])
        end = start + cut.start() if cut else end  # "X and Y, which are made up of ...": the subjects only
        surface = self.raw[start:end]
        if not re.search(r"\band\b|&", surface):
            return None
        parts, offset = [], start
        for piece in re.split(r"(,|\band\b|&)", surface):
            if piece.strip(" ,") and piece not in (",", "and", "&"):
                parts.append((offset + len(piece) - len(piece.lstrip()), offset + len(piece.rstrip())))
            offset += len(piece)
        speakers = []
        for p_start, p_end in parts:
            text = re.sub(r"^(?:both|the)\s+", "", self.raw[p_start:p_end], flags=re.I)
            inside = [m for m in self.entities.between(p_start, p_end)]
            rest = text.replace(inside[0].surface, " ").split() if len(inside) == 1 else []
            if len(inside) == 1 and (len(inside[0].surface) >= len(text) - 4
                                     or len(rest) <= 2 and all(w.islower() for w in rest)):  # "the so-called RVC"
                speakers.append(self.entity_speaker(self.entities.entity(inside[0]), ""))
            else:
                return None
        unique = list(dict.fromkeys(s.name for s in speakers))
        if len(unique) < 2:
            return None
        return joint(speakers, "joint source: " + " + ".join(unique))

    def _named(self, name: str, offset: int) -> Speaker:
        """Return the speaker of a name the phrase gives (its entity if the article has one)."""
        for mention in self.entities.between(offset, offset + len(name)):
            entity = self.entities.entity(mention)
            if entity.kind == "name":
                entity.kind = "person"  # "who gave his call sign as Caesar": a person's name
            return self.entity_speaker(entity, f"named '{name}'")
        actor = self.actors.lookup(name)
        if actor is not None:
            return Speaker(actor.speaks_as or actor.canonical, actor.group, NEUTRAL_TYPES.get(actor.type, actor.type),
                           f"named '{name}'; topic pack: '{actor.canonical}'")
        return Speaker(name, "", "person", f"named '{name}'")

    def _capitalised_name(self, head_text: str) -> str:
        """Return a capitalised name the entity finder did not take ("Severny Dozor" after a common noun)."""
        match = re.search(r"((?:[A-Z][\w’'-]+\s?){1,3})$", head_text.strip())
        if not match:
            return ""
        name = match.group(1).strip()
        if any(self.rules.role(w) is not None or fold(w) in self.rules.common_words or fold(w) in DEFINITE
               or w in self.rules.demonyms or w.rstrip("s") in self.rules.demonyms
               or w.split("-")[0].lower() in ("anti", "pro", "non", "ex") for w in name.split()) \
                or (len(name.split()) == 1 and dictionary_word(name)):
            return ""  # "Anti-Putin Russians", "Aid": no one's name
        return name

    def _owner(self, surface: str, start: int) -> Speaker | None:
        """Return the organisation a phrase names by description or pronoun: "a statement from the club",
        "the group's manifesto", "its spokesman", "their post"."""
        for match in re.finditer(r"\b(?:the|its|their)\s+([a-z]+)(['’]s?)?", surface, re.I):
            noun = fold(match.group(1))
            if noun in self.rules.descriptions and (match.start() > 0 or match.group(2)):
                return self._organisation(start, self.rules.descriptions[noun])
        pronoun = re.match(r"\s*(its|their|his|her)\b", surface, re.I)
        if pronoun:
            word = pronoun.group(1).lower()
            if word == "its":
                return self._organisation(start, ())
            if word == "their":
                return self._plural(start, None)
            found = self._pronoun_person(start, pronoun.group(1), "m" if word == "his" else "f")
            return None if found.type == "unresolved" else found
        return None

    def _document(self, noun: str, bodies: list[Mention], surface: str, start: int) -> Speaker:
        """A document speaks for its author ("a report by the Audit Office"), else for itself."""
        bodies = [m for m in bodies if self.entities.entity(m).kind != "place"] or bodies
        if not bodies:
            owner = self._owner(surface, start)
            if owner is not None:
                self.documents[noun] = owner
                return owner.via(f"'{surface}' -> {owner.name} (author of the {noun})")
        if bodies:
            author = self.entity_speaker(self.entities.entity(bodies[0]), f"author of the {noun}")
            self.documents[noun] = author
            return author.via(f"'{surface}' -> {author.name} (author of the {noun})")
        if noun in self.documents:
            author = self.documents[noun]
            return author.via(f"'{surface}' -> {author.name} (author of the {noun} named before)")
        if surface.strip().lower().startswith(("the ", "this ", "that ")):
            author = self._author_named_before(noun, start)
            if author is not None:  # "last week's letter from ten council members ... the letter stated"
                self.documents[noun] = author
                return author.via(f"'{surface}' -> {author.name} (author of the {noun} named before)")
        return Speaker(re.sub(r"^(?:a|an)\s+", "the ", surface.strip(), flags=re.I), "", "document",
                       f"a document with no author named: '{surface}'")

    def _author_named_before(self, noun: str, offset: int) -> Speaker | None:
        """Return who the text said wrote a document earlier in the window: "a letter from ten City
        Council members", "the report by the Audit Office"; None if it did not."""
        window = self._window_start(offset)
        found = None
        for match in re.finditer(rf"\b{re.escape(noun)}s?\s+(?:from|by|signed by|sent by|issued by)\s+"
                                 r"((?:[\w’'-]+\s+){0,6}?[\w’'-]+)(?=\s*(?:[,.;:(]|\b(?:calling|urging|asking|"
                                 r"saying|that|which|who|to|on|in|about|last|this)\b))", self.raw[window:offset]):
            found = match
        if found is None:
            return None
        start, end = window + found.start(1), window + found.end(1)
        author = self.resolve(start, end)
        return None if author.type in ("unresolved", "document") else author

    # -- antecedents ----------------------------------------------------------------------

    def _window_start(self, offset: int) -> int:
        """Return where a pronoun's antecedent may start: a few paragraphs back."""
        import bisect

        index = bisect.bisect_right(self.paragraph_starts, offset) - 1
        return self.paragraph_starts[max(0, index - ANTECEDENT_PARAGRAPHS + 1)] if self.paragraph_starts else 0

    def gender_of(self, entity: Entity) -> tuple[str, str, bool]:
        """Return (gender, evidence, strong) of a person: honorific, gendered role or pronoun; else first name."""
        if entity.gender:
            return entity.gender, entity.gender_rule, True
        if entity.id in self.pronoun_gender:
            gender, evidence = self.pronoun_gender[entity.id]
            return gender, evidence, True
        first = entity.name.split()[0] if len(entity.name.split()) > 1 else ""
        gender = name_gender(first) if first else ""
        return gender, f"first name '{first}' (name table, weaker)" if gender else "", False

    def _in_quote(self, offset: int) -> bool:
        return any(a <= offset < b for a, b in self.quoted)

    def _candidates(self, offset: int, kinds: tuple[str, ...], whole: bool = False) -> list[Entity]:
        """Return the entities of ``kinds`` a reference at ``offset`` may mean, most salient first: one that
        spoke in this or the previous sentence, then the others by their latest sentence (mentions and
        speech within the window, the whole article so far if ``whole``; quotations skipped), and within
        that sentence the one named first, a possessor ("Smith's lawyer") after the others."""
        window = 0 if whole else self._window_start(offset)
        seen: dict[int, list[int]] = {}
        last_speaker = None
        for o, number, speaker in self.spoken:
            if window <= o < offset and speaker.entity is not None \
                    and self.entities.entities[speaker.entity].kind in kinds:
                seen.setdefault(speaker.entity, []).append(o)
                recent = number >= self.sentence_no - RECENT_SPEAKER_SENTENCES
                last_speaker = speaker.entity if recent else None
        for mention in self.entities.mentions:
            if mention.start >= offset:
                break
            if mention.start >= window and not self._in_quote(mention.start) \
                    and self.entities.entities[mention.entity].kind in kinds:
                seen.setdefault(mention.entity, []).append(mention.start)
        ordered = sorted(seen, key=lambda e: self._salience(seen[e]))
        if last_speaker is not None:
            ordered.remove(last_speaker)
            ordered.insert(0, last_speaker)
        return [self.entities.entities[e] for e in ordered]

    def _salience(self, offsets: list[int]) -> tuple[int, bool, int]:
        """Return the rank of an entity seen at ``offsets``: its latest sentence first, then, within that
        sentence, not only a possessor, then named earliest (the subject before the object)."""
        import bisect

        sentence_of = lambda o: bisect.bisect_right(self.sentence_starts, o) - 1  # noqa: E731
        latest = max(sentence_of(o) for o in offsets)
        there = sorted(o for o in offsets if sentence_of(o) == latest)
        possessor = all(self._possessor_at(o) for o in there)
        return (-latest, possessor, there[0])

    def _possessor_at(self, offset: int) -> bool:
        """Is the mention starting at ``offset`` a possessor ("Smith's lawyer")?"""
        match = re.match(r"[^\s,.;:]+(?:\s+[A-Z][^\s,.;:]*)*?['’]s\b", self.raw[offset:offset + 80])
        return match is not None

    def _pronoun_person(self, offset: int, surface: str, gender: str) -> Speaker:
        """Resolve he/she: the most salient person of that gender; unresolved when nothing settles it."""
        word = surface.strip().split()[0].lower()
        recent = self._recent_speaker(offset, ("unnamed", "person"))
        if recent is not None and recent.entity is None:  # "a trader said ... “…,” he said"
            return recent.via(f"'{word}' -> {recent.name} (pronoun; the recent speaker, who has no other name here)")
        candidates = self._candidates(offset, ("person",))
        if candidates and self._spoke_recently(candidates[0], offset) and not self.gender_of(candidates[0])[0]:
            entity = candidates[0]  # the speaker of this or the last sentence, nothing against it
            self.pronoun_gender.setdefault(entity.id, (gender, f"pronoun '{word}' before"))
            return self.entity_speaker(entity, "").via(f"'{word}' -> {entity.name} (pronoun; the recent speaker; "
                                                       "gender not known)")
        matching, unknown = [], []
        for entity in candidates:
            found, evidence, strong = self.gender_of(entity)
            if found == gender:
                matching.append((entity, evidence))
            elif not found or not strong:  # a first-name table's guess does not rule a person out
                unknown.append(entity)
        if matching:
            entity, evidence = matching[0]
            how = f"'{word}' -> {entity.name} (pronoun; gender from {evidence}; " + (
                "the recent speaker)" if candidates[0] is entity else "the nearest person of that gender)")
            self.pronoun_gender.setdefault(entity.id, (gender, f"pronoun '{word}' before"))
            return self.entity_speaker(entity, "").via(how)
        if len(unknown) == 1:
            entity = unknown[0]
            guessed = self.gender_of(entity)[0]
            self.pronoun_gender.setdefault(entity.id, (gender, f"pronoun '{word}' before"))
            only = "the only person named nearby" if len(candidates) == 1 else "the only person nearby it can be"
            known = f"the name table's guess '{guessed}' set aside" if guessed else "gender not known"
            return self.entity_speaker(entity, "").via(f"'{word}' -> {entity.name} (pronoun; {only}; {known})")
        others = ", ".join(e.name for e in candidates) or "no person named nearby"
        return Speaker(surface, "", "unresolved", f"'{word}': nothing settles who ({others})")

    def _spoke_recently(self, entity: Entity, offset: int) -> bool:
        """Did ``entity`` speak in this or the previous sentence, before ``offset``?"""
        return any(o < offset and speaker.entity == entity.id and number >= self.sentence_no - RECENT_SPEAKER_SENTENCES
                   for o, number, speaker in self.spoken[-3:])

    def _recent_person(self, offset: int) -> Speaker | None:
        """Return the most salient person before ``offset`` (for 'the fighter' when no one had that role)."""
        candidates = self._candidates(offset, ("person",))
        return self.entity_speaker(candidates[0], "") if candidates else None

    def _organisation(self, offset: int, categories: tuple[str, ...], demonym: str = "", qualifiers: list[str] = (),
                      by_salience: bool = False, noun: str = "") -> Speaker | None:
        """Return the organisation 'it' or 'the union' refers to: of one of ``categories`` (any if empty),
        matching a ``demonym`` ("the Ukrainian agency") and the ``qualifiers`` ("the rescue group").

        'it' goes to the recent speaker, then the latest organisation (a place only if none); a
        description (``by_salience``) to the one the article has named most, then the latest.
        One named just after counts when none came before (a headline's "Union says ...").
        """
        country = self.rules.demonyms.get(demonym, "")
        others = [d for d, c in self.rules.demonyms.items() if c != country] if demonym else []

        def fits(entity: Entity) -> bool:
            if entity.kind not in _ORGANISATION_KINDS + (("place",) if not categories else ()):
                return False
            if demonym and any(re.search(rf"\b{re.escape(word)}\b", entity.name) for word in others):
                return False
            if qualifiers and not all(q in entity.name.lower() or q in entity.roles for q in qualifiers):
                return False
            generic = ("", "organisation") if "company" in categories else ("",)  # "Armored Services" may be a firm
            return not categories or entity.category in categories or entity.category in generic or named_so(entity)

        def named_so(entity: Entity) -> bool:  # "the agency": the European Medicines Agency, whatever its kind
            return bool(noun) and re.search(rf"\b{re.escape(noun)}\b", entity.name, re.I) is not None

        if not by_salience:  # "Kyiv is preparing ... it hopes": the subject of this sentence first
            here = [m for m in self.entities.between(self.sentence_start(offset), offset)
                    if fits(self.entities.entity(m)) and not self._in_quote(m.start)]
            if here:
                return self.entity_speaker(self.entities.entity(here[0]), "")
        recent = self._recent_speaker(offset, ("organisation", "government"))
        if recent is not None and (recent.entity is None or fits(self.entities.entities[recent.entity])) \
                and not qualifiers and not by_salience:
            return recent
        if not by_salience and not categories:  # "The health ministry gave a lower toll. It said ..."
            described = self._described_subject(offset)
            if described is not None:
                return described
        candidates = [e for e in self._candidates(offset, _ORGANISATION_KINDS + ("place",)) if fits(e)]
        if not by_salience:  # 'it' is rarely the newspaper that reports, unless it spoke
            spoke = {sp.entity for _, _, sp in self.spoken}
            candidates = [e for e in candidates if e.category != "media" or e.id in spoke] or candidates
        if not candidates and by_salience:  # a description can reach back over the whole article
            candidates = [e for e in self._candidates(offset, _ORGANISATION_KINDS + ("place",), whole=True) if fits(e)]
        if categories:  # an organisation of the right kind, even further back, beats one of unknown kind
            def right(entity: Entity) -> bool:
                return entity.category in categories or named_so(entity)

            preferred = self.rules.preferred.get(noun, ())  # "the watchdog": an audit office before a health board
            right_kind = [e for e in candidates if e.category in preferred or named_so(e)] if preferred else []
            right_kind = right_kind or [e for e in candidates if right(e)]
            if not right_kind and by_salience:
                right_kind = [e for e in self._candidates(offset, _ORGANISATION_KINDS, whole=True) if fits(e) and right(e)]
            candidates = right_kind or candidates
        candidates = [e for e in candidates if e.kind != "place"] or candidates
        if by_salience and candidates:
            candidates = self._by_salience(candidates, offset, noun)
        if candidates:
            return self.entity_speaker(candidates[0], "")
        ahead = [m for m in self.entities.mentions if offset < m.start < offset + AHEAD_CHARACTERS
                 and fits(self.entities.entity(m))]
        return self.entity_speaker(self.entities.entity(ahead[0]), f"named after: '{ahead[0].surface}'") if ahead else None

    def _described_subject(self, offset: int, plural: bool = False) -> Speaker | None:
        """Return the body an unnamed subject of the previous sentence describes, if it opens that sentence:
        an organisation ("The military government has not commented.", "Sudan's health ministry gave a
        lower toll."), or with ``plural`` people named by a plural role ("Council members have offered ...")."""
        import bisect

        index = bisect.bisect_right(self.sentence_starts, offset) - 2
        if index < 0:
            return None
        start = self.sentence_starts[index]
        pattern = _PLURAL_SUBJECT if plural else _DESCRIBED_SUBJECT
        match = pattern.match(self.raw, start, self.sentence_starts[index + 1])
        if match is None:
            return None
        head = fold(match.group("head"))
        role = self.rules.role(head)
        if (role is None or role.role_class in NOT_PERSON_ROLES or head in self.rules.roles) if plural \
                else head not in self.rules.descriptions:
            return None
        if not plural and any(self.entities.entity(m).kind != "place"
                              for m in self.entities.between(match.start(1), match.end(1))):
            return None  # a named organisation: found among the candidates
        found = self.resolve(match.start(1), match.end(1))
        if found.type in ("unresolved", "document") or found.plural != plural:
            return None
        return found.via(f"the subject of the sentence before: '{match.group(1)}'")

    def _by_salience(self, candidates: list[Entity], offset: int, noun: str) -> list[Entity]:
        """Order organisations for a description ("the club", "the council"): one whose name holds the
        description's word first ("Darnley County Council"), then as ``_salience`` ranks them."""
        def rank(entity: Entity) -> tuple:
            before = [m.start for m in entity.mentions if m.start < offset and not self._in_quote(m.start)]
            named_so = bool(noun) and re.search(rf"\b{re.escape(noun)}\b", entity.name, re.I) is not None
            latest, possessor, first = self._salience(before) if before else (1, True, offset)
            return (not named_so, latest, possessor, first)

        return sorted(candidates, key=rank)

    def _recent_speaker(self, offset: int, types: tuple[str, ...]) -> Speaker | None:
        """Return the speaker of this or the previous sentence if it is of ``types`` (a singular source)."""
        for o, number, speaker in reversed(self.spoken):
            if o >= offset:
                continue
            if number < self.sentence_no - RECENT_SPEAKER_SENTENCES:
                return None
            return speaker if speaker.type in types and not speaker.plural else None
        return None

    def _person_with_role(self, offset: int, head_text: str, headline: bool = False) -> Speaker | None:
        """'the minister', 'the club's coach': the latest person the article gave that role, else one named
        after (anywhere in the article for a headline's "Clerk admits ...")."""
        role_words = fold(re.sub(r"^(?:the|this|that|his|her|its|their)\s+", "", head_text.strip(), flags=re.I))
        role_words = re.sub(r"^[\w’']+['’]s\s+", "", role_words)  # "the club's coach" -> "coach"
        head = role_words.split()[-1] if role_words else ""

        def has_role(entity: Entity) -> bool:  # "the minister" fits a deputy health minister; "the prime minister" not
            if " " in role_words and self.rules.role(role_words) is not None:
                return any((r == role_words or r.endswith(" " + role_words)) and not r.startswith(FORMER)
                           for r in entity.roles)
            return any((r == head or r.endswith(" " + head)) and not r.startswith(FORMER) for r in entity.roles)

        for entity in self._candidates(offset, ("person",)) + [e for _, e in self.entities.before(offset, ("person",))]:
            if has_role(entity):
                return self.entity_speaker(entity, "").via(f"'{head_text.strip()}' -> {entity.name} "
                                                           f"(the person the article calls '{head}')")
        reach = len(self.raw) if headline else AHEAD_CHARACTERS
        ahead = [m for m in self.entities.mentions if offset < m.start < offset + reach
                 and self.entities.entity(m).kind == "person" and has_role(self.entities.entity(m))]
        if ahead:
            entity = self.entities.entity(ahead[0])
            return self.entity_speaker(entity, "").via(f"'{head_text.strip()}' -> {entity.name} (named after)")
        if headline:  # "Prime minister tells supporters ...": the person the article is about
            main = self._main_person()
            if main is not None and not any(r.endswith(" " + head) or r == head for r in main.roles):
                return self.entity_speaker(main, "").via(f"'{head_text.strip()}' -> {main.name} (a headline's "
                                                         f"'{head}' with no one so called: the person named most)")
        return None

    def _main_person(self) -> Entity | None:
        """Return the person the article names most, if one is named clearly more often than any other."""
        counts = sorted(((len(e.mentions), e.id) for e in self.entities.entities if e.kind == "person"), reverse=True)
        if not counts or counts[0][0] < MAIN_PERSON_MENTIONS or (len(counts) > 1 and counts[1][0] * 2 > counts[0][0]):
            return None
        return self.entities.entities[counts[0][1]]

    def _plural(self, offset: int, count: int | None, prefer_armed: bool = False, pronoun: bool = False) -> Speaker | None:
        """Return the sources 'they' or 'the two groups' refers to."""
        if self.spoken and pronoun:
            o, number, speaker = self.spoken[-1]
            recent_set = any(o < so < offset for so, _ in self.sets)
            here = self.raw[self.sentence_start(offset):offset]
            continued = number == self.sentence_no or bool(re.search(
                r"\b(?:the|this)\s+(?:" + "|".join(map(re.escape, self.rules.descriptions)) + r")\b", here, re.I))
            if o < offset and number >= self.sentence_no - RECENT_SPEAKER_SENTENCES and not recent_set \
                    and continued and speaker.type in ("organisation", "government"):
                return speaker  # "The ministry said ... they called", "The group made headlines when they"
        if self.spoken:
            o, number, speaker = self.spoken[-1]
            recent = o < offset and number >= self.sentence_no - RECENT_SPEAKER_SENTENCES
            if recent and speaker.plural and (count is None or (speaker.type == "joint"
                                                                and speaker.name.count(",") + 2 == count)):
                return speaker
        if pronoun:  # "Council members have offered mixed responses. They said ..."
            described = self._described_subject(offset, plural=True)
            if described is not None:
                return described
        for o, members in reversed(self.sets):
            if o < offset and (count is None or len(members) == count) and not (
                    prefer_armed and any(self._category(m) not in ("military", "") for m in members)):
                return joint(members, "")
        for o, _, speaker in reversed(self.spoken):
            if o < offset and speaker.type == "joint":
                return speaker
        if self.spoken and pronoun:
            o, number, speaker = self.spoken[-1]
            if o < offset and number >= self.sentence_no - RECENT_SPEAKER_SENTENCES and count is None \
                    and speaker.type in ("organisation", "government", "media"):
                return speaker  # "The union said ... they": a collective body
        for armed_only in ((True, False) if prefer_armed else (False,)):
            ahead: list[Speaker] = []
            for mention in self.entities.mentions:  # named later: "Three groups ... the RVC ... the Legion"
                entity = self.entities.entity(mention)
                if mention.start > offset and entity.kind == "organisation" and entity.category != "media" and \
                        (entity.category == "military" or not armed_only):
                    speaker = self.entity_speaker(entity, "")
                    if speaker.name not in [s.name for s in ahead]:
                        ahead.append(speaker)
                    if len(ahead) == (count or 2):
                        return joint(ahead, "")
        return None

    def _affiliation_group(self, surface: str) -> str:
        """Return the topic pack's group for the affiliation words of ``surface`` ('' without a pack)."""
        found = self.actors.affiliation_groups(surface)
        return found[0][1] if found else ""

    def _category(self, speaker: Speaker) -> str:
        return self.entities.entities[speaker.entity].category if speaker.entity is not None else ""

    def _antecedent(self, found: Speaker | None, surface: str, how: str) -> Speaker:
        if found is None:
            return Speaker(surface, "", "unresolved", f"'{surface}': no antecedent found")
        return found.via(f"'{surface}' -> {found.name} ({how})")

    # -- unnamed sources ------------------------------------------------------------------

    def unnamed(self, surface: str) -> Speaker:
        """Return an unnamed source: 'unnamed Russian officials', 'residents', 'sources'."""
        roles = [r for _, r in self.actors.role_classes(surface)]
        role = roles[-1] if roles else ""
        affiliations = self.actors.affiliation_groups(surface)
        nationality = next((w for w in re.findall(r"[A-Z][\w’'-]+", surface) if w in self.rules.demonyms), "")
        if affiliations and role in ("official", "military", ""):
            group = affiliations[0][1] if role or affiliations[0][1] in self.actors.groups else ""
        else:
            group = self.actors.group_of_role.get(role, "")
        if not group and self.actors.groups:
            group = "anonymous" if not (affiliations or nationality) else "other"
        if role in ("official", "military", "expert", "anonymous", "") or not roles:
            adjective = f"{nationality} " if nationality and role in ("official", "military", "") else ""
            name = f"unnamed {adjective}{_UNNAMED_NOUNS.get(role, 'sources')}"
        else:  # "local residents", "pro-war Telegram channels": the text's own words
            name = re.sub(r"^(?:the|a|an|some|several|many)\s+", "", surface, flags=re.I)
            first_word = name.split()[0] if name.split() else ""
            if name[:1].isupper() and not first_word.isupper() and first_word not in self.rules.demonyms:
                name = name[0].lower() + name[1:]
        return Speaker(name, group, "unnamed", f"unnamed: role '{role or 'none'}', affiliation "
                                                f"'{(affiliations[0][0] if affiliations else nationality) or 'none'}'",
                       plural_source=name.endswith("s"))
