"""Exercise 04 · Naming and framing: which words, in whose voice."""

from __future__ import annotations

import pandas as pd

from kit.exercises.core import ChoiceQuestion, Exercise, FrameQuestion, ReflectionQuestion, ValueQuestion
from kit.exercises.data import labelled, table


def _never_kapustin() -> set[str]:
    naming = labelled(table("naming"))
    commander = naming[naming["actor"] == "Denis Kapustin"]
    uses = commander.groupby("label")["surface"].apply(lambda s: s.str.contains("Kapustin").any())
    return set(uses[~uses].index)


q1 = ValueQuestion(
    "q1", "Which outlets name the commander of the Russian Volunteer Corps but never by his legal surname, "
          "Kapustin? Answer with the set of labels.",
    hints=["kit.naming(corpus) has a row per mention: filter actor == 'Denis Kapustin' and look at surface.",
           "Per label, is any surface containing 'Kapustin'? Keep the labels where none does."],
    expected=_never_kapustin)


def _capital_spelling() -> dict[str, str]:
    labels = labelled(table("labels"))
    own = labels[labels["surface"].isin(["Kiev", "Kyiv"]) & (labels["voice"] == "outlet")]
    return {label: surfaces.iloc[0] for label, surfaces in own.groupby("label")["surface"]}


q2 = ValueQuestion(
    "q2", "In its own voice, which spelling of Ukraine's capital does each outlet use? Answer with a dict "
          "{label: 'Kiev' or 'Kyiv'} for the outlets that write the name in their own voice.",
    hints=["kit.labels(corpus): surface is 'Kiev' or 'Kyiv' and voice == 'outlet'.",
           "Group those rows by label and take the spelling each uses."],
    expected=_capital_spelling)


def _militant_by_voice() -> pd.DataFrame:
    labels = labelled(table("labels"))
    rows = labels[labels["category"] == "militant"]
    return rows.groupby(["label", "voice"]).size().reset_index(name="count")


q3 = FrameQuestion(
    "q3", "Count the labels of category 'militant' by outlet and voice: a table with the columns label, voice and "
          "count (only the combinations that occur).",
    hints=["Filter kit.labels(corpus) on category, add the outlet label, then groupby([\"label\", \"voice\"]).size().",
           ".reset_index(name=\"count\") turns the counts into a table with a count column."],
    expected=_militant_by_voice)

q4 = ChoiceQuestion(
    "q4", "'Russia blames Kiev for the attack.' Which of Entman's framing functions does the sentence report Russia "
          "performing?",
    hints=["Entman's four functions: define problems, diagnose causes, make moral judgements, suggest remedies."],
    options={"A": "defining the problem", "B": "diagnosing causes", "C": "making a moral judgement",
             "D": "suggesting a remedy"},
    correct="B",
    why_not={"A": "The attack is already the problem; the sentence says who is behind it.",
             "C": "Blame can carry judgement, but what is asserted here is who caused the attack.",
             "D": "No course of action is proposed."})


q5 = ReflectionQuestion(
    "q5", "Rewrite this sentence so that the label moves from the outlet's own voice into an attribution, without "
          "adding any new claim: 'The militants crossed into the Belgorod region.' Then say in a sentence what the "
          "change does for a reader.",
    hints=["Who uses the word 'militants' for these groups in the corpus? kit.labels shows the voice of each use."],
    rubric="2 points: the label is credited to a named or described source with a reporting verb (or in quotation "
           "marks with a cue); the outlet's narration uses a neutral word. 1 point: no new claim added. 1 point: says "
           "what changes for the reader (whose word it is).",
    min_words=15, points=4)

EXERCISE = Exercise("ex04", "04 · Naming and framing", {"q1": q1, "q2": q2, "q3": q3, "q4": q4, "q5": q5})
