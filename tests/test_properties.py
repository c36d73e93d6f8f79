"""Properties that hold for any input: no exception, exact offsets, nothing lost.

Hypothesis builds texts from news fragments (quotation marks, cues, numbers, post
signatures, page furniture) mixed with arbitrary Unicode, and files of arbitrary bytes.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kit

FRAGMENTS = [
    "Kapustin said", " he said. ", "“", "”", "\"", "'", "‘", "’", " according to officials, ", "Russia claimed ",
    "more than 70 fighters were killed", " two were wounded", "no one was killed", ": ", ", ", ". ", "\n", "\n\n",
    "— Ukrainian Front (@front_ukrainian) May 24, 2023", "By Anna Smith for AFP", "Leave a comment", "see more",
    "The militants", " so-called “volunteers” ", "Kiev", "Kyiv", "could not independently verify", "told Reuters",
    "Mr ", "U.S. ", "Experts said ", "The commander", " the ministry's claims of ", "a dozen", "…", "—", "(", ")",
    "date 2024-03-21 KYIV - ", "White Rex", "Freedom of Russia Legion", "\r\n", "\t", "\u00a0", "🇺🇦", "Дмитрий",
]
NEWSY = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=40).map("".join)
SETTINGS = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])


def analyse(files: dict[str, bytes]) -> tuple[kit.Corpus, dict[str, pd.DataFrame]]:
    with tempfile.TemporaryDirectory() as folder:
        for name, data in files.items():
            (Path(folder) / name).write_bytes(data)
        corpus = kit.load_corpus(folder)
    return corpus, dict(kit.analyze(corpus).items())  # every table, by CSV name


# (table, start column, end column, text column the slice must equal)
SPANS = [("attributions", "content_start", "content_end", "content"),
         ("attributions", "speaker_start", "speaker_end", "speaker_surface"),
         ("attributions", "cue_start", "cue_end", "cue"),
         ("naming", "start", "end", "surface"), ("labels", "start", "end", "surface"),
         ("claims", "start", "end", "quantity"), ("sentiment", "start", "end", "text")]


@SETTINGS
@given(NEWSY)
def test_does_any_text_give_tables_whose_offsets_slice_exactly_to_their_spans(text):
    corpus, tables = analyse({"a.txt": text.encode("utf-8")})
    for table_name in ("blocks", "paragraphs", "sentences"):
        for row in getattr(corpus, table_name).itertuples():
            assert corpus.texts[row.article_id][row.start:row.end] == row.text
    for table_name, start, end, column in SPANS:
        for row in tables[table_name].itertuples():
            first, last = getattr(row, start), getattr(row, end)
            if pd.isna(first):
                continue
            assert corpus.texts[row.article_id][int(first):int(last)] == getattr(row, column), (table_name, column)
    for row in tables["hedges"].itertuples():
        assert corpus.texts[row.article_id][row.start:row.end].lower().split() == row.term.lower().split()


@SETTINGS
@given(NEWSY)
def test_does_every_character_lie_in_exactly_one_block(text):
    corpus, _ = analyse({"a.txt": text.encode("utf-8")})
    for article_id, raw in corpus.texts.items():
        blocks = corpus.blocks[corpus.blocks["article_id"] == article_id].sort_values("start")
        assert "".join(blocks["text"]) == raw


@SETTINGS
@given(st.dictionaries(st.from_regex(r"[a-z]{1,8}\.(txt|TXT|md|csv)", fullmatch=True), st.binary(max_size=300),
                       max_size=6))
def test_does_every_input_file_end_up_in_articles_or_problems(files):
    corpus, _ = analyse(files)
    accounted = set(corpus.articles["file"]) | set(corpus.problems["file"])
    assert set(files) <= accounted


RANGES = st.lists(st.tuples(st.sampled_from(["a1", "a2", "a3"]), st.integers(0, 30), st.integers(0, 30)),
                  min_size=1, max_size=12)


@given(RANGES)
@SETTINGS
def test_does_compare_claims_flag_exactly_the_ranges_that_some_other_range_rules_out(ranges):
    from types import SimpleNamespace

    rows = [{"article_id": article, "claim_id": f"{article}:c{n}", "counted": "killed", "side": "russian",
             "claimant": f"claimant {n}", "claimant_type": "person", "claimant_group": "other", "quantity": str(low), "value": float(low),
             "low": float(min(low, high)), "high": float(max(low, high)), "hedged": False}
            for n, (article, low, high) in enumerate(ranges)]
    articles = pd.DataFrame({"article_id": ["a1", "a2", "a3"], "event": "e", "label": ["A", "B", "C"]})
    compared = kit.compare_claims(SimpleNamespace(articles=articles), pd.DataFrame(rows))

    def pairwise(row, others) -> bool:  # the definition: some other claim's range cannot overlap this one
        return any(row.high < o.low or o.high < row.low for o in others.itertuples())

    for row in compared.itertuples():
        assert row.conflict == pairwise(row, compared)
        assert row.conflict_in_article == pairwise(row, compared[compared["article_id"] == row.article_id])
