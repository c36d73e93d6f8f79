"""What a number in a news text counts: people and things, events, money, percentages, measures.

:class:`QuantityReader` finds the numbers of one stretch of text (a headline or a paragraph) and
reads each into a quantity with its evidence:

- ``kind``: ``money`` ("£4.5m", "48 million euros"), ``percent`` ("4 per cent", "38%"), ``measure``
  ("about 20 miles", "six-month"), ``event`` (what happened to the people counted: "two were
  killed", "forcing 3,000 people to evacuate") or ``count`` ("About 1,200 nurses", "17 goals");
- ``counted``: for a count the lemma of the counted noun (nurse, operation, shop, goal, home); for an
  event its category (killed, wounded, captured, arrested, evacuated, displaced, casualties); for a
  measure what it measures (distance, duration, area, weight …); ``money`` or ``percent``;
- ``unit``: the currency (GBP, USD, EUR), ``%``, or the unit of a measure (mile, year, acre);
- ``noun``: the counted noun's lemma, also when an event decides ``counted`` ("fighter");
- ``approximation`` and the range (``low``, ``high``) the words mean (:mod:`kit.framing.numbers`);
- ``rule`` and ``evidence``: which words decided each of these.

Dates, years, times of day, ages ("Carol Nguyen, 67", "19-year-old"), scores ("3-2"), phone
numbers and numbers that name rather than count ("Ward 9", "No. 1", "phase one") are not
quantities. A number whose counted thing the text does not show is left out (abstain), unless the
sentence has just counted something the number continues ("31 votes to four", "39 of them").
The words come from ``kit/data/`` (claim_terms, units, amounts, function_words, roles) and from
the topic pack's ``sides.csv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from kit.framing.numbers import (DIGITS, GLUED_SCALES, REPORTED_CLASS, WORDS, Amount, NumberError, amount_pattern,
                                 bounds, load_amounts, read_amount)
from kit.text.terms import TermIndex
from kit.text.wordlists import read_rows, split_values

V = TypeVar("V")
_SCALE_WORDS = "hundred|thousand|million|billion|trillion"
_TOKEN = re.compile(r"[^\W\d_](?:[\w’'.-]*\w)?|\d[\d,.]*\d|\d|\S")
_QUOTES = "“”\"‘’'«»"
_MONTH = re.compile(r"^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
                    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$", re.I)
# Function-word classes that end the noun phrase after a number ("300 operations *and* …").
_STOP_CLASSES = ("article", "preposition", "conjunction", "auxiliary", "pronoun", "subject_pronoun", "negation",
                 "refusal")
# Role classes of roles.csv that are not people ("study", "newspaper", "ministry").
_NOT_PEOPLE = ("document", "institution", "outlet", "part", "honorific")
_DETERMINERS = ("the", "his", "her", "its", "their", "our", "my", "your", "these", "those", "this", "that", "whose")
_ANAPHORS = ("them", "those", "whom", "which", "these", "us")
_PART_DETERMINERS = ("the", "these", "those", "this", "that")
MAX_NOUN_WORDS = 4
MAX_EVENT_GAP = 5  # words between the people counted and their event ("were later reported killed")
MAX_PHRASE_WORDS = 3  # a phrase after the counted noun ("60 servicemen *of the enemy* were killed")
MAX_PHRASES = 2  # "one resident *of the village* *of Kozinka* died"
SIDE_WINDOW_CHARS = 60
MAX_AGE = 120


def exact_case(term: str) -> bool:
    """Does a term match only as written? Capital codes of up to four letters do ('C', 'GB', 'USD', 'ET'),
    as in the other word lists; other terms match in any case ('km', 'a.m.', 'No.')."""
    letters = term.replace(".", "")
    return letters.isupper() and len(letters) <= 4


class Terms(Generic[V]):
    """The terms of a word list, matched as whole words where a text starts or ends, longest first.

    Capital codes match only as written (:func:`exact_case`); other terms in any case.
    """

    def __init__(self, table: dict[str, V]):
        self.table = {(t if exact_case(t) else t.lower()): v for t, v in table.items()}
        parts = []
        for term in sorted(self.table, key=len, reverse=True):
            body = re.escape(term).replace(r"\ ", r"\s+")
            parts.append(f"(?-i:{body})" if exact_case(term) else body)
        alternation = "|".join(parts) or "(?!x)x"
        self.alternation = alternation
        self.opening = re.compile(rf"(?:{alternation})(?![\w-])", re.I)
        self.closing = re.compile(rf"(?<![\w-])(?:{alternation})$", re.I)

    def value(self, surface: str) -> V | None:
        """Return the value of the term ``surface`` spells (exact case first)."""
        key = " ".join(surface.split())
        return self.table.get(key, self.table.get(key.lower()))

    def at_start(self, text: str) -> tuple[str, V, int] | None:
        """Return (surface, value, end) of a term that opens ``text``."""
        found = self.opening.match(text)
        return (found.group(0), self.value(found.group(0)), found.end()) if found else None

    def at_end(self, text: str) -> tuple[str, V, int] | None:
        """Return (surface, value, start) of a term that closes ``text``."""
        found = self.closing.search(text)
        return (found.group(0), self.value(found.group(0)), found.start()) if found else None


@dataclass(frozen=True)
class Unit:
    """A unit of ``units.csv``: the canonical unit and what it measures."""

    unit: str
    measure: str

    @property
    def kind(self) -> str:
        """Return the quantity kind this unit gives: money, percent or measure."""
        return self.measure if self.measure in ("money", "percent") else "measure"


@dataclass(frozen=True)
class Reading:
    """What the words around a number say it is: kind, counted, unit, noun, and the rule that read it."""

    kind: str = ""
    counted: str = ""
    unit: str = ""
    noun: str = ""
    rule: str = ""
    words: str = ""
    head_end: int = -1
    part: bool = False


class QuantityReader:
    """Read the quantities of a text with the word lists of ``kit/data`` and a topic pack's sides."""

    def __init__(self, data_dir: Path | None = None, topic=None):
        terms = read_rows("claim_terms", data_dir)
        field = lambda name: [r for r in terms if r["field"] == name]  # noqa: E731
        self.amounts: dict[str, Amount] = load_amounts(data_dir)
        approximators = field("approximator")
        self.approx_before = Terms({r["term"]: r["value"] for r in approximators
                                    if (r.get("position") or "before") == "before"})
        self.approx_after = Terms({r["term"]: r["value"] for r in approximators if r.get("position") == "after"})
        events: dict[str, dict[str, str]] = {p: {} for p in ("after", "before", "noun", "after_people",
                                                             "before_people")}
        for row in field("event"):
            for position in split_values(row.get("position") or "after"):
                events[position][row["term"]] = row["value"]
        self.events_after = {people: Terms({**events["after"], **(events["after_people"] if people else {})})
                             for people in (False, True)}
        self.events_before = {people: Terms({**events["before"], **(events["before_people"] if people else {})})
                              for people in (False, True)}
        self.event_nouns = {t.lower(): v for t, v in events["noun"].items()}
        self.label_before = Terms({r["term"]: "label" for r in field("label_before")})
        self.label_after = Terms({r["term"]: r["value"] for r in field("label_after")})
        self.plurals = {r["term"].lower(): r["value"] for r in field("plural")}
        self.not_counted = {r["term"].lower() for r in field("joined_not_counted")}
        self.part_words = {r["term"].lower() for r in field("part_word")}
        units: dict[str, dict[str, Unit]] = {"before": {}, "after": {}, "glued": {}}
        for row in read_rows("units", data_dir):
            units[row["position"]].setdefault(row["term"], Unit(row["unit"], row["measure"]))
        self.units_before = Terms({t: u for t, u in units["before"].items() if u.measure == "money"})
        self.units_after = Terms(units["after"])
        self.currency_after = Terms({t: u for t, u in units["after"].items() if u.measure == "money"})
        self.units_glued = Terms(units["glued"])
        words = read_rows("function_words", data_dir)
        self.stop_words = {r["word"].lower() for r in words if r["word_class"] in _STOP_CLASSES}
        self.calendar = {r["word"].lower() for r in words if r["word_class"] == "calendar"}
        self.prepositions = {r["word"].lower() for r in words if r["word_class"] == "preposition"}
        self.event_gap = {r["word"].lower() for r in words if r["word_class"] == "auxiliary"}
        self.event_gap |= {r["term"].lower() for r in field("event_gap")}
        self.speech = {f.lower() for r in read_rows("reporting_verbs", data_dir) for f in split_values(r["forms"])}
        sides = {r["term"]: {"value": r["value"], "term": r["term"]} for r in field("side")}
        for row in (topic.sides if topic is not None else ()):  # the story's sides, with the general ones
            sides[row["term"]] = {"value": row["side"], "term": row["term"]}
        self.sides = TermIndex(sides)
        self.person_nouns = {r["term"].lower() for r in read_rows("roles", data_dir)
                             if r.get("role_class") not in _NOT_PEOPLE}
        self.person_nouns |= {self.plural_lemma(t) or t.lower() for t in sides} | set(self.plurals.values())
        self.pattern = re.compile(
            rf"(?<![\w.,:/+#-])(?:(?P<amount>{amount_pattern(self.amounts)})"
            rf"|(?P<digits>{DIGITS})(?P<glued>°?[A-Za-z]{{1,3}})?(?:\s+(?P<scale>{_SCALE_WORDS})\b)?"
            rf"|(?P<words>{WORDS}))(?P<half>\s+and\s+a\s+half)?(?![\w])", re.I)
        measures = [t for t, u in units["after"].items() if u.measure not in ("money", "percent")]
        self.article_unit = re.compile(
            rf"(?<![\w-])(?P<approx>{self.approx_before.alternation})\s+(?P<num>an?)\s+"
            rf"(?P<unit>{'|'.join(re.escape(t) for t in sorted(measures, key=len, reverse=True))})"
            rf"(?P<half>\s+and\s+a\s+half)?(?![\w-])", re.I)

    # -- finding numbers ----------------------------------------------------------------------

    def find(self, raw: str, start: int, end: int, clause_of) -> list[dict]:
        """Return the quantities in ``raw[start:end]``, in order.

        ``clause_of(offset)`` returns the (start, end) of the sentence holding ``offset`` (or of
        the stretch when the offset lies outside sentences, as in a headline).
        """
        found: list[dict] = []
        consumed = -1
        for match in self.pattern.finditer(raw, start, end):
            if match.start() < consumed:
                continue
            s_start, s_end = clause_of(match.start())
            quantity = self.read(raw, match, max(s_start, start), min(s_end, end), found)
            if quantity is not None:
                found.append(quantity)
                consumed = quantity["end"]
        for match in self.article_unit.finditer(raw, start, end):
            if not any(q["start"] < match.end() and match.start() < q["end"] for q in found):
                found.append(self._article_unit(raw, match))
        return sorted(found, key=lambda q: q["start"])

    def _article_unit(self, raw: str, match: re.Match[str]) -> dict:
        """Return the quantity of 'more than a week', 'roughly a day and a half'."""
        unit = self.units_after.value(match.group("unit"))
        value = 1.5 if match.group("half") else 1.0
        kind = self.approx_before.value(match.group("approx"))
        low, high = bounds(Amount(value, value, value), kind, discrete=False)
        end = match.end() if match.group("half") else match.end("num")
        return {"quantity": raw[match.start():end], "value": value, "low": low, "high": high,
                "approximation": REPORTED_CLASS.get(kind, kind), "unit": unit.unit, "counted": unit.measure,
                "noun": "", "kind": "measure", "side": "", "part": False, "start": match.start(), "end": end,
                "rule": "approximator and a unit",
                "evidence": f"approximator '{match.group('approx')}' ({kind}); '{match.group('num')}' is one; "
                            f"unit '{match.group('unit')}' ({unit.measure})"}

    # -- one number -----------------------------------------------------------------------------

    def read(self, raw: str, match: re.Match[str], c_start: int, c_end: int, earlier: list[dict]) -> dict | None:
        """Return the quantity of one number, or None when it is not an amount or its counted thing is not shown."""
        text, glued = match.group(0), match.group("glued") or ""
        before, after = raw[c_start:match.start()], raw[match.end():c_end]
        if self.is_label(text, match, before, after, glued):
            return None
        try:
            amount = read_amount(text[:len(text) - len(glued)] if glued else text, self.amounts)
        except NumberError:
            return None
        unit_read = self._money_and_units(raw, match, amount, c_start, c_end)
        if unit_read is None:
            return None  # an ordinal, a decade, a time: "19th", "1990s", "3am"
        amount, reading, q_start, q_end = unit_read
        amount, kind, q_start, q_end, evidence = self._approximation(raw, amount, reading, c_start, c_end, q_start,
                                                                     q_end, money=reading.rule.startswith("currency"))
        if not reading.kind:
            reading = self._count(raw, q_end, before, c_start, c_end, earlier, text)
            if reading is None:
                return None
        discrete = reading.kind in ("count", "event")
        low, high = bounds(amount, kind, discrete)
        evidence = [f"number '{text}'"] + evidence + [f"{reading.rule}: '{reading.words}'" if reading.words
                                                      else reading.rule]
        side = self._side(raw, match.start(), reading.head_end, c_end, reading.kind == "event") if discrete else None
        if side:
            evidence.append(f"side '{side[1]}' ({side[0]})")
        return {"quantity": raw[q_start:q_end], "value": amount.value, "low": low, "high": high,
                "approximation": REPORTED_CLASS.get(kind, kind), "unit": reading.unit, "counted": reading.counted,
                "noun": reading.noun, "kind": reading.kind, "side": side[0] if side else "", "part": reading.part,
                "start": q_start, "end": q_end, "rule": reading.rule, "evidence": "; ".join(evidence)}

    def _money_and_units(self, raw: str, match: re.Match[str], amount: Amount, c_start: int, c_end: int
                         ) -> tuple[Amount, Reading, int, int] | None:
        """Return (amount, reading, start, end) after reading a currency before the number, letters glued to it
        and a unit after it ('£4.5m', '48 million euros', '74p', '4 per cent', '20 miles'); the reading is
        empty when none of these is written, and None means the glued letters make no amount ('19th')."""
        before, after = raw[c_start:match.start()], raw[match.end():c_end]
        glued = match.group("glued") or ""
        q_start, q_end = match.start(), match.end()
        reading = Reading()
        currency = self.units_before.at_end(before.rstrip())
        if currency:
            q_start = c_start + currency[2]
            reading = Reading("money", "money", currency[1].unit, rule="currency before the number", words=currency[0])
        if glued:
            glue = self._glued(glued, bool(currency))
            if glue is None:
                return None
            if isinstance(glue, float):
                amount = Amount(amount.value * glue, amount.low * glue, amount.high * glue, amount.approximation)
            elif not currency:
                reading = Reading(glue.kind, glue.measure, glue.unit, rule="unit glued to the number", words=glued)
        if not reading.kind:
            reading, used = self._unit_after(after, amount.value)
            if reading.kind in ("money", "percent"):
                q_end += used
        elif reading.kind == "money":
            word = self.currency_after.at_start(after.lstrip())
            if word:  # "$5 million dollars" is rare, but "48 million euros" is common
                q_end += len(after) - len(after.lstrip()) + word[2]
        return amount, reading, q_start, q_end

    def _approximation(self, raw: str, amount: Amount, reading: Reading, c_start: int, c_end: int, q_start: int,
                       q_end: int, money: bool) -> tuple[Amount, str, int, int, list[str]]:
        """Return (amount, approximation class, start, end, evidence) from an approximator before or after the
        quantity ('more than 60', '500 or more', '30-odd') or a range ('between 150 and 153')."""
        approx = self.approx_before.at_end(raw[c_start:q_start].rstrip().rstrip(_QUOTES).rstrip())
        if approx and approx[0].lower() == "over" and (reading.counted == "duration" or (
                reading.kind in ("money", "measure") and self._noun_follows(raw[q_end:c_end]))):
            approx = None  # "over six months" is during them; "arrested over £4.5m fraud" is about it
        if approx:
            q_start = c_start + approx[2]
        else:
            glued = raw[q_end:q_end + 1] == "-"
            rest = raw[q_end:c_end] if glued else raw[q_end:c_end].lstrip()
            approx = self.approx_after.at_start(rest)
            if approx:
                q_end += (c_end - q_end - len(rest)) + approx[2]
        kind = approx[1] if approx else ("vague" if amount.approximation == "vague" else "exact")
        evidence = [f"approximator '{approx[0]}' ({kind})"] if approx else []
        span = self._range(raw, q_end, c_end, raw[c_start:q_start], money)
        if span is not None:
            amount, q_end, kind = Amount(amount.value, amount.value, span[0].value, "range"), span[1], "range"
            evidence.append(f"range to '{span[2]}'")
            between = re.search(r"(?<![\w-])between\s*$", raw[c_start:q_start], re.I)
            q_start = c_start + between.start() if between else q_start
        return amount, kind, q_start, q_end, evidence

    # -- what is not an amount --------------------------------------------------------------------

    def is_label(self, text: str, match: re.Match[str], before: str, after: str, glued: str) -> bool:
        """Is this number a date, a year, a time, an age, a score, a phone number or a name ('Ward 9')?"""
        lower, digits = text.lower(), match.group("digits")
        words_before = _TOKEN.findall(before)
        previous = words_before[-1] if words_before else ""
        next_word = (_TOKEN.findall(after)[:1] or [""])[0]
        label = self.label_before.alternation
        if self.label_before.at_end(before.rstrip()) or re.search(
                rf"(?<![\w-])(?:{label})\s+between\s+(?:\S+\s+and\s+)?$", before, re.I):
            return True  # "Ward 9", "No. 1", "phase one", "aged 14", "aged between 14 and 16"
        if re.match(r"\s*[-–/]\s*\d|:\d|\.\d{2}\s*(?:[ap]\.?m|[A-Z]{2,4}\b)", after):
            return True  # "3-2", "555-0199", "14-18 March", "9/11", "2:41", "19.42 GMT"
        if self.label_after.at_start(after.lstrip()) or re.match(r"-(?:year|month|week|day)s?-olds?\b", after, re.I):
            return True  # "4 a.m.", "9:48 p.m. CDT", "67 years old", "19-year-old"
        if glued.lower() in ("am", "pm"):
            return True
        previous_word = re.search(r"([^\W\d_]+)\.?\s*$", before)
        previous = previous_word.group(1) if previous_word else ""
        if (_MONTH.match(next_word) and next_word.lower() != "may") or next_word == "May" \
                or (_MONTH.match(previous) and previous.lower() != "may") or previous == "May":
            return True  # "May 24", "24 May", "Feb. 11" (the modal "may" is no month)
        if digits and not glued and len(digits) == 4 and 1900 <= float(digits) <= 2100 \
                and not self.units_before.at_end(before.rstrip()) and not re.match(r"\s*(?:%|per\s*cent|percent)",
                                                                                 after):
            return True  # a year
        if digits and not re.search(r"[,.]", digits) and float(digits) <= MAX_AGE and (
                re.search(r"[A-Z][\w’'.-]*,\s*$", before) and re.match(
                    r"\s*(?:,|\)|$|\s(?:said|says|who|and|told|is|was|of)\b)", after)
                or re.search(r"\(\s*$", before) and re.match(r"\s*\)", after)):
            return True  # an age after a name: "Carol Nguyen, 67,", "Mr Halvik, 61, spoke", "(34)"
        if re.search(r"\(\s*$", before) and re.match(r"\)\s*\d", after):
            return True  # "(614) 555-0199"
        if digits and re.match(r"\s+\d", after):
            return True  # "020 7946 0000": digits after digits are a code
        if lower in ("one", "none") and next_word.lower() in ("", "of", "could", "can", "would", "may", "might",
                                                               "must", "should", "another", "who", "way", "day",
                                                               "side", "hand"):
            return True  # "one of the groups", "one could buy", "one another"
        if lower == "one" and previous.lower() in ("the", "this", "every", "any", "each", "no", "only"):
            return True  # "the one who", "this one"
        if lower == "one" and re.match(r"\s+(?:[a-z-]+\s+){0,2}[a-z-]+,\s+(?:[A-Z]|who\b)", after):
            return True  # "One patient, Margaret Doyle, said", "One woman, who gave her name …": introduces a person
        return False

    def _glued(self, glued: str, after_currency: bool) -> Unit | float | None:
        """Return what letters glued to a figure mean: a scale ('£4.5m', '1.1bn'), a unit ('74p', '1.5C'),
        or None (an ordinal or a decade: '19th', '1990s')."""
        if glued.lower() in GLUED_SCALES and (after_currency or glued.lower() in ("bn", "tn")):
            return GLUED_SCALES[glued.lower()]
        return self.units_glued.value(glued)

    def _unit_after(self, after: str, value: float) -> tuple[Reading, int]:
        """Return the unit right after a number (percent, a currency word, a measure) and the characters it takes;
        a hyphen ('400-acre') or up to two describing words ('two *extra* days') may come between."""
        joined = re.match(r"-([A-Za-z]+)", after)
        if joined:
            unit = self.units_after.value(joined.group(1))
            if unit is not None and unit.measure != "money":
                return Reading(unit.kind, unit.measure, unit.unit, rule="unit joined to the number",
                               words=joined.group(0)), 0
            return Reading(), 0
        tokens = list(_TOKEN.finditer(after))
        for skip in range(3):
            if skip >= len(tokens) or (skip and not self._describing(tokens[skip - 1].group(0))):
                break
            found = self.units_after.at_start(after[tokens[skip].start():])
            if found and skip and value != 1 and not self.plural_lemma(found[0]):
                continue  # "31 votes to four *last year*": a describing word, then a singular unit
            if found:
                return (Reading(found[1].kind, found[1].measure, found[1].unit, rule="unit after the number",
                                words=found[0]), tokens[skip].start() + found[2])
        return Reading(), 0

    @staticmethod
    def _noun_follows(after: str) -> bool:
        """Does a singular noun follow the quantity, which then describes it ('a £4.5m *fraud*')?"""
        from textblob.en import tag

        words = _TOKEN.findall(after)[:1]
        return bool(words) and words[0].isalpha() and words[0].islower() and tag(words[0])[0][1] == "NN"

    def _describing(self, word: str) -> bool:
        """May ``word`` sit between a number and its unit ('two *extra* days', 'three *full* years')?"""
        lower = word.lower()
        return (word.isalpha() and word.islower() and lower not in self.stop_words and lower not in self.speech
                and not self.plural_lemma(word))

    def _range(self, raw: str, q_end: int, c_end: int, before: str, money: bool) -> tuple[Amount, int, str] | None:
        """Return (upper amount, end, words) when the number opens a range: 'between 150 and 153',
        '$640 million to $650 million'; else None."""
        found = re.match(rf"\s*(?P<connector>and|to|–)\s*(?P<cur>[$£€¥])?\s*(?P<num>{DIGITS}|{WORDS})"
                         rf"(?:\s+(?P<scale>{_SCALE_WORDS}))?(?P<glued>bn|m|k)?(?![\w])", raw[q_end:c_end], re.I)
        if not found:
            return None
        between = re.search(r"\bbetween(?:\s+[$£€¥])?$", before.rstrip(), re.I) is not None
        if not (between and found.group("connector").lower() == "and") and not (
                money and found.group("cur") and found.group("connector").lower() in ("to", "–")):
            return None
        text = found.group("num") + (" " + found.group("scale") if found.group("scale") else "")
        try:
            upper = read_amount(text, self.amounts)
        except NumberError:
            return None
        if found.group("glued"):
            upper = Amount(upper.value * GLUED_SCALES[found.group("glued").lower()], 0, 0)
        return upper, q_end + found.end(), found.group(0).strip()

    # -- counts and events ------------------------------------------------------------------------

    def plural_lemma(self, word: str) -> str:
        """Return the singular of a plural noun ('nurses' nurse, 'people' person, 'staff' staff), else ''."""
        lower = word.lower().strip("’'")
        if lower in self.plurals:
            return self.plurals[lower]
        if lower.endswith("men") and len(lower) > 5:
            return lower[:-3] + "man"  # servicemen, gunmen, policemen
        if len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is", "'s", "’s")) \
                and not word.isupper() and lower not in self.calendar:
            from textblob.en.inflect import singularize

            return singularize(lower)
        return ""

    def _event_at(self, text: str, people: bool = True) -> tuple[str, str] | None:
        """Return (category, words) of an event that opens ``text`` ('killed', 'forced from their homes');
        words that are events only for people ('eliminated') count only when ``people`` are counted."""
        found = self.events_after[people].at_start(text)
        return (found[1], found[0]) if found else None

    def _people(self, noun: str) -> bool:
        """Are people counted? True for a person noun (roles.csv, sides) and when no noun is written."""
        return not noun or noun in self.person_nouns

    def _noun_run(self, tokens: list[re.Match[str]]) -> list[re.Match[str]]:
        """Return the words of the noun phrase that opens ``tokens``: up to the first function word,
        event word or punctuation ('five NASA science instruments *under* …'), ending at a plural."""
        run = []
        for index, token in enumerate(tokens):
            word = token.group(0)
            following = tokens[index + 1].group(0) if index + 1 < len(tokens) else ""
            if run and word.lower() in ("and", "or") and following.isalpha():
                continue  # "31,000 store *and* warehouse staff": modifiers joined by a conjunction
            function_word = word.lower() in self.stop_words and not (word.isupper() and len(word) > 1)  # "US"
            if not word[0].isalpha() or function_word or len(run) == MAX_NOUN_WORDS \
                    or self._event_at(token.string[token.start():token.endpos]):
                break
            run.append(token)
            if self.plural_lemma(word):
                break
        return run

    def _head(self, run: list[re.Match[str]], singular: bool) -> tuple[str, str, int]:
        """Return (lemma, surface, end) of the counted noun of a noun phrase: its first plural, or,
        for one thing, its last noun."""
        if not run:
            return "", "", -1
        if not singular:
            for token in run:
                word = token.group(0)
                if word.lower() in self.event_nouns:
                    return word.lower(), word, token.end()  # "hundreds of casualties": the event's own word
                lemma = self.plural_lemma(word)
                if lemma:
                    return lemma, word, token.end()
        from textblob.en import tag

        tags = tag(" ".join(t.group(0) for t in run))
        nouns = [i for i, (_, t) in enumerate(tags[:len(run)]) if t.startswith("NN") and not run[i].group(0).isupper()]
        if nouns and singular:  # one thing: its last noun ("one elderly woman"); many things need a plural
            word = run[nouns[-1]].group(0)
            return word.lower().strip("’'"), word, run[nouns[-1]].end()
        return "", "", -1

    def _count(self, raw: str, base: int, before: str, c_start: int, c_end: int, earlier: list[dict],
               text: str) -> Reading | None:
        """Return what a number without a unit counts (the words from ``base`` on): an event, a noun,
        or the count it continues; None when the text does not show it."""
        tokens = list(_TOKEN.finditer(raw[base:c_end]))
        while tokens and tokens[0].group(0) in _QUOTES:  # killed “dozens” of fighters
            tokens = tokens[1:]
        joined = re.match(r"-([a-z]+)\b(?!-)", raw[base:c_end])
        if joined:  # "the 1,100-seat venue": the noun joined to the number is what is counted
            return self._joined_noun(joined.group(1), base + joined.end())
        singular = text.lower() in ("one", "1")
        rule, part = "noun after the number", False
        if tokens and tokens[0].group(0).lower() == "of":  # "three of the worst-hit villages", "hundreds of residents"
            rest = tokens[1:]
            if rest and rest[0].group(0).lower() in _ANAPHORS:
                reading = self._continued(earlier, base, c_start, f"of {rest[0].group(0)}", paragraph=True)
                return Reading(**{**reading.__dict__, "part": True}) if reading else None
            # "three of *the* villages" counts a part of a set; "two of *his* fighters" counts his fighters
            part = bool(rest) and rest[0].group(0).lower() in _PART_DETERMINERS
            while rest and (rest[0].group(0).lower() in _DETERMINERS or rest[0].group(0) in _QUOTES
                            or self.approx_before.value(rest[0].group(0)) or rest[0].group(0)[0].isdigit()
                            or rest[0].group(0).lower().endswith(("'s", "’s"))):
                rest = rest[1:]  # "21 of *his 68* matches", "180 of *its roughly 1,100* scheduled services"
            if rest and rest[0].group(0).lower() in self.event_nouns:  # "three of the wounded"
                return Reading("event", self.event_nouns[rest[0].group(0).lower()], "", "", "event noun after 'of'",
                               rest[0].group(0), base + rest[0].end(), part)
            tokens, rule = rest, "noun after 'of'"
        pronoun = text.lower() in self.amounts and self.amounts[text.lower()].value == 0  # "no one", "nobody"
        run = self._noun_run(tokens) if not pronoun else []
        noun, surface, head_end = self._head(run, singular)
        part = part or any(t.group(0).lower() in self.part_words for t in run) \
            or (before.rstrip().lower().endswith(tuple(self.part_words)) and not pronoun)  # "the other two groups"
        head = base + head_end if head_end >= 0 else base
        people = self._people(noun)
        if noun in self.event_nouns:
            return Reading("event", self.event_nouns[noun], "", self.plural_lemma(noun) or noun,
                           "event noun counted", surface, head, part)
        event = self._event_after(raw, head, c_end, people)
        if event:
            return Reading("event", event[0], "", noun, "event after the number", event[1], head, part)
        event = self._event_before(before, people)
        if event:
            return Reading("event", event[0], "", noun, "event before the number", event[1], head, part)
        if noun:
            return Reading("count", noun, "", noun, rule, surface.strip(_QUOTES), head, part)
        if pronoun or singular:
            return None  # "nobody goes", "failed to produce one": pronouns, not counts
        return self._continued(earlier, base, c_start, "", paragraph=False)

    def _joined_noun(self, word: str, end: int) -> Reading | None:
        """Return the count of a noun joined to its number ('1,100-seat'), or None for other compounds ('one-off')."""
        from textblob.en import tag

        if word in self.stop_words or word in self.not_counted or not tag(word)[0][1].startswith("NN"):
            return None
        return Reading("count", word, "", word, "noun joined to the number", word, end)

    def _event_after(self, raw: str, offset: int, c_end: int, people: bool) -> tuple[str, str] | None:
        """Return (category, words) of the event said of the counted after it: 'two *were killed*', '43 *wounded*',
        'forced 3,000 people *to evacuate*', '60 servicemen of the enemy *were killed*'."""
        text = raw[offset:c_end]
        tokens = list(_TOKEN.finditer(text))
        position, gap, phrases = 0, 0, 0
        while gap <= MAX_EVENT_GAP:
            event = self._event_at(text[tokens[position].start():], people) if position < len(tokens) else None
            if event or position >= len(tokens):
                return event
            word = tokens[position].group(0).lower()
            if word in _QUOTES or word in self.event_gap or (word.endswith("ly") and len(word) > 4):
                position, gap = position + 1, gap + 1
            elif word in self.prepositions and phrases < MAX_PHRASES and gap == 0:
                phrases, position = phrases + 1, position + 1
                for _ in range(MAX_PHRASE_WORDS):
                    word = tokens[position].group(0) if position < len(tokens) else ""
                    if word[:1].isalpha() and word.lower() not in self.event_gap | self.prepositions \
                            and not self._event_at(text[tokens[position].start():], people):
                        position += 1
            else:
                return None
        return None

    def _event_before(self, before: str, people: bool) -> tuple[str, str] | None:
        """Return (category, words) of an active verb just before the number: '*killed* more than 70',
        '*displaced* millions'."""
        text = before.rstrip().rstrip(_QUOTES).rstrip()
        approx = self.approx_before.at_end(text)
        if approx:  # "killed *more than* 70"
            text = text[:approx[2]].rstrip().rstrip(_QUOTES).rstrip()
        found = self.events_before[people].at_end(text)
        return (found[1], found[0]) if found else None

    def _continued(self, earlier: list[dict], offset: int, c_start: int, words: str, paragraph: bool) -> Reading | None:
        """Return the counted thing of the last count before ``offset`` that this number continues
        ('31 votes to *four*' in one sentence, '47 speakers … *39 of them*' in one paragraph); else None."""
        for previous in reversed(earlier):
            if previous["end"] > offset or previous["kind"] not in ("count", "event"):
                continue
            if not paragraph and previous["start"] < c_start:
                return None
            return Reading(previous["kind"], previous["counted"], previous["unit"], previous["noun"],
                           "continues the count before", f"{previous['quantity']} … {words}".strip(" …"))
        return None

    def _side(self, raw: str, start: int, head_end: int, c_end: int, event: bool) -> tuple[str, str] | None:
        """Return (side, words) of the people counted: in the noun phrase, or, for an event, just after the
        number ('no one was killed but two *volunteers* were wounded')."""
        limits = [min(c_end, max(head_end, start) + 1)] + ([min(c_end, start + SIDE_WINDOW_CHARS)] if event else [])
        for limit in limits:
            for _, _, row in self.sides.find(raw, start, max(limit, start)):
                return row["value"], row["term"]
        return None
