"""Notebook 01 · The corpus: from web copy to tables (see docs/notebook_style.md)."""

from common import build, code, md

CELLS = [
    md("# 01 · The corpus: from web copy to tables\n\n"
       "**Time:** about 25 minutes · **Method:** reading a web copy as a document: what is the "
       "article, and what is the page around it?\n\n"
       "**You will learn to**\n"
       "1. point at any line of a raw web copy and say which kind of *block* it is, and which rule "
       "of the kit set it aside;\n"
       "2. name what a web copy adds to an article (menus, promos, embedded posts, an author box) "
       "and what it loses (date, byline, the outlet's name), with an example from the five copies;\n"
       "3. use pandas to select columns, filter rows, count values, sort and count by group in "
       "`corpus.articles` and `corpus.sentences`."),
    md("> **Content note.** These articles report on armed raids during the war between Russia and "
       "Ukraine, on casualties, and on armed groups whose leaders are called far-right or neo-Nazi by "
       "researchers and monitoring groups quoted in them, and by some of the outlets themselves (lesson "
       "04 asks who uses such labels, and in whose voice). Some outputs below quote such words. The notebook teaches *how to read the reporting*: "
       "every claim is a claim made by someone, and we do not take sides."),
    md("## Load the corpus\n\nRun this first: it loads the five web copies in `seeds/`, "
       "imports the figures, and lets tables show longer texts."),
    code("import kit\nimport pandas as pd\nfrom kit import plots\n"
         "pd.set_option(\"display.max_colwidth\", 70)  # show up to 70 characters per cell\n"
         "corpus = kit.load_corpus()\ncorpus"),
    md("## 1 · The raw file\n\nBefore any table, look at the file as it was saved. This prints "
       "the first 14 lines of the Kyiv Independent copy, with line numbers (the manifest's "
       "evidence cites lines like these). Which lines are the article?"),
    code("article_id = corpus.articles.loc[3, \"article_id\"]\n"
         "raw = corpus.texts[article_id]\n"
         "for number, line in enumerate(raw.splitlines()[:14], start=1):\n"
         "    print(f\"{number:>2} | {line[:95]}\")"),
    md("Lines 1–6 ask for members and show a menu label; the headline comes only on line 8, "
       "followed by a reading time and a photo caption. The article's prose starts on line 14."),
    md("## 2 · Blocks: every piece of the page, labelled\n\nThe kit keeps every character and "
       "cuts the file into *blocks*. Each block has a `kind` and the `rule` that decided it, so "
       "you can check every decision. Look at the `rule` column."),
    code("blocks = corpus.blocks[corpus.blocks[\"article_id\"] == article_id]\n"
         "blocks[[\"line\", \"kind\", \"rule\", \"text\"]].head(10)"),
    md("Only `body` blocks are analysed as the article's text; the headline is kept as a "
       "headline. Everything else is page furniture: labelled, not deleted."),
    md("**Try it:** in the cell of section 1, change `3` to `1` (the unnamed site) and run "
       "sections 1 and 2 again. Which new kinds of block appear, and which rule found them?"),
    md("## 3 · What a web copy adds\n\nHow much of each file is the article? The figure shows, "
       "per copy, the share of characters in each kind of block; `table` holds the numbers."),
    code("fig, table = plots.block_kinds(corpus)"),
    md("Which copy has the smallest share of `body`? Filter the table to read the exact numbers:"),
    code("table[table[\"kind\"] == \"body\"]"),
    md("Embedded social-media posts and an author box are also part of some pages. They are "
       "not the outlet's words: a post belongs to whoever posted it."),
    code("extras = corpus.blocks[corpus.blocks[\"kind\"].isin([\"social_embed\", \"author_bio\"])]\n"
         "extras[[\"article_id\", \"line\", \"kind\", \"text\"]]"),
    md("## 4 · What a web copy loses\n\nA page on the outlet's own site shows its name, a date "
       "and an author. A copy often drops them. Empty cells are fields the text does not settle."),
    code("corpus.articles[[\"label\", \"outlet\", \"byline\", \"published\", \"url\"]]"),
    md("Count the empty cells in each column: `== \"\"` marks each empty cell `True`, and "
       "`.sum()` counts the `True`s."),
    code("(corpus.articles[[\"outlet\", \"byline\", \"published\", \"url\"]] == \"\").sum()"),
    md("Why each cell is empty, or filled, is in the matching `*_evidence` column. Notebook 02 "
       "reads them closely."),
    md("## 5 · A paragraph split mid-sentence\n\nIn the Moscow Times copy, the web copy broke "
       "one paragraph in two in the middle of a name. The kit marks the first half with its own "
       "rule:"),
    code("broken = corpus.blocks[corpus.blocks[\"rule\"] == \"sentence broken off by the web copy\"]\n"
         "broken[[\"article_id\", \"line\", \"kind\", \"text\"]]"),
    md("In `corpus.paragraphs` the two halves are one paragraph again, marked `joined`:"),
    code("joined = corpus.paragraphs[corpus.paragraphs[\"joined\"]]\n"
         "joined[[\"article_id\", \"paragraph_id\", \"start\", \"end\", \"joined\"]]"),
    md("Its text still holds the blank line, because `start` and `end` always point into the "
       "raw file:"),
    code("print(joined[\"text\"].iloc[0])"),
    md("The sentence table keeps \"President Vladimir … Putin\" together: count the sentences "
       "of this paragraph. No analysis reads \"Putin, spurring other Russians to act.\" as a "
       "sentence of its own."),
    code("paragraph = joined.iloc[0]\n"
         "same = ((corpus.sentences[\"article_id\"] == paragraph[\"article_id\"])\n"
         "        & (corpus.sentences[\"paragraph_id\"] == paragraph[\"paragraph_id\"]))\n"
         "corpus.sentences.loc[same, [\"sentence_id\", \"text\"]]"),
    md("## 6 · pandas, step by step\n\nEvery table in the kit is a pandas *DataFrame*: rows and "
       "named columns. Five moves cover most of what the lessons need.\n\n"
       "**Select columns.** Put a list of column names in square brackets (hence the double "
       "brackets `[[...]]`)."),
    code("corpus.articles[[\"label\", \"event\", \"n_words\"]]"),
    md("**Filter rows.** A condition gives `True` or `False` for each row; the table in square "
       "brackets keeps the `True` rows. Here: copies with more than 500 words of body text."),
    code("long = corpus.articles[\"n_words\"] > 500\ncorpus.articles.loc[long, [\"label\", \"n_words\"]]"),
    md("**Sort.** `sort_values` orders rows by a column; `ascending=False` puts the largest first."),
    code("corpus.articles[[\"label\", \"n_words\"]].sort_values(\"n_words\", ascending=False)"),
    md("**Count values.** `value_counts` counts how often each value occurs in one column: "
       "how many copies report on each raid?"),
    code("corpus.articles[\"event\"].value_counts()"),
    md("**Count by group.** Which copies name Kapustin, and in how many sentences? First filter "
       "the sentences that contain the name, then `groupby` the article and count the rows."),
    code("mentions = corpus.sentences[corpus.sentences[\"text\"].str.contains(\"Kapustin\")]\n"
         "mentions.groupby(\"article_id\").size()"),
    md("The first three digits of an `article_id` are its row in `corpus.articles` (000 is the "
       "Moscow Times copy). An article missing from this list has no sentence with \"Kapustin\" in it. Is that the "
       "same as not writing about him?"),
    md("**Try it:** change `\"Kapustin\"` to `\"Nikitin\"`, then to `\"White Rex\"`. Which copies "
       "use which name? (Notebook 04 looks at naming choices.)"),
    md("## 7 · A folder that is not clean\n\n`kit.load_corpus(path)` reads any folder of `.txt` "
       "files. A file it cannot read as an article is never dropped silently: it gets a row in "
       "`problems`, with the reason. Try it on the test folder of broken files:"),
    code("broken_folder = kit.load_corpus(\"../tests/fixtures/bad_inputs\")\n"
         "print(broken_folder)\n"
         "broken_folder.problems[[\"file\", \"problem\", \"severity\"]].head(8)"),
    md("`error` rows are files the kit did not load; `warning` rows were loaded, with a caveat "
       "to keep in mind; `info` rows note files that are not articles. The count in the first "
       "line leaves out `info` rows. For the five seeds it was `0 problems`."),
    md("## What to remember\n\n"
       "- A web copy is a document of its own: it adds things (menus, promos, posts, an author box) "
       "and loses things (date, byline, the outlet's name).\n"
       "- The kit labels every block and names the rule: keep the mess, label it, and check "
       "the label against the raw line.\n"
       "- A paragraph the copy split is joined again, so sentences stay whole.\n"
       "- pandas: `df[[cols]]` selects, `df[condition]` filters, `sort_values`, `value_counts` and "
       "`groupby(...).size()` count.\n\n"
       "**Exercise:** [01 · The corpus](../exercises/student/01_the_corpus.ipynb)"),
]
if __name__ == "__main__":
    build("01_the_corpus", CELLS)
