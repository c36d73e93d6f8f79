"""Speed and scale: is each table computed once per corpus, and never stale?"""

from __future__ import annotations

import importlib.util
import logging
import pickle
from pathlib import Path

import pandas as pd
import pytest

import kit
import kit.attribution.table as attribution_table
import kit.framing.voice as voice
from conftest import SEEDS
from kit.cli import main
from kit.views import parallel
from kit.views.parallel import analyze_folder
from newspages import write_pages


@pytest.fixture
def counted(monkeypatch):
    """Count the passes of the attribution stage and of the voice reader."""
    calls = {"attributions": 0, "voices": 0}
    read_articles, read_voices = attribution_table.read_articles, voice.read_voices

    def count(name, function):
        def counting(*args, **kwargs):
            calls[name] += 1
            return function(*args, **kwargs)
        return counting

    monkeypatch.setattr(attribution_table, "read_articles", count("attributions", read_articles))
    monkeypatch.setattr(voice, "read_voices", count("voices", read_voices))
    return calls


def test_is_the_attribution_stage_run_once_per_corpus(counted):
    corpus = kit.load_corpus()
    tables = dict(kit.analyze(corpus).items())
    assert set(tables) == set(kit.Tables.names())
    assert counted == {"attributions": 1, "voices": 1}


def test_does_kit_analyze_on_the_command_line_read_the_attributions_once(counted, tmp_path):
    assert main(["analyze", str(SEEDS), "--out", str(tmp_path)]) == 0
    assert counted == {"attributions": 1, "voices": 1}
    assert len(list(tmp_path.glob("*.csv"))) == len(kit.Tables.names())


def test_do_the_readme_calls_share_one_attribution_pass(counted):
    corpus = kit.load_corpus()
    kit.attributions(corpus), kit.entities(corpus)
    kit.naming(corpus), kit.labels(corpus), kit.hedges(corpus), kit.claims(corpus)
    kit.compare_claims(corpus), kit.sentiment(corpus)
    assert counted == {"attributions": 1, "voices": 1}
    assert kit.analyze(corpus) is kit.analyze(corpus)


def test_does_the_bundle_give_the_tables_the_functions_give(seeds):
    corpus = kit.load_corpus()  # a corpus of its own: nothing computed yet
    attributions = kit.attributions(corpus, rules=None)
    tables = kit.analyze(seeds)
    assert tables.attributions.equals(attributions)
    assert tables["naming"].equals(kit.naming(corpus, attributions, kit.entities(corpus)))
    assert tables["claims_comparison"].equals(tables.comparison)


def test_does_editing_a_table_leave_the_kept_one_alone():
    corpus = kit.load_corpus()
    quotes = kit.attributions(corpus)
    quotes.loc[0, "speaker"] = "Somebody Else"
    del quotes["content"]
    again = kit.attributions(corpus)
    assert again.loc[0, "speaker"] != "Somebody Else" and "content" in again
    assert not kit.naming(corpus)["actor"].eq("Somebody Else").any()


def test_can_a_corpus_be_changed_after_loading():
    corpus = kit.load_corpus()
    with pytest.raises(AttributeError):
        corpus.articles = corpus.articles.head(1)
    with pytest.raises(TypeError):
        corpus.texts["x"] = "new text"
    articles = corpus.articles
    articles.loc[0, "label"] = "Edited"
    articles["extra"] = 1
    assert "Edited" not in set(corpus.articles["label"]) and "extra" not in corpus.articles


def test_are_tables_computed_from_other_attributions_computed_afresh():
    corpus = kit.load_corpus()
    none = kit.attributions(corpus).head(0)
    assert "attributed" not in set(kit.naming(corpus, none)["voice"])  # no source credited with anything
    assert "attributed" in set(kit.naming(corpus)["voice"])  # the kept table is the corpus's own


def test_does_a_pickled_corpus_come_back_whole_without_what_was_derived():
    corpus = kit.load_corpus()
    kit.attributions(corpus)
    copy = pickle.loads(pickle.dumps(corpus))
    assert copy.articles.equals(corpus.articles) and dict(copy.texts) == dict(corpus.texts)
    assert kit.attributions(copy).equals(kit.attributions(corpus))


# -- partitions on Dask workers: the same files as a serial run --------------------------------------------------

def write_tables(folder, out, *options) -> dict[str, bytes]:
    """Run ``kit analyze folder --out out`` with ``options``; return each CSV's bytes by name."""
    assert main(["analyze", str(folder), "--out", str(out), *options]) == 0
    return {path.name: path.read_bytes() for path in sorted(Path(out).glob("*.csv"))}


@pytest.fixture(scope="module")
def client():
    """Two local Dask worker processes, shared by the tests of this module."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None,
                                  silence_logs=logging.ERROR) as cluster, distributed.Client(cluster) as dask:
        yield dask


def analyse_in_parts(folder, out, client, size: int, **options) -> dict[str, bytes]:
    """Write the tables of ``folder`` in partitions of ``size`` articles on ``client``; return each CSV's bytes."""
    analyze_folder(folder, out, client=client, partition_size=size, **options)
    return {path.name: path.read_bytes() for path in sorted(Path(out).glob("*.csv"))}


@pytest.mark.localhost
def test_do_two_workers_write_the_seeds_tables_a_serial_run_writes(tmp_path):
    pytest.importorskip("distributed")
    serial = write_tables(SEEDS, tmp_path / "serial")
    parallel = write_tables(SEEDS, tmp_path / "parallel", "--workers", "2", "--partition-size", "2")
    assert {name.removesuffix(".csv") for name in parallel} == set(kit.Tables.names())
    assert parallel == serial


@pytest.mark.localhost
def test_do_partitions_of_generated_pages_give_the_serial_tables(tmp_path, client):
    (tmp_path / "pages").mkdir()
    write_pages(tmp_path / "pages", 60)
    serial = write_tables(tmp_path / "pages", tmp_path / "serial")
    for size in (1, 7):
        assert analyse_in_parts(tmp_path / "pages", tmp_path / f"parts{size}", client, size) == serial


@pytest.mark.localhost
def test_are_duplicates_across_partitions_and_a_manifest_s_own_order_kept(tmp_path, client):
    folder = tmp_path / "articles"
    folder.mkdir()
    write_pages(folder, 6)
    (folder / "page0006.txt").write_bytes((folder / "page0001.txt").read_bytes())  # same bytes, later partition
    (folder / "page0007.txt").write_text("Headline\n\nA body that says little.\n", encoding="utf-8")
    (folder / "page0008.txt").write_bytes(b"\xff\xfe\x00bad")
    rows = ["file,article_id"] + [f"page{n:04d}.txt,z{9 - n}" for n in range(7)] + ["page0007.txt,z8"]
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")  # ids against file order
    serial = write_tables(folder, tmp_path / "serial")
    problems = pd.read_csv(tmp_path / "serial" / "problems.csv")
    assert {"duplicate_file", "duplicate_article_id"} <= set(problems["problem"])
    assert analyse_in_parts(folder, tmp_path / "parts", client, 1) == serial


@pytest.mark.localhost
def test_does_parquet_beside_each_csv_hold_the_same_rows(tmp_path, client):
    pytest.importorskip("pyarrow")
    analyse_in_parts(SEEDS, tmp_path, client, 2, parquet=True)
    for name in kit.Tables.names():
        csv, parquet = pd.read_csv(tmp_path / f"{name}.csv"), pd.read_parquet(tmp_path / f"{name}.parquet")
        assert list(parquet.columns) == list(csv.columns) and len(parquet) == len(csv)
    quotes = pd.read_parquet(tmp_path / "attributions.parquet")
    assert quotes["content"].tolist() == kit.attributions(kit.load_corpus())["content"].tolist()  # the true text


@pytest.mark.localhost
def test_does_an_empty_folder_give_every_table_without_rows(tmp_path, client):
    (tmp_path / "empty").mkdir()
    assert analyse_in_parts(tmp_path / "empty", tmp_path / "parts", client, 5) == \
        write_tables(tmp_path / "empty", tmp_path / "serial")


def test_does_workers_without_dask_say_what_to_install(tmp_path, monkeypatch, capsys):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name.split(".")[0] in ("dask", "distributed") else real(name, *a))
    assert main(["analyze", str(SEEDS), "--out", str(tmp_path), "--workers", "2"]) == 2
    error = capsys.readouterr().err
    assert "--workers needs distributed" in error and 'pip install -e ".[scale]"' in error
    assert not list(tmp_path.glob("*.csv"))


@pytest.mark.localhost
def test_does_an_unreachable_scheduler_give_a_clear_error(tmp_path, monkeypatch, capsys):
    pytest.importorskip("distributed")
    monkeypatch.setattr(parallel, "CONNECT_TIMEOUT", "1s")
    assert main(["analyze", str(SEEDS), "--out", str(tmp_path), "--scheduler", "tcp://127.0.0.1:9"]) == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in capsys.readouterr().err
