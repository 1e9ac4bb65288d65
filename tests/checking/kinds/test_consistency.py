"""The parts of a letter agree: salutation and recipient, title and opening."""

from __future__ import annotations

import pytest

from checker.checking.config import Config
from checker.checking.engine import Engine
from checker.reading import source
from checker.reading.authorities import same_authority
from checker.reading.letter_reader import letter_from_source
from tests.conftest import edited

BCP = "bcp_focused_2023.md"  # a recipient block of one line each
KENT = "kent_focused_2019.md"


def _cons001(text: str):
    letter = letter_from_source(source.from_bytes("x.md", text.encode("utf-8")))
    return Engine(Config(select=("CONS001",))).check(letter)


@pytest.mark.parametrize(
    ("recipient", "salutation"),
    [
        ("Sarah Collins OBE\nDirector of Children's Services", "Dear Ms Collins"),  # honours are no surname
        ("Saleem Collins\nDirector of Children's Services", "Dear Sal"),  # a short form of the first name
        ("Sarah Collins\nDirector of Children's Services", "Dear Sarah Collins"),
        (
            "Sarah Collins, Director of Children's Services\nAnn Lee, Chief Executive",
            "Dear Ms Collins and Ms Lee",
        ),
    ],
)
def test_salutations_published_letters_use(recipient, salutation):
    text = edited(
        BCP, ("Ms Sarah Collins\nDirector of Children's Services", recipient), ("Dear Ms Collins", salutation)
    )
    assert _cons001(text) == []


def test_a_first_name_used_as_a_surname_is_caught_with_the_surname_as_fix():
    text = edited(BCP, ("Ms Sarah Collins", "Sarah Collins"), ("Dear Ms Collins", "Dear Ms Sarah"))
    (diagnostic,) = _cons001(text)
    assert (diagnostic.span.line, diagnostic.fix.replacement) == (19, "Dear Ms Collins")


def test_one_of_two_addressees_not_in_the_recipient_block_is_caught():
    text = edited(BCP, ("Dear Ms Collins", "Dear Ms Collins and Ms Lee"))
    assert [d.rule for d in _cons001(text)] == ["CONS001"]


@pytest.mark.parametrize(
    ("opening", "title", "same"),
    [
        ("Barking and Dagenham", "London Borough of Barking and Dagenham", True),
        ("Herefordshire", "Herefordshire local authority", True),
        ("Wigan Metropolitan Borough", "Wigan", True),
        ("Slough", "Slough Children First", True),
        ("Bath and North East Somerset (B&NES)", "Bath and North East Somerset", True),
        ("Kingston-upon-Thames", "the Royal Borough of Kingston upon Thames", True),
        ("Dorset", "Bournemouth, Christchurch and Poole", False),
        ("Somerset", "North Somerset", False),
    ],
)
def test_authorities_named_in_different_forms(opening, title, same):
    assert same_authority(opening, title) is same


def test_a_different_authority_in_the_opening_is_caught():
    text = edited(
        KENT, ("visit to Kent county council children's services", "visit to Medway children's services")
    )
    letter = letter_from_source(source.from_bytes("x.md", text.encode("utf-8")))
    assert [d.rule for d in Engine(Config(select=("CONS003",))).check(letter)] == ["CONS003"]
