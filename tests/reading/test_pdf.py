"""The PDF reader: published letters rebuilt as text, positions on the page,
the layout path for untagged PDFs, and PDFs that cannot be read."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from checker.reading.document import DocumentError, Place
from checker.reading.letter_reader import letter_from_source
from checker.reading.pdf import read_pdf
from checker.reading.source import SourceError
from checker.reading.source import read as read_text
from tests.conftest import FIXTURES
from tests.pdfmaker import Text, make_pdf, paragraph

PDFS = FIXTURES / "pdf"
MEDWAY = PDFS / "medway_focused_2019.pdf"
HOUNSLOW = PDFS / "hounslow_focused_2025.pdf"
DARLINGTON = PDFS / "darlington_focused_2019.pdf"


def facts(letter) -> dict:
    """The letter-model fields the PDF reader is measured on."""
    return {
        "type": letter.letter_type,
        "date": letter.letter_date,
        "visit": letter.visit_dates,
        "inspectors": [(p.name, p.role) for p in letter.inspectors],
        "signatory": (letter.signatory.name, letter.signatory.role) if letter.signatory else None,
        "sections": [s.kind for s in letter.sections],
        "recommendations": len(letter.recommendations),
        "findings": len(letter.findings),
        "closing": " ".join(str(letter.closing).split()),
        "sign_off": str(letter.sign_off),
    }


def line_with(document, start: str) -> int:
    return next(number for number, line in enumerate(document.lines, 1) if line.startswith(start))


# -- published letters ---------------------------------------------------------


def test_published_pdf_reads_as_the_same_letter_as_its_text_version():
    from_pdf = letter_from_source(read_pdf(MEDWAY).source())
    from_text = letter_from_source(read_text(PDFS / "medway_focused_2019.txt"))
    assert facts(from_pdf) == facts(from_text)
    assert from_pdf.letter_type == "focused_visit"
    assert from_pdf.letter_date == dt.date(2019, 2, 28)
    assert from_pdf.signatory.name == "Maire Atherton"
    assert len(from_pdf.recommendations) == 3


def test_layout_alone_reads_the_same_letter_as_the_tags():
    with_tags = letter_from_source(read_pdf(MEDWAY).source())
    layout_only = read_pdf(MEDWAY, use_tags=False)
    assert not layout_only.tagged
    assert facts(letter_from_source(layout_only.source())) == facts(with_tags)


def test_letter_is_rebuilt_in_the_shape_the_text_pipeline_reads():
    document = read_pdf(MEDWAY)
    assert document.tagged and document.pages == 4
    assert document.lines[:6] == ["Ofsted", "Piccadilly Gate", "Store Street", "Manchester", "M1 2WD", ""]
    assert "Dear Ian" in document.lines
    assert "## Focused visit to Medway local authority children’s services" in document.lines
    assert "## What needs to improve in this area of social work practice" in document.lines
    # Symbol-font bullets () are written as "• "; no glyph is left behind.
    text_version = (PDFS / "medway_focused_2019.txt").read_text(encoding="utf-8").splitlines()
    assert sum(line.startswith("• ") for line in document.lines) == 14
    assert sum(line.startswith("• ") for line in text_version) == 14
    assert "\uf06e" not in document.text
    # Page numbers and the running footer are gone.
    assert not any(line.strip().isdigit() for line in document.lines)
    assert document.lines[-3:] == ["", "Maire Atherton", "Her Majesty’s Inspector"]


def test_paragraphs_cut_by_a_page_break_are_joined():
    document = read_pdf(MEDWAY)
    joined = [
        line
        for line, origins in zip(document.lines, document.origins, strict=True)
        if len({place.page for _, place in origins}) > 1
    ]
    assert len(joined) == 3
    assert any(
        "proportionate response to their needs. The progress that has been achieved" in line
        for line in joined
    )


def test_structure_tags_join_a_paragraph_cut_at_the_end_of_a_sentence():
    tagged = read_pdf(HOUNSLOW)
    assert (
        sum(
            "family-focused and effective support. While children supported by" in line
            for line in tagged.lines
        )
        == 1
    )
    # Layout alone cannot tell that the paragraph goes on after the full stop.
    layout_only = read_pdf(HOUNSLOW, use_tags=False)
    assert any(line.endswith("family-focused and effective support.") for line in layout_only.lines)


def test_printed_lines_tagged_as_separate_paragraphs_are_rejoined():
    document = read_pdf(DARLINGTON)
    line = document.lines[line_with(document, "Inspectors considered the local authority’s arrangements") - 1]
    assert "Local Authority Children’s Services framework. Specifically, inspectors looked" in line


def test_a_hyphen_ending_a_printed_line_joins_the_word():
    letter = letter_from_source(read_pdf(HOUNSLOW).source())
    assert letter.inspectors[0].name == "Jenny-ellen Scotland"


def test_a_word_hyphenated_across_printed_lines_keeps_both_line_numbers():
    """PDFium joins "Jenny-" / "ellen" into one line; the rows stay two, so
    every line number after them on the page is still right."""
    document = read_pdf(HOUNSLOW)
    number = line_with(document, "This letter summarises")
    column = document.lines[number - 1].index("Jenny-ellen") + 1
    assert document.locate(number, column) == Place(15, 79, 1)  # "Jenny-" ends line 15
    assert document.locate(number, column + 6) == Place(16, 1, 1)  # "ellen" starts line 16
    assert document.locate(line_with(document, "Dear Mr Forbes")) == Place(12, 1, 1)


# -- positions -------------------------------------------------------------------


def test_positions_name_the_page_and_the_line_on_it():
    document = read_pdf(MEDWAY)
    # Page 1 from the top: 5 letterhead rows (two columns side by side), the
    # date, 7 address lines, then the salutation.
    assert document.locate(line_with(document, "Dear Ian"), 6) == Place(14, 6, 1)
    assert document.locate(line_with(document, "Yours sincerely")) == Place(20, 1, 4)
    # A list item: the column skips the bullet glyph and the space after it.
    item = line_with(document, "• The participation of health partners")
    assert document.locate(item, 3) == Place(21, 3, 2)


def test_positions_inside_a_joined_paragraph_follow_each_printed_line():
    document = read_pdf(MEDWAY)
    number = next(i for i, line in enumerate(document.lines, 1) if "to their needs. The progress" in line)
    line = document.lines[number - 1]
    column = line.index("progress that has been achieved") + 1
    assert document.locate(number, column) == Place(1, 1, 2)  # first line of page 2
    assert document.locate(number, column + 4) == Place(1, 5, 2)
    # "The" ends page 1, whose 36th line is "families now receive ... needs. The".
    assert document.locate(number, column - 4) == Place(36, 74, 1)


def test_a_blank_line_maps_to_the_end_of_the_text_before_it():
    document = read_pdf(MEDWAY)
    assert document.lines[5] == ""
    assert document.locate(6, 1) == Place(5, 6, 1)  # "M1 2WD" ends at column 6


# -- the layout path (untagged PDFs) -------------------------------------------

OPENING = [
    "This letter summarises the findings of a focused visit to Northshire children’s",
    "services on 4 and 5 May 2021. The inspectors were Ann Lee, His Majesty’s",
    "Inspector, and Bob Ray, His Majesty’s Inspector.",
]
FINDING = [
    "Senior leaders have an accurate understanding of the strengths and weaknesses",
    "of their services, and they have plans in place to address these issues with",
    "children in need and",
]


def _furniture(number: int) -> list[Text]:
    return [Text(280, 40, str(number), 10), Text(72, 55, "Northshire focused visit letter", 9)]


def untagged_letter() -> bytes:
    """Two pages, no tags; the letterhead is written last in the content stream."""
    first = [
        Text(72, 740, "2 August 2021"),
        *paragraph(
            72, 710, ["Ms Jane Smith", "Director of Children’s Services", "Northshire Council"], leading=14
        ),
        Text(72, 650, "Dear Ms Smith"),
        Text(72, 620, "Focused visit to Northshire children’s services", bold=True),
        *paragraph(72, 590, OPENING),
        Text(72, 530, "What needs to improve", bold=True),
        Text(72, 505, "• The timeliness of assessments of children in need."),
        Text(72, 480, "- The quality of plans."),
        *paragraph(72, 440, FINDING),
        *_furniture(1),
        Text(72, 800, "Ofsted", 9),
        Text(72, 789, "Piccadilly Gate", 9),
    ]
    second = [
        Text(72, 780, "children subject to a plan receive a timely response."),
        Text(72, 740, "Yours sincerely"),
        Text(72, 700, "Ann Lee"),
        Text(72, 686, "His Majesty’s Inspector"),
        *_furniture(2),
    ]
    return make_pdf([first, second])


def test_untagged_pdf_is_rebuilt_from_layout():
    document = read_pdf(untagged_letter(), name="northshire.pdf")
    assert document.path == "northshire.pdf" and not document.tagged
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
            " ".join(OPENING),
            "",
            "## What needs to improve",
            "",
            "• The timeliness of assessments of children in need.",
            "",
            "• The quality of plans.",
            "",
            " ".join(FINDING) + " children subject to a plan receive a timely response.",
            "",
            "Yours sincerely",
            "",
            "Ann Lee",
            "His Majesty’s Inspector",
        ]
    )


def test_untagged_pdf_positions_count_rows_from_the_top_of_each_page():
    document = read_pdf(untagged_letter())
    assert document.locate(line_with(document, "Ofsted")) == Place(1, 1, 1)
    assert document.locate(line_with(document, "Dear Ms Smith")) == Place(7, 1, 1)
    item = line_with(document, "• The quality")
    assert document.locate(item, 3) == Place(14, 3, 1)
    finding = line_with(document, "Senior leaders")
    column = document.lines[finding - 1].index("children subject") + 1
    assert document.locate(finding, column) == Place(1, 1, 2)
    assert document.locate(line_with(document, "Yours sincerely")) == Place(2, 1, 2)


def test_untagged_pdf_reads_as_a_letter():
    letter = letter_from_source(read_pdf(untagged_letter()).source())
    assert letter.letter_type == "focused_visit"
    assert letter.letter_date == dt.date(2021, 8, 2)
    assert letter.visit_dates == [dt.date(2021, 5, 4), dt.date(2021, 5, 5)]
    assert [person.name for person in letter.inspectors] == ["Ann Lee", "Bob Ray"]
    assert letter.signatory.name == "Ann Lee"


def test_a_bold_signature_is_not_a_heading():
    rows = [
        Text(72, 760, "Dear Ms Smith"),
        *paragraph(72, 730, OPENING),
        Text(72, 670, "Yours sincerely"),
        Text(72, 630, "Ann Lee", bold=True),
        Text(72, 616, "His Majesty’s Inspector", bold=True),
    ]
    document = read_pdf(make_pdf([rows]))
    assert document.lines[-2:] == ["Ann Lee", "His Majesty’s Inspector"]


# -- PDFs that cannot be read ----------------------------------------------------


def test_encrypted_pdf_is_one_clear_error():
    with pytest.raises(DocumentError) as caught:
        read_pdf(PDFS / "encrypted.pdf")
    assert caught.value.reason == "encrypted"
    assert "password" in caught.value.message


def test_image_only_pdf_says_it_has_no_text_layer():
    with pytest.raises(DocumentError) as caught:
        read_pdf(make_pdf([], images=2))
    assert caught.value.reason == "no-text"
    assert "no text layer" in caught.value.message


def test_a_pdf_of_page_furniture_only_says_so():
    """Every page holds only its running header: it was reported as an 'empty file'."""
    pages = [[Text(72, 770, f"Page {n} of a very long letter, with a sentence.")] for n in range(1, 40)]
    with pytest.raises(DocumentError) as caught:
        read_pdf(make_pdf(pages))
    assert caught.value.reason == "no-text"
    assert caught.value.message.startswith("the PDF's only text is page furniture")


@pytest.mark.parametrize(
    "data",
    [MEDWAY.read_bytes()[:3000], b"%PDF-1.7\n" + bytes(range(256)) * 10],
    ids=["truncated", "garbage"],
)
def test_damaged_pdf_is_one_clear_error(data):
    with pytest.raises(DocumentError) as caught:
        read_pdf(data, name="damaged.pdf")
    assert caught.value.reason == "damaged"
    assert caught.value.message.startswith("the PDF is damaged")


def test_a_file_that_is_not_a_pdf_says_so():
    with pytest.raises(DocumentError, match="not a PDF file"):
        read_pdf(b"PK\x03\x04 a zip file named .pdf")


def test_a_missing_file_is_unreadable(tmp_path):
    with pytest.raises(DocumentError) as caught:
        read_pdf(tmp_path / "absent.pdf")
    assert caught.value.unreadable and caught.value.message == "no such file"


def test_reader_errors_are_source_errors():
    """The pipeline already turns a SourceError into one `parse` diagnostic."""
    assert issubclass(DocumentError, SourceError)


def test_pdfium_is_imported_only_when_a_pdf_is_read():
    code = (
        "import sys, checker.cli, checker.reading.pdf, checker.reading.pdf_layout;"
        "print('pypdfium2' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


# -- artefacts found on the letters held out from calibration ----------------------


def test_a_glyph_printed_back_over_earlier_text_is_not_read():
    """London Corporation 2018 prints an '=' over the H of 'Her Majesty’s':
    PDFium reads 'Her Majesty = ’s Inspector'. A lone character drawn left
    of the text before it is an overprint, not a word."""
    rows = [
        Text(72, 700, "Ann Lee"),
        Text(72, 686, "His Majesty", bold=True),
        Text(72.5, 686, "="),  # back over the H
        Text(150, 686, "’s Inspector", bold=True),
        Text(72, 660, "Where x = y the sign stays."),  # a lone character in its place is text
    ]
    document = read_pdf(make_pdf([rows]))
    assert "His Majesty’s Inspector" in document.lines
    assert "Where x = y the sign stays." in document.text


def test_a_superscript_ordinal_joins_its_number():
    """'1' then a raised, smaller 'st Floor': PDFium makes two lines of them."""
    rows = [Text(72, 700, "Ms Jane Smith"), Text(72, 686, "1"), Text(78.672, 690, "st Floor, Town Hall", 8)]
    document = read_pdf(make_pdf([rows]))
    assert "1st Floor, Town Hall" in document.text
    column = document.text.split("\n")[0].index("1st") + 1
    assert document.locate(1, column + 2) == Place(2, 3, 1)  # the 's' of 'st': line 2, column 3


def test_a_list_item_continued_on_the_next_page_stays_one_item():
    """Solihull 2018: a findings bullet ends a page at the end of a sentence;
    the next page goes on, indented to the bullet's text, with no bullet."""
    first = [
        Text(72, 700, "Findings", bold=True),
        Text(72, 670, "• Senior leaders know their services well and have plans in place."),
        Text(72, 640, "• The training needs of the team are addressed to ensure sustainability"),
        Text(86, 625.5, "in meeting the demands of the service."),
    ]
    second = [
        Text(86, 780, "Workers use independent research to support young people’s needs."),
        Text(72, 750, "• Young people are encouraged to stay in education."),
        Text(72, 720, "Ofsted will take the findings from this focused visit into account."),
    ]
    document = read_pdf(make_pdf([first, second]))
    items = [line for line in document.lines if line.startswith("• ")]
    assert len(items) == 3
    assert items[1].endswith(
        "the demands of the service. Workers use independent research to support young people’s needs."
    )
    assert "Ofsted will take the findings from this focused visit into account." in document.lines


def test_a_hyphen_ending_a_line_before_a_number_joins_it():
    rows = paragraph(
        72,
        700,
        [
            "Virtual school leaders have made some sensible decisions across the COVID-",
            "19 period, and post-16 plans are in place for all young people leaving care.",
        ],
    )
    document = read_pdf(make_pdf([rows]))
    assert "across the COVID-19 period" in document.text


def test_a_closing_on_a_page_set_further_right_is_not_the_last_item():
    """Sefton 2018: the findings end a page with a bullet; the next page is set
    wholly further right (closing, sign-off and signature alike), so its first
    row is indented only as far as the page's own left edge, and its tags make
    it a paragraph, not the item's rest. It is the closing, and the last
    finding stays a finding."""
    letter = letter_from_source(read_pdf(PDFS / "sefton_focused_2018.pdf"))
    assert str(letter.closing) == (
        "Ofsted will take the findings from this focused visit into account when planning your next inspection or visit."
    )
    assert len(letter.findings) == 11
    assert str(letter.findings[-1].text).endswith("to progress plans for further improvement.")


def test_an_untagged_page_set_further_right_does_not_go_on_with_the_item():
    first = [
        Text(72, 700, "Findings", bold=True),
        Text(72, 670, "• Senior leaders know their services well and have plans in place."),
        Text(72, 640, "• The training needs of the team are addressed to ensure sustainability"),
        Text(86, 625.5, "in meeting the demands of the service."),
    ]
    second = [  # the whole page starts at 86: nothing on it is indented
        Text(86, 780, "Ofsted will take the findings from this focused visit into account."),
        Text(86, 750, "Yours sincerely"),
    ]
    document = read_pdf(make_pdf([first, second]))
    assert document.lines[-3:] == [
        "Ofsted will take the findings from this focused visit into account.",
        "",
        "Yours sincerely",
    ]
    assert next(line for line in document.lines if line.startswith("• The training")).endswith(
        "of the service."
    )


def test_team_inspectors_in_the_plural_are_all_read():
    """Stockton-on-Tees 2026: 'lead inspector Sophie Wales and team inspectors
    Sally Sinclair and Mark Scanlon'; the plural duty hid Sally Sinclair."""
    letter = letter_from_source(read_pdf(PDFS / "stockton-on-tees_focused_2026.pdf"))
    assert facts(letter)["inspectors"] == [
        ("Sophie Wales", "HMI"),
        ("Sally Sinclair", "HMI"),
        ("Mark Scanlon", "HMI"),
    ]
    assert letter.signatory.name == "Sophie Wales"


def test_a_recipient_whose_surname_is_an_address_word_is_named():
    """East Riding of Yorkshire 2018 writes to Kevin Hall: 'Hall' is a word of
    addresses ('Town Hall'), but on the block's first line it is a surname."""
    letter = letter_from_source(read_pdf(PDFS / "east-riding-of-yorkshire_focused_2018.pdf"))
    assert letter.recipient.name == "Kevin Hall"
    assert str(letter.salutation).startswith("Dear Mr Hall")
