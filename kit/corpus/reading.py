"""Find the input files of a folder and decode them, reporting every problem.

Nothing is lost silently: each file either decodes to text (perhaps with a
warning) or is reported as a problem with the reason it was not loaded.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST_NAME = "manifest.csv"
TOPIC_FOLDER = "topic"  # a corpus's topic pack (kit.corpus.topic)
TEXT_SUFFIX = ".txt"
# Above this size a "news article" is probably a dump of many; still loaded, but flagged.
LARGE_FILE_BYTES = 1_000_000
# Share of control characters above which bytes are treated as binary, not text.
MAX_CONTROL_SHARE = 0.05
_BINARY_SIGNATURES = {
    b"%PDF": "a PDF document", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image", b"PK\x03\x04": "a ZIP archive (e.g. .docx)", b"\x7fELF": "a program",
    b"\xd0\xcf\x11\xe0": "an old Office document",
}
_ALLOWED_CONTROLS = set("\t\n\r\f\v")


@dataclass
class Problem:
    """One thing wrong with an input file; ``severity`` is 'error' when it was not loaded."""

    file: str
    problem: str
    detail: str
    severity: str = "warning"

    def as_row(self) -> dict[str, str]:
        return {"file": self.file, "problem": self.problem, "detail": self.detail,
                "severity": self.severity}


@dataclass
class Decoded:
    """The text of a file, or None, and what was noticed on the way."""

    text: str | None
    encoding: str = ""
    problems: list[Problem] = field(default_factory=list)


def _control_share(text: str) -> float:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in _ALLOWED_CONTROLS)
    return controls / max(len(text), 1)


def _utf16_without_bom(data: bytes) -> str | None:
    """Return the codec name if ``data`` looks like BOM-less UTF-16 (NULs every other byte)."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def decode(data: bytes, name: str) -> Decoded:
    """Return the decoded text of ``data`` with the problems met (``name`` labels them)."""
    if not data:
        return Decoded(None, problems=[Problem(name, "empty_file", "the file has 0 bytes", "error")])
    for signature, what in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            return Decoded(None, problems=[Problem(
                name, "binary_file", f"the file is {what}, not plain text; save it as .txt", "error")])
    if data.startswith(codecs.BOM_UTF8):
        result = Decoded(data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig")
        result.problems.append(Problem(
            name, "byte_order_mark", "UTF-8 with a byte-order mark: the mark is dropped and offsets "
            "count from the character after it"))
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        result = Decoded(data.decode("utf-16", errors="replace"), "utf-16")
        result.problems.append(Problem(name, "utf16_encoding", "decoded as UTF-16 (byte-order mark found)"))
    elif (codec := _utf16_without_bom(data)) is not None:
        result = Decoded(data.decode(codec, errors="replace"), codec)
        result.problems.append(Problem(name, "utf16_encoding", f"no byte-order mark; decoded as {codec}"))
    else:
        try:
            result = Decoded(data.decode("utf-8"), "utf-8")
        except UnicodeDecodeError as error:
            fallback = "cp1252"
            try:
                text = data.decode(fallback)
            except UnicodeDecodeError:
                fallback, text = "latin-1", data.decode("latin-1")
            result = Decoded(text, fallback)
            result.problems.append(Problem(
                name, "not_utf8", f"not valid UTF-8 (first bad byte at offset {error.start}); "
                f"decoded as {fallback}, so some characters may be wrong"))
    assert result.text is not None
    if _control_share(result.text) > MAX_CONTROL_SHARE:
        return Decoded(None, result.encoding, [Problem(
            name, "binary_file", "more than 5% control characters: this is not plain text", "error")])
    if "\x00" in result.text:
        result.problems.append(Problem(
            name, "nul_bytes", f"{result.text.count(chr(0))} NUL character(s) kept in the text"))
    if not result.text.strip():
        return Decoded(None, result.encoding, result.problems + [Problem(
            name, "whitespace_only", "the file holds only white space", "error")])
    if len(data) > LARGE_FILE_BYTES:
        result.problems.append(Problem(
            name, "large_file", f"{len(data) / 1e6:.1f} MB: loaded, but is this one article?"))
    return result


def read_text(path: Path, name: str) -> tuple[bytes | None, Decoded]:
    """Return the bytes of ``path`` and their decoding; unreadable files become problems."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, Decoded(None, problems=[Problem(
            name, "unreadable", f"could not read the file: {error.strerror or error}", "error")])
    return data, decode(data, name)


def list_folder(folder: Path) -> tuple[list[str], list[Problem]]:
    """Return the names of the ``.txt`` files in ``folder`` and problems for everything else."""
    names, problems = [], []
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name == MANIFEST_NAME or (entry.name == TOPIC_FOLDER and entry.is_dir()):
            continue  # curated metadata and the topic pack are read on their own
        if entry.is_dir():
            problems.append(Problem(entry.name, "subfolder_skipped",
                                    "folders inside the corpus folder are not read", "info"))
        elif entry.suffix.lower() == TEXT_SUFFIX:
            names.append(entry.name)
        else:
            problems.append(Problem(entry.name, "not_txt_skipped",
                                    f"only {TEXT_SUFFIX} files are read as articles", "info"))
    return names, problems
