"""The command line: clear output, exit codes, no tracebacks."""

from __future__ import annotations

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
    assert err.startswith("error: corpus folder not found: no/such/folder")
    assert "Traceback" not in err


@pytest.mark.parametrize("args", [["--help"], ["check", "--help"], ["analyze", "--help"]])
def test_does_python_dash_m_kit_explain_itself(args):
    result = subprocess.run([sys.executable, "-m", "kit", *args], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0
    assert "usage: python -m kit" in result.stdout
