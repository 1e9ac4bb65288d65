"""Read a letter's bytes into text whose lines and columns are the file's own.

Decoding never changes line numbers: every line ending (LF, CRLF, CR) counts as
one line break and is normalised to LF, and a BOM is dropped without shifting
columns. Everything downstream can therefore report positions in the
normalised text and they are positions in the original file.
"""

from __future__ import annotations

import codecs
import re
import sys
from dataclasses import dataclass
from pathlib import Path


class SourceError(Exception):
    """Input that cannot be read as a letter (unreadable, binary, not text)."""

    def __init__(self, message: str, line: int = 1, column: int = 1, unreadable: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.unreadable = unreadable  # the file could not be read at all (vs. read but not text)


@dataclass(slots=True)
class Source:
    path: str
    text: str
    encoding: str
    newline: str = "\n"  # the file's own line ending, kept when fixes are written back

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) for raw bytes, or raise SourceError."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "utf-16"
    if b"\x00" in data:
        position = data.index(b"\x00")
        line = data.count(b"\n", 0, position) + 1
        raise SourceError("binary data, not a text letter (NUL byte)", line, 1)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # UTF-8 with a stray byte or two (a bad paste) reads as UTF-8, the bytes
    # replaced, so that every other character keeps its column; a file whose
    # only non-ASCII bytes are invalid UTF-8 is Windows-1252 (curly quotes).
    replaced = data.decode("utf-8", errors="replace")
    stray = replaced.count("\ufffd")
    if stray <= 3 and sum(1 for char in replaced if ord(char) > 127) > 2 * stray:
        return replaced, REPLACED
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise SourceError(
            f"not valid UTF-8 or Windows-1252 text (byte 0x{data[error.start]:02x})", line, 1
        ) from None
    return text, "cp1252"


REPLACED = "utf-8 (invalid bytes replaced)"


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise SourceError(f"invalid {encoding} text at byte {error.start}") from None


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _check_text(text: str) -> None:
    """Reject text that decoded but is clearly not prose (control characters)."""
    found = _CONTROL.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
        raise SourceError(
            f"binary data, not a text letter (control character U+{ord(found.group()):04X})",
            line,
            column,
        )


def from_bytes(path: str, data: bytes) -> Source:
    text, encoding = decode(data)
    newline = "\r\n" if "\r\n" in text else "\r" if "\r" in text else "\n"
    text = normalise_newlines(text)
    _check_text(text)
    return Source(path=path, text=text, encoding=encoding, newline=newline)


def write(src: Source, text: str) -> None:
    """Write `text` back to the file in its own encoding, BOM and line endings."""
    if src.encoding == REPLACED:
        raise OSError("it holds bytes that are not UTF-8; rewriting it would lose them")
    Path(src.path).write_bytes(text.replace("\n", src.newline).encode(src.encoding))


def read(path: str | Path) -> Source:
    """Read a file (or '-' for stdin); raise SourceError with a clear message."""
    name = str(path)
    if name == "-":
        return from_bytes("<stdin>", sys.stdin.buffer.read())
    try:
        data = Path(name).read_bytes()
    except FileNotFoundError:
        raise SourceError("no such file", unreadable=True) from None
    except IsADirectoryError:
        raise SourceError("is a directory", unreadable=True) from None
    except PermissionError:
        raise SourceError("permission denied", unreadable=True) from None
    except OSError as error:
        raise SourceError(f"cannot read: {error.strerror or error}", unreadable=True) from None
    return from_bytes(name, data)
