"""The people, organisations and places an article names, found in its own text (open world).

No list of the story's actors is needed. A run of capitalised words is a *name*; what kind of
name it is comes from general English news knowledge in ``kit/data``, each decision with the
rule that took it:

- a title or role before it makes a person: "Mayor Linda Okafor", "Deputy Defence Minister
  Mykhailo Podolyak", "Dr Aisha Bello", "coach Ruben Ortiz" (``roles.csv``, column ``title``);
- an honorific gives a person and a gender: "Mrs Doyle" (``roles.csv``, class ``honorific``);
- an organisation's head word makes an organisation: "Nurses' Union", "Ministry of Health",
  "Vantora Software Inc." (``organisations.csv``); an acronym after a name is its short form:
  "Rapid Support Forces (RSF)";
- the gazetteer makes a place: "Ohio", "Khartoum", "Washington" (``places.csv``);
- otherwise two to four capitalised words are a person's name ("Maria Santos"), and one word
  alone ("Navarro", "IBM") is a name whose kind the rest of the article settles.

Appositions attach roles to people ("Maria Santos, the company's chief executive,"; "the
union's general secretary, Paul Reed,"), which later lets "the chief executive" find her.
Mentions of the same entity are then grouped: a surname or first name to the full name met
before or after it, an acronym to its expansion, an organisation's short name to its full one.
A headline, written in title case, only names entities its article names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kit.text.terms import PhraseMatcher, fold
from kit.text.tokens import Token, tokenize
from kit.text.wordlists import column_set, read_rows, split_values

OPENERS = set("“\"‘'«([—–:-")
# Words that join the parts of one name: "Ministry of Health", "Ursula von der Leyen", "Procter & Gamble".
NAME_PARTICLES = frozenset({"de", "du", "da", "das", "dos", "del", "della", "di", "van", "von", "der", "den", "ter",
                            "la", "le", "bin", "ibn", "al", "el", "y"})
ORG_CONNECTORS = frozenset({"of", "for", "on", "and", "&", "the"})
ABBREVIATIONS = frozenset({"inc", "corp", "co", "ltd", "jr", "sr", "st", "mr", "mrs", "ms", "dr", "prof", "gen", "lt",
                           "col", "sgt", "rev", "sen", "rep", "gov", "capt", "maj", "adm", "cmdr", "brig", "mt", "ft",
                           "l.l.c", "s.a", "n.v", "u.s", "u.k", "u.n", "s.p.a", "p.l.c"})
MAX_PERSON_WORDS = 4
CORPORATE_SUFFIXES = frozenset({"Inc", "Corp", "Co", "Ltd", "LLC", "plc", "PLC", "LLP", "GmbH", "AG", "SA", "NV"})
ADJECTIVE_PREFIXES = frozenset({"anti", "pro", "non", "ex", "post", "pre", "neo", "pan", "mid"})
MAX_ACRONYM_LETTERS = 8
# All-capital words that are not organisations.
NOT_ORGANISATIONS = frozenset({"CEO", "CFO", "COO", "TV", "AM", "PM", "GMT", "UTC", "BST", "EST", "PST", "ID", "OK",
                               "PDF", "GDP", "AI", "COVID", "CCTV", "DNA", "VAR", "MP", "MPs", "MEP", "MSP", "AP",
                               "UPDATE", "BREAKING", "LIVE", "EXCLUSIVE", "WATCH", "READ", "MORE", "PHOTO", "VIDEO",
                               "I", "II", "III", "IV", "V", "VI", "A", "AN", "THE", "US", "UK", "USA",
                               "NEWS", "PR", "Q", "FAQ", "HQ", "RIP", "SOS", "VIP", "LGBT", "LGBTQ", "IVF", "GP", "GPs",
                               "ICU", "A&E", "ER", "IT", "HR", "R&D", "KO", "OBE", "MBE", "CBE", "QC", "KC", "PhD"})


@dataclass(frozen=True)
class Role:
    """A role or title noun from ``roles.csv``."""

    term: str
    role_class: str
    gender: str
    title: bool


@dataclass(frozen=True)
class Place:
    """A place from ``places.csv``."""

    name: str
    kind: str  # country | capital | state | province | region | city
    country: str


MAX_NESTED_MENTIONS = 3  # mentions that may start before one and still cover it


@dataclass(frozen=True)
class EntityRules:
    """General English news knowledge the entity finder reads from ``kit/data``."""

    roles: dict[str, Role]
    role_matcher: PhraseMatcher
    org_last: dict[str, str]  # head word -> category ("Union" -> union)
    org_first: dict[str, str]  # "Ministry" (of ...) -> government
    org_names: dict[str, str]  # whole names that are organisations: "White House" -> government
    org_prefix: dict[str, str]  # words that begin a club's name: "Real", "Sporting"
    descriptions: dict[str, tuple[str, ...]]  # "union" -> organisation categories it can refer to
    preferred: dict[str, tuple[str, ...]]  # "watchdog" -> the categories it refers to first (oversight)
    places: dict[str, Place]
    demonyms: dict[str, str]  # "Sudanese" -> Sudan
    common_words: frozenset[str]  # words a sentence may start with that are no names
    calendar: frozenset[str]  # days, months, holidays: capitalised, never the name of a speaker

    @classmethod
    def load(cls, data_dir: Path | None = None) -> "EntityRules":
        """Return the rules built from roles, organisations, descriptions, places and function words."""
        roles = {fold(r["term"]): Role(r["term"], r["role_class"], r.get("gender", ""), r.get("title", "") == "yes")
                 for r in read_rows("roles", data_dir)}
        forms = list({r.term for r in roles.values()} | {r.term + "s" for r in roles.values() if r.term[-1:].isalpha()})
        org_last, org_first, org_names, org_prefix = {}, {}, {}, {}
        for row in read_rows("organisations", data_dir):
            target = {"last": org_last, "first": org_first, "name": org_names, "prefix": org_prefix}[row["position"]]
            target.setdefault(row["term"], row["category"])
        places: dict[str, Place] = {}
        demonyms: dict[str, str] = {}
        for row in read_rows("places", data_dir):
            place = Place(row["name"], row["kind"], row.get("country", ""))
            for name in [row["name"], *split_values(row.get("aliases", ""))]:
                places.setdefault(name, place)
            for demonym in split_values(row.get("demonym", "")):
                demonyms.setdefault(demonym, row["country"] or row["name"])
        common = set(column_set("function_words", "word", data_dir=data_dir))
        calendar = column_set("function_words", "word", where={"word_class": "calendar"}, data_dir=data_dir)
        descriptions = read_rows("descriptions", data_dir)
        return cls(
            roles=roles,
            role_matcher=PhraseMatcher(forms),
            org_last=org_last,
            org_first=org_first,
            org_names=org_names,
            org_prefix=org_prefix,
            descriptions={fold(r["noun"]): tuple(split_values(r["categories"].replace(">", "|")))
                          for r in descriptions},
            preferred={fold(r["noun"]): tuple(split_values(r["categories"].split(">")[0]))
                       for r in descriptions if ">" in r["categories"]},
            places=places,
            demonyms=demonyms,
            common_words=frozenset(common),
            calendar=calendar,
        )

    def role(self, words: str) -> Role | None:
        """Return the role ``words`` name ("spokesmen" and "Spokeswoman" too), or None."""
        key = fold(" ".join(words.split()))
        found = self.roles.get(key)
        if found is None and key.endswith("s"):
            found = self.roles.get(key[:-1]) or (self.roles.get(key[:-2]) if key.endswith("es") else None)
        if found is None and key.endswith("men"):
            found = self.roles.get(key[:-3] + "man")
        return found


@dataclass
class Mention:
    """A name in the text: where it is, what kind of entity it names, and why."""

    start: int
    end: int
    surface: str  # the name itself, without a title before it
    kind: str  # person | organisation | government | place | name (kind not settled yet)
    rule: str
    title: str = ""  # "Mayor", "Deputy Defence Minister", "Mrs"
    category: str = ""  # an organisation's category: union, company, government ...
    gender: str = ""  # m | f, with the evidence in gender_rule
    gender_rule: str = ""
    roles: list[str] = field(default_factory=list)
    entity: int = -1

    @property
    def words(self) -> list[str]:
        return self.surface.split()


@dataclass
class Entity:
    """The mentions of one person, organisation or place, and what the article says about it."""

    id: int
    kind: str
    mentions: list[Mention] = field(default_factory=list)
    gender: str = ""
    gender_rule: str = ""
    roles: list[str] = field(default_factory=list)
    category: str = ""
    acronym: str = ""

    @property
    def name(self) -> str:
        """Return the fullest name the article gives (the longest surface, an expansion before an acronym)."""
        surfaces = [m.surface for m in self.mentions if m.surface != self.acronym] or [m.surface for m in self.mentions]
        if not surfaces:
            return ""
        best = max(surfaces, key=lambda s: (len(s.split()), len(s), not s.isupper()))
        if self.kind == "place" and best.isupper() and len(best) > 3:
            best = best.title()  # a dateline's "KHARTOUM" is Khartoum
        return _THE_ANY_CASE.sub("", best)

    @property
    def first(self) -> int:
        return min((m.start for m in self.mentions), default=1 << 62)

    @property
    def surfaces(self) -> set[str]:
        return {m.surface for m in self.mentions}

    def describe(self) -> str:
        """Return one line of evidence: kind, name, gender and roles, with their rules."""
        parts = [f"{self.kind} '{self.name}'"]
        if self.gender:
            parts.append(f"{'female' if self.gender == 'f' else 'male'} ({self.gender_rule})")
        if self.roles:
            parts.append("roles: " + ", ".join(dict.fromkeys(self.roles)))
        return "; ".join(parts)


_ARABIC_PARTICLE = re.compile(r"(?:al|el|ad|as|ash|bin|ibn)-")


def _capitalised(token: Token) -> bool:
    """Is the token a capitalised word that can be part of a name (not "Moscow-born", "Anti-Kremlin")?"""
    text = token.text
    if not token.is_word or text.isdigit():
        return False
    if "-" in text:
        parts = text.split("-")
        if parts[-1][:1].islower() and not _ARABIC_PARTICLE.match(text):
            return False
    if text[0].isupper():
        return True
    return bool(re.match(r"(?:al|el|ad|as|ash|bin|ibn)-[A-Z]", text))  # al-Burhan, el-Sisi


def _acronym(text: str) -> bool:
    letters = text.replace(".", "").replace("&", "")
    return (2 <= len(letters) <= MAX_ACRONYM_LETTERS and letters.isupper() and letters.isalpha()
            and text not in NOT_ORGANISATIONS)


class ArticleEntities:
    """Find and group the named entities of one article."""

    def __init__(self, raw: str, rules: EntityRules, sentences: list[tuple[int, int]],
                 headlines: list[tuple[int, int]] = (), lower_words: set[str] | None = None):
        self.raw, self.rules = raw, rules
        self.lower_words = lower_words if lower_words is not None else set(re.findall(r"\b[a-z][a-z’'-]+\b", raw))
        # words written with a capital after a lower-case word: names, whatever a dictionary says
        self.capitalised_inside = set(re.findall(r"(?<=[a-z,] )[A-Z][\w’'-]+", raw))
        self.mentions: list[Mention] = []
        self.nicknames: dict[int, tuple[int, int]] = {}  # chunk start -> token range of a quoted nickname
        self.initial_common: set[int] = set()  # sentence-initial ordinary words kept only if a name goes on
        for start, end in sentences:
            self.mentions += self._sentence_mentions(start, end)
        self.mentions.sort(key=lambda m: m.start)
        self.entities: list[Entity] = []
        self._group()
        for start, end in headlines:
            self._headline_mentions(start, end)
        self.mentions.sort(key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]

    # -- finding names ----------------------------------------------------------------------

    def _position_capitalised(self, tokens: list[Token], k: int) -> bool:
        """Is token ``k`` capitalised only because of where it stands (sentence start, after a quote)?"""
        previous = next((t for t in reversed(tokens[:k]) if t.text not in "“\"‘'«(["), None)
        return k == 0 or previous is None or previous.text in (":", "—", "–", "-", ".", "?", "!") \
            or tokens[k - 1].text in OPENERS

    def _common(self, token: Token) -> bool:
        """Is the word an ordinary word here: a function word, a role or description noun, a word the
        article also writes in lower case, or a dictionary word it never capitalises mid-sentence?"""
        word = token.folded
        if token.text in self.capitalised_inside:
            return False  # "Brown said" after "Tom Brown": a name
        return (word in self.rules.common_words or word in self.lower_words or self.rules.role(word) is not None
                or word in self.rules.descriptions or dictionary_word(token.text))

    def _chunks(self, tokens: list[Token]) -> list[tuple[int, int]]:
        """Return [i, j) token ranges of capitalised runs (with the particles that join a name)."""
        chunks = []
        i, n = 0, len(tokens)
        while i < n:
            token = tokens[i]
            if not _capitalised(token):
                i += 1
                continue
            if self._position_capitalised(tokens, i) and self._common(token):
                if not (i + 1 < n and (_capitalised(tokens[i + 1]) or (tokens[i + 1].folded in ORG_CONNECTORS
                                                                   and i + 2 < n and _capitalised(tokens[i + 2])))):
                    i += 1
                    continue
                self.initial_common.add(token.start)  # kept for now: "Real Valdora", "General Motors"
            j = i + 1
            while j < n:
                t = tokens[j]
                if "\n" in self.raw[tokens[j - 1].end:t.start]:
                    break  # a name never runs on to the next line ("Northern Courier" / "Sunday 9 March")
                if _possessive(tokens[j - 1].text) and not (j + 1 == n or not _capitalised(t)
                                                            or (_capitalised(t) and t.text in self.rules.org_last
                                                                and (j + 1 == n or not _capitalised(tokens[j + 1])))):
                    break  # "Russia's Defence Ministry": two names; but "People's Party" is one
                if _capitalised(t):
                    j += 1
                elif t.text == "." and fold(tokens[j - 1].text) in ABBREVIATIONS \
                        or (t.text == "." and len(tokens[j - 1].text) == 1 and tokens[j - 1].text.isupper()
                            and j + 1 < n and _capitalised(tokens[j + 1])):
                    j += 1  # "Inc.", "J. Smith"
                elif t.text in "’'" and tokens[j - 1].text.endswith("s") and j + 1 < n and _capitalised(tokens[j + 1]):
                    j += 1  # "Nurses’ Union"
                elif (t.folded in NAME_PARTICLES | ORG_CONNECTORS and j + 1 < n
                      and tokens[j + 1].folded not in self.rules.calendar
                      and (t.folded != "on" or tokens[j - 1].text in self.rules.org_last
                           or tokens[j - 1].text in self.rules.org_first)
                      and (_capitalised(tokens[j + 1]) or (tokens[j + 1].folded == "the" and j + 2 < n
                                                           and t.folded != "and"  # "the RVC and the Legion": two
                                                           and _capitalised(tokens[j + 2])))):
                    j += 1
                elif t.text == "," and j + 1 < n and tokens[j + 1].text in CORPORATE_SUFFIXES:
                    j += 2 + (j + 2 < n and tokens[j + 2].text == ".")  # "Nimbrook AI, Inc."
                    break
                elif (nickname := self._nickname(tokens, j)) is not None:
                    self.nicknames[tokens[i].start] = (j, nickname)
                    j = nickname + 1  # 'Denis “White Rex” Kapustin': the nickname sits inside the name
                else:
                    break
            while j > i + 1 and (tokens[j - 1].folded in NAME_PARTICLES | ORG_CONNECTORS or tokens[j - 1].text in "’'"):
                j -= 1
            chunk = self._span(tokens, i, j)
            if j < n and tokens[j].text.islower() and tokens[j].text.capitalize() in self.rules.org_last \
                    and not self._organisation_head(tokens, i, j) and not _possessive(chunk) \
                    and chunk not in self.rules.demonyms and chunk not in self.rules.places:
                j += 1  # "the Freedom of Russia legion": the head written in lower case
            chunks.append((i, j))
            i = j
        return chunks

    @staticmethod
    def _nickname(tokens: list[Token], j: int) -> int | None:
        """Return the index of the name's next word if a quoted nickname opens at ``j``, else None."""
        if tokens[j].text not in "“\"‘'" or not _capitalised(tokens[j - 1]):
            return None
        for k in range(j + 2, min(len(tokens), j + 6)):
            if tokens[k].text in "”\"’'":
                inner = tokens[j + 1:k]
                if inner and all(_capitalised(t) for t in inner) and k + 1 < len(tokens) and _capitalised(tokens[k + 1]):
                    return k + 1
                return None
        return None

    def _name_starts_here(self, tokens: list[Token], i: int) -> bool:
        """Does a sentence-initial ordinary word start a title before a name ("Attorney General Ann Roe")?"""
        for width in (3, 2, 1):
            if i + width < len(tokens) and _capitalised(tokens[i + width]):
                role = self.rules.role(self._span(tokens, i, i + width))
                if role is not None and role.title:
                    return True
        return False

    def _sentence_mentions(self, start: int, end: int) -> list[Mention]:
        tokens = tokenize(self.raw, start, end)
        mentions: list[Mention] = []
        for i, j in self._chunks(tokens):
            mentions += self._classify(tokens, i, j)
        self._acronyms(tokens, mentions)
        self._appositions(tokens, mentions)
        return mentions

    def _span(self, tokens: list[Token], i: int, j: int) -> str:
        return self.raw[tokens[i].start:tokens[j - 1].end]

    def _title_split(self, tokens: list[Token], i: int, j: int) -> tuple[int, Role | None]:
        """Return where the name starts after a title ("Attorney General | Linda Sato"), and the title's role."""
        for k in range(j - 2, i - 1, -1):
            for width in (3, 2, 1):
                if k - width + 1 < i:
                    continue
                role = self.rules.role(self._span(tokens, k - width + 1, k + 1))
                if role is not None and role.title and role.role_class != "honorific":
                    rest = tokens[k + 1:j]
                    if rest and all(_capitalised(t) or t.folded in NAME_PARTICLES or t.text == "." for t in rest) \
                            and _capitalised(rest[0]) and not self._organisation_head(tokens, k + 1, j):
                        return k + 1, role
        return i, None

    def _organisation_head(self, tokens: list[Token], i: int, j: int) -> str:
        """Return the organisation category the words [i, j) show by their head, or ''."""
        words = [self._without_possessive_text(t.text) for t in tokens[i:j] if t.is_word]
        if not words:
            return ""
        text = self._without_possessive_text(self._span(tokens, i, j))
        if text in self.rules.org_names:
            return self.rules.org_names[text]
        last = self._without_possessive_text(tokens[j - 1].text if tokens[j - 1].is_word
                                             else tokens[j - 2].text if j - 2 >= i else "")
        for width in (3, 2, 1):
            tail = " ".join(words[-width:])
            if len(words) >= width and tail in self.rules.org_last:
                return self.rules.org_last[tail]
        if last in self.rules.org_last or last.capitalize() in self.rules.org_last:
            return self.rules.org_last.get(last) or self.rules.org_last[last.capitalize()]
        if words[0] in self.rules.org_first and any(t.folded in ("of", "for", "on") for t in tokens[i:j]):
            return self.rules.org_first[words[0]]
        for k in range(i, j - 1):  # "Court of Appeals", "Federal Office for the Environment"
            if tokens[k + 1].folded in ("of", "for", "on") and (tokens[k].text in self.rules.org_last
                                                                or tokens[k].text in self.rules.org_first):
                return self.rules.org_last.get(tokens[k].text) or self.rules.org_first[tokens[k].text]
        if words[0] in self.rules.org_prefix and len(words) >= 2:
            return self.rules.org_prefix[words[0]]
        return ""

    def _classify(self, tokens: list[Token], i: int, j: int) -> list[Mention]:
        """Return the mention(s) of the capitalised run [i, j)."""
        if tokens[i].start in self.nicknames:
            return self._nicknamed(tokens, i, j)
        if _possessive(tokens[j - 1].text):
            return [self._without_possessive(m) for m in self._classify_words(tokens, i, j)]
        return self._classify_words(tokens, i, j)

    @staticmethod
    def _without_possessive(mention: Mention) -> Mention:
        if _possessive(mention.surface):
            mention.surface, mention.end = mention.surface[:-2], mention.end - 2
        return mention

    def _nicknamed(self, tokens: list[Token], i: int, j: int) -> list[Mention]:
        """'Denis “White Rex” Kapustin': a person, and the nickname as a second name of the same person."""
        open_at, after = self.nicknames[tokens[i].start]
        name_tokens = tokens[i:open_at] + tokens[after:j]
        first = self._classify_words(tokens, i, open_at)
        mention = first[0] if len(first) == 1 and first[0].kind in ("person", "name") else None
        surface = " ".join(t.text for t in name_tokens if t.start >= (mention.start if mention else tokens[i].start))
        start = mention.start if mention else tokens[i].start
        person = Mention(start, tokens[j - 1].end, self._without_possessive_text(surface), "person",
                         (mention.rule + "; " if mention else "") + "a name with a nickname in quotation marks",
                         title=mention.title if mention else "", gender=mention.gender if mention else "",
                         gender_rule=mention.gender_rule if mention else "", roles=list(mention.roles) if mention else [])
        nickname = Mention(tokens[open_at + 1].start, tokens[after - 2].end, self._span(tokens, open_at + 1, after - 1),
                           "person", f"nickname inside '{person.surface}'")
        nickname.roles.append("same:" + person.surface)
        return [person, nickname]

    @staticmethod
    def _without_possessive_text(text: str) -> str:
        return text[:-2] if _possessive(text) else text

    def _classify_words(self, tokens: list[Token], i: int, j: int) -> list[Mention]:
        """Return the mention(s) of the capitalised words [i, j) (no nickname inside)."""
        first = tokens[i]
        if first.start in self.initial_common and not self._organisation_head(tokens, i, j) \
                and not self._name_starts_here(tokens, i):  # "But Maria", "Political analyst": not names
            return self._classify_words(tokens, i + 1, j) if j > i + 1 else []
        if (first.text.split("-")[0].lower() in ADJECTIVE_PREFIXES and "-" in first.text
                and not self._organisation_head(tokens, i, j)) or (first.folded in self.rules.common_words
                                                                   and first.folded not in self.rules.calendar):
            return self._classify_words(tokens, i + 1, j) if j > i + 1 else []  # "Anti-Kremlin Russians", "The"
        if j == i + 1 and dictionary_word(first.text, as_written=True):
            return []  # "Western", "Yes", "Will": words TextBlob's lexicon knows as no proper noun
        role = self.rules.role(self._without_possessive_text(self._span(tokens, i, j)))
        if role is not None and role.role_class not in ("institution", "group", "document", "outlet", "honorific"):
            return []  # "the Mayor", "Prime Minister" alone: a role written with a capital, no one's name
        ands = [k for k in range(i, j) if tokens[k].folded == "and"]
        if ands and (self._organisation_head(tokens, i, ands[0]) or not self._organisation_head(tokens, i, j)):
            parts, begin = [], i  # "the RVC and the Legion": two names ("Department of Health and ..." is one)
            for k in ands + [j]:
                start = begin + (tokens[begin].folded == "the") if begin < j else begin
                if k > start:
                    parts += self._classify_words(tokens, start, k)
                begin = k + 1
            return parts
        text = self._span(tokens, i, j)
        of = next((k for k in range(i + 2, j) if tokens[k].folded in ("of", "from", "at")), None)
        if of is not None and _first_name(tokens[i].text) and all(_capitalised(t) for t in tokens[i:of]) \
                and of - i <= 3:  # "Jonas Petrak of Aldine University": a person, then where they work
            after = of + 1 + (of + 1 < j and tokens[of + 1].folded == "the")
            return self._classify_words(tokens, i, of) + (self._classify_words(tokens, after, j) if after < j else [])
        title_role, title = None, ""
        honorific = self.rules.role(tokens[i].text)
        of = next((k for k in range(i + 1, j) if tokens[k].folded in ("of", "from", "at")), None)
        if of is not None and (honorific is not None and honorific.role_class == "honorific"
                               or self._title_split(tokens, i, of)[1] is not None):
            after = of + 1 + (of + 1 < j and tokens[of + 1].folded == "the")  # "Prof Lukas Brenner of the University"
            return self._classify_words(tokens, i, of) + (self._classify_words(tokens, after, j) if after < j else [])
        if honorific is not None and honorific.role_class == "honorific" and j - i >= 2:
            name_start = i + 1 + (tokens[i + 1].text == ".")
            if name_start < j:
                mention = Mention(tokens[name_start].start, tokens[j - 1].end, self._span(tokens, name_start, j),
                                  "person", f"honorific '{tokens[i].text}'", title=tokens[i].text,
                                  gender=honorific.gender, gender_rule=f"honorific '{tokens[i].text}'" if honorific.gender else "")
                return [mention]
        name_start, title_role = self._title_split(tokens, i, j)
        if title_role is not None:
            honorific_after = self.rules.role(tokens[name_start].text)
            if honorific_after is not None and honorific_after.role_class == "honorific" and name_start + 2 < j:
                name_start += 1 + (tokens[name_start + 1].text == ".")  # "Health Commissioner Dr. Alan Pierce"
            title = self._span(tokens, i, name_start)
            surface = self._span(tokens, name_start, j)
            gender = title_role.gender
            return [Mention(tokens[name_start].start, tokens[j - 1].end, surface, "person", f"title '{title}'",
                            title=title, gender=gender, gender_rule=f"title '{title}'" if gender else "",
                            roles=[fold(title_role.term)])]
        category = self._organisation_head(tokens, i, j)
        if category:
            kind = "government" if category == "government" else "organisation"
            return [Mention(tokens[i].start, tokens[j - 1].end, text, kind, f"organisation head ({category})",
                            category=category)]
        place_name = self._without_possessive_text(text)
        if place_name.isupper() and len(place_name) > 3:
            place_name = place_name.title()  # a dateline's "KHARTOUM"
        if place_name not in self.rules.places and place_name + "." in self.rules.places \
                and j < len(tokens) and tokens[j].text == ".":
            place_name += "."  # "Colo.", "Calif."
        if place_name in self.rules.places or self._place_follows(tokens, j):
            place = self.rules.places.get(place_name) or Place(place_name, "town", "")
            return [Mention(tokens[i].start, tokens[j - 1].end, text, "place",
                            f"gazetteer: {place.kind}", category=place.kind)]
        if j - i == 1 and _acronym(text):
            return [Mention(tokens[i].start, tokens[j - 1].end, text, "organisation", "acronym", category="")]
        connectors = [k for k in range(i, j) if tokens[k].folded in ORG_CONNECTORS]
        if connectors:  # not one organisation: its parts are names of their own ("Linda Okafor of Riverton")
            parts, begin = [], i
            for k in connectors + [j]:
                if k > begin:
                    parts += self._classify(tokens, begin, k)
                begin = k + 1
            return parts
        if text in self.rules.demonyms or text.rstrip("s") in self.rules.demonyms or fold(text) in self.lower_words \
                or fold(self._without_possessive_text(text)) in self.rules.calendar:
            return []  # "Sudanese", "Russians", "Wednesday", or a word the article also writes in lower case
        words = [t for t in tokens[i:j] if t.is_word]
        nicknamed = self._nicknamed_before(tokens, i)
        if nicknamed:
            return [Mention(tokens[i].start, tokens[j - 1].end, text, "person", f"a name after '{nicknamed}'")]
        role = self._role_before(tokens, i)
        if role is not None:
            return [Mention(tokens[i].start, tokens[j - 1].end, text, "person", f"role '{role.term}' before the name",
                            gender=role.gender, gender_rule=f"role '{role.term}'" if role.gender else "",
                            roles=[fold(role.term)])]
        if 2 <= len(words) <= MAX_PERSON_WORDS:
            if not _first_name(words[0].text) and dictionary_word(words[-1].text) \
                    and not dictionary_word(words[-1].text, proper=True):
                return [Mention(tokens[i].start, tokens[j - 1].end, text, "name",
                                f"a name ending in the word '{words[-1].text.lower()}' (a product or place?)")]
            return [Mention(tokens[i].start, tokens[j - 1].end, text, "person", "a name of several words")]
        if len(words) == 1:
            return [Mention(tokens[i].start, tokens[j - 1].end, text, "name", "a capitalised word")]
        return []

    def _place_follows(self, tokens: list[Token], j: int) -> bool:
        """Is the name followed by ', State' or ', Country' ("Springfield, Ill.", "MILLBROOK, Ohio")?"""
        if j + 1 >= len(tokens) or tokens[j].text != ",":
            return False
        following = tokens[j + 1].text
        place = self.rules.places.get(following) or self.rules.places.get(following + ".")
        return place is not None and place.kind in ("state", "province", "country")

    @staticmethod
    def _nicknamed_before(tokens: list[Token], i: int) -> str:
        """Return the words that introduce a person's nickname or call sign just before ``i`` ("nicknamed")."""
        k = i - 1
        while k >= 0 and tokens[k].text in "“\"‘'":
            k -= 1
        words = " ".join(t.folded for t in tokens[max(0, k - 2):k + 1])
        for cue in ("nicknamed", "call sign", "callsign", "nom de guerre", "alias", "code-named", "codenamed"):
            if words.endswith(cue):
                return cue
        return ""

    def _role_before(self, tokens: list[Token], i: int) -> Role | None:
        """Return the lower-case role just before a name: "coach Ruben Ortiz", "spokesman Dmitry Peskov"."""
        for width in (3, 2, 1):
            if i - width < 0:
                continue
            words = tokens[i - width:i]
            if not all(t.is_word and t.text[0].islower() for t in words):
                continue
            role = self.rules.role(" ".join(t.text for t in words))
            if role is not None and role.role_class not in ("document", "institution", "anonymous", "group", "outlet"):
                return role
        return None

    def _acronyms(self, tokens: list[Token], mentions: list[Mention]) -> None:
        """'Rapid Support Forces (RSF)': the acronym in brackets is the name's short form."""
        by_end = {m.end: m for m in mentions}
        for k in range(1, len(tokens) - 2):
            if tokens[k].text == "(" and tokens[k + 2].text == ")" and _acronym(tokens[k + 1].text):
                named = by_end.get(tokens[k - 1].end)
                acronym = next((m for m in mentions if m.start == tokens[k + 1].start), None)
                if named is not None and named.kind in ("organisation", "government", "person", "name"):
                    if named.kind == "name":
                        named.kind = "organisation"
                    if acronym is not None:
                        acronym.kind, acronym.category = named.kind, named.category
                        acronym.rule = f"acronym of '{named.surface}'"
                    named.roles.append("acronym:" + tokens[k + 1].text)

    def _appositions(self, tokens: list[Token], mentions: list[Mention]) -> None:
        """'Maria Santos, the company's chief executive,' / 'the union's general secretary, Paul Reed,'."""
        index = {t.start: n for n, t in enumerate(tokens)}
        for mention in mentions:
            if mention.kind not in ("person", "name"):
                continue
            n = index.get(mention.start)
            if n is None:
                continue
            m = next((k for k in range(n, len(tokens)) if tokens[k].end >= mention.end), n)
            after = m + 1
            if after < len(tokens) and tokens[after].text == ",":
                stop = next((k for k in range(after + 1, min(len(tokens), after + 12)) if tokens[k].text in ",;:.()"), None)
                if stop is not None:
                    self._take_roles(mention, self.raw[tokens[after + 1].start:tokens[stop - 1].end] if stop > after + 1 else "")
            if n >= 2 and tokens[n - 1].text == ",":
                begin = next((k for k in range(n - 2, max(-1, n - 12), -1) if tokens[k].text in ",;:.()“”\""), -1)
                phrase = self.raw[tokens[begin + 1].start:tokens[n - 2].end] if n - 2 > begin else ""
                if phrase and phrase.split()[0].lower() in ("the", "a", "an", "his", "her", "their", "its", "one", "another"):
                    self._take_roles(mention, phrase)

    def _take_roles(self, mention: Mention, phrase: str) -> None:
        if not phrase or len(phrase.split()) > 10:
            return
        phrase = re.split(r"['’]s\s+", phrase)[-1]  # "the prime minister's chief strategist": a strategist
        found = [self.rules.role(phrase[s:e]) for s, e in self.rules.role_matcher.find(phrase)]
        found = [r for r in found if r is not None
                 and r.role_class not in ("document", "anonymous", "institution", "group", "outlet")]
        if not found:
            return
        if mention.kind == "name":
            mention.kind, mention.rule = "person", f"apposition '{phrase}'"
        mention.roles += [fold(r.term) for r in found]
        gendered = [r for r in found if r.gender]
        if gendered and not mention.gender:
            mention.gender, mention.gender_rule = gendered[-1].gender, f"role '{gendered[-1].term}' in apposition"

    # -- grouping mentions into entities -----------------------------------------------------

    def _group(self) -> None:
        """Give each mention its entity: new names start one, later short forms join it."""
        pending: list[Mention] = []
        for mention in self.mentions:
            entity = self._existing(mention)
            if entity is None and len(mention.words) == 1 and mention.kind in ("name", "person"):
                pending.append(mention)  # a surname alone: maybe its full name comes later
                continue
            self._join(mention, entity)
        for mention in pending:
            entity = self._existing(mention, anywhere=True)
            if entity is not None:
                mention.rule += f"; same {entity.kind} as '{entity.name}'"
            self._join(mention, entity)

    def _join(self, mention: Mention, entity: Entity | None) -> None:
        if entity is None:
            entity = Entity(len(self.entities), mention.kind)
            self.entities.append(entity)
        mention.entity = entity.id
        entity.mentions.append(mention)
        if entity.kind == "name" and mention.kind != "name":
            entity.kind = mention.kind
        if mention.gender and not entity.gender:
            entity.gender, entity.gender_rule = mention.gender, mention.gender_rule
        entity.roles += [r for r in mention.roles if not r.startswith(("acronym:", "same:"))]
        entity.acronym = entity.acronym or next((r[8:] for r in mention.roles if r.startswith("acronym:")), "")
        entity.category = entity.category or mention.category

    def _existing(self, mention: Mention, anywhere: bool = False) -> Entity | None:
        """Return the entity this mention names again, if one is known (``anywhere``: also named later)."""
        same = next((r[5:] for r in mention.roles if r.startswith("same:")), None)
        if same is not None:  # a nickname inside a name: the same person
            return next((e for e in reversed(self.entities) if same in e.surfaces), None)
        key = _key(mention.surface)
        words = key.split()
        candidates = [e for e in self.entities if anywhere or e.first < mention.start]
        if mention.kind == "place":
            return next((e for e in candidates if e.kind == "place" and key in {_key(s) for s in e.surfaces}), None)
        for entity in reversed(candidates):  # the same full name, or an acronym of it
            if key in {_key(s) for s in entity.surfaces} or (entity.acronym and key == fold(entity.acronym)):
                return entity
        if len(words) == 1 and mention.kind in ("name", "person", "organisation"):
            persons = [e for e in reversed(candidates) if e.kind == "person"
                       and any(_surname(s) == key for s in e.surfaces if len(s.split()) > 1)]
            if persons:
                return persons[0]
            firsts = [e for e in reversed(candidates) if e.kind == "person"
                      and any(s.split()[0].lower() == key for s in e.surfaces if len(s.split()) > 1)]
            if len(firsts) == 1 and mention.kind != "organisation":
                return firsts[0]
            organisations = [e for e in reversed(candidates) if e.kind in ("organisation", "government")
                             and any(_key(s).split()[0] == key for s in e.surfaces if len(s.split()) > 1)]
            if organisations:
                return organisations[0]
        if mention.kind == "person" and len(words) >= 2:  # "Linda Okafor" again after "Mayor Okafor"
            surname = _surname(mention.surface)
            for entity in reversed(candidates):
                if entity.kind in ("person", "name") and all(len(s.split()) == 1 for s in entity.surfaces) \
                        and any(_key(s) == surname for s in entity.surfaces):
                    return entity
        if len(words) >= 2 and (mention.kind == "organisation" or (mention.kind in ("name", "person")
                                                                    and not mention.title and not mention.gender)):
            for entity in reversed(candidates):  # "Desert Shield" after "Desert Shield Armored Services"
                if entity.kind in ("organisation", "government") and any(
                        _key(s).split()[:len(words)] == words and len(_key(s).split()) > len(words)
                        for s in entity.surfaces):
                    return entity
        if mention.kind in ("organisation", "government") and len(words) >= 2:
            bare = _bare_organisation(key)
            for entity in reversed(candidates):
                if entity.kind in ("organisation", "government") and any(_bare_organisation(_key(s)) == bare
                                                                         for s in entity.surfaces):
                    return entity
        return None

    def _headline_mentions(self, start: int, end: int) -> None:
        """A headline's title case hides names: keep only the names the article itself gives."""
        names = {}
        for entity in self.entities:
            for surface in entity.surfaces | ({_surname(s) for s in entity.surfaces if entity.kind == "person"}):
                if surface:
                    names.setdefault(fold(surface), entity)
        matcher = PhraseMatcher([n for n in names if n])
        text = self.raw[start:end]
        for s, e in matcher.find(text):
            surface = text[s:e]
            entity = names.get(fold(surface))
            if entity is None or not surface[:1].isupper():
                continue
            mention = Mention(start + s, start + e, surface, entity.kind, f"headline: names '{entity.name}'",
                              category=entity.category, entity=entity.id)
            entity.mentions.append(mention)
            self.mentions.append(mention)

    def add_known(self, known: list[tuple[int, int, str, str]]) -> None:
        """Add names a topic pack or the outlets list knows, as (start, end, kind, category), where the
        text's own capitalisation hid them ("the Freedom of Russia legion"); they replace shorter names inside."""
        for start, end, kind, category in known:
            inside = [m for m in self.mentions if start <= m.start and m.end <= end]
            same = next((m for m in inside if m.start == start and m.end == end), None)
            if same is not None:  # "AFP" found as an acronym: the outlets list says it is a news agency
                entity = self.entities[same.entity]
                if entity.kind in ("name", "organisation") and not entity.category:
                    entity.kind, entity.category = kind, category
                    same.kind, same.category = kind, category
                continue
            if any(m.start < start < m.end or m.start < end < m.end for m in self.mentions):
                continue
            for mention in inside:
                self.mentions.remove(mention)
                self.entities[mention.entity].mentions.remove(mention)
            mention = Mention(start, end, self.raw[start:end], kind, "a name the topic pack or outlets list knows",
                              category=category)
            self._join(mention, self._existing(mention, anywhere=True))
            self.mentions.append(mention)
        self.mentions.sort(key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]

    # -- looking things up -------------------------------------------------------------------

    def between(self, start: int, end: int) -> list[Mention]:
        """Return the mentions inside ``raw[start:end]``, in text order."""
        import bisect

        first = bisect.bisect_left(self._starts, start)
        found = []
        for mention in self.mentions[first:]:
            if mention.start >= end:
                break
            if mention.end <= end:
                found.append(mention)
        return found

    def covering(self, start: int, end: int) -> Mention | None:
        """Return the mention whose span holds ``raw[start:end]`` ("State" in "New York State Nurses
        Association"), if any."""
        import bisect

        index = bisect.bisect_right(self._starts, start) - 1
        for mention in self.mentions[max(0, index - MAX_NESTED_MENTIONS):index + 1]:
            if mention.start <= start and end <= mention.end:
                return mention
        return None

    def entity(self, mention: Mention) -> Entity:
        return self.entities[mention.entity]

    def before(self, offset: int, kinds: tuple[str, ...]) -> list[tuple[int, Entity]]:
        """Return (offset of the latest mention, entity) of ``kinds`` mentioned before ``offset``, latest first."""
        latest: dict[int, int] = {}
        for mention in self.mentions:
            if mention.end > offset:
                break
            if self.entities[mention.entity].kind in kinds:
                latest[mention.entity] = mention.start
        return sorted(((o, self.entities[e]) for e, o in latest.items()), key=lambda pair: -pair[0])


@lru_cache(maxsize=1)
def _dictionary() -> dict[str, str]:
    """Return word -> part-of-speech tag from the English lexicon that ships with TextBlob (no download)."""
    from importlib.util import find_spec

    spec = find_spec("textblob")
    if spec is None or spec.origin is None:
        return {}
    path = Path(spec.origin).parent / "en" / "en-lexicon.txt"
    tags: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, tag = line.partition(" ")
        if tag.strip():
            tags.setdefault(word, tag.split()[0])
    return tags


def dictionary_word(word: str, as_written: bool = False, proper: bool = False) -> bool:
    """Is ``word`` an ordinary English word in TextBlob's lexicon (``as_written``: in this very case)?

    A proper noun (NNP) or a foreign word (FW) is not ordinary: "Santos", "Brown" stay names.
    With ``proper``: is the word, as written, a proper noun in the lexicon ("Brown", "Baker")?
    """
    tags = _dictionary()
    if proper:
        return tags.get(word, "").startswith("NNP")
    tag = tags.get(word) if as_written else (tags.get(word) or tags.get(word.lower()))
    return bool(tag) and not tag.startswith(("NNP", "FW")) and not tags.get(word, "").startswith("NNP")


@lru_cache(maxsize=1)
def _first_names():
    """Return gender-guesser's detector (its first-name table ships with the package: no download),
    or None where it is not installed: it is GPLv3, and a redistributor may leave it out."""
    try:
        import gender_guesser.detector as detector
    except ImportError:
        return None
    return detector.Detector(case_sensitive=False)


def name_gender(first_name: str, any_gender: bool = False) -> str:
    """Return m or f when the first-name table is fairly sure of ``first_name``, else ''
    (``any_gender``: 'a' for a name it knows but gives to both; always '' without the table)."""
    names = _first_names()
    if names is None:
        return ""
    found = names.get_gender(first_name)
    gender = {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}.get(found, "")
    return gender or ("a" if any_gender and found == "andy" else "")


def _first_name(word: str) -> bool:
    """Is ``word`` a first name the name table knows (of any gender)?"""
    return bool(name_gender(word, any_gender=True))


def word_tag(word: str) -> str:
    """Return the first part-of-speech tag TextBlob's lexicon gives ``word`` in lower case ('' if none)."""
    return _dictionary().get(word.lower(), "")


def is_verb(word: str) -> bool:
    """Is ``word`` a verb form in TextBlob's lexicon (its first tag VB, VBD, VBZ ...)?"""
    return _dictionary().get(word.lower(), "").startswith("VB")


def _possessive(text: str) -> bool:
    return text.endswith(("’s", "'s")) and len(text) > 2


_THE = re.compile(r"^the\s+")
_THE_ANY_CASE = re.compile(r"^[Tt]he\s+")
_CORPORATE_SUFFIX = re.compile(r"[,.]?\s+(?:inc|corp|corporation|co|company|ltd|limited|llc|plc|group|holdings)\.?$")


@lru_cache(maxsize=1 << 16)
def _key(surface: str) -> str:
    """Return a surface as names are compared: folded, spaces normalised, without a leading "the"."""
    return _THE.sub("", fold(" ".join(surface.split())))


@lru_cache(maxsize=4096)
def _surname(name: str) -> str:
    """Return the surname of a person's name ("de la Vega" of "Juan de la Vega"), folded."""
    from nameparser import HumanName

    return fold(HumanName(name).last or name.split()[-1])


@lru_cache(maxsize=1 << 14)
def _bare_organisation(key: str) -> str:
    """Return an organisation's name without a corporate suffix ("vantora software" of "vantora software inc.")."""
    return _CORPORATE_SUFFIX.sub("", key)
