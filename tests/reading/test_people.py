"""Inspectors, roles, recipients and signatures, in every phrasing we know."""

from __future__ import annotations

import pytest

from checker.model import Text
from checker.reading.people import find_inspectors, normalise_role, read_recipient, read_signature


def _text(value: str, line: int = 5) -> Text:
    return Text([(line, 1, value)])


def _people(sentence: str):
    people, _ = find_inspectors([_text(sentence)])
    return [(p.name, p.role, p.role_text) for p in people]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The inspectors were Graham Reiter, HMI, and Matt Reed, HMI.",
            [("Graham Reiter", "HMI", "HMI"), ("Matt Reed", "HMI", "HMI")],
        ),
        (
            "This visit was carried out by Rachel Holden, Her Majesty's Inspector, and Cath McEvoy, Ofsted Inspector.",
            [
                ("Rachel Holden", "HMI", "Her Majesty's Inspector"),
                ("Cath McEvoy", "Ofsted Inspector", "Ofsted Inspector"),
            ],
        ),
        (
            "Her Majesty's inspectors for this visit were Ann Lee and Bob Cole.",
            [("Ann Lee", "HMI", "Her Majesty's inspectors"), ("Bob Cole", "HMI", "Her Majesty's inspectors")],
        ),
        (
            "His Majesty’s Inspectors for this visit were Ann Lee and Bob Cole.",
            [("Ann Lee", "HMI", "His Majesty’s Inspectors"), ("Bob Cole", "HMI", "His Majesty’s Inspectors")],
        ),
        (
            "The inspectors were Kate Malleson, Her Majesty's Inspector, and Stephanie Murray, Senior Her Majesty's Inspector.",
            [
                ("Kate Malleson", "HMI", "Her Majesty's Inspector"),
                ("Stephanie Murray", "Senior HMI", "Senior Her Majesty's Inspector"),
            ],
        ),
        (
            "The inspectors were Peter Grant, Senior HMI, Amina Shah, HMI, and Lucy Evans, Ofsted Inspector.",
            [
                ("Peter Grant", "Senior HMI", "Senior HMI"),
                ("Amina Shah", "HMI", "HMI"),
                ("Lucy Evans", "Ofsted Inspector", "Ofsted Inspector"),
            ],
        ),
        ("The inspector was Mark Lewis, HMI.", [("Mark Lewis", "HMI", "HMI")]),
        (
            "The inspectors were Ann Lee HMI and Bob O'Neill (Ofsted Inspector).",
            [("Ann Lee", "HMI", "HMI"), ("Bob O'Neill", "Ofsted Inspector", "Ofsted Inspector")],
        ),
        (
            "The inspectors were Ann Lee, Bob Cole and Cy Dee.",
            [("Ann Lee", None, None), ("Bob Cole", None, None), ("Cy Dee", None, None)],
        ),
        # the forms published letters use (calibration on ../shared/real)
        (
            "The visit was carried out by Ann Lee, Bob Cole and Cy Dee, Her Majesty’s Inspectors (HMIs).",
            [
                ("Ann Lee", "HMI", "Her Majesty’s Inspectors (HMIs)"),
                ("Bob Cole", "HMI", "Her Majesty’s Inspectors (HMIs)"),
                ("Cy Dee", "HMI", "Her Majesty’s Inspectors (HMIs)"),
            ],
        ),
        (
            "The visit was carried out by Her Majesty’s Inspectors Ann Lee and Bob Cole.",
            [("Ann Lee", "HMI", "Her Majesty’s Inspectors"), ("Bob Cole", "HMI", "Her Majesty’s Inspectors")],
        ),
        (
            "The inspectors were Ann Lee and Bob Cole, two of Her Majesty’s Inspectors.",
            [("Ann Lee", "HMI", "Her Majesty’s Inspectors"), ("Bob Cole", "HMI", "Her Majesty’s Inspectors")],
        ),
        (
            "The inspectors were Ann Lee, Bob Cole and Cy Dee, all of whom are Her Majesty’s Inspectors.",
            [
                ("Ann Lee", "HMI", "Her Majesty’s Inspectors"),
                ("Bob Cole", "HMI", "Her Majesty’s Inspectors"),
                ("Cy Dee", "HMI", "Her Majesty’s Inspectors"),
            ],
        ),
        (
            "The inspectors were Ann Lee and Bob Cole, Her Majesty’s Inspectors (HMI) Social Care, "
            "and Cy Dee, HMI Schools.",
            [
                ("Ann Lee", "HMI", "Her Majesty’s Inspectors (HMI) Social Care"),
                ("Bob Cole", "HMI", "Her Majesty’s Inspectors (HMI) Social Care"),
                ("Cy Dee", "HMI", "HMI Schools"),
            ],
        ),
        (
            "Her Majesty’s Inspectors for this visit were Ann Lee, lead inspector, Bob Cole, team inspector "
            "and Cy Dee, who observed the visit.",
            [
                ("Ann Lee", "HMI", "Her Majesty’s Inspectors"),
                ("Bob Cole", "HMI", "Her Majesty’s Inspectors"),
                ("Cy Dee", "HMI", "Her Majesty’s Inspectors"),
            ],
        ),
        (
            "His Majesty’s Inspectors for this visit were lead inspector Ann Lee and team inspector Bob Cole.",
            [("Ann Lee", "HMI", "His Majesty’s Inspectors"), ("Bob Cole", "HMI", "His Majesty’s Inspectors")],
        ),
        (  # Stockton-on-Tees 2026: a duty in the plural, for the two names after it
            "His Majesty’s Inspectors for this visit were lead inspector Ann Lee and team inspectors Bob Cole "
            "and Cy Dee.",
            [
                ("Ann Lee", "HMI", "His Majesty’s Inspectors"),
                ("Bob Cole", "HMI", "His Majesty’s Inspectors"),
                ("Cy Dee", "HMI", "His Majesty’s Inspectors"),
            ],
        ),
        (
            "The visit was carried out by Her Majesty’s Inspector, Ann Lee and Her Majesty’s Inspector, Bob Cole.",
            [("Ann Lee", "HMI", "Her Majesty’s Inspector"), ("Bob Cole", "HMI", "Her Majesty’s Inspector")],
        ),
        (
            "The inspectors were Ann Lee, Her Majesty’s Inspector, and Bob Cole, Her Majesty’s Inspector "
            "(designate), as a supernumerary inspector.",
            [
                ("Ann Lee", "HMI", "Her Majesty’s Inspector"),
                ("Bob Cole", "HMI", "Her Majesty’s Inspector (designate)"),
            ],
        ),
        (
            "The inspectors were Her Majesty’s Inspectors (HMI) Social Care, Ann Lee and Bob Cole, "
            "and Cy Dee, Senior HMI.",
            [
                ("Ann Lee", "HMI", "Her Majesty’s Inspectors (HMI) Social Care"),
                ("Bob Cole", "HMI", "Her Majesty’s Inspectors (HMI) Social Care"),
                ("Cy Dee", "Senior HMI", "Senior HMI"),
            ],
        ),
        (
            "The inspectors for this visit were Ann Lee, His Majesty’s Inspector, and Bob Cole, Ofsted Inspector.",
            [
                ("Ann Lee", "HMI", "His Majesty’s Inspector"),
                ("Bob Cole", "Ofsted Inspector", "Ofsted Inspector"),
            ],
        ),
        # a singular role after two names is the last one's: the first has none
        (
            "The inspectors were Ann Lee, Senior HMI, Bob Cole and Cy Dee, Ofsted Inspector.",
            [
                ("Ann Lee", "Senior HMI", "Senior HMI"),
                ("Bob Cole", None, None),
                ("Cy Dee", "Ofsted Inspector", "Ofsted Inspector"),
            ],
        ),
    ],
)
def test_inspector_phrasings(sentence, expected):
    assert _people(sentence) == expected


def test_visit_carried_out_by_inspectors_after_the_dates():
    sentence = "This letter summarises the findings of a focused visit on 22 May 2018 carried out by Ann Lee and Bob Cole, Her Majesty’s Inspectors."
    assert [p.name for p in find_inspectors([_text(sentence)])[0]] == ["Ann Lee", "Bob Cole"]


def test_a_sentence_that_names_nobody_is_not_the_inspectors():
    paragraphs = [
        _text("This visit was carried out by remote means."),
        _text("The inspectors were Ann Lee, HMI."),
    ]
    people, sentence = find_inspectors(paragraphs)
    assert [p.name for p in people] == ["Ann Lee"]
    assert sentence.value == "The inspectors were Ann Lee, HMI"


def test_inspector_name_positions_are_exact():
    sentence = "On 6 and 7 February 2018. The inspectors were Graham Reiter, HMI, and Matt Reed, HMI."
    people, found = find_inspectors([_text(sentence, line=15)])
    assert found.value.startswith("The inspectors were")
    reed = people[1].name_text.span()
    assert (reed.line, reed.column, reed.end_column) == (
        15,
        sentence.index("Matt Reed") + 1,
        sentence.index("Matt Reed") + 10,
    )


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("HMI", "HMI"),
        ("Her Majesty's Inspector", "HMI"),
        ("His Majesty’s Inspector", "HMI"),
        ("Senior HMI", "Senior HMI"),
        ("Senior His Majesty's Inspector", "Senior HMI"),
        ("Ofsted Inspector", "Ofsted Inspector"),
        ("OI", "Ofsted Inspector"),
        ("Inspector", None),
    ],
)
def test_roles_normalise(text, role):
    assert normalise_role(text) == role


@pytest.mark.parametrize(
    ("value", "name", "role"),
    [
        ("Graham Reiter Her Majesty's Inspector", "Graham Reiter", "HMI"),
        ("Rachel Holden **Her Majesty's Inspector**", "Rachel Holden", "HMI"),
        ("Peter Grant Senior His Majesty's Inspector", "Peter Grant", "Senior HMI"),
        ("Laura Kemp", "Laura Kemp", None),
        ("Laura Kemp Lead Inspector His Majesty’s Inspector.", "Laura Kemp", "HMI"),
        ("Laura Kemp (lead inspector) His Majesty’s Inspector", "Laura Kemp", "HMI"),
    ],
)
def test_signatures(value, name, role):
    person = read_signature(_text(value))
    assert (person.name, person.role) == (name, role)


def test_a_signature_titled_lead_inspector_has_a_title():
    person = read_signature(_text("Laura Kemp Lead Inspector"))
    assert (person.name, person.role, person.role_text) == ("Laura Kemp", None, "Lead Inspector")


def _lines(*lines: str) -> Text:
    return Text([(number, 1, line) for number, line in enumerate(lines, start=10)])


@pytest.mark.parametrize(
    ("lines", "name", "job", "organisation", "names"),
    [
        (
            ("James Stroyan", "Group Director of People", "Darlington Town Hall", "DL1 5QT"),
            "James Stroyan",
            "Group Director of People",
            None,
            ["James Stroyan"],
        ),
        (
            ("Saleem Tariq OBE", "Director of Children and Families", "Leeds City Council", "LS2 8NZ"),
            "Saleem Tariq OBE",
            "Director of Children and Families",
            "Leeds City Council",
            ["Saleem Tariq"],
        ),
        (
            (
                "Sally Giles, Director of Children’s Services",
                "Emma Taylor, Chief Executive, Sandwell Children’s Trust",
                "Sandwell Metropolitan Borough Council",
                "B69 3DE",
            ),
            "Sally Giles",
            "Director of Children’s Services",
            "Sandwell Metropolitan Borough Council",
            ["Sally Giles", "Emma Taylor"],
        ),
        (
            (
                "Graham Reiter and Audrey Kingham",
                "Interim Joint Directors of Children’s Services",
                "NE61 2EF",
            ),
            "Graham Reiter and Audrey Kingham",
            "Interim Joint Directors of Children’s Services",
            None,
            ["Graham Reiter", "Audrey Kingham"],
        ),
        (  # East Riding of Yorkshire 2018: a surname that is also an address word
            ("Kevin Hall", "East Riding of Yorkshire", "Cross Street", "Beverley", "HU17 9BA"),
            "Kevin Hall",
            None,
            None,
            ["Kevin Hall"],
        ),
        (  # below the name, the same word is the address
            ("Ann Lee", "Director of Children’s Services", "Shire Hall", "Ann Street", "AB1 2CD"),
            "Ann Lee",
            "Director of Children’s Services",
            None,
            ["Ann Lee"],
        ),
        (
            ("Mick Gibbs,", "Director of Children & Community Resilience", "North Lincolnshire", "DN16 1AB"),
            "Mick Gibbs",
            "Director of Children & Community Resilience",
            None,
            ["Mick Gibbs"],
        ),
        (  # Birmingham 2024: the Council House is where the council is, not who
            ("Sue Harrison", "Strategic Director for Children and Families", "Council House", "B1 1BB"),
            "Sue Harrison",
            "Strategic Director for Children and Families",
            None,
            ["Sue Harrison"],
        ),
        (
            ("Sal Tariq", "Director of Children's Services", "Leeds City Council, Merrion House", "LS2 8DT"),
            "Sal Tariq",
            "Director of Children's Services",
            "Leeds City Council",
            ["Sal Tariq"],
        ),
    ],
)
def test_recipient_blocks_line_by_line(lines, name, job, organisation, names):
    recipient = read_recipient(_lines(*lines))
    assert (recipient.name, recipient.job_title, recipient.organisation, recipient.names) == (
        name,
        job,
        organisation,
        names,
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "Ms Alison Murphy Director of Children's Services Kingston upon Hull Council Alfred Gelder Street "
            "Kingston upon Hull HU1 2AA",
            ("Ms Alison Murphy", "Director of Children's Services", "Kingston upon Hull Council", "HU1 2AA"),
        ),
        (
            "Mr Steve Walker Interim Director of Children's Services Kirklees Council Civic Centre 3 Huddersfield HD1 2YZ",
            ("Mr Steve Walker", "Interim Director of Children's Services", "Kirklees Council", "HD1 2YZ"),
        ),
        (
            "Ms Sarah Collins Director of Children's Services Bournemouth, Christchurch and Poole Council Civic Centre "
            "Bournemouth BH2 6DY",
            (
                "Ms Sarah Collins",
                "Director of Children's Services",
                "Bournemouth, Christchurch and Poole Council",
                "BH2 6DY",
            ),
        ),
        (
            "Mr Matt Dunkley Director of Children's Services Sessions House Maidstone Kent ME14 1XQ",
            ("Mr Matt Dunkley", "Director of Children's Services", None, "ME14 1XQ"),
        ),
    ],
)
def test_recipients(value, expected):
    recipient = read_recipient(_text(value))
    assert (recipient.name, recipient.job_title, recipient.organisation, recipient.postcode) == expected
