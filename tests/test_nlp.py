"""TextBlob features the kit uses work with no NLTK or TextBlob corpora installed."""

from __future__ import annotations

import pytest

from kit.text.blob import blob

TEXT = ("Mr Kapustin said the U.S. armoured vehicles were trophies. "
        "The Kremlin denied it. Russian forces killed more than 70 fighters, the ministry claimed.")


@pytest.fixture(autouse=True)
def no_nltk_data(monkeypatch, tmp_path):
    """Point NLTK at an empty folder: any feature needing downloaded data raises LookupError."""
    import nltk

    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])


def test_does_the_empty_nltk_path_really_hide_corpora():
    import nltk

    with pytest.raises(LookupError):
        nltk.data.find("tokenizers/punkt_tab")


def test_are_sentences_split_by_the_kit_not_punkt():
    assert [str(s) for s in blob(TEXT).sentences] == [
        "Mr Kapustin said the U.S. armoured vehicles were trophies.",
        "The Kremlin denied it.",
        "Russian forces killed more than 70 fighters, the ministry claimed.",
    ]


def test_do_words_tags_and_noun_phrases_work_offline():
    text = blob(TEXT)
    assert list(text.words[:3]) == ["Mr", "Kapustin", "said"]
    assert ("Kremlin", "NNP") in text.tags
    assert "russian forces" in text.noun_phrases


def test_does_sentiment_work_offline_per_sentence():
    scores = [s.sentiment.polarity for s in blob("It was a great success. It was a terrible failure.").sentences]
    assert scores[0] > 0 > scores[1]


def test_is_textblob_not_imported_by_import_kit():
    import subprocess
    import sys

    code = "import sys, kit; kit.load_corpus(); print('textblob' in sys.modules, 'nltk' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False False"
