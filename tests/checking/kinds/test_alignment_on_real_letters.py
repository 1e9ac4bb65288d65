"""Alignment on published letters: their recommendations are supported, and an
off-topic recommendation planted into them is caught at its line."""

from __future__ import annotations

import re

import pytest

from checker.api import load_file
from checker.checking.config import Config
from checker.checking.engine import Engine
from checker.reading import source
from checker.reading.letter_reader import letter_from_source
from tests.conftest import FIXTURES

REAL = FIXTURES / "real"
REAL_LETTERS = sorted(path.name for path in REAL.glob("*.txt"))

# Recorded real defects: (rule, line) and why a reader agrees.
ALIGNMENT_DEFECTS = {
    # "Chronologies to be concise and consider the impact of events...": no
    # finding mentions chronologies or the events in children's lives
    "middlesbrough_focused_2019.txt": [("ALIGN001", 39)],
}

# Off-topic recommendations, each sharing generic words ("assessment",
# "support", "timeliness", "decisions") with almost any letter; the pattern
# says whether a letter talks about the topic at all.
ADOPTION = ("The assessment and support of prospective adopters.", r"adopt")
ADOPTION_PANEL = (
    "The timeliness of adoption panel decisions for children with a plan for adoption.",
    r"adopt",
)
FOSTERING = ("The recruitment, assessment and support of foster carers for older children.", r"foster")
HOME_EDUCATION = (
    "The quality of assessments for children who are electively home educated.",
    r"home.educ|educated at home",
)
YOUTH_JUSTICE = (
    "Assessment and support for children known to the youth justice service.",
    r"youth justice|youth offend|young offender",
)
OFF_TOPIC = [ADOPTION, ADOPTION_PANEL, FOSTERING, HOME_EDUCATION, YOUTH_JUSTICE]


def _read(name: str) -> str:
    return (REAL / name).read_text(encoding="utf-8")


def _alignment(text: str, select=("alignment",)):
    letter = letter_from_source(source.from_bytes("letter.txt", text.encode("utf-8")))
    return letter, Engine(Config(select=select)).check(letter)


def _plant(text: str, recommendation: str) -> tuple[str, int]:
    """The letter with one more recommendation after its last one, and its line."""
    letter = letter_from_source(source.from_bytes("letter.txt", text.encode("utf-8")))
    last = letter.recommendations[-1].text.span().end_line
    lines = text.split("\n")
    return "\n".join([*lines[:last], "", f"• {recommendation}", *lines[last:]]), last + 2


def _plant_finding(text: str, finding: str) -> tuple[str, int]:
    """The letter with one more finding before its last one (in the same
    paragraph or bullet style), and its line."""
    letter = letter_from_source(source.from_bytes("letter.txt", text.encode("utf-8")))
    line = letter.findings[-1].line
    lines = text.split("\n")
    bullet = "• " if lines[line - 1].startswith("•") else ""
    return "\n".join([*lines[: line - 1], bullet + finding, "", *lines[line - 1 :]]), line


@pytest.mark.parametrize("name", REAL_LETTERS)
def test_published_recommendations_are_supported(name):
    _, diagnostics = _alignment(_read(name))
    found = [(d.rule, d.span.line) for d in diagnostics]
    assert found == ALIGNMENT_DEFECTS.get(name, [])


def _with_recommendations_and_findings() -> list[str]:
    """The letters a recommendation can be planted into: some published letters
    have none, or run their list into one line that a new item cannot follow."""
    names = []
    for name in REAL_LETTERS:
        letter = letter_from_source(source.from_bytes(name, _read(name).encode("utf-8")))
        if not (letter.recommendations and letter.findings):
            continue
        text, line = _plant(_read(name), "The quality of plans.")
        planted = letter_from_source(source.from_bytes(name, text.encode("utf-8")))
        if any(b.line == line for b in planted.recommendations) and planted.findings:
            names.append(name)
    return names


PLANTABLE = _with_recommendations_and_findings()


def test_most_real_letters_take_a_planted_recommendation():
    assert len(PLANTABLE) >= 10


@pytest.mark.parametrize(("name", "line"), [(n, d[0][1]) for n, d in sorted(ALIGNMENT_DEFECTS.items())])
def test_a_recorded_defect_is_reported_on_the_recommendation(name, line):
    _, diagnostics = _alignment(_read(name), select=("ALIGN001",))
    assert [(d.span.line, d.span.column) for d in diagnostics] == [(line, 3)]  # after "• "
    assert diagnostics[0].severity == "error"


def _plantings():
    for name in PLANTABLE:
        text = _read(name)
        for recommendation, mentioned in OFF_TOPIC:
            if not re.search(mentioned, text, re.IGNORECASE):
                yield pytest.param(name, recommendation, id=f"{name}-{recommendation[:30]}")


@pytest.mark.parametrize(("name", "recommendation"), list(_plantings()))
def test_an_off_topic_recommendation_planted_in_a_real_letter_is_caught(name, recommendation):
    text, line = _plant(_read(name), recommendation)
    _, diagnostics = _alignment(text, select=("ALIGN001",))
    planted = [d for d in diagnostics if d.span.line == line]
    assert [(d.span.line, d.span.column) for d in planted] == [(line, 3)]
    assert "no finding mentions" in planted[0].message
    # the letter's own recommendations are still supported
    assert len(diagnostics) == 1 + len(ALIGNMENT_DEFECTS.get(name, []))


@pytest.mark.parametrize(
    ("name", "recommendation"),
    [
        ("stoke-on-trent_focused_2023.txt", ADOPTION[0]),  # its findings discuss adoption and fostering
        ("stoke-on-trent_focused_2023.txt", FOSTERING[0]),
        ("bournemouth-christchurch-and-poole_focused_2020.txt", HOME_EDUCATION[0]),  # finding 16
    ],
)
def test_a_topic_the_findings_discuss_is_not_off_topic(name, recommendation):
    text, line = _plant(_read(name), recommendation)
    _, diagnostics = _alignment(text, select=("ALIGN001",))
    assert line not in {d.span.line for d in diagnostics}


def test_a_published_recommendation_on_home_education_is_supported_by_its_finding():
    from checker.facts.evidence import align_letter

    letter = load_file(str(REAL / "bournemouth-christchurch-and-poole_focused_2020.txt")).letter
    recommendation = next(b for b in letter.recommendations if "electively home-educated" in b.text.value)
    links = align_letter(letter).links[recommendation.line]
    evidence = {b.line: b.text.value for b in letter.findings}
    assert any("elective home education" in evidence.get(link.line, "") for link in links)


@pytest.mark.parametrize(
    ("name", "concern"),
    [
        (
            "dudley_focused_2020.txt",
            "Inspectors had serious concerns about two children placed in unregistered homes out of area.",
        ),
        (
            "hackney_focused_2021.txt",
            "Some disabled children were left in situations of unacceptable risk while they waited for a short-break service.",
        ),
        (
            "peterborough_focused_2021.txt",
            "Delays in the youth court mean that some young people remain in unsafe situations for too long.",
        ),
    ],
)
def test_a_serious_concern_planted_in_a_real_letter_is_a_warning(name, concern):
    planted, line = _plant_finding(_read(name), concern)
    _, diagnostics = _alignment(planted, select=("ALIGN003",))
    assert [(d.rule, d.severity, d.span.line) for d in diagnostics] == [("ALIGN003", "warning", line)]


@pytest.mark.parametrize(
    ("name", "line", "phrase"),
    [
        # "when children are at risk of significant harm, responses ... are timely"
        ("reading_focused_2022.txt", 56, "risk of significant harm"),
        # "come into care in an emergency, owing to serious concerns for their safety"
        ("redbridge_focused_2022.txt", 56, "serious concerns for their safety"),
    ],
)
def test_a_phrase_that_describes_the_work_is_not_a_concern(name, line, phrase):
    text = _read(name)
    assert phrase in text.split("\n")[line - 1]
    _, diagnostics = _alignment(text, select=("ALIGN003",))
    assert diagnostics == []


@pytest.mark.parametrize(
    "statement",
    [
        "Children are not left in situations of unassessed risk while they wait for the youth court.",
        "No child was seen to be left at significant risk while waiting for the youth court.",
    ],
)
def test_a_concern_that_is_denied_is_not_a_concern(statement):
    planted, _ = _plant_finding(_read("peterborough_focused_2021.txt"), statement)
    _, diagnostics = _alignment(planted, select=("ALIGN003",))
    assert diagnostics == []


def test_a_recommendation_written_as_a_finding_states_its_own_evidence():
    """Letters of 2018-19 list what needs to improve as findings: Waltham
    Forest's "The quality assurance framework audits focus on process
    compliance. In order to ..." has no other finding on audits, and needs none."""
    letter, diagnostics = _alignment(_read("waltham-forest_focused_2018.txt"))
    assert diagnostics == []
    from checker.facts.evidence import recommendation_links

    links, _ = recommendation_links(letter)
    assert [link.kind for link in links[43]] == ["statement"]


@pytest.mark.parametrize(
    "recommendation",
    [
        # a directive, however long, is not a finding
        "Leaders should review the audit programme. Audits should look at the quality of practice.",
        # a statement about a topic no finding mentions is still unsupported
        "Adopters wait too long to be approved. Adoption panels do not meet often enough.",
    ],
)
def test_directives_and_off_topic_statements_still_need_a_finding(recommendation):
    text, line = _plant(_read("waltham-forest_focused_2018.txt"), recommendation)
    _, diagnostics = _alignment(text, select=("ALIGN001",))
    assert [d.span.line for d in diagnostics] == [line]


def test_a_relative_clause_is_part_of_the_topic_not_a_purpose_clause():
    """ "The point at which pathway planning starts ..." is about pathway
    planning: "which" after a preposition does not end the topic."""
    from checker.facts.evidence import states_its_evidence

    text, line = _plant(
        _read("waltham-forest_focused_2018.txt"),
        "The point at which care records are updated needs to be earlier, as soon as possible after a visit.",
    )
    letter = letter_from_source(source.from_bytes("letter.txt", text.encode("utf-8")))
    block = next(b for b in letter.recommendations if b.line == line)
    topic = {unit.surface for unit in letter.facts.evidence.topic(block)}
    assert {"records", "updated", "visit"} <= topic
    assert not states_its_evidence(block.text.value)  # one sentence, and a directive
