"""Load a folder of plain-text articles into tidy DataFrames.

``load_corpus`` runs the pipeline read -> segment -> paragraphs -> sentences ->
metadata and returns a :class:`Corpus`. Offsets in every table index the raw
text as read (``newline=''``), so ``corpus.texts[article_id][start:end]`` is the span.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Callable, Iterable, Mapping, TypeVar

import pandas as pd

from kit.corpus.folder import corpus_folder
from kit.corpus.manifest import METADATA_FIELDS, parse_iso_date, read_manifest
from kit.corpus.metadata import OutletTable, infer_metadata, load_outlets
from kit.corpus.paragraphs import paragraph_sentences, paragraph_spans
from kit.corpus.progress import progress
from kit.corpus.reading import MANIFEST_NAME, Decoded, Problem, read_text, list_folder
from kit.corpus.rows import Rows
from kit.corpus.segment import SegmentRules, segment
from kit.corpus.topic import TOPIC_FOLDER, TopicPack, read_topic
from kit.text.sentences import count_words

SEEDS_DIR = Path(__file__).resolve().parents[2] / "seeds"

ARTICLE_COLUMNS = [
    "article_id", "file", "label", "title", "outlet", "outlet_evidence", "wire_agency", "byline",
    "published", "published_evidence", "url", "event", "n_words", "sha256", "encoding",
    "title_evidence", "byline_evidence", "wire_agency_evidence", "url_evidence", "event_evidence",
    "metadata_from",
]
BLOCK_COLUMNS = ["article_id", "block_id", "kind", "text", "start", "end", "line", "rule"]
PARAGRAPH_COLUMNS = ["article_id", "paragraph_id", "text", "start", "end", "joined"]
SENTENCE_COLUMNS = ["article_id", "paragraph_id", "sentence_id", "text", "start", "end"]
PROBLEM_COLUMNS = ["file", "problem", "detail", "severity"]
# Problems of these severities make `strict=True` raise and `kit check` exit 1;
# 'info' rows only record files that are not articles (a README, a subfolder).
FAILING_SEVERITIES = ("error", "warning")
T = TypeVar("T")


class CorpusProblemsError(ValueError):
    """Raised by ``load_corpus(strict=True)``; lists every problem found."""

    def __init__(self, folder: Path, problems: pd.DataFrame):
        self.problems = problems
        lines = [f"{row.file}: {row.problem} ({row.severity}): {row.detail}"
                 for row in problems.itertuples()]
        super().__init__(f"{len(lines)} problem(s) in {folder}:\n  " + "\n  ".join(lines))


TABLE_NAMES = ("articles", "blocks", "paragraphs", "sentences", "problems")


def _table(name: str, rows: str) -> property:
    """Return the property that gives a copy of a corpus's table ``name`` (``rows`` says what its rows are)."""
    return property(lambda corpus: corpus._frames[name].copy(deep=False), doc=f"Return {rows}.")


class Corpus:
    """The articles of one folder as tidy tables, plus the raw texts they point into.

    A corpus never changes. Each table read from it (``corpus.articles`` ...) is a copy of its
    own (cheap: pandas copies on write), so editing that table leaves the corpus as it was, and
    whatever was computed from the corpus (``derived``, ``kit.analyze``) can never go stale.
    """

    def __init__(self, folder: Path, articles: pd.DataFrame, blocks: pd.DataFrame, paragraphs: pd.DataFrame,
                 sentences: pd.DataFrame, problems: pd.DataFrame, texts: Mapping[str, str],
                 topic: TopicPack | None = None):
        frames = dict(zip(TABLE_NAMES, (articles, blocks, paragraphs, sentences, problems)))
        object.__setattr__(self, "folder", Path(folder))
        object.__setattr__(self, "_frames", {name: frame.copy(deep=False) for name, frame in frames.items()})
        object.__setattr__(self, "_texts", MappingProxyType(dict(texts)))
        object.__setattr__(self, "topic", topic)  # the story's topic pack, if the folder has one
        object.__setattr__(self, "_derived", {})

    def __reduce__(self):
        """Pickle the tables and texts (what was derived from them is computed again where needed)."""
        return Corpus, (self.folder, *(self._frames[name] for name in TABLE_NAMES), dict(self._texts), self.topic)

    def __setattr__(self, name: str, value) -> None:
        raise AttributeError(f"a Corpus cannot be changed (tried to set {name!r}): load or subset another one")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a Corpus cannot be changed (tried to delete {name!r})")

    articles = _table("articles", "one row per article: metadata, each field with its evidence")
    blocks = _table("blocks", "one row per block (headline, byline, body, promo ...) of each article")
    paragraphs = _table("paragraphs", "one row per body paragraph")
    sentences = _table("sentences", "one row per body sentence")
    problems = _table("problems", "one row per problem met reading the folder (empty when all is well)")

    @property
    def texts(self) -> Mapping[str, str]:
        """Return the raw text of each article by article_id (read-only)."""
        return self._texts

    def derived(self, key: str, compute: Callable[["Corpus"], T]) -> T:
        """Return ``compute(self)``, computed the first time ``key`` is asked for and kept after.

        The analyses keep their tables here, so each is computed once per corpus; a DataFrame
        comes back as a copy of its own, so editing it changes nothing kept.
        """
        if key not in self._derived:
            self._derived[key] = compute(self)
        value = self._derived[key]
        return value.copy(deep=False) if isinstance(value, pd.DataFrame) else value

    def __repr__(self) -> str:
        failing = self._frames["problems"]["severity"].isin(FAILING_SEVERITIES).sum()
        return (f"<Corpus {self.folder.name}/: {len(self._frames['articles'])} articles, "
                f"{len(self._frames['sentences'])} sentences, {failing} problems>")

    def span(self, article_id: str, start: int, end: int) -> str:
        """Return the raw text of ``article_id`` between two offsets."""
        return self.texts[article_id][start:end]

    def with_labels(self, table: pd.DataFrame) -> pd.DataFrame:
        """Return ``table`` with a ``label`` column: the outlet label of each row's article."""
        return table.assign(label=table["article_id"].map(self.articles.set_index("article_id")["label"]))

    def subset(self, article_ids) -> "Corpus":
        """Return a corpus of only these articles (problems kept whole)."""
        ids = set(article_ids)

        def keep(frame: pd.DataFrame) -> pd.DataFrame:
            return frame[frame["article_id"].isin(ids)].reset_index(drop=True)

        return Corpus(self.folder, keep(self.articles), keep(self.blocks), keep(self.paragraphs),
                      keep(self.sentences), self.problems, {k: v for k, v in self.texts.items() if k in ids},
                      self.topic)

    def body_text(self, article_id: str) -> str:
        """Return the article's body paragraphs joined by blank lines (for reading, not offsets)."""
        rows = self.paragraphs[self.paragraphs["article_id"] == article_id]
        return "\n\n".join(rows["text"])


@dataclass(frozen=True)
class _Rules:
    segment: SegmentRules
    outlets: OutletTable

    @classmethod
    def load(cls) -> "_Rules":
        return cls(SegmentRules.load(), load_outlets())


def _frame(rows: list[dict[str, object]], columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns)
    return frame.reset_index(drop=True)


def _input_files(folder: Path, manifest: dict[str, dict[str, str]]) -> tuple[list[str], list[Problem]]:
    """Return the files to read (folder .txt files, then manifest-only entries) and problems."""
    names, problems = list_folder(folder)
    listed = set(names)
    for name in manifest:
        if name in listed:
            continue
        if os.path.lexists(folder / name):  # read (or refused) by the same rules as the folder's own files
            names.append(name)
            problems = [p for p in problems if p.file != name]
        else:
            problems.append(Problem(name, "missing_file",
                                    f"{MANIFEST_NAME} lists this file but it is not in the folder",
                                    "error"))
    return names, problems


def _article_metadata(name: str, raw: str, blocks: list[dict[str, object]],
                      manifest_row: dict[str, str] | None, rules: _Rules,
                      problems: list[Problem]) -> dict[str, str]:
    """Return metadata: the manifest's columns where it has them, inferred ones elsewhere."""
    inferred = infer_metadata(raw, blocks, rules.outlets, rules.segment.provenance)
    result = dict(inferred)
    taken = []
    for key in METADATA_FIELDS:
        if manifest_row is None or key not in manifest_row:
            continue
        value = manifest_row[key]
        if key == "published" and value and parse_iso_date(value) is None:
            problems.append(Problem(name, "bad_date",
                                    f"manifest published '{value}' is not a YYYY-MM-DD date; "
                                    "the date is inferred from the text instead"))
            continue
        result[key] = value
        result[f"{key}_evidence"] = "manifest: " + (manifest_row.get(f"{key}_evidence")
                                                    or "curated value, no evidence given")
        taken.append(key)
    result["label"] = (manifest_row or {}).get("label") or result["outlet"] or (
        f"{result['wire_agency']} copy" if result["wire_agency"] else "")
    result["metadata_from"] = ("manifest: " + ", ".join(taken)) if taken else "text only"
    return result


def _topic_pack(folder: Path, topic: str | Path | bool | None) -> tuple[TopicPack | None, list[Problem]]:
    """Return the topic pack to use: ``folder``/topic/ by default, another folder, or none (False)."""
    if topic is False:
        return None, []
    if topic is None or topic is True:
        return read_topic(folder / TOPIC_FOLDER, root=folder)
    pack_folder = Path(topic)
    if not pack_folder.is_dir():
        raise FileNotFoundError(f"topic pack folder not found: {pack_folder}")
    return read_topic(pack_folder)


@dataclass(frozen=True)
class Folder:
    """What is read of a folder before its articles: its topic pack, manifest, files and their problems."""

    path: Path
    topic: TopicPack | None
    manifest: dict[str, dict[str, str]]  # file name -> its manifest row
    has_manifest: bool  # a manifest with no row for a file says so ("not_in_manifest")
    names: list[str]  # the files to read, in order
    problems: list[Problem]  # the folder's own: topic pack, manifest, files that are no articles

    def part(self, names: list[str]) -> "Folder":
        """Return the same folder reduced to ``names`` (their manifest rows, none of the folder's problems)."""
        return Folder(self.path, self.topic, {n: self.manifest[n] for n in names if n in self.manifest},
                      self.has_manifest, list(names), [])


@dataclass
class FileRead:
    """One file as read: its bytes (None when it may not or cannot be read) and their decoding."""

    name: str
    data: bytes | None
    decoded: Decoded

    @property
    def readable(self) -> bool:
        return self.data is not None and self.decoded.text is not None


class Admission:
    """Which readable files are loaded: the first of identical files, the first of files sharing an article_id."""

    def __init__(self) -> None:
        self.hashes: dict[str, str] = {}
        self.article_ids: set[str] = set()

    def refuse(self, name: str, digest: str, article_id: str) -> Problem | None:
        """Return the problem that keeps file ``name`` out, or None (and remember it) when it is loaded."""
        if digest in self.hashes:
            return Problem(name, "duplicate_file", f"same bytes as {self.hashes[digest]}; not loaded twice", "error")
        self.hashes[digest] = name
        if article_id in self.article_ids:
            return Problem(name, "duplicate_article_id", f"article_id '{article_id}' is already used; not loaded",
                           "error")
        self.article_ids.add(article_id)
        return None


def open_folder(path: str | Path | None = None, topic: str | Path | bool | None = None) -> Folder:
    """Return what :func:`load_corpus` reads of ``path`` before its articles (see there for ``topic``)."""
    folder = corpus_folder(path) if path is not None else SEEDS_DIR
    pack, problems = _topic_pack(folder, topic)
    manifest, _, manifest_problems = read_manifest(folder)
    problems += manifest_problems
    names, more_problems = _input_files(folder, manifest)
    problems += more_problems
    if not names:
        problems.append(Problem(".", "no_txt_files",
                                f"no .txt file in '{folder.resolve()}': save each article as a .txt file "
                                "directly in this folder", "warning"))
    return Folder(folder, pack, manifest, bool(manifest), names, problems)


def read_file(folder: Folder, name: str) -> FileRead:
    """Return file ``name`` of ``folder`` as read (by the same rules as every article)."""
    return FileRead(name, *read_text(folder.path / name, name, folder.path))


def article_id_of(folder: Folder, name: str) -> str:
    """Return the article_id of file ``name``: the manifest's, else the file name without its suffix."""
    return (folder.manifest.get(name) or {}).get("article_id") or Path(name).stem


def admit(folder: Folder, read: FileRead, admission: Admission) -> Problem | None:
    """Return the problem that keeps ``read`` out of the corpus, if any (unreadable files are never admitted)."""
    if not read.readable:
        return None
    return admission.refuse(read.name, hashlib.sha256(read.data).hexdigest(), article_id_of(folder, read.name))


def load_corpus(path: str | Path | None = None, *, strict: bool = False,
                topic: str | Path | bool | None = None) -> Corpus:
    """Return the corpus of the ``.txt`` articles in ``path`` (the bundled seeds when None).

    Every input file ends up in ``articles`` or ``problems`` (often both, with a
    warning). With ``strict=True`` any error or warning raises
    :class:`CorpusProblemsError` listing them all. A missing folder raises
    ``FileNotFoundError``. Files are only read, never written.

    ``topic`` is the folder of a topic pack (see ``kit.corpus.topic``): by default the folder's
    own ``topic/`` if it has one; ``False`` reads the articles with general knowledge only.
    """
    folder = open_folder(path, topic)
    admission = Admission()
    reads = (read_file(folder, name) for name in progress(folder.names, len(folder.names), "reading articles"))
    corpus = load_part(folder, reads, lambda read: admit(folder, read, admission), folder.problems)
    failing = corpus.problems[corpus.problems["severity"].isin(FAILING_SEVERITIES)]
    if strict and not failing.empty:
        raise CorpusProblemsError(folder.path, failing)
    return corpus


def load_part(folder: Folder, reads: Iterable[FileRead], refusal: Callable[[FileRead], Problem | None],
              problems: Iterable[Problem] = ()) -> Corpus:
    """Return the corpus of the files ``reads`` of ``folder``; ``refusal`` says which readable ones stay out.

    :func:`load_corpus` reads a whole folder with it; a worker reads one partition of a folder,
    its refusals (duplicates of files in other partitions) decided before.
    """
    rules = _Rules.load()
    problems = list(problems)
    articles = []
    blocks, paragraphs, sentences = Rows(BLOCK_COLUMNS), Rows(PARAGRAPH_COLUMNS), Rows(SENTENCE_COLUMNS)
    texts: dict[str, str] = {}
    for read in reads:
        name, data, decoded = read.name, read.data, read.decoded
        problems += decoded.problems
        if data is None or decoded.text is None:
            continue
        refused = refusal(read)
        if refused is not None:
            problems.append(refused)
            continue
        digest = hashlib.sha256(data).hexdigest()
        row = folder.manifest.get(name)
        article_id = article_id_of(folder, name)
        raw = decoded.text
        texts[article_id] = raw
        if folder.has_manifest and row is None:
            problems.append(Problem(name, "not_in_manifest",
                                    f"not listed in {MANIFEST_NAME}: metadata inferred from the text"))
        if row and row.get("sha256") and row["sha256"].lower() != digest:
            problems.append(Problem(name, "sha256_mismatch",
                                    "the file's bytes differ from the manifest's sha256: "
                                    "it changed since it was curated"))

        article_blocks = segment(raw, rules.segment)
        for block in article_blocks:
            blocks.add({"article_id": article_id, **block, "block_id": int(block["block_id"]) + 1})
        n_words = sentence_id = 0
        spans = paragraph_spans(raw, article_blocks)
        if not spans:
            problems.append(Problem(name, "no_body_text",
                                    "no paragraph of prose was found; analyses will find nothing here"))
        for paragraph_id, (start, end, joined) in enumerate(spans, start=1):
            paragraphs.add({"article_id": article_id, "paragraph_id": paragraph_id,
                               "text": raw[start:end], "start": start, "end": end, "joined": joined})
            n_words += count_words(raw[start:end])
            for s_start, s_end in paragraph_sentences(raw, start, end, rules.segment.text):
                sentence_id += 1
                sentences.add({"article_id": article_id, "paragraph_id": paragraph_id,
                                  "sentence_id": sentence_id, "text": raw[s_start:s_end],
                                  "start": s_start, "end": s_end})
        metadata = _article_metadata(name, raw, article_blocks, row, rules, problems)
        articles.append({**metadata, "article_id": article_id, "file": name, "n_words": n_words,
                         "sha256": digest, "encoding": decoded.encoding})
        if not metadata["label"]:
            articles[-1]["label"] = article_id

    return Corpus(
        folder=folder.path,
        articles=_frame(articles, ARTICLE_COLUMNS),
        blocks=blocks.frame(),
        paragraphs=paragraphs.frame(),
        sentences=sentences.frame(),
        problems=_frame([p.as_row() for p in problems], PROBLEM_COLUMNS),
        texts=texts,
        topic=folder.topic,
    )
