"""The Word reader: drafts made with python-docx, with headers, lists, tables,
tracked changes and comments; positions by paragraph; corrupt files."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
import zipfile

import pytest

from checker.reading.document import DocumentError, Place
from checker.reading.docx import read_docx
from checker.reading.letter_reader import letter_from_source
from tests.docxmaker import CLOSING, FINDING, OPENING, draft, new_document, to_bytes


def line_with(document, start: str) -> int:
    return next(number for number, line in enumerate(document.lines, 1) if line.startswith(start))


def test_draft_is_rebuilt_in_the_shape_the_text_pipeline_reads():
    document = read_docx(draft(), name="draft.docx")
    assert document.path == "draft.docx" and document.kind == "docx"
    assert document.text == "\n".join(
        [
            "Ofsted",
            "Piccadilly Gate",
            "",
            "2 August 2021",
            "",
            "Ms Jane Smith",
            "Director of Children’s Services",
            "Northshire Council",
            "",
            "Dear Ms Smith",
            "",
            "## Focused visit to Northshire children’s services",
            "",
            OPENING,
            "",
            "## What needs to improve",
            "",
            "• The timeliness of assessments of children in need.",
            "",
            "• The quality of plans for children.",
            "",
            "## Findings",
            "",
            FINDING + "Social workers know their children well. Managers provide regular supervision.",
            "",
            "Contacts",
            "",
            "Referrals to the front door are timely and thresholds are understood.",
            "",
            CLOSING,
            "",
            "Yours sincerely",
            "",
            "Ann Lee",
            "His Majesty’s Inspector",
        ]
    )


def test_draft_reads_as_a_letter():
    letter = letter_from_source(read_docx(draft()).source())
    assert letter.letter_type == "focused_visit"
    assert letter.letter_date == dt.date(2021, 8, 2)
    assert letter.visit_dates == [dt.date(2021, 5, 4), dt.date(2021, 5, 5)]
    assert [person.name for person in letter.inspectors] == ["Ann Lee", "Bob Ray"]
    assert len(letter.recommendations) == 2
    assert str(letter.sign_off) == "Yours sincerely"
    assert letter.signatory.name == "Ann Lee"


def test_tracked_changes_and_comments_are_returned_with_author_and_text():
    document = read_docx(draft())
    marks = [(mark.kind, mark.author, mark.text) for mark in document.review]
    assert marks == [
        ("insertion", "Ann Lee", "Social workers know their children well. "),
        ("deletion", "Bob Ray", "Caseloads are high. "),
        ("comment", "Ann Lee", "Check this with the data team"),
    ]
    comment = document.review[2]
    assert comment.anchor == "Managers provide regular supervision."
    assert document.review[0].date == "2024-03-01T10:00:00Z"


def test_review_marks_point_at_their_paragraph_and_into_the_text():
    document = read_docx(draft())
    inserted, deleted, comment = document.review
    at = len(FINDING) + 1
    assert inserted.place == Place(12, at)
    finding = line_with(document, "Senior leaders")
    assert (inserted.line, inserted.column) == (finding, at)
    # The deletion is not in the text: it points at where it was.
    after = at + len("Social workers know their children well. ")
    assert deleted.place == Place(12, after)
    assert (deleted.line, deleted.column) == (finding, after)
    assert document.lines[finding - 1][after - 1 :].startswith("Managers provide")
    assert (comment.line, comment.column) == (finding, after)


def test_a_clean_draft_has_no_review_marks():
    assert read_docx(draft(review_marks=False)).review == []


def test_positions_name_the_paragraph_and_the_character():
    document = read_docx(draft())
    assert document.locate(line_with(document, "2 August 2021")) == Place(1, 1)
    assert document.locate(line_with(document, "Dear Ms Smith"), 6) == Place(5, 6)
    # Lines of one paragraph split at manual line breaks keep their offsets,
    # counted as Word counts characters: each line break is one.
    assert document.locate(line_with(document, "Director of"), 1) == Place(3, len("Ms Jane Smith") + 2)
    director = len("Ms Jane Smith") + 1 + len("Director of Children’s Services") + 1
    assert document.locate(line_with(document, "Northshire Council"), 12) == Place(3, director + 12)
    # Headings and items: the column skips the "## " or "• " written before them.
    assert document.locate(line_with(document, "## Findings"), 4) == Place(11, 1)
    assert document.locate(line_with(document, "• The quality"), 3) == Place(10, 1)
    # Table cells are paragraphs too, numbered in document order.
    assert document.locate(line_with(document, "Referrals to the front door")) == Place(14, 1)
    assert document.locate(line_with(document, "Yours sincerely")) == Place(16, 1)
    # Header lines name their part.
    assert document.locate(1, 3) == Place(1, 3, None, "header")


def test_position_of_is_the_inverse_of_locate():
    document = read_docx(draft())
    for number, line in enumerate(document.lines, 1):
        for column in range(1, len(line) + 1, 7):
            place = document.locate(number, column)
            if line.startswith(("## ", "• ")) and column < 3:
                continue
            assert document.position_of(place) == (number, column)


def test_list_paragraphs_are_items_whatever_their_numbering():
    document = new_document()
    document.add_paragraph("First point.", style="List Number")
    document.add_paragraph("Second point.", style="List Bullet 2")
    document.add_paragraph("• A typed bullet.")
    document.add_paragraph("- A typed dash.")
    assert read_docx(to_bytes(document)).lines == [
        "• First point.",
        "",
        "• Second point.",
        "",
        "• A typed bullet.",
        "",
        "• A typed dash.",
    ]


def test_numbered_heading_styles_and_questions_are_headings():
    """Outline-numbered headings (a Heading style with list numbering) and the
    2019 heading that asks a question, styled or set in bold, are headings,
    not list items or paragraphs."""
    document = new_document()
    heading = document.add_paragraph("Findings", style="Heading 2")
    numbering = heading._p.get_or_add_pPr().get_or_add_numPr()
    numbering.get_or_add_ilvl().val = 0
    numbering.get_or_add_numId().val = 1
    document.add_paragraph("Leaders know their services well and act on what they know.")
    document.add_paragraph("What needs to improve in this area of social work practice?", style="Heading 2")
    document.add_paragraph("The quality of plans.", style="List Bullet")
    question = document.add_paragraph().add_run("What needs to improve in this area of social work practice?")
    question.bold = True
    document.add_paragraph("The timeliness of assessments.", style="List Bullet")
    assert read_docx(to_bytes(document)).lines == [
        "## Findings",
        "",
        "Leaders know their services well and act on what they know.",
        "",
        "## What needs to improve in this area of social work practice?",
        "",
        "• The quality of plans.",
        "",
        "## What needs to improve in this area of social work practice?",
        "",
        "• The timeliness of assessments.",
    ]


def test_hidden_text_and_field_codes_are_not_letter_text():
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = new_document()
    paragraph = document.add_paragraph("Visible ")
    paragraph._p.append(parse_xml(f"<w:r {nsdecls('w')}><w:rPr><w:vanish/></w:rPr><w:t>hidden </w:t></w:r>"))
    paragraph._p.append(parse_xml(f"<w:r {nsdecls('w')}><w:instrText> PAGE </w:instrText></w:r>"))
    paragraph.add_run("text.")
    assert read_docx(to_bytes(document)).lines == ["Visible text."]


def _text_box_run(lines: list[str]):
    """A run holding a text box as Word writes one: a DrawingML shape, and a
    VML fallback with the same paragraphs for older readers."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    content = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines)
    return parse_xml(
        f"<w:r {nsdecls('w', 'wp', 'a')} "
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>'
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>'
        f"<w:txbxContent>{content}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic>"
        "</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
        f"<w:txbxContent>{content}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def test_a_letterhead_in_a_header_text_box_is_read_once():
    # Found by benchmarks/docx_agreement.py: the letterhead of a draft whose
    # header holds it in a text box was not read at all.
    document = new_document()
    header = document.sections[0].header.paragraphs[0]
    header._p.append(_text_box_run(["Ofsted", "Piccadilly Gate"]))
    document.add_paragraph("2 August 2021")
    body = document.add_paragraph("Dear Ms Smith")
    body._p.append(_text_box_run(["A note in a box"]))
    read = read_docx(to_bytes(document))
    assert read.lines == [
        "Ofsted",
        "Piccadilly Gate",
        "",
        "2 August 2021",
        "Dear Ms Smith",
        "A note in a box",
    ]
    # a box's paragraphs are numbered after the paragraph it is anchored in
    assert read.locate(2, 1) == Place(3, 1, None, "header")
    assert read.locate(6, 3) == Place(3, 3, None, "")
    letter = letter_from_source(read.source())
    assert [str(line) for line in letter.letterhead] == ["Ofsted", "Piccadilly Gate"]


def test_text_boxes_nested_past_any_draft_are_refused():
    box = "<p><r><t>deepest</t></r></p>"
    for _ in range(150):
        box = f"<p><r><pict><txbxContent>{box}</txbxContent></pict></r></p>"
    data = _zip({"word/document.xml": f'<document xmlns="{MAIN}"><body>{box}</body></document>'})
    with pytest.raises(DocumentError, match="more than 100 deep"):
        read_docx(data)


def test_a_tracked_paragraph_break_and_a_formatting_change_are_review_marks():
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = new_document()
    paragraph = document.add_paragraph("A paragraph whose break was inserted.")
    paragraph._p.insert(
        0,
        parse_xml(
            f'<w:pPr {nsdecls("w")}><w:rPr><w:ins w:id="5" w:author="Cara Bell" w:date="2024-03-01T10:00:00Z"/>'
            "</w:rPr></w:pPr>"
        ),
    )
    run = paragraph.runs[0]._r
    run.insert(
        0,
        parse_xml(
            f'<w:rPr {nsdecls("w")}><w:b/><w:rPrChange w:id="6" w:author="Dan Cole" w:date="2024-03-01T10:00:00Z">'
            "<w:rPr/></w:rPrChange></w:rPr>"
        ),
    )
    marks = [(mark.kind, mark.author) for mark in read_docx(to_bytes(document)).review]
    assert marks == [("insertion", "Cara Bell"), ("formatting", "Dan Cole")]


MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _paragraph_xml(style: str, text: str) -> str:
    return f'<p><pPr><pStyle val="{style}"/></pPr><r><t>{text}</t></r></p>'


def test_styles_name_headings_by_outline_level_whatever_the_xml_prefixes():
    """A producer that writes the WordprocessingML namespace as the default one
    (no w: prefix), and a custom heading style known only by its outline level."""
    styles = (
        f'<styles xmlns="{MAIN}">'
        '<style type="paragraph" styleId="LetterHeading"><name val="Letter heading"/>'
        '<basedOn val="Base"/></style>'
        '<style type="paragraph" styleId="Base"><name val="Base"/><pPr><outlineLvl val="1"/></pPr></style>'
        '<style type="paragraph" styleId="Points"><name val="Points"/><pPr><numPr><numId val="3"/></numPr></pPr>'
        "</style></styles>"
    )
    body = (
        _paragraph_xml("LetterHeading", "Main findings")
        + _paragraph_xml("Points", "Leaders know their services well.")
        + _paragraph_xml("Missing", "A paragraph in a style the file does not define.")
    )
    data = _zip(
        {
            "word/document.xml": f'<document xmlns="{MAIN}"><body>{body}</body></document>',
            "word/styles.xml": styles,
        }
    )
    assert read_docx(data).lines == [
        "## Main findings",
        "",
        "• Leaders know their services well.",
        "",
        "A paragraph in a style the file does not define.",
    ]


# -- files that cannot be read -----------------------------------------------------


def _zip(parts: dict[str, str]) -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return output.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"This is plain text saved as .docx", "not a valid .docx zip archive"),
        (draft()[:2000], "not a valid .docx zip archive"),
        (_zip({"hello.txt": "hi"}), "no word/document.xml"),
        (_zip({"word/document.xml": "<w:document><w:body><w:p>"}), "not well-formed XML at line 1"),
    ],
    ids=["not-a-zip", "truncated", "no-document", "bad-xml"],
)
def test_corrupt_docx_is_one_clear_error(data, message):
    with pytest.raises(DocumentError) as caught:
        read_docx(data, name="broken.docx")
    assert caught.value.reason == "corrupt"
    assert message in caught.value.message


def test_a_password_protected_docx_says_so():
    # Word saves an encrypted .docx as an OLE compound file holding an EncryptedPackage stream.
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 + "EncryptedPackage".encode("utf-16-le")
    with pytest.raises(DocumentError) as caught:
        read_docx(ole)
    assert caught.value.reason == "encrypted"
    assert "password" in caught.value.message


def test_an_old_doc_file_says_to_save_it_as_docx():
    with pytest.raises(DocumentError, match=r"\.doc\) file, not \.docx"):
        read_docx(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500)


def test_a_missing_file_is_unreadable(tmp_path):
    with pytest.raises(DocumentError) as caught:
        read_docx(tmp_path / "absent.docx")
    assert caught.value.unreadable


def test_a_docx_path_is_read(tmp_path):
    path = tmp_path / "draft.docx"
    path.write_bytes(draft())
    document = read_docx(path)
    assert document.path == str(path)
    assert "Dear Ms Smith" in document.lines


def test_python_docx_is_not_needed_to_read_word_files():
    code = (
        "import sys, checker.cli, checker.reading.docx; print('docx' in sys.modules, 'lxml' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False False"


def test_a_deleted_paragraph_is_placed_in_its_own_paragraph():
    """Its text is not in the letter: the point where it was (the start of the
    next paragraph) maps back to the deleted paragraph, not the next one."""
    from tests.docxmaker import deletion

    document = new_document()
    document.add_paragraph("First paragraph of the letter.")
    deletion(document.add_paragraph(), "A whole paragraph deleted.", "Bob Ray")
    document.add_paragraph("Third paragraph of the letter.")
    read = read_docx(to_bytes(document))
    (mark,) = read.review
    assert (mark.line, mark.column) == (3, 1)  # in the text: where the next paragraph starts
    assert read.locate_span(3, 1, 3, 1).start == Place(2, 1)
    assert read.locate_span(3, 1, 3, 6).start == Place(3, 1)  # a span there is the next paragraph's
