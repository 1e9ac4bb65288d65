"""Letter formats by date and variant (rules/letter_types.yaml), and the
structure rules that compare a letter with the format it fits best."""

from __future__ import annotations

import pytest

from checker.checking.config import Config
from checker.checking.engine import Engine
from checker.reading import source
from checker.reading.letter_reader import letter_from_source

HEAD = """\
{date}

Ms Ann Lee
Director of Children's Services
Kent County Council
Maidstone ME14 1XQ

Dear Ms Lee

Focused visit to Kent children's services

This letter summarises the findings of a focused visit to Kent children's services on {visit}. His Majesty's Inspectors for this visit were Kate Malleson and Ann Cole.

"""
TAIL = """
Ofsted will take the findings from this focused visit into account when planning the next inspection or visit.

{sign_off}

Kate Malleson
His Majesty's Inspector
"""
SECTION = {
    "overview": "{heading}\n\nLeaders know their services well.\n\n",
    "priority": "Areas for priority action\n\n- The response to children at risk of harm.\n\n",
    "recs": "What needs to improve in this area of social work practice?\n\n- The quality of assessments.\n\n",
    "findings": "{heading}\n\n- Assessments are too variable in quality.\n\n",
}


def _text(
    sections, date="14 March 2023", visit="1 and 2 February 2023", sign_off="Yours sincerely", **headings
):
    body = ""
    for name in sections:
        heading = headings.get(
            name, {"overview": "Headline findings", "findings": "Main findings"}.get(name, "")
        )
        body += SECTION[name].format(heading=heading)
    return HEAD.format(date=date, visit=visit) + body + TAIL.format(sign_off=sign_off)


def _check(text: str, *rules: str):
    letter = letter_from_source(source.from_bytes("x.md", text.encode("utf-8")))
    return letter, [
        (d.rule, d.span.line) for d in Engine(Config(select=rules or ("structure",))).check(letter)
    ]


def test_the_headline_findings_format():
    letter, problems = _check(_text(["overview", "recs", "findings"]))
    assert problems == []
    assert letter.facts.format_fit.layout.name == "headline findings format"


def test_letters_with_nothing_to_improve_have_no_such_section():
    _, problems = _check(_text(["overview", "findings"]))
    assert problems == []


def test_a_missing_section_is_named_as_the_format_names_it():
    letter, problems = _check(_text(["recs", "findings"]))
    assert problems == [("STR001", 14)]
    (diagnostic,) = Engine(Config(select=("STR001",))).check(letter)
    assert diagnostic.message == (
        "the focused visit letter (headline findings format) has no 'Headline findings' section"
    )


def test_remote_visits_of_2021_had_no_overview():
    text = _text(["recs", "findings"], date="10 May 2021", visit="23 and 24 March 2021")
    letter, problems = _check(text)
    assert problems == []
    assert letter.facts.format_fit.layout.name == "remote visits during the pandemic"


def test_an_overview_letter_of_2019():
    text = _text(["overview", "recs", "findings"], date="8 February 2019", visit="14 and 15 January 2019")
    assert _check(text, "STR001", "STR002")[1] == []
    text = _text(["recs", "findings"], date="8 February 2019", visit="14 and 15 January 2019")
    assert _check(text, "STR001")[1] == [("STR001", 14)]


def test_2018_letters_may_end_with_what_needs_to_improve_later_ones_may_not():
    order = ["overview", "findings", "recs"]
    early = _text(order, date="22 February 2018", visit="30 and 31 January 2018", overview="Overview")
    assert _check(early, "STR002")[1] == []
    late = _text(order)
    assert _check(late, "STR002")[1] == [("STR002", 22)]


def test_priority_actions_before_or_after_the_findings():
    assert _check(_text(["overview", "priority", "recs", "findings"]))[1] == []
    assert _check(_text(["overview", "findings", "priority", "recs"]))[1] == []
    # without priority actions, what needs to improve still comes first
    assert _check(_text(["overview", "findings", "recs"]), "STR002")[1] == [("STR002", 22)]


def test_a_repeated_heading_where_a_missing_one_belongs_is_one_problem():
    text = _text(["overview", "recs", "findings"], findings="Headline findings")
    letter, problems = _check(text)
    assert problems == [("STR013", 22)]
    (diagnostic,) = Engine(Config(select=("STR013",))).check(letter)
    assert diagnostic.message.endswith("the letter has no 'Main findings' section, which belongs here")
    assert diagnostic.fix.replacement == "Main findings"


def test_a_plain_repeat_is_still_a_repeat():
    text = _text(["overview", "recs", "findings"]).replace(
        "Main findings\n", "Main findings\n\n- Caseloads are high.\n\nMain findings\n"
    )
    assert _check(text, "STR013")[1] == [("STR013", 26)]


def test_findings_take_subheadings_other_sections_do_not():
    text = _text(["overview", "recs", "findings"]).replace(
        "Main findings\n\n",
        "Main findings\n\nAreas of strength\n\n- Visits are regular.\n\nThe front door\n\n",
    )
    letter, problems = _check(text)
    assert problems == []
    findings = letter.section("findings")
    assert [b.text.value for b in findings.blocks if b.kind == "subheading"] == [
        "Areas of strength",
        "The front door",
    ]
    assert len(findings.points) == 2
    # a near miss of a known heading is still a misspelt heading, not a subheading
    misspelt = _text(["overview", "recs", "findings"]).replace(
        "Main findings\n\n- Assessments",
        "Main findings\n\n- Visits are regular.\n\nHeadline findngs\n\n- Assessments",
    )
    assert _check(misspelt)[1] == [("STR012", 26)]
    # in the overview, an unknown heading is reported
    stray = _text(["overview", "recs", "findings"]).replace("well.\n\n", "well.\n\nNext steps\n\n", 1)
    assert _check(stray)[1] == [("STR012", 18)]


@pytest.mark.parametrize("written", ["Your sincerely", "Yours sincerly", "Your's sincerely"])
def test_a_misspelt_sign_off_is_one_diagnostic_with_a_fix(written):
    letter, problems = _check(
        _text(["overview", "recs", "findings"], sign_off=written), "structure", "CONS004"
    )
    assert problems == [("STR014", 29)]
    assert letter.signatory.name == "Kate Malleson"
    assert letter.closing is not None


def test_a_signature_without_a_sign_off_is_still_the_signature():
    text = _text(["overview", "recs", "findings"]).replace("Yours sincerely\n\n", "")
    letter, problems = _check(text, "structure", "inspectors")
    assert problems == [("STR010", 29)]
    assert (letter.signatory.name, letter.signatory.role) == ("Kate Malleson", "HMI")


@pytest.mark.parametrize(
    "closing",
    [
        "Ofsted will take the findings of this focused visit into account when planning your next inspection or visit.",
        "Ofsted will consider the findings from this visit when planning the next inspection or visit.",
        "Ofsted will take the findings from this focused visit into account when planning the next inspection or "
        "visit.\n\nI am copying this letter to the Department for Education. It will be published on the Ofsted website.",
        "We have notified the Department for Education of the areas for priority action. You should submit an "
        "action plan within 70 working days of receiving this letter.",
        # a priority-action letter of 2018: the notification, then how to send the action plan
        "We have notified the DfE of the areas for priority action and we understand you will receive separate "
        "correspondence from them.\n\nSo, in summary, you will therefore need to send us your action plan to "
        "ProtectionOfChildren@ofsted.gov.uk.",
    ],
)
def test_closing_statements_as_published(closing):
    text = _text(["overview", "recs", "findings"]).replace(
        "Ofsted will take the findings from this focused visit into account when planning the next inspection or visit.",
        closing,
    )
    letter, problems = _check(text)
    assert problems == []
    assert letter.closing.value.startswith(closing.split("\n")[0][:30])


def test_no_closing_at_all_is_a_warning():
    text = _text(["overview", "recs", "findings"]).replace(
        "Ofsted will take the findings from this focused visit into account when planning the next inspection or visit.\n",
        "",
    )
    letter = letter_from_source(source.from_bytes("x.md", text.encode()))
    (diagnostic,) = Engine(Config(select=("STR009",))).check(letter)
    assert (diagnostic.severity, diagnostic.span.line) == ("warning", 28)
