"""Word lists and alias tables shipped as CSV files in ``kit/data/``.

Instructors edit the CSVs; code only reads them. Every row carries a ``source``. Each file is
checked as it is read: a row without a source, or a value the code does not know in a column it
branches on (a stance ``meh``, a hedge type ``maybe``), stops the load with a ``WordListError``
that names the file, the line and the values allowed (``kit/data/README.md`` explains them).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
MULTI_VALUE_SEPARATOR = "|"


class WordListError(ValueError):
    """A word list holds a value the kit does not know; the message names the file, the lines and the values allowed."""


@dataclass(frozen=True)
class Allowed:
    """The values a column may hold: in every row, or only where ``when`` holds (column, value), or unless ``unless`` does."""

    column: str
    values: tuple[str, ...]
    several: bool = False  # a "|"-separated cell ("after|before"; descriptions also use ">")
    empty: bool = False  # the cell may be empty
    when: tuple[str, str] | None = None
    unless: tuple[str, str] | None = None


STANCES = ("neutral", "endorsing", "distancing", "guilt_implying", "emphatic")
ORGANISATION_CATEGORIES = ("company", "union", "club", "government", "oversight", "court", "party", "military",
                           "police", "education", "health", "culture", "media", "organisation")
# The columns the code branches on, file by file; the other columns hold words and are free.
ALLOWED: dict[str, tuple[Allowed, ...]] = {
    "abbreviations": (Allowed("can_end_sentence", ("yes", "no")),),
    "amounts": (Allowed("approximation", ("exact", "vague")),),
    "boilerplate": (Allowed("kind", ("navigation", "promo", "comment_prompt", "url_line", "photo_credit",
                                     "related_link", "author_bio")),),
    "claim_terms": (
        Allowed("field", ("event", "side", "approximator", "label_before", "label_after", "plural", "event_gap",
                          "part_word", "joined_not_counted")),
        Allowed("value", ("killed", "wounded", "captured", "arrested", "evacuated", "displaced", "casualties",
                          "missing"), when=("field", "event")),
        Allowed("value", ("more_than", "at_least", "less_than", "at_most", "about", "just_under", "just_over"),
                when=("field", "approximator")),
        Allowed("value", ("time", "age"), when=("field", "label_after")),
        Allowed("position", ("after", "before", "noun", "after_people", "before_people"), several=True,
                when=("field", "event")),
        Allowed("position", ("before", "after"), when=("field", "approximator")),
    ),
    "descriptions": (Allowed("categories", ORGANISATION_CATEGORIES, several=True),),
    "function_words": (Allowed("word_class", ("article", "preposition", "conjunction", "auxiliary", "pronoun",
                                              "subject_pronoun", "sentence_starter", "calendar", "negation",
                                              "refusal", "section_label")),),
    "hedges": (Allowed("type", ("hedge", "booster", "weasel", "verification")),),
    "labels": (
        Allowed("category", ("fighter", "volunteer", "militant", "saboteur", "terrorist", "partisan", "insurgent",
                             "dissident", "nationalist", "neo_nazi", "mercenary", "traitor", "patriot",
                             "paramilitary", "proxy", "regime", "invader", "spelling")),
        Allowed("connotation", ("negative", "positive", "neutral", "loaded"), unless=("category", "spelling")),
        Allowed("connotation", ("russian_transliteration", "ukrainian_transliteration", "neutral"),
                when=("category", "spelling")),
    ),
    "organisations": (Allowed("position", ("last", "first", "prefix", "name")),
                      Allowed("category", ORGANISATION_CATEGORIES)),
    "outlets": (Allowed("kind", ("wire", "broadcaster", "newspaper", "magazine", "online", "state_agency", "agency",
                                 "think_tank", "investigative")),),
    "places": (Allowed("kind", ("country", "capital", "state", "province", "region", "city")),),
    "provenance": (Allowed("role", ("section", "desk", "date_word", "byline_prefix", "credit_other")),),
    "reporting_nouns": (Allowed("stance", STANCES),),
    "reporting_verbs": (Allowed("stance", STANCES),
                        Allowed("frames", ("label", "infinitive", "addressee", "clause_only", "confront",
                                           "preposition", "passive", "object"), several=True, empty=True)),
    "roles": (Allowed("role_class", ("official", "military", "fighter", "expert", "media", "spokesperson", "part",
                                     "group", "outlet", "institution", "document", "anonymous", "honorific",
                                     "other")),
              Allowed("gender", ("m", "f"), empty=True),
              Allowed("title", ("yes",), empty=True)),
    "units": (Allowed("measure", ("money", "percent", "distance", "area", "weight", "volume", "temperature", "speed",
                                  "size", "power", "duration")),
              Allowed("position", ("before", "after", "glued"))),
    "verification_words": (Allowed("role", ("negation", "check")),),
}
SHOWN_PROBLEMS = 10


def read_rows(name: str, data_dir: Path | None = None) -> list[dict[str, str]]:
    """Return the rows of ``kit/data/<name>.csv`` as dicts of stripped strings; raise ``WordListError`` on a bad row."""
    path = (data_dir or DATA_DIR) / f"{name}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [
            {key: (value or "").strip() for key, value in row.items() if key is not None}
            for row in csv.DictReader(handle)
        ]
    check_rows(path, name, rows)
    return rows


def check_rows(path: Path, name: str, rows: list[dict[str, str]]) -> None:
    """Raise ``WordListError`` listing every row of ``path`` without a source or with a value not allowed."""
    problems = []
    for line, row in enumerate(rows, start=2):  # line 1 is the header
        broken = [problem for rule in ALLOWED.get(name, ()) if (problem := _broken(rule, row))]
        if "source" in row and not row["source"]:
            broken.append("the source is empty (say where the entry can be checked)")
        problems += [f"line {line}: {problem}" for problem in broken]
    if problems:
        more = f"\n  ... and {len(problems) - SHOWN_PROBLEMS} more" if len(problems) > SHOWN_PROBLEMS else ""
        raise WordListError(f"{_shown(path)} has {len(problems)} value(s) the kit does not know (kit/data/README.md "
                            "explains each column):\n  " + "\n  ".join(problems[:SHOWN_PROBLEMS]) + more)


def _broken(rule: Allowed, row: dict[str, str]) -> str | None:
    """Return what is wrong with ``row`` under ``rule``, or None."""
    if rule.column not in row:
        return None
    if rule.when and row.get(rule.when[0]) != rule.when[1] or rule.unless and row.get(rule.unless[0]) == rule.unless[1]:
        return None
    cell = row[rule.column]
    values = [v.strip() for v in re.split(r"[|>]", cell)] if rule.several else [cell]
    if rule.empty and cell == "":
        return None
    unknown = [v for v in values if v not in rule.values]
    if not unknown:
        return None
    scope = f" (where {rule.when[0]} is {rule.when[1]})" if rule.when else ""
    allowed = ", ".join(rule.values) + (" or empty" if rule.empty else "")
    return f"{rule.column} {unknown[0]!r} is not one of: {allowed}{scope}"


def _shown(path: Path) -> str:
    """Return ``path`` as a person finds it: relative to the repository for the shipped lists."""
    try:
        return path.resolve().relative_to(DATA_DIR.parents[1]).as_posix()
    except ValueError:
        return str(path)


def split_values(cell: str) -> list[str]:
    """Return the non-empty values of a ``|``-separated cell."""
    return [part.strip() for part in cell.split(MULTI_VALUE_SEPARATOR) if part.strip()]


def column_set(name: str, column: str, *, where: dict[str, str] | None = None,
               lower: bool = True, data_dir: Path | None = None) -> frozenset[str]:
    """Return the set of values in ``column``, optionally only rows matching ``where``."""
    values = set()
    for row in read_rows(name, data_dir):
        if where and any(row.get(key) != wanted for key, wanted in where.items()):
            continue
        value = row[column]
        values.add(value.lower() if lower else value)
    return frozenset(values)
