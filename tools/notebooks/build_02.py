"""Notebook 02 · Source criticism: who wrote it, who published it? (see docs/notebook_style.md)."""

from common import build, code, md

CELLS = [
    md("# 02 · Source criticism: who wrote it, who published it?\n\n"
       "**Time:** about 30 minutes · **Method:** lateral reading and SIFT (Stop, Investigate the "
       "source, Find better coverage, Trace claims to their original context)\n\n"
       "**You will learn to**\n"
       "1. read the provenance of each copy (outlet, wire agency, byline, date, URL) from the "
       "kit's tables and quote the evidence for each field;\n"
       "2. tell wire copy from republication, and write down what a lateral reader would check "
       "next for a copy whose publisher is not settled;\n"
       "3. find who says they could not verify a claim, and tell a difference in scope from a "
       "contradiction inside one article."),
    md("> **Content note.** These articles report on armed raids during the war between Russia and "
       "Ukraine, on casualties, and on armed groups whose leaders are called far-right or neo-Nazi by "
       "researchers and monitoring groups quoted in them, and by some of the outlets themselves (lesson "
       "04 asks who uses such labels, and in whose voice). Some outputs below quote casualty claims. The notebook teaches *how to read the "
       "reporting*: every claim is a claim made by someone, and we do not take sides."),
    md("## SIFT: four moves before you trust a page\n\n"
       "Professional fact-checkers do not judge a page by how it looks or by what it says about "
       "itself. They leave it and read *across* the web about it: **lateral reading**. "
       "Mike Caulfield's SIFT names four moves:\n\n"
       "- **Stop.** Before you believe, quote or share, pause: do you know what this page is and "
       "who stands behind it?\n"
       "- **Investigate the source.** Find out who wrote it and who published it, from other "
       "sources, not only from the page.\n"
       "- **Find better coverage.** Look for other reports of the same event, ideally the original "
       "outlet or one you know, and compare.\n"
       "- **Trace claims to their original context.** Follow a quote or a number back to where it "
       "was first said (a press conference, a ministry statement, a wire story) and check that "
       "the copy reports it faithfully.\n\n"
       "The kit works offline, so it cannot read laterally for you. It gives the evidence *in* "
       "the text; your job is to decide what to check *outside* it."),
    md("## Load the corpus"),
    code("import kit\nimport pandas as pd\nfrom kit import plots\n"
         "from kit.views import records  # long texts row by row, so no column is cut off\n"
         "corpus = kit.load_corpus()\ncorpus"),
    md("## 1 · Who wrote it, who published it?\n\n"
       "An *outlet* publishes; a *wire agency* (AFP, Reuters) writes stories that many outlets "
       "publish; a *byline* names the reporter. Look at which cells are empty: the text does not "
       "settle them."),
    code("corpus.articles[[\"label\", \"outlet\", \"wire_agency\", \"byline\", \"published\", \"url\"]]"),
    md("Every field has an `*_evidence` column: the line of the copy that shows it, or why it is "
       "not settled (`manifest:` means a person checked it and wrote it in `seeds/manifest.csv`)."),
    code("records(corpus.articles, [\"label\", \"byline\", \"byline_evidence\"])"),
    md("**Try it:** change `byline` and `byline_evidence` to `url` and `url_evidence`, then to "
       "`wire_agency` and `wire_agency_evidence`. "
       "Which copy tells you where it was published, and which copies name a wire agency only "
       "as a source they cite?"),
    md("## 2 · Wire copy: an AFP story on The Moscow Times\n\n"
       "The same wire story can appear on many sites. Ask two questions: who wrote it, and who "
       "chose to publish it?"),
    code("records(corpus.articles.loc[[0]], [\"label\", \"wire_agency_evidence\", \"outlet_evidence\"])"),
    md("The byline names an AFP reporter; only the URL at the end points to The Moscow Times. "
       "**Find better coverage:** the AFP story may run on other sites too, with other headlines "
       "or cuts. Comparing two copies shows what a site changed."),
    md("## 3 · Reuters copy on a site that is not named\n\n"
       "The fifth copy names Reuters but no publisher. Read the evidence, then check the two clues "
       "it mentions in the raw text yourself."),
    code("records(corpus.articles.loc[[4]], [\"label\", \"outlet_evidence\"])"),
    code("raw = corpus.texts[corpus.articles.loc[4, \"article_id\"]]\n"
         "print(\"first line:\", raw.splitlines()[0][:40])\n"
         "print(\"'Mr ' occurs\", raw.count(\"Mr \"), \"times\")"),
    md("A `date … KYIV -` line and the honorific \"Mr\" are habits of a publishing site, not "
       "proof of one. **Investigate the source:** a lateral reader would search for the first "
       "sentence in quotation marks, find the Reuters original, and compare: what did the site "
       "add, and what did it cut?"),
    md("## 4 · Missing bylines and dates\n\n"
       "Some copies have no date line. What clues does the text leave, and how far do they get "
       "us? Look for dates that belong to something else."),
    code("undated = corpus.articles[corpus.articles[\"published\"] == \"\"]\n"
         "records(undated, [\"label\", \"published_evidence\"])"),
    md("\"On Wednesday\" needs a week to point to; a post's date is the post's date; the Kyiv "
       "Independent copy's 'May 24, 2023' belongs to its photo, not to the article. A missing date "
       "is a question to answer laterally, not a gap to fill with a guess."),
    md("## 5 · The copy that calls itself NBC News\n\n"
       "**Stop** here: the text says \"NBC News\" several times. Is a page what it says it is? "
       "Read why the kit leaves `outlet` empty:"),
    code("records(corpus.articles.loc[[2]], [\"label\", \"outlet_evidence\"])"),
    md("Check the spelling clue in the tables. `kit.labels` finds spellings with their *voice*: "
       "the outlet's own narration (`outlet`), a quotation (`quoted`) or reported speech "
       "(`attributed`). A house style shows most clearly in the outlet's own voice. (Voice comes "
       "from `kit.attributions`, notebook 03; we compute it once and reuse it below.)"),
    code("quotes = kit.attributions(corpus)\n"
         "labelled = kit.labels(corpus, quotes)\n"
         "spellings = labelled[labelled[\"term\"].isin([\"Kiev\", \"Kyiv\"])]\n"
         "spellings.groupby([\"article_id\", \"term\", \"voice\"]).size()"),
    md("And the end of the page (`002` is the 'NBC News' copy):"),
    code("page = corpus.blocks[corpus.blocks[\"article_id\"] == corpus.articles.loc[2, \"article_id\"]]\n"
         "records(page.tail(3), [\"line\", \"kind\", \"rule\", \"text\"])"),
    md("None of this is a verdict. A lateral reader would next:\n\n"
       "1. open NBC News' own site and search for the headline; if the story is there, compare "
       "date, byline, spelling and wording;\n"
       "2. search a distinctive sentence in quotation marks to see which other sites carry it;\n"
       "3. ask whether a newsroom's page would end with \"Leave a comment\", and check NBC's "
       "style for Kiev/Kyiv in 2023.\n\n"
       "Until then, the honest label is the kit's: *the text presents itself as NBC News*."),
    md("## 6 · Who says what they could not verify?\n\n"
       "A verification disclaimer tells you that the outlet passes on a claim it could not check. "
       "`kit.hedges` finds them (type `verification`); `merge` looks up each one's sentence."),
    code("hedges = kit.hedges(corpus, quotes)\n"
         "checks = hedges[hedges[\"type\"] == \"verification\"]\n"
         "records(checks.merge(corpus.sentences, on=[\"article_id\", \"sentence_id\"]),\n"
         "        [\"article_id\", \"term\", \"voice\", \"text\"])"),
    md("Both disclaimers are in the outlet's own voice: \"The Kyiv Independent could not verify "
       "the claims.\" and \"Reuters could not independently verify the battlefield claims.\" The "
       "other copies have no such sentence *in the kit's word list*. Does that mean they checked "
       "the claims, or that they mark claims another way (\"the groups said\")?"),
    md("The figure compares how often each copy hedges, boosts, uses weasel words or disclaims, "
       "per 1,000 words, so that long and short copies can be compared."),
    code("fig, table = plots.hedges_per_1000_words(corpus, hedges)"),
    code("table[table[\"type\"] == \"verification\"]"),
    md("**Try it:** change `\"verification\"` to `\"weasel\"` in the cell above. Which copies use "
       "weasel words (\"it has been reported\") and how often, per 1,000 words?"),
    md("## 7 · An article that contradicts itself?\n\n"
       "`kit.compare_claims` lines up casualty claims and flags `conflict_in_article` when two "
       "figures in one article cannot both be true. A flag is a prompt to read, not a verdict."),
    code("claims = kit.claims(corpus, quotes, hedges)\n"
         "compared = kit.compare_claims(corpus, claims)\n"
         "flagged = compared[compared[\"conflict_in_article\"]]\n"
         "flagged[[\"label\", \"counted\", \"side\", \"claimant\", \"quantity\"]]"),
    md("All the flags are in the unnamed site's copy. Read the sentences behind the `killed` "
       "rows (**Trace claims**). `start` is where the number sits in the raw file."),
    code("chosen = flagged[flagged[\"counted\"] == \"killed\"]\n"
         "sentences = corpus.sentences[[\"article_id\", \"sentence_id\", \"text\"]]\n"
         "found = claims[claims[\"claim_id\"].isin(chosen[\"claim_id\"])]\n"
         "found = found.merge(sentences, on=[\"article_id\", \"sentence_id\"])\n"
         "records(found, [\"claimant\", \"quantity\", \"start\", \"text\"])"),
    md("Moscow's figures and Kapustin's differ: a conflict *between* sources, each figure "
       "attributed to its claimant. The two Kapustin sentences are different: \"no one was "
       "killed\" and \"two killed\", both about his side. Before you call that a contradiction, "
       "ask about **scope**: the same fighters? the same moment (during the raid, or after it "
       "ended)? the same reporter? What else is on the page between these numbers?"),
    code("unnamed = corpus.blocks[corpus.blocks[\"article_id\"] == found[\"article_id\"].iloc[0]]\n"
         "inside = unnamed[\"start\"].between(found[\"start\"].min(), found[\"start\"].max())\n"
         "records(unnamed[inside & (unnamed[\"kind\"] != \"body\")], [\"line\", \"start\", \"kind\", \"text\"])"),
    md("Compare the `start` values: between the numbers sit embedded posts (one announces "
       "\"a final press conference on the results\"), teasers for other stories, and a new "
       "headline, after which the last figure appears. The copy may stitch together reports from "
       "different moments and sources: trace each figure to its original (the Ukrinform report, "
       "the press conference, the ministry's statement) before deciding."),
    md("**Try it:** in the cell that shows the sentences, change `\"killed\"` to `\"wounded\"` "
       "in its first line, and run the next cell again. "
       "\"two volunteers were wounded\" and \"10 wounded\": a contradiction, or a difference in scope?"),
    md("## What to remember\n\n"
       "- Provenance has parts: who wrote it (byline, wire agency) and who published it (outlet, "
       "URL). A copy can settle one and not the other; the `*_evidence` columns say which.\n"
       "- What a page says about itself is a claim too: read laterally (its own site, other "
       "copies, house style) before you name the publisher.\n"
       "- \"Could not verify\" tells you who passes on an unchecked claim; its absence does not "
       "mean the claim was checked.\n"
       "- A conflict flag is a prompt: check scope, moment and source before you call it a "
       "contradiction.\n\n"
       "**Exercise:** [02 · Source criticism](../exercises/student/02_source_criticism.ipynb)"),
]
if __name__ == "__main__":
    build("02_source_criticism", CELLS)
