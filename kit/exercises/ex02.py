"""Exercise 02 · Source criticism: provenance, lateral reading, disclaimers, contradictions."""

from __future__ import annotations

import pandas as pd

from kit.exercises.core import ChoiceQuestion, Exercise, FrameQuestion, ReflectionQuestion, ValueQuestion
from kit.exercises.data import corpus, table


def _undated() -> set[str]:
    seeds = corpus()
    return set(seeds.articles.loc[seeds.articles["published"] == "", "label"])


q1 = ValueQuestion(
    "q1", "Which articles give no publication date the kit or the manifest could settle? Answer with the set of "
          "their labels.",
    hints=["The column published is empty (\"\") where the date is not settled.",
           "set(corpus.articles.loc[corpus.articles[\"published\"] == \"\", \"label\"])"],
    expected=_undated)

q2 = ChoiceQuestion(
    "q2", "The copy labelled 'Reuters copy (site unnamed)' says 'Reuters could not independently verify the "
          "battlefield claims.' What does that sentence tell you about the copy?",
    hints=["Read its wire_agency_evidence and outlet_evidence in corpus.articles."],
    options={"A": "It is Reuters wire copy, which other sites republish; who published this copy is still open.",
             "B": "Reuters published it on its own website.",
             "C": "Reuters disputes the groups' claims.",
             "D": "The article is an opinion piece."},
    correct="A",
    why_not={"B": "A wire's disclaimer travels with its copy to every site that republishes it.",
             "C": "Not verifying is not disputing: the sentence says what Reuters could not check.",
             "D": "A verification disclaimer is a news-reporting formula."})

q3 = ChoiceQuestion(
    "q3", "The third copy calls itself NBC News but spells 'Kiev' and ends with 'Leave a comment'. What would a "
          "lateral reader do first?",
    hints=["Lateral reading means leaving the page to see what other sources say about it."],
    options={"A": "Read the copy again, more carefully.",
             "B": "Count its sentences and quotations.",
             "C": "Trust it, because it names NBC News several times.",
             "D": "Look for the same headline on NBC News' own site and elsewhere, and compare."},
    correct="D",
    why_not={"A": "Close reading of the page alone cannot tell you who published it.",
             "B": "Counting tells you about the text, not about where it comes from.",
             "C": "A text can name any outlet: the name is a claim to check."})


def _in_article_conflicts() -> pd.DataFrame:
    comparison = table("compare_claims")
    return comparison.loc[comparison["conflict_in_article"], ["label", "claimant", "counted", "quantity"]]


q4 = FrameQuestion(
    "q4", "From kit.compare_claims(corpus), make the table of claims that conflict inside their own article, with "
          "the columns label, claimant, counted and quantity.",
    hints=["The column conflict_in_article is True for those rows.",
           "comparison.loc[comparison[\"conflict_in_article\"], [\"label\", \"claimant\", \"counted\", \"quantity\"]]"],
    expected=_in_article_conflicts)


def _outlet_disclaimers() -> int:
    hedges = table("hedges")
    return int(((hedges["type"] == "verification") & (hedges["voice"] == "outlet")).sum())


q5 = ValueQuestion(
    "q5", "How many verification disclaimers (kit.hedges rows of type 'verification') stand in the outlets' own "
          "voice across the corpus?",
    hints=["Filter kit.hedges(corpus) on type and voice, then count the rows."],
    expected=_outlet_disclaimers)


q6 = ReflectionQuestion(
    "q6", "Apply SIFT to the copy labelled 'Unnamed site': what would you Stop and notice, how would you Investigate "
          "the source, where would you Find better coverage, and which claim would you Trace, and to where?",
    hints=["Its outlet_evidence says what the text does and does not tell; its claims include a contradiction."],
    rubric="1 point each for a sensible Stop, Investigate, Find and Trace step tied to this copy (e.g. the report "
           "rests on Ukrinform: find Ukrinform's own report; trace the casualty figures to the commander's words).",
    points=4)

EXERCISE = Exercise("ex02", "02 · Source criticism", {"q1": q1, "q2": q2, "q3": q3, "q4": q4, "q5": q5, "q6": q6})
