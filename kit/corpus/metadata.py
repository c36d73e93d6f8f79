"""Infer an article's metadata from its text, each field with the line that shows it.

A field the text does not show stays empty, and its evidence says so: the kit
never guesses a publisher from style alone.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from kit.corpus.provenance import DATE_PATTERNS, Credit, ProvenanceRules, choose_date, expand_acronym, read_credit
from kit.text.wordlists import read_rows, split_values

EVIDENCE_MAX_CHARS = 140
_DATE_FORMATS = ("%B %d, %Y", "%B %d %Y", "%b %d, %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y",
                 "%Y-%m-%d", "%B %d, %Y", "%d %B, %Y", "%d %b, %Y", "%d/%m/%Y", "%d.%m.%Y", "%m/%d/%Y")
# Kinds of outlets.csv whose credit in a dateline or byline makes them the wire agency.
WIRE_KINDS = ("wire", "state_agency", "agency")
_COPYRIGHT_RE = re.compile(r"^[ \t]*(?:Copyright|©)\s*(?:©\s*)?(?:\d{4}\s+)?(?P<o>[A-Z][^.()\n]{1,60}?)"
                           r"(?:\s*\([A-Z]{2,6}\))?\.?\s*(?:All rights reserved\.?)?[ \t]*$", re.M)
_BODY_BYLINE_RE = re.compile(r"^(?:Reporting|Written|Words|Additional reporting) by (?P<names>[^.]{3,80})\.")
_URL_RE = re.compile(r"https?://[^\s<>()\]]+")
_MARKDOWN_LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_BYLINE_PREFIX_RE = re.compile(r"^(?:words by|reporting by|written by|by)\s+", re.I)
_BIO_NAME_RE = re.compile(r"(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’.-]+){0,3}) (?:is|was) an? ")
# How a text refers to the outlet that wrote it ({o} is the outlet's name). Strong
# references only the publisher itself makes; weak ones ("told X") may also cite another outlet.
STRONG_SELF_REFERENCES = (
    r"\b(?:[Tt]he )?{o} (?:could not|couldn't|was unable to|cannot|has not been able to) "
    r"(?:independently )?(?:verify|confirm)",
    r"\b(?:[Tt]he )?{o} (?:has |had )?(?:reached out|contacted|takes a look|has seen|"
    r"has asked|asked for comment)\b",
)
WEAK_SELF_REFERENCES = (
    r"\btold (?:[Tt]he )?{o}\b",
    r"\b(?:in an interview with|in a statement to|speaking to) (?:[Tt]he )?{o}\b",
)
# "reporter for the Kyiv Independent", "Associated Press writer Jenna Ruiz"
STAFF_TEMPLATES = (r"\b(?:reporter|correspondent|editor|journalist|writer|columnist) (?:for|at|with) (?:[Tt]he )?{o}\b",
                   r"\b(?:[Tt]he )?{o} (?:writer|reporter|correspondent|journalist)s? [A-Z]")
_WIRE_BYLINE_TEMPLATE = r"(?:\bfor (?:[Tt]he )?|,\s*){o}\s*$"
_WIRE_DATELINE_TEMPLATE = r"[(/]{o}[)/]"


@dataclass(frozen=True)
class Outlet:
    """A news organisation from ``outlets.csv``."""

    name: str
    kind: str
    domains: tuple[str, ...]


@dataclass(frozen=True)
class OutletTable:
    """All outlets, with one compiled pattern per way a text can name its publisher."""

    by_alias: dict[str, Outlet]
    strong_reference: tuple[re.Pattern[str], ...]
    weak_reference: tuple[re.Pattern[str], ...]
    staff: tuple[re.Pattern[str], ...]
    wire_byline: re.Pattern[str]
    wire_dateline: re.Pattern[str]

    def outlet_for(self, match: re.Match[str]) -> Outlet:
        """Return the outlet whose name the ``o`` group of ``match`` holds."""
        return self.by_alias[match.group("o").lower()]

    def for_domain(self, domain: str) -> Outlet | None:
        """Return the outlet that owns ``domain`` (or a parent domain of it), if any."""
        for outlet in dict.fromkeys(self.by_alias.values()):
            if any(domain == d or domain.endswith("." + d) for d in outlet.domains):
                return outlet
        return None


def load_outlets(data_dir: Path | None = None) -> OutletTable:
    """Return the outlets of ``outlets.csv`` and the patterns that find them in text."""
    by_alias: dict[str, Outlet] = {}
    spellings: set[str] = set()
    for row in read_rows("outlets", data_dir):
        domains = tuple(d.lower().removeprefix("www.") for d in split_values(row.get("domains", "")))
        outlet = Outlet(row["outlet"], row.get("kind", ""), domains)
        for alias in {row["outlet"], *split_values(row.get("aliases", ""))}:
            by_alias.setdefault(alias.lower(), outlet)
            spellings.add(alias)
    names = sorted(spellings, key=len, reverse=True)
    group = "(?P<o>" + "|".join(re.escape(n) for n in names) + ")" if names else "(?P<o>(?!x)x)"

    def compile_template(template: str) -> re.Pattern[str]:
        return re.compile(template.format(o=group))

    return OutletTable(
        by_alias=by_alias,
        strong_reference=tuple(compile_template(t) for t in STRONG_SELF_REFERENCES),
        weak_reference=tuple(compile_template(t) for t in WEAK_SELF_REFERENCES),
        staff=tuple(compile_template(t) for t in STAFF_TEMPLATES),
        wire_byline=compile_template(_WIRE_BYLINE_TEMPLATE),
        wire_dateline=compile_template(_WIRE_DATELINE_TEMPLATE),
    )


def line_number(raw: str, offset: int) -> int:
    """Return the 1-based line number of ``offset`` in ``raw``."""
    prefix = raw[:offset]
    count = len(prefix.splitlines())
    return count + 1 if not prefix or prefix.endswith(("\n", "\r")) else count


def evidence(raw: str, start: int, end: int | None = None) -> str:
    """Return 'line N: <the line>' for the line holding ``raw[start:end]``."""
    lines = raw.splitlines()
    number = line_number(raw, start)
    text = lines[number - 1].strip() if number - 1 < len(lines) else raw[start:end].strip()
    if len(text) > EVIDENCE_MAX_CHARS:
        text = text[:EVIDENCE_MAX_CHARS - 1] + "…"
    return f"line {number}: {text}"


def parse_date(text: str) -> str | None:
    """Return the first date in ``text`` as YYYY-MM-DD, or None."""
    for pattern in DATE_PATTERNS:
        for match in re.finditer(pattern, text, re.I):
            found = re.sub(r"([A-Za-z]{3,})\.", r"\1", re.sub("(?i)sept", "Sep", match.group(0)))
            for fmt in _DATE_FORMATS:
                try:
                    return dt.datetime.strptime(found, fmt).date().isoformat()
                except ValueError:
                    continue
    return None


def _blocks_of(blocks: list[dict[str, object]], *kinds: str) -> list[dict[str, object]]:
    return [b for b in blocks if b["kind"] in kinds]


def _content(raw: str, block: dict[str, object]) -> str:
    return raw[int(block["content_start"]):int(block["content_end"])]


def infer_title(raw: str, blocks: list[dict[str, object]]) -> tuple[str, str]:
    """Return the first headline and its evidence."""
    for block in _blocks_of(blocks, "headline"):
        return _content(raw, block).strip(), evidence(raw, int(block["content_start"]))
    return "", "no headline line found"


def credits(raw: str, blocks: list[dict[str, object]], rules: ProvenanceRules | None
            ) -> list[tuple[dict[str, object], Credit]]:
    """Return (block, credit) for each byline or dateline block that reads as a provenance line, in order."""
    if rules is None:
        return []
    found = []
    for block in _blocks_of(blocks, "byline", "dateline"):
        credit = read_credit(_MARKDOWN_LINK_RE.sub(r"\1", _content(raw, block)), rules)
        if credit is not None:
            found.append((block, credit))
    return found


def infer_byline(raw: str, blocks: list[dict[str, object]], outlets: OutletTable,
                 rules: ProvenanceRules | None = None) -> tuple[str, str]:
    """Return the authors named by a byline (several joined by '; ') or an author box, and the evidence."""
    for block, credit in credits(raw, blocks, rules):
        if credit.names:
            return "; ".join(credit.names), evidence(raw, int(block["content_start"]))
    for block in _blocks_of(blocks, "byline"):
        text = _MARKDOWN_LINK_RE.sub(r"\1", _content(raw, block)).strip()
        names = credit_names(text, rules) if rules is not None else None
        if names:  # "Harriet Quayle in northern Ukraine and Adam Pell"
            return "; ".join(names), evidence(raw, int(block["content_start"]))
        name = outlets.wire_byline.sub("", _BYLINE_PREFIX_RE.sub("", text)).strip(" ,")
        if name and (rules is None or not read_credit(text, rules)):  # a masthead names no author
            return name, evidence(raw, int(block["content_start"]))
    for block in _blocks_of(blocks, "author_bio"):
        match = _BIO_NAME_RE.match(_content(raw, block))
        if match:
            return match.group("name"), evidence(raw, int(block["content_start"]))
    for block in _blocks_of(blocks, "body")[:1]:  # "Reporting by A and B. Refresh this page …"
        match = _BODY_BYLINE_RE.match(_content(raw, block))
        names = credit_names(match.group("names"), rules) if match and rules is not None else None
        if names:
            return "; ".join(names), evidence(raw, int(block["content_start"]))
    return "", "no byline or author box found"


def credit_names(text: str, rules: ProvenanceRules) -> tuple[str, ...] | None:
    """Return the names of a byline's text ('A and B'), or None."""
    from kit.corpus.provenance import names_in

    return names_in(text, rules)


def infer_published(raw: str, blocks: list[dict[str, object]], rules: ProvenanceRules | None = None
                    ) -> tuple[str, str]:
    """Return the publication date and its evidence: a date marked published, else one without a mark
    (a date line, a desk line, a dateline 'MILLBROOK, Ohio, March 3, 2025 —'), else an updated one."""
    dated = [(credit.date, credit.date_label, block) for block, credit in credits(raw, blocks, rules) if credit.date]
    for block in _blocks_of(blocks, "dateline"):
        if not any(b is block for _, _, b in dated):
            date = parse_date(_content(raw, block))
            if date:
                dated.append((_content(raw, block), "", block))
    text, label = choose_date([(t, lab) for t, lab, _ in dated])
    for date_text, date_label, block in dated:
        if (date_text, date_label) == (text, label):
            date = parse_date(date_text)
            if date:
                return date, evidence(raw, int(block["content_start"]))
    return "", "no date line found (dates inside the story are events, not publication)"


def infer_url(raw: str, blocks: list[dict[str, object]]) -> tuple[str, str]:
    """Return the URL given on a URL line, and its evidence."""
    for block in _blocks_of(blocks, "url_line"):
        match = _URL_RE.search(_content(raw, block))
        if match:
            return match.group(0).rstrip(">.,"), evidence(raw, int(block["content_start"]) + match.start())
    return "", "no URL line found"


def _mentions(raw: str, blocks: list[dict[str, object]], kinds: tuple[str, ...],
              patterns: tuple[re.Pattern[str], ...], outlets: OutletTable,
              clean: bool = False) -> list[tuple[int, Outlet]]:
    """Return (offset, outlet) for each match of ``patterns`` in blocks of ``kinds``."""
    hits = []
    for block in _blocks_of(blocks, *kinds):
        text, base = _content(raw, block), int(block["content_start"])
        if clean:
            text = _MARKDOWN_LINK_RE.sub(r"\1", text)
        hits += [(base + m.start(), outlets.outlet_for(m)) for p in patterns for m in p.finditer(text)]
    return sorted(hits, key=lambda hit: hit[0])


def _credited_outlet(raw: str, blocks: list[dict[str, object]], outlets: OutletTable,
                     rules: ProvenanceRules | None) -> tuple[str, Outlet | None, int] | None:
    """Return (name, known outlet or None, offset) of the outlet a credit line names ('By A, Riverton Gazette',
    'Jane Morrow | Riverton Gazette', 'The Carrow Ledger | Live', 'Ellingham Echo sports desk, …')."""
    for block, credit in credits(raw, blocks, rules):
        if credit.outlet:
            name = expand_acronym(credit.outlet, raw)
            known = outlets.by_alias.get(name.lower()) or outlets.by_alias.get(re.sub(r"^the\s+", "", name.lower()))
            return (known.name if known else name), known, int(block["content_start"])
    return None


# How a text names its own outlet when the outlet is not in outlets.csv: "MORE FROM THE DAILY BLAST:",
# "Contact the Daily Beacon newsdesk", "the Chronicle understands that".
_SELF_NAMING = (
    re.compile(r"^MORE FROM (?P<o>(?:THE )?[A-Z][A-Z’' ]{2,40}?):?[ \t]*$", re.M),
    re.compile(r"\b[Cc]ontact (?:the )?(?P<o>[A-Z][\w’']*(?: [A-Z][\w’']*){0,4}) news ?desk\b"),
    re.compile(r"(?<![\w-])(?P<o>[Tt]he [A-Z][\w’']*(?: [A-Z][\w’']*){0,3}) understands\b"),
)


def _named_self(raw: str) -> tuple[str, int] | None:
    """Return (outlet, offset) where the text names itself in a newsroom phrase, or None."""
    for pattern in _SELF_NAMING:
        found = pattern.search(raw)
        if found:
            name = found.group("o").strip()
            name = name.title() if name.isupper() else name
            return re.sub(r"^the ", "The ", name), found.start("o")
    return None


def infer_outlet_and_wire(raw: str, blocks: list[dict[str, object]], url: str,
                          outlets: OutletTable, rules: ProvenanceRules | None = None) -> dict[str, str]:
    """Return outlet, wire_agency and their evidence.

    The outlet comes from the URL's domain, from a credit line that names it ("By Jane Morrow,
    Riverton Gazette", "Jane Morrow | Riverton Gazette", "The Carrow Ledger | Live coverage"), from a
    copyright line ("Copyright 2024 Meridian News Network"), or from the text referring to itself
    ("told NBC News", "reporter for the Kyiv Independent"). A wire or news agency that the text
    credits ("(AP)", "/PRNewswire/", "for AFP", "Reuters could not verify") is the wire, and is not
    taken for the publishing site unless the URL or a credit line names it as the outlet.
    """
    found = {"outlet": "", "outlet_evidence": "", "wire_agency": "", "wire_agency_evidence": ""}
    domain = urlparse(url).netloc.lower().removeprefix("www.") if url else ""
    owner = outlets.for_domain(domain) if domain else None
    if owner:
        found["outlet"], found["outlet_evidence"] = owner.name, f"URL domain {domain}"
    credited = _credited_outlet(raw, blocks, outlets, rules)
    if credited and not found["outlet"]:
        found["outlet"], found["outlet_evidence"] = credited[0], evidence(raw, credited[2])
    if credited and credited[1] is not None and credited[1].kind in WIRE_KINDS:
        found["wire_agency"], found["wire_agency_evidence"] = credited[1].name, evidence(raw, credited[2])
    narrative = ("body", "headline", "dateline")
    strong = (_mentions(raw, blocks, narrative, outlets.strong_reference, outlets)
              + _mentions(raw, blocks, ("author_bio", "byline", "body"), outlets.staff, outlets))
    weak = _mentions(raw, blocks, narrative, outlets.weak_reference, outlets)
    credits_ = (_mentions(raw, blocks, ("byline",), (outlets.wire_byline,), outlets, clean=True)
                + _mentions(raw, blocks, ("dateline",), (outlets.wire_dateline,), outlets))
    for offset, outlet in sorted(strong + credits_, key=lambda hit: hit[0]):
        if outlet.kind in WIRE_KINDS and not found["wire_agency"]:
            found["wire_agency"], found["wire_agency_evidence"] = outlet.name, evidence(raw, offset)
    copyright_line = _COPYRIGHT_RE.search(raw)
    if copyright_line:  # the holder publishes; a wire's copyright in its own copy credits the wire
        name = copyright_line.group("o").strip()
        known = outlets.by_alias.get(name.lower()) or outlets.by_alias.get(re.sub(r"^the\s+", "", name.lower()))
        proof = evidence(raw, copyright_line.start("o"))
        if known is not None and known.kind in WIRE_KINDS:
            if not found["wire_agency"]:
                found["wire_agency"], found["wire_agency_evidence"] = known.name, proof
        elif not found["outlet"]:
            found["outlet"], found["outlet_evidence"] = (known.name if known else expand_acronym(name, raw)), proof
    self_named = _named_self(raw)
    if self_named and not found["outlet"]:
        found["outlet"], found["outlet_evidence"] = self_named[0], evidence(raw, self_named[1])
    for offset, outlet in strong + weak:  # strong references first
        if outlet.kind not in WIRE_KINDS and not found["outlet"]:
            found["outlet"], found["outlet_evidence"] = outlet.name, evidence(raw, offset)
    if not found["outlet"]:
        found["outlet_evidence"] = (
            f"no line names the publishing site; the text is {found['wire_agency']} wire copy"
            if found["wire_agency"] else "no line names the publishing outlet")
    if not found["wire_agency"]:
        found["wire_agency_evidence"] = "no wire agency credited"
    return found


def infer_metadata(raw: str, blocks: list[dict[str, object]], outlets: OutletTable,
                   rules: ProvenanceRules | None = None) -> dict[str, str]:
    """Return every inferable metadata field with its ``<field>_evidence``."""
    rules = ProvenanceRules.load() if rules is None else rules
    result: dict[str, str] = {}
    for name, (value, proof) in {
        "title": infer_title(raw, blocks),
        "byline": infer_byline(raw, blocks, outlets, rules),
        "published": infer_published(raw, blocks, rules),
        "url": infer_url(raw, blocks),
    }.items():
        result[name], result[f"{name}_evidence"] = value, proof
    result.update(infer_outlet_and_wire(raw, blocks, result["url"], outlets, rules))
    result["event"], result["event_evidence"] = "", "not inferred: give it in manifest.csv"
    return result
