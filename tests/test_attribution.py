"""Attribution: each behaviour the conventions ask for, on small texts of our own."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import kit
from conftest import FIXTURES, SEEDS
from kit.attribution import ATTRIBUTION_COLUMNS, attributions
from kit.attribution.evaluation import alias_map, evaluate, read_gold

RAIDS = SEEDS / "topic"  # the seeds' topic pack: canonical names and groups of the raids' actors
SEED_SPEAKER_FLOOR, SEED_GROUP_FLOOR = 0.96, 0.95  # measured by benchmarks/attribution_eval.py


def attribute(tmp_path, text: str, topic=False) -> pd.DataFrame:
    """Return the attributions of one article whose body is ``text`` (with a topic pack if given)."""
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    return attributions(kit.load_corpus(tmp_path, topic=topic))


def only(rows: pd.DataFrame) -> pd.Series:
    assert len(rows) == 1, rows[["kind", "speaker", "content", "rule"]].to_string()
    return rows.iloc[0]


def test_is_a_quote_split_by_its_cue_kept_as_one_attribution(tmp_path):
    rows = attribute(tmp_path, "Denis Kapustin spoke at the border.\n\n"
                               "“We will come back soon,” he said. “Wait for us. It is not over.”\n", topic=RAIDS)
    row = only(rows)
    assert row["kind"] == "direct"
    assert row["content"] == "We will come back soon,” he said. “Wait for us. It is not over."
    assert row["speaker"] == "Denis Kapustin"


@pytest.mark.parametrize("opening, closing", [("“", "”"), ('"', '"'), ("‘", "’"), ("'", "'")])
def test_are_straight_curly_and_single_quotation_marks_all_read(tmp_path, opening, closing):
    rows = attribute(tmp_path, f"{opening}The border is secure,{closing} Dmitry Peskov said.\n")
    row = only(rows)
    assert (row["kind"], row["content"], row["speaker"]) == ("direct", "The border is secure,", "Dmitry Peskov")


def test_does_a_quotation_over_several_paragraphs_keep_its_speaker(tmp_path):
    rows = attribute(tmp_path, "Kapustin told reporters: “The first phase is over.\n\n"
                               "“The second phase has begun.\n\n"
                               "“More will follow,” he added.\n", topic=RAIDS)
    assert list(rows["content"]) == ["The first phase is over.", "The second phase has begun.",
                                     "More will follow,"]
    assert set(rows["speaker"]) == {"Denis Kapustin"}
    assert list(rows["follow_on"]) == [False, True, False]
    assert rows.iloc[1]["cue"] == "" and rows.iloc[1]["kind"] == "direct"


def test_is_a_colon_attribution_found(tmp_path):
    row = only(attribute(tmp_path, "Governor Vyacheslav Gladkov wrote on Telegram: “The situation is difficult.”\n"))
    assert (row["kind"], row["speaker"], row["cue"]) == ("direct", "Vyacheslav Gladkov", "wrote")
    assert row["content"] == "The situation is difficult."


@pytest.mark.parametrize("sentence, content", [
    ("Andrii Yusov told Reuters the raid was carried out by Russian citizens.",
     "the raid was carried out by Russian citizens"),
    ("Andrii Yusov told journalists that the raid was carried out by Russian citizens.",
     "the raid was carried out by Russian citizens"),
    ("Andrii Yusov told the press at the border on Wednesday that the raid was carried out by Russian citizens.",
     "the raid was carried out by Russian citizens"),
])
def test_is_the_addressee_of_told_left_out_of_the_content(tmp_path, sentence, content):
    row = only(attribute(tmp_path, sentence + "\n", topic=RAIDS))
    assert (row["content"], row["speaker"], row["cue_lemma"]) == (content, "Andriy Yusov", "tell")


def test_does_a_title_before_a_name_give_the_person_and_their_side(tmp_path):
    row = only(attribute(tmp_path, "Kremlin spokesman Dmitry Peskov said the attack had been repelled.\n", topic=RAIDS))
    assert row["speaker_surface"] == "Kremlin spokesman Dmitry Peskov"
    assert (row["speaker"], row["speaker_group"]) == ("Dmitry Peskov", "russian_government")
    assert row["content"] == "the attack had been repelled"


@pytest.mark.parametrize("text, speaker, content", [
    ("“They want to see the regime fall,” Mark Galeotti, who heads the consultancy Mayak Intelligence, "
     "told NBC News.\n", "Mark Galeotti", "They want to see the regime fall,"),
    ("Alexei Baranovsky, the spokesman for the Legion's political wing, told Reuters the raid was a first step.\n",
     "Alexei Baranovsky", "the raid was a first step"),
])
def test_is_the_speaker_found_across_an_appositive(tmp_path, text, speaker, content):
    row = only(attribute(tmp_path, text))
    assert (row["speaker"], row["content"]) == (speaker, content)


def test_are_pronoun_and_role_speakers_resolved_with_their_chain(tmp_path):
    rows = attribute(tmp_path, "Denis Kapustin spoke to reporters near the border.\n\n"
                               "The commander said the raid had succeeded.\n\n"
                               "He added that more raids would follow.\n", topic=RAIDS)
    assert list(rows["speaker_surface"]) == ["The commander", "He"]
    assert set(rows["speaker"]) == {"Denis Kapustin"}
    assert rows["resolution"].str.contains("Denis Kapustin").all()
    assert rows.iloc[0]["resolution"].startswith("'The commander' ->")


def test_does_a_quotation_paragraph_without_cue_continue_the_speaker(tmp_path):
    rows = attribute(tmp_path, "“We crossed at dawn,” Kapustin said.\n\n“Nobody stopped us.”\n", topic=RAIDS)
    follow = rows[rows["follow_on"]]
    row = only(follow)
    assert (row["content"], row["speaker"], row["cue"]) == ("Nobody stopped us.", "Denis Kapustin", "")


@pytest.mark.parametrize("sentence, speaker, group", [
    ("Officials said the border crossing had been closed.", "unnamed officials", "anonymous"),
    ("Russian officials said the border crossing had been closed.", "unnamed Russian officials",
     "russian_government"),
    ("Ukrainian officials said the border crossing had been closed.", "unnamed Ukrainian officials",
     "ukrainian_government"),
    ("Sources said the border crossing had been closed.", "unnamed sources", "anonymous"),
    ("Experts said the border crossing had been closed.", "unnamed experts", "analyst_expert"),
])
def test_do_unnamed_sources_take_the_group_of_their_stated_affiliation(tmp_path, sentence, speaker, group):
    row = only(attribute(tmp_path, sentence + "\n", topic=RAIDS))
    assert (row["speaker"], row["speaker_type"], row["speaker_group"]) == (speaker, "unnamed", group)


@pytest.mark.parametrize("sentence, speaker", [
    ("Officials said the border crossing had been closed.", "unnamed officials"),
    ("Sudanese officials said the border crossing had been closed.", "unnamed Sudanese officials"),
    ("Sources said the border crossing had been closed.", "unnamed sources"),
])
def test_is_an_unnamed_source_unnamed_without_a_topic_pack_and_has_no_group(tmp_path, sentence, speaker):
    row = only(attribute(tmp_path, sentence + "\n"))
    assert (row["speaker"], row["speaker_type"], row["speaker_group"]) == (speaker, "unnamed", "")


def test_is_a_headline_of_the_form_x_says_y_an_indirect_attribution(tmp_path):
    rows = attribute(tmp_path, "Russia says it repelled a cross-border raid\n\n"
                               "The border region was shelled overnight. Schools were closed.\n", topic=RAIDS)
    row = only(rows)
    assert (row["kind"], row["speaker"], row["content"], row["source_block"]) == (
        "indirect", "Russian government", "it repelled a cross-border raid", "headline")


def test_are_scare_quotes_and_nicknames_not_attributions(tmp_path):
    rows = attribute(tmp_path, "The so-called “volunteers” crossed the border at dawn.\n\n"
                               "Kapustin, known as “White Rex”, leads the group. He goes by the call sign "
                               "'Caesar' in videos.\n")
    assert rows.empty


def test_are_agentless_evidentials_not_attributions(tmp_path):
    rows = attribute(tmp_path, "It has been reported that the unit was formed in 2022. Kapustin is said to have "
                               "founded a clothing brand. The group reportedly crossed the border.\n")
    assert rows.empty


def test_does_each_source_and_cue_get_its_own_row(tmp_path):
    rows = attribute(tmp_path, "Russia says 70 attackers were killed and insists the fighters are Ukrainian.\n", topic=RAIDS)
    assert list(rows["cue_lemma"]) == ["say", "insist"]
    assert list(rows["content"]) == ["70 attackers were killed", "the fighters are Ukrainian"]
    assert set(rows["speaker"]) == {"Russian government"}


@pytest.mark.parametrize("text, content", [
    ("According to the governor, two people were wounded.", "two people were wounded"),
    ("Two people were wounded, according to the governor.", "Two people were wounded"),
])
def test_is_according_to_read_on_either_side(tmp_path, text, content):
    row = only(attribute(tmp_path, "Belgorod governor Vyacheslav Gladkov spoke on Monday.\n\n" + text + "\n"))
    assert (row["kind"], row["content"], row["speaker"]) == ("according_to", content, "Vyacheslav Gladkov")


def test_is_an_embedded_post_a_social_attribution_of_its_account(tmp_path):
    # (a realistic paragraph before the post: the post can reach back at most 280 characters)
    rows = attribute(tmp_path, "The two groups said they crossed into the Belgorod region on Monday and stayed "
                               "for almost a day before returning to Ukraine, a claim that could not be "
                               "independently verified.\n\n"
                               "Fighters of the corps entered the village this morning\n\n"
                               "— Ukrainian Front (@front_ukrainian) May 22, 2023\n")
    row = only(rows[rows["kind"] == "social"])
    assert (row["speaker"], row["content"], row["cue"]) == (
        "Ukrainian Front", "Fighters of the corps entered the village this morning", "—")


def test_does_a_verb_of_reporting_carry_its_stance(tmp_path):
    rows = attribute(tmp_path, "Moscow claimed the attackers were Ukrainian. Kyiv denied any role.\n")
    assert list(zip(rows["cue_lemma"], rows["verb_stance"])) == [("claim", "distancing"),
                                                                 ("deny", "guilt_implying")]


def test_do_all_offsets_slice_the_raw_text(seeds):
    rows = attributions(seeds)
    assert list(rows.columns) == ATTRIBUTION_COLUMNS
    for row in rows.itertuples():
        raw = seeds.texts[row.article_id]
        assert raw[row.content_start:row.content_end] == row.content
        if not pd.isna(row.speaker_start):
            assert raw[row.speaker_start:row.speaker_end] == row.speaker_surface
        if not pd.isna(row.cue_start):
            assert raw[row.cue_start:row.cue_end] == row.cue
    assert rows["attribution_id"].is_unique


# Robustness: no exception, best-effort rows, and lower confidence where evidence is thin.

@pytest.mark.parametrize("text", [
    "“An odd number of marks,” he said. “And one more\n",
    "“This quotation never closes, the officials said.\n",
    "No quotation marks at all in this sentence, the official said.\n",
    "Дмитрий Песков заявил, что «ситуация под контролем».\n",
    "\"\"\"\n\n'''\n\n“”\n",
    "Navigation\n",
])
def test_does_odd_input_give_rows_or_nothing_but_never_an_error(tmp_path, text):
    rows = attribute(tmp_path, text)
    for row in rows.itertuples():
        assert 0 < row.confidence <= 1
        assert row.content_end > row.content_start


def test_is_an_unresolved_pronoun_kept_as_written_with_lower_confidence(tmp_path):
    row = only(attribute(tmp_path, "He said the border was closed.\n"))
    assert (row["speaker"], row["speaker_type"]) == ("He", "unresolved") and row["confidence"] < 0.5
    assert "no person named nearby" in row["resolution"]


@pytest.mark.slow
def test_is_a_10000_word_paragraph_handled(tmp_path):
    sentence = "Officials said the border was closed, and the governor said schools would stay shut. "
    rows = attribute(tmp_path, sentence * 700 + "\n")
    assert len(rows) == 1400


def test_do_the_seed_scores_stay_at_or_above_what_was_reached(seeds):
    scores = evaluate(attributions(seeds), read_gold(FIXTURES / "gold_attributions.jsonl"), alias_map(seeds.topic))
    overall = scores.set_index("kind").loc["all"]
    assert overall["overlap_f1"] >= 0.98
    assert overall["exact_f1"] >= 0.88
    assert overall["speaker_accuracy"] >= SEED_SPEAKER_FLOOR
    assert overall["group_accuracy"] >= SEED_GROUP_FLOOR


def raid_scores(folder: Path) -> pd.Series:
    """Return the overall scores of a raid set read with the seeds' topic pack."""
    corpus = kit.load_corpus(folder, topic=RAIDS)
    scores = evaluate(attributions(corpus), read_gold(folder / "gold_attributions.jsonl"), alias_map(corpus.topic))
    return scores.set_index("kind").loc["all"]


def test_does_the_extractor_hold_on_held_out_styles_it_was_not_built_on():
    """Synthetic articles in other outlets' styles (tests/fixtures/heldout), annotated blind."""
    overall = raid_scores(FIXTURES / "heldout")
    assert overall["overlap_f1"] >= 0.96
    assert overall["speaker_accuracy"] >= 0.84


def test_are_the_seeds_speakers_found_without_their_manifest_or_topic_pack(tmp_path):
    """The seed texts copied alone into a new folder: speakers from the text itself (issue 11: >= 0.90; now 0.947)."""
    for path in SEEDS.glob("*.txt"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    corpus = kit.load_corpus(tmp_path)
    assert corpus.topic is None
    scores = evaluate(attributions(corpus), read_gold(FIXTURES / "gold_attributions.jsonl"),
                      alias_map(kit.load_corpus().topic))  # the pack only to compare names, not to find them
    assert scores.set_index("kind").loc["all", "speaker_accuracy"] >= 0.93


def test_do_speakers_hold_on_the_development_set_of_other_subjects():
    """48 articles on 12 subjects, no topic pack (tests/fixtures/devset; blind first score 0.836 / 0.390)."""
    folder = FIXTURES / "devset"
    scores = evaluate(attributions(kit.load_corpus(folder, topic=False)), read_gold(folder / "gold_attributions.jsonl"), {})
    overall = scores.set_index("kind").loc["all"]
    assert overall["overlap_f1"] >= 0.92
    assert overall["speaker_accuracy"] >= 0.92


def test_do_speakers_hold_on_raid_articles_in_unfamiliar_outlet_styles():
    """Ten raid articles in ten outlet styles, with the seeds' topic pack (blind first score 0.897 / 0.730)."""
    overall = raid_scores(FIXTURES / "raidset")
    assert overall["overlap_f1"] >= 0.92
    assert overall["speaker_accuracy"] >= 0.82
