"""Blocks, paragraphs and sentences of the seeds against hand-checked expectations."""

from __future__ import annotations

import csv
import json
import re

import pytest

from conftest import FIXTURES, SEEDS, read_raw
from kit.corpus.segment import BLOCK_KINDS

GOLD_BLOCKS = list(csv.DictReader((FIXTURES / "seed_blocks.csv").open(encoding="utf-8")))
GOLD_SENTENCES = [json.loads(line) for line in (FIXTURES / "seed_sentences.jsonl").open(encoding="utf-8")]
SEED_FILES = sorted(p.name for p in SEEDS.glob("*.txt"))


def _line_position(raw: str, text: str) -> int:
    """Where ``text`` stands as (the start of) a line; the first occurrence otherwise."""
    match = re.search(r"(?m)^[ \t]*" + re.escape(text), raw)
    return match.end() - len(text) if match else raw.find(text)


@pytest.mark.parametrize("file", SEED_FILES)
def test_does_every_seed_line_get_the_block_kind_a_person_gave_it(seeds, file):
    article_id = file.removesuffix(".txt")
    raw = seeds.texts[article_id]
    blocks = seeds.blocks[seeds.blocks["article_id"] == article_id]
    wrong = []
    for row in (r for r in GOLD_BLOCKS if r["file"] == file):
        text = row["text"].strip()
        start = _line_position(raw, text)
        assert start >= 0, f"gold text not in the seed: {text!r}"
        covering = blocks[(blocks["start"] < start + len(text)) & (blocks["end"] > start)]
        if set(covering["kind"]) != {row["kind"]}:
            wrong.append((text[:60], row["kind"], sorted(set(covering["kind"]))))
    assert not wrong, wrong


@pytest.mark.parametrize("file", SEED_FILES)
def test_are_the_seed_sentences_the_hand_checked_ones(seeds, file):
    article_id = file.removesuffix(".txt")
    got = seeds.sentences[seeds.sentences["article_id"] == article_id]
    expected = [(g["paragraph"], g["text"]) for g in GOLD_SENTENCES if g["file"] == file]
    assert list(zip(got["paragraph_id"], got["text"])) == expected


def test_does_every_character_of_every_seed_lie_in_exactly_one_block(seeds):
    for article_id, raw in seeds.texts.items():
        blocks = seeds.blocks[seeds.blocks["article_id"] == article_id].sort_values("start")
        assert blocks["start"].iloc[0] == 0
        assert blocks["end"].iloc[-1] == len(raw)
        assert (blocks["start"].iloc[1:].to_numpy() == blocks["end"].iloc[:-1].to_numpy()).all()


@pytest.mark.parametrize("table", ["blocks", "paragraphs", "sentences"])
def test_does_each_rows_text_equal_the_raw_slice_its_offsets_name(seeds, table):
    frame = getattr(seeds, table)
    assert len(frame) > 0
    for row in frame.itertuples():
        assert seeds.texts[row.article_id][row.start:row.end] == row.text


def test_are_block_kinds_only_the_documented_ones(seeds):
    assert set(seeds.blocks["kind"]) <= set(BLOCK_KINDS)
    assert (seeds.blocks["rule"] != "").all()


def test_is_the_paragraph_split_mid_sentence_joined_again(seeds):
    joined = seeds.paragraphs[seeds.paragraphs["joined"]]
    assert len(joined) == 1
    text = joined["text"].iloc[0]
    assert text.startswith("He painted the mission") and text.endswith("spurring other Russians to act.")
    assert "\n\n" in text, "the raw line break stays inside the span; nothing is rewritten"


def test_do_analyses_see_no_boilerplate_in_the_paragraphs(seeds):
    text = " ".join(seeds.paragraphs["text"])
    for boilerplate in ("Leave a Reply", "see more", "Support us", "2 min read", "Original url",
                        "(@Gerashchenko_en)", "Martin Fornusek is a reporter"):
        assert boilerplate not in text


def test_are_the_seeds_read_exactly_as_stored(seeds):
    for path in SEEDS.glob("*.txt"):
        assert seeds.texts[path.stem] == read_raw(path)
