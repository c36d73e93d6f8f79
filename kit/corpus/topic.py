"""A topic pack: what one story's corpus knows about its actors, beyond general English news.

The kit finds speakers, numbers, hedges and provenance in the text itself, using only general
knowledge (``kit/data``). A topic pack is optional and only *enriches* rows: it gives a speaker
its canonical name across articles ("Nikitin", "White Rex" → Denis Kapustin), the side it
belongs to (``speaker_group``), the groups' affiliations and the story's own labels. It lives
with its corpus, in a ``topic/`` folder beside the articles:

- ``groups.csv``: group, roles, description, source — the ``speaker_group`` values of this story,
  and the role classes whose unnamed sources belong to a group ("expert" → analyst_expert);
- ``actors.csv``: canonical, aliases, group, type, speaks_as, description, source;
- ``affiliations.csv``: term, group, source — words that tie an unnamed source to a group;
- ``labels.csv``: term, category, connotation, source — the story's own labels and spellings;
- ``sides.csv``: term, side, source — the words that say whose people a number counts
  ("fighters" → raiders): the sides the story's claims are compared by.

Every row is checked when the corpus is loaded; a row that breaks a rule is left out and listed
in ``corpus.problems`` with its file, line and the values allowed.
"""

from __future__ import annotations

import csv
import io
import os
import warnings
from dataclasses import dataclass
from pathlib import Path

from kit.corpus.reading import TOPIC_FOLDER, Problem, read_small_text

__all__ = ["TOPIC_FOLDER", "TopicPackMissing", "TopicPack", "note_without_pack", "read_topic"]
# What a table lacks when its corpus has no topic pack, and which file of a pack would give it.
WITHOUT_PACK = {
    "naming": "`actor` is the fullest name each article gives; the same person is not joined across articles "
              "(a topic pack's actors.csv gives canonical names and aliases)",
    "labels": "only the general labels of kit/data/labels.csv are looked for (a topic pack's labels.csv adds "
              "the story's own labels and spellings; the `list` column says which list a term came from)",
    "claims": "`side` is known only for civilians (a topic pack's sides.csv says whose people a number counts, "
              "such as one army's soldiers)",
}
ACTOR_TYPES = ("person", "armed_group", "organisation", "government", "place_metonym", "media")
CONNOTATIONS = ("negative", "neutral", "positive", "loaded")  # a spelling row names its variety instead
REQUIRED_COLUMNS = {
    "groups.csv": ("group", "roles", "source"),
    "actors.csv": ("canonical", "aliases", "group", "type", "source"),
    "affiliations.csv": ("term", "group", "source"),
    "labels.csv": ("term", "category", "connotation", "source"),
    "sides.csv": ("term", "side", "source"),
}


@dataclass(frozen=True)
class TopicPack:
    """The rows of one story's topic pack, checked."""

    folder: Path
    groups: tuple[dict[str, str], ...]
    actors: tuple[dict[str, str], ...]
    affiliations: tuple[dict[str, str], ...]
    labels: tuple[dict[str, str], ...]
    sides: tuple[dict[str, str], ...] = ()

    @property
    def group_ids(self) -> tuple[str, ...]:
        """Return the story's speaker groups, in the order the pack lists them."""
        return tuple(row["group"] for row in self.groups)

    def __repr__(self) -> str:
        return (f"<TopicPack {self.folder}: {len(self.groups)} groups, {len(self.actors)} actors, "
                f"{len(self.affiliations)} affiliations, {len(self.labels)} labels, {len(self.sides)} sides>")


def _read(path: Path, root: Path, problems: list[Problem], label: str) -> list[tuple[int, dict[str, str]]]:
    """Return (line number, row) of a topic CSV; a missing column or unreadable file is a problem.

    Only a regular file inside ``root`` is read (``kit.corpus.reading.read_small_text``).
    """
    if not os.path.lexists(path):
        return []
    text, problem = read_small_text(path, root, label)
    if problem is not None:
        problem.detail += "; this file of the topic pack is not used"
        problems.append(problem)
        return []
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        columns = [c.strip() for c in reader.fieldnames or []]
        rows = [(number, {(k or "").strip(): (v or "").strip() for k, v in row.items() if k})
                for number, row in enumerate(reader, start=2)]
    except csv.Error as error:
        problems.append(Problem(label, "topic_pack_unreadable", f"{error}; this file of the topic pack is not used",
                                "error"))
        return []
    missing = [c for c in REQUIRED_COLUMNS[path.name] if c not in columns]
    if missing:
        problems.append(Problem(label, "topic_pack_columns",
                                f"missing column(s) {', '.join(missing)}; this file of the topic pack is not used "
                                f"(needed: {', '.join(REQUIRED_COLUMNS[path.name])})", "error"))
        return []
    return rows


def _keep(rows: list[tuple[int, dict[str, str]]], label: str, problems: list[Problem],
          checks: list[tuple[str, tuple[str, ...]]]) -> tuple[dict[str, str], ...]:
    """Return the rows whose ``checks`` (column, allowed values) pass and that have a source."""
    kept = []
    for number, row in rows:
        broken = [f"{column} '{row.get(column, '')}' is not one of: {', '.join(allowed)}"
                  for column, allowed in checks if row.get(column, "") not in allowed
                  and not (column == "connotation" and row.get("category") == "spelling")]
        if not row.get("source"):
            broken.append("the source is empty (say where the fact can be checked)")
        if broken:
            problems.append(Problem(label, "topic_pack_row_skipped", f"line {number}: " + "; ".join(broken), "warning"))
        else:
            kept.append(row)
    return tuple(kept)


class TopicPackMissing(UserWarning):
    """A note that a table was made without a topic pack, and what a pack would add."""


def note_without_pack(corpus, table: str, frame=None) -> str:
    """Return (and warn, once per calling line) what ``table`` lacks because ``corpus`` has no topic pack;
    '' when it has one. The note is also kept in ``frame.attrs['topic_note']``."""
    if getattr(corpus, "topic", None) is not None or table not in WITHOUT_PACK:
        return ""
    folder = getattr(getattr(corpus, "folder", None), "name", "this folder")
    note = (f"{folder}/ has no topic pack (a topic/ folder beside the articles, as in seeds/topic/): "
            f"{WITHOUT_PACK[table]}. Use kit.load_corpus(folder, topic='path/to/topic') to read one.")
    if frame is not None:
        frame.attrs["topic_note"] = note
    warnings.warn(note, TopicPackMissing, stacklevel=3)
    return note


def read_topic(folder: Path, root: Path | None = None) -> tuple[TopicPack | None, list[Problem]]:
    """Return the topic pack in ``folder`` (None if there is none) and the problems met.

    Its files are read only if they are regular files inside ``root`` (default: ``folder``);
    a corpus's own ``topic/`` passes the corpus folder, so a link out of it is not followed.
    """
    if not folder.is_dir():
        return None, []
    root = folder if root is None else root
    problems: list[Problem] = []
    label = f"{folder.name}/"
    groups = _keep(_read(folder / "groups.csv", root, problems, label + "groups.csv"), label + "groups.csv",
                   problems, [])
    ids = tuple(row["group"] for row in groups)
    allowed_groups = ids + ("other", "anonymous")
    pack = TopicPack(
        folder=folder,
        groups=groups,
        actors=_keep(_read(folder / "actors.csv", root, problems, label + "actors.csv"), label + "actors.csv", problems,
                     [("group", allowed_groups), ("type", ACTOR_TYPES)]),
        affiliations=_keep(_read(folder / "affiliations.csv", root, problems, label + "affiliations.csv"),
                           label + "affiliations.csv", problems, [("group", allowed_groups)]),
        labels=_keep(_read(folder / "labels.csv", root, problems, label + "labels.csv"), label + "labels.csv", problems,
                     [("connotation", CONNOTATIONS)]),
        sides=_keep(_read(folder / "sides.csv", root, problems, label + "sides.csv"), label + "sides.csv", problems, []),
    )
    return pack, problems
