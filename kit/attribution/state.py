"""The state one article's reader keeps, shared by the parts that read it.

:class:`ArticleReader` is assembled from four parts, one file each: finding cues
(``cues.py``), finding the speaker before or after a cue (``subjects.py``), finding where
the content starts and ends (``content.py``) and the frames that put them together
(``frames.py``). Each part reads and writes only the state declared here; ``emit`` and
``add_row`` turn what a frame found into a row.
"""

from __future__ import annotations

from kit.attribution.entities import ArticleEntities
from kit.attribution.lexicon import AttributionRules
from kit.attribution.speakers import Speaker, SpeakerResolver
from kit.attribution.units import Cue, Found, Sentence, Unit

DOCUMENT_REACH = 300  # characters before a cue where "in a statement" names the speaker's document


class ArticleState:
    """One article being read: its raw text, units, rules, speaker memory, and the rows found so far."""

    def __init__(self, raw: str, units: list[Unit], rules: AttributionRules, article_id: str,
                 entities: ArticleEntities):
        self.raw, self.units, self.rules, self.article_id = raw, units, rules, article_id
        self.entities = entities
        long_quotes = [(q.start, q.end) for u in units for q in u.quotes
                       if len(raw[q.inner_start:q.inner_end].split()) > 3]
        self.speakers = SpeakerResolver(raw, entities, rules.actors, rules.entities, long_quotes,
                                        [(u.start, u.end) for u in units if u.kind != "headline"],
                                        sorted(start for u in units for start, _, _ in u.sentences))
        self.rows: list[dict[str, object]] = []
        self.row_speakers: list[Speaker] = []  # the speaker of each row, with its entity
        self.consumed_quotes: set[int] = set()
        self.cue_starts: set[int] = set()  # one row per (source, cue): the cues that gave a row

    def emit(self, s: Sentence, cue: Cue | None, found: Found, confidence: float | None = None) -> None:
        start, end = found.content
        if end - start < 2 or found.speaker is None:
            return
        cue_span = (s.tokens[cue.i].start, s.tokens[cue.j - 1].end) if cue else None
        self.add_row(s.unit, s.sentence_id, found, cue_span, cue.lemma if cue else "",
                     cue.stance if cue else "", confidence)

    def add_row(self, unit: Unit, sentence_id: int | None, found: Found, cue: tuple[int, int] | None,
                lemma: str, stance: str, confidence: float | None = None, follow_on: bool = False) -> None:
        speaker, surface = found.speaker, found.surface
        assert speaker is not None
        if cue is not None and cue[0] in self.cue_starts:
            return  # one row per (source, cue)
        if confidence is None:
            confidence = {"direct": 0.9, "mixed": 0.8, "according_to": 0.8, "social": 0.9}.get(found.kind, 0.7)
            if speaker.type == "unresolved":
                confidence -= 0.3
            elif speaker.type == "unnamed" and speaker.group == "anonymous":
                confidence -= 0.1
        start, end = found.content
        self.rows.append({
            "article_id": self.article_id, "sentence_id": sentence_id, "kind": found.kind,
            "content": self.raw[start:end], "content_start": start, "content_end": end,
            "speaker_surface": self.raw[surface[0]:surface[1]] if surface else "",
            "speaker_start": surface[0] if surface else None, "speaker_end": surface[1] if surface else None,
            "speaker": speaker.name, "speaker_type": speaker.type, "speaker_group": speaker.group,
            "cue": self.raw[cue[0]:cue[1]] if cue else "", "cue_start": cue[0] if cue else None,
            "cue_end": cue[1] if cue else None, "cue_lemma": lemma, "verb_stance": stance,
            "follow_on": follow_on, "rule": found.rule, "resolution": speaker.resolution,
            "confidence": round(confidence, 2), "source_block": unit.kind,
        })
        self.row_speakers.append(speaker)
        if cue is not None:
            self.cue_starts.add(cue[0])
        self.speakers.spoke(surface[0] if surface else start, speaker)
        if cue is not None:  # "said in a statement", "In a post, X said": a later "the post" is this speaker's
            sentence_start = max(self.speakers.sentence_start(cue[0]), cue[0] - DOCUMENT_REACH)
            around = self.raw[min(cue[1], start):max(cue[1], start)] + " " + self.raw[sentence_start:cue[0]]
            self.speakers.remember_documents(around, speaker)
