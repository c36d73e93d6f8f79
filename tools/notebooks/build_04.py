"""Notebook 04 · Naming and framing (see docs/notebook_style.md)."""

from common import build, code, md

CELLS = [
    md("# 04 · Naming and framing\n\n"
       "**Time:** about 35 minutes · **Method:** naming and labelling choices, read by voice, and "
       "Entman's four framing functions (define problems, diagnose causes, make moral judgements, "
       "suggest remedies)\n\n"
       "**You will learn to**\n"
       "1. compare which names and labels each outlet uses, and tell its own voice from the voices it quotes;\n"
       "2. sort sentences about one event into Entman's four functions, naming who frames each time;\n"
       "3. explain why a sentiment score is a pointer to a sentence, not a verdict on an outlet."),
    md("> **Content note.** This lesson quotes labels such as \"neo-Nazi\", \"terrorists\" and "
       "\"militants\", and statements about killing and armed revolt, made by governments, armed "
       "groups and analysts. Every one is shown as someone's words; none is the lesson's verdict."),
    md("## Setup\n\nRun these two cells first. The attribution table is computed **once** and "
       "passed to every analysis below: it tells the kit whose voice each word is in."),
    code("import pandas as pd\n"
         "import kit\n"
         "from kit import plots\n"
         "pd.set_option(\"display.max_colwidth\", 110)  # show more of each sentence"),
    code("corpus = kit.load_corpus()\n"
         "attributions = kit.attributions(corpus)\n"
         "outlet_of = corpus.articles.set_index(\"article_id\")[\"label\"]  # article_id -> outlet label\n"
         "attributions[\"outlet\"] = attributions[\"article_id\"].map(outlet_of)"),
    md("## One commander, several names\n\n"
       "The kit's actor table lists every name it knows for a person, with a source:"),
    code("actors = pd.read_csv(\"../seeds/topic/actors.csv\")\n"
         "actors.loc[actors[\"canonical\"] == \"Denis Kapustin\", [\"aliases\", \"description\", \"source\"]]"),
    md("`kit.naming` finds every mention of an actor and the name the text uses there. We sort "
       "each mention of the commander by the name in it, per outlet and voice:"),
    code("names = kit.naming(corpus, attributions)\n"
         "names[\"outlet\"] = names[\"article_id\"].map(outlet_of)\n"
         "kapustin = names[names[\"actor\"] == \"Denis Kapustin\"]\n"
         "name_used = kapustin[\"surface\"].str.extract(\"(Kapustin|Nikitin|White Rex)\", expand=False).fillna(\"role phrase\")\n"
         "pd.crosstab([kapustin[\"outlet\"], kapustin[\"voice\"]], name_used)"),
    md("Which copies use \"Kapustin\", which \"Nikitin\", and which give both? A name can follow the "
       "person's own choice, an earlier report or a house rule: a careful reader asks which, and "
       "checks whether the article tells the reader that the names belong to one man."),
    md("Governments get names too (\"Moscow\", \"the Kremlin\", \"Kiev\", \"Kyiv\")."),
    code("actor = \"Russian government\"\n"
         "chosen = names[names[\"actor\"] == actor]\n"
         "pd.crosstab(chosen[\"surface\"], chosen[\"outlet\"])  # one row per name, one column per outlet"),
    md("**Try it:** change `\"Russian government\"` to `\"Ukrainian government\"`. Which outlet "
       "writes \"Kiev\", and which \"Kyiv\"?"),
    md("## Labels, and whose voice they are in\n\n"
       "`kit.labels` finds describing words from `kit/data/labels.csv` (\"militants\", \"volunteers\", "
       "\"neo-Nazi\" …) and records the **voice**: the outlet's own narration, a quotation, reported "
       "speech (*attributed*), or scare quotes no source is credited with."),
    code("labels = kit.labels(corpus, attributions)\n"
         "labels[\"outlet\"] = labels[\"article_id\"].map(outlet_of)\n"
         "fig, table = plots.labels_heatmap(corpus, labels, attributions)"),
    md("Each outlet has four columns, one per voice. A count under `outlet` is the outlet's "
       "own word; under `quoted` or `attributed` it is a source's. The same word means different "
       "things in the two places. Here is every \"militant\", with its sentence:"),
    code("term = labels[labels[\"term\"].str.contains(\"militant\")]\n"
         "term.merge(corpus.sentences, on=[\"article_id\", \"sentence_id\"])[[\"outlet\", \"voice\", \"surface\", \"text\"]]"),
    md("Compare the rows: in the Unnamed site copy the word comes in reported speech (\"The "
       "Russian military said it had routed the militants\"); the 'NBC News' copy uses it in its "
       "own narration (\"the two militant groups\") and inside Peskov's quotation; the Kyiv "
       "Independent writes \"According to the militants\" in its own voice. Only in narration is the "
       "word the outlet's own.\n\n"
       "**Try it:** change `\"militant\"` to `\"neo-Nazi\"`, then to `\"volunteer\"`. Who uses each "
       "word: the outlet, or a source it quotes?"),
    md("## Kiev or Kyiv? Spelling choices\n\n"
       "\"Kiev\" transliterates the Russian name, \"Kyiv\" the Ukrainian one. The kit reads "
       "spellings apart from labels (category `spelling`):"),
    code("spelling = labels[labels[\"category\"] == \"spelling\"]\n"
         "pd.crosstab([spelling[\"connotation\"], spelling[\"term\"]], spelling[\"outlet\"])"),
    code("kiev_kyiv = spelling[spelling[\"term\"].isin([\"Kiev\", \"Kyiv\"])]\n"
         "pd.crosstab([kiev_kyiv[\"outlet\"], kiev_kyiv[\"voice\"]], kiev_kyiv[\"term\"])"),
    md("Check before you count: \"Kyiv\" also stands in the outlet's own name, \"The Kyiv "
       "Independent\". A name is not a spelling choice, so the kit does not count it (search "
       "`corpus.texts` for \"Kyiv\" to see the uses it left out). Is a spelling a political choice, a "
       "house style, or the year of writing? Lateral reading: look up the outlet's style guide."),
    md("## Entman's four framing functions, on one event\n\n"
       "Robert Entman (\"Framing: Toward Clarification of a Fractured Paradigm\", *Journal of "
       "Communication*, 1993) describes framing as selecting some aspects of an event and making them "
       "salient, so as to **define the problem**, **diagnose causes**, **make moral judgements** and "
       "**suggest remedies**. We apply the four to the May 2023 raid, reported by the first three "
       "articles:"),
    code("corpus.articles[[\"label\", \"title\", \"published\"]]"),
    code("may_2023 = attributions[attributions[\"article_id\"].isin(corpus.articles[\"article_id\"][:3])]\n"
         "columns = [\"outlet\", \"speaker\", \"cue\", \"content\"]"),
    md("Each function below is a filter on what the sources *say*. The frames belong to the "
       "speakers and to the outlets that chose to quote them, not to this lesson.\n\n"
       "### 1. Define the problem: what happened, and what kind of thing is it?\n\n"
       "Attributions that mention the attack or the crossing, first row per speaker:"),
    code("problem = may_2023[\"content\"].str.contains(\"attack|crossing\")\n"
         "may_2023.loc[problem, columns].drop_duplicates(\"speaker\")"),
    md("In The Moscow Times (AFP) copy, Russia says it fought off \"armed attackers who crossed ... "
       "from Ukraine\", while Kapustin frames any crossing as \"a success\". On the unnamed site, "
       "Russia's military says it \"routed the militants\", and Ukraine's government says \"the "
       "attack was carried out by Russian citizens\". Same event: an attack from Ukraine, a "
       "success, or a Russian affair, depending on who speaks."),
    md("### 2. Diagnose causes: who is behind it?\n\n"
       "Blame, denials of a role, and words about coordination or control:"),
    code("cause = may_2023[\"cue_lemma\"].eq(\"blame\") | may_2023[\"content\"].str.contains(\n"
         "    \"involvement|role in|coordinat|encourag|controlled\")\n"
         "may_2023.loc[cause, columns].drop_duplicates(\"speaker\")"),
    md("The 'NBC News' copy reports that Russia \"blames Kiev for the attack\"; Ukraine's government "
       "denied \"any role in the raid\" (unnamed site); Baranovsky denied \"the raid was coordinated "
       "with Ukrainian authorities\"; the analyst Mark Galeotti said the units \"are armed and "
       "controlled by Ukraine\". Read all six rows: one question, six answers."),
    md("### 3. Make moral judgements: what is it, good or bad?\n\n"
       "Verbs of describing (*call, hail, describe, cast, paint, portray, deem*) attach a label to "
       "something. The kit marks them with a `label:` rule:"),
    code("judgement = may_2023[\"rule\"].str.startswith(\"label\")\n"
         "may_2023.loc[judgement, columns]"),
    md("In The Moscow Times (AFP) copy, the Legion's \"Caesar\" (the kit's Maximilian Andronnikov) "
       "hails the operation as \"amazing\". In the 'NBC News' copy, the Anti-Defamation League "
       "describes Kapustin as \"a Russian neo-Nazi who lived in Germany for many years\", and the "
       "copy reports that the Legion's manifesto calls \"Putin's regime\" \"dictatorial\" (whether "
       "\"regime\" is the manifesto's word or the copy's, the text does not say). On the unnamed site, Kyiv casts the "
       "war as \"an unprovoked Russian war of conquest\". Whose judgements does each outlet let in?"),
    md("### 4. Suggest remedies: what should be done?\n\n"
       "Promises, vows, appeals and calls to act:"),
    code("remedy = may_2023[\"cue_lemma\"].isin([\"promise\", \"vow\", \"call on\", \"appeal\"])\n"
         "may_2023.loc[remedy, columns]"),
    md("Shoigu promises that Moscow would respond to more raids “extremely harshly.” (unnamed "
       "site); the Legion's manifesto calls on ethnic Russians and minorities \"to rise up "
       "against the Russian leader\" ('NBC News' copy); Kapustin appeals "
       "\"not to believe the Russian propaganda\" (unnamed site). Whose remedies are quoted, and "
       "whose are not?\n\n"
       "**Try it:** in the `may_2023` cell, change `[:3]` to `[3:]` (the March 2024 raids) and "
       "rerun the four filters. Which functions are still filled, and by whom?"),
    md("## Sentiment scores, and where they mislead\n\n"
       "TextBlob gives each sentence a polarity from −1 (negative) to +1 (positive). The kit "
       "scores each voice separately:"),
    code("sentiment = kit.sentiment(corpus, attributions)\n"
         "fig, table = plots.sentiment_by_voice(corpus, sentiment, attributions)"),
    md("Read the numbers before the bars: how far from 0 is any outlet, in any voice? In which "
       "voice is the score highest, and is that a mood or just more adjectives?"),
    code("table.pivot(index=\"label\", columns=\"voice\", values=\"polarity\")"),
    md("Averages hide sentences. Here are two the score gets wrong:"),
    code("sentiment[\"outlet\"] = sentiment[\"article_id\"].map(outlet_of)\n"
         "starts = (\"Russia had launched a criminal case\", \"They share a desire\")\n"
         "sentiment.loc[sentiment[\"text\"].str.startswith(starts), [\"outlet\", \"voice\", \"polarity\", \"text\"]]"),
    md("Both are in the 'NBC News' copy. The first reports a legal step (the Legion said Russia "
       "had opened a case against \"Caesar\"); the second is Galeotti's summary of what the groups "
       "want. Neither is a feeling about the raid. Why the scores? TextBlob's word list was built "
       "from **product reviews**:"),
    code("from textblob.en.sentiments import PatternAnalyzer\n"
         "score = PatternAnalyzer().analyze\n"
         "{word: score(word).polarity for word in [\"criminal\", \"best\", \"raid\", \"terrorists\", \"neo-Nazi\", \"wounded\"]}"),
    md("\"Criminal\" and \"best\" are review adjectives; these words of war score 0. Use a "
       "score to find a sentence worth reading, never as a verdict on an outlet.\n\n"
       "**Try it:** add `\"amazing\"`, `\"success\"` and `\"killed\"` to the list. Would a raid "
       "called \"amazing\" by a commander make an article \"positive\"?"),
    md("## What to remember\n\n"
       "- A name or label is a choice; first ask *whose* choice: the outlet's narration, or a source "
       "it quotes.\n"
       "- Count with care: read the sentence behind a count (a name like \"The Kyiv Independent\" "
       "is not a spelling choice).\n"
       "- Entman's four functions (problem, cause, judgement, remedy) help you see what each source "
       "selects; always say *who* frames.\n"
       "- Sentiment scores come from a product-review lexicon: pointers to sentences, not verdicts.\n\n"
       "**Exercise:** [04 · Naming and framing](../exercises/student/04_naming_and_framing.ipynb)"),
]
if __name__ == "__main__":
    build("04_naming_and_framing", CELLS)
