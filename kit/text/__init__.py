"""Stage 1, text: words and sentences with offsets, quotation marks, phrase matching, word lists
read from ``kit/data``, and TextBlob without downloads. Nothing here knows about articles.
"""

from kit.text.sentences import (
                                WORD_RE,
                                TextRules,
                                count_words,
                                ends_with_terminal_punctuation,
                                sentence_spans,
                                word_spans,
)

__all__ = ["WORD_RE", "TextRules", "count_words", "ends_with_terminal_punctuation", "sentence_spans", "word_spans"]
