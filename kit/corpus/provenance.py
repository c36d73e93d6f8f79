"""Provenance lines: who wrote an article, for which outlet, and when, read from one line of text.

A line is cut into parts at " | " and at a spaced dash (" — ", " – "), and each part is read as:

- a byline: "By NAME", "By NAME, ROLE", "By NAME, OUTLET", "By NAME and NAME, ROLE, OUTLET",
  "Review by NAME", "Posted by NAME on DATE", "ROLE: NAME" ("Health reporter: Aisha Bello",
  "Reporters: A and B"), "NAME, ROLE" ("Fiona Ashdown, Crime Correspondent"), or names alone beside
  an outlet ("Jane Morrow | Riverton Gazette");
- a date: a date and only words that go with one ("Published 3 March 2025, updated 4 March 2025",
  "Updated 4:17 PM EDT, March 11, 2025", "17:42, 22 Aug 2025");
- a desk: "Sports desk, 16 March 2025", "Ellingham Echo sports desk, 24 November 2024";
- a section label ("Live", "Press release", "Books") or an outlet (the other title-case part).

An outlet written in a credit line is the outlet, with that line as its evidence. The words are in
``kit/data/provenance.csv`` (sections, desks, date words, byline prefixes) and ``roles.csv`` (roles,
honorifics); the dates are :data:`DATE_PATTERNS`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kit.text.wordlists import read_rows

MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
DATE_PATTERNS = (
    rf"{MONTHS}\s+\d{{1,2}},?\s+\d{{4}}",
    rf"\d{{1,2}}\s+{MONTHS},?\s+\d{{4}}",
    r"\d{4}-\d{2}-\d{2}",
    r"\d{1,2}[./]\d{1,2}[./]\d{4}",
)
DATE_RE = re.compile("|".join(f"(?:{p})" for p in DATE_PATTERNS), re.I)
_TIME_RE = re.compile(r"\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?|\b[A-Z]{2,4}[+-]\d{1,2}\b", re.I)
_PART_SPLIT = re.compile(r"\s+\|\s+|\s+[—–]\s+")
_NAME_SPLIT = re.compile(r"\s*,\s*|\s+and\s+|\s*;\s*|\s+&\s+")
_NAME_TOKEN = re.compile(r"(?:[A-ZÀ-ÞĀ-Ž][\w'’.-]*|[A-Z]\.)$")
_PARTICLES = {"de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "al", "bin", "ibn", "el", "ten", "ter",
              "dos", "das", "del", "y"}
_COMMENTS = re.compile(r"\d+\s+comments?", re.I)
MAX_CREDIT_WORDS = 16
# Role classes of roles.csv that can follow a name in a byline ("Crime Correspondent", "Senior Fellow").
PERSON_ROLES = ("media", "expert", "official", "military", "spokesperson", "other", "fighter")


@dataclass(frozen=True)
class Credit:
    """What one provenance line says: its kind, the authors, the outlet, and a publication date."""

    kind: str  # byline, masthead, desk or date
    names: tuple[str, ...] = ()
    outlet: str = ""
    date: str = ""
    date_label: str = ""  # published, updated or "" (a date with no label)
    rule: str = ""


@dataclass(frozen=True)
class ProvenanceRules:
    """The word lists that provenance lines are read with."""

    role_words: frozenset[str]
    honorifics: frozenset[str]
    sections: frozenset[str]
    desks: frozenset[str]
    date_words: frozenset[str]
    byline_prefixes: tuple[str, ...]
    other_credits: tuple[str, ...]
    media_words: frozenset[str]
    not_names: frozenset[str]

    @classmethod
    def load(cls, data_dir: Path | None = None) -> "ProvenanceRules":
        """Return the rules read from ``provenance.csv``, ``roles.csv``, ``organisations.csv`` and function words."""
        rows = read_rows("provenance", data_dir)
        role = lambda name: [r["term"] for r in rows if r["role"] == name]  # noqa: E731
        roles = read_rows("roles", data_dir)
        words = read_rows("function_words", data_dir)
        role_words = frozenset(r["term"].lower().rstrip(".") for r in roles if r.get("role_class") in PERSON_ROLES)
        calendar = {r["word"].lower() for r in words if r["word_class"] == "calendar"}
        function = {r["word"].lower() for r in words if r["word_class"] != "calendar"}
        organisations = read_rows("organisations", data_dir)
        media = frozenset(r["term"].lower() for r in organisations if r.get("category") == "media")
        sections = frozenset(t.lower() for t in role("section"))
        organisation_words = {r["term"].lower() for r in organisations
                              if r.get("position") in ("last", "first", "prefix")}
        return cls(
            role_words=role_words,
            honorifics=frozenset(r["term"].lower().rstrip(".") for r in roles if r.get("role_class") == "honorific"),
            sections=sections,
            desks=frozenset(t.lower() for t in role("desk")),
            date_words=frozenset(t.lower() for t in role("date_word")) | calendar,
            byline_prefixes=tuple(sorted((t.lower() for t in role("byline_prefix")), key=len, reverse=True)),
            other_credits=tuple(t.lower() for t in role("credit_other")),
            media_words=media,
            not_names=frozenset(role_words | media | sections | calendar | function | organisation_words
                                | {t.lower() for d in role("desk") for t in d.split()}),
        )


def dates_in(text: str, rules: ProvenanceRules) -> list[tuple[str, str]] | None:
    """Return (date text, label) of each date in ``text`` when the text holds only dates and date words
    ('Published 3 March 2025, updated 4 March 2025'); else None. The label is the nearest of
    'published' or 'updated' before the date, or ''."""
    found = list(DATE_RE.finditer(text))
    if not found:
        return None
    rest = _TIME_RE.sub(" ", DATE_RE.sub(" ", text))
    for word in re.findall(r"[^\W\d_][\w.]*|\S", rest):
        if word.lower().rstrip(":") not in rules.date_words and not re.fullmatch(r"[\W\d_]+", word):
            return None
    dates = []
    for match in found:
        before = text[:match.start()].lower()
        labels = [(before.rfind(w), lab) for w, lab in (("published", "published"), ("posted", "published"),
                                                         ("issued", "published"), ("updated", "updated"),
                                                         ("modified", "updated"))]
        position, label = max(labels)
        previous_date = max((m.end() for m in found if m.end() <= match.start()), default=-1)
        dates.append((match.group(0), label if position > previous_date else ""))
    return dates


def choose_date(dates: list[tuple[str, str]]) -> tuple[str, str]:
    """Return the publication date among dates: a published one, else one without a label, else an updated one."""
    for wanted in ("published", "", "updated"):
        for text, label in dates:
            if label == wanted:
                return text, label
    return "", ""


def looks_like_name(text: str, rules: ProvenanceRules) -> bool:
    """Is ``text`` a person's name: two to four capitalised words ('Léa Fontaine', 'DANNY COLLINS')?"""
    tokens = text.split()
    if not 2 <= len(tokens) <= 5:
        return False
    capitalised = [t for t in tokens if t.lower() not in _PARTICLES]
    return (len(capitalised) >= 2 and all(_NAME_TOKEN.match(t) for t in capitalised)
            and not any(t.lower().rstrip(".,") in rules.not_names for t in capitalised))


def names_in(text: str, rules: ProvenanceRules) -> tuple[str, ...] | None:
    """Return the names of a list of people ('A and B', 'A in London and B in Kyiv', 'Dr A (now) and B'),
    or None when a part is not a name."""
    text = re.sub(r"\([^)]*\)", " ", text)
    names = []
    for piece in _NAME_SPLIT.split(text.strip(" .,;")):
        piece = re.split(r"\s+(?:in|from|at|for)\s+", piece.strip(), maxsplit=1)[0]
        words = piece.split()
        while words and words[0].lower().rstrip(".") in rules.honorifics:
            words = words[1:]
        piece = " ".join(words)
        if not piece:
            continue
        if not looks_like_name(piece, rules):
            return None
        names.append(piece)
    return tuple(names) or None


def _is_role(text: str, rules: ProvenanceRules) -> bool:
    """Is ``text`` a role ('Crime Reporter', 'Local democracy reporter', 'Senior Fellow')?"""
    words = [w.lower().strip(".,") for w in text.split()]
    singular = [w[:-1] if w.endswith("s") else w for w in words]
    return bool(words) and (words[-1] in rules.role_words or singular[-1] in rules.role_words)


def is_section(text: str, rules: ProvenanceRules) -> bool:
    """Is ``text`` only a section label ('Live', 'Press release', 'FOR IMMEDIATE RELEASE')?"""
    return _is_section(text, rules)


def _is_section(text: str, rules: ProvenanceRules) -> bool:
    return " ".join(text.lower().split()) in rules.sections


def _is_outlet_like(text: str, rules: ProvenanceRules) -> bool:
    """Could ``text`` name an outlet: a short title-case phrase that is not a role, section or date?"""
    words = text.split()
    return (1 <= len(words) <= 6 and text[:1].isupper() and not _is_role(text, rules) and not _is_section(text, rules)
            and not DATE_RE.search(text) and not re.search(r"[.!?]$", text)
            and all(w[:1].isupper() or w.lower() in ("of", "the", "and", "&", "for") for w in words))


def _strip_prefix(part: str, rules: ProvenanceRules) -> tuple[str, str]:
    """Return (prefix, rest) when ``part`` opens with a byline prefix ('By ', 'Review by ')."""
    lower = part.lower()
    for prefix in rules.byline_prefixes:
        if lower.startswith(prefix + " "):
            return part[:len(prefix)], part[len(prefix) + 1:].strip()
    return "", part


def _byline(part: str, rules: ProvenanceRules) -> tuple[tuple[str, ...], str, str, str] | None:
    """Return (names, outlet, date, rule) of a byline part, or None."""
    prefix, rest = _strip_prefix(part, rules)
    for other in rules.other_credits:  # "Reporting by A; Editing by B": B edited, A wrote
        rest = re.split(rf"[;,(]?\s*{re.escape(other)}\b", rest, flags=re.I)[0]
    date = ""
    on_date = re.search(rf"\s+on\s+(?P<date>{DATE_RE.pattern})\s*$", rest, re.I)
    if on_date:  # "Posted by Ray Dennehy on May 24, 2023"
        date, rest = on_date.group("date"), rest[:on_date.start()]
    colon = re.match(r"(?P<role>[^:]{2,40}):\s*(?P<names>.+)$", rest)
    if not prefix and colon and _is_role(colon.group("role"), rules):  # "Health reporter: Aisha Bello"
        names = names_in(colon.group("names"), rules)
        return (names, "", date, "role and name: 'ROLE: NAME'") if names else None
    segments = [s.strip() for s in rest.split(",") if s.strip()]
    for cut in range(len(segments), 0, -1):  # the longest run of leading segments that are names
        names = names_in(", ".join(segments[:cut]), rules)
        if names:
            tail = segments[cut:]
            break
    else:
        return None
    if for_outlet := re.search(r"\s+for\s+(?P<o>[A-Z][\w&.’' -]+)$", segments[0]):  # "Anna Malpas for AFP"
        tail = [for_outlet.group("o")] + tail
    roles = [s for s in tail if _is_role(s, rules) and s.split()[0].lower() not in ("the", "a", "an")]
    outlets = [s for s in tail if s not in roles and _is_outlet_like(s, rules)]
    if len(roles) + len(outlets) < len(tail) or (not prefix and not roles and tail):
        return None  # "Carlos Navarro, the club's coach, arrived late." is a sentence, not a byline
    if not prefix and not roles and not tail:
        return names, "", date, "names alone"
    rule = "byline: 'By NAME'" if prefix else "byline: 'NAME, ROLE'"
    return names, (outlets[0] if outlets else ""), date, rule


def read_credit(line: str, rules: ProvenanceRules) -> Credit | None:
    """Return what a provenance line says, or None when the line is not one."""
    text = " ".join(line.split())
    if not text or len(text.split()) > MAX_CREDIT_WORDS or re.search(r"\b[a-z]{3,}[.!?]\s+[A-Z]", text):
        return None
    parts = [p.strip() for p in _PART_SPLIT.split(text) if p.strip() and not _COMMENTS.fullmatch(p.strip())]
    names: tuple[str, ...] = ()
    outlet, dates, rule, sections, others = "", [], "", [], []
    for part in parts:
        part_dates = dates_in(part, rules)
        if part_dates:
            dates += part_dates
            continue
        desk = _desk(part, rules)
        if desk is not None:
            outlet = outlet or desk[0]
            dates += [(desk[1], "")]
            rule = rule or "desk line with a date"
            continue
        byline = None if names else _byline(part, rules)
        if byline and byline[3] != "names alone":
            names, outlet, rule = byline[0], outlet or byline[1], byline[3]
            dates += [(byline[2], "published")] if byline[2] else []
        elif _is_section(part, rules):
            sections.append(part)
        elif _strip_prefix(part, rules)[0] and not byline:
            continue  # "Posted by newsdesk": a credit that names no one
        else:
            others.append((part, byline))
    if not names:  # "Jane Morrow | Riverton Gazette": names beside an outlet
        for index, (part, byline) in enumerate(others):
            rest = [other for j, other in enumerate(others) if j != index]
            if byline and byline[3] == "names alone" and (rest or dates):
                names, rule, others = byline[0], "names beside an outlet: 'NAME | OUTLET'", rest
                break
    candidates = [p for p, _ in others if _is_outlet_like(p, rules)]
    if len(candidates) != len(others):
        return None  # a part that is none of these: not a provenance line
    if not outlet and candidates:
        outlet = _pick_outlet(candidates, rules)
    date, label = choose_date([d for d in dates if d[0]])
    if names:
        return Credit("byline", names, outlet, date, label, rule)
    if rule == "desk line with a date":
        return Credit("desk", (), outlet, date, label, rule)
    if outlet and len(parts) == 2 and (sections or len(candidates) > 1 or dates):
        return Credit("masthead", (), outlet, date, label, "outlet and section: 'OUTLET | SECTION'")
    if dates and not candidates:
        return Credit("date", (), "", date, label, "date line")
    return None


def _desk(part: str, rules: ProvenanceRules) -> tuple[str, str] | None:
    """Return (outlet, date) of a desk line part ('Ellingham Echo sports desk, 24 November 2024')."""
    endings = "|".join(re.escape(d.split()[-1]) for d in rules.desks) or "(?!x)x"
    match = re.match(rf"(?P<head>.*?)(?P<desk>\b(?:{endings}))\s*,?\s+(?P<date>.+)$", part, re.I)
    dates = dates_in(match.group("date"), rules) if match else None
    if not dates:
        return None
    head = match.group("head").strip(" ,").split()
    while head and head[-1].lower() in rules.sections:  # "Ellingham Echo *sports* desk"
        head = head[:-1]
    outlet = " ".join(head)
    return (outlet if outlet and _is_outlet_like(outlet, rules) else ""), dates[0][0]


def _pick_outlet(candidates: list[str], rules: ProvenanceRules) -> str:
    """Return the part of a masthead that names the outlet: one with a media word or 'The', else the first."""
    for candidate in candidates:
        words = candidate.split()
        if words[0].lower() == "the" or any(w.lower() in rules.media_words for w in words):
            return candidate
    return candidates[0]


def expand_acronym(outlet: str, raw: str) -> str:
    """Return the full name an acronym outlet stands for when the text spells it out ('Meridian News Network (MNN)')."""
    if not re.fullmatch(r"[A-Z]{2,6}", outlet):
        return outlet
    found = re.search(r"((?:[A-Z][\w&’'-]*\s+){1,6}?)\(" + outlet + r"\)", raw)
    if found:
        words = found.group(1).split()
        initials = "".join(w[0] for w in words if w[0].isupper())
        if initials.endswith(outlet):
            return " ".join(words[-len(outlet):]) if len(words) >= len(outlet) else " ".join(words)
    return outlet
