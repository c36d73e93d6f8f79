"""Does a path typed by a student end in a plain message, with the absolute path tried and what to do?

These are the messages lesson 06 relies on when a student points the kit at their own folder.
"""

from pathlib import Path

import pytest

import kit
from kit.corpus.folder import CorpusFolderError

REPO = Path(__file__).resolve().parents[1]


def test_does_a_misspelt_relative_path_name_the_absolute_path_and_a_close_folder(tmp_path, monkeypatch):
    (tmp_path / "my_articles").mkdir()
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CorpusFolderError) as caught:
        kit.load_corpus("my_artcles")
    message = str(caught.value)
    assert f"No folder at '{tmp_path / 'my_artcles'}'" in message
    assert f"A relative path is read from '{tmp_path}'" in message
    assert f"Did you mean '{tmp_path / 'my_articles'}'?" in message
    assert "create the folder" in message


def test_is_a_missing_folder_still_a_file_not_found_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no_such_folder"):
        kit.load_corpus(tmp_path / "no_such_folder")


def test_is_a_tilde_read_as_the_home_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("The mayor said the vote was close.\n", encoding="utf-8")
    corpus = kit.load_corpus("~/articles")
    assert corpus.articles["article_id"].tolist() == ["a"]


def test_does_a_file_given_as_the_folder_name_the_folder_to_give(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Text.\n", encoding="utf-8")
    with pytest.raises(CorpusFolderError, match="is a file, not a folder") as caught:
        kit.load_corpus(article)
    assert f"(here: '{tmp_path}')" in str(caught.value)


def test_does_a_notebook_show_the_message_without_a_traceback():
    error = CorpusFolderError("No folder at '/x'.")
    assert error._render_traceback_() == ["CorpusFolderError: No folder at '/x'."]


def test_are_articles_in_a_subfolder_a_warning_that_gives_the_path_to_use(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("The mayor said the vote was close.\n", encoding="utf-8")
    corpus = kit.load_corpus(tmp_path)
    problem = corpus.problems.set_index("file").loc["news"]
    assert problem["severity"] == "warning"
    assert f"give '{tmp_path / 'news'}' as the folder" in problem["detail"]


def test_is_a_subfolder_without_articles_only_info(tmp_path):
    (tmp_path / "a.txt").write_text("The mayor said the vote was close.\n", encoding="utf-8")
    (tmp_path / "images").mkdir()
    corpus = kit.load_corpus(tmp_path)
    assert corpus.problems.set_index("file").loc["images", "severity"] == "info"


def test_does_a_folder_with_no_txt_file_say_so(tmp_path):
    (tmp_path / "notes.docx").write_bytes(b"PK")
    corpus = kit.load_corpus(tmp_path)
    assert corpus.articles.empty
    no_text = corpus.problems[corpus.problems["problem"] == "no_txt_files"]
    assert no_text["severity"].tolist() == ["warning"]
    assert str(tmp_path) in no_text["detail"].iloc[0]


def test_does_lesson_06s_upload_folder_exist_and_say_how_to_use_it():
    readme = (REPO / "notebooks" / "my_articles" / "README.md").read_text(encoding="utf-8")
    assert 'CORPUS_DIR = "my_articles"' in readme and "Upload" in readme
