"""Analyse a folder in partitions, on every core or on a Dask cluster: ``kit analyze FOLDER --workers N``.

This process (the driver) lists the folder and reads the files one partition at a time, deciding
as it goes which files duplicate ones already read; a Dask worker analyses each partition
(:func:`analyse_part`: per-article work only, so the same articles give the same rows anywhere)
and sends its tables back, and the driver appends them to the CSV files in partition order. The
files are byte for byte what a serial ``kit analyze`` writes. Until the end the driver keeps only
the problems, the claims ``compare_claims`` compares and three columns of each article; then the
corpus-wide step, the claims comparison, is written. Memory stays bounded by the partitions in
flight, whatever the folder's size.

Dask is an optional extra (``pip install -e ".[scale]"``); without it only the serial run works.
``--parquet`` needs pyarrow (the extra ``parquet``).
"""

from __future__ import annotations

import itertools
import uuid
import warnings
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import pandas as pd

from kit.corpus.loader import (PROBLEM_COLUMNS, Admission, FileRead, Folder, admit, load_part, open_folder,
                               read_file)
from kit.corpus.progress import quiet
from kit.corpus.reading import Problem
from kit.framing.claims import comparable_claims, compare_claims_of
from kit.framing.tables import PER_ARTICLE_TABLES, Tables, analyze
from kit.views.safe_csv import CsvAppender

PARTITION_SIZE = 100  # articles a worker analyses at once: seconds of work, a few MB of tables, little left at the end
IN_FLIGHT_PER_WORKER = 4  # partitions queued per worker: none idles behind a slow one, memory stays bounded
CONNECT_TIMEOUT = "20s"  # how long to try an existing cluster's scheduler
ARTICLE_KEYS = ["article_id", "event", "label"]  # what the claims comparison reads of each article
INSTALL_HINT = {"distributed": 'install the optional extra: .venv/bin/python -m pip install -e ".[scale]"',
                "pyarrow": 'install the optional extra: .venv/bin/python -m pip install -e ".[parquet]"'}


class ScaleUnavailable(RuntimeError):
    """Raised when a parallel run cannot start: a package (dask, pyarrow) is missing, or the cluster is unreachable."""


@dataclass
class PartResult:
    """What a worker sends back for one partition: every per-article table and the warnings it gave."""

    tables: dict[str, pd.DataFrame]
    notes: list[tuple[type, str]] = field(default_factory=list)


def analyse_part(folder: Folder, reads: list[FileRead], refusals: dict[str, Problem]) -> PartResult:
    """Return the per-article tables of one partition (``refusals``: files kept out, decided by the driver)."""
    with quiet(), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load_part(folder, reads, lambda read: refusals.get(read.name))
        tables = analyze(corpus)
        result = {name: tables[name] for name in PER_ARTICLE_TABLES + ("problems",)}
    notes = list(dict.fromkeys((w.category, str(w.message)) for w in caught))
    return PartResult(result, notes)


def _analyse_scattered(files: tuple[Folder, list[FileRead], dict[str, Problem]]) -> PartResult:
    """Return :func:`analyse_part` of one partition's (folder, files, refusals), sent to the worker apart."""
    return analyse_part(*files)


def partitions(names: list[str], size: int) -> Iterator[list[str]]:
    """Yield ``names`` in consecutive slices of ``size``."""
    for start in range(0, len(names), size):
        yield names[start:start + size]


class TableFiles:
    """The output files of a run: one formula-safe CSV per table, and a Parquet file beside it if asked."""

    def __init__(self, out: Path, parquet: bool):
        self.out, self.parquet = out, parquet
        self.csv: dict[str, CsvAppender] = {}
        self.parquet_writers: dict[str, object] = {}
        if parquet:
            _require("pyarrow", "--parquet")

    def add(self, name: str, table: pd.DataFrame) -> None:
        """Append ``table`` to the files of table ``name``."""
        if name not in self.csv:
            self.csv[name] = CsvAppender(self.out / f"{name}.csv")
        self.csv[name].add(table)
        if self.parquet:
            self._add_parquet(name, table)

    def _add_parquet(self, name: str, table: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        data = pa.Table.from_pandas(table, preserve_index=False)
        if name not in self.parquet_writers:  # a column still empty here holds text later
            schema = pa.schema([f.with_type(pa.string()) if pa.types.is_null(f.type) else f for f in data.schema])
            self.parquet_writers[name] = pq.ParquetWriter(self.out / f"{name}.parquet", schema)
        writer = self.parquet_writers[name]
        writer.write_table(data.cast(writer.schema))

    def rows(self, name: str) -> int:
        return self.csv[name].rows

    def close(self) -> None:
        """Finish every file."""
        for csv in self.csv.values():
            csv.close()
        for writer in self.parquet_writers.values():
            writer.close()

    def abort(self) -> None:
        """Drop every unfinished CSV file."""
        for csv in self.csv.values():
            csv.abort()
        for writer in self.parquet_writers.values():
            writer.close()


def _require(module: str, option: str) -> None:
    """Raise :class:`ScaleUnavailable` unless ``module`` can be imported."""
    import importlib.util

    if importlib.util.find_spec(module) is None:
        raise ScaleUnavailable(f"{option} needs {module}, which is not installed: {INSTALL_HINT[module]}")


def dask_client(workers: int | None = None, scheduler: str | None = None):
    """Return a Dask client: of an existing cluster at ``scheduler``, else of ``workers`` local processes."""
    _require("distributed", "--scheduler" if scheduler else "--workers")
    import logging

    from dask.distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as error:
            raise ScaleUnavailable(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
    cluster = LocalCluster(n_workers=workers or 1, threads_per_worker=1, processes=True, dashboard_address=None,
                           silence_logs=logging.ERROR)
    return Client(cluster)


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Return ``frames`` as one table (empty ones left out, so they change no column's type)."""
    kept = [f for f in frames if not f.empty] or frames[:1]
    return pd.concat(kept, ignore_index=True) if len(kept) > 1 else kept[0].reset_index(drop=True)


def analyze_folder(path: str | Path | None, out: str | Path, *, workers: int | None = None,
                   scheduler: str | None = None, parquet: bool = False, partition_size: int = PARTITION_SIZE,
                   topic: str | Path | bool | None = None, client=None,
                   on_progress: Callable[[int, int], None] | None = None) -> dict[str, int]:
    """Write every table of folder ``path`` into ``out`` with Dask workers; return the rows written by table.

    ``workers`` local processes, or the cluster at ``scheduler`` (its workers need the kit, not
    the folder: the driver sends each partition's files), or an open Dask ``client``.
    ``on_progress(done, total)`` is called with the number of files done after each partition.
    """
    folder = open_folder(path, topic)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    files = TableFiles(out, parquet)
    own_client = client is None
    client = dask_client(workers, scheduler) if own_client else client
    try:
        rows = _run(client, folder, files, partition_size, on_progress)
        files.close()
        return rows
    except BaseException:
        files.abort()
        raise
    finally:
        if own_client:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None:
                cluster.close()


def _run(client, folder: Folder, files: TableFiles, partition_size: int,
         on_progress: Callable[[int, int], None] | None) -> dict[str, int]:
    """Analyse ``folder`` partition by partition on ``client``'s workers, writing into ``files``."""
    admission, run = Admission(), uuid.uuid4().hex[:8]
    numbered = enumerate(partitions(folder.names, partition_size))

    def submit(number: int, names: list[str]):
        reads = [read_file(folder, name) for name in names]
        refusals = {read.name: problem for read in reads if (problem := admit(folder, read, admission)) is not None}
        # The files go to a worker as data of their own, not inside the task: a scheduler keeps what a task
        # was given long after it ran, which would grow with the folder.
        [sent] = client.scatter([(folder.part(names), reads, refusals)], hash=False)
        return client.submit(_analyse_scattered, sent, key=f"kit-part-{run}-{number}", pure=False), sent, len(names)

    problems = [pd.DataFrame([p.as_row() for p in folder.problems], columns=PROBLEM_COLUMNS)]
    claims, article_keys, notes = [], [], {}

    def take(part: PartResult) -> None:
        """Append a partition's tables to the files; keep what the corpus-wide steps need."""
        for name in PER_ARTICLE_TABLES:
            files.add(name, part.tables[name])
        problems.append(part.tables["problems"])
        claims.append(comparable_claims(part.tables["claims"]).copy())  # copies: nothing else of the part is kept
        article_keys.append(part.tables["articles"][ARTICLE_KEYS].copy())
        notes.update(dict.fromkeys(part.notes))

    in_flight = max(1, IN_FLIGHT_PER_WORKER * len(client.scheduler_info().get("workers", {})))
    queue = deque(submit(number, names) for number, names in itertools.islice(numbered, in_flight))
    done = 0
    while queue:
        future, sent, size = queue.popleft()
        part = future.result()
        future.release()
        sent.release()
        following = next(numbered, None)
        if following is not None:
            queue.append(submit(*following))
        take(part)
        done += size
        if on_progress:
            on_progress(done, len(folder.names))
    if not folder.names:  # an empty folder: the tables, with their columns and no rows
        take(analyse_part(folder.part([]), [], {}))
    files.add("problems", _concat(problems))
    files.add("claims_comparison", compare_claims_of(_concat(article_keys), _concat(claims)))
    for category, message in notes:
        warnings.warn(message, category, stacklevel=2)
    return {name: files.rows(name) for name in Tables.names()}
