"""Notebook 00 · Start here (see docs/notebook_style.md)."""

from common import build, code, md

CELLS = [
    md("# 00 · Start here: Reading the Raids\n\n"
       "**Time:** about 15 minutes · **Method:** source criticism, starting with *who published what*\n\n"
       "**You will learn to**\n"
       "1. run a notebook cell and load the case-study articles with the `kit` package;\n"
       "2. read the table of articles and say, for each, what the text itself tells us about its source;\n"
       "3. tell the article's own text apart from the web page around it (menus, promos, comment boxes)."),
    md("> **Content note.** These articles report on armed raids during the war between Russia and "
       "Ukraine, on casualties, and on armed groups whose leaders are called far-right or neo-Nazi by "
       "researchers and monitoring groups quoted in them, and by some of the outlets themselves (lesson "
       "04 asks who uses such labels, and in whose voice). The notebooks teach *how to read the reporting*: they present every claim as a claim "
       "made by someone, and they do not take sides."),
    md("## How to run a cell\n\nClick a grey code cell and press **Shift + Enter**. The result "
       "appears below the cell. Run the cells from top to bottom."),
    code("import kit\n\ncorpus = kit.load_corpus()  # the five case-study articles in seeds/\ncorpus"),
    md("## What happened, as the sources report it\n\n"
       "- In **May 2023**, two groups of Russian citizens fighting on Ukraine's side, the *Russian "
       "Volunteer Corps* and the *Freedom of Russia Legion*, said they had crossed into Russia's "
       "Belgorod region. Russia's defence ministry said it had repelled the attack and killed more "
       "than 70 attackers; the groups denied that figure.\n"
       "- In **March 2024**, the same groups and the *Siberian Battalion* said they had launched "
       "raids into the Kursk and Belgorod regions. Russia's defence ministry said it had repelled them.\n\n"
       "Each of these sentences says *who* makes the claim. Keep that habit: it is what this series "
       "is about."),
    md("## The corpus at a glance\n\nOne row per article. `label` is a short name for the source; "
       "empty cells are fields the text does not settle."),
    code("corpus.articles[[\"label\", \"title\", \"published\", \"wire_agency\", \"n_words\"]]"),
    md("Every field comes with its **evidence**. Why is the outlet of the third article left empty, "
       "although the text mentions NBC News? Read the evidence:"),
    code("print(corpus.articles.loc[2, \"outlet_evidence\"])"),
    md("## Web copy is messy, on purpose\n\nThe files are copies of web pages. The kit keeps "
       "every character and labels each piece of the page as a *block*. Only `body` blocks count "
       "as the article's text."),
    code("corpus.blocks.pivot_table(index=\"kind\", columns=\"article_id\", values=\"block_id\",\n"
         "                           aggfunc=\"count\", fill_value=0)"),
    md("**Try it:** change `3` below to another article number (0 to 4) and look at its first blocks."),
    code("article_id = corpus.articles.loc[3, \"article_id\"]\n"
         "corpus.blocks.loc[corpus.blocks[\"article_id\"] == article_id, [\"kind\", \"text\", \"rule\"]].head(8)"),
    md("## A first look: who gets to speak?\n\nThe kit finds every *attribution*: what is said "
       "(blue), who says it (orange) and the word that links them (green). Hover over a highlight "
       "to see why the kit marked it. Notebook 03 is all about this."),
    code("from kit import plots\n\n"
         "quotes = kit.attributions(corpus)\n"
         "fig, table = plots.voices_per_outlet(corpus, quotes)"),
    md("Each bar is one article; each colour a group of speakers. The numbers behind the figure "
       "are in `table`. **Try it:** run `table.sort_values(\"attributions\", ascending=False).head()` "
       "in a new cell: which outlet quotes which group most?"),
    code("kit.show(corpus, \"004_d04297bcf570ef21\", attributions=quotes)"),
    md("## What to remember\n\n"
       "- Every finding in this kit comes with evidence you can check in the raw text.\n"
       "- A claim belongs to someone: name who makes it.\n"
       "- A web copy is not the article: look for what the page adds (promos, posts, links) and "
       "what it leaves out (dates, bylines, the outlet's name).\n\n"
       "Next: `01_the_corpus.ipynb`."),
]
if __name__ == "__main__":
    build("00_start_here", CELLS)
