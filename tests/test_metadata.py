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
