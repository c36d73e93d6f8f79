"""Speed and scale: is each table computed once per corpus, and never stale?"""

from __future__ import annotations

import pickle

import pytest

import kit
import kit.attribution.table as attribution_table
import kit.framing.voice as voice


@pytest.fixture
def counted(monkeypatch):
    """Count the passes of the attribution stage and of the voice reader."""
    calls = {"attributions": 0, "voices": 0}
    read_articles, read_voices = attribution_table.read_articles, voice.read_voices

    def count(name, function):
        def counting(*args, **kwargs):
            calls[name] += 1
            return function(*args, **kwargs)
        return counting

    monkeypatch.setattr(attribution_table, "read_articles", count("attributions", read_articles))
    monkeypatch.setattr(voice, "read_voices", count("voices", read_voices))
    return calls


def test_is_the_attribution_stage_run_once_per_corpus(counted):
    corpus = kit.load_corpus()
    tables = dict(kit.analyze(corpus).items())
    assert set(tables) == set(kit.Tables.names())
    assert counted == {"attributions": 1, "voices": 1}


def test_do_the_readme_calls_share_one_attribution_pass(counted):
    corpus = kit.load_corpus()
    kit.attributions(corpus), kit.entities(corpus)
    kit.naming(corpus), kit.labels(corpus), kit.hedges(corpus), kit.claims(corpus)
    kit.compare_claims(corpus), kit.sentiment(corpus)
    assert counted == {"attributions": 1, "voices": 1}
    assert kit.analyze(corpus) is kit.analyze(corpus)


def test_does_the_bundle_give_the_tables_the_functions_give(seeds):
    corpus = kit.load_corpus()  # a corpus of its own: nothing computed yet
    attributions = kit.attributions(corpus, rules=None)
    tables = kit.analyze(seeds)
    assert tables.attributions.equals(attributions)
    assert tables["naming"].equals(kit.naming(corpus, attributions, kit.entities(corpus)))
    assert tables["claims_comparison"].equals(tables.comparison)


def test_does_editing_a_table_leave_the_kept_one_alone():
    corpus = kit.load_corpus()
    quotes = kit.attributions(corpus)
    quotes.loc[0, "speaker"] = "Somebody Else"
    del quotes["content"]
    again = kit.attributions(corpus)
    assert again.loc[0, "speaker"] != "Somebody Else" and "content" in again
    assert not kit.naming(corpus)["actor"].eq("Somebody Else").any()


def test_can_a_corpus_be_changed_after_loading():
    corpus = kit.load_corpus()
    with pytest.raises(AttributeError):
        corpus.articles = corpus.articles.head(1)
    with pytest.raises(TypeError):
        corpus.texts["x"] = "new text"
    articles = corpus.articles
    articles.loc[0, "label"] = "Edited"
    articles["extra"] = 1
    assert "Edited" not in set(corpus.articles["label"]) and "extra" not in corpus.articles


def test_are_tables_computed_from_other_attributions_computed_afresh():
    corpus = kit.load_corpus()
    none = kit.attributions(corpus).head(0)
    assert "attributed" not in set(kit.naming(corpus, none)["voice"])  # no source credited with anything
    assert "attributed" in set(kit.naming(corpus)["voice"])  # the kept table is the corpus's own


def test_does_a_pickled_corpus_come_back_whole_without_what_was_derived():
    corpus = kit.load_corpus()
    kit.attributions(corpus)
    copy = pickle.loads(pickle.dumps(corpus))
    assert copy.articles.equals(corpus.articles) and dict(copy.texts) == dict(corpus.texts)
    assert kit.attributions(copy).equals(kit.attributions(corpus))
