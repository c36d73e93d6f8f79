"""TextBlob without downloaded corpora.

TextBlob's defaults need NLTK data that classrooms often cannot download (punkt
for sentences and words, Brown or CoNLL-2000 for noun phrases, the averaged
perceptron for tags). :func:`blob` returns a TextBlob whose every feature the kit
uses runs on what ships with TextBlob and the kit:

- sentences and words: the kit's own splitter and tokenizer (``kit.text``);
- tags: TextBlob's pattern-based tagger (its lexicon ships with TextBlob);
- noun phrases: chunks from the same pattern parser;
- sentiment: TextBlob's pattern analyzer (its lexicon, built from product reviews,
  ships with TextBlob; read its scores on war reporting with care).

Nothing here calls a download command.
"""

from __future__ import annotations

from pathlib import Path

from kit.text.sentences import WORD_RE, TextRules, sentence_spans

_NP_SKIP_TAGS = {"DT", "PRP$", "PRP", "WDT", "CC", "POS"}


def _textblob_classes():
    """Import TextBlob lazily: it is only needed when a blob is made."""
    from textblob import Sentence, TextBlob
    from textblob.base import BaseNPExtractor, BaseTokenizer
    from textblob.en import parse as pattern_parse
    from textblob.en.sentiments import PatternAnalyzer
    from textblob.en.taggers import PatternTagger

    return Sentence, TextBlob, BaseNPExtractor, BaseTokenizer, pattern_parse, PatternAnalyzer, PatternTagger


def _build(rules: TextRules):
    """Return a function ``text -> TextBlob`` built on TextBlob's classes and ``rules``."""
    (Sentence, TextBlob, BaseNPExtractor, BaseTokenizer, pattern_parse, PatternAnalyzer,
     PatternTagger) = _textblob_classes()

    class WordTokenizer(BaseTokenizer):
        """Words only (TextBlob's ``.words`` and ``.tokens`` both use this)."""

        def tokenize(self, text: str) -> list[str]:
            return WORD_RE.findall(text)

    class PatternNounPhrases(BaseNPExtractor):
        """Noun phrases from the pattern parser's chunks, lower-cased like TextBlob's."""

        def extract(self, text: str) -> list[str]:
            phrases = []
            parsed = pattern_parse(text, tokenize=True, tags=True, chunks=True, relations=False,
                                   lemmata=False)
            for sentence in parsed.split():
                chunk: list[tuple[str, str]] = []
                for word, tag, chunk_tag in ((t[0], t[1], t[2]) for t in sentence):
                    if chunk_tag.endswith("NP") and not (chunk_tag.startswith("B") and chunk):
                        chunk.append((word, tag))
                        continue
                    phrases.append(chunk)
                    chunk = [(word, tag)] if chunk_tag.endswith("NP") else []
                phrases.append(chunk)
            result = []
            for chunk in phrases:
                words = [w for w, t in chunk
                         if t not in _NP_SKIP_TAGS and WORD_RE.fullmatch(w.rstrip("."))]
                has_proper = any(t.startswith("NNP") for _, t in chunk)
                if len(words) >= 2 or (words and has_proper):
                    result.append(" ".join(words).lower())
            return result

    class KitSentence(Sentence):
        pass

    class KitBlob(TextBlob):
        """A TextBlob whose sentences come from the kit's news-prose splitter."""

        def _create_sentence_objects(self):
            return [
                KitSentence(self.raw[start:end], start_index=start, end_index=end,
                            tokenizer=self.tokenizer, np_extractor=self.np_extractor,
                            pos_tagger=self.pos_tagger, analyzer=self.analyzer,
                            parser=self.parser, classifier=self.classifier)
                for start, end in sentence_spans(self.raw, rules)
            ]

    tokenizer, tagger = WordTokenizer(), PatternTagger()
    extractor, analyzer = PatternNounPhrases(), PatternAnalyzer()

    def make(text: str):
        return KitBlob(text, tokenizer=tokenizer, pos_tagger=tagger, np_extractor=extractor,
                       analyzer=analyzer)

    return make


def blob_factory(data_dir: Path | None = None):
    """Return a function ``text -> TextBlob`` that needs no NLTK or TextBlob corpora."""
    return _build(TextRules.load(data_dir))


def blob(text: str):
    """Return a TextBlob of ``text`` that runs offline (see the module docstring)."""
    return blob_factory()(text)
