"""Inspectors, roles, recipients and signatures, in every phrasing we know."""

from __future__ import annotations

import pytest

from checker.model import Text
from checker.people import find_inspectors, normalise_role, read_recipient, read_signature


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
    ],
)
def test_inspector_phrasings(sentence, expected):
    assert _people(sentence) == expected


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
    ],
)
def test_signatures(value, name, role):
    person = read_signature(_text(value))
    assert (person.name, person.role) == (name, role)


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
