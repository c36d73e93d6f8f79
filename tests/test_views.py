"""The highlighted view draws the attribution table's evidence on the raw text."""

from __future__ import annotations

import html
import re

import pytest

import kit
from kit.views.highlight import PALETTE, show

ARTICLE = "002_dd765243a2bd1e35"


@pytest.fixture(scope="module")
def view(seeds):
    return show(seeds, ARTICLE, layers=["attributions"], attributions=kit.attributions(seeds))


def test_does_the_view_keep_every_character_of_the_article(seeds, view):
    text = html.unescape(re.sub(r"<[^>]+>", "", view.html))
    assert seeds.texts[ARTICLE] in text


def test_are_content_speaker_and_cue_drawn_in_distinct_colours(view):
    for role in ("content", "speaker", "cue"):
        assert f"class='kit-{role}' style='background:{PALETTE[role]}" in view.html
    assert len(set(PALETTE.values())) == len(PALETTE)


def test_does_hovering_a_span_show_the_rows_details(view):
    titles = re.findall(r"title='([^']*)'", view.html)
    assert any("speaker: Mark Galeotti (analyst_expert)" in html.unescape(t) and "rule: postposed" in
               html.unescape(t) for t in titles)


def test_is_the_view_plain_html_that_notebooks_and_exports_render(view, tmp_path):
    assert view._repr_html_() == view.html and "<script" not in view.html
    path = tmp_path / "view.html"
    view.save(str(path))
    assert path.read_text(encoding="utf-8").startswith("<!doctype html>")


def test_is_page_furniture_shown_but_greyed(seeds, view):
    assert "color:#767676'>Leave a comment" in view.html


def test_does_an_unknown_article_or_layer_say_what_is_available(seeds):
    with pytest.raises(KeyError, match="choose one of"):
        show(seeds, "nope")
    with pytest.raises(ValueError, match="known layers: attributions"):
        show(seeds, ARTICLE, layers=["colours"])


def test_is_the_table_computed_for_the_article_when_not_given(seeds):
    assert "kit-speaker" in show(seeds, ARTICLE).html
