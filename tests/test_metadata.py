"""Metadata: curated from the manifest, or inferred from the text with its evidence."""

from __future__ import annotations

import csv
import hashlib
import shutil

import pytest

import kit
from conftest import SEEDS
from kit.corpus.manifest import METADATA_FIELDS

MANIFEST = list(csv.DictReader((SEEDS / "manifest.csv").open(encoding="utf-8")))


def test_does_the_manifest_have_one_row_per_seed():
    assert sorted(r["file"] for r in MANIFEST) == sorted(p.name for p in SEEDS.glob("*.txt"))


@pytest.mark.parametrize("row", MANIFEST, ids=lambda r: r["file"])
def test_does_each_seed_match_the_sha256_in_the_manifest(row):
    assert hashlib.sha256((SEEDS / row["file"]).read_bytes()).hexdigest() == row["sha256"]


@pytest.mark.parametrize("row", MANIFEST, ids=lambda r: r["file"])
def test_does_every_curated_field_give_its_evidence(row):
    for field in METADATA_FIELDS:
        assert row[f"{field}_evidence"].strip(), f"{row['file']}: {field} has no evidence"
        if not row[field]:
            assert row[f"{field}_evidence"].startswith(("not settled", "no ")), \
                f"{row['file']}: empty {field} must say why"


def test_are_the_unsettled_outlets_left_empty_not_guessed(seeds):
    outlets = seeds.articles.set_index("article_id")["outlet"]
    assert outlets["001_cff4ade59a1f6d0d"] == ""  # names no outlet at all
    assert outlets["002_dd765243a2bd1e35"] == ""  # calls itself NBC News, reads otherwise
    assert outlets["004_d04297bcf570ef21"] == ""  # Reuters copy on an unnamed site


def test_do_the_seeds_take_their_metadata_from_the_manifest(seeds):
    assert (seeds.articles["metadata_from"].str.startswith("manifest")).all()
    assert seeds.articles["published_evidence"].str.startswith("manifest").all()


@pytest.fixture(scope="module")
def inferred(tmp_path_factory) -> kit.Corpus:
    """The seeds without their manifest: everything inferred from the text."""
    folder = tmp_path_factory.mktemp("no_manifest")
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    return kit.load_corpus(folder, strict=True)


@pytest.mark.parametrize("article, field, value, evidence", [
    ("000_72365528eae92c1a", "byline", "Anna Malpas", "line 5: By [Anna Malpas for AFP](#)"),
    ("000_72365528eae92c1a", "wire_agency", "Agence France-Presse", "line 5:"),
    ("000_72365528eae92c1a", "published", "2023-05-24", "line 7: May 24, 2023"),
    ("000_72365528eae92c1a", "url", "https://www.themoscowtimes.com/2023/05/24/"
     "anti-kremlin-russians-call-armed-incursion-a-success-a81271", "line 67:"),
    ("000_72365528eae92c1a", "outlet", "The Moscow Times", "URL domain themoscowtimes.com"),
    ("001_cff4ade59a1f6d0d", "outlet", "", "no line names the publishing outlet"),
    ("001_cff4ade59a1f6d0d", "published", "", "no date line"),
    ("002_dd765243a2bd1e35", "outlet", "NBC News", "line 11: NBC News takes a look"),
    ("002_dd765243a2bd1e35", "wire_agency", "", "no wire agency"),  # "told Reuters" cites, not credits
    ("003_e6726240562de5a9", "outlet", "The Kyiv Independent", "line 34: The Kyiv Independent could not verify"),
    ("003_e6726240562de5a9", "byline", "Martin Fornusek", "line 47: Martin Fornusek is a reporter"),
    ("004_d04297bcf570ef21", "wire_agency", "Reuters", "line 7: Reuters could not independently verify"),
    ("004_d04297bcf570ef21", "outlet", "", "no line names the publishing site"),
    ("004_d04297bcf570ef21", "published", "2024-03-21", "line 1: date 2024-03-21 KYIV -"),
    ("004_d04297bcf570ef21", "title", "", "no headline"),
])
def test_is_metadata_inferred_from_the_line_that_shows_it(inferred, article, field, value, evidence):
    row = inferred.articles.set_index("article_id").loc[article]
    assert row[field] == value
    assert row[f"{field}_evidence"].startswith(evidence)


# -- provenance lines on any subject -------------------------------------------------------------

def inferred_row(tmp_path, text: str) -> dict:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    return kit.load_corpus(tmp_path, topic=False).articles.iloc[0].to_dict()


BODY = "The council approved the budget on Tuesday, officials said.\n"


@pytest.mark.parametrize("credit, byline, outlet", [
    ("By Jane Morrow, Riverton Gazette", "Jane Morrow", "Riverton Gazette"),                  # local government
    ("Jane Morrow | Riverton Gazette", "Jane Morrow", "Riverton Gazette"),
    ("Tessa Marlowe and Jordan Ebi | Dunmore Falls Tribune", "Tessa Marlowe; Jordan Ebi", "Dunmore Falls Tribune"),
    ("By Aisha Bello, Local democracy reporter, NWTV News", "Aisha Bello", "NWTV News"),
    ("Retail Workforce Weekly | Staff reporter: Owen Pritchard", "Owen Pritchard", "Retail Workforce Weekly"),
    ("Health reporter: Aisha Bello", "Aisha Bello", ""),                                     # health
    ("By Liam Carter, Crime Reporter", "Liam Carter", ""),                                   # crime
    ("Fiona Ashdown, Crime Correspondent", "Fiona Ashdown", ""),
    ("By Dr Mirela Kostova, Senior Fellow", "Mirela Kostova", ""),
])
def test_is_a_credit_line_read_into_byline_and_outlet(tmp_path, credit, byline, outlet):
    row = inferred_row(tmp_path, f"Council passes budget after late vote\n\n{credit}\n\n{BODY}")
    assert (row["byline"], row["outlet"]) == (byline, outlet)
    assert row["title"] == "Council passes budget after late vote"
    if outlet:
        assert row["outlet_evidence"] == f"line 3: {credit}"


def test_is_a_desk_line_with_a_date_a_date_not_a_headline(tmp_path):
    row = inferred_row(tmp_path, "Rovers fight back to stun Castlebridge\n\nSports desk, 12 July 2025\n\n"
                                 "Harlow Rovers came from behind to win 3-2 on Saturday.\n")
    assert (row["title"], row["published"]) == ("Rovers fight back to stun Castlebridge", "2025-07-12")
    assert row["published_evidence"] == "line 3: Sports desk, 12 July 2025"


def test_does_a_desk_line_name_its_outlet(tmp_path):
    row = inferred_row(tmp_path, "City sack coach\n\nEllingham Echo sports desk, 24 November 2024\n\n"
                                 "Ellingham City have sacked their head coach, the club said on Sunday.\n")
    assert (row["outlet"], row["published"]) == ("Ellingham Echo", "2024-11-24")


@pytest.mark.parametrize("dateline, published, wire", [
    ("MILLBROOK, Ohio, March 3, 2025 — ", "2025-03-03", ""),
    ("SAN JOSE, Calif., Feb. 11, 2025 /PRNewswire/ -- ", "2025-02-11", "PR Newswire"),
    ("RIVERTON, Wyo., June 5, 2025 (AP) — ", "2025-06-05", "Associated Press"),
    ("MOSCOW, March 12. /TASS/. ", "", "TASS"),
])
def test_are_wire_datelines_read_for_date_and_agency(tmp_path, dateline, published, wire):
    row = inferred_row(tmp_path, f"Wildfire forces evacuations near Riverton\n\n{dateline}A fast-moving wildfire "
                                 "burned through dry grassland on Thursday, officials said.\n")
    assert (row["published"], row["wire_agency"], row["outlet"]) == (published, wire, "")


@pytest.mark.parametrize("line, published", [
    ("Published 11 April 2025, updated 12 April 2025", "2025-04-11"),    # the published date, not the update
    ("Updated 4:17 PM EDT, March 11, 2025", "2025-03-11"),              # only an update: it is the date
    ("17:42, 22 Aug 2025 | Updated 19:05, 23 Aug 2025", "2025-08-22"),
    ("Issued on: 14/07/2025 - 18:42", "2025-07-14"),
    ("First published on Mon 22 May 2023 18.30 BST", "2023-05-22"),
])
def test_are_published_and_updated_lines_told_apart(tmp_path, line, published):
    row = inferred_row(tmp_path, f"Hospital waits worst on record\n\nBy Priya Raman\n{line}\n\n{BODY}")
    assert row["published"] == published


def test_is_a_section_line_no_title_and_its_outlet_the_outlet(tmp_path):
    row = inferred_row(tmp_path, "Books | The Meridian\n\nHarrowgate Prize: a worthy winner\n\n"
                                 f"Review by Imogen Salter\nPublished 21 November 2024\n\n{BODY}")
    assert (row["title"], row["byline"], row["outlet"]) == ("Harrowgate Prize: a worthy winner", "Imogen Salter",
                                                            "The Meridian")


def test_is_an_acronym_outlet_spelled_out_when_the_text_spells_it(tmp_path):
    row = inferred_row(tmp_path, "Fighters say raids will continue\n\nBy Dana Whitfield and Luis Ortega, MNN\n\n"
                                 f"{BODY}\nCopyright 2024 Meridian News Network (MNN). All rights reserved.\n")
    assert (row["byline"], row["outlet"]) == ("Dana Whitfield; Luis Ortega", "Meridian News Network")


def test_does_a_wire_copyright_credit_the_wire_not_the_site(tmp_path):
    row = inferred_row(tmp_path, f"Regulator clears drug\n\nAMSTERDAM (AFP) - {BODY}\n© 2025 AFP\n")
    assert (row["wire_agency"], row["outlet"]) == ("Agence France-Presse", "")


def test_is_a_sentence_with_a_name_and_role_no_byline(tmp_path):
    row = inferred_row(tmp_path, "Coach quits\n\nCarlos Navarro, the club's coach, arrived late.\n\n"
                                 "Navarro said the deal was done.\n")
    assert row["byline"] == ""
