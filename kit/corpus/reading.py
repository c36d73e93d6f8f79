"""Find the input files of a folder and decode them, reporting every problem.

Nothing is lost silently: each file either decodes to text (perhaps with a
warning) or is reported as a problem with the reason it was not loaded.
"""

from __future__ import annotations

import codecs
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST_NAME = "manifest.csv"
TOPIC_FOLDER = "topic"  # a corpus's topic pack (kit.corpus.topic)
TEXT_SUFFIX = ".txt"
# Above this size a "news article" is probably a dump of many; still loaded, but flagged.
LARGE_FILE_BYTES = 1_000_000
# Above this size a file is not read at all (listed in problems with its size): reading stays bounded.
MAX_FILE_BYTES = 20_000_000
# Files that are not regular files are never opened: a pipe or a device could block or never end.
_SPECIAL_FILES = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
                  (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                  (stat.S_ISSOCK, "a socket"))
# Open without following a last link (the path is already resolved) and without waiting on a pipe.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
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


def _inside(path: Path, root: Path) -> bool:
    """Is ``path`` (a real path) ``root`` itself or somewhere below it?"""
    return path == root or root in path.parents


def _kind(mode: int) -> str:
    """Return what a file of ``mode`` is, in words ("a named pipe (FIFO)" ...), for a problem's detail."""
    return next((what for test, what in _SPECIAL_FILES if test(mode)), "not a regular file")


def _unreadable(name: str, error: OSError) -> Problem:
    return Problem(name, "unreadable", f"could not read the file: {error.strerror or error}", "error")


def check_file(path: Path, root: Path, name: str,
               max_bytes: int | None = None) -> tuple[os.stat_result | None, Problem | None]:
    """Return the status of ``path`` if it may be read, else the problem why not; nothing is opened.

    A file may be read when its real path (links followed) stays inside ``root`` and it is a
    regular file of at most ``max_bytes`` (default ``MAX_FILE_BYTES``).
    """
    limit = MAX_FILE_BYTES if max_bytes is None else max_bytes
    real = Path(os.path.realpath(path))
    if not _inside(real, Path(os.path.realpath(root))):
        how = "a link" if os.path.islink(path) else "a path"
        return None, Problem(name, "outside_folder", f"{how} to {real}, outside the folder {root}: not opened",
                             "error")
    try:
        info = os.stat(real)
    except OSError as error:
        return None, _unreadable(name, error)
    if not stat.S_ISREG(info.st_mode):
        return None, Problem(name, "not_a_regular_file", f"{_kind(info.st_mode)}, not a regular file: not opened "
                                                          "(only plain files are read)", "error")
    if info.st_size > limit:
        return None, _too_large(name, info.st_size, limit)
    return info, None


def _too_large(name: str, size: int, limit: int) -> Problem:
    return Problem(name, "file_too_large", f"{size / 1e6:.1f} MB ({size:,} bytes) is over the limit of "
                                           f"{limit / 1e6:.0f} MB ({limit:,} bytes) per file: not loaded; "
                                           "split it into articles", "error")


def read_bytes(path: Path, root: Path, name: str, max_bytes: int | None = None) -> tuple[bytes | None, Problem | None]:
    """Return the bytes of ``path``, or None and the problem why it was not read.

    Only a regular file inside ``root`` of at most ``max_bytes`` is read (see ``check_file``).
    Reading never blocks: the type is checked before opening, the file is opened non-blocking
    and checked again once open (it may have been swapped meanwhile), and at most
    ``max_bytes`` + 1 bytes are read.
    """
    limit = MAX_FILE_BYTES if max_bytes is None else max_bytes
    info, problem = check_file(path, root, name, limit)
    if problem is not None:
        return None, problem
    assert info is not None
    try:
        handle = os.open(os.path.realpath(path), _OPEN_FLAGS)
    except OSError as error:
        return None, _unreadable(name, error)
    with os.fdopen(handle, "rb") as stream:
        opened = os.fstat(stream.fileno())
        if (opened.st_dev, opened.st_ino) != (info.st_dev, info.st_ino) or not stat.S_ISREG(opened.st_mode):
            return None, Problem(name, "changed_while_reading", "the file was replaced while it was being read: "
                                                                "not loaded; try again", "error")
        try:
            data = stream.read(limit + 1)
        except OSError as error:
            return None, _unreadable(name, error)
        if len(data) > limit:  # it grew after it was checked
            return None, _too_large(name, max(len(data), os.fstat(stream.fileno()).st_size), limit)
    return data, None


def read_text(path: Path, name: str, root: Path | None = None) -> tuple[bytes | None, Decoded]:
    """Return the bytes of ``path`` and their decoding; files that may not or cannot be read become problems.

    ``root`` is the folder the file must stay inside (default: the file's own folder).
    """
    data, problem = read_bytes(path, root if root is not None else path.parent, name)
    if problem is not None:
        return None, Decoded(None, problems=[problem])
    assert data is not None
    return data, decode(data, name)


def read_small_text(path: Path, root: Path, name: str) -> tuple[str | None, Problem | None]:
    """Return the UTF-8 text of a small file (a manifest, a topic pack's CSV), or the problem met.

    The same rules as for articles apply: a regular file inside ``root`` of bounded size.
    """
    data, problem = read_bytes(path, root, name)
    if problem is not None:
        return None, problem
    assert data is not None
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        return None, Problem(name, "not_utf8", f"not valid UTF-8 (first bad byte at offset {error.start})", "error")


def list_folder(folder: Path) -> tuple[list[str], list[Problem]]:
    """Return the names of the ``.txt`` files in ``folder`` and problems for everything else."""
    names, problems = [], []
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name == MANIFEST_NAME or (entry.name == TOPIC_FOLDER and entry.is_dir()):
            continue  # curated metadata and the topic pack are read on their own
        if entry.is_dir():
            problems.append(_subfolder_problem(folder, entry))
        elif entry.suffix.lower() == TEXT_SUFFIX:
            names.append(entry.name)
        else:
            problems.append(Problem(entry.name, "not_txt_skipped",
                                    f"only {TEXT_SUFFIX} files are read as articles", "info"))
    return names, problems


def _subfolder_problem(folder: Path, subfolder: Path) -> Problem:
    """Return the row for a subfolder: info, or a warning with the path to give if it holds articles."""
    inside = sum(1 for entry in subfolder.glob(f"*{TEXT_SUFFIX}") if entry.is_file())
    if not inside:
        return Problem(subfolder.name, "subfolder_skipped", "folders inside the corpus folder are not read", "info")
    return Problem(subfolder.name, "subfolder_skipped",
                   f"holds {inside} {TEXT_SUFFIX} file(s) that are not read: folders inside the corpus folder "
                   f"are skipped. To read them, give '{folder / subfolder.name}' as the folder, or move the "
                   "files up into this one", "warning")
