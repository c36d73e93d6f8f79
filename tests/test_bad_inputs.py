"""Bad input never crashes the loader and nothing is dropped silently."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import kit
from conftest import FIXTURES

BAD = FIXTURES / "bad_inputs"

# file -> (is it loaded?, the problems it must be listed with)
EXPECTED = {
    "empty.txt": (False, {"empty_file"}),
    "whitespace_only.txt": (False, {"whitespace_only"}),
    "binary_png.txt": (False, {"binary_file"}),
    "control_chars.txt": (False, {"binary_file"}),
    "nul_bytes.txt": (True, {"nul_bytes", "not_in_manifest"}),
    "cp1252.txt": (True, {"not_utf8", "not_in_manifest"}),
    "utf16_bom.txt": (True, {"utf16_encoding", "not_in_manifest"}),
    "utf16_no_bom.txt": (True, {"utf16_encoding", "not_in_manifest"}),
    "utf8_bom.txt": (True, {"byte_order_mark", "not_in_manifest"}),
    "crlf.txt": (True, set()),
    "cr_only.txt": (True, {"not_in_manifest"}),
    "no_body.txt": (True, {"no_body_text", "not_in_manifest"}),
    "duplicate_a.txt": (True, {"not_in_manifest"}),
    "duplicate_b.txt": (False, {"duplicate_file"}),
    "bad_date.txt": (True, {"bad_date"}),
    "not_in_manifest.txt": (True, {"not_in_manifest"}),
    "notes.md": (False, {"not_txt_skipped"}),
    "missing.txt": (False, {"missing_file"}),
    "../escape.txt": (False, {"unsafe_manifest_path"}),
    "manifest.csv": (False, {"unknown_manifest_column"}),
}


@pytest.fixture(scope="module")
def bad() -> kit.Corpus:
    return kit.load_corpus(BAD)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_is_each_bad_file_loaded_or_listed_with_its_reason(bad, name):
    loaded, problems = EXPECTED[name]
    assert (name in set(bad.articles["file"])) == loaded
    assert set(bad.problems.loc[bad.problems["file"] == name, "problem"]) == problems


def test_does_every_file_in_the_folder_end_up_in_articles_or_problems(bad):
    accounted = set(bad.articles["file"]) | set(bad.problems["file"])
    assert {p.name for p in BAD.iterdir()} <= accounted


def test_does_every_problem_say_why(bad):
    assert (bad.problems["detail"].str.len() > 10).all()
    assert set(bad.problems["severity"]) <= {"error", "warning", "info"}


def test_are_files_that_cannot_be_loaded_errors_and_loaded_ones_not(bad):
    errors = set(bad.problems.loc[bad.problems["severity"] == "error", "file"])
    assert not errors & set(bad.articles["file"])


@pytest.mark.parametrize("name", ["crlf.txt", "cr_only.txt", "utf8_bom.txt", "cp1252.txt", "utf16_bom.txt"])
def test_do_odd_encodings_and_line_ends_give_the_same_sentences(bad, name):
    sentences = bad.sentences[bad.sentences["article_id"] == Path(name).stem]["text"].tolist()
    assert sentences[:2] == ["Officials said on Tuesday that the attack was repelled.", "The group denied it."]


def test_do_offsets_index_crlf_text_as_read(bad):
    raw = bad.texts["crlf"]
    assert "\r\n" in raw
    for row in bad.sentences[bad.sentences["article_id"] == "crlf"].itertuples():
        assert raw[row.start:row.end] == row.text


def test_does_a_bad_manifest_date_fall_back_to_the_text(bad):
    row = bad.articles.set_index("file").loc["bad_date.txt"]
    assert row["published"] == ""
    assert not row["published_evidence"].startswith("manifest")


def test_does_a_manifest_date_win_over_the_text(bad):
    row = bad.articles.set_index("file").loc["crlf.txt"]
    assert row["published"] == "2023-05-24"
    assert row["published_evidence"].startswith("manifest")


def test_does_strict_mode_raise_one_error_listing_every_problem():
    with pytest.raises(kit.CorpusProblemsError) as caught:
        kit.load_corpus(BAD, strict=True)
    message = str(caught.value)
    for name in ("empty.txt", "binary_png.txt", "missing.txt", "duplicate_b.txt", "../escape.txt"):
        assert name in message


def test_does_a_missing_folder_raise_file_not_found_naming_it(tmp_path):
    missing = tmp_path / "no_such_folder"
    with pytest.raises(FileNotFoundError, match="no_such_folder"):
        kit.load_corpus(missing)


def test_does_a_folder_without_manifest_load_with_no_problems(tmp_path):
    shutil.copy(BAD / "crlf.txt", tmp_path / "a.txt")
    corpus = kit.load_corpus(tmp_path, strict=True)
    assert list(corpus.articles["article_id"]) == ["a"]
    assert corpus.problems.empty


def test_are_the_input_files_never_written(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(BAD, folder)
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()}
    kit.load_corpus(folder)
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()}
    assert before == after


@pytest.mark.slow
def test_is_a_10_mb_file_loaded_and_flagged(tmp_path):
    paragraph = ("Officials said the attack was repelled, and the group denied it. "
                 "“We will return,” the commander said.\n\n")
    (tmp_path / "huge.txt").write_text(paragraph * (10_000_000 // len(paragraph.encode())), encoding="utf-8")
    corpus = kit.load_corpus(tmp_path)
    assert set(corpus.problems["problem"]) == {"large_file"}
    assert corpus.articles["n_words"].iloc[0] > 1_500_000


def test_does_a_large_folder_show_a_progress_bar_and_a_small_one_not(tmp_path, capsys):
    from kit.corpus.progress import PROGRESS_MIN_ITEMS

    for number in range(PROGRESS_MIN_ITEMS):
        (tmp_path / f"a{number:04d}.txt").write_text(f"Officials said article {number} was loaded.\n", encoding="utf-8")
    kit.load_corpus(tmp_path)
    assert "reading articles" in capsys.readouterr().err
    kit.load_corpus(BAD)
    assert "reading articles" not in capsys.readouterr().err


def test_does_the_network_guard_stop_a_test_that_reaches_out():
    import socket

    with pytest.raises(RuntimeError, match="must work offline"):  # the root conftest.py's guard
        socket.create_connection(("192.0.2.1", 80), timeout=1)  # TEST-NET-1: never routed
    with pytest.raises(RuntimeError, match="must work offline"):
        socket.getaddrinfo("pypi.org", 443)
    with pytest.raises(RuntimeError, match="must work offline"):
        socket.create_connection(("127.0.0.1", 9), timeout=1)  # loopback too, unless marked localhost
