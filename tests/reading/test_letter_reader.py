"""Letter shapes seen in the wild, parsed into the right model."""

from __future__ import annotations

from checker.reading import source
from checker.reading.letter_reader import letter_from_source

LETTER = """\
{head}

Dear {salutation}

{title}

This letter summarises the findings of a focused visit to Kent children's services on 14 and 15 January 2019. {inspectors}

{overview}

Leaders know their services well.

{recs}

- The quality of assessments.

{findings}

- The quality of assessments is too variable.

Ofsted will take the findings from this focused visit into account when planning your next inspection or visit.

{sign_off}

{signature}
"""
DEFAULTS = {
    "head": "8 February 2019\n\nMr Matt Dunkley\nDirector of Children's Services\nKent County Council\nMaidstone ME14 1XQ",
    "salutation": "Mr Dunkley",
    "title": "Focused visit to Kent children's services",
    "inspectors": "The inspectors were Kate Malleson, HMI, and Ann Lee, HMI.",
    "overview": "Overview",
    "recs": "What needs to improve in this area of social work practice",
    "findings": "Findings",
    "sign_off": "Yours sincerely",
    "signature": "Kate Malleson\nHer Majesty's Inspector",
}


def _letter(**changes):
    text = LETTER.format(**{**DEFAULTS, **changes})
    return letter_from_source(source.from_bytes("x.md", text.encode("utf-8")))


def test_the_template_itself():
    letter = _letter()
    assert [s.kind for s in letter.sections] == ["overview", "recommendations", "findings"]
    assert letter.recipient.organisation == "Kent County Council"
    assert letter.signatory.name == "Kate Malleson"


def test_known_heading_with_a_trailing_colon():
    letter = _letter(recs="What needs to improve in this area of social work practice:", findings="Findings:")
    assert [s.kind for s in letter.sections] == ["overview", "recommendations", "findings"]


def test_bold_headings_with_colons_and_markdown_bold_title():
    letter = _letter(overview="**Overview:**", title="## **Focused visit to Kent children’s services**")
    assert letter.title.value == "Focused visit to Kent children’s services"
    assert letter.local_authority == "Kent"
    assert letter.sections[0].heading.value == "Overview:"
    assert letter.sections[0].kind == "overview"


def test_signature_on_one_line_with_bold_role_and_senior_title():
    letter = _letter(
        inspectors="The inspectors were Kate Malleson, Senior HMI, and Ann Lee, HMI.",
        signature="Kate Malleson **Senior Her Majesty’s Inspector**",
    )
    assert (letter.signatory.name, letter.signatory.role) == ("Kate Malleson", "Senior HMI")


def test_dear_sir_or_madam_and_yours_faithfully():
    letter = _letter(salutation="Sir or Madam", sign_off="Yours faithfully,")
    assert letter.salutation.value == "Dear Sir or Madam"
    assert letter.sign_off.value == "Yours faithfully"


def test_date_line_with_a_label_and_merged_letterhead():
    letter = _letter(
        head="Ofsted Piccadilly Gate Store Street Manchester M1 2WD T 0300 123 1231\n\nDate: 8 February 2019\n\n"
        "Mr Matt Dunkley Director of Children's Services Kent County Council Maidstone ME14 1XQ"
    )
    assert letter.letter_date.isoformat() == "2019-02-08"
    assert letter.recipient.postcode == "ME14 1XQ"
    assert len(letter.letterhead) == 1


def test_three_inspectors_and_en_dash_range():
    letter = _letter(
        inspectors="The inspectors were A Bell, Senior HMI, C Dunn, HMI, and E Fox, Ofsted Inspector."
    )
    assert [p.role for p in letter.inspectors] == ["Senior HMI", "HMI", "Ofsted Inspector"]
    text = LETTER.format(**DEFAULTS).replace("14 and 15 January 2019", "14–16 January 2019")
    letter = letter_from_source(source.from_bytes("x.md", text.encode()))
    assert [d.day for d in letter.visit_dates] == [14, 15, 16]


def test_a_letter_without_its_head_still_parses_and_says_what_is_absent():
    text = LETTER.format(**DEFAULTS)
    body = text[text.index("Focused visit to Kent") :]
    letter = letter_from_source(source.from_bytes("x.md", body.encode()))
    assert letter.letter_type == "focused_visit"
    assert (letter.date, letter.recipient, letter.salutation) == (None, None, None)
    assert [s.kind for s in letter.sections] == ["overview", "recommendations", "findings"]


def test_missing_salutation_keeps_the_head():
    text = LETTER.format(**DEFAULTS).replace("Dear Mr Dunkley\n\n", "")
    letter = letter_from_source(source.from_bytes("x.md", text.encode()))
    assert letter.salutation is None
    assert letter.letter_date.isoformat() == "2019-02-08"
    assert letter.recipient.name == "Mr Matt Dunkley"
    assert letter.title.value == "Focused visit to Kent children's services"


def test_stray_short_line_between_paragraphs_is_reported_as_an_unknown_heading():
    from checker.checking.config import Config
    from checker.checking.engine import Engine

    text = LETTER.format(**DEFAULTS).replace(
        "Leaders know their services well.", "Leaders know their services well.\n\nNext steps"
    )
    letter = letter_from_source(source.from_bytes("x.md", text.encode()))
    assert [s.heading.value for s in letter.sections][:2] == ["Overview", "Next steps"]
    rules = [(d.rule, d.span.line) for d in Engine(Config(select=("STR012",))).check(letter)]
    assert rules == [("STR012", 18)]


def test_newer_focused_visit_headings():
    letter = _letter(
        overview="Areas covered by the visit\n\nInspectors looked at the front door.\n\nHeadline findings",
        recs="What needs to improve in this area of social work practice?",
        findings="Main findings",
    )
    assert [s.kind for s in letter.sections] == ["areas_covered", "overview", "recommendations", "findings"]


def test_page_numbers_left_by_pdf_extraction_are_part_of_the_page_break():
    from tests.conftest import LETTERS

    text = (LETTERS / "hull_focused_2018.md").read_text(encoding="utf-8")
    # Hull's overview is broken across a page break ("all of the / workforce"): add a page number in it
    with_number = text.replace("all of the\n\n\n\nworkforce", "all of the\n\nPage 2 of 4\n\nworkforce")
    assert with_number != text
    letter = letter_from_source(source.from_bytes("x.md", with_number.encode()))
    overview = letter.section("overview")
    assert len(overview.blocks) == 1
    assert "all of the workforce has" in overview.blocks[0].text.value
    assert [s.kind for s in letter.sections] == ["overview", "recommendations", "findings"]
