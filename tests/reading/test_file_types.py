"""Which reader a file goes to: by its first bytes, then by its name."""

from __future__ import annotations

import pytest

from checker.reading.file_types import DOCX, PDF, TEXT, file_type, read_letter_file
from checker.reading.source import SourceError
from tests.conftest import FIXTURES, LETTERS

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.mark.parametrize(
    ("data", "name", "kind"),
    [
        (b"%PDF-1.7\n...", "letter.md", PDF),  # the content decides
        (b"\n\n%PDF-1.4\n", "letter", PDF),  # a few bytes before the header are allowed
        (b"PK\x03\x04rest", "draft.txt", DOCX),
        (OLE + b"...", "draft.doc", DOCX),  # an old Word file: the Word reader says so
        (OLE + b"..." + "EncryptedPackage".encode("utf-16-le"), "draft", DOCX),  # a protected .docx
        (OLE + b"...", "sheet.xls", TEXT),  # an OLE file that is not Word: binary data
        (b"Dear Ms Smith", "letter.pdf", PDF),  # named .pdf: the PDF reader says it is not one
        (b"Dear Ms Smith", "draft.DOCX", DOCX),
        (b"Dear Ms Smith", "letter.md", TEXT),
        (b"", "empty.txt", TEXT),
    ],
)
def test_file_type(data, name, kind):
    assert file_type(data, name) == kind


def test_a_text_letter_has_no_document():
    src, document = read_letter_file(str(LETTERS / "kent_focused_2019.md"))
    assert document is None and src.encoding == "utf-8" and src.data is not None


def test_a_pdf_is_rebuilt_and_its_source_cannot_be_written_back():
    src, document = read_letter_file(str(FIXTURES / "pdf" / "medway_focused_2019.pdf"))
    assert document.kind == "pdf" and src.text == document.text
    assert src.data is None  # source.write refuses a Source that was not read from text bytes


def test_a_text_file_named_pdf_gets_the_pdf_readers_message(tmp_path):
    path = tmp_path / "letter.pdf"
    path.write_text("Dear Ms Smith", encoding="utf-8")
    with pytest.raises(SourceError, match="not a PDF file"):
        read_letter_file(str(path))
