"""Formula-safe CSV: text a spreadsheet would run as a formula is written as text."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from kit.views.safe_csv import neutralise, write_csv


@pytest.mark.parametrize("text", ["=1+1", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("http://x")',
                                  "  =1+1"])
def test_does_text_that_starts_like_a_formula_get_a_leading_quote(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", ["Well done.", "a=b", "", "'quoted'", 3, -2, -1.5, None, True])
def test_are_ordinary_text_and_numbers_left_alone(value):
    assert neutralise(value) == value


def test_does_write_csv_neutralise_every_text_cell_and_header_but_keep_numbers(tmp_path):
    frame = pd.DataFrame({"name": ["=cmd|' /C calc'!A0", "plain", "-10"], "points": [-1, 2, 3],
                          "=header": ["@x", "+y", "z"]}, index=[7, 8, 9])
    path = write_csv(frame, tmp_path / "out.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["name", "points", "'=header"]
    assert rows[1] == ["'=cmd|' /C calc'!A0", "-1", "'@x"]
    assert rows[2] == ["plain", "2", "'+y"] and rows[3] == ["'-10", "3", "z"]
    assert frame.loc[7, "name"].startswith("=")  # the caller's table is not changed


def test_does_write_csv_replace_a_file_whole_and_leave_no_temporary_files(tmp_path):
    path = tmp_path / "grades.csv"
    path.write_text("old\n", encoding="utf-8")
    write_csv(pd.DataFrame({"a": [1]}), path)
    assert path.read_text(encoding="utf-8") == "a\n1\n"
    assert [p.name for p in tmp_path.iterdir()] == ["grades.csv"]
