"""Body paragraphs and their sentences, as offsets into the raw text."""

from __future__ import annotations

from typing import Iterable

from kit.text.sentences import TextRules, ends_with_terminal_punctuation, sentence_spans


def paragraph_spans(raw: str, blocks: Iterable[dict[str, object]]) -> list[tuple[int, int, bool]]:
    """Return (start, end, joined) of each body paragraph.

    A body block that stops mid-sentence and is followed directly by another body
    block is joined with it: the web copy split one paragraph in two. The raw line
    break stays inside the paragraph's span; nothing is rewritten.
    """
    spans: list[tuple[int, int, bool]] = []
    open_paragraph = False
    for block in blocks:
        if block["kind"] != "body":
            open_paragraph = False
            continue
        start, end = int(block["content_start"]), int(block["content_end"])
        if open_paragraph and spans:
            spans[-1] = (spans[-1][0], end, True)
        else:
            spans.append((start, end, False))
        open_paragraph = not ends_with_terminal_punctuation(raw[start:end])
    return spans


def paragraph_sentences(raw: str, start: int, end: int, rules: TextRules) -> list[tuple[int, int]]:
    """Return (start, end) of each sentence in the paragraph ``raw[start:end]``."""
    return sentence_spans(raw[start:end], rules, offset=start)
