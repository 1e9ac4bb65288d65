"""Every fixture letter, read into the model and checked field by field."""

from __future__ import annotations

import pytest

from checker.api import load_file
from tests.conftest import OTHER, letter_path

HMI, SHMI, OI = "HMI", "Senior HMI", "Ofsted Inspector"
HER, HIS = "Her Majesty's Inspector", "His Majesty's Inspector"

# name: (type, date, recipient name, organisation, postcode, salutation, local authority,
#        visit dates, [(inspector, role)], (signatory, role, role_text),
#        [(kind, line, paragraphs, bullets)], recommendations, findings)
EXPECTED = {
    "hull_focused_2018.md": (
        "focused_visit",
        "2018-03-01",
        "Ms Alison Murphy",
        "Kingston upon Hull Council",
        "HU1 2AA",
        "Dear Ms Murphy",
        "Kingston upon Hull",
        ["2018-02-06", "2018-02-07"],
        [("Graham Reiter", HMI), ("Matt Reed", HMI)],
        ("Graham Reiter", HMI, HER),
        [("overview", 19, 1, 0), ("recommendations", 27, 0, 4), ("findings", 34, 0, 21)],
        4,
        21,
    ),
    "kirklees_monitoring_2017.md": (
        "monitoring_visit",
        "2017-12-08",
        "Mr Steve Walker",
        "Kirklees Council",
        "HD1 2YZ",
        "Dear Mr Walker",
        "Kirklees",
        ["2017-10-08", "2017-10-09"],
        [("Rachel Holden", HMI), ("Cath McEvoy", OI)],
        ("Rachel Holden", HMI, HER),
        [("areas_covered", 15, 2, 6), ("overview", 30, 3, 0), ("findings", 38, 11, 0)],
        0,
        11,
    ),
    "kent_focused_2019.md": (
        "focused_visit",
        "2019-02-08",
        "Mr Matt Dunkley",
        None,
        "ME14 1XQ",
        "Dear Mr Dunkley",
        "Kent",
        ["2019-01-14", "2019-01-15"],
        [("Kate Malleson", HMI), ("Stephanie Murray", SHMI)],
        ("Kate Malleson", HMI, HER),
        [("overview", 21, 5, 0), ("recommendations", 35, 0, 4), ("findings", 42, 0, 13)],
        4,
        13,
    ),
    "bcp_focused_2023.md": (
        "focused_visit",
        "2023-03-14",
        "Ms Sarah Collins",
        "Bournemouth, Christchurch and Poole Council",
        "BH2 6DY",
        "Dear Ms Collins",
        "Bournemouth, Christchurch and Poole",
        ["2023-01-31", "2023-02-01"],
        [("Helen Carter", HMI), ("Daniel Hughes", HMI)],
        ("Helen Carter", HMI, HIS),
        [("overview", 27, 2, 0), ("recommendations", 33, 0, 3), ("findings", 39, 0, 6)],
        3,
        6,
    ),
    "northshire_monitoring_2024.md": (
        "monitoring_visit",
        "2024-03-04",
        "Jane Whitfield",
        "Northshire County Council",
        "NT1 1AA",
        "Dear Jane",
        "Northshire",
        ["2024-01-31", "2024-02-01"],
        [("Peter Grant", SHMI), ("Amina Shah", HMI), ("Lucy Evans", OI)],
        ("Peter Grant", SHMI, "Senior His Majesty's Inspector"),
        [("areas_covered", 15, 2, 3), ("overview", 25, 1, 0), ("findings", 29, 3, 0)],
        0,
        3,
    ),
    "westbury_focused_2015_crlf.txt": (
        "focused_visit",
        "2015-12-16",
        "Mrs Helen Ward",
        "Westbury Borough Council",
        "WB1 4QT",
        "Dear Mrs Ward",
        "Westbury",
        ["2015-12-08", "2015-12-09"],
        [("Joanna Price", HMI), ("Tom Walsh", OI)],
        ("Joanna Price", HMI, HER),
        [("overview", 22, 1, 0), ("recommendations", 26, 0, 3), ("findings", 32, 0, 5)],
        3,
        5,
    ),
    "eastmoor_monitoring_2021_cp1252.txt": (
        "monitoring_visit",
        "2021-04-12",
        "Mr David O’Neill",
        "Eastmoor City Council",
        "EM3 9RZ",
        "Dear Mr O’Neill",
        "Eastmoor",
        ["2021-03-09", "2021-03-10"],
        [("Claire Booth", HMI), ("Neil Ahmed", HMI)],
        ("Claire Booth", HMI, "Her Majesty’s Inspector"),
        [("areas_covered", 20, 1, 3), ("overview", 28, 1, 0), ("findings", 32, 3, 0)],
        0,
        3,
    ),
    "riverside_focused_2019_bom.md": (
        "focused_visit",
        "2019-08-09",
        "Ms Priya Shah",
        "Riverside County Council",
        "RV2 1AB",
        "Dear Ms Shah",
        "Riverside",
        ["2019-07-17"],
        [("Mark Lewis", HMI)],
        ("Mark Lewis", HMI, HER),
        [("overview", 22, 1, 0), ("recommendations", 26, 0, 2), ("findings", 31, 3, 0)],
        2,
        3,
    ),
    "lakeside_monitoring_2023_utf16.txt": (
        "monitoring_visit",
        "2023-03-02",
        "Amanda Hatton",
        "Lakeside Metropolitan Borough Council",
        "LK4 7TT",
        "Dear Amanda",
        "Lakeside",
        ["2023-02-01", "2023-02-02"],
        [("Rebecca Stone", HMI), ("Gareth Lloyd", HMI)],
        ("Rebecca Stone", HMI, HIS),
        [("areas_covered", 20, 1, 3), ("overview", 28, 1, 0), ("findings", 32, 3, 0)],
        0,
        3,
    ),
    "hillford_focused_2018_republished.md": (
        "focused_visit",
        None,
        None,
        None,
        None,
        None,
        "Hillford",
        ["2018-11-14", "2018-11-15"],
        [("Sam Patel", HMI), ("Ruth Green", SHMI)],
        ("Sam Patel", HMI, HER),
        [("overview", 7, 1, 0), ("recommendations", 11, 0, 1), ("findings", 15, 0, 3)],
        1,
        3,
    ),
    "oakfield_focused_2024_new_format.md": (
        "focused_visit",
        "2024-03-04",
        "Mr Robert Ellis",
        "Oakfield Metropolitan Borough Council",
        "OK1 3PD",
        "Dear Mr Ellis",
        "Oakfield",
        ["2024-02-06", "2024-02-07"],
        [("Sarah Quinn", HMI), ("Paul Okafor", HMI)],
        ("Sarah Quinn", HMI, HIS),
        [
            ("areas_covered", 20, 2, 0),
            ("overview", 26, 1, 0),
            ("recommendations", 30, 0, 2),
            ("findings", 35, 0, 4),
        ],
        2,
        4,
    ),
    "greenvale_focused_2022.md": (
        "focused_visit",
        "2022-09-27",
        "Dr Michael Brennan",
        "Greenvale District Council",
        "GV8 2LP",
        "Dear Dr Brennan",
        "Greenvale",
        ["2022-09-06", "2022-09-07"],
        [("Laura Kemp", HMI), ("Owen Hughes", SHMI), ("Nadia Rahman", OI)],
        ("Laura Kemp", HMI, HIS),
        [("overview", 22, 1, 0), ("recommendations", 26, 0, 2), ("findings", 31, 0, 4)],
        2,
        4,
    ),
}


def test_every_fixture_letter_has_expectations():
    from tests.conftest import LETTERS

    assert sorted(p.name for p in LETTERS.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_model(name):
    (
        kind,
        date,
        recipient,
        organisation,
        postcode,
        salutation,
        authority,
        visits,
        inspectors,
        signatory,
        sections,
        n_recommendations,
        n_findings,
    ) = EXPECTED[name]
    result = load_file(letter_path(name))
    assert result.diagnostics == []
    letter = result.letter
    assert letter.letter_type == kind
    assert (letter.letter_date.isoformat() if letter.letter_date else None) == date
    assert (letter.recipient.name if letter.recipient else None) == recipient
    assert (letter.recipient.organisation if letter.recipient else None) == organisation
    assert (letter.recipient.postcode if letter.recipient else None) == postcode
    assert (letter.salutation.value if letter.salutation else None) == salutation
    assert letter.local_authority == authority
    assert [d.isoformat() for d in letter.visit_dates] == visits
    assert [(p.name, p.role) for p in letter.inspectors] == inspectors
    assert (letter.signatory.name, letter.signatory.role, letter.signatory.role_text) == signatory
    assert [(s.kind, s.line, len(s.paragraphs), len(s.bullets)) for s in letter.sections] == sections
    assert len(letter.recommendations) == n_recommendations
    assert len(letter.findings) == n_findings
    assert letter.closing and letter.sign_off.value == "Yours sincerely"


def test_page_break_inside_a_paragraph_joins_it():
    letter = load_file(letter_path("hull_focused_2018.md")).letter
    overview = letter.section("overview").blocks[0]
    assert overview.text.value.endswith("to deliver consistently good quality and timely practice.")
    assert "all of the workforce has" in overview.text.value
    # the joined text still maps back to the second page's line
    offset = overview.text.value.index("workforce has")
    assert overview.text.position(offset) == (25, 1)


def test_bullet_continued_after_page_break_is_one_finding():
    letter = load_file(letter_path("kent_focused_2019.md")).letter
    finding = letter.findings[1]
    assert finding.line == 45
    assert finding.text.value.endswith("strengthen early decision-making at the front door.")


def test_numbered_and_starred_recommendations():
    westbury = load_file(letter_path("westbury_focused_2015_crlf.txt")).letter
    assert [b.marker for b in westbury.recommendations] == ["1.", "2.", "3."]
    assert westbury.recommendations[0].text.value.startswith("The timeliness of reviews")
    greenvale = load_file(letter_path("greenvale_focused_2022.md")).letter
    assert [b.marker for b in greenvale.recommendations] == ["1)", "2)"]
    riverside = load_file(letter_path("riverside_focused_2019_bom.md")).letter
    assert [b.marker for b in riverside.recommendations] == ["*", "*"]


def test_heading_styles_are_all_recognised():
    styles = {
        name: [s.heading_style for s in load_file(letter_path(name)).letter.sections]
        for name in (
            "hull_focused_2018.md",
            "westbury_focused_2015_crlf.txt",
            "kent_focused_2019.md",
            "eastmoor_monitoring_2021_cp1252.txt",
        )
    }
    assert styles["hull_focused_2018.md"] == ["markdown", "markdown", "markdown"]  # ## and ## **x**
    assert styles["westbury_focused_2015_crlf.txt"] == ["bold", "bold", "bold"]
    assert styles["kent_focused_2019.md"] == ["plain", "plain", "plain"]
    assert styles["eastmoor_monitoring_2021_cp1252.txt"] == ["markdown"] * 3


def test_positions_in_crlf_and_bom_files_are_those_of_the_file():
    westbury = load_file(letter_path("westbury_focused_2015_crlf.txt")).letter
    assert westbury.date.text.span().line == 6
    heading = westbury.sections[0].heading.span()
    assert (heading.line, heading.column, heading.end_column) == (22, 3, 11)  # **Overview**
    riverside = load_file(letter_path("riverside_focused_2019_bom.md")).letter
    span = riverside.date.text.span()
    assert (span.line, span.column, span.end_column) == (6, 1, 14)


def test_press_release_is_not_a_letter():
    result = load_file(str(OTHER / "hull_press_release.txt"))
    assert result.letter_type == "unknown"
    assert [(d.rule, d.category, d.span.line) for d in result.diagnostics] == [("PARSE003", "parse", 1)]
    assert "not an inspection letter" in result.diagnostics[0].message


def test_a_span_ending_on_the_space_that_joins_two_lines_ends_with_the_first():
    from checker.model import Span, Text

    text = Text([(2, 1, ":"), (3, 1, "Focused visit"), (4, 3, "to Kent")])
    joining = text.value.index(" to Kent")  # the space standing for the line break
    assert text.span(0, joining + 1) == Span(2, 1, 3, 14)  # not (3, 15): past the end of line 3
    assert text.span(0, joining) == Span(2, 1, 3, 14)
    assert text.span(0) == Span(2, 1, 4, 10)


def test_a_span_ending_on_the_space_between_two_lines_ends_with_the_first_line_too():
    from checker.model import Span, Text

    text = Text([(2, 1, "Dear Ms Murphy"), (3, 5, "000000000000"), (4, 1, "Yours")])
    end_of_second = len("Dear Ms Murphy 000000000000")
    assert text.span(0, end_of_second + 1) == Span(
        2, 1, 3, 17
    )  # not column 18: the joining space is no column
    assert text.span(0, end_of_second) == Span(2, 1, 3, 17)
    assert text.span(0) == Span(2, 1, 4, 6)
    assert text.span(15, 16) == Span(3, 5, 3, 6)


def test_each_part_of_a_letter_by_name():
    from checker.model import PARTS

    letter = load_file(letter_path("hull_focused_2018.md")).letter
    first_lines = {name: [text.line for text in letter.part(name)][:1] for name in PARTS}
    assert first_lines == {
        "letterhead": [3],
        "date": [7],
        "recipient": [9],
        "salutation": [11],
        "title": [13],
        "opening": [15],
        "headings": [19],
        "closing": [67],
        "sign_off": [69],
        "signature": [71],
    }
    assert [t.value for t in letter.part("headings")] == [s.heading.value for s in letter.sections]
    with pytest.raises(KeyError):
        letter.part("footer")


def test_derived_facts_are_worked_out_once_and_kept():
    letter = load_file(letter_path("kent_focused_2019.md")).letter
    fit = letter.facts.format_fit
    assert fit is letter.facts.format_fit and fit.layout.name == "overview format"
    assert letter.facts.dates is letter.facts.dates
    assert [w.match.group() for w in letter.facts.dates][:2] == ["8 February 2019", "14 and 15 January 2019"]
    assert letter.facts.evidence is letter.facts.evidence
