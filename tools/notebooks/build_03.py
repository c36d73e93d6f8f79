"""Notebook 03 · Attribution: who gets to speak? (see docs/notebook_style.md)."""

from common import build, code, md

CELLS = [
    md("# 03 · Attribution: who gets to speak?\n\n"
       "**Time:** about 30 minutes · **Method:** attribution conventions: what counts as an "
       "attribution, its kind (direct, mixed, indirect, according to, social), its speaker and its cue\n\n"
       "**You will learn to**\n"
       "1. find the three parts of an attribution (content, source, cue) in a sentence and name its kind;\n"
       "2. compare outlets by whom they quote, how directly, and with which reporting verbs;\n"
       "3. check how the kit identified a speaker (\"he\", \"the commander\") and say where it can be wrong."),
    md("> **Content note.** This lesson quotes claims about killed and wounded people and the words "
       "of armed groups whose leaders some quoted sources call far-right. Quoting a source is not agreeing "
       "with it: the lesson looks at *who* is quoted and *how*, not at who is right."),
    md("## Setup\n\nRun this cell first. It loads the five articles and finds every attribution "
       "**once**; the cells below reuse the table."),
    code("import pandas as pd\n"
         "import kit\n"
         "from kit import plots\n"
         "pd.set_option(\"display.max_colwidth\", 100)  # show more of each quotation\n"
         "corpus = kit.load_corpus()\n"
         "attributions = kit.attributions(corpus)  # one row per (source, cue), reused below"),
    md("## What counts as an attribution\n\n"
       "An article *attributes* when it presents words or a claim as someone else's. Three parts "
       "must be there: the **content** (what is said), the **source** (who) and the **cue** (the "
       "word that links them). The Moscow Times (AFP) copy has this sentence: \"Moscow said Russian "
       "forces killed more than 70 fighters, but the groups denied Russia's claims of mass "
       "casualties.\" Here is what the kit found in it:"),
    code("columns = [\"speaker_surface\", \"cue\", \"content\", \"speaker\", \"kind\"]\n"
         "attributions.loc[attributions[\"content\"].str.contains(\"70 fighters|mass casualties\"), columns]"),
    md("Three rows, one per (source, cue) pair. Look at the `cue` column: a noun (\"claims\") can "
       "be a cue too, so Russia's claim sits *inside* the groups' denial. `speaker` gives one "
       "name for the source however the text words it (`speaker_surface`)."),
    md("## Five kinds of attribution\n\n"
       "- **direct**: the content is all inside quotation marks;\n"
       "- **mixed**: reported speech with a quoted piece in it;\n"
       "- **indirect**: reported speech without quotation marks;\n"
       "- **according_to**: a source phrase (*according to, citing, quoting, as reported by*);\n"
       "- **social**: the text of an embedded post, signed \"— Name (@handle) date\".\n\n"
       "The first example of each kind in the corpus:"),
    code("attributions.groupby(\"kind\").head(1)[[\"kind\", \"speaker_surface\", \"cue\", \"content\"]]"),
    md("The further from **direct**, the more the outlet's own words stand between you and the "
       "speaker. The full rules and hard cases are in `docs/annotation_guidelines.md`."),
    md("## Who gets to speak?\n\n"
       "The voices an article lets speak shape the story before any adjective does. Each bar is "
       "one outlet's attributions, coloured by the speaker's group."),
    code("fig, table = plots.voices_per_outlet(corpus, attributions)"),
    md("Which outlets quote mostly the raiding groups (`rvc`, `legion`)? Which give room to the "
       "Russian or Ukrainian government, or to analysts? The numbers behind the bars:"),
    code("table.pivot(index=\"speaker_group\", columns=\"label\", values=\"attributions\")  # one column per outlet"),
    md("Longer articles have room for more voices: compare the totals with "
       "`corpus.articles[\"n_words\"]` before comparing outlets."),
    md("## Direct, mixed or indirect?\n\n"
       "A direct quotation gives the speaker's own words; in indirect speech the outlet chooses "
       "the words. We add each row's outlet label, then count kinds per outlet."),
    code("attributions[\"outlet\"] = attributions[\"article_id\"].map(corpus.articles.set_index(\"article_id\")[\"label\"])\n"
         "pd.crosstab(attributions[\"kind\"], attributions[\"outlet\"], margins=True)  # one column per outlet"),
    md("Compare each outlet's `direct` row with its `All` row: which outlet lets its sources speak "
       "in their own words most often, and which paraphrases them?\n\n"
       "**Try it:** change `\"kind\"` to `\"speaker\"` in the cell above. Which outlet relies "
       "most on a single speaker, and who is it?"),
    md("## Reporting verbs carry a stance\n\n"
       "\"Said\" is neutral. \"Claimed\" distances the outlet from the claim; \"denied\" implies "
       "there was an accusation to deny; \"insisted\" emphasises, and can hint at doubt. The kit "
       "takes each verb's stance from `kit/data/reporting_verbs.csv`, where every row names its source:"),
    code("verbs = pd.read_csv(\"../kit/data/reporting_verbs.csv\", keep_default_na=False)\n"
         "verbs[verbs[\"lemma\"].isin([\"say\", \"claim\", \"deny\", \"insist\"])]"),
    code("fig, table = plots.stance_per_outlet(corpus, attributions)"),
    md("Look at the orange (distancing) and red (guilt-implying) parts of each bar. Then ask: "
       "distancing from *whom*? Here is every \"claim\" in the corpus:"),
    code("attributions.loc[attributions[\"cue_lemma\"] == \"claim\", [\"outlet\", \"speaker\", \"cue\", \"content\"]]"),
    md("Read the `content` column too: in \"claimed responsibility\" the verb is the usual idiom, "
       "not a sign of doubt. A stance is a convention from style guides, a reason to look "
       "closer, not proof of bias.\n\n"
       "**Try it:** change `\"claim\"` to `\"deny\"`, then to `\"insist\"`. Who denies, and "
       "what does each denial answer?"),
    md("## Unnamed sources and social-media posts\n\n"
       "SIFT asks you to **I**nvestigate the source. An unnamed source cannot be checked; the kit "
       "keeps the affiliation the text gives (`speaker_group`) and nothing more."),
    code("unnamed = attributions[\"speaker\"].str.startswith(\"unnamed\")\n"
         "attributions.loc[unnamed, [\"outlet\", \"speaker_surface\", \"speaker\", \"speaker_group\", \"content\"]]"),
    md("Who exactly are \"Russian authorities\" or \"Experts\"? The text does not say, so neither "
       "can the kit. Posts are different: each is signed by an account you can trace."),
    code("attributions.loc[attributions[\"kind\"] == \"social\", [\"outlet\", \"speaker_surface\", \"speaker_group\", \"content\"]]"),
    md("Read the last two posts: each reports what someone else said (\"Denis Nikitin\", "
       "\"Caesar\"). That is three layers (outlet, post, speaker) between you and the words: "
       "**T**race the claim to its original context."),
    md("## Who is \"he\"? Check the resolution\n\n"
       "When the source is \"he\", \"they\" or \"the commander\", the kit picks a name by rules "
       "(the last speaker, the most recent person or group named). The `resolution` column "
       "shows the chain, so you can check it."),
    code("resolved = attributions[attributions[\"resolution\"].str.contains(\"->\", regex=False)]\n"
         "print(len(resolved), \"of\", len(attributions), \"speakers were resolved from a pronoun or a role\")\n"
         "later = resolved[\"article_id\"].isin(corpus.articles[\"article_id\"][3:])  # the two 2024 articles\n"
         "resolved.loc[later, [\"outlet\", \"speaker_surface\", \"speaker\", \"resolution\"]]"),
    md("Find \"the militants\" in the Kyiv Independent rows. The sentence reads \"According to the "
       "militants, they have captured 25 Russian military personnel.\" The kit chose the three groups "
       "named together in the second sentence. The article's first sentence says \"The Russian Volunteer Corps "
       "claimed to have captured 25 Russian soldiers\". Which reading does the text support? "
       "(The project's annotators chose the RVC: `docs/annotation_guidelines.md`, §7, case 14.)"),
    md("## How sure is the kit?\n\n"
       "`confidence` is a score the kit's rules give from the kind of evidence (a direct quote "
       "with a named speaker scores higher than a bare colon). It is not a measured probability."),
    code("pd.crosstab(attributions[\"kind\"], attributions[\"confidence\"])"),
    md("Start checking at the low end: sort by `confidence` and read those rows in the text first."),
    md("## See it in the text\n\n"
       "The highlighted view marks content (blue), speaker (orange) and cue (green). Hover over a "
       "highlight to read the rule and the resolution."),
    code("article_id = corpus.articles.loc[3, \"article_id\"]\n"
         "kit.show(corpus, article_id, attributions=attributions)"),
    md("Find \"According to the militants\" and hover over it; then reread the first two sentences.\n\n"
       "**Try it:** change `3` to `1` (the unnamed site). How are the embedded posts marked, and "
       "which \"he\" would you check first?"),
    md("## How well the kit does, and what it cannot do\n\n"
       "The project's annotators marked every attribution in the five articles by hand "
       "(`tests/fixtures/gold_attributions.jsonl`). The kit scores itself against them:"),
    code("from kit.attribution.evaluation import evaluate, mismatches, read_gold\n"
         "gold = read_gold(\"../tests/fixtures/gold_attributions.jsonl\")\n"
         "evaluate(attributions, gold)[[\"kind\", \"overlap_f1\", \"exact_f1\", \"speaker_accuracy\", \"n_gold\"]]"),
    md("These are the articles the rules were written on, so the scores flatter the kit. On 24 "
       "sealed test articles on twelve other subjects (courts, sport, labour …), never used to write "
       "the rules, it found attributions with overlap F1 0.924 and named the right speaker for 0.874 "
       "of them; on ten raid articles in unfamiliar outlet styles, 0.931 and 0.837 "
       "(`benchmarks/ACCURACY.md`, by subject). On new articles, expect to correct one speaker in "
       "eight or so, more in some subjects. The rows the kit gets wrong here:"),
    code("mismatches(attributions, gold)[[\"problem\", \"speaker\", \"content\", \"got\"]]"),
    md("Each row is a known limit listed in `docs/attribution_method.md`: a quotation nested inside "
       "another (Putin's words inside Kapustin's), a verb not in the list (\"lists … as one of its "
       "objectives\"), a passive (\"which has been claimed by\"), a speaker named only later "
       "(\"a leading analyst\" is Keir Giles), a bare plural (\"Anti-Kremlin Russians\") and "
       "\"the militants\" resolved by recency, not meaning. The kit finds; you check."),
    md("## What to remember\n\n"
       "- An attribution has content, a source and a cue; its kind tells you how close you are to "
       "the speaker's own words.\n"
       "- Who is quoted, and with which verb (\"said\", \"claimed\", \"denied\"), is a choice: "
       "compare outlets, and read the content before reading bias into a verb.\n"
       "- Unnamed sources and posts need tracing: investigate the source, find better coverage.\n"
       "- The kit's speakers are rule-based and come with evidence: read `resolution`, and check "
       "low-confidence rows in the text.\n\n"
       "**Exercise:** [03 · Attribution](../exercises/student/03_attribution.ipynb)\n\n"
       "Next: `04_naming_and_framing.ipynb`."),
]
if __name__ == "__main__":
    build("03_attribution", CELLS)
