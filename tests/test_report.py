"""The one-page report and the CSV outputs of the command line."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import kit
from conftest import FIXTURES
from kit.cli import main


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("report") / "report.html"
    assert main(["report", "--out", str(path)]) == 0
    return path.read_text(encoding="utf-8")


def test_is_the_report_one_self_contained_page(report):
    assert report.startswith("<!doctype html>")
    assert not re.search(r"(?:src|href)=['\"]https?://", report), "no external resources: it must open offline"
    assert report.count("data:image/png;base64,") == 6


@pytest.mark.parametrize("section", ["Who gets quoted", "How speech is reported", "Labels by outlet and voice",
                                     "Hedges and disclaimers", "Claims across sources", "Sentiment by voice",
                                     "Each article, highlighted"])
def test_does_the_report_have_each_section(report, section):
    assert f"<h2>{section}</h2>" in report


def test_is_every_article_highlighted_in_the_report(report, seeds):
    assert report.count("<details><summary>") >= len(seeds.articles)
    for label in seeds.articles["label"]:
        assert label.replace("'", "&#x27;") in report or label in report
    for role in ("content", "speaker", "cue", "label", "hedge", "claim", "name"):
        assert f"class='kit-{role}'" in report


def test_are_conflicting_claims_listed_in_the_report(report):
    assert "Conflicts</span> are claims that cannot both be true" in report
    assert "no one" in report


def test_does_the_report_work_on_another_folder(tmp_path):
    out = tmp_path / "heldout.html"
    assert main(["report", str(FIXTURES / "heldout"), "--out", str(out)]) == 0
    assert "Reading the Raids: heldout/" in out.read_text(encoding="utf-8")


def test_does_analyze_write_every_table(tmp_path, seeds):
    assert main(["analyze", "--out", str(tmp_path)]) == 0
    for name in ("naming", "labels", "hedges", "claims", "claims_comparison", "sentiment"):
        table = pd.read_csv(tmp_path / f"{name}.csv", keep_default_na=False)
        assert len(table) > 0, name


@pytest.mark.parametrize("layer, role", [("labels", "label"), ("hedges", "hedge"), ("claims", "claim"),
                                         ("naming", "name")])
def test_does_each_layer_draw_its_findings(seeds, layer, role):
    view = kit.show(seeds, "001_cff4ade59a1f6d0d", layers=[layer])
    assert f"class='kit-{role}'" in view.html
