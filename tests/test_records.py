"""Does ``records`` show long texts row by row, whole, so no column is cut off?"""

import pandas as pd

from kit.framing.numbers import NumberError, parse_number
from kit.views import records


def test_is_each_row_a_block_headed_by_its_first_column():
    frame = pd.DataFrame({"label": ["Daily Beacon", "Ledger"], "byline": ["Ana Ruiz", ""]})
    assert repr(records(frame)) == ("[0] Daily Beacon\n    byline  Ana Ruiz\n\n"
                                    "[1] Ledger\n    byline  (empty)")


def test_is_a_long_value_wrapped_whole_not_cut():
    evidence = "line 5: " + "a very long piece of evidence " * 10
    shown = repr(records(pd.DataFrame({"label": ["X"], "evidence": [evidence]}), width=40))
    assert all(len(line) <= 40 for line in shown.splitlines())
    assert " ".join(shown.split()).endswith(" ".join(evidence.split()))


def test_are_only_the_chosen_columns_shown():
    frame = pd.DataFrame({"label": ["X"], "title": ["T"], "url": ["u"]})
    assert "url" not in repr(records(frame, ["label", "title"]))


def test_does_an_empty_table_say_so():
    assert repr(records(pd.DataFrame(columns=["label", "byline"]))) == "No rows."


def test_does_a_notebook_show_a_number_error_as_one_plain_line():
    try:
        parse_number("seventy two")
    except NumberError as error:
        lines = error._render_traceback_()
    assert len(lines) == 1 and lines[0].startswith("NumberError: cannot read 'seventy two' as a number")
