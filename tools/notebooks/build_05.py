"""Notebook 05 · Claims and numbers (see docs/notebook_style.md)."""

from common import build, code, md

CELLS = [
    md("# 05 · Claims and numbers\n\n"
       "**Time:** about 30 minutes · **Method:** tracing claims to their original context (the **T** of "
       "SIFT) and reading numbers as claims\n\n"
       "**You will learn to**\n"
       "1. list the numbers an article reports and say, for each, what it counts, whose, and who claims it;\n"
       "2. trace a number back to the attribution sentence behind it and say whether it is hedged;\n"
       "3. read a number as a range, and tell a difference of scope from a contradiction without "
       "declaring either source right."),
    md("> **Content note.** This lesson is about casualty figures: claims that people were killed, "
       "wounded or captured in the raids. It quotes the words sources use for the fighters (such as "
       "'Ukrainian nationalists'). Every figure here is a claim by a party to the war or by a "
       "reporter; the lesson asks how to read each one, not which one is true."),
    md("## Why numbers need tracing\n\n"
       "A number looks exact and neutral, so it travels well: from a ministry statement to a wire "
       "story to a web copy, sometimes losing its *said* on the way. SIFT's last move, **Trace claims "
       "to their original context**, asks: who first gave this number, in which words, and how sure "
       "did they sound? The kit finds each number and keeps the link to whoever the text says "
       "gave it."),
    code("import kit\n"
         "from kit import plots\n"
         "corpus = kit.load_corpus()\n"
         "quotes = kit.attributions(corpus)\n"
         "hedges = kit.hedges(corpus, quotes)\n"
         "claims = kit.claims(corpus, quotes, hedges)  # one row per number"),
    md("## Every number, with what it counts\n\n"
       "`counted` says what a number counts: an event (killed, wounded, captured …), a measure (hour, "
       "kilometre) or the thing counted (fighter, village, follower). `side` says whose (for this story's "
       "topic pack: raiders, Russian forces, civilians); the words next to the number decide both. "
       "`claimant` says who the text credits with it."),
    code("claims[\"label\"] = claims[\"article_id\"].map(corpus.articles.set_index(\"article_id\")[\"label\"])\n"
         "claims[[\"label\", \"quantity\", \"counted\", \"side\", \"claimant\", \"voice\"]]"),
    md("Look at `claimant`: \"outlet narration\" means the outlet states the number in its own voice; "
       "every other number is someone's claim that the outlet passes on. How many of each kind?"),
    code("claims[\"claimant_group\"].value_counts()"),
    md("## Who claims it? Trace a number to its sentence\n\n"
       "`attribution_id` links a number to the row of the attribution table whose content holds it: "
       "the speaker, the reporting verb (the *cue*) and the exact words reported. Take the first "
       "\"more than 70\" in the corpus."),
    code("matching = claims[claims[\"quantity\"] == \"more than 70\"]\n"
         "if matching.empty:\n"
         "    print(\"No number is written exactly so. Try one of:\", \", \".join(sorted(claims[\"quantity\"].unique())))\n"
         "else:\n"
         "    claim = matching.iloc[0]  # the first one in the corpus\n"
         "    print(claim[\"label\"], \"|\", claim[\"claimant\"], \"|\", claim[\"voice\"])\n"
         "    display(quotes.loc[quotes[\"attribution_id\"] == claim[\"attribution_id\"],\n"
         "                       [\"speaker_surface\", \"speaker\", \"cue\", \"verb_stance\", \"content\"]])"),
    md("`speaker_surface` is the word the article uses; `speaker` is who the kit takes it to mean. "
       "Now read the whole sentence the number sits in:"),
    code("if matching.empty:\n"
         "    print(\"Pick a quantity from the list in the cell above first.\")\n"
         "else:\n"
         "    in_sentence = (corpus.sentences[\"article_id\"] == claim[\"article_id\"]) & \\\n"
         "                  (corpus.sentences[\"sentence_id\"] == claim[\"sentence_id\"])\n"
         "    print(*corpus.sentences.loc[in_sentence, \"text\"])"),
    md("**Try it:** in the cell that picks `claim`, change `\"more than 70\"` to `\"over 70\"`, then to "
       "`\"around 30\"`, and run it and the next cell again. Which reporting verb does the unnamed site use? "
       "Why is the attribution table empty for \"around 30\"?"),
    md("## Hedged or not\n\n"
       "A number can carry its own caution: an approximator (\"more than\", \"around\", \"almost\"), a "
       "hedge or weasel word in the same sentence (\"allegedly\"), or a distancing reporting verb "
       "(\"claimed\"). `hedge_evidence` says which of these the kit saw."),
    code("claims.loc[claims[\"hedged\"], [\"label\", \"quantity\", \"claimant\", \"hedge_evidence\"]]"),
    md("Ask of each row: is the caution the claimant's own (\"more than\" inside the reported words) "
       "or the outlet's choice (\"claimed\" in the reporting verb)? And which numbers carry no caution "
       "at all?"),
    md("## A number is a range\n\n"
       "\"More than 70\" does not say 70. The kit turns each number into a range, `low` to `high`; "
       "`inf` means the text sets no upper limit. Vague words get ranges by a fixed convention of the "
       "kit (see `kit/data/amounts.csv`, which an instructor can edit), not by anything the article says."),
    code("claims.loc[claims[\"low\"] != claims[\"high\"], [\"label\", \"quantity\", \"value\", \"low\", \"high\", \"counted\"]]"),
    md("Read the `high` of \"more than 70\": which numbers of killed fighters would make that claim "
       "true?"),
    md("## Numbers in words\n\n"
       "Many numbers are not written in figures: \"two\", \"a dozen\", \"no one\". A search for digits "
       "would miss all of these:"),
    code("claims.loc[~claims[\"quantity\"].str.contains(r\"\\d\"),\n"
         "           [\"label\", \"quantity\", \"value\", \"low\", \"high\", \"counted\", \"side\"]]"),
    md("**Try it:** `parse_number` is how the kit reads a number phrase. Change `\"dozens\"` to "
       "`\"a couple of\"`, `\"hundreds\"` or `\"seventy-two\"`. Which readings are facts of English and "
       "which are the kit's conventions?"),
    code("from kit.framing.claims import parse_number\n\n"
         "parse_number(\"dozens\")  # (low, high)"),
    md("## The same quantity across sources\n\n"
       "`compare_claims` lines up the casualty and capture claims about the same event, the same count "
       "and the same side. `conflict` is true when a claim's range cannot be true together with "
       "another's; `conflict_in_article` when that happens inside one article."),
    code("comparison = kit.compare_claims(corpus, claims)\n"
         "comparison[[\"counted\", \"side\", \"label\", \"claimant\", \"quantity\", \"conflict\", \"conflict_in_article\"]]"),
    md("The same table as a figure: one dot per claim, coloured by who makes it; a black ring marks a "
       "conflict and an arrow an open range."),
    code("fig, table = plots.claims_dotplot(corpus, comparison)"),
    md("Look at the ringed dots: which claimant groups do they belong to, and are any two rings "
       "claimed by the same speaker?"),
    md("## One article, several figures: scope or contradiction?\n\n"
       "The unnamed site's copy is flagged with `conflict_in_article`. Read the reported words behind "
       "each of its casualty numbers: the claim, who the text credits with it, the reporting verb, "
       "and the words reported."),
    code("unnamed = corpus.articles.loc[corpus.articles[\"label\"] == \"Unnamed site\", \"article_id\"].item()\n"
         "rows = claims[(claims[\"article_id\"] == unnamed) & claims[\"counted\"].isin([\"killed\", \"wounded\"])]\n"
         "for row in rows.merge(quotes, on=[\"article_id\", \"attribution_id\"]).itertuples():\n"
         "    print(f\"{row.quantity!r} ({row.counted}), {row.claimant} {row.cue}: {row.content}\\n\")"),
    md("Before you call this a contradiction, ask what a careful reader asks (the kit flags, you read):\n\n"
       "- **Scope.** \"no one was killed\" is said of \"the volunteer forces that entered the Belgorod "
       "region\"; \"two killed and 10 wounded\" are \"total losses on his side of the operation\". "
       "Are these the same people, over the same days?\n"
       "- **Part and whole.** Can \"two of his fighters had been 'lightly wounded'\" and \"10 wounded\" "
       "both be true?\n"
       "- **Time and source.** Does the text say when each statement was made, and which source each "
       "passage rests on?\n"
       "- **Trace.** Where could you find Kapustin's own words (the groups' channels, the press "
       "conference an embedded post mentions), and other coverage of them?"),
    md("Hover over the highlighted numbers in the article to see what the kit read (click the bar "
       "to the left of a long output to fold it away)."),
    code("kit.show(corpus, unnamed, layers=[\"attributions\", \"claims\"], attributions=quotes, claims=claims)"),
    md("## When was each number published? A claims timeline\n\n"
       "Figures change as an event unfolds: a first count, a later total. The timeline puts each "
       "article's casualty and capture claims at the article's publication date."),
    code("fig, table = plots.claims_timeline(corpus, claims)"),
    md("Each column is one article, grouped by event (the events are sorted by name, not by date). "
       "Within an event, copies without a date come after the dated ones: there is no date to place "
       "them by. Which articles are not on the timeline at all, and why? Now read why dates are missing:"),
    code("for row in corpus.articles.itertuples():\n"
         "    print(f\"{row.label} | {row.published or 'undated'} | {row.published_evidence}\\n\")"),
    md("Web copies often drop the date line of the original, and words like \"on Wednesday\" narrow "
       "the date only to a week. What does a missing date stop you from knowing about the unnamed "
       "site's two sets of figures?"),
    md("**Try it:** in the dot plot cell, replace `comparison` with "
       "`comparison[comparison[\"counted\"] == \"wounded\"]`. Which claims are left, and does any ring "
       "disappear?"),
    md("## What to remember\n\n"
       "- A number is a claim: name who makes it, and trace it to the sentence it sits in, then beyond "
       "the copy to the original statement.\n"
       "- Read the words around a number: \"more than\", \"around\" and \"claimed\" turn it into a range "
       "or put distance between the outlet and the claimant.\n"
       "- A conflict flag is a prompt to read both passages: check scope (who, which days, lightly "
       "wounded or all wounded) and time before speaking of a contradiction.\n"
       "- An undated copy cannot tell you which figure came first: find the original.\n\n"
       "**Exercise:** [05 · Claims and numbers](../exercises/student/05_claims_and_numbers.ipynb)\n\n"
       "Next: `06_your_own_articles.ipynb`."),
]
if __name__ == "__main__":
    build("05_claims_and_numbers", CELLS)
