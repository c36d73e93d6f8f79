"""Exercise 05 · Claims and numbers: who claims what, how exactly, and where they disagree."""

from __future__ import annotations

import math

from kit.exercises.core import ChoiceQuestion, Exercise, FunctionQuestion, ReflectionQuestion, ValueQuestion
from kit.exercises.data import table


def _lowest_killed() -> float:
    rows = table("compare_claims")
    rows = rows[(rows["counted"] == "killed") & (rows["side"] == "raiders") & (rows["event"] == "May 2023 Belgorod raid")]
    return float(rows["low"].min())


q1 = ValueQuestion(
    "q1", "For the May 2023 raid, what is the lowest number of raiders killed that any claim in the corpus allows? "
          "(Use the low column of kit.compare_claims.)",
    hints=["Filter counted == 'killed', side == 'raiders' and the event, then take the minimum of low."],
    expected=_lowest_killed)


def _claimant_of_seventy() -> str:
    rows = table("compare_claims")
    row = rows[(rows["label"] == "The Moscow Times (AFP)") & (rows["quantity"] == "more than 70")]
    return str(row["claimant"].iloc[0])


q2 = ValueQuestion(
    "q2", "In The Moscow Times (AFP) copy, who claims that 'more than 70' raiders were killed? Answer with the "
          "claimant's name as the kit gives it.",
    hints=["Find the row with that label and quantity in kit.compare_claims(corpus) and read its claimant."],
    expected=_claimant_of_seventy)


def _ranges_conflict(a, b) -> bool:
    return a[1] < b[0] or b[1] < a[0]


q3 = FunctionQuestion(
    "q3", "Write ranges_conflict(a, b): True when two claims given as (low, high) ranges cannot both be true, "
          "False when they can. 'more than 70' is (71, math.inf).",
    hints=["Two ranges can both be true when they overlap.", "They do not overlap when one ends before the other begins."],
    function_name="ranges_conflict",
    cases=lambda: [(((0, 0), (2, 2)), True), (((71, math.inf), (70, 70)), True), (((71, math.inf), (100, 100)), False),
                   (((2, 2), (2, 2)), False), (((10, 14), (12, 12)), False), (((2, 2), (0, 0)), True)])

q4 = ChoiceQuestion(
    "q4", "The unnamed site reports Kapustin saying that two of his fighters had been 'lightly wounded', and that "
          "losses were 'two killed and 10 wounded'. The kit flags a conflict. What is the best reading?",
    hints=["A conflict flag means the two numbers cannot both be true if they count the same thing. Do they?"],
    options={"A": "One of the two numbers is a lie.",
             "B": "The kit made an error, so the flag can be ignored.",
             "C": "The larger number must be right.",
             "D": "They may count different things (lightly wounded vs all wounded): read both and trace the source."},
    correct="D",
    why_not={"A": "A difference is not yet a lie: check scope and who said what first.",
             "B": "The flag is right that the ranges differ; whether they conflict depends on what they count.",
             "C": "Size says nothing about accuracy."})


def _hedged_claims() -> int:
    return int(table("compare_claims")["hedged"].sum())


q5 = ValueQuestion(
    "q5", "How many of the claims lined up by kit.compare_claims(corpus) are hedged (hedged == True)?",
    hints=["Sum the hedged column: True counts as 1."],
    expected=_hedged_claims)


q6 = ReflectionQuestion(
    "q6", "Choose one number from the corpus and trace it: who first claimed it, how each outlet presents it "
          "(hedged, attributed, in whose voice), and what you would need to know to judge it.",
    hints=["kit.claims(corpus) links each number to the attribution that claims it (attribution_id)."],
    rubric="1 point: the number and its first claimant. 2 points: how two outlets present it (attributed, hedged, "
           "voice), with the sentences. 1 point: what evidence would settle it, without giving a verdict.",
    points=4)

EXERCISE = Exercise("ex05", "05 · Claims and numbers", {"q1": q1, "q2": q2, "q3": q3, "q4": q4, "q5": q5, "q6": q6})
