"""Figures of the kit's tables: each function returns ``(fig, table)``.

``fig`` is a matplotlib Figure and ``table`` the tidy DataFrame it drew, one row per plotted
value, so a student can print the numbers behind the picture::

    >>> from kit import plots
    >>> fig, table = plots.voices_per_outlet(corpus)
    >>> table                                   # who is quoted, counted per outlet

The views compute nothing of their own: they count and reshape the kit's tables. Colours come
from the Okabe-Ito palette (safe for the common kinds of colour blindness) and mean the same
thing in every figure: a speaker group, a voice, a stance or a hedge type keeps its colour.
Nothing here calls ``plt.show()`` or changes matplotlib's global settings.

Every text drawn (titles, tick labels, legends, annotations) is plain text, never mathtext: a
file name or label such as ``$\\x$`` is shown as written (``_plain`` escapes its ``$``).

Figures stay readable, and their size bounded, however large the folder: per-outlet figures show
at most ``MAX_OUTLETS`` rows, the outlets with the most articles, and sum the rest in one
"others (N outlets)" row (``outlet_groups``); the claims dot plot draws at most ``MAX_EVENTS``
events, ``MAX_CLAIM_ROWS`` rows per event and ``MAX_CLAIMS_PER_ROW`` dots per row, and says how
many claims it left out. Each table returned holds what was drawn.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from kit.framing import analysis
from kit.framing.voice import VOICES as ALL_VOICES

OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"]
ORANGE, SKY_BLUE, GREEN, YELLOW, BLUE, VERMILLION, PURPLE, BLACK = OKABE_ITO

NOTE_GREY = "#666666"
NOTE_GREY_DARK = "#999999"
# Without a topic pack, speakers are grouped by their topic-neutral type; a topic pack's groups.csv
# gives its groups their order, colours, hatches and markers.
SPEAKER_TYPES = ["person", "organisation", "government", "media", "account", "document", "joint", "unnamed",
                 "unresolved"]
TYPE_COLOURS = {"person": ORANGE, "organisation": BLUE, "government": VERMILLION, "media": SKY_BLUE,
                "account": PURPLE, "document": GREEN, "joint": YELLOW, "unnamed": BLACK, "unresolved": NOTE_GREY_DARK}
TYPE_HATCHES = {"unnamed": "///", "unresolved": ".."}
TYPE_MARKERS = {"person": "o", "organisation": "s", "government": "D", "media": "X", "account": "P", "document": "v",
                "joint": "^", "unnamed": "*", "unresolved": "h"}


@dataclass(frozen=True)
class SpeakerScheme:
    """How a figure groups speakers: the column, its values in order, and their colours, hatches, markers."""

    column: str  # speaker_group (a topic pack's groups) or speaker_type
    order: list[str]
    colours: dict[str, str]
    hatches: dict[str, str]
    markers: dict[str, str]
    title: str  # for legends: "speaker group" or "speaker type"


def speaker_scheme(corpus) -> SpeakerScheme:
    """Return the topic pack's speaker groups, or the topic-neutral speaker types when there is no pack."""
    topic = getattr(corpus, "topic", None)
    if topic is None or not topic.groups:
        return SpeakerScheme("speaker_type", SPEAKER_TYPES, TYPE_COLOURS, TYPE_HATCHES, TYPE_MARKERS, "speaker type")
    order = [row["group"] for row in topic.groups]
    colours = {g: row.get("colour") or OKABE_ITO[n % len(OKABE_ITO)] for n, (g, row) in
               enumerate(zip(order, topic.groups))}
    return SpeakerScheme("speaker_group", order, colours, {g: row.get("hatch", "") for g, row in zip(order, topic.groups)
                                                           if row.get("hatch")},
                         {g: row.get("marker") or "o" for g, row in zip(order, topic.groups)}, "speaker group")


VOICES = list(ALL_VOICES)
VOICE_COLOURS = {"outlet": BLUE, "quoted": ORANGE, "attributed": GREEN, "scare_quoted": PURPLE}
NO_VERB = "none (no verb)"
STANCES = ["neutral", "endorsing", "distancing", "guilt_implying", "emphatic", NO_VERB]
STANCE_COLOURS = {"neutral": SKY_BLUE, "endorsing": GREEN, "distancing": ORANGE, "guilt_implying": VERMILLION,
                  "emphatic": PURPLE, NO_VERB: BLACK}
HEDGE_TYPES = ["hedge", "booster", "weasel", "verification"]
HEDGE_COLOURS = {"hedge": SKY_BLUE, "booster": VERMILLION, "weasel": YELLOW, "verification": GREEN}
SEQUENTIAL_CMAP = "cividis_r"  # colour-blind-safe sequential map for counts (light = few)
NOTE_BAND_INCHES = 0.3
MAX_OUTLETS = 12  # rows of a per-outlet figure; beyond, the smallest outlets share one "others" row
MAX_EVENTS, MAX_CLAIM_ROWS, MAX_CLAIMS_PER_ROW = 4, 6, 8  # what the claims dot plot draws at most


# ---- shared helpers ------------------------------------------------------------------------

def _plain(text: object) -> str:
    """Return ``text`` so that matplotlib draws it as written, never as mathtext.

    matplotlib reads text between two ``$`` as mathtext (where ``\\``, ``_`` and ``^`` are
    commands, and bad input raises); an escaped ``\\$`` is drawn as ``$``. Apply it once, to the
    final string (after wrapping), for every text that comes from data.
    """
    return str(text).replace("$", r"\$")


def _new_figure(width: float, height: float, nrows: int = 1, **subplot_kw) -> tuple[Figure, np.ndarray]:
    """Return a figure with constrained layout, a band at the bottom kept for the source note."""
    import matplotlib.pyplot as plt  # pyplot figures show themselves in notebooks (inline backend)

    fig = plt.figure(figsize=(width, height), layout="constrained")
    band = NOTE_BAND_INCHES / height
    fig.get_layout_engine().set(rect=(0, band, 1, 1 - band))
    axes = fig.subplots(nrows, 1, squeeze=False, **subplot_kw)[:, 0]
    return fig, axes


def _finish(fig: Figure, ax: Axes, corpus, title: str, counted: str, xlabel: str, ylabel: str,
            subtitle: str | None = None) -> None:
    """Set the title (on the first axes), the axis labels of ``ax``, the subtitle and the source note."""
    top = fig.axes[0]
    if subtitle:
        _subtitle(top, subtitle, loc="center", style="italic")
    top.set_title(_plain(title), fontweight="bold", pad=22 if _has_subtitle(top) else 8)
    ax.set_xlabel(_plain(xlabel))
    ax.set_ylabel(_plain(ylabel))
    n = len(corpus.articles)
    fig.text(0.01, 0.01, _plain(f"Source: Reading the Raids kit, {n} article{'s' * (n != 1)} from "
                                f"{corpus.folder.name}/; {counted}"), ha="left", va="bottom", fontsize=7,
             color=NOTE_GREY)


def _subtitle(ax: Axes, text: str, loc: str = "left", style: str = "normal") -> None:
    """Write a line of small text just above the axes (a subtitle, or the name of a panel)."""
    x = {"left": 0.0, "center": 0.5}[loc]
    ax.text(x, 1.015, _plain(text), transform=ax.transAxes, ha=loc, va="bottom", fontsize=9, style=style,
            gid="subtitle")


def _has_subtitle(ax: Axes) -> bool:
    """Is there a subtitle line above ``ax`` (so the title needs more room)?"""
    return any(t.get_gid() == "subtitle" for t in ax.texts)


def _computed(table: pd.DataFrame | None, name: str, corpus, *args) -> pd.DataFrame:
    """Return ``table`` if given, else compute it with the analysis ``name`` (``kit.<name>(corpus, *args)``)."""
    return table if table is not None else analysis(name)(corpus, *args)


def outlet_groups(corpus) -> dict[str, str]:
    """Return, for each outlet label, the row it is drawn in: its own, or the shared "others" row.

    Up to ``MAX_OUTLETS`` outlets each have their own row. With more, the ``MAX_OUTLETS - 1``
    with the most articles keep theirs (ties in article order) and the rest share
    "others (N outlets)". Labels come in the corpus's article order.
    """
    labels = corpus.articles.sort_values("article_id")["label"].astype(str)
    order = list(dict.fromkeys(labels))
    if len(order) <= MAX_OUTLETS:
        return {label: label for label in order}
    counts = labels.value_counts()
    kept = set(sorted(order, key=lambda label: -counts[label])[:MAX_OUTLETS - 1])  # sorted() is stable
    others = f"others ({len(order) - len(kept):,} outlets)"
    return {label: label if label in kept else others for label in order}


def _outlets(corpus) -> list[str]:
    """Return the rows of a per-outlet figure: outlet labels in article order, then any "others" row."""
    groups = outlet_groups(corpus)
    own = [label for label, group in groups.items() if label == group]
    return own + sorted(set(groups.values()) - set(own))


def _label_of(corpus, frame: pd.DataFrame) -> pd.Series:
    """Return the outlet row of each row of ``frame`` (by its article_id): its label, or "others"."""
    groups = outlet_groups(corpus)
    labels = frame["article_id"].map(corpus.articles.set_index("article_id")["label"]).astype(str)
    return labels.map(lambda label: groups.get(label, label))


def _order(values: Iterable[str], known: Sequence[str]) -> list[str]:
    """Return the ``known`` values present in ``values``, then any others sorted."""
    present = set(values)
    return [v for v in known if v in present] + sorted(present - set(known))


def _colour(key: str, mapping: dict[str, str], position: int) -> str:
    """Return the fixed colour of ``key``, or an Okabe-Ito colour by position for an unknown key."""
    return mapping.get(key, OKABE_ITO[position % len(OKABE_ITO)])


def _count_grid(frame: pd.DataFrame, dims: dict[str, list], value: str = "count",
                weights: str | None = None) -> pd.DataFrame:
    """Count the rows of ``frame`` (or sum its ``weights`` column) by the columns of ``dims``.

    Every combination of their values is a row, zeros included.
    """
    names = list(dims)
    if not len(frame):
        counts = pd.Series(dtype=int)
    else:
        counts = frame.groupby(names)[weights].sum() if weights else frame.groupby(names).size()
    index = pd.MultiIndex.from_product(list(dims.values()), names=names)
    return counts.reindex(index, fill_value=0).astype(int).rename(value).reset_index()


def _with_percent(table: pd.DataFrame, value: str) -> pd.DataFrame:
    """Return ``table`` with ``percent``: each row's share of its outlet's total ``value``."""
    totals = table.groupby("label")[value].transform("sum")
    return table.assign(percent=(100 * table[value] / totals.where(totals > 0)).fillna(0).round(1))


def _in_order(table: pd.DataFrame, orders: dict[str, list]) -> pd.DataFrame:
    """Sort ``table`` by its columns, each in the given order of its values."""
    rank = {column: {v: i for i, v in enumerate(order)} for column, order in orders.items()}
    return table.sort_values(list(orders), key=lambda col: col.map(rank[col.name])).reset_index(drop=True)


def _wrap(labels: Iterable[str], width: int = 16) -> list[str]:
    """Wrap long outlet labels so that tick labels do not collide (plain text, see ``_plain``)."""
    return [_plain(textwrap.fill(str(label), width)) for label in labels]


def _with_n(outlets: list[str], table: pd.DataFrame, column: str) -> list[str]:
    """Return the outlet labels with their totals of ``column``: "Kyiv Independent (n = 13)"."""
    totals = table.groupby("label")[column].sum()
    return [f"{wrapped}\n(n = {totals.get(label, 0)})" for label, wrapped in zip(outlets, _wrap(outlets, 24))]


def _empty(ax: Axes, message: str, clear: bool = True) -> None:
    """Say on an axes that there was nothing to draw (``clear`` removes its ticks)."""
    ax.text(0.5, 0.5, _plain(message), ha="center", va="center", transform=ax.transAxes, color=NOTE_GREY)
    if clear:
        ax.set_xticks([])
        ax.set_yticks([])


def _legend(ax: Axes, handles: list, title: str) -> None:
    """Put the legend to the right of the axes, where it cannot cover data."""
    if handles:
        ax.legend(handles=handles, title=_plain(title), loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False,
                  fontsize=8, title_fontsize=9)


def _patches(keys: Sequence[str], mapping: dict[str, str], hatches: dict[str, str] | None = None) -> list[Patch]:
    """Return legend patches for ``keys`` in their fixed colours (and hatches)."""
    hatches = hatches or {}
    return [Patch(facecolor=_colour(k, mapping, i), hatch=hatches.get(k), edgecolor="white", label=_plain(k))
            for i, k in enumerate(keys)]


def _stacked_barh(ax: Axes, table: pd.DataFrame, outlets: list[str], column: str, keys: list[str],
                  value: str, mapping: dict[str, str], hatches: dict[str, str] | None = None,
                  n_column: str | None = "attributions") -> None:
    """Draw one horizontal bar per outlet, stacked by ``column`` in the order of ``keys``.

    Outlets are labelled with their total of ``n_column`` (none when it is None).
    """
    hatches = hatches or {}
    wide = table.pivot(index="label", columns=column, values=value).reindex(index=outlets, columns=keys)
    left = np.zeros(len(outlets))
    for i, key in enumerate(keys):
        widths = wide[key].to_numpy(dtype=float)
        ax.barh(range(len(outlets)), widths, left=left, color=_colour(key, mapping, i),
                hatch=hatches.get(key), edgecolor="white", linewidth=0.6, label=key)
        left += widths
    ax.set_xlim(0, max(left.max(), 1) * 1.03)
    ax.set_yticks(range(len(outlets)), _with_n(outlets, table, n_column) if n_column else _wrap(outlets))
    ax.invert_yaxis()  # first article at the top


def _grouped_bars(ax: Axes, table: pd.DataFrame, outlets: list[str], column: str, keys: list[str],
                  value: str, mapping: dict[str, str]) -> None:
    """Draw per outlet one bar for each of ``keys``, side by side."""
    wide = table.pivot(index="label", columns=column, values=value).reindex(index=outlets, columns=keys)
    width = 0.8 / max(len(keys), 1)
    x = np.arange(len(outlets))
    for i, key in enumerate(keys):
        ax.bar(x + (i - (len(keys) - 1) / 2) * width, wide[key].to_numpy(dtype=float), width,
               color=_colour(key, mapping, i), edgecolor="white", linewidth=0.6, label=key)
    ax.set_xticks(x, _wrap(outlets))


# ---- 1. who gets quoted --------------------------------------------------------------------

def voices_per_outlet(corpus, attributions: pd.DataFrame | None = None) -> tuple[Figure, pd.DataFrame]:
    """Draw who gets quoted: attributions per outlet, stacked by speaker group (horizontal bars).

    With a topic pack the bars are its speaker groups; without one, the speakers' types (person,
    organisation, government, unnamed ...). The table has one row per (label, group or type) with
    ``attributions``, the count (zeros included). A missing speaker group counts as "other".
    """
    attributions = _computed(attributions, "attributions", corpus)
    scheme = speaker_scheme(corpus)
    outlets = _outlets(corpus)
    rows = attributions.assign(label=_label_of(corpus, attributions),
                               **{scheme.column: attributions[scheme.column].replace("", np.nan).fillna("other")})
    groups = _order(rows[scheme.column], scheme.order)
    table = _count_grid(rows, {"label": outlets, scheme.column: groups}, "attributions")
    fig, (ax,) = _new_figure(10, 1.6 + 0.55 * len(outlets))
    if len(attributions):
        _stacked_barh(ax, table, outlets, scheme.column, groups, "attributions", scheme.colours, scheme.hatches)
        _legend(ax, _patches(groups, scheme.colours, scheme.hatches), scheme.title)
    else:
        _empty(ax, "no attributions found")
    _finish(fig, ax, corpus, f"Who gets quoted? Attributions per outlet by {scheme.title}",
            f"{len(attributions)} attributions (kit.attributions)", "attributions", "outlet")
    return fig, table


# ---- 2. how the outlet reports speech ------------------------------------------------------

def stance_per_outlet(corpus, attributions: pd.DataFrame | None = None) -> tuple[Figure, pd.DataFrame]:
    """Draw the share of each reporting-verb stance per outlet as 100% stacked bars.

    An attribution without a reporting verb (empty ``verb_stance``) counts as "none (no verb)".
    The table has one row per (label, stance): ``attributions`` (count) and ``percent`` of the
    outlet's attributions (0 for an outlet with none).
    """
    attributions = _computed(attributions, "attributions", corpus)
    outlets = _outlets(corpus)
    rows = attributions.assign(label=_label_of(corpus, attributions),
                               stance=attributions["verb_stance"].replace("", np.nan).fillna(NO_VERB))
    stances = _order(list(STANCES) + list(rows["stance"]), STANCES)  # every stance, found or not
    table = _with_percent(_count_grid(rows, {"label": outlets, "stance": stances}, "attributions"), "attributions")
    fig, (ax,) = _new_figure(10, 1.6 + 0.55 * len(outlets))
    if len(attributions):
        _stacked_barh(ax, table, outlets, "stance", stances, "percent", STANCE_COLOURS)
        _legend(ax, _patches(stances, STANCE_COLOURS), "reporting-verb stance")
    else:
        _empty(ax, "no attributions found")
    _finish(fig, ax, corpus, "How is speech reported? Stance of the reporting verb per outlet",
            f"{len(attributions)} attributions by verb_stance (kit.attributions)",
            "share of the outlet's attributions (%)", "outlet")
    return fig, table


# ---- 3. which labels, in whose voice -------------------------------------------------------

def labels_heatmap(corpus, labels_table: pd.DataFrame | None = None,
                   attributions: pd.DataFrame | None = None) -> tuple[Figure, pd.DataFrame]:
    """Draw a heatmap of label counts: rows are label categories, columns outlet × voice.

    Spelling choices (category "spelling") are left out. Each cell is annotated with its count;
    empty cells (0) are left white. The table has one row per (category, label, voice) cell
    with its ``count``, zeros included.
    """
    labels_table = _computed(labels_table, "labels", corpus, attributions)
    outlets = _outlets(corpus)
    rows = labels_table[labels_table["category"] != "spelling"]
    rows = rows.assign(label=_label_of(corpus, rows))
    categories = sorted(rows["category"].unique())
    table = _count_grid(rows, {"category": categories, "label": outlets, "voice": VOICES})
    fig, (ax,) = _new_figure(max(8.0, 3 + 0.42 * len(outlets) * len(VOICES)), 3.2 + 0.4 * len(categories))
    if categories:
        _draw_heatmap(fig, ax, table, categories, outlets)
    else:
        _empty(ax, "no labels found")
    _finish(fig, ax, corpus, "Which labels, in whose voice? Label categories by outlet and voice",
            f"{len(rows)} labels, spelling excluded (kit.labels); blank cell = 0",
            "voice, grouped by outlet", "label category")
    return fig, table


def _draw_heatmap(fig: Figure, ax: Axes, table: pd.DataFrame, categories: list[str], outlets: list[str]) -> None:
    """Draw the label counts as cells with counts, outlet names above their voice columns."""
    counts = table["count"].to_numpy().reshape(len(categories), len(outlets) * len(VOICES))
    image = ax.imshow(np.ma.masked_equal(counts, 0), cmap=SEQUENTIAL_CMAP, aspect="auto",
                      vmin=0, vmax=max(int(counts.max()), 1))
    threshold = counts.max() / 2
    for (r, c), n in np.ndenumerate(counts):
        if n:
            ax.text(c, r, str(n), ha="center", va="center", fontsize=8, color="white" if n > threshold else "black")
    ax.set_yticks(range(len(categories)), [_plain(c) for c in categories])
    ax.set_xticks(range(counts.shape[1]), VOICES * len(outlets), rotation=90, fontsize=8)
    middles = [i * len(VOICES) + (len(VOICES) - 1) / 2 for i in range(len(outlets))]
    top = ax.secondary_xaxis("top")
    top.set_xticks(middles, _wrap(outlets, 14), fontsize=8, fontweight="bold")
    top.tick_params(length=0)
    for i in range(1, len(outlets)):
        ax.axvline(i * len(VOICES) - 0.5, color=BLACK, linewidth=1)
    fig.colorbar(image, ax=ax, label="labels (count)", shrink=0.8)


# ---- 4. hedges and boosters ----------------------------------------------------------------

def hedges_per_1000_words(corpus, hedges_table: pd.DataFrame | None = None,
                          attributions: pd.DataFrame | None = None) -> tuple[Figure, pd.DataFrame]:
    """Draw, per outlet, hedges, boosters, weasel terms and verification formulas per 1,000 words.

    Rates use the outlet's body words (``articles.n_words``). The table has one row per
    (label, type): ``count``, ``n_words`` and ``per_1000_words`` (NaN for an outlet with no words).
    """
    hedges_table = _computed(hedges_table, "hedges", corpus, attributions)
    outlets = _outlets(corpus)
    types = _order(list(HEDGE_TYPES) + list(hedges_table["type"]), HEDGE_TYPES)  # every type, found or not
    table = _count_grid(hedges_table.assign(label=_label_of(corpus, hedges_table)), {"label": outlets, "type": types})
    words = corpus.articles.assign(label=_label_of(corpus, corpus.articles)).groupby("label")["n_words"].sum()
    table["n_words"] = table["label"].map(words).astype(int)
    table["per_1000_words"] = (1000 * table["count"] / table["n_words"].where(table["n_words"] > 0)).round(2)
    fig, (ax,) = _new_figure(max(8.0, 2.5 + 1.5 * len(outlets)), 5)
    _grouped_bars(ax, table, outlets, "type", types, "per_1000_words", HEDGE_COLOURS)
    _legend(ax, _patches(types, HEDGE_COLOURS), "type")
    highest = table["per_1000_words"].fillna(0).max() if len(table) else 0
    ax.set_ylim(0, max(highest, 1) * 1.1)  # rates are never negative
    if hedges_table.empty:
        _empty(ax, "no hedges, boosters or weasel terms found", clear=False)
    _finish(fig, ax, corpus, "How sure does the coverage sound? Hedges, boosters and weasel words",
            f"{len(hedges_table)} terms (kit.hedges) per 1,000 body words (articles.n_words)",
            "outlet", "per 1,000 words")
    return fig, table


# ---- 5. numeric claims side by side --------------------------------------------------------

def claims_dotplot(corpus, compare_table: pd.DataFrame | None = None) -> tuple[Figure, pd.DataFrame]:
    """Draw each compared claim as a dot: one panel per event, y = "counted · side", x = value.

    The casualty and capture counts (kind ``event``) are drawn when there are any; otherwise every
    compared quantity ("nurse · ", "money (GBP) · ").

    Colour and marker show the claimant group; a black ring marks a claim in conflict (its range
    cannot be true together with another's); an arrow marks an open range ("more than 70").
    The x axis is symlog (linear below 1) so that "no one" (0) sits on the axis. The table holds
    the plotted rows of ``compare_claims`` with ``group`` (the y label), ``y`` (the dot's position
    within its panel) and ``open_range``. A large folder's claims are thinned (``_claims_drawn``)
    and the source note says how many were left out.
    """
    compare_table = _computed(compare_table, "compare_claims", corpus)
    events_only = "kind" in compare_table and (compare_table["kind"] == "event").any()
    if events_only:  # casualty and capture counts when there are any; else every compared quantity
        compare_table = compare_table[compare_table["kind"] == "event"]
    table = _claims_positions(_claims_drawn(compare_table))
    left_out = len(compare_table) - len(table)
    scheme = speaker_scheme(corpus)
    claimant = _claimant_column(scheme)
    events = sorted(table["event"].unique()) or [""]
    heights = [max(table.loc[table["event"] == e, "group"].nunique(), 1) for e in events]
    crowd = table.groupby(["event", "group"]).size().max() if len(table) else 1
    inches = max(0.8, 0.3 * crowd)  # per "counted · side" row: room for its dots to sit apart
    fig, axes = _new_figure(11, 1.6 + inches * sum(heights) + 0.5 * len(events), len(events), sharex=True,
                            gridspec_kw={"height_ratios": heights})
    upper = max(100.0, 10 ** np.ceil(np.log10(max(table["value"].max() if len(table) else 1, 1) * 5)))
    for ax, event in zip(axes, events):
        _claims_panel(ax, table[table["event"] == event], event, upper, scheme)
    if table.empty:
        _empty(axes[0], "no claims to compare")
    else:
        groups = _order(table[claimant], scheme.order)
        _legend(axes[0], _claims_legend(groups, scheme, bool(table["conflict"].any()), bool(table["open_range"].any())),
                f"claimant ({scheme.title})")
    thinned = (f"; {left_out:,} more not drawn (at most {MAX_EVENTS} events, {MAX_CLAIM_ROWS} rows each, "
               f"{MAX_CLAIMS_PER_ROW} a row: the smallest, the largest and some between)") if left_out else ""
    _finish(fig, axes[-1], corpus, "Who claims what number? "
            + ("Casualty and capture claims compared" if events_only or table.empty else "Claims compared"),
            f"{len(table)} claims (kit.compare_claims){thinned}", "claimed number (symlog scale)", "counted · side")
    return fig, table


def _claims_drawn(compare_table: pd.DataFrame) -> pd.DataFrame:
    """Return the claims the dot plot has room for, and only those.

    The ``MAX_EVENTS`` events with the most claims; in each, the ``MAX_CLAIM_ROWS`` (counted, side)
    rows with the most; in each row at most ``MAX_CLAIMS_PER_ROW`` claims: the smallest, the
    largest and evenly spaced values between. Ties go to the first in sorted order.
    """
    table = compare_table.sort_values(["event", "counted", "side", "value", "label", "claim_id"])
    if table.empty:
        return compare_table
    events = table.groupby("event").size().sort_values(ascending=False, kind="stable").index[:MAX_EVENTS]
    table = table[table["event"].isin(events)]
    keys = ["event", "counted", "side"]
    rows = table.groupby(keys).size().sort_values(ascending=False, kind="stable")
    kept_rows = rows.groupby(level="event").head(MAX_CLAIM_ROWS).index
    table = table[pd.MultiIndex.from_frame(table[keys]).isin(kept_rows)]
    rank = table.groupby(keys).cumcount()
    size = table.groupby(keys)["event"].transform("size")
    step = (size - 1) / (MAX_CLAIMS_PER_ROW - 1)
    evenly_spaced = (np.round(np.round(rank / step) * step) == rank) | (size <= MAX_CLAIMS_PER_ROW)
    return compare_table.loc[sorted(table.index[evenly_spaced.to_numpy()])]


def _claims_positions(compare_table: pd.DataFrame) -> pd.DataFrame:
    """Return the claims with their y label and position: equal dots in a row are spread, not stacked."""
    table = compare_table.sort_values(["event", "counted", "side", "value", "label", "claim_id"]).reset_index(drop=True)
    units = table["unit"].astype(str) if "unit" in table else pd.Series("", index=table.index)
    table["group"] = (table["counted"].astype(str) + units.map(lambda u: f" ({u})" if u else "") + " · "
                      + table["side"].astype(str))
    table["open_range"] = np.isinf(table["high"].astype(float))
    row = table.groupby("event")["group"].transform(lambda g: pd.factorize(g)[0]) if len(table) else 0
    k = table.groupby(["event", "group"]).cumcount()
    n = table.groupby(["event", "group"])["group"].transform("size")
    table["y"] = (row + (k - (n - 1) / 2) * np.minimum(0.7 / n, 0.22)).astype(float)
    return table


def _claims_panel(ax: Axes, rows: pd.DataFrame, event: str, upper: float, scheme: SpeakerScheme) -> None:
    """Draw one event's claims: dots, conflict rings, open-range arrows and outlet names."""
    claimant = _claimant_column(scheme)
    for row in rows.itertuples():
        group = str(getattr(row, claimant))
        ax.scatter(row.value, row.y, s=60, marker=scheme.markers.get(group, "o"), zorder=3,
                   color=_colour(group, scheme.colours, 0), edgecolor="white", linewidth=0.5)
        if row.conflict:
            ax.scatter(row.value, row.y, s=200, facecolor="none", edgecolor=BLACK, linewidth=1.4, zorder=4)
        end = row.value * 2.5 if row.open_range else row.value
        if row.open_range:
            ax.annotate("", xy=(end, row.y), xytext=(row.value * 1.15, row.y),
                        arrowprops={"arrowstyle": "->", "color": BLACK, "linewidth": 1.2})
        ax.annotate(_plain(f"{row.label}: “{row.quantity}”"), (end, row.y), xytext=(4 if row.open_range else 10, 0),
                    textcoords="offset points", va="center", fontsize=7)
    groups = list(dict.fromkeys(rows["group"]))
    ax.set_yticks(range(len(groups)), [_plain(g) for g in groups])
    ax.set_ylim(max(len(groups), 1) - 0.5, -0.5)
    ax.set_xscale("symlog", linthresh=1)
    ax.set_xlim(-0.5, upper)
    ax.axvline(0, color=NOTE_GREY, linewidth=0.6, linestyle=":")
    ax.grid(axis="x", color="#dddddd", linewidth=0.5)
    ax.set_ylabel("counted · side")
    if event:
        _subtitle(ax, event, style="italic")


def _claimant_column(scheme: SpeakerScheme) -> str:
    """Return the claims column that matches a speaker scheme: claimant_group or claimant_type."""
    return scheme.column.replace("speaker_", "claimant_")


def _claims_legend(groups: list[str], scheme: SpeakerScheme, conflict: bool, open_range: bool) -> list:
    """Return the legend entries: claimant groups, then the conflict ring and the open-range arrow."""
    handles: list = [Line2D([], [], linestyle="", marker=scheme.markers.get(g, "o"), markersize=8,
                            color=_colour(g, scheme.colours, 0), label=_plain(g)) for g in groups]
    if conflict:
        handles.append(Line2D([], [], linestyle="", marker="o", markersize=13, markerfacecolor="none",
                              markeredgecolor=BLACK, label="conflict: ranges cannot\nboth be true"))
    if open_range:
        handles.append(Line2D([], [], color=BLACK, marker=">", markevery=[1], label="open range\n(“more than 70”)"))
    return handles


# ---- 6. sentiment by voice -----------------------------------------------------------------

def sentiment_by_voice(corpus, sentiment_table: pd.DataFrame | None = None,
                       attributions: pd.DataFrame | None = None) -> tuple[Figure, pd.DataFrame]:
    """Draw the word-weighted mean polarity per outlet and voice as grouped bars around zero.

    Means are weighted by words, as in ``kit.sentiment_by_article`` (applied per outlet).
    The table has one row per (label, voice) present: ``polarity``, ``subjectivity``,
    ``n_words`` and ``n_pieces``.
    """
    from kit.framing.sentiment import sentiment_by_article

    sentiment_table = _computed(sentiment_table, "sentiment", corpus, attributions)
    outlets = _outlets(corpus)
    by_outlet = sentiment_by_article(sentiment_table.assign(article_id=_label_of(corpus, sentiment_table)))
    voices = _order(by_outlet["voice"], VOICES)
    table = _in_order(by_outlet.rename(columns={"article_id": "label"}), {"label": outlets, "voice": voices})
    fig, (ax,) = _new_figure(max(8.0, 2.5 + 1.5 * len(outlets)), 5)
    _grouped_bars(ax, table, outlets, "voice", voices, "polarity", VOICE_COLOURS)
    _legend(ax, _patches(voices, VOICE_COLOURS), "voice")
    ax.axhline(0, color=BLACK, linewidth=0.8)
    limit = max(0.1, float(table["polarity"].abs().max() if len(table) else 0) * 1.15)
    ax.set_ylim(-limit, limit)  # symmetric around zero, so small scores do not look large
    if table.empty:
        _empty(ax, "no sentences scored")
    _finish(fig, ax, corpus, "Sentiment by voice: mean polarity per outlet",
            f"{len(sentiment_table)} body-sentence pieces, word-weighted (kit.sentiment)",
            "outlet", "polarity (-1 to 1)",
            subtitle="TextBlob's lexicon was built for product reviews: read with care")
    return fig, table


# ---- 7. what a web copy is made of ---------------------------------------------------------

BLOCK_KINDS_ORDER = ["headline", "byline", "dateline", "body", "social_embed", "photo_credit", "related_link",
                     "promo", "author_bio", "navigation", "comment_prompt", "url_line", "other"]
# The article's own parts in blues and green, the page around it in the other colours and greys.
BLOCK_COLOURS = {"headline": SKY_BLUE, "byline": GREEN, "dateline": GREEN, "body": BLUE, "social_embed": PURPLE,
                 "photo_credit": VERMILLION, "related_link": YELLOW, "promo": BLACK, "author_bio": ORANGE,
                 "navigation": "#999999", "comment_prompt": "#BBBBBB", "url_line": "#DDDDDD", "other": "#777777"}


def block_kinds(corpus) -> tuple[Figure, pd.DataFrame]:
    """Draw, per article, the share of its characters in each kind of block (100% stacked bars).

    Shows how much of a web copy is the article (body, headline) and how much the page around
    it (navigation, promos, embedded posts ...). The table has one row per (label, kind) with
    ``characters`` and ``percent`` of the article's characters.
    """
    outlets = _outlets(corpus)
    blocks = corpus.blocks.assign(label=_label_of(corpus, corpus.blocks),
                                  characters=corpus.blocks["end"] - corpus.blocks["start"])
    kinds = _order(blocks["kind"], BLOCK_KINDS_ORDER)
    table = _with_percent(_count_grid(blocks, {"label": outlets, "kind": kinds}, "characters", weights="characters"),
                          "characters")
    fig, (ax,) = _new_figure(10, 1.6 + 0.55 * len(outlets))
    if len(blocks):
        _stacked_barh(ax, table, outlets, "kind", kinds, "percent", BLOCK_COLOURS, n_column=None)
        _legend(ax, _patches(kinds, BLOCK_COLOURS), "block kind")
    else:
        _empty(ax, "no articles")
    _finish(fig, ax, corpus, "What is a web copy made of? Characters per kind of block",
            f"{int(table['characters'].sum()):,} characters in {len(blocks)} blocks (corpus.blocks)",
            "share of the article's characters (%)", "article")
    return fig, table


# ---- 8. claims over time -------------------------------------------------------------------

def claims_timeline(corpus, claims_table: pd.DataFrame | None = None) -> tuple[Figure, pd.DataFrame]:
    """Draw casualty and capture claims by event and publication date (undated copies last).

    x is the article (ordered by event, then date), y the claimed number (symlog scale); colour
    and marker show the claimant group. The table holds the claims drawn, with ``event``,
    ``published`` ("undated" when the copy gives no date) and ``position`` on the x axis.
    """
    claims_table = _computed(claims_table, "claims", corpus)
    articles = corpus.articles.set_index("article_id")
    rows = claims_table[claims_table["counted"].isin(["killed", "wounded", "captured", "casualties"])].copy()
    rows["event"] = rows["article_id"].map(articles["event"]).fillna("").replace("", "event not given")
    rows["published"] = rows["article_id"].map(articles["published"]).fillna("").replace("", "undated")
    rows["label"] = rows["article_id"].map(articles["label"]).astype(str)  # each copy its own column
    # events in the order of their first dated copy (undated events last), copies by date within them
    first_date = rows[rows["published"] != "undated"].groupby("event")["published"].min()
    order = (rows[["event", "published", "label"]].drop_duplicates()
             .assign(undated=lambda f: f["published"] == "undated",
                     event_date=lambda f: f["event"].map(lambda event: first_date.get(event, "9999")))
             .sort_values(["event_date", "event", "undated", "published", "label"]))
    position = {label: i for i, label in enumerate(order["label"])}
    rows["position"] = rows["label"].map(position).astype("int64")  # numeric even with no rows
    columns = ["event", "published", "label", "position", "counted", "side", "quantity", "value", "low", "high",
               "claimant", "claimant_type", "claimant_group"]
    table = rows[columns].drop_duplicates(["label", "counted", "quantity", "claimant"])
    table = table.sort_values(["position", "value", "counted"]).reset_index(drop=True)
    # claims with the same value side by side, not on top of each other
    table["stack"] = table.groupby(["position", "value"]).cumcount()
    table["x"] = table["position"] + 0.04 * table["stack"]
    fig, (ax,) = _new_figure(10, 5.5)
    if table.empty:
        _empty(ax, "no casualty or capture claims found")
    else:
        scheme = speaker_scheme(corpus)
        claimant = _claimant_column(scheme)
        groups = _order(table[claimant], scheme.order)
        for group in groups:
            part = table[table[claimant] == group]
            ax.scatter(part["x"], part["value"], s=60, color=_colour(group, scheme.colours, 0),
                       marker=scheme.markers.get(group, "o"), edgecolor="white", zorder=3, label=_plain(group))
        for row in table.itertuples():
            ax.annotate(_plain(f"{row.quantity} {row.counted} ({row.claimant})"), (row.x, row.value),
                        xytext=(8, -11 * row.stack),
                        textcoords="offset points", fontsize=7, va="center")
        ax.set_yscale("symlog", linthresh=1)
        ax.set_xticks(range(len(order)), ["\n".join([*_wrap([r.label], 22), _plain(r.published), *_wrap([r.event], 22)])
                                          for r in order.itertuples()])
        ax.set_xlim(-0.5, len(order) + 0.4)  # room for the last column's labels
        _legend(ax, _claims_legend(groups, scheme, False, False), f"claimant ({scheme.title})")
    _finish(fig, ax, corpus, "When was what claimed? Casualty and capture claims by article",
            f"{len(table)} claims (kit.claims); undated copies placed after dated ones",
            "article (event, publication date)", "claimed number (symlog scale)")
    return fig, table
