"""Write gold annotations by quoting the text, not by counting characters.

A gold row names its spans by their words and an ``anchor``: a piece of text that occurs
exactly once in the article and starts at or before the row's spans (usually the first words
of the sentence or paragraph). Each span is the first occurrence of its words at or after the
anchor, or after ``<span>_after`` when the same words come earlier in the sentence. This tool
fills in the offsets and checks every slice:

    python tools/gold.py locate tests/fixtures/devset     # fill offsets, then check
    python tools/gold.py check tests/fixtures/devset      # check only (exit 1 on a problem)

Files in the folder (one JSON object per line, rows in file then text order):

- ``gold_attributions.jsonl``: file, anchor, kind, content, speaker_surface, cue, speaker,
  speaker_type, speaker_also (other names that are the same source), follow_on, note;
- ``gold_claims.jsonl``: file, anchor, quantity, value, approximation, unit, counted, note;
- ``gold_disclaimers.jsonl``: file, anchor, text, note (verification statements);
- ``gold_metadata.csv``: file, subject, style, title, byline, outlet, wire_agency, published,
  dateline_place.

Offsets are Python string indices into the file read with ``newline=''``.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

ATTRIBUTION_KINDS = {"direct", "mixed", "indirect", "according_to", "social"}
SPEAKER_TYPES = {"person", "organisation", "government", "unnamed", "document", "joint", "media", "account"}
APPROXIMATIONS = {"exact", "about", "at_least", "more_than", "at_most", "less_than", "range", "vague"}
# Which span fields each gold file has: (text field, start field, end field, may be empty).
SPANS = {
    "gold_attributions.jsonl": [("content", "content_start", "content_end", False),
                                ("speaker_surface", "speaker_surface_start", "speaker_surface_end", True),
                                ("cue", "cue_start", "cue_end", True)],
    "gold_claims.jsonl": [("quantity", "start", "end", False)],
    "gold_disclaimers.jsonl": [("text", "start", "end", False)],
}
METADATA_COLUMNS = ["file", "subject", "style", "title", "byline", "outlet", "wire_agency", "published",
                    "dateline_place"]


def read_raw(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def locate_row(raw: str, row: dict, spans: list[tuple[str, str, str, bool]]) -> list[str]:
    """Fill the offsets of ``row`` from its anchor; return the problems met."""
    problems = []
    anchor = row.get("anchor", "")
    if not anchor:
        return ["no anchor"]
    count = raw.count(anchor)
    if count != 1:
        return [f"anchor {anchor!r} occurs {count} times (it must occur once)"]
    base = raw.index(anchor)
    for text_key, start_key, end_key, may_be_empty in spans:
        text = row.get(text_key, "")
        if not text:
            if not may_be_empty:
                problems.append(f"empty {text_key}")
            row[start_key] = row[end_key] = None
            continue
        origin = base
        after = row.get(f"{text_key}_after")
        if after:
            found_after = raw.find(after, base)
            if found_after < 0:
                problems.append(f"{text_key}_after {after!r} not found after the anchor")
                continue
            origin = found_after + len(after)
        start = raw.find(text, origin)
        if start < 0:
            problems.append(f"{text_key} {text!r} not found after the anchor")
            continue
        row[start_key], row[end_key] = start, start + len(text)
    return problems


def check_row(raw: str, row: dict, name: str, spans: list[tuple[str, str, str, bool]]) -> list[str]:
    """Return the problems of one located row."""
    problems = []
    for text_key, start_key, end_key, may_be_empty in spans:
        text, start, end = row.get(text_key, ""), row.get(start_key), row.get(end_key)
        if not text:
            if not may_be_empty:
                problems.append(f"empty {text_key}")
            continue
        if not isinstance(start, int) or not isinstance(end, int) or raw[start:end] != text:
            problems.append(f"{text_key} offsets do not slice {text!r}")
        if text != text.strip():
            problems.append(f"{text_key} has white space at an edge")
    if name == "gold_attributions.jsonl":
        if row.get("kind") not in ATTRIBUTION_KINDS:
            problems.append(f"kind {row.get('kind')!r} not in {sorted(ATTRIBUTION_KINDS)}")
        if row.get("speaker_type") not in SPEAKER_TYPES:
            problems.append(f"speaker_type {row.get('speaker_type')!r} not in {sorted(SPEAKER_TYPES)}")
        if not str(row.get("speaker", "")).strip():
            problems.append("empty speaker")
        if row.get("follow_on") and (row.get("cue") or row.get("speaker_surface")):
            problems.append("a follow-on row has no cue and no surface")
        if not row.get("follow_on") and not row.get("cue"):
            problems.append("a row that is not a follow-on needs a cue")
        if not isinstance(row.get("speaker_also", []), list):
            problems.append("speaker_also must be a list")
    if name == "gold_claims.jsonl":
        if row.get("approximation") not in APPROXIMATIONS:
            problems.append(f"approximation {row.get('approximation')!r} not in {sorted(APPROXIMATIONS)}")
        if not isinstance(row.get("value"), (int, float)) or isinstance(row.get("value"), bool):
            problems.append("value must be a number")
    return problems


def process(folder: Path, locate: bool) -> int:
    """Locate (optionally) and check every gold file of ``folder``; return the number of problems."""
    raws: dict[str, str] = {}
    total = 0
    for name, spans in SPANS.items():
        path = folder / name
        if not path.exists():
            continue
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for number, row in enumerate(rows, start=1):
            file = row.get("file", "")
            if file not in raws:
                if not (folder / file).is_file():
                    print(f"{name} line {number}: file {file!r} not found")
                    total += 1
                    continue
                raws[file] = read_raw(folder / file)
            raw = raws[file]
            problems = locate_row(raw, row, spans) if locate else []
            problems += [] if problems else check_row(raw, row, name, spans)
            for problem in problems:
                print(f"{name} line {number} ({file}): {problem}")
            total += len(problems)
        if locate:
            path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
        print(f"{name}: {len(rows)} rows")
    metadata = folder / "gold_metadata.csv"
    if metadata.exists():
        with metadata.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in METADATA_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                print(f"gold_metadata.csv: missing columns {missing}")
                total += 1
            files = [row["file"] for row in reader]
        for file in files:
            if not (folder / file).is_file():
                print(f"gold_metadata.csv: file {file!r} not found")
                total += 1
        print(f"gold_metadata.csv: {len(files)} rows")
    print("gold OK" if not total else f"{total} problem(s)")
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["locate", "check"])
    parser.add_argument("folder")
    args = parser.parse_args(argv)
    return 1 if process(Path(args.folder), locate=args.action == "locate") else 0


if __name__ == "__main__":
    sys.exit(main())
