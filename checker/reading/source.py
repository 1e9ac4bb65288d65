"""Read a letter's bytes into text whose lines and columns are the file's own.

Decoding never changes line numbers: every line ending (LF, CRLF, CR) counts as
one line break and is normalised to LF, and a BOM is dropped without shifting
columns. Everything downstream can therefore report positions in the
normalised text and they are positions in the original file.

The way back (`encode`, `write`) restores each line's own ending, the encoding
and the BOM, so that `--fix` changes only the bytes its fixes touch.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from checker.atomic import replace_file


class SourceError(Exception):
    """Input that cannot be read as a letter (unreadable, binary, not text)."""

    def __init__(self, message: str, line: int = 1, column: int = 1, unreadable: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.unreadable = unreadable  # the file could not be read at all (vs. read but not text)


class WriteRefused(Exception):
    """Fixed text that cannot be written back without losing or changing data."""


MAX_BYTES = 10_000_000  # a letter is some 20 kB; anything this large is not one
MAX_DOCUMENT_BYTES = 100_000_000  # a PDF or Word letter (some 200 kB; more with pictures)
# How an OLE container (an old .doc, or a password-protected .docx) starts, and
# the stream a protected .docx keeps its encrypted package in.
OLE_CONTAINER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_DOCUMENT_MAGIC = (b"%PDF-", b"PK\x03\x04")


@dataclass(slots=True)
class Source:
    path: str
    text: str  # every line ending normalised to "\n"
    encoding: str  # utf-8, utf-8-sig, utf-16-le, utf-16-be (each with its BOM), cp1252
    endings: tuple[str, ...] | None = None  # each line's own ending, None when all are "\n"
    data: bytes | None = None  # the bytes that were read, to refuse a file changed since

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


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def from_bytes(path: str, data: bytes) -> Source:
    text, encoding = decode(data)
    if encoding == "utf-16":  # keep the byte order, so that the file is written back in it
        encoding = "utf-16-be" if data.startswith(codecs.BOM_UTF16_BE) else "utf-16-le"
    endings = None
    if "\r" in text:
        endings = tuple(found.group() for found in _LINE_BREAK.finditer(text))
        text = normalise_newlines(text)
    _check_text(text)
    return Source(path=path, text=text, encoding=encoding, endings=endings, data=data)


_BOMS = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}


def encode(src: Source, text: str) -> bytes:
    """`text` (with "\n" line breaks, as many lines as the source) in the source's
    own encoding and BOM, each line ended as it was in the file."""
    if src.encoding == REPLACED:
        raise WriteRefused("it holds bytes that are not UTF-8; rewriting it would lose them")
    if src.endings is not None:
        lines = text.split("\n")
        if len(lines) != len(src.endings) + 1:
            raise WriteRefused("the fixes would add or remove lines")
        text = "".join(line + ending for line, ending in zip(lines, (*src.endings, ""), strict=True))
    try:
        return _BOMS.get(src.encoding, b"") + text.encode(src.encoding)
    except UnicodeEncodeError as error:
        character = error.object[error.start]
        raise WriteRefused(f"{character!r} cannot be written in its encoding ({src.encoding})") from None


def write(src: Source, text: str) -> bytes:
    """Write `text` over the file `src` was read from, atomically; return the bytes written.

    Refused (WriteRefused, nothing written) when the file changed on disk since
    it was read, or when its unchanged text would not come back byte for byte."""
    if src.data is None or src.path == "<stdin>":
        raise WriteRefused("it was not read from a file")
    if encode(src, src.text) != src.data:
        raise WriteRefused("its text would not be written back byte for byte")
    data = encode(src, text)
    try:
        current = Path(src.path).read_bytes()
    except OSError as error:
        raise WriteRefused(f"it cannot be read again: {error.strerror or error}") from None
    if current != src.data:
        raise WriteRefused("it changed on disk after it was checked; run lettercheck again")
    replace_file(src.path, data)
    return data


def read(path: str | Path) -> Source:
    """Read a text file (or '-' for stdin); raise SourceError with a clear message."""
    return from_bytes(*read_bytes(path))


def read_bytes(path: str | Path) -> tuple[str, bytes]:
    """(name, bytes) of a file, or of standard input for '-' (named
    "<stdin>"); raise SourceError with a clear message.

    Only regular files are read: a named pipe or a device would block or never
    end. The file is opened without blocking and checked through its handle,
    so that it cannot be swapped for a pipe in between."""
    name = str(path)
    if name == "-":
        return "<stdin>", sys.stdin.buffer.read()
    try:
        return name, _read_regular(name)
    except OSError as error:
        raise SourceError(why_unreadable(name, error), unreadable=True) from None


def why_unreadable(path: str, error: OSError) -> str:
    """Why a file cannot be read, in words (a link that leads nowhere...)."""
    if isinstance(error, FileNotFoundError):
        return "dangling symbolic link" if os.path.islink(path) else "no such file"
    if isinstance(error, IsADirectoryError):
        return "is a directory"
    if isinstance(error, PermissionError):
        return "permission denied"
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    return f"cannot read: {error.strerror or error}"


def _read_regular(name: str) -> bytes:
    flags = (
        os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    )
    descriptor = os.open(name, flags)
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise SourceError(f"not a regular file ({_file_type(info.st_mode)})", unreadable=True)
        head, limit = b"", MAX_BYTES
        if info.st_size > MAX_BYTES:
            head = os.read(descriptor, 5)
            if head.startswith(_DOCUMENT_MAGIC):  # a PDF or Word file: pictures make it larger
                limit = MAX_DOCUMENT_BYTES
        if info.st_size > limit:
            raise SourceError(
                f"too large to be a letter ({info.st_size:,} bytes; the limit is {limit:,})",
                unreadable=True,
            )
        chunks = [head]
        while chunk := os.read(descriptor, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def _file_type(mode: int) -> str:
    kinds = [
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    ]
    return next((name for test, name in kinds if test(mode)), "not a file")
