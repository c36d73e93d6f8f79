"""Finding cues in a sentence: reporting verbs, reporting nouns, "according to", "citing"; and
telling quoted speech from quoted names, which cues inside quotations must skip.
"""

from __future__ import annotations

import bisect

from kit.attribution.entities import dictionary_word, is_verb, word_tag
from kit.attribution.lexicon import (
    ADVERBS,
    DETERMINERS,
    FINITE_VERBS,
    NUMBER_WORDS_SMALL,
    PASSIVE_AUXILIARIES,
    PREPOSITIONS_BEFORE_GERUND,
    TIME_WORDS,
)

MAX_AS_SPEAKER_TOKENS = 6  # "As the regional governor's office reported,"
from kit.attribution.state import ArticleState
from kit.attribution.units import OPENING_MARKS, Cue, Sentence, Unit
from kit.text.quotes import Quote
from kit.text.tokens import Token


class CueFinding(ArticleState):
    """The cues of a sentence, and the quotations they sit in."""

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
        """Is the quotation only a name or nickname (“White Rex”, “Caesar”), not words someone said (“Yes,”)?"""
        inner = self.raw[quote.inner_start:quote.inner_end]
        if inner.rstrip()[-1:] in ",.!?…":
            return False  # “Yes,” said Maria: speech ends inside its marks
        inner = inner.strip(" ,.")
        words = inner.split()
        before = self.raw[max(0, quote.start - 4):quote.start].lower().split()
        after_article = bool(before) and before[-1] in ("a", "an")
        named = any(len(m.surface) >= len(inner) - 1 for m in self.entities.between(quote.inner_start, quote.inner_end))
        return bool(words) and (named or self.rules.actors.lookup(inner) is not None
                                or (len(words) == 1 and words[0][:1].isupper() and not after_article
                                    and not dictionary_word(words[0], as_written=True)))

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
            fronted = self.as_clause(tokens, k)
            if fronted is not None:  # "As UkrPulse reported, ...": the cue is the verb, the speaker before it
                cues.append(fronted)
                k = fronted.j
                continue
            verb = lexicon.verb_at(words)
            if verb:
                size, lemma, stance = verb
                previous = tokens[k - 1].lower if k else ""
                if lemma in ("quote", "cite") and token.lower.endswith("ing") and previous == ",":
                    cues.append(Cue(k, k + size, lemma, stance, "according"))
                    k += size
                    continue
                if self.is_verb_use(tokens, k, size, passive_ok=lexicon.takes(lemma, "passive")):
                    # "took responsibility for X": the object is the content, the verb alone the cue
                    cue_size = size - 1 if lexicon.takes(lemma, "object") else size
                    cues.append(Cue(k, k + cue_size, lemma, stance, "verb"))
                    k += cue_size
                    continue
            if token.lower in lexicon.nouns:
                cues.append(Cue(k, k + 1, *lexicon.nouns[token.lower], "noun"))
            k += 1
        return cues

    def as_clause(self, tokens: list[Token], k: int) -> Cue | None:
        """Return the cue of a fronted "As X reported," / "As the ministry said," clause opening at ``k``
        (the reporting verb, of kind ``as``), or None."""
        if tokens[k].lower != "as" or (k > 0 and tokens[k - 1].text not in ",;—–" and tokens[k - 1].lower not in
                                       ("and", "but")):
            return None
        for n in range(k + 2, min(len(tokens), k + 2 + MAX_AS_SPEAKER_TOKENS)):
            verb = self.rules.cues.verb_at([t.lower for t in tokens[n:n + self.rules.cues.max_words + 1]])
            if verb is not None:
                size, lemma, stance = verb
                closes = n + size < len(tokens) and tokens[n + size].text == ","
                return Cue(n, n + size, lemma, stance, "as") if closes else None
            if not tokens[n].is_word or (not tokens[n].capitalised and tokens[n].lower not in DETERMINERS
                                         and is_verb(tokens[n].text)):
                return None
        return None

    def is_verb_use(self, tokens: list[Token], k: int, size: int, passive_ok: bool = False) -> bool:
        """Is the word at ``k`` an active reporting verb (not 'the claims', 'is said to', 'declined to say',
        'did not say', 'asked not to be named')?"""
        word = tokens[k].lower
        previous = tokens[k - 1].lower if k else ""
        following = tokens[k + size].lower if k + size < len(tokens) else ""
        lexicon = self.rules.cues
        if previous in lexicon.negations or (previous == "to" and k >= 2 and tokens[k - 2].lower in lexicon.refusals):
            return False  # "did not say", "declined to comment": no speech is reported
        if self.entities.between(tokens[k].start, tokens[k + size - 1].end) \
                or self.entities.covering(tokens[k].start, tokens[k].end) is not None:
            return False  # "Court of Appeals", "New York State Nurses Association": a word inside a name
        if word_tag(word).startswith("NN") and k > 0 and (
                previous.replace(",", "").isdigit() or previous in NUMBER_WORDS_SMALL or
                (not tokens[k - 1].capitalised and tokens[k - 1].is_word and is_verb(previous)
                 and previous not in FINITE_VERBS and previous not in ADVERBS) or
                (word_tag(previous) in ("JJ", "NN") and not tokens[k - 1].capitalised
                 and (following in ("for", "of") or word_tag(following) in ("NN", "NNS"))
                 and not word.endswith("ed"))):
            return False  # "three reports", "settle claims", "an emergency appeal for", "federal appeals court"
        if [t.lower for t in tokens[k + size:k + size + 3]] == ["not", "to", "be"]:
            return False  # "asked not to be named"
        relative = previous in ("that", "which", "who") and (
            following in ("to", "that", "it", "they", "he", "she", ",") or following in DETERMINERS)
        if (previous in DETERMINERS and not relative) or (previous in PASSIVE_AUXILIARIES and not passive_ok):
            return False  # "the claims", "that claim"; but "groups that purport to", "was quoted as saying"
        if k and tokens[k - 1].text.endswith(("’s", "'s")):
            return False
        if word.endswith("ing") and previous in PREPOSITIONS_BEFORE_GERUND:
            return False  # "without disclosing his name"
        if word.endswith("ing") and self.owned_noun(tokens, k):
            return False  # "its amber wind warning": a noun after a possessive
        if following == "by" and word.endswith("ed"):
            return False  # passive with an agent: "claimed by two groups"
        return True

    def owned_noun(self, tokens: list[Token], k: int) -> bool:
        """Is the word at ``k`` the head of a noun phrase opened by a possessive ("its warning", "their
        opening", "its amber wind warning"), with no role word between ("his spokesman saying" speaks)?"""
        for n in range(k - 1, max(-1, k - 4), -1):
            if tokens[n].lower in ("its", "his", "her", "their", "our", "your"):
                return True
            if not tokens[n].is_word or tokens[n].capitalised or is_verb(tokens[n].text) \
                    or self.rules.entities.role(tokens[n].lower) is not None:
                return False
        return False

    def skip_back_adjuncts(self, tokens: list[Token], b: int) -> int:
        """Step back over 'on Wednesday (May 24)', 'has', 'also' before a verb."""
        while b > 0:
            token = tokens[b - 1]
            if token.text == ")":  # "(May 24)" is an adjunct, "(SBI)" is part of the speaker's name
                opening = next((k for k in range(b - 2, max(-1, b - 8), -1) if tokens[k].text == "("), None)
                inside = tokens[opening + 1:b - 1] if opening is not None else []
                if inside and all(t.text.isdigit() or t.lower in TIME_WORDS or not t.is_word for t in inside):
                    b = opening
                    continue
                break
            if token.lower in ADVERBS or token.lower in TIME_WORDS or token.text.isdigit() \
                    or (token.lower in ("on", "in", "at") and b < len(tokens) and tokens[b].lower in TIME_WORDS):
                b -= 1
                continue
            break
        return b
