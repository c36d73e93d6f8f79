"""Speakers on any subject, found in the text itself: no topic pack, no list of the story's actors.

Each case is one the kit once got wrong on articles about councils, courts, strikes, companies,
sport and other wars (issue 11). Every test loads its text with ``topic=False``.
"""

from __future__ import annotations

import pandas as pd
import pytest

import kit


def attribute(tmp_path, text: str) -> pd.DataFrame:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    return kit.attributions(kit.load_corpus(tmp_path, topic=False))


def speaker_of(rows: pd.DataFrame, content_start: str) -> pd.Series:
    """Return the row whose content starts with ``content_start``."""
    found = rows[rows["content"].str.startswith(content_start)]
    assert len(found) == 1, rows[["speaker_surface", "speaker", "content", "rule"]].to_string()
    return found.iloc[0]


@pytest.mark.parametrize("text, speaker", [
    ("Mayor Linda Okafor said the budget would pass on Tuesday.", "Linda Okafor"),
    ("Attorney General Linda Sato said the appeal had no merit.", "Linda Sato"),
    ("Fire Chief Dana Whitlock said two homes had burned.", "Dana Whitlock"),
    ("Governor Mark Ellison said the state would pay for the repairs.", "Mark Ellison"),
    ("Deputy Defence Minister Mykhailo Podolyak said the report was false.", "Mykhailo Podolyak"),
    ("Shoppers were told to stay calm, said Northgate manager Maria Santos.", "Maria Santos"),
    ("One patient, Margaret Doyle, 71, said she had waited nine hours.", "Margaret Doyle"),
    ("The president's adviser, Mykhailo Podolyak, said the talks had failed.", "Mykhailo Podolyak"),
])
def test_is_a_person_after_a_title_or_in_an_apposition_the_speaker(tmp_path, text, speaker):
    rows = attribute(tmp_path, text + "\n")
    assert (rows.iloc[0]["speaker"], rows.iloc[0]["speaker_type"]) == (speaker, "person")


@pytest.mark.parametrize("text, speaker", [
    ("IBM said quarterly profits rose.", "IBM"),
    ("The Nurses' Union said 1,200 nurses would strike. The union said talks had failed.", "Nurses' Union"),
    ("The Rapid Support Forces (RSF) took the airport on Monday. The RSF said it controlled the city.",
     "Rapid Support Forces"),
    ("The Riverton City Council met on Monday. The council said the vote was final.", "Riverton City Council"),
])
def test_is_a_named_organisation_never_anonymous(tmp_path, text, speaker):
    rows = attribute(tmp_path, text + "\n")
    last = rows.iloc[-1]
    assert (last["speaker"], last["speaker_type"]) == (speaker, "organisation")
    assert "unnamed" not in last["resolution"]


def test_is_a_surname_alone_the_person_named_in_full(tmp_path):
    rows = attribute(tmp_path, "Carlos Navarro, the club's coach, arrived late.\n\n"
                               "Navarro said the deal was done.\n")
    assert speaker_of(rows, "the deal")["speaker"] == "Carlos Navarro"


def test_does_she_go_to_the_woman_not_to_the_man_named_last(tmp_path):
    rows = attribute(tmp_path, "One patient, Margaret Doyle, said the ward was full. Health Minister Tom Reed "
                               "visited the hospital on Monday.\n\n"
                               "“Nobody told us anything,” she said.\n")
    row = speaker_of(rows, "Nobody told")
    assert row["speaker"] == "Margaret Doyle"
    assert "pronoun" in row["resolution"] and "gender" in row["resolution"]


def test_does_he_go_to_the_councilman_not_to_the_woman_quoted_before(tmp_path):
    rows = attribute(tmp_path, "“We cannot afford this,” said council member Ana Lopez.\n\n"
                               "Councilman Raj Patel disagreed. “The city needs these homes,” he said.\n")
    assert speaker_of(rows, "The city needs")["speaker"] == "Raj Patel"


def test_does_a_pronoun_nothing_settles_stay_unresolved(tmp_path):
    rows = attribute(tmp_path, "The report was published on Monday.\n\n“It is a disgrace,” she said.\n")
    row = speaker_of(rows, "It is a disgrace")
    assert row["speaker_type"] == "unresolved" and row["speaker"] == "she"


@pytest.mark.parametrize("text, content, speaker", [
    ("“Yes,” said Maria Lopez.", "Yes,", "Maria Lopez"),
    ("Vantora Software Inc. cut 300 jobs.\n\n“We regret the decision,” said the company.",
     "We regret the decision,", "Vantora Software Inc."),
    ("Justice Elena Moreno heard the case.\n\n“The statute is clear,” Justice Elena Moreno wrote for the majority.",
     "The statute is clear,", "Elena Moreno"),
])
def test_is_a_postposed_cue_read_with_its_speaker(tmp_path, text, content, speaker):
    row = speaker_of(attribute(tmp_path, text + "\n"), content[:8])
    assert (row["content"], row["speaker"]) == (content, speaker)


def test_is_a_dateline_not_part_of_the_speaker(tmp_path):
    rows = attribute(tmp_path, "Vantora reports record quarter\n\n"
                               "SAN JOSE, Calif., Feb. 11, 2025 — Vantora Software said on Tuesday that revenue "
                               "rose 12 percent.\n")
    row = speaker_of(rows, "revenue")
    assert row["speaker_surface"] == "Vantora Software"


@pytest.mark.parametrize("text", [
    "The company declined to say how many jobs would go.",
    "A person familiar with the talks, who asked not to be named because the talks are private, was present.",
    "The hospital is said to be full.",
    "The governor declared a state of emergency on Monday.",
    "The judge denied the motion to dismiss.",
])
def test_is_a_refusal_or_a_ruling_not_speech(tmp_path, text):
    assert attribute(tmp_path, text + "\n").empty


def test_does_every_speaker_have_a_topic_neutral_type_and_no_group_without_a_topic_pack(tmp_path):
    rows = attribute(tmp_path, "Mayor Linda Okafor said the budget would pass. Officials said it was late. "
                               "The council said it would vote. She said she was confident.\n")
    assert set(rows["speaker_type"]) <= {"person", "organisation", "government", "media", "account", "unnamed",
                                         "document", "joint", "unresolved"}
    assert (rows["speaker_group"] == "").all()
