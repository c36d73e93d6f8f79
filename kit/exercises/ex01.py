"""Exercise 01 · The corpus: from web copy to tables."""

from __future__ import annotations

import pandas as pd

from kit.exercises.core import ChoiceQuestion, Exercise, FrameQuestion, FunctionQuestion, ReflectionQuestion, ValueQuestion
from kit.exercises.data import corpus

BODY_KINDS = ("body", "headline")


def _article(seeds, label: str) -> str:
    return seeds.articles.loc[seeds.articles["label"] == label, "article_id"].iloc[0]


def _paragraphs_of_moscow_times() -> int:
    seeds = corpus()
    return int((seeds.paragraphs["article_id"] == _article(seeds, "The Moscow Times (AFP)")).sum())


def _counted_blocks(answer, expected):
    seeds = corpus()
    blocks = seeds.blocks[(seeds.blocks["article_id"] == _article(seeds, "The Moscow Times (AFP)"))
                          & (seeds.blocks["kind"] == "body")]
    if answer == len(blocks):
        return "You counted body blocks. One paragraph was split by the web copy and the kit joins it again."
    return None


q1 = ValueQuestion(
    "q1", "How many body paragraphs does The Moscow Times (AFP) copy have? Count its rows in corpus.paragraphs.",
    hints=["Find its article_id in corpus.articles (column label), then filter corpus.paragraphs on it.",
           "len(corpus.paragraphs[corpus.paragraphs[\"article_id\"] == article_id])"],
    expected=_paragraphs_of_moscow_times, feedback=[_counted_blocks])


def _boilerplate_table() -> pd.DataFrame:
    seeds = corpus()
    furniture = seeds.blocks[~seeds.blocks["kind"].isin(BODY_KINDS)]
    counts = furniture.groupby("article_id").size()
    return pd.DataFrame({"label": seeds.articles["label"],
                         "boilerplate_blocks": seeds.articles["article_id"].map(counts).fillna(0).astype(int)})


q2 = FrameQuestion(
    "q2", "Make a table with one row per article and two columns: label, and boilerplate_blocks, the number of "
          "its blocks whose kind is neither body nor headline (articles with none count 0).",
    hints=["Filter corpus.blocks to the kinds that are not body or headline, then count per article_id.",
           "counts = furniture.groupby(\"article_id\").size(); map them onto corpus.articles and fill the gaps with 0."],
    expected=_boilerplate_table)


def _share_of_body(seeds, article_id: str) -> float:
    blocks = seeds.blocks[seeds.blocks["article_id"] == article_id]
    body = blocks[blocks["kind"] == "body"]
    return round(100 * (body["end"] - body["start"]).sum() / len(seeds.texts[article_id]), 1)


def _share_cases():
    seeds = corpus()
    return [((seeds, article_id), _share_of_body(seeds, article_id)) for article_id in seeds.articles["article_id"]]


q3 = FunctionQuestion(
    "q3", "Write share_of_body(corpus, article_id): the percentage (0 to 100, rounded to 1 decimal) of the "
          "article's characters that lie in its body blocks.",
    hints=["corpus.blocks has no length column: a block's number of characters is its end minus its start, "
           "and the article's is len(corpus.texts[article_id]).",
           "Filter corpus.blocks on the article and on kind == \"body\", sum the lengths, divide, times 100, round(..., 1)."],
    function_name="share_of_body",
    cases=_share_cases)

q4 = ChoiceQuestion(
    "q4", "The unnamed site's copy ends with 'Leave a Reply' and 'This site uses Akismet to reduce spam'. "
          "What does that tell a careful reader?",
    hints=["Look at the block kind and the rule the kit gives these lines in corpus.blocks."],
    options={"A": "The article was written by Akismet.",
             "B": "The article is an opinion piece.",
             "C": "The copy comes from a site with a WordPress comment form: page furniture, not the article.",
             "D": "Readers' comments are part of the report."},
    correct="C",
    why_not={"A": "Akismet is a spam filter for comment forms, not an author: check the block's rule.",
             "B": "Nothing in these lines is about the article's genre.",
             "D": "The lines invite comments; they are not comments, and the kit keeps them out of the body."})


q5 = ReflectionQuestion(
    "q5", "What does a web copy lose compared with the page it was copied from, and why does that matter for "
          "source criticism? Use one of the five seeds as an example.",
    hints=["Compare the articles table: which fields are empty, and what does their evidence say?"],
    rubric="2 points: names something lost (date, byline, URL, outlet name, images, links) with a seed as evidence. "
           "1 point: says why it matters (provenance cannot be checked; wire copy may be edited). "
           "1 point: a next step a reader can take (lateral reading, search for the original).",
    points=4)

EXERCISE = Exercise("ex01", "01 · The corpus", {"q1": q1, "q2": q2, "q3": q3, "q4": q4, "q5": q5})
