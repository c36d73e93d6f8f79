"""Naming, labels, hedges, claims and sentiment: hand-checked on the seeds, general on other styles."""

from __future__ import annotations

import pandas as pd
import pytest

import kit
from conftest import SEEDS
from kit.framing.claims import parse_number
from kit.framing.sentiment import sentiment_by_article


@pytest.fixture(scope="module")
def tables(seeds):
    attributions = kit.attributions(seeds)
    hedges = kit.hedges(seeds, attributions)
    claims = kit.claims(seeds, attributions, hedges)
    return {"attributions": attributions, "naming": kit.naming(seeds, attributions),
            "labels": kit.labels(seeds, attributions), "hedges": hedges, "claims": claims,
            "comparison": kit.compare_claims(seeds, claims), "sentiment": kit.sentiment(seeds, attributions)}


def analyse(tmp_path, text: str, topic=False) -> dict[str, pd.DataFrame]:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    corpus = kit.load_corpus(tmp_path, topic=topic)
    attributions = kit.attributions(corpus)
    return {"labels": kit.labels(corpus, attributions), "hedges": kit.hedges(corpus, attributions),
            "claims": kit.claims(corpus, attributions), "naming": kit.naming(corpus, attributions)}


# -- naming ------------------------------------------------------------------------------------

def test_which_outlets_never_give_the_commanders_legal_surname(tables):
    kapustin = tables["naming"][tables["naming"]["actor"] == "Denis Kapustin"]
    uses_kapustin = kapustin.groupby("article_id")["surface"].apply(lambda s: s.str.contains("Kapustin").any())
    assert list(uses_kapustin[~uses_kapustin].index) == ["003_e6726240562de5a9"]  # only Nikitin / Denys Nikitin
    assert {"Denys Nikitin", "Nikitin", "White Rex"} <= set(kapustin.loc[kapustin["article_id"].str.startswith("003"), "surface"])


def test_are_role_references_resolved_into_naming_with_their_rule(tables):
    naming = tables["naming"]
    row = naming[(naming["surface"] == "the bearded Moscow-born fighter")].iloc[0]
    assert (row["actor"], row["rule"]) == ("Denis Kapustin", "resolved reference")
    assert not naming["surface"].str.lower().isin(["he", "they", "it"]).any()


# -- labels --------------------------------------------------------------------------------------

@pytest.mark.parametrize("article, surface, category, voice", [
    ("001", "Ukrainian nationalists", "nationalist", "quoted"),    # Moscow claimed it killed over 70 ‘...’
    ("001", "militants", "militant", "attributed"),               # the Russian military said it had routed the militants
    ("003", "militia", "paramilitary", "outlet"),                 # the Kyiv Independent's own headline
    ("003", "sabotage units", "saboteur", "quoted"),              # who they called "Ukrainian sabotage units"
    ("004", "Ukrainian terrorists", "terrorist", "quoted"),       # vague reference to "Ukrainian terrorists"
    ("004", "puppets", "proxy", "attributed"),                    # they have cast the groups as puppets
    ("002", "Russian patriots", "patriot", "quoted"),             # deeming them “Russian patriots”
])
def test_is_each_label_found_in_the_voice_that_uses_it(tables, article, surface, category, voice):
    labels = tables["labels"]
    found = labels[labels["article_id"].str.startswith(article) & (labels["surface"] == surface)]
    assert not found.empty
    assert set(found["category"]) == {category}
    assert voice in set(found["voice"])


def test_is_the_spelling_kiev_or_kyiv_a_choice_each_outlet_makes(tables):
    spelling = tables["labels"][tables["labels"]["category"] == "spelling"]
    kiev = spelling[spelling["surface"].isin(["Kiev", "Kyiv"])]
    by_article = kiev.groupby("article_id")["surface"].agg(set)
    assert by_article["002_dd765243a2bd1e35"] == {"Kiev"}
    assert by_article["003_e6726240562de5a9"] == {"Kyiv"}


def test_is_a_word_inside_a_groups_name_not_a_label(tables):
    labels = tables["labels"]
    assert not ((labels["category"] == "volunteer") & labels["surface"].str.contains("Volunteer")).any()


def test_is_a_lone_term_in_quotation_marks_scare_quoted(tmp_path):
    labels = analyse(tmp_path, "The so-called “militants” crossed the border at dawn.\n")["labels"]
    assert set(zip(labels["surface"], labels["voice"])) == {("militants", "scare_quoted")}


@pytest.mark.parametrize("text, surface, category", [
    ("Units of the Kiev regime attempted to break through the border, the ministry said.", "Kiev regime", "regime"),
    ("The insurgents crossed into the Belgorod region overnight.", "insurgents", "insurgent"),
    ("A sabotage and reconnaissance group was destroyed near the village.", "sabotage and reconnaissance group",
     "saboteur"),
])
def test_are_labels_of_other_outlets_styles_found(tmp_path, text, surface, category):
    labels = analyse(tmp_path, text + "\n", topic=SEEDS / "topic")["labels"]
    assert (surface, category) in set(zip(labels["surface"], labels["category"]))


def test_does_a_label_say_whether_it_is_general_or_only_the_topic_packs(tmp_path):
    text = "Units of the Kiev regime attempted to break through, officials said. Rebels took the town.\n"
    with_pack = analyse(tmp_path, text, topic=SEEDS / "topic")["labels"]
    assert dict(zip(with_pack["surface"], with_pack["list"])) == {"Kiev regime": "topic pack", "regime": "general",
                                                                 "Kiev": "topic pack", "Rebels": "general"} or \
        {("Kiev regime", "topic pack"), ("Rebels", "general")} <= set(zip(with_pack["surface"], with_pack["list"]))
    without = analyse(tmp_path, text)["labels"]
    assert "Kiev regime" not in set(without["surface"]) and "Rebels" in set(without["surface"])


# -- hedges ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("article, term, kind", [
    ("004", "could not independently verify", "verification"),
    ("003", "could not verify", "verification"),
    ("002", "is said to have", "weasel"),
    ("001", "it has been reported", "weasel"),
])
def test_are_disclaimers_and_weasel_words_found_in_the_outlets_voice(tables, article, term, kind):
    hedges = tables["hedges"]
    found = hedges[hedges["article_id"].str.startswith(article) & (hedges["term"] == term)]
    assert list(zip(found["type"], found["voice"])) == [(kind, "outlet")]


def test_is_the_month_may_not_a_hedge(tmp_path):
    hedges = analyse(tmp_path, "The raid began on May 22. The fighters may return, officials said.\n")["hedges"]
    assert list(hedges["term"]) == ["may"]


def test_is_a_wire_disclaimer_in_the_passive_found(tmp_path):
    hedges = analyse(tmp_path, "The figures could not be independently verified.\n")["hedges"]
    assert list(zip(hedges["term"], hedges["type"])) == [("could not be independently verified", "verification")]


# -- claims ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, low, high", [
    ("70", 70, 70), ("two", 2, 2), ("a dozen", 12, 12), ("twenty-five", 25, 25), ("110,000", 110000, 110000),
    ("a quarter of a million", 250000, 250000), ("no one", 0, 0), ("hundreds", 200, 999), ("two hundred", 200, 200),
])
def test_are_numbers_in_figures_and_words_read(text, low, high):
    assert parse_number(text) == (low, high)


def test_who_claims_what_about_the_may_2023_casualties(tables):
    claims = tables["claims"]
    mt = claims[claims["article_id"].str.startswith("000")]
    rows = {(r.quantity, r.counted, r.side, r.claimant) for r in mt.itertuples()}
    assert ("more than 70", "killed", "raiders", "Russian government") in rows
    assert ("two", "wounded", "raiders", "Denis Kapustin") in rows
    assert ("one", "killed", "civilians", "unnamed Russian officials") in rows
    assert ("a dozen", "wounded", "civilians", "unnamed Russian officials") in rows
    seventy = mt[mt["quantity"] == "more than 70"].iloc[0]
    assert seventy["low"] == 71 and seventy["high"] == float("inf") and seventy["hedged"]


def test_is_each_claim_linked_to_the_attribution_that_makes_it(tables):
    claims, attributions = tables["claims"], tables["attributions"].set_index("attribution_id")
    linked = claims[claims["attribution_id"] != ""]
    assert len(linked) >= 20
    for row in linked.itertuples():
        source = attributions.loc[row.attribution_id]
        assert source["content_start"] <= row.start and row.end <= source["content_end"]
        assert source["speaker"] == row.claimant


def test_does_the_article_that_contradicts_itself_get_flagged(tables):
    comparison = tables["comparison"]
    unnamed_site = comparison[comparison["article_id"].str.startswith("001") & (comparison["counted"] == "killed")
                              & (comparison["claimant"] == "Denis Kapustin")]
    assert set(unnamed_site["quantity"]) == {"no one", "two"}
    assert unnamed_site["conflict_in_article"].all()


def test_do_sources_disagreeing_about_the_same_quantity_conflict_across_outlets(tables):
    killed = tables["comparison"][(tables["comparison"]["counted"] == "killed")
                                  & (tables["comparison"]["side"] == "raiders")]
    assert killed["n_sources"].iloc[0] == 2 and killed["conflict"].all()
    captured = tables["comparison"][tables["comparison"]["counted"] == "captured"]
    assert not captured["conflict"].any()  # every source says 25


def test_are_dates_years_and_pronoun_one_not_claims(tmp_path):
    claims = analyse(tmp_path, "On May 24, 2023, one could buy tanks, he said. Since 2014 the unit has "
                               "fought in phase one.\n")["claims"]
    assert claims.empty


# -- sentiment -----------------------------------------------------------------------------------

def test_is_sentiment_split_by_voice_with_scores_in_range(tables):
    sentiment = tables["sentiment"]
    assert set(sentiment["voice"]) == {"outlet", "quoted", "attributed"}
    assert sentiment["polarity"].between(-1, 1).all() and sentiment["subjectivity"].between(0, 1).all()
    per_article = sentiment_by_article(sentiment)
    assert len(per_article) == 15  # 5 articles x 3 voices


def test_does_the_docstring_warn_that_the_lexicon_was_built_for_reviews():
    assert "product reviews" in kit.sentiment.__doc__


def test_does_textblob_misread_a_plain_fact_as_negative(tables):
    """A neutral legal fact reads as negative: 'criminal' is a review adjective to TextBlob."""
    sentiment = tables["sentiment"]
    row = sentiment[sentiment["text"].str.startswith("Russia had launched a criminal case")].iloc[0]
    assert row["polarity"] < -0.3


# -- robustness ----------------------------------------------------------------------------------

def test_does_a_hedge_in_the_headline_leave_the_claims_of_the_body_readable(tmp_path):
    """Issue 13: a headline hedge has no sentence_id; comparing it with a claim's sentence raised
    'boolean value of NA is ambiguous'."""
    claims = analyse(tmp_path, "Storm may hit coast\n\nBy A Writer\n\nOfficials said 3 people died on Monday.\n")["claims"]
    assert list(claims["quantity"]) == ["3"]
    assert "may" not in claims.iloc[0]["hedge_evidence"]  # the headline's hedge is not the body sentence's


def test_is_a_headline_claim_hedged_by_a_hedge_in_the_same_headline(tmp_path):
    claims = analyse(tmp_path, "At least 3 people may have died in storm\n\nBy A Writer\n\n"
                               "Officials said the coast was closed on Monday.\n")["claims"]
    assert claims.iloc[0]["hedged"] and "hedge 'may'" in claims.iloc[0]["hedge_evidence"]


def test_do_the_analyses_survive_the_bad_input_folder():
    from conftest import FIXTURES

    corpus = kit.load_corpus(FIXTURES / "bad_inputs")
    attributions = kit.attributions(corpus)
    for table in (kit.naming(corpus, attributions), kit.labels(corpus, attributions),
                  kit.hedges(corpus, attributions), kit.claims(corpus, attributions),
                  kit.sentiment(corpus, attributions)):
        for row in table.itertuples():
            assert 0 <= row.start < row.end <= len(corpus.texts[row.article_id])


def test_is_the_kits_sentiment_exactly_textblobs(tables):
    from textblob import TextBlob

    for row in tables["sentiment"].head(40).itertuples():
        expected = TextBlob(row.text).sentiment  # the default analyzer (PatternAnalyzer)
        assert (row.polarity, row.subjectivity) == (round(expected.polarity, 3), round(expected.subjectivity, 3))
