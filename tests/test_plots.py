"""The figures: each returns the Figure and the exact table it drew, readable and colour-blind safe."""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # this test module only: draw without a display

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import PathCollection
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

import kit
from kit import plots

NAMES = ["voices_per_outlet", "stance_per_outlet", "labels_heatmap", "hedges_per_1000_words",
         "claims_dotplot", "sentiment_by_voice"]
QUIET = "A quiet day\n\nThe market in the town opened at nine, as it does every day.\n\n" \
        "Shops sold bread and milk to the morning customers.\n"


@pytest.fixture(scope="module")
def tables(seeds):
    """Every table of the seeds, computed once for all the figures."""
    attributions = kit.attributions(seeds)
    return {"attributions": attributions, "labels": kit.labels(seeds, attributions),
            "hedges": kit.hedges(seeds, attributions), "compare": kit.compare_claims(seeds),
            "sentiment": kit.sentiment(seeds, attributions)}


def call(name: str, corpus, tables: dict | None = None):
    """Draw figure ``name`` from precomputed tables when given, else let the plot compute them."""
    if tables is None:
        return getattr(plots, name)(corpus)
    a = tables["attributions"]
    arguments = {"voices_per_outlet": (a,), "stance_per_outlet": (a,), "labels_heatmap": (tables["labels"], a),
                 "hedges_per_1000_words": (tables["hedges"], a), "claims_dotplot": (tables["compare"],),
                 "sentiment_by_voice": (tables["sentiment"], a)}[name]
    return getattr(plots, name)(corpus, *arguments)


@pytest.fixture(scope="module")
def drawn(seeds, tables):
    """Every figure of the seeds with its table; the figures are closed at the end."""
    figures = {name: call(name, seeds, tables) for name in NAMES}
    yield figures
    for fig, _ in figures.values():
        plt.close(fig)


@pytest.fixture
def quiet(tmp_path):
    """A one-article corpus with no quotations, labels, hedges or numbers."""
    (tmp_path / "quiet.txt").write_text(QUIET, encoding="utf-8")
    return kit.load_corpus(tmp_path)


def bar_colours(fig: Figure) -> set[str]:
    """Return the face colours of the bars (rectangles) in the data axes of ``fig``."""
    return {to_hex(p.get_facecolor()).upper() for ax in fig.axes for p in ax.patches if isinstance(p, Rectangle)}


def legend_colours(fig: Figure) -> dict[str, str]:
    """Return each legend entry's colour (patch face, or marker face) by its text."""
    legend = fig.axes[0].get_legend()
    colours = {}
    for handle, text in zip(legend.legend_handles, legend.get_texts()):
        face = handle.get_facecolor() if hasattr(handle, "get_facecolor") else handle.get_markerfacecolor()
        colours[text.get_text()] = to_hex(face).upper()
    return colours


def all_text(fig: Figure) -> str:
    return "\n".join(t.get_text() for t in fig.findobj(matplotlib.text.Text))


@pytest.mark.parametrize("name", NAMES)
def test_does_each_plot_return_a_figure_and_the_table_it_drew(drawn, name):
    fig, table = drawn[name]
    assert isinstance(fig, Figure) and isinstance(table, pd.DataFrame)
    assert len(table) > 0 and table.index.equals(pd.RangeIndex(len(table)))


@pytest.mark.parametrize("name", NAMES)
def test_are_titles_and_axis_labels_set(drawn, name):
    fig, _ = drawn[name]
    assert fig.axes[0].get_title()
    panels = [ax for ax in fig.axes if ax.get_label() != "<colorbar>"]
    assert panels[-1].get_xlabel()  # panels share the x axis: the bottom one carries its label
    assert all(ax.get_ylabel() for ax in panels)


@pytest.mark.parametrize("name, label", [("voices_per_outlet", "attributions"),
                                         ("hedges_per_1000_words", "per 1,000 words"),
                                         ("claims_dotplot", "claimed number (symlog scale)"),
                                         ("sentiment_by_voice", "polarity (-1 to 1)")])
def test_do_the_axes_say_their_units(drawn, name, label):
    fig, _ = drawn[name]
    assert label in [ax.get_xlabel() for ax in fig.axes] + [ax.get_ylabel() for ax in fig.axes]


@pytest.mark.parametrize("name", NAMES)
def test_is_the_source_note_on_every_figure(drawn, name):
    fig, _ = drawn[name]
    notes = [t for t in fig.texts if t.get_text().startswith("Source: Reading the Raids kit, 5 articles from seeds/;")]
    assert len(notes) == 1
    x, y = notes[0].get_position()
    assert x < 0.05 and y < 0.05 and notes[0].get_fontsize() < 9


@pytest.mark.parametrize("name", NAMES)
def test_is_the_palette_colour_blind_safe(drawn, name):
    """Bars and dots use Okabe-Ito colours only (the heatmap's counts use the sequential cividis map)."""
    fig, _ = drawn[name]
    assert bar_colours(fig) <= set(plots.OKABE_ITO)
    for ax in fig.axes:
        for collection in [c for c in ax.collections if isinstance(c, PathCollection)]:  # the claims' dots
            faces = collection.get_facecolor()
            assert {to_hex(c).upper() for c in faces if c[3] > 0} <= set(plots.OKABE_ITO)


def test_does_a_colour_mean_the_same_speaker_group_in_every_figure(drawn, seeds):
    bars, dots = legend_colours(drawn["voices_per_outlet"][0]), legend_colours(drawn["claims_dotplot"][0])
    shared = set(bars) & set(dots)
    assert {"rvc", "russian_government"} <= shared
    scheme = plots.speaker_scheme(seeds)
    assert all(bars[group] == dots[group] == scheme.colours[group] for group in shared)


def test_does_a_folder_without_a_topic_pack_group_speakers_by_type(tmp_path):
    (tmp_path / "a.txt").write_text("Mayor Linda Okafor said the budget would pass. Officials said it was late.\n",
                                    encoding="utf-8")
    corpus = kit.load_corpus(tmp_path)
    fig, table = plots.voices_per_outlet(corpus)
    plt.close(fig)
    assert list(table.columns) == ["label", "speaker_type", "attributions"]
    assert dict(zip(table["speaker_type"], table["attributions"])) == {"person": 1, "unnamed": 1}


def test_does_the_voices_table_count_every_attribution(drawn, tables, seeds):
    _, table = drawn["voices_per_outlet"]
    assert table["attributions"].sum() == len(tables["attributions"])
    assert list(table.columns) == ["label", "speaker_group", "attributions"]
    assert set(table["label"]) == set(seeds.articles["label"])


def test_do_the_stance_shares_of_each_outlet_add_up_to_100(drawn, tables):
    _, table = drawn["stance_per_outlet"]
    assert table.groupby("label")["percent"].sum().between(99.5, 100.5).all()
    no_verb = (tables["attributions"]["verb_stance"].fillna("") == "").sum()
    assert table.loc[table["stance"] == "none (no verb)", "attributions"].sum() == no_verb
    assert table["attributions"].sum() == len(tables["attributions"])


def test_does_the_heatmap_leave_out_spelling_and_annotate_each_count(drawn, tables):
    fig, table = drawn["labels_heatmap"]
    labels = tables["labels"]
    assert "spelling" not in set(table["category"])
    assert table["count"].sum() == (labels["category"] != "spelling").sum()
    assert set(table["voice"]) == {"outlet", "quoted", "attributed", "scare_quoted"}
    numbers = [t.get_text() for t in fig.axes[0].texts if t.get_text().isdigit()]
    assert sorted(map(int, numbers)) == sorted(table.loc[table["count"] > 0, "count"])
    assert any(ax.get_ylabel() == "labels (count)" for ax in fig.axes)  # the colorbar
    assert fig.axes[0].images[0].get_cmap().name == plots.SEQUENTIAL_CMAP


def test_are_hedge_rates_counts_per_1000_body_words(drawn, tables, seeds):
    _, table = drawn["hedges_per_1000_words"]
    row = table[(table["label"] == "Kyiv Independent") & (table["type"] == "weasel")].iloc[0]
    article = seeds.articles[seeds.articles["label"] == "Kyiv Independent"].iloc[0]
    found = tables["hedges"]
    count = ((found["article_id"] == article["article_id"]) & (found["type"] == "weasel")).sum()
    assert row["count"] == count and row["n_words"] == article["n_words"]
    assert row["per_1000_words"] == pytest.approx(1000 * count / article["n_words"], abs=0.01)


def test_is_a_conflict_marked_in_the_claims_dot_plot(drawn):
    fig, table = drawn["claims_dotplot"]
    assert table["conflict"].any()
    rings = [c for ax in fig.axes for c in ax.collections if len(c.get_facecolor()) == 0
             or c.get_facecolor()[0][3] == 0]
    assert len(rings) == table["conflict"].sum()
    assert any("conflict" in t.get_text() for t in fig.axes[0].get_legend().get_texts())


def test_is_an_open_range_drawn_as_an_arrow(drawn):
    fig, table = drawn["claims_dotplot"]
    assert table.loc[table["quantity"] == "more than 70", "open_range"].all()
    arrows = [a for ax in fig.axes for a in ax.texts if getattr(a, "arrow_patch", None) is not None]
    assert len(arrows) == table["open_range"].sum() > 0


def test_does_zero_sit_on_a_symlog_axis(drawn):
    fig, table = drawn["claims_dotplot"]
    assert (table["value"] == 0).any()
    for ax in fig.axes:
        assert ax.get_xscale() == "symlog" and ax.get_xlim()[0] < 0


def test_is_sentiment_a_word_weighted_mean_with_its_warning(drawn, tables, seeds):
    fig, table = drawn["sentiment_by_voice"]
    assert "TextBlob's lexicon was built for product reviews: read with care" in all_text(fig)
    assert any(line.get_ydata()[0] == 0 for line in fig.axes[0].lines)  # the zero line
    pieces = tables["sentiment"]
    article = seeds.articles[seeds.articles["label"] == "Unnamed site"]["article_id"].iloc[0]
    quoted = pieces[(pieces["article_id"] == article) & (pieces["voice"] == "quoted")]
    expected = (quoted["polarity"] * quoted["n_words"]).sum() / quoted["n_words"].sum()
    row = table[(table["label"] == "Unnamed site") & (table["voice"] == "quoted")].iloc[0]
    assert row["polarity"] == pytest.approx(expected, abs=0.001)


@pytest.mark.parametrize("name", NAMES)
def test_does_a_corpus_with_nothing_to_count_give_an_empty_but_valid_figure(quiet, name):
    fig, table = call(name, quiet)
    try:
        assert isinstance(fig, Figure) and isinstance(table, pd.DataFrame)
        assert fig.axes[0].get_title()
        assert any(t.get_text().startswith("Source: Reading the Raids kit, 1 article from ") for t in fig.texts)
        fig.canvas.draw()  # laying it out must not fail either
    finally:
        plt.close(fig)
    if name in ("voices_per_outlet", "labels_heatmap", "claims_dotplot"):
        assert table.empty


def test_are_the_figures_the_same_each_time(seeds, tables, drawn):
    for name in NAMES:
        fig, table = call(name, seeds, tables)
        try:
            pd.testing.assert_frame_equal(table, drawn[name][1])
            assert tuple(fig.get_size_inches()) == tuple(drawn[name][0].get_size_inches())
        finally:
            plt.close(fig)


def test_does_plotting_leave_matplotlib_settings_alone_and_never_show(seeds, tables, monkeypatch):
    before = {k: v for k, v in matplotlib.rcParams.items() if k != "backend"}

    def no_show(*args, **kwargs):
        raise AssertionError("plots must not call plt.show()")

    monkeypatch.setattr(plt, "show", no_show)
    for name in NAMES:
        plt.close(call(name, seeds, tables)[0])
    after = {k: v for k, v in matplotlib.rcParams.items() if k != "backend"}
    assert after == before


def test_are_the_tables_computed_when_not_given(seeds, drawn):
    fig, table = call("voices_per_outlet", seeds)
    plt.close(fig)
    pd.testing.assert_frame_equal(table, drawn["voices_per_outlet"][1])


def test_is_each_plot_saved_readable(drawn, tmp_path):
    for name, (fig, _) in drawn.items():
        path = tmp_path / f"{name}.png"
        fig.savefig(path, dpi=60)
        assert path.stat().st_size > 5_000
        assert np.asarray(fig.canvas.buffer_rgba()).shape[2] == 4


def test_does_block_kinds_show_what_share_of_each_copy_is_the_article(seeds):
    fig, table = plots.block_kinds(seeds)
    try:
        shares = table.groupby("label")["percent"].sum()
        assert ((shares - 100).abs() < 0.6).all()
        body = table[table["kind"] == "body"].set_index("label")["percent"]
        assert body["Kyiv Independent"] < body["Reuters copy (site unnamed)"]  # promos and author box
        assert table["characters"].sum() == sum(len(t) for t in seeds.texts.values())
        assert fig.axes[0].get_title()
    finally:
        plt.close(fig)


def test_does_the_claims_timeline_place_undated_copies_after_dated_ones(seeds):
    fig, table = plots.claims_timeline(seeds)
    try:
        assert set(table["counted"]) <= {"killed", "wounded", "captured", "casualties"}
        may = table[table["event"] == "May 2023 Belgorod raid"]
        dated = may.loc[may["published"] != "undated", "position"]
        undated = may.loc[may["published"] == "undated", "position"]
        assert dated.max() < undated.min()
        assert fig.axes[0].get_yscale() == "symlog"
    finally:
        plt.close(fig)


def test_does_a_folder_with_no_loadable_article_still_give_every_figure(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    corpus = kit.load_corpus(tmp_path)
    for draw in (plots.voices_per_outlet, plots.stance_per_outlet, plots.labels_heatmap, plots.hedges_per_1000_words,
                 plots.claims_dotplot, plots.sentiment_by_voice, plots.block_kinds, plots.claims_timeline):
        fig, table = draw(corpus)
        assert table.empty or table.select_dtypes("number").sum().sum() == 0
        plt.close(fig)


def test_does_the_timeline_put_may_2023_before_march_2024(seeds):
    fig, table = plots.claims_timeline(seeds)
    plt.close(fig)
    events = list(dict.fromkeys(table.sort_values("position")["event"]))
    assert events == ["May 2023 Belgorod raid", "March 2024 Kursk and Belgorod raids"]


MATH_LABELS = ["$\\x$", "$\\frac{1}{$", "\\$5 and $x^2_$", "_^\\", "a$b$c_d^e"]
MONEY_PAGE = ("Raid on the border\n\nOfficials said on Tuesday that 12 people were killed and 3 were wounded "
              "after a $5 million drone hit a $2 depot.\n\n“We lost $10 and 40 fighters,” the commander said.\n")


@pytest.fixture(scope="module")
def mathy(tmp_path_factory):
    """A corpus whose folder, file names, labels and events are full of $, \\, _ and ^."""
    folder = tmp_path_factory.mktemp("math") / "$\\alpha$ raids_^"
    folder.mkdir()
    rows = ["file,label,event,published"]
    for number, label in enumerate(MATH_LABELS):
        name = f"{label.replace('/', '')}{number}.txt"
        (folder / name).write_text(MONEY_PAGE.replace("12", str(12 + number)), encoding="utf-8")
        quoted = label.replace('"', '""')
        rows.append(f'"{name}","{quoted}","$event$ ^{number % 2}_","2024-03-1{number}"')
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return kit.load_corpus(folder)


def shown(text: matplotlib.text.Text) -> str:
    """Return the string matplotlib draws for a plain (non-math) text: an escaped \\$ is drawn as $."""
    return text.get_text().replace("\\$", "$")


@pytest.mark.parametrize("name", NAMES + ["block_kinds", "claims_timeline"])
def test_are_labels_full_of_dollars_and_backslashes_drawn_as_text_not_mathtext(mathy, name):
    from matplotlib.cbook import is_math_text

    fig, _ = getattr(plots, name)(mathy)
    try:
        fig.savefig(io.BytesIO(), format="png")  # mathtext would raise here (ParseFatalException)
        texts = [t for t in fig.findobj(matplotlib.text.Text) if t.get_text()]
        parsed = [t.get_text() for t in texts if t.get_parse_math() and is_math_text(t.get_text())]
        assert all("\\mathdefault" in text for text in parsed), parsed  # only the axis's own number labels
        drawn_text = "\n".join(shown(t) for t in texts)
        assert "$\\alpha$ raids_^/" in drawn_text
        if name not in ("claims_dotplot", "claims_timeline"):  # these name outlets only beside their claims
            for label in MATH_LABELS:
                assert label in drawn_text.replace("\n", ""), label
    finally:
        plt.close(fig)


def test_does_the_report_of_a_folder_full_of_dollars_build(mathy):
    from kit.views.report import build_report

    page = build_report(mathy)
    assert page.count("data:image/png;base64,") == 6


def small_page(number: int) -> str:
    return (f"Raid number {number}\n\nOfficials said on Tuesday that {number + 2} soldiers were wounded.\n\n"
            f"“We will return,” the commander said. The militants said {number} fighters were killed.\n")


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    """30 small articles: "Big" has three of them; every other file is its own outlet."""
    folder = tmp_path_factory.mktemp("many")
    rows = ["file,label"]
    for number in range(30):
        (folder / f"a{number:02d}.txt").write_text(small_page(number), encoding="utf-8")
        rows.append(f"a{number:02d}.txt,{'Big' if number in (7, 17, 27) else f'Outlet {number:02d}'}")
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return kit.load_corpus(folder)


def test_are_the_smallest_outlets_of_a_large_folder_summed_in_one_others_row(many):
    groups = plots.outlet_groups(many)
    assert len(set(groups.values())) == plots.MAX_OUTLETS
    assert groups["Big"] == "Big" and groups["Outlet 00"] == "Outlet 00"  # most articles, then article order
    assert groups["Outlet 29"] == "others (17 outlets)"
    fig, table = plots.voices_per_outlet(many)
    plt.close(fig)
    assert list(dict.fromkeys(table["label"]))[-1] == "others (17 outlets)"
    assert table["label"].nunique() == plots.MAX_OUTLETS
    assert table["attributions"].sum() == len(kit.attributions(many))  # nothing lost, only grouped


@pytest.mark.parametrize("name", NAMES + ["block_kinds"])
def test_does_a_figure_of_a_large_folder_stay_the_size_of_max_outlets(many, name):
    fig, table = getattr(plots, name)(many)
    try:
        width, height = fig.get_size_inches()
        assert width <= 30 and height <= 12
        if "label" in table and name != "claims_dotplot":
            assert table["label"].nunique() <= plots.MAX_OUTLETS
    finally:
        plt.close(fig)


def test_are_hedge_rates_of_the_others_row_per_1000_words_of_all_its_outlets(many):
    fig, table = plots.hedges_per_1000_words(many)
    plt.close(fig)
    words = table.drop_duplicates("label").set_index("label")["n_words"]
    assert words.sum() == many.articles["n_words"].sum()


def test_does_the_claims_dot_plot_draw_at_most_its_share_of_a_crowded_row_smallest_and_largest_kept():
    from types import SimpleNamespace

    rows = [{"article_id": f"a{n}", "claim_id": f"a{n}:c0", "event": "e", "label": f"L{n}", "counted": "killed",
             "side": "russian", "quantity": str(n), "value": float(n), "low": float(n), "high": float(n),
             "claimant": "x", "claimant_type": "person", "claimant_group": "", "conflict": False,
             "conflict_in_article": False} for n in range(100)]
    corpus = SimpleNamespace(articles=pd.DataFrame({"article_id": [f"a{n}" for n in range(100)], "label": "L"}),
                             folder=Path("f"), topic=None)
    fig, table = plots.claims_dotplot(corpus, pd.DataFrame(rows))
    try:
        assert len(table) == plots.MAX_CLAIMS_PER_ROW
        assert table["value"].min() == 0 and table["value"].max() == 99
        assert any("92 more not drawn" in t.get_text() for t in fig.texts)
        assert fig.get_size_inches()[1] < 10
    finally:
        plt.close(fig)


def test_does_the_claims_timeline_of_undated_copies_draw_without_a_pandas_warning(tmp_path):
    import warnings

    (tmp_path / "a.txt").write_text(small_page(3), encoding="utf-8")
    corpus = kit.load_corpus(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("error", FutureWarning)  # filling dates with text was deprecated: it will raise
        fig, table = plots.claims_timeline(corpus)
    plt.close(fig)
    assert set(table["published"]) == {"undated"}
