"""Where content starts and ends: after a cue (a that-clause, an infinitive, a label, a
colon), across a quotation split by its cue, and without the cue's adjuncts or the outlet's
own commentary.
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import Iterable

from kit.attribution.cues import CueFinding
from kit.attribution.entities import is_verb
from kit.attribution.lexicon import (
    ADDRESSEE_WORDS,
    ADJUNCT_PREPOSITIONS,
    COORDINATORS,
    DETERMINERS,
    FINITE_VERBS,
    MAX_ADDRESSEE_TOKENS,
    MAX_SPEAKER_TOKENS,
    TIME_WORDS,
)
from kit.attribution.units import (
    CLOSING_MARKS,
    OPENING_MARKS,
    Cue,
    Found,
    Sentence,
    Unit,
    is_medium_word,
)
from kit.text.quotes import Quote
from kit.text.tokens import Token, tokenize

ADJUNCT_TOKENS = 12  # the longest phrase of adjuncts alone ("at a briefing outside City Hall on Monday")


class ContentExtent(CueFinding):
    """The span of what is said."""

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
        first = max(0, bisect.bisect_right(unit.quote_starts, start) - 1)  # quotations are sorted, never overlap
        last = bisect.bisect_left(unit.quote_starts, end)
        overlapping = [q for q in unit.quotes[first:last] if q.start < end and q.end > start]
        speech = [q for q in overlapping if not self.is_name_quote(q)]
        if len(speech) == 1 and speech[0].inner_start >= start - 1 and speech[0].inner_start <= start + 1 \
                and speech[0].inner_end >= end - 2:
            return "direct"
        return "mixed" if speech else "indirect"

    def sentence_content(self, s: Sentence, start: int, end: int, rule: str) -> Found:
        start, end = self.trim(start, end)
        return Found((start, end), self.kind_of(s.unit, start, end), rule)

    def content_after(self, s: Sentence, cue: Cue, later: Iterable[Cue], stop_at_next_cue: bool = False) -> Found | None:
        tokens, lemma = s.tokens, cue.lemma
        k = cue.j
        window = tokens[cue.j:cue.j + 16]
        that_at = next((cue.j + n for n, t in enumerate(window) if t.lower == "that"
                        and not self.in_quote(s.unit, t)), None)
        colon_at = next((cue.j + n for n, t in enumerate(window) if t.text == ":"
                         and not self.raw[t.start - 1:t.start].isdigit()), None)  # "21:00" is a time
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
        if that_at is not None and k < that_at and self.prepositional_phrase(tokens[k:that_at]):
            k = that_at  # "wrote for the majority that ...", "said at a news conference on Monday that ..."
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
        if not opens_clause and self.rules.cues.is_decision(
                self.raw[tokens[k].start:tokens[min(k + ADJUNCT_TOKENS, len(tokens)) - 1].end]):
            return None  # "denied the motion", "declared a state of emergency": an act, not speech
        if self.rules.cues.takes(lemma, "confront") and not opens_clause and not any(
                t.lower in self.rules.cues.nouns for t in tokens[k:k + 5]):
            return None  # "dismissed a question" is not a report; "questioned Kiev's narrative" is
        if tokens[k].lower in ("that", "how"):
            k += 1
        elif self.rules.cues.takes(lemma, "preposition") and tokens[k].lower in ("of", "against", "about") \
                and k + 1 < len(tokens):
            k += 1  # "warned of ‘chaos in the hospitals’", "warned against a leap in the dark"
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
            following = next((c for c in later if c.kind == "verb" and c.i > start), None)
            if following is not None:
                end = min(end, tokens[self.skip_back_adjuncts(tokens, following.i) - 1].end)
        inside = list(itertools.takewhile(lambda t: t.end <= end, tokens[start:start + ADJUNCT_TOKENS + 1]))
        if len(inside) <= ADJUNCT_TOKENS and (self.prepositional_phrase(inside)
                                              or all(t.lower in TIME_WORDS or not t.is_word for t in inside)):
            return None  # "said in a notice Tuesday", "told workers Thursday": adjuncts, no content
        return self.sentence_content(s, tokens[start].start, end, f"forward: SPEAKER {lemma.upper()} content")

    @staticmethod
    def prepositional_phrase(tokens: list[Token]) -> bool:
        """Are ``tokens`` one or more prepositional phrases with no verb ("for the majority", "at a briefing
        outside City Hall on Monday")?"""
        return bool(tokens) and tokens[0].lower in ADJUNCT_PREPOSITIONS and len(tokens) <= ADJUNCT_TOKENS and not any(
            t.is_word and not t.capitalised and (is_verb(t.text) and t.lower not in ADJUNCT_PREPOSITIONS)
            for t in tokens[1:])

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

    def clause_end(self, s: Sentence, k: int, later: Iterable[Cue]) -> int:
        """Return where content starting at token ``k`` ends: sentence end, or before a new report."""
        tokens = s.tokens
        stops = (c.i for c in later if c.i > k)  # the cues come in order: the next one, when needed
        next_stop = next(stops, None)
        for m in range(k, len(tokens)):
            token = tokens[m]
            if self.in_quote(s.unit, token):
                continue
            if token.text == ";":
                return token.start
            if token.text == "," and [t.lower for t in tokens[m + 1:m + 3]] == ["according", "to"]:
                return token.start
            if m == next_stop:
                boundary = next((n for n in range(m - 1, max(k, m - 8) - 1, -1)
                                 if tokens[n].lower in COORDINATORS), None)
                if boundary is not None and boundary > k:
                    while boundary > k and tokens[boundary - 1].lower in COORDINATORS:
                        boundary -= 1
                    return tokens[boundary].start
                next_stop = next(stops, None)
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
