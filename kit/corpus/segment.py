"""Split a raw web copy into labelled blocks: headline, byline, body, promo, ...

Nothing is deleted: every character of the text lies in exactly one block (white
space between blocks belongs to the block before it). Each block records the
rule that gave it its kind, so a student can see why a line counts as boilerplate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kit.corpus.provenance import DATE_PATTERNS, MONTHS as _MONTHS, ProvenanceRules, is_section, names_in, read_credit
from kit.text.sentences import TextRules, count_words, ends_with_terminal_punctuation
from kit.text.wordlists import column_set, read_rows

BLOCK_KINDS = (
    "headline", "byline", "dateline", "photo_credit", "body", "social_embed", "related_link",
    "promo", "author_bio", "navigation", "comment_prompt", "url_line", "other",
)

# Platform limit for a post on X/Twitter: embedded post text is at most this long, which
# tells us how far back from a signature line the post can reach.
SOCIAL_POST_MAX_CHARS = 280
# A title-like line longer than this is a sentence that lost its ending, not a subhead.
MAX_SUBHEAD_WORDS = 18
MAX_QUESTION_SUBHEAD_WORDS = 16
# Hard-wrapped prose: lines of similar, modest length inside one paragraph, most of
# them ending mid-sentence.
MIN_WRAP_WIDTH, MAX_WRAP_WIDTH = 50, 100
MIN_WRAPPED_LINE_SHARE = 0.6

_SIGNATURE_RE = re.compile(
    r"[—–-]+\s*[^\n()]{0,80}?\(@\w{1,30}\)\s*(?:[A-Z][a-z]+\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+ \d{4})?\s*"
)
_BYLINE_RE = re.compile(r"(?:by|words by|reporting by|written by)\s+\[?[A-Z\u0400-\u04FF].*", re.I)
_DATE_ANY = "(?:" + "|".join(DATE_PATTERNS) + ")"
_DATE_LINE_RE = re.compile(
    rf"(?:(?:published|updated|posted|date|first published)\s*:?\s*(?:on\s+)?)?"
    rf"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?{_DATE_ANY}"
    rf"(?:,?\s*(?:at\s+)?\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{{2,4}})?)?",
    re.I,
)
# "date 2024-03-21 KYIV - ", "KYIV, March 21 (Reuters) - ", "MOSCOW (AP) — "
# "KYIV, March 21 (Reuters) - ", "MOSCOW (AP) — ", "SAN JOSE, Calif., Feb. 11, 2025 /PRNewswire/ -- ",
# "MILLBROOK, Ohio, March 3, 2025 — ", "date 2024-03-21 KYIV - ", "(Bloomberg) -- "
_STATE = r"[A-Z][A-Za-z.]{1,14}(?: [A-Z][A-Za-z.]{1,14})?"
_AGENCY = r"(?:\([^)\n]{1,40}\)|/[^/\n]{1,30}/)"
_DATELINE_PREFIX_RE = re.compile(
    rf"(?:date\s+{_DATE_ANY}\s+)?"
    rf"(?:[A-Z][A-Z.'’ /-]{{1,30}}[A-Z.](?:,\s*{_STATE})??(?:,\s*(?:{_DATE_ANY}|{_MONTHS}\s+\d{{1,2}})\.?)?"
    rf"\s*{_AGENCY}?|{_AGENCY})(?:\s*(?:[-–—]|--)|(?<=/)\.)\s+(?=\S)"
)
_MORE_LINK_RE = re.compile(r"(see|read) more", re.I)
_BIO_RE = re.compile(
    r"(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’.-]+){0,3}) (?:is|was) an? (?:[\w-]+ ){0,4}?"
    r"(?:reporter|journalist|correspondent|editor|writer|columnist|producer|contributor|"
    r"freelancer|photographer|author)\b"
)
_ELLIPSIS_END_RE = re.compile(r"(…|\.\.\.)\W*$")
_MAX_AUTHOR_BOX_LINE_WORDS = 4


@dataclass(frozen=True)
class SegmentRules:
    """Patterns and word lists the segmenter needs, read from ``kit/data/``."""

    boilerplate: tuple[tuple[re.Pattern[str], str, str], ...]
    text: TextRules
    subject_pronouns: frozenset[str]
    provenance: ProvenanceRules | None = None

    @classmethod
    def load(cls, data_dir: Path | None = None) -> "SegmentRules":
        """Return rules built from ``boilerplate.csv`` and the text word lists."""
        boilerplate = tuple(
            (re.compile(row["pattern"], re.I), row["kind"], row["source"])
            for row in read_rows("boilerplate", data_dir)
        )
        return cls(
            boilerplate=boilerplate,
            text=TextRules.load(data_dir),
            subject_pronouns=column_set("function_words", "word",
                                        where={"word_class": "subject_pronoun"}, data_dir=data_dir),
            provenance=ProvenanceRules.load(data_dir),
        )

    def credit(self, line: str):
        """Return what a provenance line says (:func:`kit.corpus.provenance.read_credit`), or None."""
        return read_credit(line, self.provenance) if self.provenance is not None else None


@dataclass
class Unit:
    """A line, or a hard-wrapped paragraph, with its kind once known."""

    start: int
    end: int
    chunk: int
    line: int
    text: str
    kind: str | None = None
    rule: str = ""

    @property
    def words(self) -> int:
        return count_words(self.text)

    @property
    def title_like(self) -> bool:
        """Could this be a headline: no final punctuation, or a short one-line question?"""
        if not ends_with_terminal_punctuation(self.text):
            return True
        stripped = self.text.rstrip().rstrip("\"”’'»)]")
        return (stripped.endswith("?") and self.words <= MAX_QUESTION_SUBHEAD_WORDS
                and not re.search(r"[.!?]\s", stripped[:-1]))


def _lines(raw: str) -> list[tuple[int, int, int]]:
    """Return (line number, content start, content end) of each non-blank line."""
    result, pos = [], 0
    for number, line in enumerate(raw.splitlines(keepends=True), start=1):
        content = line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        left = len(content) - len(content.lstrip())
        right = len(content.rstrip())
        if right > left:
            result.append((number, pos + left, pos + right))
        pos += len(line)
    return result


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Are these lines one paragraph wrapped at a fixed width?"""
    widths = [len(line) for line in lines]
    if len(lines) < 2 or not MIN_WRAP_WIDTH <= max(widths) <= MAX_WRAP_WIDTH:
        return False
    inner = lines[:-1]
    ends_open = sum(not ends_with_terminal_punctuation(line) for line in inner)
    return (all(n >= MIN_WRAPPED_LINE_SHARE * max(widths) for n in widths[:-1])
            and ends_open * 2 >= len(inner))


def make_units(raw: str, is_credit=None) -> list[Unit]:
    """Return the text units of ``raw``: lines, with hard-wrapped paragraphs kept whole.

    ``is_credit(line)`` says whether a line is a byline or date line: a chunk holding one is
    a stack of header lines, not a wrapped paragraph.
    """
    units: list[Unit] = []
    chunk_lines: list[tuple[int, int, int]] = []
    previous_number = None
    chunk = 0

    def flush() -> None:
        if not chunk_lines:
            return
        lines = [raw[start:end] for _, start, end in chunk_lines]
        if _is_hard_wrapped(lines) and not (is_credit and any(is_credit(line) for line in lines)):
            number, start, _ = chunk_lines[0]
            end = chunk_lines[-1][2]
            units.append(Unit(start, end, chunk, number, raw[start:end]))
        else:
            units.extend(Unit(s, e, chunk, n, raw[s:e]) for n, s, e in chunk_lines)

    for number, start, end in _lines(raw):
        if previous_number is not None and number != previous_number + 1:
            flush()
            chunk_lines = []
            chunk += 1
        chunk_lines.append((number, start, end))
        previous_number = number
    flush()
    return units


def _classify_line(unit: Unit, rules: SegmentRules) -> None:
    """Label a unit from its own text: boilerplate patterns, signatures, bylines, dates."""
    text = unit.text.strip()
    if "\n" in unit.text or "\r" in unit.text:
        return  # a hard-wrapped paragraph is prose
    for pattern, kind, source in rules.boilerplate:
        if pattern.fullmatch(text):
            unit.kind, unit.rule = kind, f"pattern: {source}"
            return
    credit = rules.credit(text) if not _SIGNATURE_RE.fullmatch(text) else None
    if _SIGNATURE_RE.fullmatch(text):
        unit.kind, unit.rule = "social_embed", "post signature: — Name (@handle) date"
    elif credit is not None:
        unit.kind = "byline" if credit.kind in ("byline", "masthead") else "dateline"
        unit.rule = credit.rule
    elif rules.provenance is not None and is_section(text, rules.provenance):
        unit.kind, unit.rule = "other", "section label ('Live', 'Press release')"
    elif _BYLINE_RE.fullmatch(text) and unit.words <= 15 and not ends_with_terminal_punctuation(text):
        unit.kind, unit.rule = "byline", "line starts with 'By' and names a person"
    elif _DATE_LINE_RE.fullmatch(text):
        unit.kind, unit.rule = "dateline", "line holds only a date"


def _mark_social_posts(units: list[Unit]) -> None:
    """Label the text before each post signature as the post.

    The lines of the paragraph just above the signature are the post. An earlier
    paragraph joins only while the post stays within the platform's length, and only
    if the text taken so far is visibly cut ("…") or the earlier paragraph does not
    end a sentence: a complete prose paragraph before a post is the article's.
    """
    for index, unit in enumerate(units):
        if not unit.rule.startswith("post signature"):
            continue
        taken: list[Unit] = []
        for earlier in reversed(units[:index]):
            if earlier.kind is not None:
                break
            if taken and earlier.chunk != taken[-1].chunk:
                used = sum(len(u.text) for u in taken) + len(earlier.text)
                cut = _ELLIPSIS_END_RE.search(taken[0].text) is not None
                if used > SOCIAL_POST_MAX_CHARS or not (cut or not ends_with_terminal_punctuation(earlier.text)):
                    break
            taken.append(earlier)
        for earlier in taken:
            earlier.kind, earlier.rule = "social_embed", "text before a post signature"


def _mark_related_links(units: list[Unit]) -> None:
    """Label a 'see more' link with the teaser and title just before it."""
    for index, unit in enumerate(units):
        if unit.kind != "navigation" or not _MORE_LINK_RE.fullmatch(unit.text.strip()):
            continue
        j = index - 1
        teaser = j >= 0 and units[j].kind is None and _ELLIPSIS_END_RE.search(units[j].text)
        if teaser:
            units[j].kind, units[j].rule = "related_link", "cut-off teaser before 'see more'"
            j -= 1
        if j >= 0 and units[j].kind is None and units[j].title_like:
            units[j].kind, units[j].rule = "related_link", "title before 'see more'"
            unit.kind, unit.rule = "related_link", "'see more' link after a title"


def _mark_author_boxes(units: list[Unit]) -> None:
    """Label an author biography and the name and role lines just before it."""
    for index, unit in enumerate(units):
        if unit.kind is None and _BIO_RE.match(unit.text.strip()):
            unit.kind, unit.rule = "author_bio", "biography: 'NAME is a reporter ...'"
            for earlier in reversed(units[:index]):
                if earlier.kind is not None or earlier.words > _MAX_AUTHOR_BOX_LINE_WORDS:
                    break
                earlier.kind, earlier.rule = "author_bio", "name or role line above a biography"


def _mark_author_lines(units: list[Unit], rules: SegmentRules) -> None:
    """Label a line of names alone above the story ('Sana Iqbal', 'A in Kyiv and B') as a byline when a
    date or credit line stands next to it; the first line (the headline) is never one."""
    for index, unit in enumerate(units[1:], start=1):
        if unit.kind is None and not unit.title_like:
            break  # the story has begun
        if unit.kind is not None or rules.provenance is None or not names_in(unit.text, rules.provenance):
            continue
        beside = [u for u in (units[index - 1], units[index + 1] if index + 1 < len(units) else None) if u]
        if any(u.kind in ("dateline", "byline") for u in beside):
            unit.kind, unit.rule = "byline", "names alone beside a date or credit line"


def _mark_captions(units: list[Unit]) -> None:
    """Label unlabelled lines just above a photo credit, in the same paragraph, as caption."""
    for index, unit in enumerate(units):
        if unit.kind == "photo_credit":
            for earlier in reversed(units[:index]):
                if earlier.kind is not None or earlier.chunk != unit.chunk:
                    break
                earlier.kind, earlier.rule = "photo_credit", "caption line above a photo credit"


def _looks_like_fragment(unit: Unit, following: Unit, rules: SegmentRules) -> bool:
    """Is a title-like line between prose really a sentence the web copy broke off?"""
    words = unit.text.split()
    last = words[-1].strip("\"”’'»)],").lower() if words else ""
    first = words[0].strip("\"“‘'«(").lower() if words else ""
    next_text = following.text.lstrip("\"“‘'«( ")
    return (
        last in rules.text.dangling_words
        or (bool(next_text) and next_text[0].islower())
        or (first in rules.subject_pronouns and len(words) > 5)
        or len(words) > MAX_SUBHEAD_WORDS
    )


def _mark_text(units: list[Unit], rules: SegmentRules) -> None:
    """Label the remaining units as headline, subhead, body, or trailing link title."""
    seen_body = False
    for index, unit in enumerate(units):
        if unit.kind is not None:
            continue
        following = units[index + 1] if index + 1 < len(units) else None
        next_is_prose = (following is not None and following.kind is None
                         and not following.title_like)
        if not unit.title_like:
            unit.kind, unit.rule = "body", "prose paragraph"
            seen_body = True
        elif not seen_body:
            unit.kind, unit.rule = "headline", "title line before the body"
        elif (next_is_prose and not ends_with_terminal_punctuation(unit.text)
              and _looks_like_fragment(unit, following, rules)):
            unit.kind, unit.rule = "body", "sentence broken off by the web copy"
        elif next_is_prose:
            unit.kind, unit.rule = "headline", "subhead: title line followed by prose"
        else:
            unit.kind, unit.rule = "related_link", "title line after the body, not followed by prose"


def _split_datelines(units: list[Unit]) -> list[Unit]:
    """Split a dateline prefix ('KYIV (Reuters) - ') off the start of a prose unit."""
    result = []
    for unit in units:
        match = None if unit.kind else _DATELINE_PREFIX_RE.match(unit.text)
        if match and not unit.title_like:
            cut = unit.start + match.end()
            result.append(Unit(unit.start, cut, unit.chunk, unit.line, unit.text[:match.end()],
                               "dateline", "dateline prefix: PLACE (date/agency) - "))
            result.append(Unit(cut, unit.end, unit.chunk, unit.line, unit.text[match.end():]))
        else:
            result.append(unit)
    return result


def classify_units(raw: str, rules: SegmentRules) -> list[Unit]:
    """Return the units of ``raw`` with a kind and the rule behind it."""
    units = make_units(raw, lambda line: rules.credit(line) is not None)
    for unit in units:
        _classify_line(unit, rules)
    _mark_author_lines(units, rules)
    units = _split_datelines(units)
    _mark_social_posts(units)
    _mark_related_links(units)
    _mark_author_boxes(units)
    _mark_captions(units)
    _mark_text(units, rules)
    return units


def segment(raw: str, rules: SegmentRules) -> list[dict[str, object]]:
    """Return block rows (kind, text, start, end, line, rule) covering every character of ``raw``."""
    units = classify_units(raw, rules)
    rows = []
    for index, unit in enumerate(units):
        start = 0 if index == 0 else unit.start
        end = units[index + 1].start if index + 1 < len(units) else len(raw)
        rows.append({"block_id": index, "kind": unit.kind, "text": raw[start:end],
                     "start": start, "end": end, "content_start": unit.start,
                     "content_end": unit.end, "line": unit.line, "rule": unit.rule})
    if not rows and raw:
        rows.append({"block_id": 0, "kind": "other", "text": raw, "start": 0, "end": len(raw),
                     "content_start": 0, "content_end": 0, "line": 1, "rule": "white space only"})
    return rows
