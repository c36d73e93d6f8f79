"""Actors, roles and affiliations from ``kit/data``, and finding their mentions in text.

A mention is an alias of ``actors.csv`` found in the text, with its offsets. Aliases
match whole words; an all-capital alias of up to four letters (US, FSB, RVC) matches
only in capitals, so "US" never matches "us"; the longest alias wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kit.text.terms import PhraseMatcher, term_pattern
from kit.text.wordlists import read_rows, split_values

SPEAKER_GROUPS = (
    "russian_government", "ukrainian_government", "rvc", "legion", "siberian_battalion",
    "analyst_expert", "media", "western_government", "other", "anonymous",
)


@dataclass(frozen=True)
class Actor:
    """One row of ``actors.csv`` (or an outlet from ``outlets.csv``, as a media actor)."""

    canonical: str
    group: str
    type: str  # person | armed_group | organisation | government | place_metonym | media
    speaks_as: str = ""  # the body that speaks for this actor, if another


@dataclass(frozen=True)
class Mention:
    """An alias of an actor found in text."""

    start: int
    end: int
    surface: str
    actor: Actor


@dataclass(frozen=True)
class ActorTable:
    """Actors by alias, role nouns by class, affiliation words by group."""

    by_alias: dict[str, Actor]
    matcher: PhraseMatcher
    roles: dict[str, str]
    role_pattern: re.Pattern[str]
    affiliations: dict[str, str]
    affiliation_pattern: re.Pattern[str]

    @classmethod
    def load(cls, data_dir: Path | None = None) -> "ActorTable":
        """Return the table built from actors.csv, outlets.csv, roles.csv and affiliations.csv."""
        by_alias: dict[str, Actor] = {}
        aliases: list[str] = []  # as written: the matcher keeps short acronyms case-sensitive
        for row in read_rows("actors", data_dir):
            actor = Actor(row["canonical"], row["group"], row["type"], row.get("speaks_as", ""))
            for alias in [row["canonical"], *split_values(row["aliases"])]:
                by_alias.setdefault(alias.lower(), actor)
                aliases.append(alias)
        for row in read_rows("outlets", data_dir):
            actor = Actor(row["outlet"], "media", "media")
            for alias in [row["outlet"], *split_values(row.get("aliases", ""))]:
                by_alias.setdefault(alias.lower(), actor)
                aliases.append(alias)
        role_rows, affiliation_rows = read_rows("roles", data_dir), read_rows("affiliations", data_dir)
        return cls(
            by_alias=by_alias,
            matcher=PhraseMatcher(aliases),
            roles={row["term"].lower(): row["role_class"] for row in role_rows},
            role_pattern=term_pattern([row["term"] for row in role_rows], plurals=True),
            affiliations={row["term"].lower(): row["group"] for row in affiliation_rows},
            affiliation_pattern=term_pattern([row["term"] for row in affiliation_rows]),
        )

    def lookup(self, surface: str) -> Actor | None:
        """Return the actor whose alias is exactly ``surface`` (any case), if any."""
        return self.by_alias.get(" ".join(surface.split()).lower())

    def mentions(self, text: str, offset: int = 0) -> list[Mention]:
        """Return every actor mention in ``text``, offsets shifted by ``offset``."""
        found = []
        for start, end in self.matcher.find(text):
            surface = text[start:end]
            actor = self.lookup(surface) or self.lookup(surface.replace("’", "'"))
            if actor is not None:
                found.append(Mention(start + offset, end + offset, surface, actor))
        return found

    def role_classes(self, text: str) -> list[tuple[str, str]]:
        """Return (term, role class) of the role nouns in ``text``, in order."""
        result = []
        for match in self.role_pattern.finditer(text):
            term = match.group(0).lower()
            role = self.roles.get(term) or self.roles.get(term[:-1]) or self.roles.get(term[:-2])
            if role:
                result.append((match.group(0), role))
        return result

    def affiliation_groups(self, text: str) -> list[tuple[str, str]]:
        """Return (term, group) of the affiliation words in ``text``, in order."""
        return [(m.group(0), self.affiliations[m.group(0).lower()])
                for m in self.affiliation_pattern.finditer(text)
                if m.group(0).lower() in self.affiliations]
