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


def test_does_the_report_have_one_row_per_outlet(report):
    outlets = re.search(r"<h2>The outlets</h2>(.*?)<h2>", report, re.S).group(1)
    assert outlets.count("<tr>") == 5  # the five seed outlets (the header row has a style)
    assert "5 articles from 5 outlets" in report


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    """The report of 25 small articles: more than the report highlights."""
    from kit.views.report import build_report

    folder = tmp_path_factory.mktemp("large") / "large"
    folder.mkdir()
    for number in range(25):
        (folder / f"a{number:02d}.txt").write_text(
            f"Raid number {number}\n\nOfficials said on Tuesday that {number + 2} soldiers were wounded.\n\n"
            "“We will return,” the commander said.\n", encoding="utf-8")
    return build_report(kit.load_corpus(folder))


def test_does_the_report_highlight_only_the_first_articles_and_say_where_the_rest_are(large):
    from kit.views.report import MAX_ARTICLE_VIEWS

    views = large.split("<h2>Each article, highlighted</h2>")[1]
    assert views.count("<div class='kit-view'") == MAX_ARTICLE_VIEWS == 20
    assert "5 more articles not shown here" in views and "kit.show(corpus, article_id)" in views
    assert "python -m kit analyze FOLDER --out DIR</code> writes every table in full" in views


def test_does_a_long_table_say_how_many_rows_it_leaves_out_and_where_they_are():
    from kit.views.report import MAX_ROWS, _table

    shown = _table(pd.DataFrame({"n": range(MAX_ROWS + 1234)}))
    assert shown.count("<tr>") == MAX_ROWS  # (the header row has a style)
    assert "1,234 more rows not shown" in shown and "python -m kit analyze" in shown


def test_does_a_long_problems_table_begin_with_a_count_per_kind(tmp_path):
    from kit.views.report import MAX_ROWS, _problems

    for number in range(MAX_ROWS + 5):
        (tmp_path / f"e{number}.txt").write_bytes(b"")
    (tmp_path / "notes.md").write_text("# notes\n", encoding="utf-8")
    shown = _problems(kit.load_corpus(tmp_path))
    assert shown.index("empty_file") < shown.index("e0.txt")
    assert "<td>65</td>" in shown
