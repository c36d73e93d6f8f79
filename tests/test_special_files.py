"""Files that must not be read: pipes, devices, sockets, links out of the folder, oversized files.

Each one becomes a row of ``corpus.problems`` with the reason, without ever being opened;
the rest of the folder loads as usual (issue 13).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

import kit
from kit.cli import main
from conftest import FIXTURES, REPO
from kit.corpus.reading import MAX_FILE_BYTES, read_bytes

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
needs_links = pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need rights on Windows")
ARTICLE = (FIXTURES / "bad_inputs" / "crlf.txt").read_bytes()
SECRET = "SECRET-LINE: root:x:0:0:this must never reach a table or a report\n"


@pytest.fixture
def folder(tmp_path) -> Path:
    """A corpus folder with one good article, and a secret file beside (outside) it."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_bytes(ARTICLE)
    (tmp_path / "secret.txt").write_text(SECRET * 3, encoding="utf-8")
    return corpus


def problems_of(corpus: kit.Corpus, name: str) -> dict[str, str]:
    """Return the problems listed for file ``name``: {problem: detail}."""
    rows = corpus.problems[corpus.problems["file"] == name]
    return dict(zip(rows["problem"], rows["detail"]))


@needs_fifo
def test_does_kit_check_list_a_named_pipe_instead_of_waiting_for_it_forever(folder):
    os.mkfifo(folder / "y.txt")
    result = subprocess.run([sys.executable, "-m", "kit", "check", str(folder)], capture_output=True, text=True,
                            cwd=REPO, timeout=120)
    assert result.returncode == 1
    assert "y.txt" in result.stdout and "not_a_regular_file" in result.stdout and "named pipe" in result.stdout
    assert "1 articles" in result.stdout


@needs_links
def test_is_a_link_to_a_device_listed_and_never_read(folder):
    os.symlink("/dev/zero", folder / "zero.txt")
    corpus = kit.load_corpus(folder)
    assert "outside_folder" in problems_of(corpus, "zero.txt")
    assert list(corpus.articles["file"]) == ["good.txt"]


@needs_links
def test_is_a_link_to_a_file_outside_the_folder_listed_and_its_text_never_shown(folder, tmp_path, capsys):
    os.symlink(tmp_path / "secret.txt", folder / "passwd.txt")
    corpus = kit.load_corpus(folder)
    assert "outside the folder" in problems_of(corpus, "passwd.txt")["outside_folder"]
    assert list(corpus.articles["file"]) == ["good.txt"]
    assert not any("SECRET-LINE" in text for text in corpus.texts.values())
    out = tmp_path / "report.html"
    assert main(["report", str(folder), "--out", str(out)]) == 0
    assert "SECRET-LINE" not in out.read_text(encoding="utf-8")
    assert main(["check", str(folder)]) == 1
    assert "SECRET-LINE" not in capsys.readouterr().out


@needs_links
def test_is_a_link_that_stays_inside_the_folder_read(folder):
    (folder / "sub").mkdir()
    (folder / "sub" / "real.txt").write_bytes(ARTICLE.replace(b"Tuesday", b"Monday"))
    os.symlink(Path("sub") / "real.txt", folder / "linked.txt")
    corpus = kit.load_corpus(folder)
    assert set(corpus.articles["file"]) == {"good.txt", "linked.txt"}
    assert problems_of(corpus, "linked.txt") == {}


@needs_links
def test_is_a_broken_link_listed_as_unreadable(folder):
    os.symlink(folder / "gone.txt", folder / "broken.txt")
    assert "unreadable" in problems_of(kit.load_corpus(folder), "broken.txt")


def test_is_a_socket_listed_and_never_opened(folder):
    if not hasattr(socket, "AF_UNIX"):
        pytest.skip("no Unix sockets here")
    path = folder / "s.txt"
    if len(str(path)) > 100:
        pytest.skip("the temporary folder's path is too long for a Unix socket")
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        detail = problems_of(kit.load_corpus(folder), "s.txt")["not_a_regular_file"]
    finally:
        server.close()
    assert detail.startswith("a socket")


def test_is_an_oversized_file_listed_with_its_size_and_the_cap_and_not_loaded(folder):
    with (folder / "dump.txt").open("wb") as handle:  # sparse: no disk space or time needed
        handle.truncate(MAX_FILE_BYTES + 4096)
    corpus = kit.load_corpus(folder)
    detail = problems_of(corpus, "dump.txt")["file_too_large"]
    assert f"{MAX_FILE_BYTES + 4096:,} bytes" in detail and f"{MAX_FILE_BYTES:,} bytes" in detail
    assert list(corpus.articles["file"]) == ["good.txt"]


def test_does_read_bytes_never_return_more_than_the_cap(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"x" * 11)
    assert read_bytes(tmp_path / "a.txt", tmp_path, "a.txt", max_bytes=11) == (b"x" * 11, None)
    data, problem = read_bytes(tmp_path / "a.txt", tmp_path, "a.txt", max_bytes=10)
    assert data is None and problem.problem == "file_too_large" and "11 bytes" in problem.detail


@needs_fifo
def test_is_a_pipe_or_a_link_out_named_manifest_csv_listed_while_the_articles_load(folder, tmp_path):
    os.mkfifo(folder / "manifest.csv")
    corpus = kit.load_corpus(folder)
    assert "not_a_regular_file" in problems_of(corpus, "manifest.csv")
    assert list(corpus.articles["file"]) == ["good.txt"]
    os.unlink(folder / "manifest.csv")
    (tmp_path / "outside.csv").write_text("file,title\ngood.txt,=HYPERLINK(\"http://x\")\n", encoding="utf-8")
    os.symlink(tmp_path / "outside.csv", folder / "manifest.csv")
    corpus = kit.load_corpus(folder)
    assert "outside_folder" in problems_of(corpus, "manifest.csv")
    assert corpus.articles["metadata_from"].tolist() == ["text only"]


@needs_fifo
def test_is_a_manifest_entry_that_is_a_pipe_listed_as_such_not_as_missing(folder):
    (folder / "sub").mkdir()
    os.mkfifo(folder / "sub" / "p.txt")
    (folder / "manifest.csv").write_text("file,title\ngood.txt,Good\nsub/p.txt,Pipe\n", encoding="utf-8")
    assert "not_a_regular_file" in problems_of(kit.load_corpus(folder), "sub/p.txt")


@needs_fifo
def test_are_topic_pack_files_read_only_when_regular_and_inside(folder, tmp_path):
    shutil.copytree(REPO / "seeds" / "topic", folder / "topic")
    os.unlink(folder / "topic" / "labels.csv")
    os.symlink(tmp_path / "secret.txt", folder / "topic" / "labels.csv")
    os.unlink(folder / "topic" / "affiliations.csv")
    os.mkfifo(folder / "topic" / "affiliations.csv")
    corpus = kit.load_corpus(folder)
    assert "outside_folder" in problems_of(corpus, "topic/labels.csv")
    assert "not_a_regular_file" in problems_of(corpus, "topic/affiliations.csv")
    assert corpus.topic is not None and corpus.topic.actors and not corpus.topic.labels


@needs_links
def test_is_a_topic_folder_that_links_out_of_the_corpus_not_read(folder, tmp_path):
    shutil.copytree(REPO / "seeds" / "topic", tmp_path / "elsewhere")
    os.symlink(tmp_path / "elsewhere", folder / "topic")
    corpus = kit.load_corpus(folder)
    assert "outside_folder" in problems_of(corpus, "topic/groups.csv")
    assert not corpus.topic.actors
    assert kit.load_corpus(folder, topic=tmp_path / "elsewhere").topic.actors  # given explicitly, it is read


@needs_fifo
def test_does_every_special_file_end_up_in_problems_and_nothing_else_change(folder, tmp_path):
    os.mkfifo(folder / "pipe.txt")
    os.symlink("/dev/null", folder / "null.txt")
    os.symlink(tmp_path / "secret.txt", folder / "out.txt")
    (folder / "dir.txt").mkdir()
    corpus = kit.load_corpus(folder)
    assert set(corpus.problems["file"]) == {"pipe.txt", "null.txt", "out.txt", "dir.txt"}
    assert list(corpus.articles["file"]) == ["good.txt"]
