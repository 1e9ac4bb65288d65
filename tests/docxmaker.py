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


# A focused-visit letter as an editor drafts it in Word, and its parts.
OPENING = (
    "This letter summarises the findings of a focused visit to Northshire children’s services "
    "on 4 and 5 May 2021. The inspectors were Ann Lee, His Majesty’s Inspector, and Bob Ray, "
    "His Majesty’s Inspector."
)
FINDING = "Senior leaders have an accurate understanding of the strengths and weaknesses of their services. "
CLOSING = (
    "Ofsted will take the findings from this focused visit into account when planning your next "
    "inspection or visit."
)


def draft(review_marks: bool = True) -> bytes:
    """A focused-visit letter as an editor drafts it in Word (paragraph numbers in comments)."""
    document = new_document()
    header = document.sections[0].header
    header.paragraphs[0].text = "Ofsted"
    header.add_paragraph("Piccadilly Gate")
    document.sections[0].footer.paragraphs[0].text = "2"  # a page number
    document.add_paragraph("2 August 2021")  # 1
    document.add_paragraph("")  # 2
    address = document.add_paragraph("Ms Jane Smith")  # 3: an address typed with Shift+Enter
    line_break(address, "Director of Children’s Services")
    line_break(address, "Northshire Council")
    document.add_paragraph("")  # 4
    document.add_paragraph("Dear Ms Smith")  # 5
    document.add_heading("Focused visit to Northshire children’s services", level=1)  # 6
    document.add_paragraph(OPENING)  # 7
    document.add_paragraph().add_run("What needs to improve").bold = True  # 8: a bold short paragraph
    document.add_paragraph("The timeliness of assessments of children in need.", style="List Bullet")  # 9
    document.add_paragraph("The quality of plans for children.", style="List Number")  # 10
    document.add_heading("Findings", level=2)  # 11
    finding = document.add_paragraph(FINDING)  # 12
    if review_marks:
        insertion(finding, "Social workers know their children well. ", "Ann Lee")
        deletion(finding, "Caseloads are high. ", "Bob Ray")
    supervision = finding.add_run("Managers provide regular supervision.")
    if review_marks:
        document.add_comment(
            supervision, text="Check this with the data team", author="Ann Lee", initials="AL"
        )
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Contacts"  # 13
    table.cell(0, 1).text = "Referrals to the front door are timely and thresholds are understood."  # 14
    document.add_paragraph(CLOSING)  # 15
    document.add_paragraph("Yours sincerely")  # 16
    document.add_paragraph("")  # 17
    signature = document.add_paragraph("Ann Lee")  # 18
    line_break(signature, "His Majesty’s Inspector")
    return to_bytes(document)
