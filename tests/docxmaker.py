"""Make Word drafts in tests with python-docx, with the review marks that
python-docx cannot write itself (tracked insertions and deletions), built as
OOXML."""

from __future__ import annotations

import io

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

DATE = "2024-03-01T10:00:00Z"


def new_document():
    from docx import Document

    return Document()


def insertion(paragraph, text: str, author: str, change_id: int = 1) -> None:
    """Append a tracked insertion of `text` to the paragraph."""
    paragraph._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="{change_id}" w:author="{author}" w:date="{DATE}">'
            f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:ins>'
        )
    )


def deletion(paragraph, text: str, author: str, change_id: int = 2) -> None:
    """Append a tracked deletion of `text` to the paragraph."""
    paragraph._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="{change_id}" w:author="{author}" w:date="{DATE}">'
            f'<w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'
        )
    )


def line_break(paragraph, text: str) -> None:
    """Append a manual line break (Shift+Enter) and then `text`."""
    run = paragraph.add_run()
    run.add_break()
    run.add_text(text)


def to_bytes(document) -> bytes:
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()
