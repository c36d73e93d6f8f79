"""What the kit knows about speakers before it reads an article: news outlets and role nouns
(general, ``kit/data``) and, when the corpus has a topic pack, the story's actors and the words
that tie an unnamed source to a side.

A topic alias matches whole words; an all-capital alias of up to four letters (US, FSB, RVC)
matches only in capitals, so "US" never matches "us"; the longest alias wins.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from kit.text.terms import PhraseMatcher, fold, term_pattern
from kit.text.wordlists import read_rows, split_values

# The neutral kind of a topic pack's actor type, for speaker_type.
NEUTRAL_TYPES = {"person": "person", "armed_group": "organisation", "organisation": "organisation",
                 "government": "government", "place_metonym": "government", "media": "media"}


@dataclass(frozen=True)
class Actor:
    """One actor of a topic pack (or a news outlet from ``outlets.csv``)."""

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
    """Actors by alias (topic pack and outlets), role nouns by class, affiliation words by group."""

    by_alias: dict[str, Actor]
    matcher: PhraseMatcher
    roles: dict[str, str]
    role_pattern: re.Pattern[str]
    affiliations: dict[str, str]
    affiliation_pattern: re.Pattern[str]
    groups: tuple[str, ...]  # the topic pack's speaker groups; empty without one
    group_of_role: dict[str, str]  # role class -> the group an unnamed source of that role belongs to
    # (name, n, cutoff) -> its close aliases: names recur from article to article, the answer does not change
    _close: dict[tuple[str, int, float], list[str]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def load(cls, topic=None, data_dir: Path | None = None) -> "ActorTable":
        """Return the table for a corpus: general outlets and roles, plus the ``topic`` pack's actors if any."""
        groups = tuple(topic.group_ids) if topic is not None else ()
        by_alias: dict[str, Actor] = {}
        aliases: list[str] = []  # as written: the matcher keeps short acronyms case-sensitive
        for row in (topic.actors if topic is not None else ()):
            actor = Actor(row["canonical"], row["group"], row["type"], row.get("speaks_as", ""))
            for alias in [row["canonical"], *split_values(row["aliases"])]:
                by_alias.setdefault(fold(alias), actor)
                aliases.append(alias)
        media = "media" if "media" in groups else ""
        for row in read_rows("outlets", data_dir):
            actor = Actor(row["outlet"], media, "media")
            for alias in [row["outlet"], *split_values(row.get("aliases", ""))]:
                by_alias.setdefault(fold(alias), actor)
                aliases.append(alias)
        role_rows = read_rows("roles", data_dir)
        affiliation_rows = list(topic.affiliations) if topic is not None else []
        group_of_role = {role: row["group"] for row in (topic.groups if topic is not None else ())
                         for role in split_values(row.get("roles", ""))}
        return cls(
            by_alias=by_alias,
            matcher=PhraseMatcher(aliases),
            roles={row["term"].lower(): row["role_class"] for row in role_rows},
            role_pattern=term_pattern([row["term"] for row in role_rows], plurals=True),
            affiliations={row["term"].lower(): row["group"] for row in affiliation_rows},
            affiliation_pattern=term_pattern([row["term"] for row in affiliation_rows]),
            groups=groups,
            group_of_role=group_of_role,
        )

    def lookup(self, surface: str) -> Actor | None:
        """Return the actor whose alias is exactly ``surface`` (any case), if any."""
        return self.by_alias.get(fold(" ".join(surface.split())))

    def close_aliases(self, name: str, n: int, cutoff: float) -> list[str]:
        """Return what ``difflib.get_close_matches(name, self.by_alias, n, cutoff)`` returns, faster.

        Aliases whose length alone puts them below ``cutoff`` (difflib's ``real_quick_ratio``) are
        not compared, which leaves the answer as it was; each name is compared once per table.
        """
        key = (name, n, cutoff)
        if key not in self._close:
            size = len(name)
            within = [alias for alias in self.by_alias
                      if 2.0 * min(size, len(alias)) / (size + len(alias)) >= cutoff]
            self._close[key] = difflib.get_close_matches(name, within, n=n, cutoff=cutoff)
        return self._close[key]

    def mentions(self, text: str, offset: int = 0) -> list[Mention]:
        """Return every actor mention in ``text``, offsets shifted by ``offset``."""
        found = []
        for start, end in self.matcher.find(text):
            actor = self.lookup(text[start:end])
            if actor is not None:
                found.append(Mention(start + offset, end + offset, text[start:end], actor))
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
        """Return (term, group) of the topic pack's affiliation words in ``text``, in order."""
        return [(m.group(0), self.affiliations[m.group(0).lower()])
                for m in self.affiliation_pattern.finditer(text)
                if m.group(0).lower() in self.affiliations]
