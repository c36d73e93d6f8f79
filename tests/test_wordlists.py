"""Word lists: do the shipped ones pass their checks, and does a bad value stop the load with a message a
person can act on (the file, the line, the values allowed)?"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

import kit
from conftest import REPO
from kit.text import wordlists
from kit.text.wordlists import ALLOWED, DATA_DIR, WordListError, read_rows

SHIPPED = sorted(DATA_DIR.glob("*.csv"))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_does_the_shipped_word_list_pass_its_checks(path):
    rows = read_rows(path.stem)
    assert rows and all(row["source"] for row in rows)


def test_is_every_checked_column_in_its_word_list():
    for name, rules in ALLOWED.items():
        with (DATA_DIR / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle))
        assert {rule.column for rule in rules} <= set(header), name


def edited_copy(tmp_path: Path, name: str, line: int, column: str, value: str) -> Path:
    """Return a copy of kit/data with ``column`` of ``line`` (1 is the header) of ``name``.csv set to ``value``."""
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    path = folder / f"{name}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[line - 2][column] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return folder


def test_does_a_bad_stance_stop_the_analysis_naming_file_line_and_allowed_values(tmp_path, monkeypatch):
    monkeypatch.setattr(wordlists, "DATA_DIR", edited_copy(tmp_path, "reporting_verbs", 3, "stance", "meh"))
    with pytest.raises(WordListError) as raised:
        kit.attributions(kit.load_corpus())
    message = str(raised.value)
    assert "reporting_verbs.csv has 1 value(s) the kit does not know" in message
    assert "line 3: stance 'meh' is not one of: neutral, endorsing, distancing, guilt_implying, emphatic" in message


@pytest.mark.parametrize("name, column, value, says", [
    ("hedges", "type", "maybe", "type 'maybe' is not one of: hedge, booster, weasel, verification"),
    ("reporting_verbs", "frames", "clause_only|sometimes", "frames 'sometimes' is not one of: label, infinitive"),
    ("roles", "gender", "x", "gender 'x' is not one of: m, f or empty"),
    ("labels", "connotation", "bad", "connotation 'bad' is not one of: negative, positive, neutral, loaded"),
    ("claim_terms", "value", "dead", "value 'dead' is not one of: killed, wounded"),
    ("places", "source", "", "the source is empty"),
])
def test_is_each_kind_of_bad_value_named_with_its_line(tmp_path, name, column, value, says):
    folder = edited_copy(tmp_path, name, 2, column, value)
    with pytest.raises(WordListError, match="line 2: " + says.replace("|", r"\|").replace("(", r"\(")):
        read_rows(name, folder)


def test_is_a_message_about_many_bad_rows_kept_short(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "hedges.csv").write_text("term,type,source\n" + "".join(f"w{i},maybe,x\n" for i in range(30)),
                                       encoding="utf-8")
    with pytest.raises(WordListError) as raised:
        read_rows("hedges", folder)
    assert "has 30 value(s)" in str(raised.value) and "... and 20 more" in str(raised.value)


def test_does_a_bad_group_in_the_topic_pack_name_file_line_and_the_groups_it_lists(tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(REPO / "seeds", folder)
    actors = folder / "topic" / "actors.csv"
    lines = actors.read_text(encoding="utf-8").split("\n")
    lines[2] = lines[2].replace(",rvc,", ",bogus_group,", 1)
    actors.write_text("\n".join(lines), encoding="utf-8")
    problems = kit.load_corpus(folder).problems
    [detail] = problems.loc[problems["problem"] == "topic_pack_row_skipped", "detail"]
    assert "line 3: group 'bogus_group' is not one of: russian_government" in detail
    assert "topic/actors.csv" in problems.loc[problems["problem"] == "topic_pack_row_skipped", "file"].iloc[0]
