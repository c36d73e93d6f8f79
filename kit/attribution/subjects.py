"""Finding the speaker of a cue: the subject before it ("Kapustin said"), the subject of its
clause, the antecedent of a relative pronoun ("groups that purport to ... said"), or the shared
subject of a coordinated cue.
"""

from __future__ import annotations

import re

from kit.attribution.cues import CueFinding
from kit.attribution.entities import is_verb, word_tag
from kit.attribution.lexicon import (
    CLAUSE_WORDS,
    CONNECTIVES,
    COORDINATORS,
    DETERMINERS,
    FINITE_VERBS,
    LEADING_ADVERBIALS,
    MAX_ASIDE_TOKENS,
    MAX_SPEAKER_TOKENS,
    MAX_UNQUOTED_SPEAKER_TOKENS,
    PASSIVE_AUXILIARIES,
    TIME_WORDS,
)
from kit.attribution.speakers import PERSON_PRONOUNS, PLURAL_PRONOUNS, Speaker
from kit.attribution.units import CLOSING_MARKS, Cue, Found, Sentence
from kit.text.terms import fold
from kit.text.tokens import Token


TIME_OPENERS = frozenset({"on", "in", "at", "by", "since", "until", "early", "late", "last", "this", "next",
                          "earlier", "later"})
MAX_TIME_PHRASE_TOKENS = 6


class SubjectFinding(CueFinding):
    """Who the subject of a cue is, with the surface words that name it."""

    def subject_before(self, s: Sentence, cue: Cue, shared: Found | None) -> tuple[Speaker, tuple[int, int]] | None:
        """Return the speaker and surface of the subject before the cue, or the shared one."""
        tokens = s.tokens
        b = self.skip_back_adjuncts(tokens, cue.i)
        while b > 0 and tokens[b - 1].lower in PASSIVE_AUXILIARIES and self.rules.cues.takes(cue.lemma, "passive"):
            b = self.skip_back_adjuncts(tokens, b - 1)  # "Mark Brandt was quoted as saying"
        b = self.skip_back_aside(tokens, b)  # "the Siberian Battalion [banned in Russia] claimed"
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
                fronted = self.as_clause(tokens, a - 1)
                if fronted is not None and fronted.j < b:  # "As X reported, the ministry said": after the comma
                    a = fronted.j + 1
                break
            if self.in_quote(s.unit, token):
                break
            a -= 1
        if a > 0 and tokens[a - 1].lower in ("that", "who", "which") and a == self.first_verbish(tokens, a, b):
            # "groups that purport to ... said", "the other group that claims": the antecedent speaks
            return self.antecedent_subject(s, a - 1)
        a = self.skip_leading_adverbials(tokens, a, b)
        if participle:  # "Governor Kathy Hochul released a statement asking ...": the subject of "released"
            verb = next((n for n in range(a + 1, b) if not tokens[n].capitalised and tokens[n].is_word and (
                tokens[n].lower in FINITE_VERBS or word_tag(tokens[n].lower) in ("VBD", "VBZ", "VBP")
                or (word_tag(tokens[n].lower) == "VBN" and n + 1 < b and tokens[n + 1].lower in DETERMINERS))),
                None)
            b = verb if verb is not None else b
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

    @staticmethod
    def skip_back_aside(tokens: list[Token], b: int) -> int:
        """Return where a bracketed aside ending just before ``b`` opens ("[recognised as terrorist
        organisations]", "(RVC)"), else ``b``: the aside is the outlet's words, not the speaker's name."""
        if b == 0 or tokens[b - 1].text not in ")]":
            return b
        opener = "(" if tokens[b - 1].text == ")" else "["
        for n in range(b - 2, max(-1, b - 2 - MAX_ASIDE_TOKENS), -1):
            if tokens[n].text == opener:
                return n if n > 0 else b
        return b

    def first_verbish(self, tokens: list[Token], a: int, b: int) -> int:
        """Return ``a`` if the region [a, b) starts with a verb (a relative clause), else -1."""
        if a >= b:
            return a
        first = tokens[a]
        if self.rules.cues.verb_at([first.lower]) or first.lower in FINITE_VERBS or (
                not first.capitalised and is_verb(first.text)):  # "groups who oppose the Kremlin insisted"
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
        if b - a > 2 and tokens[a].is_word and not tokens[a].capitalised and tokens[a].lower.endswith("ing") \
                and tokens[a + 1].lower in ("with", "against", "behind", "alongside", "for", "from", "to"):
            a += 2  # "siding with a group of homeowners who argued": the group argued, not "siding with"
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

    def skip_leading_adverbials(self, tokens: list[Token], a: int, b: int) -> int:
        """Skip 'In northern Ukraine ..., ' / 'Meanwhile, ' / 'However, asked about ..., ' / 'But '."""
        while a < b:
            head = tokens[a]
            if head.text in ",—–-(" or head.lower in CONNECTIVES:
                a += 1  # "But Kapustin, the RVC commander," keeps Kapustin
                continue
            timed = self.time_phrase_end(tokens, a, b)
            if timed is not None:  # "on March 12 the groups announced": no comma after the date
                a = timed
                continue
            comma = next((k for k in range(a, b) if tokens[k].text == ","), None)
            participle = head.is_word and head.lower.endswith(("ed", "ing")) and (a == 0 or not head.capitalised)
            if comma is not None and (head.lower in LEADING_ADVERBIALS or participle):
                a = comma + 1
                continue
            break
        return a

    @staticmethod
    def time_phrase_end(tokens: list[Token], a: int, b: int) -> int | None:
        """Return where a leading time phrase with no comma after it ends ("on March 12", "last week",
        "early on Tuesday"), if one opens at ``a`` and a subject follows it; else None."""
        if tokens[a].lower not in TIME_OPENERS:
            return None
        k = a + 1
        while k < b and k - a <= MAX_TIME_PHRASE_TOKENS and (
                tokens[k].lower in TIME_WORDS or tokens[k].text.isdigit() or tokens[k].lower in TIME_OPENERS
                or (tokens[k].lower in ("of", "the") and k + 1 < b
                    and (tokens[k + 1].lower in TIME_WORDS or tokens[k + 1].text[:1].isdigit()))):
            k += 1
        timed = any(t.lower in TIME_WORDS for t in tokens[a:k])
        named = k < b and tokens[k - 1].capitalised and tokens[k].capitalised and tokens[k].lower not in DETERMINERS
        if not timed or named or k >= b or tokens[k].text in ",." or tokens[k].text[:1].isdigit():
            return None  # "On the morning of March 12, ...": the comma rule; "Sunday Ledger": a name
        return k

    @staticmethod
    def joins_names(tokens: list[Token], k: int) -> bool:
        """Is the 'and' at ``k`` joining two names ("Nikitin and Volkov")?"""
        if tokens[k].lower not in ("and", "&") or k == 0 or k + 1 >= len(tokens):
            return False
        before, after = tokens[k - 1], tokens[k + 1]
        if before.capitalised and before.is_word and (after.capitalised or after.lower == "the"):
            return True
        # "the union and the council": two short definite noun phrases, no verb between
        return k >= 2 and tokens[k - 2].lower == "the" and after.lower == "the" and before.is_word \
            and not is_verb(before.text)

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
        if lower[0] in (PERSON_PRONOUNS | PLURAL_PRONOUNS | {"it", "i"}) - {"his", "her", "their"} or lower == ["both"]:
            return len(words) <= 2
        head = re.split(r",|\b(?:of|for|at|from|with|in|on|who|which)\b", text, maxsplit=1)[0].split()
        head_word = head[-1] if head else ""
        if len(head) >= 2 and head[-2].endswith(("’s", "'s")) and not self.rules.actors.role_classes(head_word):
            return False  # "Moscow's response showed": a thing, not a source
        if self.speakers.mentions_between(tokens[a].start, tokens[b - 1].end) or self.rules.actors.role_classes(text):
            return True
        if fold(head_word) in self.rules.entities.descriptions or (
                fold(head_word).endswith("s") and fold(head_word)[:-1] in self.rules.entities.descriptions):
            return True  # "the chain", "the companies": a description of a body
        return words[0].capitalised and lower[0] not in ("this", "that", "it", "there", "what")

    @staticmethod
    def ends_sentence(tokens: list[Token], m: int) -> bool:
        """Does the sentence end at token ``m`` (or go on only with a relative clause about the speaker)?"""
        rest = [t.text for t in tokens[m:]]
        return not rest or (rest[0] in (".", "!", "?") and len(rest) <= 2) or \
            (rest[0] == "," and len(rest) > 1 and tokens[m + 1].lower in ("who", "which", "whose")) or \
            tokens[m].lower in ("who", "which")

    def abbreviation_before(self, tokens: list[Token], m: int) -> bool:
        """Is the period at ``m`` the end of an abbreviation ("Dr.", "Inc.") rather than of the sentence?"""
        return m > 0 and (tokens[m - 1].lower in self.rules.text.abbreviations
                          or (len(tokens[m - 1].text) == 1 and tokens[m - 1].text.isupper()))

    def only_names(self, start: int, end: int) -> bool:
        """Is ``raw[start:end]`` nothing but names joined by commas, 'and' and articles?"""
        mentions = self.speakers.mentions_between(start, end)
        rest = self.raw[start:end]
        for mention in reversed(mentions):
            rest = rest[:mention.start - start] + " " + rest[mention.end - start:]
        return bool(mentions) and not re.sub(r"\b(?:the|and|a|an)\b|[,\s]", "", rest, flags=re.I)
