"""Recommendation–finding alignment on the real letters and on broken ones."""

from __future__ import annotations

import json

import pytest

from checker.api import load_file
from checker.checking.config import Config
from checker.checking.engine import Engine
from checker.facts.evidence import align_letter, terms
from checker.reading import source
from checker.reading.letter_reader import letter_from_source
from tests.conftest import LETTERS, edited, letter_path

# recommendation line -> finding lines an editor names as its evidence
SEED_LINKS = {
    "hull_focused_2018.md": {
        29: {47, 58},  # timely work and assessments <- timeliness of assessments, out-of-hours assessments
        30: {54, 55},  # case management oversight <- CSW oversight and supervision findings
        31: {60, 64},  # performance information, QA and audit <- the two findings about them
        32: {56, 57},  # children becoming looked after in an emergency, police protection
    },
    "kent_focused_2019.md": {
        37: {66},  # audit methodology <- quality assurance framework and audits
        38: {45},  # triage decisions <- triage decision-making finding
        39: {64},  # action planning for exploited adolescents <- adolescent risk management panels
        40: {53},  # early help transfers <- transfers to the early help service
    },
}
# monitoring visit: area covered line -> finding paragraphs that evaluate it
KIRKLEES_AREAS = {19: {50}, 20: {50}, 21: {66}, 22: {52}, 23: {44, 48}, 24: {58}}
# every paragraph that evaluates the area (an editor's reading): remove them all
# and the area must be reported. Paragraph 52 also evaluates the assessment of
# risk ("more effective analysis and identification of risk").
KIRKLEES_EVALUATIONS = {**KIRKLEES_AREAS, 20: {50, 52}, 21: {40, 48, 66}, 23: {42, 44, 48}}


def _letter_from(text: str):
    return letter_from_source(source.from_bytes("letter.md", text.encode("utf-8")))


def _alignment_errors(letter):
    return [(d.rule, d.span.line) for d in Engine(Config(select=("alignment",))).check(letter)]


@pytest.mark.parametrize("name", sorted(SEED_LINKS))
def test_seed_recommendations_link_to_the_findings_an_editor_names(name):
    letter = load_file(letter_path(name)).letter
    alignment = align_letter(letter)
    for line, expected in SEED_LINKS[name].items():
        found = [link.line for link in alignment.links[line]]
        assert expected <= set(found), (line, found)
        assert found[0] in expected
    assert _alignment_errors(letter) == []


def test_kirklees_areas_covered_link_to_their_evaluations():
    letter = load_file(letter_path("kirklees_monitoring_2017.md")).letter
    alignment = align_letter(letter)
    for line, expected in KIRKLEES_AREAS.items():
        found = {link.line for link in alignment.areas[line]}
        assert expected <= found, (line, found)
    assert _alignment_errors(letter) == []


@pytest.mark.parametrize("area_line", sorted(KIRKLEES_AREAS))
def test_removing_the_evaluation_of_an_area_is_reported(area_line):
    lines = (LETTERS / "kirklees_monitoring_2017.md").read_text(encoding="utf-8").split("\n")
    removed = KIRKLEES_EVALUATIONS[area_line]
    # blank the paragraphs instead of deleting them so that line numbers stay put
    kept = [("" if number in removed else line) for number, line in enumerate(lines, start=1)]
    assert len(kept) == len(lines)
    errors = _alignment_errors(_letter_from("\n".join(kept)))
    assert ("ALIGN002", area_line) in errors


@pytest.mark.parametrize(
    ("name", "recommendation"),
    [
        ("kent_focused_2019.md", "- improve the recruitment and retention of foster carers for teenagers"),
        (
            "kent_focused_2019.md",
            "- the timeliness of adoption panel decisions for children with a plan for adoption",
        ),
        (
            "hull_focused_2018.md",
            "- Leaders should review the sufficiency of residential placements out of area.",
        ),
    ],
)
def test_a_recommendation_on_a_topic_the_findings_never_mention(name, recommendation):
    marker = "\n\nFindings\n" if name.startswith("kent") else "\n\n## **Findings**\n"
    text = edited(name, (marker, f"\n{recommendation}{marker}"))
    letter = _letter_from(text)
    line = next(b.line for b in letter.recommendations if b.text.value in recommendation)
    errors = _alignment_errors(letter)
    assert errors == [("ALIGN001", line)]
    column = Engine(Config(select=("ALIGN001",))).check(letter)[0].span.column
    assert column == 3


def test_serious_concern_without_recommendation_is_a_warning_quoting_the_finding():
    text = edited(
        "kent_focused_2019.md",
        (
            "- Following its review and re-configuration",
            "- Inspectors raised serious concerns about two children placed in unregistered homes out of area.\n"
            "- Following its review and re-configuration",
        ),
    )
    diagnostics = Engine(Config(select=("ALIGN003",))).check(_letter_from(text))
    assert [(d.rule, d.severity, d.span.line) for d in diagnostics] == [("ALIGN003", "warning", 65)]
    assert "serious concerns" in diagnostics[0].message
    assert "unregistered homes" in diagnostics[0].help


def test_synonyms_fold_phrases_into_one_concept():
    oversight, _ = terms("Supervision was regular.")
    management, _ = terms("Management oversight was regular.")
    assert set(oversight) & set(management) == {"~supervision", "regular"}


def test_report_json_lists_support_with_scores(cli):
    data = json.loads(cli("report", letter_path("kent_focused_2019.md"), "--format", "json").stdout)
    recommendation = data["letters"][0]["recommendations"][2]
    assert recommendation["line"] == 39
    assert recommendation["supported_by"][0] == 64
    support = recommendation["support"][0]
    assert support["line"] == 64 and 0 < support["score"] <= 1
    assert "exploited" in support["shared_terms"]


def test_report_shows_the_map(cli):
    out = cli("report", letter_path("hull_focused_2018.md")).stdout
    assert "Recommendation → supporting findings" in out
    out = cli("report", letter_path("kirklees_monitoring_2017.md")).stdout
    assert "Areas covered → findings that evaluate them" in out


@pytest.mark.parametrize(
    "area",
    [
        "- assessment and support for children who are electively home educated",
        "- the timeliness of decisions for children with a plan for adoption",
        "- the recruitment and assessment of foster carers",
        "- the response to risk for children known to the youth justice service",
    ],
)
def test_a_planted_area_on_a_topic_no_finding_evaluates_is_reported(area):
    text = edited(
        "kirklees_monitoring_2017.md",
        ("assessments of risk.\n\nA range", f"assessments of risk.\n{area}\n\nA range"),
    )
    line = 25
    assert text.split("\n")[line - 1] == area
    errors = _alignment_errors(_letter_from(text))
    assert [e for e in errors if e[0] == "ALIGN002"] == [("ALIGN002", line)]


def test_word_forms_of_one_letter_fold_together():
    from checker.facts.vocabulary import stem_all, word_families

    stems = stem_all(
        ["reduction", "reduced", "inconsistent", "consistency", "supervisor", "supervised", "policy"]
    )
    family = word_families(stems)
    assert family["reduct"] == "reduc"
    assert family["inconsist"] == "consist"
    assert family["supervisor"] == "supervis"
    assert "polici" not in family  # too short to shed an ending: 'policy' is not 'police'
    assert word_families(stem_all(["reduction"])) == {}  # only into a form the letter uses


def test_hyphenated_and_noun_phrase_forms_meet_the_findings_words():
    recommendation, _ = terms("The response to electively home-educated children.")
    finding, _ = terms("Numbers of pupils moving into elective home education have risen.")
    assert "~elective home education" in set(recommendation) & set(finding)


def test_a_recommendation_is_about_its_topic_not_its_frame():
    from checker.facts.vocabulary import load, topic_units

    units = topic_units("The quality and consistency of management oversight.", load(), {})
    assert [u.concept for u in units] == ["~supervision"]
    units = topic_units("The earlier appointment of personal advisers for eligible children", load(), {})
    weights = {u.surface: u.weight for u in units}
    assert weights["appointment"] == 0.5  # the head of the noun phrase
    assert weights["personal advisers"] == weights["eligible"] == 1.0
