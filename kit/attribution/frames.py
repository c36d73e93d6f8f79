"""The frames: how a cue, a speaker and content come together in a sentence.

- postposed:  “…,” he said  /  “…,” said Keir Giles  /  C, Kapustin said
- forward:    Russia said it deployed jets / X denied any role / X claimed to have …
- according:  according to X, C  /  C, according to X  /  ..., citing X
- noun:       statements by X that C / X's claims of C / their assertion that C
- colon:      Kapustin told journalists: “…”  /  He shrugged: “…”
- social:     the text of an embedded post, spoken by the account in its signature
- follow-on:  a paragraph that is only a quotation continues the previous speaker
"""

from __future__ import annotations

import re
from typing import Iterable

from kit.attribution.actors import NEUTRAL_TYPES
from kit.attribution.content import ADJUNCT_TOKENS, ContentExtent
from kit.attribution.entities import is_verb
from kit.attribution.lexicon import (
    CLAUSE_ENDERS_AFTER_CUE,
    DETERMINERS,
    FINITE_VERBS,
    MAX_HEADLINE_SOURCE_WORDS,
    MAX_INVERTED_SPEAKER_TOKENS,
    MAX_SPEAKER_TOKENS,
    MAX_UNQUOTED_SPEAKER_TOKENS,
    STATEMENT_MODIFIERS,
    STATEMENT_VERBS,
    SUBORDINATORS,
)
from kit.attribution.speakers import Speaker
from kit.attribution.subjects import SubjectFinding
from kit.attribution.units import Cue, Found, Sentence, Unit
from kit.text.terms import fold
from kit.text.tokens import Token


class Frames(SubjectFinding, ContentExtent):
    """Each frame returns what it found (a :class:`Found`) or None; the reader emits rows."""

    def noun_phrase(self, tokens: list) -> bool:
        """Could ``tokens`` be a speaker after an inverted cue ("manager Maria Santos"), not a clause
        ("its members come from ...", "the unit answered to no one")?"""
        if not tokens or tokens[0].lower in ("its", "their", "his", "her", "our", "it", "they", "he", "she", "we"):
            return False
        return not any(t.lower == "and" or (t.is_word and not t.capitalised and is_verb(t.text)
                                            and self.rules.entities.role(t.text) is None) for t in tokens)

    def postposed(self, s: Sentence, cue: Cue) -> Found | None:
        """“…,” he said / “…,” said Keir Giles / C, Kapustin said: the cue follows its content."""
        tokens, i = s.tokens, cue.i
        k = cue.j
        if self.rules.cues.takes(cue.lemma, "addressee"):
            k = self.skip_addressee(tokens, k)
        mark = self.closing_mark_before(s, i)
        inverted = (mark is None and i > 0 and tokens[i - 1].text == "," and not self.in_quote(s.unit, tokens[i - 1])
                    and cue.j == i + 1 and tokens[i].lower.endswith(("d", "s", "te", "ld")))  # "said", "adds", "wrote"
        if (mark is not None and (mark == i - 1 or (mark == i - 2 and tokens[i - 1].text == ","))) or inverted:
            # "…,” said Keir Giles who works at ...", "Shoppers stayed calm, said manager Maria Santos."
            m = k
            while m < len(tokens) and tokens[m].lower not in ("who", "which") and not (
                    tokens[m].text in ";,!?" or (tokens[m].text == "." and not self.abbreviation_before(tokens, m))):
                m += 1
            if m == k or not self.looks_like_subject(s, k, m):
                return None
            if inverted and not (m - k <= MAX_INVERTED_SPEAKER_TOKENS and self.ends_sentence(tokens, m)
                                 and self.noun_phrase(tokens[k:m])):
                return None  # "X, the commander, said Y": the speaker stands before the cue, not after
            a, b, k = k, m, m
        elif mark is not None:
            a = mark + 1 + (tokens[mark + 1].text == ",")
            b = self.skip_back_adjuncts(tokens, i)
        else:
            b = self.skip_back_adjuncts(tokens, i)
            if b > 0 and tokens[b - 1].text == ",":  # "..., the deputy minister, Kwame Asiedu, told guests"
                b -= 1
            comma = next((n for n in range(b - 1, max(-1, b - MAX_UNQUOTED_SPEAKER_TOKENS - 1), -1)
                          if tokens[n].text in ",.;:!?"), None)
            if comma is None or tokens[comma].text != ",":
                return None
            before = next((n for n in range(comma - 1, max(-1, comma - MAX_UNQUOTED_SPEAKER_TOKENS - 1), -1)
                           if tokens[n].text in ",.;:!?"), None)
            if b < i and before is not None and tokens[before].text == "," and \
                    self.rules.actors.role_classes(self.raw[tokens[before + 1].start:tokens[comma - 1].end]):
                comma = before  # the role before the name belongs to the speaker: "a spokesman, Tom Reed,"
            a = comma + 1
        k = self.skip_adjuncts(tokens, k)
        end = len(tokens) - (tokens[-1].text in ".!?")
        if k < len(tokens) and not (tokens[k].text in ".,;!?" or tokens[k].lower in CLAUSE_ENDERS_AFTER_CUE
                                    or end - k <= ADJUNCT_TOKENS and self.prepositional_phrase(tokens[k:end])):
            return None  # "..., X told reporters at a briefing outside City Hall." ends in adjuncts only
        while b > a and tokens[b - 1].text in ",—–-":
            b -= 1
        if a >= b or not self.looks_like_subject(s, a, b):
            return None
        surface = (tokens[a].start, tokens[b - 1].end)
        if mark is None and not inverted and self.only_names(s.start, tokens[a - 1].start):
            return None  # "The RVC, the Legion and the Battalion said ...": a list of subjects
        if mark is not None:
            quote = self.quote_at(s.unit, tokens[mark].start)
            if quote is None:
                return None
            start, end = quote.inner_start, self.merge_split_quote(s, quote)
            lead_end = quote.start  # the words before the quotation, if any, and whether a colon ends them
            while lead_end > s.start and self.raw[lead_end - 1].isspace():
                lead_end -= 1
            if lead_end > s.start and self.raw[lead_end - 1] != ":":
                start = self.trim(s.start, quote.start)[0]  # "The Kremlin ... considers them “militants,”"
            found = Found((start, end), "direct" if start == quote.inner_start else "mixed",
                          "postposed: “…,” SPEAKER CUE", surface)
        else:
            content = self.trim(s.start, tokens[i - 1 if inverted else a - 1].start)
            words = self.raw[content[0]:content[1]].split()
            if len(words) < 3 or not any(w.lower() in FINITE_VERBS or is_verb(w.strip(",.;:")) for w in words):
                return None  # reported speech is a clause: "Earlier this month, RVC vowed" is not
            if words[0].lower() in SUBORDINATORS and not any(w.endswith(",") for w in words[:-1]):
                return None  # "Before they voted down his idea, X argued for ...": a fronted clause alone, no main clause
            found = Found(content, self.kind_of(s.unit, *content),
                          "postposed: C, CUE SPEAKER" if inverted else "postposed: C, SPEAKER CUE", surface)
        found.speaker = self.speakers.resolve(*surface, headline=s.unit.kind == "headline")
        return found

    def frame_forward(self, s: Sentence, cue: Cue, later: Iterable[Cue], shared: Found | None) -> Found | None:
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

    def frame_according(self, s: Sentence, cue: Cue, later: Iterable[Cue]) -> Found | None:
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
            same = next((r for r in reversed(self.rows) if r["sentence_id"] == s.sentence_id
                         and s.start <= int(r["content_start"]) < s.end), None)  # the sentence's last row
            if same is not None:
                content = (int(same["content_start"]), int(same["content_end"]))
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

    def frame_as(self, s: Sentence, cue: Cue) -> Found | None:
        """'As X reported, C': the speaker stands between "as" and the verb, the content after the comma."""
        tokens = s.tokens
        opener = next(n for n in range(cue.i - 1, -1, -1) if tokens[n].lower == "as")
        if cue.j + 1 >= len(tokens):
            return None
        surface = (tokens[opener + 1].start, tokens[cue.i - 1].end)
        found = self.sentence_content(s, tokens[cue.j].end, s.end, "according to: as X reported, content")
        found.kind, found.surface = "according_to", surface
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
        if surface is None:
            return self.statement_before_colon(s, cue)
        if after >= len(tokens):
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

    def statement_before_colon(self, s: Sentence, cue: Cue) -> Found | None:
        """'X issued the following statement: “…”', also when the quotation is the next paragraph."""
        tokens = s.tokens
        colon = next((m for m in range(cue.j, min(len(tokens), cue.j + MAX_UNQUOTED_SPEAKER_TOKENS))
                      if tokens[m].text == ":" and not self.in_quote(s.unit, tokens[m])), None)
        verb = cue.i - 1
        while verb > 0 and (tokens[verb].lower in DETERMINERS or tokens[verb].lower in STATEMENT_MODIFIERS):
            verb -= 1
        if colon is None or verb < 1 or tokens[verb].lower not in STATEMENT_VERBS:
            return None
        subject = self.subject_before(s, Cue(verb, verb + 1, tokens[verb].lower, "neutral", "verb"), None)
        content = self.colon_content(s, colon)
        if not subject or content is None:
            return None
        content.speaker, content.surface = subject
        content.rule = "colon: SPEAKER issued a NOUN: “…”"
        return content

    def frame_colon_without_cue(self, s: Sentence) -> None:
        """'He shrugged: “…”' (any verb before a colon), 'Leader of the Legion: they met no resistance',
        and in headlines and live blogs 'Mayor: “Our hearts are broken”', 'Halden Health: no evidence ...'."""
        tokens = s.tokens
        colon = next((m for m, t in enumerate(tokens) if t.text == ":" and not self.in_quote(s.unit, t)
                      and not (0 < m < len(tokens) - 1 and tokens[m - 1].text.isdigit()
                               and tokens[m + 1].text.isdigit())), None)  # "7:20 p.m." is a time
        if colon is None or colon == 0 or colon > MAX_SPEAKER_TOKENS:
            return
        headline = s.unit.kind == "headline"
        verb = tokens[colon - 1]
        if not headline and verb.is_word and not verb.capitalised and verb.lower.endswith(("ed", "s")) and colon >= 2:
            cue = Cue(colon - 1, colon, verb.lower, "neutral", "verb")
            subject = self.subject_before(s, cue, None)
            content = self.colon_content(s, colon)
            if subject and content:
                content.speaker, content.surface = subject
                content.rule = "colon: SPEAKER VERB: “…”"
                self.emit(s, cue, content)
            return
        first = self.after_timestamp(tokens, colon)
        if first >= colon or not self.speaker_like(tokens[first:colon], short=headline):
            return
        content = self.trim(tokens[colon].end, s.end)
        if len(self.raw[content[0]:content[1]].split()) < 3:
            return
        surface = (tokens[first].start, tokens[colon - 1].end)
        found = Found(content, self.kind_of(s.unit, *content), "colon: SPEAKER: content", surface,
                      self.speakers.resolve(*surface, headline=headline))
        self.emit(s, Cue(colon, colon + 1, ":", "neutral", "colon"), found, confidence=0.6)

    def frame_headline_dash(self, s: Sentence) -> None:
        """'Support for the ruling party slides to 38% - poll': a headline's source after a final dash."""
        tokens = s.tokens
        dash = next((m for m in range(len(tokens) - 1, 0, -1) if tokens[m].text in ("-", "–", "—")
                     and self.raw[tokens[m].start - 1:tokens[m].start].isspace()), None)
        if dash is None or len(tokens) - dash - 1 > MAX_HEADLINE_SOURCE_WORDS or dash < 3:
            return
        if not self.speaker_like(tokens[dash + 1:], short=True):
            return
        content = self.trim(s.start, tokens[dash].start)
        surface = (tokens[dash + 1].start, tokens[-1].end)
        found = Found(content, self.kind_of(s.unit, *content), "headline: content - SOURCE", surface,
                      self.speakers.resolve(*surface, headline=True))
        self.emit(s, Cue(dash, dash + 1, "-", "neutral", "colon"), found, confidence=0.6)

    @staticmethod
    def after_timestamp(tokens: list[Token], limit: int) -> int:
        """Return where a line starts after a live blog's time stamp ("7:20 p.m. — Mayor"), else 0."""
        dash = next((m for m in range(min(limit, 8)) if tokens[m].text in ("—", "–", "-")), None)
        if dash is not None and any(t.text.isdigit() for t in tokens[:dash]):
            return dash + 1
        return 0

    def speaker_like(self, tokens: list[Token], short: bool = False) -> bool:
        """Could ``tokens`` alone name a speaker: a name, a role, a body, a document ("Mayor", "Halden
        Health", "poll"), with no verb; ``short``: at most a headline's few words?"""
        words = [t for t in tokens if t.is_word]
        if not words or (short and len(words) > MAX_HEADLINE_SOURCE_WORDS) or len(words) > MAX_UNQUOTED_SPEAKER_TOKENS:
            return False
        if any(not t.capitalised and is_verb(t.text) and self.rules.entities.role(t.text) is None for t in words):
            return False
        region = self.raw[tokens[0].start:tokens[-1].end]
        head = fold(words[-1].text)
        if head in self.rules.cues.section_labels or any(fold(w.text) in self.rules.cues.section_labels for w in words[:1]):
            return False  # "Live updates:", "Nepal earthquake:", "Reporters:": a label, not a speaker
        named = [m for m in self.speakers.mentions_between(tokens[0].start, tokens[-1].end)
                 if self.entities.entity(m).kind in ("person", "organisation", "government")]
        role = self.rules.entities.role(head)
        return bool(named or (role is not None and role.role_class != "document")
                    or head in self.rules.entities.descriptions or self.rules.actors.role_classes(region))

    def read_post(self, unit: Unit) -> None:
        """An embedded post: its text is content, the account in its signature the speaker."""
        assert unit.signature is not None
        sig_start, sig_end = unit.signature
        match = re.match(r"\s*([—–-]+)\s*(.*?)\s*\((@\w+)\)", self.raw[sig_start:sig_end])
        if not match:
            return
        name = re.sub(r"^[^\w@]+", "", match.group(2)).strip()
        actor = self.rules.actors.lookup(name)
        speaker = (Speaker(actor.canonical, actor.group, NEUTRAL_TYPES.get(actor.type, actor.type),
                           f"account '{name}'; topic pack: '{actor.canonical}'")
                   if actor else Speaker(name, "", "account", "account named in the post's signature"))
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
