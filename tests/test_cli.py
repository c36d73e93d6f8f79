"""The command line: clear output, exit codes, no tracebacks."""

from __future__ import annotations

import csv
import subprocess
import sys

import pandas as pd
import pytest

from conftest import FIXTURES, REPO
import kit
from kit.cli import main


def test_does_check_list_five_seed_articles_and_no_problems(capsys):
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "5 articles" in out and "0 problems" in out
    assert "Kyiv Independent" in out


def test_does_check_exit_1_and_list_the_problems_of_a_bad_folder(capsys):
    assert main(["check", str(FIXTURES / "bad_inputs")]) == 1
    out = capsys.readouterr().out
    assert "empty_file" in out and "duplicate_file" in out


def test_does_analyze_write_one_csv_per_table(tmp_path, seeds):
    assert main(["analyze", str(REPO / "seeds"), "--out", str(tmp_path)]) == 0
    for name in ("articles", "blocks", "paragraphs", "sentences", "problems"):
        table = pd.read_csv(tmp_path / f"{name}.csv", keep_default_na=False)
        assert len(table) == len(getattr(seeds, name))
    attributions = pd.read_csv(tmp_path / "attributions.csv", keep_default_na=False)
    assert len(attributions) == len(kit.attributions(seeds)) > 100


def test_does_a_wrong_path_give_a_clear_message_not_a_traceback(capsys):
    assert main(["check", "no/such/folder"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: No folder at ")
    assert "(you gave 'no/such/folder')" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("args", [["--help"], ["check", "--help"], ["analyze", "--help"]])
def test_does_python_dash_m_kit_explain_itself(args):
    result = subprocess.run([sys.executable, "-m", "kit", *args], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0
    assert "usage: python -m kit" in result.stdout


FORMULA_PAGE = ('=HYPERLINK("http://example.com/x","Click here")\n\n'
                "Officials said on Tuesday that the attack was repelled.\n\n"
                "-2+3 soldiers were wounded, the ministry said.\n\n"
                "@SUM(A1) “=1+1 is our answer,” the commander said.\n\n"
                "+7 more were killed.\n")


MANIFEST = 'file,label,title\n=cmd.txt,@label,"=HYPERLINK(""http://example.com/x"",""Click here"")"\n'


def is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_does_analyze_write_no_cell_a_spreadsheet_would_run_as_a_formula(tmp_path):
    from kit.views.safe_csv import FORMULA_STARTS

    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "=cmd.txt").write_text(FORMULA_PAGE, encoding="utf-8")
    (folder / "manifest.csv").write_text(MANIFEST, encoding="utf-8")
    assert main(["analyze", str(folder), "--out", str(out)]) == 0
    cells = []
    for path in sorted(out.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            cells += [(path.name, cell) for row in csv.reader(handle) for cell in row]
    risky = [(name, cell) for name, cell in cells
             if cell.lstrip(" ").startswith(FORMULA_STARTS) and not is_number(cell)]
    assert not risky
    assert ("articles.csv", "'=HYPERLINK(\"http://example.com/x\",\"Click here\")") in cells
    assert ("sentences.csv", "'-2+3 soldiers were wounded, the ministry said.") in cells
    assert ("articles.csv", "'@label") in cells


def test_do_the_tables_in_memory_keep_the_true_text_of_formula_like_cells(tmp_path):
    (tmp_path / "=cmd.txt").write_text(FORMULA_PAGE, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(MANIFEST, encoding="utf-8")
    corpus = kit.load_corpus(tmp_path)
    assert corpus.articles["title"].iloc[0].startswith("=HYPERLINK(")
    assert corpus.articles["label"].iloc[0] == "@label"
    assert "-2+3 soldiers were wounded, the ministry said." in set(corpus.sentences["text"])
