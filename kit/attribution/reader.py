"""Who says what: one row per attribution, with the evidence for each part.

An attribution links CONTENT (said, written, claimed...) to a SOURCE through a CUE:
a reporting verb, a reporting noun, "according to", a colon, or a post's signature.
The task is defined in ``docs/annotation_guidelines.md``. Every row carries the
offsets of its content, speaker and cue in the raw text, the ``rule`` (frame) that
found it, how the speaker was resolved (``resolution``) and a ``confidence``.

The reader goes through headlines, body paragraphs and embedded posts in reading order,
sentence by sentence: it finds the cues (``cues.py``), then for each cue the frame that
fits (``frames.py``), which finds the speaker (``subjects.py``) and the content
(``content.py``). Rule-based, so each row can be explained.
"""

from __future__ import annotations

import bisect

from kit.attribution.frames import Frames
from kit.attribution.speakers import Speaker
from kit.attribution.units import CuesAfter, Found, Sentence, inside_any
from kit.text.tokens import tokenize


class ArticleReader(Frames):
    """Find the attributions of one article, in reading order."""

    def read(self) -> list[dict[str, object]]:
        """Return the article's attribution rows."""
        previous_speaker: Speaker | None = None
        for unit in self.units:
            before = len(self.rows)
            if unit.kind == "social":
                self.read_post(unit)
            for start, end, sentence_id in unit.sentences:
                tokens = tokenize(self.raw, start, end)
                if tokens:
                    self.read_sentence(Sentence(unit, tokens, start, end, sentence_id))
                self.speakers.read_sentence(start, end)
            if unit.kind != "body":
                continue
            if len(self.rows) == before and previous_speaker is not None:
                self.follow_on(unit, previous_speaker)
            previous_speaker = None
            if len(self.rows) > before:
                last = self.row_speakers[-1]
                previous_speaker = last.via(f"same speaker as the paragraph before ({last.name})")
        return self.rows

    def read_sentence(self, s: Sentence) -> None:
        rows_before = len(self.rows)
        cues = self.find_cues(s)
        handled: set[int] = set()
        shared: Found | None = None
        postposed_spans: list[tuple[int, int]] = []
        for cue in cues:  # postposed cues first: what they report is not anyone else's claim
            if cue.kind == "verb":
                found = self.postposed(s, cue)
                if found:
                    self.emit(s, cue, found)
                    handled.add(cue.i)
                    if found.rule.startswith("postposed: “"):
                        bisect.insort(postposed_spans, found.content)
                    shared = found
        for index, cue in enumerate(cues):
            if cue.i in handled:
                continue
            cue_start = s.tokens[cue.i].start
            if cue.kind not in ("according", "as") and inside_any(postposed_spans, cue_start):
                continue  # "The Kremlin does not dispute …,” Peskov said": Peskov's content
            later = CuesAfter(cues, index + 1)
            if cue.kind == "as":
                found = self.frame_as(s, cue)
            elif cue.kind == "according":
                found = self.frame_according(s, cue, later)
            elif cue.kind == "noun":
                found = self.frame_noun(s, cue)
            else:
                found = self.frame_forward(s, cue, later, shared)
            if found:
                self.emit(s, cue, found)
                if cue.kind == "verb":
                    shared = found
        if len(self.rows) == rows_before:
            self.frame_colon_without_cue(s)
        if len(self.rows) == rows_before and s.unit.kind == "headline":
            self.frame_headline_dash(s)
