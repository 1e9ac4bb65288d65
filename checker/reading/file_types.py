"""Which reader a file needs: a PDF, a Word file or text, told by its first
bytes, and by its name only when they say nothing.

    src, document = read_letter_file("letter.pdf")   # document: None for text

A PDF starts `%PDF-` (some tools put a few bytes before it), a .docx is a
zip (`PK`); an old or encrypted Word file is an OLE container, read as Word
only when its name or content says so (an Excel file is not a draft). A
`.pdf` or `.docx` whose bytes are neither goes to its reader all the same,
which then says what is wrong with it. The PDF and Word readers (and
pypdfium2, zipfile, ElementTree) are imported only when such a file is read.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING

from checker.reading import source

if TYPE_CHECKING:
    from checker.reading.document import Document

TEXT = "text"
PDF = "pdf"
DOCX = "docx"

_PDF_SUFFIXES = (".pdf",)
_WORD_SUFFIXES = (".docx", ".docm", ".dotx", ".doc")


def file_type(data: bytes, name: str) -> str:
    """TEXT, PDF or DOCX for a file's bytes (and its name, when they do not tell)."""
    if b"%PDF-" in data[:1024]:
        return PDF
    if data.startswith(b"PK\x03\x04"):
        return DOCX
    suffix = PurePath(name).suffix.lower()
    if data.startswith(source.OLE_CONTAINER) and (
        suffix in _WORD_SUFFIXES or source.ENCRYPTED_PACKAGE in data
    ):
        return DOCX
    if suffix in _PDF_SUFFIXES:
        return PDF
    if suffix in _WORD_SUFFIXES:
        return DOCX
    return TEXT


def read_letter_file(path: str, name: str | None = None) -> tuple[source.Source, Document | None]:
    """The letter's text as a Source, and the Document it was rebuilt from
    (None for a text file). `name` is what to call the file (standard input's
    `--stdin-filename`). Raises SourceError (DocumentError for a PDF or Word
    file that cannot be read) with a clear message."""
    file_name, data = source.read_bytes(path)
    shown = name or file_name
    kind = file_type(data, shown)
    if kind == TEXT:
        return source.from_bytes(shown, data), None
    document = read_document(kind, data, shown)
    return document.source(), document


def read_document(kind: str, data: bytes, name: str) -> Document:
    """A PDF or Word file's bytes rebuilt as a letter (DocumentError if it cannot be)."""
    if kind == PDF:
        from checker.reading.pdf import read_pdf

        return read_pdf(data, name=name)
    from checker.reading.docx import read_docx

    return read_docx(data, name=name)
