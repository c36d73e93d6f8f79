"""Notebook 06 · Your own articles (see docs/notebook_style.md).

The first code cell is papermill's ``parameters`` cell, so the whole lesson runs on any folder:

    .venv/bin/papermill notebooks/06_your_own_articles.ipynb out.ipynb -p CORPUS_DIR path/to/folder

Every later cell must work on a folder with no quotes, no labels, no claims, or no readable file.
"""

from common import build, code, md

CELLS = [
    md("# 06 · Your own articles\n\n"
       "**Time:** about 20 minutes, plus your own time · **Method:** the whole toolkit on a new folder: "
       "check the files first, then read who is quoted, which words are used, how sure the coverage "
       "sounds and which numbers are claimed (attribution, Entman's framing functions, the T of SIFT)\n\n"
       "**You will learn to**\n"
       "1. load a folder of your own `.txt` articles and read its problems table (info, warning, error);\n"
       "2. re-run the analyses of the earlier lessons on it and say what each table and figure shows, "
       "including when it shows nothing;\n"
       "3. write the one-page report, and add a `manifest.csv` and word-list entries, each with a source."),
    md("> **Content note.** Articles about a war report violence and quote extremist language. The kit "
       "marks words and numbers and says who uses them; it does not judge them, and neither should your "
       "report: present every claim as a claim made by someone."),
    md("## Choose your folder\n\n"
       "Save each article as a plain-text `.txt` file (copy the page text; the kit sets menus and promos "
       "aside). The folder `my_articles`, beside this notebook, is there for them: open it in the file "
       "browser on the left and drag your files in, or use the *Upload* button (the upward arrow).\n\n"
       "Then write the folder's path below and run all cells. A path is read from the `notebooks` "
       "folder, where this notebook is: `\"my_articles\"`, `\"my_articles/strike\"`, or a full path "
       "such as `\"~/Documents/articles\"` (`~` is your home folder). If the kit cannot find the "
       "folder it says which full path it tried. `None` loads the five case-study articles."),
    code("# A folder of .txt articles, as a path; None means the bundled seeds.\nCORPUS_DIR = None"),
    code("import kit\n"
         "from kit import plots\n\n"
         "corpus = kit.load_corpus(CORPUS_DIR)\n"
         "corpus"),
    md("## Problems with the files\n\n"
       "Every file ends up in `corpus.articles`, in `corpus.problems`, or in both. The `severity` says "
       "what happened:\n\n"
       "- **info**: not an article, skipped (a README, a `.csv`): nothing to fix;\n"
       "- **warning**: read, but check it: an encoding guessed, a file missing from the manifest, no "
       "article text found;\n"
       "- **error**: not read at all: an empty, binary or duplicate file, a manifest row without its file."),
    code("if corpus.problems.empty:\n"
         "    print(\"No problems with the files.\")\n"
         "else:\n"
         "    display(corpus.problems[[\"file\", \"severity\", \"problem\", \"detail\"]])"),
    md("Fix what you can (save the file again as UTF-8 plain text, remove duplicates) and run the "
       "notebook again."),
    md("## The articles\n\n"
       "One row per article read. `metadata_from` says whether a field came from your `manifest.csv` "
       "or was inferred from the text; every field has an `_evidence` column that says why."),
    code("if corpus.articles.empty:\n"
         "    print(\"No article could be read: check the folder name and the problems above.\")\n"
         "else:\n"
         "    display(corpus.articles[[\"label\", \"title\", \"published\", \"event\", \"n_words\", \"metadata_from\"]])"),
    md("Where does the page end and the article begin? Only `body` blocks count as the article's text; "
       "if menus or promos show up as `body`, see *Edit the word lists* below."),
    code("fig, table = plots.block_kinds(corpus)"),
    md("## Run the analyses\n\n"
       "`kit.analyze` gives every table of the earlier lessons in one bundle. Each table is computed "
       "the first time you read it and kept with the corpus, so nothing is computed twice."),
    code("tables = kit.analyze(corpus)\n"
         "quotes, hedges, labels = tables.attributions, tables.hedges, tables.labels\n"
         "claims, comparison = tables.claims, tables.comparison\n"
         "print(len(quotes), \"attributions,\", len(labels), \"labels,\", len(hedges), \"hedges,\", len(claims), \"numbers\")"),
    md("An empty table is a finding too: nothing there, or words the kit's lists do not know. Read a "
       "text before you decide which."),
    md("## Who gets quoted?\n\n"
       "Attributions per outlet, by speaker group: whose voices does each article carry?"),
    code("fig, table = plots.voices_per_outlet(corpus, quotes)"),
    code("by = plots.speaker_scheme(corpus).column  # a topic pack's groups, else the speakers' types\n"
         "if quotes.empty:\n"
         "    print(\"No attributions found: no one is quoted or reported, or the kit missed the cues.\")\n"
         "else:\n"
         "    display(quotes[by].replace(\"\", \"other\").value_counts().rename(\"attributions\"))  # as in the figure"),
    md("Speaker *groups* (the raiding units, Russian officials, Ukrainian officials …) come from the "
       "case study's topic pack, `seeds/topic/groups.csv`. Your folder has no topic pack unless you "
       "write one, so the kit groups speakers by *type*: person, organisation, government, unnamed "
       "(\"an official said\") and so on. Which voices are missing? A side that is never quoted is a "
       "question for the reader, not an answer."),
    md("### Rows to check by hand\n\n"
       "The kit abstains rather than guesses: `unresolved` means it found a reporting verb but could "
       "not tell who spoke; `unnamed` is a speaker the text itself does not name. On articles it was "
       "not written against, the kit finds about 9 in 10 attributions and names the right speaker for "
       "about 8 in 10 (see `docs/attribution_method.md`), so read these rows in the text."),
    code("to_check = quotes[quotes[\"speaker_type\"].isin([\"unresolved\", \"unnamed\"])]\n"
         "print(len(to_check), \"of\", len(quotes), \"attributions have no named speaker\")\n"
         "if len(to_check):\n"
         "    display(to_check[[\"article_id\", \"speaker_surface\", \"cue\", \"speaker_type\"]].head(8))"),
    md("## Which labels, in whose voice?\n\n"
       "The same word means something different in the outlet's narration and inside a quotation. "
       "Compare voices before comparing outlets."),
    code("fig, table = plots.labels_heatmap(corpus, labels, quotes)"),
    code("if labels.empty:\n"
         "    print(\"No label from kit/data/labels.csv was found in these articles.\")\n"
         "else:\n"
         "    display(labels.groupby([\"category\", \"voice\"]).size().unstack(fill_value=0))"),
    md("**Try it:** change `\"category\"` to `\"term\"` in the cell above. Which exact words lie behind "
       "the categories, and who uses them?"),
    md("The labels above come from `kit/data/labels.csv`, words used for many stories (\"terrorist\", "
       "\"militant\", \"regime\" …). The words one story uses for its own actors (the case study's "
       "names for the raiding groups, say) sit in its topic pack, so your folder will not have them. "
       "The naming table still shows how each text names each actor it finds:"),
    code("names = tables.naming\n"
         "if names.empty:\n"
         "    print(\"No names of people or organisations found.\")\n"
         "else:\n"
         "    display(names.groupby([\"actor\", \"surface\"]).size().sort_values(ascending=False)\n"
         "            .rename(\"mentions\").head(10))"),
    md("## How sure does the coverage sound?\n\n"
       "Hedges (\"may\"), boosters (\"clearly\"), weasel words (\"reportedly\") and verification "
       "formulas (\"could not independently verify\"), per 1,000 words of article text."),
    code("if corpus.articles.empty:\n"
         "    print(\"No articles, so no rates per 1,000 words.\")\n"
         "else:\n"
         "    fig, table = plots.hedges_per_1000_words(corpus, hedges, quotes)"),
    code("if hedges.empty:\n"
         "    print(\"No hedge, booster, weasel word or verification formula from kit/data/hedges.csv was found.\")\n"
         "else:\n"
         "    display(hedges.groupby([\"type\", \"voice\"]).size().unstack(fill_value=0))"),
    md("## Numbers across sources\n\n"
       "Numbers lined up with others about the same thing: the same event, the same counted thing "
       "or measure, in the same unit (killed with killed, pounds with pounds). The dot plot draws "
       "casualty and capture counts when there are any, else every kind. A ring marks a conflict: a "
       "prompt to read both passages and check their scope, never a verdict.\n\n"
       "The `event` of each article comes from your `manifest.csv` (see below) or from the topic pack. "
       "Without one, the kit cannot tell two stories apart and lines up the numbers of unrelated "
       "articles: give each article its `event` before you read the conflicts."),
    code("fig, table = plots.claims_dotplot(corpus, comparison)"),
    code("if comparison.empty:\n"
         "    print(\"No numbers to line up: the kit found no count, sum or measure in these articles.\")\n"
         "else:\n"
         "    conflicts = comparison[comparison[\"conflict\"]]\n"
         "    print(len(conflicts), \"of\", len(comparison), \"lined-up numbers differ from another about the same thing\")\n"
         "    display(conflicts[[\"event\", \"counted\", \"side\", \"claimant\", \"quantity\"]].head(12))"),
    md("**Try it:** in the dot plot cell, replace `claims_dotplot(corpus, comparison)` with "
       "`claims_timeline(corpus, claims)`. Which of your articles are undated, and where does the "
       "figure put them?"),
    md("## Read the first article, highlighted\n\n"
       "Every finding above comes with its evidence in the text. Hover over a highlight to see why "
       "the kit marked it."),
    code("if corpus.articles.empty:\n"
         "    print(\"No article to show.\")\n"
         "else:\n"
         "    first = corpus.articles.loc[0, \"article_id\"]  # try another row number\n"
         "    display(kit.show(corpus, first, layers=[\"attributions\", \"labels\", \"hedges\", \"claims\"],\n"
         "                     attributions=quotes, labels=labels, hedges=hedges, claims=claims))"),
    md("Check three highlights against your own reading: did the kit find the right speaker, and did "
       "it miss a quotation?"),
    md("## Write the one-page report\n\n"
       "From a terminal in the repository folder, with your folder's path:\n\n"
       "```bash\n"
       ".venv/bin/python -m kit report path/to/folder --out report.html\n"
       "```\n\n"
       "It writes one self-contained page (the articles, the problems, every figure above with its "
       "table, and each article highlighted) that opens in any browser, offline. The cell below can "
       "build the same page in memory, without writing a file, and list its sections."),
    code("import re\nfrom kit.views.report import build_report\n\n"
         "BUILD_HERE = False  # True: build the page here and list its sections (takes a few seconds)\n"
         "page = build_report(corpus) if BUILD_HERE and len(corpus.articles) else \"\"\n"
         "print(re.findall(r\"<h2>(.*?)</h2>\", page) if page else \"Not built (BUILD_HERE is False, or no article).\")"),
    md("**Try it:** set `BUILD_HERE = True` and run the cell. Which sections of the page match the "
       "sections of this notebook, and which one is new?"),
    md("The report shows what the kit found; your one-page write-up says what a careful reader should "
       "ask. For each section, write one finding *with the words of the text* and who uses them, and one "
       "question the kit cannot answer (lateral reading: what do other sources say?)."),
    md("## Add a manifest.csv\n\n"
       "The kit infers title, outlet, wire agency, byline, date, URL and event from each text. When "
       "you know better, for example from the original page, add a `manifest.csv` to your folder: "
       "one row per file, a `file` column, and any of `label`, `title`, `outlet`, `wire_agency`, "
       "`byline`, `published` (YYYY-MM-DD), `url`, `event`, each with an optional `<field>_evidence` "
       "column that says how you know:\n\n"
       "```\n"
       "file,label,published,published_evidence,event\n"
       "my_article.txt,Example outlet,2024-03-12,date line on the original page,March 2024 Kursk and Belgorod raids\n"
       "```\n\n"
       "A column you include wins even where a cell is empty (empty means \"the text does not settle "
       "this\"); a column you leave out is inferred. `seeds/manifest.csv` is a full example."),
    code("if not corpus.articles.empty:  # where the first article's metadata came from\n"
         "    row = corpus.articles.iloc[0]\n"
         "    for field in [\"label\", \"metadata_from\", \"published\", \"published_evidence\"]:\n"
         "        print(f\"{field}: {row[field]}\")"),
    md("## Edit the word lists in kit/data\n\n"
       "What the kit finds depends on its word lists, CSV files in `kit/data/`: `labels.csv`, "
       "`hedges.csv`, `claim_terms.csv` (what a number counts), `roles.csv` (titles and roles before names), "
       "`reporting_verbs.csv`, `boilerplate.csv` (page furniture) and more; `kit/data/README.md` "
       "explains every column. Add a row when your articles use a term the kit misses, and fill in its "
       "`source`: a style guide, Wikipedia's *Words to watch*, a named report, or \"general English "
       "usage\". The kit reads the lists afresh at every `load_corpus`, so run this notebook again from "
       "the top after an edit."),
    code("import pandas as pd\nfrom kit.text.wordlists import DATA_DIR\n\n"
         "pd.read_csv(DATA_DIR / \"hedges.csv\").head(3)  # every row names its source"),
    md("## What to remember\n\n"
       "- Read the problems table first: a file with an *error* was not read at all, and its absence "
       "changes every count.\n"
       "- An empty table or figure is a finding too: nothing there, or a word the lists miss. Read the "
       "text before you decide which.\n"
       "- Every finding has evidence in the text: check it before you put it in your report.\n"
       "- Claims stay claims: name who says what, and give a source for every word-list entry.\n\n"
       "For instructors: the exercises for each lesson, and how their student versions are made, are "
       "described in [exercises/README.md](../exercises/README.md)."),
]
if __name__ == "__main__":
    build("06_your_own_articles", CELLS, parameters=True)
