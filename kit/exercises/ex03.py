"""Exercise 03 · Attribution: who gets to speak, how, and with which verb."""

from __future__ import annotations

import pandas as pd

from kit.exercises.core import ChoiceQuestion, Exercise, FunctionQuestion, ReflectionQuestion, ValueQuestion
from kit.exercises.data import corpus, labelled, table

RAIDING_GROUPS = ("rvc", "legion", "siberian_battalion")


def _raider_voices() -> dict[str, int]:
    seeds = corpus()
    rows = labelled(table("attributions"), seeds)
    counts = rows[rows["speaker_group"].isin(RAIDING_GROUPS)].groupby("label").size()
    return {label: int(counts.get(label, 0)) for label in seeds.articles["label"]}


q1 = ValueQuestion(
    "q1", "For each outlet label, how many attributions have a speaker from the raiding groups (speaker_group rvc, "
          "legion or siberian_battalion)? Answer with a dict {label: count} that includes every outlet.",
    hints=["Add each row's outlet label (map article_id onto corpus.articles), filter on speaker_group, group by label.",
           "rows[rows[\"speaker_group\"].isin([\"rvc\", \"legion\", \"siberian_battalion\"])].groupby(\"label\").size()"],
    expected=_raider_voices)


def _share_direct(attributions: pd.DataFrame) -> dict[str, float]:
    shares = (attributions["kind"] == "direct").groupby(attributions["article_id"]).mean()
    return {article_id: round(float(share), 2) for article_id, share in shares.items()}


def _share_cases():
    quotes = table("attributions")
    tiny = pd.DataFrame({"article_id": ["a", "a", "b"], "kind": ["direct", "indirect", "mixed"]})
    return [((quotes,), _share_direct(quotes)), ((tiny,), {"a": 0.5, "b": 0.0})]


q2 = FunctionQuestion(
    "q2", "Write share_direct(attributions): a dict {article_id: share of its attributions whose kind is 'direct'}, "
          "each share between 0 and 1, rounded to 2 decimals.",
    hints=["(attributions[\"kind\"] == \"direct\") is True or False per row; the mean of True/False is a share.",
           "Group that by attributions[\"article_id\"], take .mean(), then build the dict with round(share, 2)."],
    function_name="share_direct",
    cases=_share_cases)

q3 = ChoiceQuestion(
    "q3", "'Officials said the border crossing had been closed.' No country or body is named. Which speaker group do "
          "the annotation guidelines give this source?",
    hints=["Read what the guidelines say about unnamed sources with and without a stated affiliation."],
    options={"A": "anonymous", "B": "media", "C": "other", "D": "russian_government"},
    correct="A",
    why_not={"B": "Nothing here is an outlet or a journalist.",
             "C": "'other' is for named sources outside the listed groups.",
             "D": "Only a stated affiliation ('Russian officials') makes a source part of a government group."})

q4 = ChoiceQuestion(
    "q4", "In 'Moscow claimed it killed over 70 Ukrainian nationalists', which stance does the reporting verb "
          "'claimed' carry in kit/data/reporting_verbs.csv?",
    hints=["Look up the lemma 'claim' in kit/data/reporting_verbs.csv, or the verb_stance column of the row."],
    options={"A": "neutral", "B": "endorsing", "C": "distancing", "D": "emphatic"},
    correct="C",
    why_not={"A": "Compare 'said' with 'claimed': does the second keep the outlet at a distance?",
             "B": "Endorsing verbs ('noted', 'revealed') suggest the content is true.",
             "D": "Emphatic verbs ('insisted', 'stressed') stress the speaker's force."})


def _direct_kapustin_in_nbc() -> int:
    quotes = labelled(table("attributions"))
    return int(((quotes["label"] == "'NBC News' copy") & (quotes["speaker"] == "Denis Kapustin")
                & (quotes["kind"] == "direct")).sum())


q5 = ValueQuestion(
    "q5", "How many direct quotations of Denis Kapustin does the 'NBC News' copy contain?",
    hints=["Three conditions on kit.attributions(corpus): the article, the speaker, and kind == 'direct'."],
    expected=_direct_kapustin_in_nbc)


q6 = ReflectionQuestion(
    "q6", "Find one attribution whose speaker the kit resolved (the resolution column contains '->'). Is the "
          "resolution right? Quote the sentence and explain how a reader decides who 'he' or 'the group' is.",
    hints=["kit.attributions(corpus)[lambda t: t['resolution'].str.contains('->')] lists them; kit.show highlights them."],
    rubric="1 point: quotes the sentence and names the row. 2 points: checks the resolution against the text "
           "(the antecedent, the paragraph before). 1 point: says what would make the kit wrong here.",
    points=4)

EXERCISE = Exercise("ex03", "03 · Attribution", {"q1": q1, "q2": q2, "q3": q3, "q4": q4, "q5": q5, "q6": q6})
