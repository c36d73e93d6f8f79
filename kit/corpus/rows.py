"""Building tables row by row, and reading them back article by article."""

from __future__ import annotations

from collections import defaultdict, namedtuple

import pandas as pd


class Rows:
    """The rows of a table being built, kept as tuples in column order.

    A dict per row costs several times the memory of a tuple; with hundreds of
    thousands of rows that decides whether a large corpus fits in memory.
    """

    def __init__(self, columns: list[str]):
        self.columns = list(columns)
        self.data: list[tuple] = []

    def add(self, row: dict[str, object]) -> None:
        self.data.append(tuple(row.get(column) for column in self.columns))

    def __len__(self) -> int:
        return len(self.data)

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame.from_records(self.data, columns=self.columns)


def by_article(frame: pd.DataFrame) -> dict[str, list]:
    """Return the rows of ``frame`` (as named tuples) grouped by ``article_id``, in one pass.

    Analyses loop over articles; selecting each article's rows with a boolean mask would
    read the whole table once per article, which grows with the square of the corpus.
    """
    groups: dict[str, list] = defaultdict(list)
    # Columns as Python lists first: iterating pandas string arrays goes element by element.
    make_row = namedtuple("Row", frame.columns, rename=True)._make
    for row in map(make_row, zip(*(frame[column].tolist() for column in frame.columns))):
        groups[row.article_id].append(row)
    return groups


def in_corpus_order(frame: pd.DataFrame, article_ids) -> pd.DataFrame:
    """Return the rows of ``frame`` by article, in the corpus's order of ``article_ids``, then by ``start``.

    The corpus's order (the files', not the ids' alphabetical one) is the order of every table, so
    a table made in partitions of the corpus is the same table.
    """
    order = {article_id: number for number, article_id in enumerate(article_ids)}
    keyed = frame.assign(_article_order=frame["article_id"].map(order))
    return keyed.sort_values(["_article_order", "start"]).drop(columns="_article_order").reset_index(drop=True)
