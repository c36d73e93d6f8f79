"""The phrase matcher finds what the word-list regex finds, faster."""

from __future__ import annotations

import pytest

from kit.text.terms import PhraseMatcher, term_pattern

PHRASES = ["Russia", "Russian Volunteer Corps", "Volunteer Corps", "US", "U.S.", "Kyiv", "Russia's Supreme Court"]


@pytest.mark.parametrize("text", [
    "The Russian Volunteer Corps said the US and Russia disagreed.",
    "A Moscow-born fighter; us and them; Russia-backed; U.S.-made; the U.S. said.",
    "Russian\nVolunteer   Corps, then Kyiv.",
    "Russia's Supreme Court ruled.",
])
def test_does_the_matcher_find_what_the_regex_finds(text):
    regex = [(m.start(), m.end()) for m in term_pattern(PHRASES).finditer(text)]
    assert list(PhraseMatcher(PHRASES).find(text)) == regex


def test_does_the_matcher_also_read_curly_apostrophes():
    text = "Russia’s Supreme Court ruled."
    assert [text[a:b] for a, b in PhraseMatcher(PHRASES).find(text)] == ["Russia’s Supreme Court"]
