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

from kit.corpus.segment import DATE_PATTERNS
from kit.text.wordlists import read_rows, split_values

EVIDENCE_MAX_CHARS = 140
_DATE_FORMATS = ("%B %d, %Y", "%B %d %Y", "%b %d, %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y",
                 "%Y-%m-%d", "%B %d, %Y", "%d %B, %Y")
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
_STAFF_TEMPLATE = r"\b(?:reporter|correspondent|editor|journalist|writer|columnist) (?:for|at|with) (?:[Tt]he )?{o}\b"
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
    staff: re.Pattern[str]
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
        staff=compile_template(_STAFF_TEMPLATE),
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
        for match in re.finditer(pattern, text):
            found = re.sub(r"(\w{3,})\.", r"\1", match.group(0).replace("Sept", "Sep"))
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


def infer_byline(raw: str, blocks: list[dict[str, object]], outlets: OutletTable) -> tuple[str, str]:
    """Return the author named by a byline or an author box, and its evidence."""
    for block in _blocks_of(blocks, "byline"):
        text = _MARKDOWN_LINK_RE.sub(r"\1", _content(raw, block)).strip()
        name = outlets.wire_byline.sub("", _BYLINE_PREFIX_RE.sub("", text)).strip(" ,")
        return name, evidence(raw, int(block["content_start"]))
    for block in _blocks_of(blocks, "author_bio"):
        match = _BIO_NAME_RE.match(_content(raw, block))
        if match:
            return match.group("name"), evidence(raw, int(block["content_start"]))
    return "", "no byline or author box found"


def infer_published(raw: str, blocks: list[dict[str, object]]) -> tuple[str, str]:
    """Return the publication date shown in a date line or dateline, and its evidence."""
    for block in _blocks_of(blocks, "dateline"):
        date = parse_date(_content(raw, block))
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


def infer_outlet_and_wire(raw: str, blocks: list[dict[str, object]], url: str,
                          outlets: OutletTable) -> dict[str, str]:
    """Return outlet, wire_agency and their evidence.

    The outlet comes from the URL's domain or from the text referring to itself
    ("told NBC News", "reporter for the Kyiv Independent"). A wire agency that the
    text credits ("for AFP", "Reuters could not verify") is the wire, and is not
    taken for the publishing site unless the URL says so.
    """
    found = {"outlet": "", "outlet_evidence": "", "wire_agency": "", "wire_agency_evidence": ""}
    domain = urlparse(url).netloc.lower().removeprefix("www.") if url else ""
    owner = outlets.for_domain(domain) if domain else None
    if owner:
        found["outlet"], found["outlet_evidence"] = owner.name, f"URL domain {domain}"
    narrative = ("body", "headline", "dateline")
    strong = (_mentions(raw, blocks, narrative, outlets.strong_reference, outlets)
              + _mentions(raw, blocks, ("author_bio", "byline"), (outlets.staff,), outlets))
    weak = _mentions(raw, blocks, narrative, outlets.weak_reference, outlets)
    credits = (_mentions(raw, blocks, ("byline",), (outlets.wire_byline,), outlets, clean=True)
               + _mentions(raw, blocks, ("dateline",), (outlets.wire_dateline,), outlets))
    for offset, outlet in sorted(strong + credits, key=lambda hit: hit[0]):
        if outlet.kind == "wire" and not found["wire_agency"]:
            found["wire_agency"], found["wire_agency_evidence"] = outlet.name, evidence(raw, offset)
    for offset, outlet in strong + weak:  # strong references first
        if outlet.kind != "wire" and not found["outlet"]:
            found["outlet"], found["outlet_evidence"] = outlet.name, evidence(raw, offset)
    if not found["outlet"]:
        found["outlet_evidence"] = (
            f"no line names the publishing site; the text is {found['wire_agency']} wire copy"
            if found["wire_agency"] else "no line names the publishing outlet")
    if not found["wire_agency"]:
        found["wire_agency_evidence"] = "no wire agency credited"
    return found


def infer_metadata(raw: str, blocks: list[dict[str, object]], outlets: OutletTable) -> dict[str, str]:
    """Return every inferable metadata field with its ``<field>_evidence``."""
    result: dict[str, str] = {}
    for name, (value, proof) in {
        "title": infer_title(raw, blocks),
        "byline": infer_byline(raw, blocks, outlets),
        "published": infer_published(raw, blocks),
        "url": infer_url(raw, blocks),
    }.items():
        result[name], result[f"{name}_evidence"] = value, proof
    result.update(infer_outlet_and_wire(raw, blocks, result["url"], outlets))
    result["event"], result["event_evidence"] = "", "not inferred: give it in manifest.csv"
    return result
