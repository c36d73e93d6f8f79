"""Sentence splitting and words on news prose, with no downloaded data."""

from __future__ import annotations

import pytest

from kit.text.sentences import TextRules, count_words, sentence_spans, word_spans

RULES = TextRules.load()


def split(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text, RULES)]


@pytest.mark.parametrize("text, expected", [
    ("Mr Kapustin spoke. He left.", ["Mr Kapustin spoke.", "He left."]),
    ("Mr. Kapustin spoke to Gen. Gerasimov. He left.", ["Mr. Kapustin spoke to Gen. Gerasimov.", "He left."]),
    ("The U.S. Central Intelligence Agency denied it.", ["The U.S. Central Intelligence Agency denied it."]),
    ("They used weapons from the U.S. The Kremlin said so.", ["They used weapons from the U.S.", "The Kremlin said so."]),
    ("J. R. Smith wrote it. Nobody read it.", ["J. R. Smith wrote it.", "Nobody read it."]),
    ('"It is over." The fighters left.', ['"It is over."', "The fighters left."]),
    ("“We are coming home,” he said. “Wait for us.”", ["“We are coming home,” he said.", "“Wait for us.”"]),
    ("“Is it over?” she asked. Nobody knew.", ["“Is it over?” she asked.", "Nobody knew."]),
    ("Equipment is not used. in attacks on Russian soil.", ["Equipment is not used. in attacks on Russian soil."]),
    ("It held 24 hours... Then it ended.", ["It held 24 hours...", "Then it ended."]),
    ("He said: “We will return.” Nobody doubted him.", ["He said: “We will return.”", "Nobody doubted him."]),
    ("A correspondent for “Novaya Gazeta. Europe” saw it.", ["A correspondent for “Novaya Gazeta. Europe” saw it."]),
    ("Strikes hit at 3 p.m. on Monday. Nobody was hurt.", ["Strikes hit at 3 p.m. on Monday.", "Nobody was hurt."]),
    ("no final punctuation", ["no final punctuation"]),
    ("", []),
])
def test_does_the_splitter_handle_news_prose(text, expected):
    assert split(text) == expected


def test_are_sentence_offsets_shifted_into_the_raw_text():
    raw = "xxxx One. Two."
    spans = sentence_spans(raw[5:], RULES, offset=5)
    assert [raw[s:e] for s, e in spans] == ["One.", "Two."]


def test_are_words_counted_with_apostrophes_and_hyphens_kept():
    text = "The Kremlin’s cross-border claim: 70 killed."
    assert [text[s:e] for s, e in word_spans(text)] == ["The", "Kremlin’s", "cross-border", "claim", "70", "killed"]
    assert count_words(text) == 6


def test_does_the_splitter_work_on_non_latin_text():
    assert split("Это первое. Это второе.") == ["Это первое.", "Это второе."]
